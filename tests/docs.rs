//! The documentation follows the code: README.md's table of diagnostic codes is generated
//! from `analysis::codes::ALL`, its table of advisor rules from
//! `analysis::advisor::rules::RULES`, and every code the analyzer defines is in `ALL`.
//!
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites the tables.

use prisma_analyzer::analysis::advisor::rules::RULES;
use prisma_analyzer::analysis::codes;
use std::path::Path;

const START: &str = "<!-- codes:start -->";
const END: &str = "<!-- codes:end -->";
const RULES_START: &str = "<!-- rules:start -->";
const RULES_END: &str = "<!-- rules:end -->";

/// Text for a table cell: on one line, with `|` escaped.
fn cell(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('|', "\\|")
}

fn generated_rules_table() -> String {
    let mut table = String::from("| code | default | what it checks | fix |\n|---|---|---|---|\n");
    for rule in RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            rule.code.as_str(),
            rule.default.name(),
            cell(rule.checks),
            rule.fix.map_or_else(
                || "none".to_string(),
                |fix| format!(
                    "{} ({})",
                    cell(fix),
                    if rule.fix_is_safe {
                        "applied by `check --fix`"
                    } else {
                        "editor action only"
                    }
                )
            ),
        ));
    }
    table
}

fn generated_table() -> String {
    let mut table = String::from("| code | what it reports |\n|---|---|\n");
    let mut all: Vec<_> = codes::ALL.to_vec();
    all.sort_by_key(|(code, _)| code.as_str());
    for (code, summary) in all {
        table.push_str(&format!(
            "| `{}` | {} |\n",
            code.as_str(),
            summary.replace('|', "\\|")
        ));
    }
    table
}

#[test]
fn every_defined_code_is_listed_once() {
    let source = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/analysis/codes.rs"),
    )
    .expect("codes.rs");
    let mut defined: Vec<&str> = source
        .split("Code(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    defined.sort_unstable();
    let mut listed: Vec<&str> = codes::ALL.iter().map(|(code, _)| code.as_str()).collect();
    listed.sort_unstable();
    let before = listed.len();
    listed.dedup();
    assert_eq!(before, listed.len(), "a code is listed twice in ALL");
    assert_eq!(
        defined, listed,
        "codes.rs defines codes that ALL does not list (or the reverse)"
    );
}

/// Replaces the text between `start` and `end` in README.md with `wanted` when
/// `UPDATE_DOCS` is set; otherwise fails when it differs.
fn readme_section(start_marker: &str, end_marker: &str, wanted: &str, what: &str) {
    // The tests run in parallel: one reads and rewrites README.md at a time.
    static README: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _guard = README
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (Some(start), Some(end)) = (readme.find(start_marker), readme.find(end_marker)) else {
        panic!("README.md needs the markers {start_marker} and {end_marker}");
    };
    let current = &readme[start + start_marker.len()..end];
    let wanted = format!("\n{wanted}");
    if current == wanted {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!(
            "{}{start_marker}{wanted}{}",
            &readme[..start],
            &readme[end..]
        );
        std::fs::write(&path, updated).expect("README.md written");
        return;
    }
    panic!("README.md's {what} is out of date: run `UPDATE_DOCS=1 cargo test --test docs`");
}

#[test]
fn readme_lists_every_code() {
    readme_section(START, END, &generated_table(), "table of codes");
}

#[test]
fn readme_lists_every_advisor_rule() {
    readme_section(
        RULES_START,
        RULES_END,
        &generated_rules_table(),
        "table of advisor rules",
    );
}

#[test]
fn every_advisor_rule_has_a_code_and_is_documented() {
    for rule in RULES {
        assert!(
            codes::ALL.iter().any(|(code, _)| *code == rule.code),
            "{} is not in codes::ALL",
            rule.code
        );
        assert!(
            !rule.checks.is_empty() && !rule.why.is_empty() && !rule.example.is_empty(),
            "{} lacks documentation",
            rule.code
        );
    }
}
