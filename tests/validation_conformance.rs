//! Validation against Prisma's own test cases (`../shared/conformance/psl` and `psl-rust`).
//!
//! Two measures per case (of those Prisma's current release agrees with):
//! - the **verdict**: we report an error iff Prisma does;
//! - the **lines**: the lines where we report errors equal the lines of Prisma's errors (the
//!   `--> schema.prisma:N` of its expected output). Wording is ours, so lines are compared.
//!
//! Cases we knowingly do not support are listed with the reason in
//! `tests/validation_conformance_unsupported.txt`; a listed case that starts to agree fails
//! the test (remove it from the list). The scores may only go up: raise the baselines.
//!
//! `cargo test --test validation_conformance -- --nocapture` prints the scores per category;
//! `CONFORMANCE_DETAILS=1` also prints every case that disagrees, and
//! `CONFORMANCE_FILTER=text` limits the run to cases whose file contains `text`.

mod common;

use prisma_analyzer::analysis::{self, Severity};
use prisma_analyzer::model::{Schema, SourceFile};
use std::collections::{BTreeMap, BTreeSet};

/// Cases whose lines agree. Raise it when the validation work raises the score.
const LINES_BASELINE: usize = 1020;
/// Cases whose verdict agrees.
const VERDICT_BASELINE: usize = 1023;

fn expected_error_lines(expected_plain: &str) -> BTreeSet<usize> {
    let mut lines = BTreeSet::new();
    let mut in_error = false;
    for line in expected_plain.lines() {
        if line.starts_with("error: ") {
            in_error = true;
        } else if line.starts_with("warning: ") {
            in_error = false;
        } else if let Some(rest) = line.trim_start().strip_prefix("-->  schema.prisma:")
            && in_error
            && let Ok(number) = rest.trim().parse()
        {
            lines.insert(number);
        }
    }
    lines
}

#[derive(Default)]
struct Score {
    total: usize,
    verdict: usize,
    lines: usize,
}

impl Score {
    fn add(&mut self, verdict: bool, lines: bool) {
        self.total += 1;
        self.verdict += usize::from(verdict);
        self.lines += usize::from(lines);
    }
}

fn percent(part: usize, total: usize) -> f64 {
    100.0 * part as f64 / total.max(1) as f64
}

/// `case id → reason` from the unsupported list (`id<TAB>reason`, `#` comments).
fn unsupported_cases() -> BTreeMap<String, String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/validation_conformance_unsupported.txt");
    let text = std::fs::read_to_string(&path).expect("the unsupported-case list");
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let (id, reason) = line.split_once('\t').unwrap_or((line, ""));
            assert!(!reason.trim().is_empty(), "no reason given for {id}");
            (id.trim().to_string(), reason.trim().to_string())
        })
        .collect()
}

#[test]
fn validation_agrees_with_prisma() {
    let Some(shared) = common::shared_dir("validation conformance") else {
        return;
    };
    let details = std::env::var_os("CONFORMANCE_DETAILS").is_some();
    let filter = std::env::var("CONFORMANCE_FILTER").ok();
    let unsupported = unsupported_cases();
    let mut listed_seen = BTreeSet::new();
    let mut stale_listing = Vec::new();
    let mut false_errors = Vec::new();
    let mut overall = Score::default();
    let mut per_category: BTreeMap<String, Score> = BTreeMap::new();
    for set in ["psl", "psl-rust"] {
        let index = shared.join("conformance").join(set).join("cases.jsonl");
        let text = std::fs::read_to_string(&index).expect("cases.jsonl");
        for line in text.lines() {
            let case: serde_json::Value = serde_json::from_str(line).expect("JSON");
            if case["ref_agrees"].as_bool() == Some(false) {
                continue;
            }
            let file = case["file"].as_str().expect("file");
            if filter.as_deref().is_some_and(|f| !file.contains(f)) {
                continue;
            }
            let id = format!("{set}/{file}");
            let source = std::fs::read_to_string(shared.join("conformance").join(set).join(file))
                .expect("case");
            let schema = Schema::new(vec![SourceFile::parse("schema.prisma", source)]);
            let ours: BTreeSet<usize> = analysis::check(&schema)
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .map(|d| {
                    schema
                        .file(d.span.file)
                        .line_index
                        .line_of(d.span.start as usize)
                        + 1
                })
                .collect();
            let expected =
                expected_error_lines(case["expected_plain"].as_str().unwrap_or_default());
            let verdict = ours.is_empty() == expected.is_empty();
            let lines = ours == expected;
            if expected.is_empty() && !ours.is_empty() {
                false_errors.push(format!("{id}: ours {ours:?}"));
            }
            overall.add(verdict, lines);
            let category = format!("{set}/{}", case["category"].as_str().unwrap_or("?"));
            per_category
                .entry(category)
                .or_default()
                .add(verdict, lines);
            if unsupported.contains_key(&id) {
                listed_seen.insert(id.clone());
                if lines {
                    stale_listing.push(id.clone());
                }
            } else if !lines && details {
                println!("{id}: ours {ours:?}, Prisma {expected:?}");
            }
        }
    }
    println!("category                      cases  verdict        lines");
    for (category, score) in &per_category {
        println!(
            "{category:<28} {:>6}  {:>4} {:>5.1}%  {:>4} {:>5.1}%",
            score.total,
            score.verdict,
            percent(score.verdict, score.total),
            score.lines,
            percent(score.lines, score.total)
        );
    }
    println!(
        "validation conformance: verdict agrees on {} of {} cases ({:.1}%), error lines on {} ({:.1}%); {} listed as unsupported",
        overall.verdict,
        overall.total,
        percent(overall.verdict, overall.total),
        overall.lines,
        percent(overall.lines, overall.total),
        unsupported.len()
    );
    assert!(
        false_errors.is_empty(),
        "errors where Prisma reports none:\n{}",
        false_errors.join("\n")
    );
    assert!(
        stale_listing.is_empty(),
        "listed as unsupported but agreeing now (remove them from the list):\n{}",
        stale_listing.join("\n")
    );
    if filter.is_none() {
        let unknown: Vec<_> = unsupported
            .keys()
            .filter(|id| !listed_seen.contains(*id))
            .collect();
        assert!(
            unknown.is_empty(),
            "unsupported list names unknown cases: {unknown:?}"
        );
        assert!(
            overall.lines >= LINES_BASELINE,
            "line agreement went down: {} < {LINES_BASELINE}",
            overall.lines
        );
        // The bars of the product: 98% of all verdicts, every relation verdict.
        assert!(
            overall.verdict * 100 >= overall.total * 98,
            "verdict agreement under 98%"
        );
        for (category, score) in &per_category {
            if category.ends_with("/relations") {
                assert_eq!(
                    score.verdict, score.total,
                    "{category}: every relation verdict must agree"
                );
            }
        }
        assert!(
            overall.verdict >= VERDICT_BASELINE,
            "verdict agreement went down: {} < {VERDICT_BASELINE}",
            overall.verdict
        );
    }
}
