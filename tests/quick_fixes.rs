//! The quick fixes Prisma's language server offers (issue 7), each on a case where it fires
//! (the text after applying it, which must then check clean of that diagnostic) and a case
//! where it stays silent.

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
