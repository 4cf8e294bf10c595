//! Go to definition, references, highlights, rename and hover over a two-file schema, and
//! Prisma's own hover and references scenarios
//! (`../shared/conformance/prisma-fmt/{hover,references}`).

mod common;

use prisma_analyzer::analysis::{self, Severity, TextEdit};
use prisma_analyzer::ide;
use prisma_analyzer::model::{FileId, Schema, SourceFile, Span};
use prisma_analyzer::syntax::PositionEncoding;

const A: &str = r#"datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// A person who writes.
model User {
  id      Int      @id @default(autoincrement())
  email   String   @unique @db.VarChar(255)
  name    String?  @map("full_name")
  role    Role     @default(USER)
  posts   Post[]
  profile Profile?

  @@index([email, name])
}

enum Role {
  USER
  /// Can do everything.
  ADMIN @map("admin")
}
"#;

const B: &str = r#"model Post {
  id       Int    @id
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
  tags     Tag[]

  @@unique([authorId, title])
  @@map("posts")
}

model Profile {
  userId Int  @id
  user   User @relation(fields: [userId], references: [id])
}

model Tag {
  id    Int    @id
  posts Post[]
}
"#;

/// The fixture with the cursor placed before the `nth` (0-based) occurrence of `needle` in
/// file `file` plus `inside` bytes.
fn at(file: usize, needle: &str, nth: usize, inside: u32) -> (Schema, FileId, u32) {
    let texts = [A, B];
    let text = texts[file];
    let offset = text
        .match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` #{nth} in file {file}"))
        .0 as u32
        + inside;
    (schema(&[A, B]), FileId(file as u32), offset)
}

fn schema(texts: &[&str]) -> Schema {
    let names = ["a.prisma", "b.prisma"];
    Schema::new(
        texts
            .iter()
            .zip(names)
            .map(|(text, name)| SourceFile::parse(name, *text))
            .collect(),
    )
}

/// `a.prisma:7:7 User` for a span.
fn show(schema: &Schema, span: Span) -> String {
    let file = schema.file(span.file);
    let position = file.line_col(span.start as usize, PositionEncoding::Utf8);
    format!(
        "{}:{}:{} {}",
        file.name,
        position.line + 1,
        position.col + 1,
        schema.text(span)
    )
}

fn show_all(schema: &Schema, spans: &[Span]) -> Vec<String> {
    spans.iter().map(|&span| show(schema, span)).collect()
}

/// The files after applying the edits.
fn apply(schema: &Schema, edits: &[TextEdit]) -> Vec<String> {
    schema
        .file_ids()
        .map(|file| {
            let mut text = schema.file(file).text.clone();
            let mut mine: Vec<&TextEdit> = edits.iter().filter(|e| e.span.file == file).collect();
            mine.sort_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end)));
            for edit in mine {
                text.replace_range(edit.span.range(), &edit.new_text);
            }
            text
        })
        .collect()
}

fn errors(schema: &Schema) -> Vec<String> {
    analysis::check(schema)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.message)
        .collect()
}

/// Renames, checks that the result has no more errors than before, and shows the changed
/// files.
fn renamed(file: usize, needle: &str, inside: u32, new_name: &str) -> String {
    let (schema, file, offset) = at(file, needle, 0, inside);
    let edits = ide::rename(&schema, file, offset, new_name).expect("rename accepted");
    let texts = apply(&schema, &edits);
    let after = Schema::new(
        texts
            .iter()
            .zip(["a.prisma", "b.prisma"])
            .map(|(t, n)| SourceFile::parse(n, t.as_str()))
            .collect(),
    );
    assert_eq!(
        errors(&after),
        errors(&schema),
        "no new errors after the rename"
    );
    texts
        .iter()
        .zip([A, B])
        .zip(["a.prisma", "b.prisma"])
        .filter(|((new, old), _)| new != old)
        .map(|((new, _), name)| format!("// {name}\n{new}"))
        .collect()
}

#[test]
fn fixture_is_valid() {
    assert_eq!(errors(&schema(&[A, B])), Vec::<String>::new());
}

#[test]
fn definition_of_names_and_references() {
    let cases = [
        (1, "User   @relation", 0, "model type (other file)"),
        (0, "Post[]", 0, "model type"),
        (0, "Role     @default", 0, "enum type"),
        (0, "USER)", 0, "enum value in @default"),
        (1, "authorId]", 0, "fields: [..]"),
        (1, "id], onDelete", 0, "references: [..] on the other model"),
        (0, "name])", 0, "@@index([..])"),
        (1, "authorId, title", 0, "@@unique([..])"),
        (0, "db.VarChar", 0, "datasource in @db.X"),
        (0, "model User", 0, "the keyword: nothing"),
        (0, "  email", 0, "a field's own name"),
    ];
    let results: Vec<String> = cases
        .iter()
        .map(|&(file, needle, nth, what)| {
            let (schema, file_id, offset) = at(file, needle, nth, 2.min(needle.len() as u32));
            let result = ide::definition(&schema, file_id, offset)
                .map_or("none".to_string(), |span| show(&schema, span));
            format!("{what}: {result}")
        })
        .collect();
    insta::assert_json_snapshot!(results);
}

#[test]
fn references_across_files() {
    let cases = [
        (0, "model User", 0, 7, "model User"),
        (1, "authorId", 0, 1, "field Post.authorId"),
        (
            0,
            "  id  ",
            0,
            3,
            "field User.id (references: [id] in two models)",
        ),
        (0, "email", 0, 1, "field User.email (@@index)"),
        (0, "USER", 0, 1, "enum value USER"),
        (0, "enum Role", 0, 6, "enum Role"),
        (0, "datasource db", 0, 12, "datasource db"),
    ];
    let results: Vec<(String, Vec<String>)> = cases
        .iter()
        .map(|&(file, needle, nth, inside, what)| {
            let (schema, file_id, offset) = at(file, needle, nth, inside);
            let spans = ide::references(&schema, file_id, offset, true);
            let without = ide::references(&schema, file_id, offset, false);
            assert_eq!(without.len() + 1, spans.len(), "{what}: one declaration");
            (what.to_string(), show_all(&schema, &spans))
        })
        .collect();
    insta::assert_json_snapshot!(results);
}

#[test]
fn highlights_stay_in_the_file() {
    let (schema, file, offset) = at(1, "User", 0, 1);
    let marks: Vec<String> = ide::highlights(&schema, file, offset)
        .into_iter()
        .map(|(span, write)| {
            format!(
                "{} {}",
                show(&schema, span),
                if write { "write" } else { "read" }
            )
        })
        .collect();
    let (schema, file, offset) = at(0, "  email", 0, 3);
    let in_a: Vec<String> = ide::highlights(&schema, file, offset)
        .into_iter()
        .map(|(span, write)| {
            format!(
                "{} {}",
                show(&schema, span),
                if write { "write" } else { "read" }
            )
        })
        .collect();
    insta::assert_json_snapshot!((marks, in_a));
}

#[test]
fn rename_model_adds_map() {
    insta::assert_snapshot!(renamed(0, "model User", 7, "Author"));
}

#[test]
fn rename_mapped_model_keeps_its_map() {
    insta::assert_snapshot!(renamed(1, "model Post", 7, "Article"));
}

#[test]
fn rename_field_in_lists() {
    insta::assert_snapshot!(renamed(1, "authorId", 1, "writerId"));
}

#[test]
fn rename_referenced_field() {
    insta::assert_snapshot!(renamed(0, "  id  ", 3, "userId"));
}

#[test]
fn rename_mapped_field_and_relation_field() {
    let mapped = renamed(0, "  name ", 3, "fullName");
    let relation = renamed(1, "author ", 1, "writer");
    insta::assert_snapshot!(format!("{mapped}\n{relation}"));
}

#[test]
fn rename_enum_and_values() {
    let enum_ = renamed(0, "enum Role", 6, "UserRole");
    let value = renamed(0, "  USER", 3, "MEMBER");
    let mapped_value = renamed(0, "ADMIN", 1, "OWNER");
    insta::assert_snapshot!(format!("{enum_}\n{value}\n{mapped_value}"));
}

#[test]
fn rename_refusals() {
    let cases = [
        (0, "model User", 0, 7, "Post"),
        (0, "model User", 0, 7, "String"),
        (0, "model User", 0, 7, "PrismaClient"),
        (0, "model User", 0, 7, "2fast"),
        (0, "model User", 0, 7, "_hidden"),
        (0, "model User", 0, 7, "with-dash"),
        (0, "model User", 0, 7, ""),
        (0, "  email", 0, 3, "name"),
        (0, "  USER", 0, 3, "ADMIN"),
        (0, "model User", 0, 1, "Keyword"),
    ];
    let results: Vec<String> = cases
        .iter()
        .map(|&(file, needle, nth, inside, new_name)| {
            let (schema, file_id, offset) = at(file, needle, nth, inside);
            let result = ide::rename(&schema, file_id, offset, new_name);
            format!(
                "{needle} -> {new_name:?}: {}",
                result.err().unwrap_or_default()
            )
        })
        .collect();
    insta::assert_json_snapshot!(results);
}

#[test]
fn prepare_rename_selects_the_name() {
    let (schema, file, offset) = at(1, "authorId]", 0, 3);
    let span = ide::prepare_rename(&schema, file, offset).expect("renamable");
    assert_eq!(show(&schema, span), "b.prisma:5:38 authorId");
    let (schema, file, offset) = at(1, "@relation", 0, 3);
    assert!(ide::prepare_rename(&schema, file, offset).is_err());
}

#[test]
fn rename_keeps_implicit_join_tables() {
    let kept = renamed(1, "model Tag", 7, "Topic");
    let (schema, file, offset) = at(1, "model Post", 0, 7);
    let swapped = ide::rename(&schema, file, offset, "Zebra").expect_err("columns would swap");
    insta::assert_snapshot!(format!("{kept}\n{swapped}"));
}

/// A rename that would swap the columns `A` and `B` of an implicit many-to-many join table is
/// refused whatever the relation's name (named relations keep their table's name, not its
/// columns), and so is a field rename that reverses a self-relation's order; renames that
/// keep the order are accepted and re-validate.
#[test]
fn rename_never_swaps_join_table_columns() {
    let text = r#"datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model Post {
  id   Int   @id
  tags Tag[] @relation("PostTags")
}

model Tag {
  id    Int    @id
  posts Post[] @relation("PostTags")
}

model Person {
  id       Int      @id
  children Person[] @relation("Family")
  parents  Person[] @relation("Family")
}
"#;
    let schema = Schema::parse("s.prisma", text);
    // The cursor on the needle's last character: the name.
    let offset = |needle: &str| (text.find(needle).expect("needle") + needle.len() - 1) as u32;
    let attempt = |needle: &str, new_name: &str| {
        let result = ide::rename(&schema, FileId(0), offset(needle), new_name);
        let outcome = match &result {
            Err(reason) => format!("refused: {reason}"),
            Ok(edits) => {
                let after = Schema::parse("s.prisma", apply(&schema, edits).concat());
                assert_eq!(errors(&after), errors(&schema), "{needle} -> {new_name}");
                "accepted".to_string()
            }
        };
        format!("{needle} -> {new_name}: {outcome}")
    };
    let results = [
        attempt("model Post", "ZPost"),
        attempt("model Tag", "Aardvark"),
        attempt("model Post", "Article"),
        attempt("children", "zzchildren"),
        attempt("parents", "aaparents"),
        attempt("children", "kids"),
        attempt("model Person", "Human"),
    ];
    insta::assert_snapshot!(results.join("\n"));
}

#[test]
fn rename_adds_map_to_a_one_line_block() {
    let schema = Schema::parse(
        "s.prisma",
        "model A {}\nmodel B {\n  id Int @id\n  a A @relation(fields: [id], references: [x])\n}\n",
    );
    let offset = 7;
    let edits = ide::rename(&schema, FileId(0), offset, "C").expect("rename");
    insta::assert_snapshot!(apply(&schema, &edits).join(""));
}

#[test]
fn hover_on_symbols_and_keywords() {
    let cases = [
        (0, "model User", 0, 8, "model declaration"),
        (1, "User   @relation", 0, 1, "relation field type"),
        (1, "author ", 0, 1, "relation field"),
        (0, "posts ", 0, 1, "back-relation field"),
        (0, "  name ", 0, 3, "mapped field"),
        (0, "ADMIN", 0, 1, "enum value with doc and map"),
        (1, "tags", 0, 1, "implicit many-to-many"),
        (0, "model User", 0, 1, "keyword"),
        (0, "@id", 0, 1, "field attribute"),
        (0, "@@index", 0, 3, "block attribute"),
        (0, "autoincrement", 0, 1, "default function"),
        (1, "Cascade", 0, 1, "referential action"),
        (0, "db.VarChar", 0, 5, "native type"),
        (0, "String  ", 0, 1, "scalar type"),
        (0, "provider", 0, 1, "datasource key"),
        (1, "onDelete", 0, 1, "relation argument"),
    ];
    let results: Vec<String> = cases
        .iter()
        .map(|&(file, needle, nth, inside, what)| {
            let (schema, file_id, offset) = at(file, needle, nth, inside);
            let result = ide::hover(&schema, file_id, offset).map_or("none".to_string(), |h| {
                format!("[{}]\n{}", show(&schema, h.span), h.markdown)
            });
            format!("## {what}\n{result}")
        })
        .collect();
    insta::assert_snapshot!(results.join("\n\n"));
}

#[test]
fn broken_schemas_do_not_panic() {
    let texts = [
        "model A {\n  b B @relation(fields: [, references: [\n",
        "model {\n  @@index([\n}",
        "enum E { A @default(",
        "model A { id Int @id @default(B) e E @default([X, ]) }\nenum",
        "model A { x a.b.c @@index([a.b.c, .x, y.]) }",
    ];
    for text in texts {
        let schema = Schema::parse("s.prisma", text);
        for offset in 0..=text.len() as u32 {
            let file = FileId(0);
            let _ = ide::symbol_at(&schema, file, offset);
            let _ = ide::references(&schema, file, offset, true);
            let _ = ide::highlights(&schema, file, offset);
            let _ = ide::hover(&schema, file, offset);
            let _ = ide::rename(&schema, file, offset, "Z");
        }
    }
}

#[test]
fn fast_on_a_thousand_models() {
    let mut text = String::new();
    for i in 0..1000 {
        let next = (i + 1) % 1000;
        text.push_str(&format!(
            "model M{i} {{\n  id Int @id\n  nextId Int\n  next M{next} @relation(\"r{i}\", fields: [nextId], references: [id])\n  back M{next}[] @relation(\"r{next}\")\n  @@index([nextId])\n}}\n\n"
        ));
    }
    let schema = Schema::parse("big.prisma", text.as_str());
    let offset = text.find("model M500").expect("M500") as u32 + 7;
    let start = std::time::Instant::now();
    let runs = 20;
    for _ in 0..runs {
        assert!(ide::definition(&schema, FileId(0), offset).is_some());
        assert_eq!(ide::references(&schema, FileId(0), offset, true).len(), 3);
        assert!(ide::hover(&schema, FileId(0), offset).is_some());
    }
    let each = start.elapsed() / runs;
    println!("definition + references + hover on 1,000 models: {each:?}");
    // Debug builds are slow; the bound only catches quadratic behaviour.
    assert!(each.as_millis() < 200, "{each:?}");
}

#[test]
fn composite_type_paths_in_index_lists() {
    let text = "datasource db {\n  provider = \"mongodb\"\n  url = env(\"URL\")\n}\n\ntype Address {\n  street String\n}\n\nmodel User {\n  id      String  @id @map(\"_id\") @db.ObjectId\n  address Address\n\n  @@index([address.street(sort: Desc)])\n}\n";
    let schema = Schema::parse("m.prisma", text);
    let offset = text.find("street String").expect("street") as u32 + 1;
    let found = show_all(&schema, &ide::references(&schema, FileId(0), offset, true));
    assert_eq!(found, ["m.prisma:7:3 street", "m.prisma:14:20 street"]);
    let edits = ide::rename(&schema, FileId(0), offset, "road").expect("rename");
    let after = apply(&schema, &edits).join("");
    assert!(after.contains("road String @map(\"street\")"), "{after}");
    assert!(
        after.contains("@@index([address.road(sort: Desc)])"),
        "{after}"
    );
}
