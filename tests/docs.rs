//! The documentation follows the code: README.md's table of diagnostic codes is generated
//! from `analysis::codes::ALL`, and every code the analyzer defines is in `ALL`.
//!
//! `UPDATE_DOCS=1 cargo test --test docs` rewrites the table.

use prisma_analyzer::analysis::codes;
use std::path::Path;

const START: &str = "<!-- codes:start -->";
const END: &str = "<!-- codes:end -->";

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

#[test]
fn readme_lists_every_code() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md needs the markers {START} and {END}");
    };
    let current = &readme[start + START.len()..end];
    let wanted = format!("\n{}", generated_table());
    if current == wanted {
        return;
    }
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let updated = format!("{}{START}{wanted}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("README.md written");
        return;
    }
    panic!("README.md's table of codes is out of date: run `UPDATE_DOCS=1 cargo test --test docs`");
}
