//! Validation against Prisma's own test cases (`../shared/conformance/psl` and `psl-rust`):
//! for each case, the lines where we report errors are compared with the lines where Prisma
//! reports them (the `--> schema.prisma:N` of its expected output). Wording is ours, so
//! lines are what is compared. The score may only go up: raise `BASELINE` when it does.
//!
//! `cargo test --test validation_conformance -- --nocapture` prints the score and, with
//! `CONFORMANCE_DETAILS=1`, every case that disagrees.

mod common;

use prisma_analyzer::analysis::{self, Severity};
use prisma_analyzer::model::{Schema, SourceFile};
use std::collections::BTreeSet;

/// Cases (of those Prisma's current release agrees with) where our error lines equal
/// Prisma's. Measured when the harness was added; the validation work raises it.
const BASELINE: usize = 528;

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

#[test]
fn error_lines_agree_with_prisma() {
    let Some(shared) = common::shared_dir("validation conformance") else {
        return;
    };
    let details = std::env::var_os("CONFORMANCE_DETAILS").is_some();
    let mut total = 0;
    let mut agree = 0;
    let mut valid_total = 0;
    let mut valid_agree = 0;
    for set in ["psl", "psl-rust"] {
        let index = shared.join("conformance").join(set).join("cases.jsonl");
        let text = std::fs::read_to_string(&index).expect("cases.jsonl");
        for line in text.lines() {
            let case: serde_json::Value = serde_json::from_str(line).expect("JSON");
            if case["ref_agrees"].as_bool() == Some(false) {
                continue;
            }
            let file = case["file"].as_str().expect("file");
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
            total += 1;
            if expected.is_empty() {
                valid_total += 1;
            }
            if ours == expected {
                agree += 1;
                if expected.is_empty() {
                    valid_agree += 1;
                }
            } else if details {
                println!("{set}/{file}: ours {ours:?}, Prisma {expected:?}");
            }
        }
    }
    println!(
        "validation conformance: error lines agree on {agree} of {total} cases ({:.1}%); on cases without errors {valid_agree} of {valid_total}",
        100.0 * agree as f64 / total.max(1) as f64
    );
    assert!(
        agree >= BASELINE,
        "conformance went down: {agree} < {BASELINE}"
    );
    assert_eq!(
        valid_agree, valid_total,
        "an error where Prisma reports none"
    );
}
