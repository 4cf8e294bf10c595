//! The standing guard: a mutation fuzzer that follows the grammar (whole nodes deleted,
//! duplicated, swapped, replaced by others of their kind, wrapped in brackets, line breaks
//! turned into `\r\n` or `\r`), line damage and byte noise, over every corpus schema,
//! example and Prisma formatter input. Each mutant must hold, through the library:
//!
//! - `check` and every output format: no panic;
//! - `format`: idempotent, no new error, every comment kept, the same result for all three
//!   kinds of line break;
//! - `--fix` (on a sample, it is the slow one): no new error, fixing twice equals once.
//!
//! And through the real server, random edit sequences on documents with each kind of line
//! break: after every edit the server's text is the client's, and its errors at the end are
//! those a fresh `check` of the text finds.
//!
//! Deterministic by default (fixed seeds and counts that fit CI). For a longer hunt:
//! `PRISMA_ANALYZER_GUARD_SECONDS=600 cargo test --release --test guard -- --nocapture`
//! runs each part for that long (with `PRISMA_ANALYZER_GUARD_SEED` to vary the seed) and
//! prints what it tried (`PRISMA_ANALYZER_GUARD_REPORT=file` writes every failure there).

mod common;

use common::lsp::{LspClient, lsp_offset, lsp_position};
use common::mutate::{FRAGMENTS, Rng, floor_boundary, mutate};
use common::properties::{check_everything, fix_violation, format_text, format_violation};
use prisma_analyzer::analysis;
use prisma_analyzer::model::Schema;
use serde_json::json;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

/// How long each part runs when asked for a longer hunt; `None`: the fixed counts.
fn budget() -> Option<Duration> {
    std::env::var("PRISMA_ANALYZER_GUARD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map(Duration::from_secs)
}

fn seed() -> u64 {
    std::env::var("PRISMA_ANALYZER_GUARD_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x6A09_E667_F3BC_C908)
}

/// Whether to go on after `done` rounds: within the budget, or below the fixed count.
fn go_on(done: usize, fixed_count: usize, started: Instant) -> bool {
    match budget() {
        Some(budget) => started.elapsed() < budget,
        None => done < fixed_count,
    }
}

/// The texts mutants are made from (the corpus' largest schemas left out, for time).
fn sources() -> Vec<String> {
    let mut texts = vec![
        include_str!("../examples/blog.prisma").to_string(),
        include_str!("../examples/saas.prisma").to_string(),
        include_str!("../examples/typos.prisma").to_string(),
    ];
    if let Some(shared) = common::shared_dir("the standing guard") {
        for folder in ["corpus/real", "conformance/reformat"] {
            texts.extend(
                common::prisma_files(&shared.join(folder))
                    .iter()
                    .filter_map(|path| std::fs::read_to_string(path).ok())
                    .filter(|text| text.len() < 40_000),
            );
        }
    }
    texts
}

/// Mutants through check, format and fix.
const LIBRARY_MUTANTS: usize = 1_200;
/// One mutant in this many also goes through `--fix`.
const FIX_EVERY: usize = 4;

#[test]
fn mutants_hold_through_check_format_and_fix() {
    let sources = sources();
    let mut rng = Rng(seed());
    let started = Instant::now();
    let (mut checked, mut fixed) = (0, 0);
    let mut failures = Vec::new();
    while go_on(checked, LIBRARY_MUTANTS, started) {
        let state = rng.0;
        let source = &sources[rng.below(sources.len())];
        let mutant = mutate(source, &mut rng);
        let with_fix = checked % FIX_EVERY == 0;
        checked += 1;
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            check_everything(&mutant);
            let mut problems: Vec<String> = format_violation(&mutant).into_iter().collect();
            if with_fix {
                problems.extend(fix_violation(&mutant));
                // Formatted first, its fixes must leave it formatted.
                if let Some(formatted) = format_text(&mutant).filter(|f| *f != mutant) {
                    problems.extend(fix_violation(&formatted));
                }
            }
            problems
        }));
        match outcome {
            Ok(problems) => {
                fixed += usize::from(with_fix);
                if let Some(problem) = problems.first() {
                    failures.push(format!(
                        "rng state {state:#x}: {problem}\n--- input:\n{mutant}"
                    ));
                }
            }
            Err(_) => failures.push(format!(
                "rng state {state:#x}: a panic\n--- input:\n{mutant}"
            )),
        }
    }
    println!(
        "{checked} mutants checked and formatted, {fixed} fixed, in {:?}: {} failures",
        started.elapsed(),
        failures.len()
    );
    if let Some(report) = std::env::var_os("PRISMA_ANALYZER_GUARD_REPORT") {
        std::fs::write(report, failures.join("\n=====\n")).expect("the report is written");
    }
    assert!(
        failures.is_empty(),
        "{} mutants broke a property; the first:\n{}",
        failures.len(),
        failures[0]
    );
}

/// Documents edited through the server.
const LSP_DOCUMENTS: usize = 24;
/// Edits per document.
const LSP_EDITS: usize = 25;

/// A random edit of `text` as a client sends it: a range (as LSP positions) and the text
/// that replaces it; also the client's text after it.
fn random_edit(text: &str, rng: &mut Rng) -> ((u32, u32), (u32, u32), String, String) {
    let start = floor_boundary(text, rng.below(text.len() + 1));
    let reach = if rng.below(3) == 0 { 40 } else { 4 };
    let end = floor_boundary(text, start + rng.below(reach));
    let inserted = if rng.below(4) == 0 {
        String::new()
    } else {
        String::from_utf8_lossy(FRAGMENTS[rng.below(FRAGMENTS.len())]).into_owned()
    };
    // What the client names: positions (a place between `\r` and `\n` has none of its own).
    let (from, to) = (lsp_position(text, start), lsp_position(text, end));
    let (a, b) = (
        lsp_offset(text, from.0, from.1),
        lsp_offset(text, to.0, to.1),
    );
    let mut after = text.to_string();
    after.replace_range(a.min(b)..a.max(b), &inserted);
    (from, to, inserted, after)
}

/// The errors of a text as (code, start line, start column, message).
fn errors_of(text: &str) -> Vec<(String, u64, u64, String)> {
    let schema = Schema::parse("guard.prisma", text);
    let file = schema.file(prisma_analyzer::model::FileId(0));
    let mut errors: Vec<_> = analysis::check(&schema)
        .iter()
        .filter(|d| d.severity == analysis::Severity::Error)
        .map(|d| {
            let at = file.line_col(
                d.span.start as usize,
                prisma_analyzer::syntax::PositionEncoding::Utf16,
            );
            (
                d.code.as_str().to_string(),
                u64::from(at.line),
                u64::from(at.col),
                d.message.clone(),
            )
        })
        .collect();
    errors.sort();
    errors
}

#[test]
fn edit_sequences_keep_the_servers_text_and_diagnostics_the_clients() {
    let sources: Vec<String> = sources().into_iter().filter(|t| t.len() < 8_000).collect();
    let mut rng = Rng(seed() ^ 0x5555);
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut client = LspClient::start_in(folder.path());
    client.initialize(&["utf-16"]);
    let started = Instant::now();
    let (mut documents, mut edits) = (0, 0);
    while go_on(documents, LSP_DOCUMENTS, started) {
        let uri = common::lsp::file_uri(&folder.path().join(format!("doc{documents}.prisma")));
        let source = sources[rng.below(sources.len())].replace("\r\n", "\n");
        let mut text = match documents % 3 {
            0 => source,
            1 => source.replace('\n', "\r\n"),
            _ => source.replace('\n', "\r"),
        };
        documents += 1;
        client.open(&uri, 1, &text);
        let mut version = 1;
        for _ in 0..LSP_EDITS {
            let (from, to, inserted, after) = random_edit(&text, &mut rng);
            version += 1;
            client.change(&uri, version, from, to, &inserted);
            text = after;
            edits += 1;
            assert_eq!(
                client.text_of(&uri),
                json!(text),
                "the server's text differs after {from:?}..{to:?} → {inserted:?}"
            );
        }
        let published = client.diagnostics(&uri, version);
        let mut served: Vec<(String, u64, u64, String)> = published["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["severity"] == json!(1))
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or_default().to_string(),
                    d["range"]["start"]["line"].as_u64().unwrap_or(0),
                    d["range"]["start"]["character"].as_u64().unwrap_or(0),
                    d["message"].as_str().unwrap_or_default().to_string(),
                )
            })
            .collect();
        served.sort();
        assert_eq!(
            served,
            errors_of(&text),
            "errors differ from a fresh check of:\n{text}"
        );
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }
    println!(
        "{documents} documents, {edits} edits through the server in {:?}",
        started.elapsed()
    );
    assert!(client.shutdown().success());
}
