//! Formatting conformance: our formatter against Prisma's reformat pairs
//! (`../shared/conformance/reformat/`) and against Prisma's own formatter on the real-world
//! corpus (`../shared/corpus/real/`, via `.ci/reference/format.js`); and the cases where we
//! knowingly do better than Prisma (relations that pair, files that are refused or left
//! alone, comments kept).

mod common;

use prisma_analyzer::analysis::{self, Severity};
use prisma_analyzer::ide::{Refusal, format_file};
use prisma_analyzer::model::{FileId, Schema, SourceFile};
use std::path::Path;

/// Pairs that agree at least this often (ratchet: raise it, never lower it).
const CONFORMANCE_AGREE_AT_LEAST: usize = 77;

/// The pairs where we knowingly differ from Prisma's formatter, with the reason. Formatting
/// never adds an error (`tests/format_properties.rs`); Prisma's completion of relations does
/// in these cases, so we add what makes the relation valid, or complete nothing.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
    (
        "inline/reformat_implicit_relations/back_relations_must_be_added_even_when_attribute_is_missing_for_one_to_one",
        "the new foreign key of a one-to-one relation is `@unique`, as that relation requires (without it: relation/one-to-one-not-unique)",
    ),
    (
        "inline/reformat_implicit_relations/must_add_referenced_fields_on_the_right_side_for_one_to_one_relations",
        "the new foreign keys of one-to-one relations are `@unique` (without: relation/one-to-one-not-unique)",
    ),
    (
        "inline/reformat_implicit_relations/should_add_missing_embed_ids_on_self_relations",
        "the new foreign key of a one-to-one self-relation is `@unique` (without: relation/one-to-one-not-unique)",
    ),
    (
        "inline/reformat_implicit_relations/should_add_referenced_fields_on_the_correct_side_tie_breaker",
        "the new foreign key of a one-to-one relation is `@unique` (without: relation/one-to-one-not-unique)",
    ),
    (
        "inline/reformat_implicit_relations/must_add_back_relation_fields_for_self_relations",
        "not completed: the unnamed `humans Human[]` Prisma adds opposite `son` makes the self-relation ambiguous (relation/ambiguous)",
    ),
    (
        "inline/reformat_implicit_relations/forward_relation_field_generation_picks_up_types_of_existing_underlying_scalar_fields",
        "not completed: Prisma's new `blog Blog?` uses the existing `blogId Int` as the foreign key of a `String` id (relation/type-mismatch)",
    ),
    (
        "inline/reformat_implicit_relations/issue_10118",
        "not completed: Prisma gives `Referral.user` a foreign key too, so both sides of the one-to-one relation have one (relation/arguments)",
    ),
    (
        "inline/reformat_implicit_relations/mongodb_inline_relations_reformat_as_expected",
        "not completed: Prisma's new `B.a` holds `fields` opposite a list side that has its own (relation/arguments)",
    ),
];
/// Corpus schemas formatted identically to Prisma at least this often.
const CORPUS_AGREE_AT_LEAST: usize = 160;

/// Formats every file of a schema; `None` for a file we refuse to format.
fn format_all(files: &[(String, String)]) -> Vec<(String, Option<String>)> {
    let schema = Schema::new(
        files
            .iter()
            .map(|(name, text)| SourceFile::parse(name.clone(), text.clone()))
            .collect(),
    );
    schema
        .file_ids()
        .zip(files)
        .map(|(id, (name, _))| (name.clone(), format_file(&schema, id).ok()))
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable file")
}

/// The first line where `ours` and `expected` differ, for the report.
fn first_difference(ours: &str, expected: &str) -> String {
    for (line, (a, b)) in ours.lines().zip(expected.lines()).enumerate() {
        if a != b {
            return format!("line {}: ours {a:?}, expected {b:?}", line + 1);
        }
    }
    format!(
        "lengths differ: ours {} lines, expected {} lines",
        ours.lines().count(),
        expected.lines().count()
    )
}

#[test]
fn reformat_pairs_agree_with_prisma() {
    let Some(shared) = common::shared_dir("format conformance") else {
        return;
    };
    let root = shared.join("conformance/reformat");
    let cases = read(&root.join("cases.jsonl"));
    let mut agree = 0;
    let mut total = 0;
    let mut differences = Vec::new();
    let mut stale = Vec::new();
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("JSON case");
        let id = case["id"].as_str().unwrap_or_default().to_string();
        let strings = |value: &serde_json::Value| -> Vec<String> {
            value
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let inputs = strings(&case["input"]);
        let expected = strings(&case["expected"]);
        // (file name, input text, expected text)
        let mut files: Vec<(String, String, String)> = Vec::new();
        if case["kind"] == "multi_file" {
            for (input, output) in inputs.iter().zip(&expected) {
                let name = input.rsplit('/').next().unwrap_or(input).to_string();
                files.push((name, read(&root.join(input)), read(&root.join(output))));
            }
        } else {
            files.push((
                "schema.prisma".to_string(),
                read(&root.join(&inputs[0])),
                read(&root.join(&expected[0])),
            ));
        }
        total += 1;
        let sources: Vec<(String, String)> = files
            .iter()
            .map(|(n, t, _)| (n.clone(), t.clone()))
            .collect();
        let ours = format_all(&sources);
        let mut problem = None;
        for ((name, formatted), (_, input, want)) in ours.iter().zip(&files) {
            // Upstream answers a schema that does not parse unchanged.
            let formatted = formatted.clone().unwrap_or_else(|| input.clone());
            if &formatted != want {
                problem = Some(format!("{name}: {}", first_difference(&formatted, want)));
                break;
            }
        }
        let known = KNOWN_DIFFERENCES.iter().find(|(known, _)| *known == id);
        match (problem, known) {
            (None, None) => agree += 1,
            (None, Some(_)) => stale.push(id),
            (Some(problem), Some((_, reason))) => {
                println!("  differs as known: {id}: {problem} ({reason})");
            }
            (Some(problem), None) => differences.push(format!("{id}: {problem}")),
        }
    }
    println!("reformat pairs: {agree} of {total} agree");
    for difference in &differences {
        println!("  differs: {difference}");
    }
    assert!(
        differences.is_empty() && stale.is_empty(),
        "reformat pairs that differ unexpectedly: {differences:#?}; listed as different but agree: {stale:?}"
    );
    assert!(
        agree >= CONFORMANCE_AGREE_AT_LEAST,
        "only {agree} of {total} reformat pairs agree (at least {CONFORMANCE_AGREE_AT_LEAST} did)"
    );
}

#[test]
fn corpus_agrees_with_prismas_formatter() {
    let Some(shared) = common::shared_dir("format corpus") else {
        return;
    };
    let Some(reference) = common::reference_dir("format corpus") else {
        return;
    };
    let paths = common::prisma_files(&shared.join("corpus/real"));
    let schemas: Vec<Vec<(String, String)>> = paths
        .iter()
        .map(|path| vec![("schema.prisma".to_string(), read(path))])
        .collect();
    let references = reference_formats(&reference, &schemas);
    let mut agree = 0;
    let mut compared = 0;
    let mut differences = Vec::new();
    for ((path, files), reference) in paths.iter().zip(&schemas).zip(&references) {
        // Prisma formats only what it parses; those schemas are out of scope.
        let Some(expected) = reference
            .as_array()
            .and_then(|files| files.first())
            .and_then(|file| file.get(1))
            .and_then(|text| text.as_str())
        else {
            continue;
        };
        compared += 1;
        let ours = format_all(files).remove(0).1;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        match ours {
            Some(ours) if ours == expected => agree += 1,
            Some(ours) => {
                differences.push(format!("{name}: {}", first_difference(&ours, expected)))
            }
            None => differences.push(format!("{name}: we refused to format it")),
        }
    }
    println!("corpus: {agree} of {compared} schemas formatted like Prisma");
    for difference in &differences {
        println!("  differs: {difference}");
    }
    assert!(
        agree >= CORPUS_AGREE_AT_LEAST,
        "only {agree} of {compared} corpus schemas agree (at least {CORPUS_AGREE_AT_LEAST} did)"
    );
}

/// Prisma's formatting of each schema (`.ci/reference/format.js`), from one node run.
fn reference_formats(dir: &Path, schemas: &[Vec<(String, String)>]) -> Vec<serde_json::Value> {
    common::run_reference_script(dir, "format.js", schemas)
}

#[test]
fn a_block_with_a_syntax_error_is_kept_byte_for_byte() {
    let broken = "model Broken {\n  id Int @id\n  name String @default(\"x\n    other    Int\n}\n";
    let input = format!("model A {{\n  id Int @id\n  longerName   String\n}}\n\n\n{broken}");
    let ours = format_all(&[("schema.prisma".to_string(), input)])
        .remove(0)
        .1
        .expect("the file is formatted around the broken block");
    assert_eq!(
        ours,
        format!("model A {{\n  id         Int    @id\n  longerName String\n}}\n\n{broken}")
    );
}

#[test]
fn relation_pieces_are_added_only_to_a_schema_that_reads_cleanly() {
    let clean = "model User {\n  id Int @id\n}\n\nmodel Post {\n  id Int @id\n  author User\n}\n";
    let ours = format_all(&[("schema.prisma".to_string(), clean.to_string())])
        .remove(0)
        .1
        .expect("formatted");
    assert_eq!(
        ours,
        "model User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id     Int  @id\n  author User @relation(fields: [userId], references: [id])\n  userId Int\n}\n"
    );
    // Prisma completes nothing in a schema it cannot read (here: an unknown type).
    let unknown_type = format!("{clean}\nmodel Tag {{\n  id Int @id\n  kind Kind\n}}\n");
    let ours = format_all(&[("schema.prisma".to_string(), unknown_type)])
        .remove(0)
        .1
        .expect("formatted");
    assert!(!ours.contains("@relation"), "{ours}");
    assert!(!ours.contains("posts"), "{ours}");
}

/// The formatting of a one-file schema.
fn format_one(text: &str) -> Result<String, Refusal> {
    format_file(&Schema::parse("schema.prisma", text), FileId(0))
}

fn error_messages(text: &str) -> Vec<String> {
    analysis::check(&Schema::parse("schema.prisma", text))
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.code.as_str(), d.message))
        .collect()
}

/// A named relation whose other side is missing: the added field carries the name, so the
/// two sides pair, the result is valid and formatting it again changes nothing (Prisma's
/// formatter leaves the name out, and adds another field at every run). A name the model
/// already has gets a number instead of a duplicate field.
#[test]
fn added_relation_fields_carry_the_relation_name_and_pair() {
    let cases = [
        "model User {\n  id    Int    @id\n  posts Post[] @relation(\"ab\")\n}\n\nmodel Post {\n  id Int @id\n}\n",
        "model User {\n  id Int @id\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(\"ab\", fields: [authorId], references: [id])\n}\n",
        "model User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n  editorId Int\n  editor   User @relation(\"edits\", fields: [editorId], references: [id])\n}\n",
    ];
    let mut outputs = Vec::new();
    for input in cases {
        let once = format_one(input).expect("formatted");
        assert_eq!(format_one(&once).as_ref(), Ok(&once), "stable:\n{once}");
        assert_eq!(error_messages(&once), Vec::<String>::new(), "{once}");
        outputs.push(once);
    }
    insta::assert_snapshot!(outputs.join("\n---\n"));
}

/// What is refused (the file is left alone, with the reason) and what is left as it is.
#[test]
fn unclosed_blocks_are_refused_and_blank_files_left_alone() {
    for unclosed in [
        "model A {{{{\n  id Int @id\n}\n",
        "model A {\n  id Int @id\n\nmodel B {\n  id Int @id\n}\n",
        "model A {\n  id Int @id\n  /* a comment that never ends\n}\n",
        "model A {\n  id Int @id\n}\n/* a comment that never ends\n",
    ] {
        assert_eq!(format_one(unclosed), Err(Refusal::Unclosed), "{unclosed}");
    }
    // The grammar's recovery of this file depends on its blank lines: with one fewer, the
    // error after `@d}` reads differently.
    let recovered_differently =
        "model Post {\n\n  id Int @id @d}efault(autoincrement())\n\n\nmodel Post {\n\n}\n";
    assert_eq!(
        format_one(recovered_differently),
        Err(Refusal::UnstableErrors)
    );
    // A stray line in a file with syntax errors keeps its blanks, and the blank lines after
    // it: without them the grammar would read a datasource named `Tag`, or move the error
    // from the last block (which the next run would then lay out, with other columns).
    for broken in [
        "generator client {\n}\ndatasource db \n  provider = \"sqlserver\"\n  url      = env(\"DATABASE_URL\")\nmodel Tag {\n}\n",
        "model Comment {\n}\n  category_id Int @id\n  posts PostToCategory[]\n}\n\nmodel PostToCategory {\n  post     Post     @relation(fields: [postId], references: post_id])\n  @@map(\"post_to_category\")\n}\n",
    ] {
        let once = format_one(broken).expect("formatted");
        assert_eq!(format_one(&once).as_ref(), Ok(&once), "{once}");
        assert_eq!(error_messages(&once), error_messages(broken), "{once}");
    }
    // Nothing but blanks and line breaks: left as it is (Prisma writes one line break).
    for blank in ["", "\n", "\n\n\n", "\r\n", "\r\n\r\n", "  \t\n ", "\r"] {
        assert_eq!(format_one(blank).as_deref(), Ok(blank), "{blank:?}");
    }
    // A block closed on a line with a comment, or on a line of its own text: formatted
    // around, not refused.
    let closing_comment =
        "model A {\n  id Int @id\n  name String\n} // the end\n\n\nmodel B {\n  id Int @id\n}\n";
    let shared_line =
        "model A {\n  id Int @id\n  name String }\n\n\nmodel B {\n  id   Int   @id\n}\n";
    insta::assert_snapshot!(format!(
        "{}---\n{}",
        format_one(closing_comment).expect("formatted"),
        format_one(shared_line).expect("formatted")
    ));
}

/// `/* … */` comments in blocks, as Prisma lays them out: one alone on its lines is framed
/// `/** … */` at the block's indentation; one after a field keeps its other lines as
/// written; one inside arguments keeps the line as written. The text inside a comment is
/// never read as fields (it made columns wider).
#[test]
fn block_comments_in_blocks_keep_their_lines() {
    let input = "model A {\n  id Int @id\n      /* one\n  two: String\n three\n   */\n  name String /* a\n   b */\n  tag String @default(\"x\") /* c */\n  size Int @db.SmallInt(1/* n\n   m */)\n  /* about the index */\n  @@index([name])\n}\n\nenum E {\n  A /* x\n y */\n  B\n}\n";
    let once = format_one(input).expect("formatted");
    assert_eq!(format_one(&once).as_ref(), Ok(&once));
    insta::assert_snapshot!(once);
}

/// What the standing guard (`tests/guard.rs`) found breaking a property of formatting,
/// minimized, with the cause each stands for. Every case, with `\n`, `\r\n` and lone `\r`
/// line breaks, keeps every property (idempotent, no new error, comments kept) and formats
/// alike whatever its line breaks; the results are a snapshot.
#[test]
fn guard_findings_keep_the_format_properties() {
    let cases: &[(&str, &str)] = &[
        (
            "relations are not completed in a schema that does not read: a repeated argument",
            "model User {\n  id   Int    @id\n  post Post[]\n}\n\nmodel Post {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: [userId], references: , references: [id])\n}\n",
        ),
        (
            "... an argument without its value",
            "model User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id     Int  @id\n  userId Int\n  user   User @relation(fields: , references: [id])\n}\n",
        ),
        (
            "... a self-relation with arguments without values",
            "model Human {\n  id      Int     @id\n  sonId   Int?\n  son     Human?  @relation(fields: , references: , fields: [humanId], references: [id])\n  humans  Human[]\n  humanId Int?\n}\n",
        ),
        (
            "... a model named like a scalar type",
            "model Int {\n  id   Int   @id\n  post Post?\n}\n\nmodel Post {\n  id Int @id\n}\n",
        ),
        (
            "... a misspelt argument (after the legacy `id:` is repaired)",
            "model Blog {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id:    Int   @id\n  blogId Int?\n  blog   Blog? @relation(post2s: [blogId], references: [id])\n}\n",
        ),
        (
            "... a misspelt attribute (after the legacy `id:` is repaired)",
            "model User {\n  id:  Int   @id\n  post Post?\n}\n\nmodel Post {\n  id     Int   @id\n  userId Int?\n  user   User? @updatedAt(fields: [userId], references: [id])\n}\n",
        ),
        (
            "... `@id` with the arguments of `@relation` (after a legacy repair)",
            "model Human {\n  id:   Int @id\n  sonId Int?\n  son   Human? @id(fields: [sonId], references: [id])\n}\n",
        ),
        (
            "a legacy repair and the completion it allows, in one run",
            "model User {\n  id: Int @id\n}\n\nmodel Post {\n  id     Int @id\n  author User\n}\n",
        ),
        (
            "a legacy type modifier (`Post[]!`) repaired and the completion it allows, in one run",
            "model User {\n  id    Int    @id\n  posts Post[]!\n}\n\nmodel Post {\n  id   Int  @id\n  user User\n}\n",
        ),
        (
            "a block closed on the line that opens the next one: both kept as written",
            "model Blog {\n  id Int @id\n  @@map(\"blog\")\n} model Tag {\n  id Int @id\n  @@map(\"tag\")\n}\n",
        ),
        (
            "a block attribute over two lines: its block kept as written",
            "model Invitation {\n  id    Int @id\n  email String\n\n  @@unique([id, email])\n  @@index\n([email])\n}\n",
        ),
        (
            "a line with a syntax error kept as written (re-spaced, it reads a string where `//` began a comment)",
            "datasource pg {\n  provider = \"postgres\"\n  url      = :\"postgresql://\"\n}\n",
        ),
        (
            "a string never closed, whose `/*` the grammar reads as a comment: refused",
            "A @map(\"a/* a\nenum Colors {\n\n  RED\n}\n// b */\n",
        ),
        (
            "syntax errors that read differently with `\\r\\n`: refused",
            "datasource db {\n  provider = \"sqlite\"\n}\n  url      = envtype (\"DATABASE_URL\")\n}\n\ngenerator client {\n}\n",
        ),
        (
            "a layout whose syntax errors would read differently with `\\r\\n`: refused",
            "model n{\n}@d\nerId    String\n  expiresAt DateTime\n  createdAt DateTime @default(now())\n  updatedAt DateTime @default(now()) @updatedAt\n  user      User     @relation(references: [id], fields: [userId], onDelete: Cascade)\n\n  @@map(\"s}\n\nmodel{}",
        ),
    ];
    let mut results = Vec::new();
    for (cause, input) in cases {
        let expected = format_one(input);
        for variant in [
            input.to_string(),
            input.replace('\n', "\r\n"),
            input.replace('\n', "\r"),
        ] {
            assert_eq!(
                common::properties::format_violation(&variant),
                None,
                "{cause}: {variant:?}"
            );
            let formatted =
                format_one(&variant).map(|text| text.replace("\r\n", "\n").replace('\r', "\n"));
            assert_eq!(formatted, expected, "{cause}: {variant:?}");
        }
        results.push(match expected {
            Ok(text) => format!("# {cause}\n{text}"),
            Err(refusal) => format!("# {cause}\nrefused: {refusal:?}\n"),
        });
    }
    insta::assert_snapshot!(results.join("\n"));
}
