//! The real-world corpus and Prisma's conformance data (in `../shared`): every schema parses
//! without error nodes, and `check` reports nothing on schemas Prisma accepts.

mod common;

use prisma_analyzer::analysis::{self, Diagnostic, Severity};
use prisma_analyzer::cli::resolve_paths;
use prisma_analyzer::model::{Schema, SourceFile};
use std::path::Path;

/// ERROR and MISSING nodes plus the grammar's recovery nodes (an unclosed block or bracket).
fn error_nodes(text: &str) -> usize {
    let schema = Schema::parse("schema.prisma", text);
    schema
        .file_ids()
        .map(|id| schema.syntax_errors(id).len())
        .sum()
}

#[test]
fn every_real_world_schema_parses_without_error_nodes() {
    let Some(shared) = common::shared_dir("corpus parse test") else {
        return;
    };
    let files = common::prisma_files(&shared.join("corpus/real"));
    assert!(
        files.len() >= 160,
        "expected the 160 corpus files, found {}",
        files.len()
    );
    let mut total = 0;
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("corpus files are UTF-8");
        let errors = error_nodes(&text);
        total += errors;
        if errors > 0 {
            offenders.push(format!("{}: {errors}", file.display()));
        }
    }
    println!(
        "parsed {} corpus files: {total} error/missing nodes",
        files.len()
    );
    assert_eq!(
        total,
        0,
        "files with error nodes:\n{}",
        offenders.join("\n")
    );
}

fn check_folder(folder: &Path) -> (usize, Vec<(String, Diagnostic)>) {
    let (inputs, errors) = resolve_paths(&[folder.to_path_buf()]);
    assert!(errors.is_empty(), "input errors: {errors:?}");
    let mut reported = Vec::new();
    for input in &inputs {
        let schema = Schema::new(input.load().expect("corpus files load"));
        for diagnostic in analysis::check(&schema) {
            let file = &schema.file(diagnostic.span.file).name;
            let line = schema
                .file(diagnostic.span.file)
                .line_index
                .line_of(diagnostic.span.start as usize)
                + 1;
            reported.push((format!("{file}:{line}"), diagnostic));
        }
    }
    (inputs.len(), reported)
}

#[test]
fn check_reports_no_error_on_the_real_world_corpus() {
    let Some(shared) = common::shared_dir("corpus check test") else {
        return;
    };
    let corpus = shared.join("corpus/real");
    let (schemas, reported) = check_folder(&corpus);
    // Warnings Prisma gives too (deprecated preview features) are fine; errors are not:
    // every corpus schema is valid for Prisma 6.
    let warnings = reported
        .iter()
        .filter(|(_, d)| d.severity != Severity::Error)
        .count();
    let reported: Vec<_> = reported
        .into_iter()
        .filter(|(_, d)| d.severity == Severity::Error)
        .collect();
    println!(
        "checked {schemas} corpus schemas: {} errors, {warnings} warnings",
        reported.len()
    );
    // Each file directly in the folder is a schema, and each subfolder is one multi-file schema.
    let expected = std::fs::read_dir(&corpus)
        .expect("readable corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir() || p.extension().is_some_and(|e| e == "prisma"))
        .count();
    assert_eq!(
        schemas, expected,
        "the corpus folder should split into one schema per file or folder"
    );
    let listing: Vec<String> = reported
        .iter()
        .map(|(at, d)| format!("{at}: {} {}", d.code, d.message))
        .collect();
    assert!(
        reported.is_empty(),
        "errors on valid schemas:\n{}",
        listing.join("\n")
    );
}

fn conformance_cases(shared: &Path, set: &str) -> Vec<serde_json::Value> {
    let index = shared.join("conformance").join(set).join("cases.jsonl");
    std::fs::read_to_string(&index)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", index.display()))
        .lines()
        .map(|line| serde_json::from_str(line).expect("cases.jsonl holds JSON lines"))
        .collect()
}

/// Cases Prisma accepts (and whose expectation the current Prisma still agrees with) must
/// get no diagnostic from us either.
#[test]
fn conformance_cases_prisma_accepts_get_no_diagnostics() {
    let Some(shared) = common::shared_dir("conformance test") else {
        return;
    };
    let mut checked = 0;
    let mut wrong = Vec::new();
    for set in ["psl", "psl-rust"] {
        for case in conformance_cases(&shared, set) {
            let valid = case["valid"].as_bool() == Some(true);
            let agrees = case["ref_agrees"].as_bool() != Some(false);
            if !(valid && agrees) {
                continue;
            }
            let file = case["file"].as_str().expect("a file field");
            let path = shared.join("conformance").join(set).join(file);
            let text = std::fs::read_to_string(&path).expect("readable case");
            let schema = Schema::new(vec![SourceFile::parse("schema.prisma", text)]);
            checked += 1;
            // psl cases record warnings too; psl-rust cases record errors only (Prisma's
            // unit tests there assert on errors), so their warnings are not compared.
            let counts = |d: &Diagnostic| set == "psl" || d.severity == Severity::Error;
            // Validation only: the advisor's advice is not Prisma's business.
            let options = analysis::Options {
                advisor: std::sync::Arc::new(analysis::advisor::AdvisorSettings::without_advice()),
                ..analysis::Options::default()
            };
            for d in analysis::check_with(&schema, options)
                .iter()
                .filter(|d| counts(d))
            {
                wrong.push(format!("{set}/{file}: {} {}", d.code, d.message));
            }
        }
    }
    println!(
        "{checked} valid conformance cases checked, {} false diagnostics",
        wrong.len()
    );
    assert!(
        checked > 100,
        "expected the valid conformance cases, found {checked}"
    );
    assert!(wrong.is_empty(), "false diagnostics:\n{}", wrong.join("\n"));
}

/// Reformatter cases whose expected output keeps invalid lines on purpose (Prisma formats
/// around them) or uses the long-removed `type Alias = …` syntax.
const INVALID_REFORMAT_OUTPUTS: &[&str] = &[
    "incomplete_last_line_must_not_stop_reformatting",
    "invalid_lines_must_not_break_reformatting",
    "reformatting_an_invalid_datasource_block_must_work",
    "reformatting_an_invalid_generator_block_must_work",
    "catch_all_in_a_block_must_not_influence_table_layout",
    "type_aliases",
];

/// Prisma's formatter output is valid syntax, except for the cases listed above, which
/// must then have errors (so the list cannot go stale).
#[test]
fn reformatter_outputs_parse_without_error_nodes() {
    let Some(shared) = common::shared_dir("reformat parse test") else {
        return;
    };
    let files: Vec<_> = common::prisma_files(&shared.join("conformance/reformat"))
        .into_iter()
        .filter(|f| f.to_string_lossy().contains(".reformatted"))
        .collect();
    let mut offenders = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("UTF-8");
        let errors = error_nodes(&text);
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        let expected_invalid = INVALID_REFORMAT_OUTPUTS
            .iter()
            .any(|n| name.starts_with(&format!("{n}.")));
        if (errors > 0) != expected_invalid {
            offenders.push(format!("{}: {errors} error nodes", file.display()));
        }
    }
    println!(
        "parsed {} reformatter outputs ({} invalid on purpose)",
        files.len(),
        INVALID_REFORMAT_OUTPUTS.len()
    );
    assert!(files.len() > 50);
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// SOURCES.tsv says which corpus schemas Prisma 7 accepts as they are (`yes`) and which only
/// Prisma 6 accepts (`skew`: `url` in the datasource or a removed preview feature). Targeting
/// 7, the `yes` schemas stay clean and every `skew` schema gets version errors and no other;
/// targeting 6, the `skew` schemas stay clean.
#[test]
fn target_versions_agree_with_the_corpus_verdicts() {
    use prisma_analyzer::analysis::{Options, PrismaVersion};
    let Some(shared) = common::shared_dir("corpus target version test") else {
        return;
    };
    let corpus = shared.join("corpus/real");
    let sources = std::fs::read_to_string(corpus.join("SOURCES.tsv")).expect("SOURCES.tsv");
    let mut header = sources.lines().next().unwrap_or_default().split('\t');
    let verdict_column = header
        .position(|c| c == "prisma_valid")
        .expect("a prisma_valid column");
    let mut counted = (0, 0);
    for line in sources.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        let (Some(name), Some(verdict)) = (columns.first(), columns.get(verdict_column)) else {
            continue;
        };
        let (inputs, errors) = resolve_paths(&[corpus.join(name.trim_end_matches('/'))]);
        assert!(errors.is_empty() && inputs.len() == 1, "{name}: {errors:?}");
        let schema = Schema::new(inputs[0].load().expect("corpus files load"));
        let errors_with = |version| -> Vec<String> {
            analysis::check_with(
                &schema,
                Options {
                    prisma_version: version,
                    ..Options::default()
                },
            )
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code.as_str().to_string())
            .collect()
        };
        match *verdict {
            "yes" => {
                counted.0 += 1;
                assert_eq!(
                    errors_with(PrismaVersion::Seven),
                    Vec::<String>::new(),
                    "{name}"
                );
            }
            "skew" => {
                counted.1 += 1;
                let seven = errors_with(PrismaVersion::Seven);
                assert!(
                    !seven.is_empty() && seven.iter().all(|code| code.starts_with("version/")),
                    "{name}: {seven:?}"
                );
                assert_eq!(
                    errors_with(PrismaVersion::Six),
                    Vec::<String>::new(),
                    "{name}"
                );
            }
            other => panic!("{name}: unexpected verdict {other:?}"),
        }
    }
    println!(
        "target versions: {} Prisma 7 schemas clean for 7, {} Prisma 6 schemas rejected only for their version by 7 and clean for 6",
        counted.0, counted.1
    );
    assert!(counted.0 > 0 && counted.1 > 0);
}
