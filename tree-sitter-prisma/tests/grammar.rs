//! The grammar's own tests: it loads, its queries compile, its `test/corpus` cases pass
//! (without the tree-sitter CLI), and the committed parser is generated from `grammar.js`.

use std::path::{Path, PathBuf};
use std::process::Command;
use tree_sitter::{Language, Parser, Query};

/// The tree-sitter CLI version that generated `src/parser.c`. Regenerate with exactly this
/// version (see README.md), or the staleness test below reports a difference.
const PINNED_CLI_VERSION: &str = "0.27.1";

fn language() -> Language {
    tree_sitter_prisma::LANGUAGE.into()
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn grammar_loads() {
    let mut parser = Parser::new();
    parser.set_language(&language()).expect("the grammar loads");
    let tree = parser
        .parse("model A {\n  id Int @id\n}\n", None)
        .expect("a tree");
    assert!(!tree.root_node().has_error());
}

#[test]
fn queries_compile_against_the_grammar() {
    for (name, source) in [
        ("highlights", tree_sitter_prisma::HIGHLIGHTS_QUERY),
        ("locals", tree_sitter_prisma::LOCALS_QUERY),
        ("folds", tree_sitter_prisma::FOLDS_QUERY),
    ] {
        if let Err(error) = Query::new(&language(), source) {
            panic!("queries/{name}.scm does not compile: {error}");
        }
    }
}

struct CorpusCase {
    file: String,
    title: String,
    input: String,
    expected: String,
}

/// Reads `test/corpus/*.txt` in the tree-sitter test format: a `===` header with the title,
/// the input, a `---` line, and the expected tree as an S-expression.
fn corpus_cases() -> Vec<CorpusCase> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(crate_dir().join("test/corpus"))
        .expect("test/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable corpus file");
        let file = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let mut rest = text.as_str();
        while let Some(start) = rest.find("====") {
            let after_first = &rest[start..];
            let title_start = after_first.find('\n').map_or(after_first.len(), |i| i + 1);
            let title_end = after_first[title_start..]
                .find('\n')
                .map_or(after_first.len(), |i| title_start + i);
            let title = after_first[title_start..title_end].trim().to_string();
            let header_end = after_first[title_end + 1..]
                .find('\n')
                .map_or(after_first.len(), |i| title_end + 1 + i + 1);
            let body = &after_first[header_end..];
            let divider = body.find("\n----").expect("every case has a --- divider");
            let input = body[..divider]
                .strip_prefix('\n')
                .unwrap_or(&body[..divider]);
            let after_divider = &body[divider + 1..];
            let expected_start = after_divider
                .find('\n')
                .map_or(after_divider.len(), |i| i + 1);
            let expected_and_more = &after_divider[expected_start..];
            let expected_end = expected_and_more
                .find("\n====")
                .unwrap_or(expected_and_more.len());
            cases.push(CorpusCase {
                file: file.clone(),
                title,
                input: input.trim_end_matches('\n').to_string(),
                expected: expected_and_more[..expected_end].to_string(),
            });
            rest = &expected_and_more[expected_end..];
        }
    }
    cases
}

/// Whitespace-insensitive S-expression without field names (as the corpus files are written).
fn normalize(sexp: &str) -> String {
    sexp.replace('(', " ( ")
        .replace(')', " ) ")
        .split_whitespace()
        .filter(|token| !(token.ends_with(':') && token.len() > 1))
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn corpus_cases_match_their_trees() {
    let cases = corpus_cases();
    assert!(
        cases.len() >= 20,
        "expected the corpus cases, found {}",
        cases.len()
    );
    let mut parser = Parser::new();
    parser.set_language(&language()).expect("the grammar loads");
    let mut failures = Vec::new();
    for case in &cases {
        let tree = parser.parse(&case.input, None).expect("a tree");
        let actual = normalize(&tree.root_node().to_sexp());
        let expected = normalize(&case.expected);
        if actual != expected {
            failures.push(format!(
                "{} / {}\n  expected: {expected}\n  actual:   {actual}",
                case.file, case.title
            ));
        }
    }
    println!("{} grammar corpus cases", cases.len());
    assert!(
        failures.is_empty(),
        "corpus mismatches:\n{}",
        failures.join("\n")
    );
}

fn cli_version() -> Option<String> {
    let output = Command::new("tree-sitter").arg("--version").output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    text.split_whitespace().nth(1).map(str::to_string)
}

/// Regenerates the parser from `grammar.js` in a scratch folder and compares it with the
/// committed files. Needs the pinned CLI (`cargo install tree-sitter-cli --locked --version
/// 0.27.1`); CI installs it, so there a missing CLI is a failure, elsewhere a skip.
#[test]
fn committed_parser_is_generated_from_grammar_js() {
    match cli_version() {
        Some(version) if version == PINNED_CLI_VERSION => {}
        found => {
            let message = format!(
                "tree-sitter CLI {PINNED_CLI_VERSION} not found (found {found:?}): cannot check that src/parser.c matches grammar.js"
            );
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("SKIPPED: {message}");
            return;
        }
    }
    let scratch = tempfile::tempdir().expect("a temporary folder");
    for file in ["grammar.js", "package.json", "tree-sitter.json"] {
        std::fs::copy(crate_dir().join(file), scratch.path().join(file))
            .expect("copy grammar sources");
    }
    let status = Command::new("tree-sitter")
        .args(["generate", "--js-runtime", "native"])
        .current_dir(scratch.path())
        .status()
        .expect("tree-sitter generate runs");
    assert!(status.success(), "tree-sitter generate failed");
    for generated in ["src/parser.c", "src/grammar.json", "src/node-types.json"] {
        let fresh = read(&scratch.path().join(generated));
        let committed = read(&crate_dir().join(generated));
        assert!(
            fresh == committed,
            "{generated} is stale: run `tree-sitter generate` in tree-sitter-prisma/ and commit the result"
        );
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Runs `tree-sitter test`: the corpus again, and the highlight assertions of
/// `test/highlight/*.prisma` (`// <- keyword`, `//  ^ type`) against `queries/highlights.scm`,
/// whose capture names the editors' queries follow. Needs the pinned CLI, like the test above.
#[test]
fn highlight_assertions_hold() {
    match cli_version() {
        Some(version) if version == PINNED_CLI_VERSION => {}
        found => {
            let message = format!(
                "tree-sitter CLI {PINNED_CLI_VERSION} not found (found {found:?}): cannot run the highlight tests"
            );
            assert!(std::env::var_os("CI").is_none(), "{message}");
            eprintln!("SKIPPED: {message}");
            return;
        }
    }
    let output = Command::new("tree-sitter")
        .arg("test")
        .env("NO_COLOR", "1")
        .current_dir(crate_dir())
        .output()
        .expect("tree-sitter test runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "tree-sitter test failed:\n{stdout}\n{stderr}"
    );
    // Without its highlight section the run would pass while testing nothing.
    let assertions: usize = stdout
        .lines()
        .filter_map(|line| line.split_once(" assertions)"))
        .filter_map(|(before, _)| before.rsplit('(').next()?.trim().parse::<usize>().ok())
        .sum();
    println!("{assertions} highlight assertions hold");
    assert!(
        assertions >= 50,
        "expected the highlight assertions of test/highlight, found {assertions}:\n{stdout}"
    );
}
