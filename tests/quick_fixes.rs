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

/// Asserts that `files` have no diagnostic with `code`.
fn silent(files: &[(&str, &str)], code: &str) {
    let schema = schema_of(files);
    let found = diagnostics_with(&schema, code);
    assert!(found.is_empty(), "{found:#?}");
}

// ---- multi-schema ----------------------------------------------------------------------------

#[test]
fn schema_attribute_is_offered_for_each_listed_schema() {
    let text = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n  schemas  = [\"one\", \"two\"]\n}\n\nmodel User {\n    id Int @id\n}\n";
    let schema = schema_of(&[("schema.prisma", text)]);
    let titles: Vec<String> = diagnostics_with(&schema, "schema/missing")
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
        .collect();
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
    let schema = schema_of(&[("schema.prisma", &text)]);
    let titles: Vec<String> = diagnostics_with(&schema, "name/unknown-type")
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
        .collect();
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
    let schema = schema_of(&[("schema.prisma", mongo)]);
    let titles: Vec<String> = diagnostics_with(&schema, "name/unknown-type")
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
        .collect();
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
    let schema = schema_of(&[("schema.prisma", &misspelt)]);
    let titles: Vec<String> = diagnostics_with(&schema, "name/unknown-type")
        .iter()
        .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
        .collect();
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
    assert!(analysis::check(&schema_of(&[("schema.prisma", &after[0])])).is_empty());
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
