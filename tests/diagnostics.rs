//! Snapshot tests of the diagnostics (rendered as the CLI prints them, without colour) for
//! every fixture in `tests/fixtures/diagnostics/`: each check has cases that fire and cases
//! that must stay silent (`clean.prisma` must produce nothing at all).

mod common;

use prisma_analyzer::analysis;
use prisma_analyzer::cli::{OutputFormat, render, resolve_paths};
use prisma_analyzer::model::{Schema, SourceFile};

/// Fixtures named `advice_*` are checked with the advisor's default levels; the others test
/// validation, with every advisor rule off.
fn rendered(schema: Schema, advice: bool) -> String {
    let options = if advice {
        analysis::Options::default()
    } else {
        analysis::Options {
            advisor: std::sync::Arc::new(analysis::advisor::AdvisorSettings::without_advice()),
            ..analysis::Options::default()
        }
    };
    let diagnostics = analysis::check_with(&schema, options);
    render(OutputFormat::Human, &[(schema, diagnostics)], false)
}

#[test]
fn fixtures() {
    let folder = common::fixtures_dir().join("diagnostics");
    let files = common::prisma_files(&folder);
    assert!(files.len() >= 8, "fixtures missing in {}", folder.display());
    for path in files {
        let name = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .to_string();
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        let output = rendered(
            Schema::parse(format!("{name}.prisma"), text),
            name.starts_with("advice_"),
        );
        if name.ends_with("clean") {
            assert!(
                output.contains(": 0 errors, 0 warnings, 0 info, 0 hints"),
                "{output}"
            );
        }
        insta::assert_snapshot!(name, output);
    }
}

#[test]
fn multi_file_schema_resolves_types_across_files() {
    let folder = common::fixtures_dir().join("multi-file/prisma/schema");
    let (inputs, errors) = resolve_paths(&[folder]);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(inputs.len(), 1, "one schema folder is one schema");
    assert_eq!(inputs[0].files.len(), 3);
    let schema = Schema::new(inputs[0].load().expect("fixtures load"));
    let post = schema.find_model("Post").expect("Post is found");
    assert_eq!(
        schema.file(post.file()).name.rsplit('/').next(),
        Some("post.prisma")
    );
    assert!(analysis::check(&schema).is_empty());
}

#[test]
fn duplicates_across_files_point_at_the_other_file() {
    let schema = Schema::new(vec![
        SourceFile::parse("a.prisma", "model User {\n  id Int @id\n}\n"),
        SourceFile::parse("b.prisma", "enum User {\n  A\n}\n"),
    ]);
    insta::assert_snapshot!(rendered(schema, false));
}

#[test]
fn target_versions() {
    use prisma_analyzer::analysis::{Options, PrismaVersion};
    let text = "datasource db {\n  provider  = \"postgresql\"\n  url       = env(\"DATABASE_URL\")\n  directUrl = env(\"DIRECT_URL\")\n}\n\ngenerator client {\n  provider        = \"prisma-client\"\n  previewFeatures = [\"metrics\"]\n}\n\nmodel User {\n  id Int @id\n}\n";
    let render_with = |version: PrismaVersion| {
        let schema = Schema::parse("schema.prisma", text);
        let diagnostics = analysis::check_with(
            &schema,
            Options {
                prisma_version: version,
                ..Options::default()
            },
        );
        let fixes: Vec<String> = diagnostics
            .iter()
            .flat_map(|d| &d.fixes)
            .map(|fix| {
                let removed: Vec<&str> = fix.edits.iter().map(|e| schema.text(e.span)).collect();
                format!(
                    "{} ({:?}) removes {removed:?}",
                    fix.title, fix.applicability
                )
            })
            .collect();
        format!(
            "{}\nfixes:\n{}",
            render(OutputFormat::Human, &[(schema, diagnostics)], false),
            fixes.join("\n")
        )
    };
    assert!(render_with(PrismaVersion::Any).contains(": 0 errors, 0 warnings"));
    insta::assert_snapshot!("target_version_7", render_with(PrismaVersion::Seven));
    let without_url = text.replace("  url       = env(\"DATABASE_URL\")\n", "");
    let schema = Schema::parse("schema.prisma", without_url);
    let six = analysis::check_with(
        &schema,
        Options {
            prisma_version: PrismaVersion::Six,
            ..Options::default()
        },
    );
    insta::assert_snapshot!(
        "target_version_6",
        render(OutputFormat::Human, &[(schema, six)], false)
    );
}
