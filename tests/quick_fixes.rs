//! The quick fixes Prisma's language server offers (issue 7), each on a case where it fires
//! (the text after applying it, which must then check clean of that diagnostic) and a case
//! where it stays silent.

mod common;

use common::lsp::LspClient;
use prisma_analyzer::analysis::{self, Diagnostic, Fix, fixes::apply_edits};
use prisma_analyzer::model::{FileId, Schema, SourceFile};

const POSTGRES: &str =
    "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\n";

fn schema_of(files: &[(&str, &str)]) -> Schema {
    Schema::new(
        files
            .iter()
            .map(|(name, text)| SourceFile::parse(*name, *text))
            .collect(),
    )
}

fn diagnostics_with(schema: &Schema, code: &str) -> Vec<Diagnostic> {
    analysis::check(schema)
        .into_iter()
        .filter(|d| d.code.0 == code)
        .collect()
}

/// The fixes titled `title` of the diagnostics with `code`.
fn fixes_titled(schema: &Schema, code: &str, title: &str) -> Vec<Fix> {
    diagnostics_with(schema, code)
        .into_iter()
        .flat_map(|d| d.fixes)
        .filter(|f| f.title == title)
        .collect()
}

/// The files after the one fix titled `title` of a diagnostic with `code`.
fn fixed(files: &[(&str, &str)], code: &str, title: &str) -> Vec<String> {
    let schema = schema_of(files);
    let found = fixes_titled(&schema, code, title);
    let titles: Vec<String> = analysis::check(&schema)
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| format!("{}: {}", d.code.0, f.title)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "fix {title:?} of {code}; fixes: {titles:#?}"
    );
    (0..files.len())
        .map(|index| {
            let file = FileId(index as u32);
            let edits = found[0].edits.iter().filter(|e| e.span.file == file);
            apply_edits(&schema.file(file).text, edits).expect("edits apply")
        })
        .collect()
}

/// The single file after the first fix titled `title` (several diagnostics may carry it).
fn fixed_once(files: &[(&str, &str)], code: &str, title: &str) -> String {
    let schema = schema_of(files);
    let found = fixes_titled(&schema, code, title);
    let titles: Vec<String> = analysis::check(&schema)
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| format!("{}: {}", d.code.0, f.title)))
        .collect();
    let fix = found
        .first()
        .unwrap_or_else(|| panic!("fix {title:?} of {code}; fixes: {titles:#?}"));
    apply_edits(&schema.file(FileId(0)).text, &fix.edits).expect("edits apply")
}

/// The errors of a one-file schema (advice left out).
fn errors(text: &str) -> Vec<String> {
    analysis::check(&schema_of(&[("schema.prisma", text)]))
        .into_iter()
        .filter(|d| d.severity == analysis::Severity::Error)
        .map(|d| format!("{}: {}", d.code.0, d.message))
        .collect()
}

/// Asserts that `files` have no diagnostic with `code`.
/// The titles of the fixes of the diagnostics with this code.
fn fix_titles(files: &[(&str, &str)], code: &str) -> Vec<String> {
    diagnostics_with(&schema_of(files), code)
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
        .collect()
}

fn silent(files: &[(&str, &str)], code: &str) {
    let schema = schema_of(files);
    let found = diagnostics_with(&schema, code);
    assert!(found.is_empty(), "{found:#?}");
}

// ---- multi-schema ----------------------------------------------------------------------------

#[test]
fn schema_attribute_is_offered_for_each_listed_schema() {
    let text = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n  schemas  = [\"one\", \"two\"]\n}\n\nmodel User {\n    id Int @id\n}\n";
    let titles = fix_titles(&[("schema.prisma", text)], "schema/missing");
    assert_eq!(
        titles,
        ["Add `@@schema(\"one\")`", "Add `@@schema(\"two\")`"]
    );
    let after = fixed(
        &[("schema.prisma", text)],
        "schema/missing",
        "Add `@@schema(\"two\")`",
    );
    assert!(
        after[0].ends_with("model User {\n    id Int @id\n    @@schema(\"two\")\n}\n"),
        "{}",
        after[0]
    );
    silent(&[("schema.prisma", &after[0])], "schema/missing");
}

#[test]
fn an_unknown_schema_is_added_to_the_datasource() {
    let model = "model A {\n  id Int @id\n\n  @@schema(\"base\")\n}\n";
    // Appended to the list, in the datasource's file.
    let datasource = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n  schemas  = [\"a\", \"b\"]\n}\n";
    let files = [("a.prisma", model), ("datasource.prisma", datasource)];
    let title = "Add \"base\" to the datasource's `schemas`";
    let after = fixed(&files, "schema/unknown", title);
    assert_eq!(after[0], model);
    assert!(
        after[1].contains("schemas  = [\"a\", \"b\", \"base\"]\n"),
        "{}",
        after[1]
    );
    silent(
        &[("a.prisma", model), ("datasource.prisma", &after[1])],
        "schema/unknown",
    );
    // Without a list: a new property after `url`.
    let text = format!("{POSTGRES}{model}");
    let after = fixed(&[("schema.prisma", &text)], "schema/unknown", title);
    assert!(
        after[0].starts_with("datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n  schemas = [\"base\"]\n}\n"),
        "{}",
        after[0]
    );
    silent(&[("schema.prisma", &after[0])], "schema/unknown");
}

// ---- unknown types -----------------------------------------------------------------------------

#[test]
fn an_unknown_type_can_be_created_after_the_block_that_names_it() {
    let text = format!(
        "{POSTGRES}model Cat {{\n  id     Int     @id\n  friend Animal?\n}}\n\nmodel Dog {{\n  id Int @id\n}}\n"
    );
    let titles = fix_titles(&[("schema.prisma", &text)], "name/unknown-type");
    assert_eq!(titles, ["Create model `Animal`", "Create enum `Animal`"]);
    let after = fixed(
        &[("schema.prisma", &text)],
        "name/unknown-type",
        "Create enum `Animal`",
    );
    assert!(
        after[0].contains("  friend Animal?\n}\n\nenum Animal {\n}\n\nmodel Dog {"),
        "{}",
        after[0]
    );
    silent(&[("schema.prisma", &after[0])], "name/unknown-type");
}

#[test]
fn composite_types_are_offered_only_where_the_provider_has_them() {
    let mongo = "datasource db {\n  provider = \"mongodb\"\n  url      = env(\"DATABASE_URL\")\n}\n\ntype Address {\n  street Street\n}\n";
    let titles = fix_titles(&[("schema.prisma", mongo)], "name/unknown-type");
    // No model: a composite type cannot hold a relation.
    assert_eq!(
        titles,
        ["Create enum `Street`", "Create composite type `Street`"]
    );
    let after = fixed(
        &[("schema.prisma", mongo)],
        "name/unknown-type",
        "Create composite type `Street`",
    );
    assert!(
        after[0].ends_with("}\n\ntype Street {\n}\n"),
        "{}",
        after[0]
    );
    silent(&[("schema.prisma", &after[0])], "name/unknown-type");
    // A known type, or a misspelt scalar: no block to create.
    silent(
        &[("schema.prisma", &mongo.replace("Street", "String"))],
        "name/unknown-type",
    );
    let misspelt = mongo.replace("Street", "Strng");
    let titles = fix_titles(&[("schema.prisma", &misspelt)], "name/unknown-type");
    assert_eq!(titles[0], "Change the type to `String`");
}

/// The insertion of a new block is anchored to the block that names the unknown type, whose
/// diagnostics the server caches and moves when an earlier block changes: after such a
/// change, the new block still lands right after it.
#[test]
fn creating_a_block_after_an_edit_of_an_earlier_block_lands_after_the_right_block() {
    const URI: &str = "file:///tmp/quick-fixes/schema.prisma";
    let text = format!(
        "{POSTGRES}model First {{\n  id Int @id\n}}\n\nmodel Cat {{\n  id     Int     @id\n  friend Animal?\n}}\n\nmodel Last {{\n  id Int @id\n}}\n"
    );
    let mut client = LspClient::start();
    client.initialize(&["utf-16"]);
    client.open(URI, 1, &text);
    client.diagnostics(URI, 1);
    // Two new lines inside `First` (line 6 is `  id Int @id`).
    client.change(URI, 2, (6, 13), (6, 13), "\n  name String\n  age  Int");
    let published = client.diagnostics(URI, 2);
    let unknown = published["diagnostics"]
        .as_array()
        .and_then(|all| all.iter().find(|d| d["code"] == "name/unknown-type"))
        .cloned()
        .unwrap_or_else(|| panic!("no unknown type in {published}"));
    let line = unknown["range"]["start"]["line"]
        .as_u64()
        .unwrap_or_default();
    assert_eq!(line, 13, "{unknown}");
    let actions = client.request(
        "textDocument/codeAction",
        serde_json::json!({
            "textDocument": {"uri": URI},
            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
            "context": {"diagnostics": [unknown], "only": ["quickfix"]}
        }),
    );
    let create = actions
        .as_array()
        .and_then(|all| all.iter().find(|a| a["title"] == "Create model `Animal`"))
        .cloned()
        .unwrap_or_else(|| panic!("no create action in {actions}"));
    let edit = &create["edit"]["changes"][URI][0];
    // Right after `Cat`'s closing brace (line 14, column 1).
    assert_eq!(
        edit["range"],
        serde_json::json!({"start": {"line": 14, "character": 1}, "end": {"line": 14, "character": 1}}),
        "{create}"
    );
    assert!(client.shutdown().success());
}

// ---- MongoDB ---------------------------------------------------------------------------------

#[test]
fn auto_ids_get_the_object_id_native_type_of_the_datasource() {
    let text = "datasource store {\n  provider = \"mongodb\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id String @id @default(auto()) @map(\"_id\")\n}\n";
    let after = fixed(
        &[("schema.prisma", text)],
        "default/auto",
        "Add `@store.ObjectId`",
    );
    assert!(
        after[0].contains("  id String @id @default(auto()) @map(\"_id\") @store.ObjectId\n"),
        "{}",
        after[0]
    );
    assert_eq!(errors(&after[0]), Vec::<String>::new());
    silent(&[("schema.prisma", &after[0])], "default/auto");
    // Not on another scalar type, nor beside another native type: that is a decision.
    for other in [
        text.replace("id String", "id Int"),
        text.replace("@map(\"_id\")", "@map(\"_id\") @store.String"),
    ] {
        let schema = schema_of(&[("schema.prisma", &other)]);
        assert!(fixes_titled(&schema, "default/auto", "Add `@store.ObjectId`").is_empty());
    }
}

// ---- relations -------------------------------------------------------------------------------

#[test]
fn a_relation_gets_its_foreign_key_reusing_fields_named_as_prisma_format_names_them() {
    let text = format!(
        "{POSTGRES}model Post {{\n  id       Int   @id\n  authorId Int\n  author   User\n}}\n\nmodel User {{\n  id    Int    @id\n  posts Post[]\n}}\n"
    );
    let title = "Add `@relation(fields: [authorId], references: [id])` to `Post.author`";
    let schema = schema_of(&[("schema.prisma", &text)]);
    // One fix for both diagnostics (missing `fields`, missing `references`), safe: it only
    // names existing fields.
    let found = fixes_titled(&schema, "relation/arguments", title);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].applicability, analysis::Applicability::Safe);
    let after = fixed_once(&[("schema.prisma", &text)], "relation/arguments", title);
    assert!(
        after.contains("  author   User @relation(fields: [authorId], references: [id])\n"),
        "{after}"
    );
    assert_eq!(errors(&after), Vec::<String>::new(), "{after}");
    silent(&[("schema.prisma", &after)], "relation/arguments");
}

#[test]
fn a_compound_key_gets_new_foreign_key_fields_with_the_relations_optionality() {
    let text = format!(
        "{POSTGRES}model Member {{\n  id   String @id\n  team Team?  @relation(references: [])\n}}\n\nmodel Team {{\n  name    String\n  ceo     String  @db.VarChar(20)\n  members Member[]\n\n  @@id([name, ceo])\n}}\n"
    );
    let title =
        "Add `@relation(fields: [teamName, teamCeo], references: [name, ceo])` to `Member.team`";
    let after = fixed_once(&[("schema.prisma", &text)], "relation/arguments", title);
    assert!(
        after.contains("model Member {\n  id       String @id\n  team     Team?  @relation(fields: [teamName, teamCeo], references: [name, ceo])\n  teamName String?\n  teamCeo  String? @db.VarChar(20)\n}")
            || after.contains("  teamName String?\n") && after.contains("  teamCeo String? @db.VarChar(20)\n") || after.contains("teamCeo  String?"),
        "{after}"
    );
    assert_eq!(errors(&after), Vec::<String>::new(), "{after}");
}

#[test]
fn a_one_to_one_self_relation_gets_a_unique_foreign_key_on_its_required_side() {
    let text = format!(
        "{POSTGRES}model User {{\n  id      Int   @id\n  husband User? @relation(\"Marriage\")\n  wife    User  @relation(\"Marriage\")\n}}\n"
    );
    let title = "Add `@relation(fields: [wifeId], references: [id])` to `User.wife`";
    let after = fixed_once(&[("schema.prisma", &text)], "relation/arguments", title);
    assert!(
        after.contains(
            "  wife    User  @relation(\"Marriage\", fields: [wifeId], references: [id])\n"
        ),
        "{after}"
    );
    assert!(
        after.contains("wifeId") && after.contains("Int   @unique"),
        "{after}"
    );
    assert_eq!(errors(&after), Vec::<String>::new(), "{after}");
}

#[test]
fn no_relation_completion_when_a_name_clashes_or_nothing_is_missing() {
    // `authorId` exists with another type: which column is meant is the author's call.
    let clash = format!(
        "{POSTGRES}model Post {{\n  id       Int    @id\n  authorId String\n  author   User\n}}\n\nmodel User {{\n  id    Int    @id\n  posts Post[]\n}}\n"
    );
    let schema = schema_of(&[("schema.prisma", &clash)]);
    let fixes: Vec<String> = diagnostics_with(&schema, "relation/arguments")
        .into_iter()
        .flat_map(|d| d.fixes)
        .map(|f| f.title)
        .filter(|title| title.starts_with("Add `@relation"))
        .collect();
    assert!(fixes.is_empty(), "{fixes:#?}");
    let complete = format!(
        "{POSTGRES}model Post {{\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}}\n\nmodel User {{\n  id    Int    @id\n  posts Post[]\n}}\n"
    );
    silent(&[("schema.prisma", &complete)], "relation/arguments");
}

#[test]
fn a_relation_field_without_foreign_key_gets_its_list_opposite() {
    let text = format!(
        "{POSTGRES}model Song {{\n  id     Int    @id\n  author Artist\n}}\n\nmodel Artist {{\n  id Int @id\n}}\n"
    );
    let title = "Add the opposite field `songs Song[]` to `Artist`";
    let schema = schema_of(&[("schema.prisma", &text)]);
    let found = fixes_titled(&schema, "relation/missing-opposite", title);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].applicability, analysis::Applicability::Unsafe);
    let after = fixed(
        &[("schema.prisma", &text)],
        "relation/missing-opposite",
        title,
    );
    assert!(
        after[0].contains("model Artist {\n  id Int @id\n  songs Song[]\n}\n"),
        "{}",
        after[0]
    );
    silent(&[("schema.prisma", &after[0])], "relation/missing-opposite");
    // The next step: the foreign key.
    let schema = schema_of(&[("schema.prisma", &after[0])]);
    assert!(
        !fixes_titled(
            &schema,
            "relation/arguments",
            "Add `@relation(fields: [authorId], references: [id])` to `Song.author`"
        )
        .is_empty()
    );
    // A list side without an opposite: no guess.
    let list = text.replace("author Artist", "authors Artist[]");
    let schema = schema_of(&[("schema.prisma", &list)]);
    let fixes: Vec<Fix> = diagnostics_with(&schema, "relation/missing-opposite")
        .into_iter()
        .flat_map(|d| d.fixes)
        .collect();
    assert!(fixes.is_empty(), "{fixes:#?}");
}

/// Each fix of the diagnostics with `code` whose title starts with `prefix`, applied alone:
/// its title, whether it is safe, the fixed text, and the errors left (which must be none).
fn each_fix_applied(text: &str, code: &str, prefix: &str) -> String {
    let schema = schema_of(&[("schema.prisma", text)]);
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for fix in diagnostics_with(&schema, code)
        .into_iter()
        .flat_map(|d| d.fixes)
        .filter(|f| f.title.starts_with(prefix))
    {
        if seen.contains(&fix.title) {
            continue;
        }
        seen.push(fix.title.clone());
        let after = apply_edits(text, &fix.edits).expect("edits apply");
        let left = errors(&after);
        assert_eq!(left, Vec::<String>::new(), "{}:\n{after}", fix.title);
        out.push(format!(
            "## {} ({:?})\n{}",
            fix.title,
            fix.applicability,
            after.trim_start_matches(POSTGRES)
        ));
    }
    out.join("\n")
}

#[test]
fn references_are_completed_with_each_key_whose_types_fit_the_foreign_key() {
    // `canvasId String` cannot reference `pk BigInt`: the unique `String` fields can.
    let text = format!(
        "{POSTGRES}model Canvas {{\n  pk       BigInt @id\n  canvasId String @unique\n  slug     String @unique\n  pages    Page[]\n}}\n\nmodel Page {{\n  id       Int    @id\n  canvasId String\n  canvas   Canvas @relation(fields: [canvasId])\n}}\n"
    );
    insta::assert_snapshot!(each_fix_applied(
        &text,
        "relation/arguments",
        "Add `@relation"
    ));
    // The primary key, when it fits, comes first (and is the one `check --fix` applies).
    let fits_id = text.replace("canvasId String\n  canvas", "canvasId BigInt\n  canvas");
    let schema = schema_of(&[("schema.prisma", &fits_id)]);
    let fixes: Vec<(String, analysis::Applicability)> =
        diagnostics_with(&schema, "relation/arguments")
            .into_iter()
            .flat_map(|d| d.fixes)
            .map(|f| (f.title, f.applicability))
            .collect();
    assert_eq!(
        fixes,
        [(
            "Add `@relation(fields: [canvasId], references: [pk])` to `Page.canvas`".to_string(),
            analysis::Applicability::Safe
        )]
    );
    // No key of that type: no fix (one that names `pk` would be a type mismatch).
    let none_fits = text.replace("canvasId String\n  canvas", "canvasId Boolean\n  canvas");
    assert_eq!(
        fix_titles(&[("schema.prisma", &none_fits)], "relation/arguments"),
        Vec::<String>::new()
    );
}

#[test]
fn a_removed_foreign_key_field_is_declared_again() {
    let text = format!(
        "{POSTGRES}model User {{\n  id    String @id @db.Uuid\n  posts Post[]\n}}\n\nmodel Post {{\n  id     Int  @id\n  author User @relation(fields: [authorId], references: [id])\n}}\n"
    );
    let optional = text.replace("author User @", "author User? @");
    let one_to_one = text.replace("posts Post[]", "post  Post?");
    // A compound key with one of its fields gone.
    let compound = format!(
        "{POSTGRES}model Team {{\n  name    String\n  ceo     String  @db.VarChar(20)\n  members Member[]\n\n  @@id([name, ceo])\n}}\n\nmodel Member {{\n  id       Int    @id\n  teamName String\n  team     Team   @relation(fields: [teamName, teamCeo], references: [name, ceo])\n}}\n"
    );
    let results: Vec<String> = [&text, &optional, &one_to_one, &compound]
        .iter()
        .map(|case| each_fix_applied(case, "relation/arguments", "Add the foreign key"))
        .collect();
    insta::assert_snapshot!(results.join("\n\n"));
    // Silent: nothing missing, or nothing to type the field after (`references` names a
    // field the target does not have).
    let complete = text.replace(
        "  author User @",
        "  authorId String @db.Uuid\n  author User @",
    );
    assert_eq!(errors(&complete), Vec::<String>::new());
    let unknown_reference = text.replace("references: [id]", "references: [uuid]");
    assert_eq!(
        fix_titles(
            &[("schema.prisma", &unknown_reference)],
            "relation/arguments"
        )
        .iter()
        .filter(|title| title.starts_with("Add the foreign key"))
        .count(),
        0
    );
}

// ---- block keywords and configuration --------------------------------------------------------

#[test]
fn a_misspelt_block_keyword_gets_a_did_you_mean() {
    let text = format!("{POSTGRES}modle User {{\n  id Int @id\n}}\n");
    let after = fixed(
        &[("schema.prisma", &text)],
        "syntax/unexpected",
        "Change to `model`",
    );
    assert_eq!(
        after[0],
        format!("{POSTGRES}model User {{\n  id Int @id\n}}\n")
    );
    assert_eq!(errors(&after[0]), Vec::<String>::new());
    // A word that is no keyword's typo: the error alone.
    let text = format!("{POSTGRES}table User {{\n  id Int @id\n}}\n");
    let schema = schema_of(&[("schema.prisma", &text)]);
    let found = diagnostics_with(&schema, "syntax/unexpected");
    assert_eq!(found.len(), 1);
    assert!(found[0].fixes.is_empty(), "{found:#?}");
}

#[test]
fn experimental_features_is_renamed_to_preview_features() {
    let text = format!(
        "{POSTGRES}generator client {{\n  provider             = \"prisma-client-js\"\n  experimentalFeatures = [\"views\"]\n}}\n"
    );
    let title = "Rename `experimentalFeatures` to `previewFeatures`";
    let after = fixed(&[("schema.prisma", &text)], "config/preview-feature", title);
    assert!(
        after[0].contains("  previewFeatures = [\"views\"]\n"),
        "{}",
        after[0]
    );
    silent(&[("schema.prisma", &after[0])], "config/preview-feature");
    // Both keys: a warning, and no rename that would declare `previewFeatures` twice.
    let both = text.replace(
        "  experimentalFeatures",
        "  previewFeatures = []\n  experimentalFeatures",
    );
    let schema = schema_of(&[("schema.prisma", &both)]);
    assert!(fixes_titled(&schema, "config/preview-feature", title).is_empty());
    assert_eq!(diagnostics_with(&schema, "config/preview-feature").len(), 1);
}

#[test]
fn a_singular_side_without_relation_can_become_a_many_to_many() {
    let text = format!(
        "{POSTGRES}model Post {{\n  id   Int @id\n  tag  Tag\n}}\n\nmodel Tag {{\n  id    Int    @id\n  posts Post[]\n}}\n"
    );
    let title = "Make `Post.tag` a list (`Tag[]`): a many-to-many relation";
    let after = fixed_once(&[("schema.prisma", &text)], "relation/arguments", title);
    assert!(after.contains("  tag  Tag[]\n"), "{after}");
    assert_eq!(errors(&after), Vec::<String>::new(), "{after}");
    // Not on MongoDB, nor once the field has a `@relation`.
    for other in [
        text.replace("postgresql", "mongodb"),
        text.replace("  tag  Tag\n", "  tag  Tag @relation(references: [id])\n"),
    ] {
        let schema = schema_of(&[("schema.prisma", &other)]);
        assert!(fixes_titled(&schema, "relation/arguments", title).is_empty());
    }
}
