//! Fixes leave a formatted file. Every schema of `../shared/corpus/real`, every example and
//! every fixture, formatted first as `format` writes it, then analysed with the default
//! options and with every advisor rule on:
//!
//! - `check --fix` (`fix_all`) leaves each file as `format` writes it (so `check --fix`
//!   followed by `format --check` passes);
//! - each quick fix alone, unsafe ones too, applied as the editor applies it (`laid_out_in`)
//!   leaves each file it edits as `format` writes it, and adds no error the raw edits do not.
//!
//! Schemas `format` refuses or changes on a second pass are counted and left out (the format
//! property tests cover those).

mod common;

use common::cases::{Case, Files, apply, build, edits_key, folder_cases, local_cases, variants};
use prisma_analyzer::analysis::{self, Severity};
use prisma_analyzer::ide::{fixes, format_file};
use prisma_analyzer::model::FileId;

/// Each file as `format` writes it, or `None` when one is refused.
fn formatted(files: &[(String, String)]) -> Option<Files> {
    let schema = build(files);
    files
        .iter()
        .enumerate()
        .map(|(index, (name, _))| {
            let file = FileId(u32::try_from(index).ok()?);
            format_file(&schema, file)
                .ok()
                .map(|text| (name.clone(), text))
        })
        .collect()
}

/// The files of `files` that `format` would change, by name.
fn unformatted(files: &[(String, String)]) -> Vec<String> {
    let again = formatted(files);
    files
        .iter()
        .enumerate()
        .filter(|(index, (_, text))| again.as_ref().is_none_or(|again| again[*index].1 != *text))
        .map(|(_, (name, _))| name.clone())
        .collect()
}

/// The validation errors (the advice has none at its default levels).
fn errors(files: &[(String, String)]) -> usize {
    analysis::Analyzer::default()
        .validate(&build(files))
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// What is wrong with the fixes of one (formatted) case.
fn check_case(case: &Case) -> (usize, usize, Vec<String>) {
    let mut failures = Vec::new();
    let (mut quick, mut all) = (0, 0);
    let schema = build(&case.files);
    let before = errors(&case.files);
    // The same fix found under several options is checked once.
    let mut seen = std::collections::HashSet::new();
    for (variant, options) in variants() {
        let fixed = fixes::fix_all(&case.files, &options);
        if !fixed.applied.is_empty() {
            all += 1;
            let fixed: Files = case
                .files
                .iter()
                .zip(fixed.texts)
                .map(|((name, _), text)| (name.clone(), text))
                .collect();
            let left = unformatted(&fixed);
            if !left.is_empty() {
                failures.push(format!(
                    "{} [{variant}]: after every safe fix, {left:?} is not formatted",
                    case.name
                ));
            }
        }
        for diagnostic in analysis::check_with(&schema, options.clone()) {
            for fix in diagnostic.fixes.iter().filter(|f| !f.edits.is_empty()) {
                if !seen.insert(edits_key(&fix.edits)) {
                    continue;
                }
                quick += 1;
                let edits = fixes::laid_out_in(&schema, &fix.edits);
                let (Some(raw), Some(laid_out)) =
                    (apply(&case.files, &fix.edits), apply(&case.files, &edits))
                else {
                    failures.push(format!("{}: {}: edits do not apply", case.name, fix.title));
                    continue;
                };
                let edited: Vec<String> = case
                    .files
                    .iter()
                    .zip(&laid_out)
                    .filter(|(a, b)| a.1 != b.1)
                    .map(|(_, (name, _))| name.clone())
                    .collect();
                let left: Vec<String> = unformatted(&laid_out)
                    .into_iter()
                    .filter(|name| edited.contains(name))
                    .collect();
                if !left.is_empty() {
                    let file = case
                        .files
                        .iter()
                        .position(|(n, _)| *n == left[0])
                        .unwrap_or(0);
                    let wanted = formatted(&laid_out)
                        .map(|files| files[file].1.clone())
                        .unwrap_or_default();
                    failures.push(format!(
                        "{} [{variant}] {}: {}: leaves {left:?} unformatted:\n{}",
                        case.name,
                        diagnostic.code,
                        fix.title,
                        similar::TextDiff::from_lines(&laid_out[file].1, &wanted)
                            .unified_diff()
                            .context_radius(2)
                    ));
                }
                if errors(&laid_out) > before && errors(&laid_out) > errors(&raw) {
                    failures.push(format!(
                        "{} {}: {}: laid out, it adds an error",
                        case.name, diagnostic.code, fix.title
                    ));
                }
            }
        }
    }
    (quick, all, failures)
}

#[test]
fn fixes_leave_formatted_files() {
    let mut cases = local_cases();
    if let Some(shared) = common::shared_dir("fixes leave formatted files, over the corpus") {
        let corpus = shared.join("corpus/real");
        cases.extend(folder_cases(&corpus, &corpus));
    }
    // `FIX_LAYOUT_ONLY=text`: only the schemas whose name contains it.
    if let Ok(only) = std::env::var("FIX_LAYOUT_ONLY") {
        cases.retain(|case| case.name.contains(&only));
    }
    let total = cases.len();
    let mut left_out = Vec::new();
    let formatted_cases: Vec<Case> = cases
        .into_iter()
        .filter_map(|case| match formatted(&case.files) {
            Some(files) if unformatted(&files).is_empty() => Some(Case {
                name: case.name,
                files,
            }),
            _ => {
                left_out.push(case.name);
                None
            }
        })
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let results: Vec<(usize, usize, Vec<String>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                let cases = &formatted_cases;
                scope.spawn(move || {
                    (first..cases.len())
                        .step_by(threads)
                        .map(|index| check_case(&cases[index]))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a worker"))
            .collect()
    });
    let quick: usize = results.iter().map(|r| r.0).sum();
    let all: usize = results.iter().map(|r| r.1).sum();
    let failures: Vec<&String> = results.iter().flat_map(|r| &r.2).collect();
    println!(
        "fix layout: {} of {total} schemas formatted first ({} left out: {left_out:?}); {quick} quick fixes and {all} fix-all runs checked",
        formatted_cases.len(),
        left_out.len()
    );
    assert!(
        failures.is_empty(),
        "{} fixes leave unformatted files:\n{}",
        failures.len(),
        failures
            .iter()
            .map(|f| f.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
