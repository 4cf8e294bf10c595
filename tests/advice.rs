//! Snapshot tests of the advisor: for every fixture in `tests/fixtures/advice/`, the findings
//! (as the CLI prints them), then each fix as a diff, then every safe fix applied together.
//! Every fix, alone and all together, must leave a schema our validator accepts when it
//! accepted the original, and fixing twice must change nothing the second time.
//! Fixtures named `*_clean.prisma` must have no finding at all. A fixture may switch rules
//! on or off with a line `// levels: model/id-default=hint, index=off` (for rules off by
//! default).

mod common;

use prisma_analyzer::analysis::advisor::{AdvisorSettings, Level};
use prisma_analyzer::analysis::{self, Options, Severity};
use prisma_analyzer::cli::{OutputFormat, render};
use prisma_analyzer::ide::fixes;
use prisma_analyzer::model::Schema;

fn errors(name: &str, text: &str) -> Vec<String> {
    let schema = Schema::parse(name, text);
    analysis::check(&schema)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}: {}", d.code, d.message))
        .collect()
}

/// The options a fixture asks for in its `// levels:` lines (a fixture of a rule that is off
/// by default switches it on to show it at work).
fn options_of(text: &str) -> Options {
    let mut settings = AdvisorSettings::default();
    for line in text.lines() {
        let Some(levels) = line.trim().strip_prefix("// levels:") else {
            continue;
        };
        for entry in levels.split(',') {
            let (code, level) = entry.split_once('=').expect("code=level");
            let level = Level::from_name(level).expect("a level");
            settings.levels.insert(code.trim().to_string(), level);
        }
    }
    Options {
        advisor: std::sync::Arc::new(settings),
        ..Options::default()
    }
}

#[test]
fn fixtures() {
    let folder = common::fixtures_dir().join("advice");
    let files = common::prisma_files(&folder);
    assert!(!files.is_empty(), "no fixtures in {}", folder.display());
    for path in files {
        let stem = path
            .file_stem()
            .expect("a file name")
            .to_string_lossy()
            .to_string();
        let name = format!("{stem}.prisma");
        let text = std::fs::read_to_string(&path).expect("readable fixture");
        let schema = Schema::parse(name.clone(), text.clone());
        let options = options_of(&text);
        let diagnostics = analysis::check_with(&schema, options.clone());
        let valid_before = errors(&name, &text).is_empty();
        let mut output = render(OutputFormat::Human, &[(schema, diagnostics.clone())], false);
        if stem.ends_with("clean") {
            assert!(diagnostics.is_empty(), "{stem}: {output}");
        }
        for diagnostic in &diagnostics {
            for fix in &diagnostic.fixes {
                let fixed = analysis::fixes::apply_edits(&text, &fix.edits)
                    .unwrap_or_else(|| panic!("{stem}: overlapping edits in {:?}", fix.title));
                output.push_str(&format!(
                    "\n== {} ({:?}) for {} at {}\n{}",
                    fix.title,
                    fix.applicability,
                    diagnostic.code,
                    diagnostic.span.start,
                    fixes::unified_diff(&name, &text, &fixed)
                ));
                if valid_before {
                    let after = errors(&name, &fixed);
                    assert!(
                        after.is_empty(),
                        "{stem}: fix {:?} breaks the schema: {after:?}\n{fixed}",
                        fix.title
                    );
                }
            }
        }
        let files = [(name.clone(), text.clone())];
        let once = fixes::fix_all(&files, &options);
        output.push_str(&format!(
            "\n== all safe fixes ({})\n{}",
            once.applied.len(),
            fixes::unified_diff(&name, &text, &once.texts[0])
        ));
        if valid_before {
            let after = errors(&name, &once.texts[0]);
            assert!(
                after.is_empty(),
                "{stem}: all fixes together break the schema: {after:?}\n{}",
                once.texts[0]
            );
        }
        let again = fixes::fix_all(&[(name.clone(), once.texts[0].clone())], &options);
        assert_eq!(
            again.texts[0], once.texts[0],
            "{stem}: fixing twice changed the schema again: {:?}",
            again.applied
        );
        insta::assert_snapshot!(stem, output);
    }
}
