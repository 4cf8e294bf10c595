//! Properties of `format` that must hold for every input, checked on seeded mutants of the
//! real-world corpus and of Prisma's formatter inputs (truncations, deleted brackets and
//! lines, stray tokens, duplicated and swapped lines):
//!
//! - idempotent: formatting the output again changes nothing;
//! - no new error: the codes of the analyzer's errors after formatting are among those before
//!   (unless formatting repaired every syntax error: rewriting the legacy `name: Type`,
//!   `Type!` and `[Type]` uncovers the validation errors that reading errors hide);
//! - no comment lost or altered: the comments of the output are those of the input (a
//!   `/* … */` comment compared by its lines of text, which Prisma re-frames as `/** … */`).
//!
//! Deterministic (a fixed seed per file); a failure names the file, the mutant's number and
//! prints the mutated input. Most mutants go through the library; a sample through the
//! `format` command (twice: the second run must find nothing to change).

mod common;

use prisma_analyzer::analysis::{self, Severity};
use prisma_analyzer::ide::format_file;
use prisma_analyzer::model::{FileId, Schema};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

/// Tokens a half-typed or damaged schema holds where they do not belong.
const STRAY: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "@",
    "@@",
    "?",
    "[]",
    "=",
    ",",
    ":",
    "\n",
    "\r\n",
    "\t",
    "  ",
    "//",
    "// note",
    "///",
    "/*",
    "*/",
    "/* c */",
    "/* a\n   b */",
    "\n/* x\n  y\n*/\n",
    "model ",
    "model X {",
    "enum E {",
    "@id",
    "@unique",
    "@default(",
    "@relation(",
    "@relation(\"r\")",
    "@@index([",
    "@@map(\"t\")",
    " String",
    " Int?",
    "\n  other Other[]\n",
    "\n  extra   Int   @default(1)\n",
    "{{{",
];

/// Up to `at` on a character boundary.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The byte ranges of the lines of `text`, each with its line break.
fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            ranges.push(start..index + 1);
            start = index + 1;
        }
    }
    if start < text.len() {
        ranges.push(start..text.len());
    }
    ranges
}

/// One random mutation of `text`.
fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut out = text.to_string();
    let lines = line_ranges(text);
    match rng.below(8) {
        // Truncated (an editor's buffer half-written, a file cut short).
        0 => out.truncate(floor_boundary(text, rng.below(text.len() + 1))),
        // A bracket deleted.
        1 => {
            let brackets: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|(_, b)| b"{}()[]".contains(b))
                .map(|(i, _)| i)
                .collect();
            if !brackets.is_empty() {
                let at = brackets[rng.below(brackets.len())];
                out.replace_range(at..at + 1, "");
            }
        }
        // A stray token.
        2 | 3 => {
            let at = floor_boundary(text, rng.below(text.len() + 1));
            out.insert_str(at, STRAY[rng.below(STRAY.len())]);
        }
        // A range deleted.
        4 => {
            let start = floor_boundary(text, rng.below(text.len() + 1));
            let end = floor_boundary(text, start + rng.below(60));
            out.replace_range(start..end, "");
        }
        // A line deleted.
        5 if !lines.is_empty() => {
            out.replace_range(lines[rng.below(lines.len())].clone(), "");
        }
        // A line duplicated (somewhere else).
        6 if !lines.is_empty() => {
            let line = &text[lines[rng.below(lines.len())].clone()];
            let at = lines[rng.below(lines.len())].start;
            let line = if line.ends_with('\n') {
                line.to_string()
            } else {
                format!("{line}\n")
            };
            out.insert_str(at, &line);
        }
        // Two lines swapped.
        _ if lines.len() > 1 => {
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            let (a, b) = (a.min(b), a.max(b));
            if a != b {
                let (first, second) = (&text[lines[a].clone()], &text[lines[b].clone()]);
                let first = first.trim_end_matches('\n');
                let second = second.trim_end_matches('\n');
                let mut swapped = String::new();
                swapped.push_str(&text[..lines[a].start]);
                swapped.push_str(second);
                swapped.push_str(&text[lines[a].start + first.len()..lines[b].start]);
                swapped.push_str(first);
                swapped.push_str(&text[lines[b].start + second.len()..]);
                out = swapped;
            }
        }
        _ => {}
    }
    out
}

/// The formatted text of a one-file schema, or `None` when it is refused.
fn format_text(text: &str) -> Option<String> {
    let schema = Schema::parse("schema.prisma", text);
    format_file(&schema, FileId(0)).ok()
}

/// The codes of the analyzer's errors, and whether any is a syntax error (`syntax/…`).
fn error_codes(text: &str) -> (BTreeSet<String>, bool) {
    let schema = Schema::parse("schema.prisma", text);
    // Validation: the advice has no errors at its default levels.
    let codes: BTreeSet<String> = analysis::Analyzer::default()
        .validate(&schema)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.as_str().to_string())
        .collect();
    let syntax = codes.iter().any(|code| code.starts_with("syntax/"));
    (codes, syntax)
}

/// The comments of `text` as the parser sees them, sorted: `//` comments as written (without
/// trailing whitespace), `/* … */` ones by their lines of text (what is left of each line
/// without the frame: `/*`, `*/`, a leading `*`, blank first and last lines).
fn comments(text: &str) -> Vec<String> {
    let tree = prisma_analyzer::syntax::parse(text, None);
    let mut found = Vec::new();
    let mut cursor = tree.walk();
    let mut visit = true;
    loop {
        if visit {
            let node = cursor.node();
            let kind = node.kind();
            if matches!(kind, "comment" | "doc_comment" | "block_comment") {
                let comment = &text[node.byte_range()];
                found.push(if kind == "block_comment" {
                    block_comment_lines(comment)
                } else {
                    comment.trim_end().to_string()
                });
            }
        }
        if visit && cursor.goto_first_child() {
            continue;
        }
        if cursor.goto_next_sibling() {
            visit = true;
            continue;
        }
        if !cursor.goto_parent() {
            break;
        }
        visit = false;
    }
    found.sort();
    found
}

fn block_comment_lines(comment: &str) -> String {
    let inner = comment
        .strip_prefix("/*")
        .and_then(|c| c.strip_suffix("*/"))
        .unwrap_or(comment);
    let lines: Vec<&str> = inner
        .lines()
        .map(|line| {
            let line = line.trim();
            line.strip_prefix('*').unwrap_or(line).trim()
        })
        .collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    format!("/* {} */", lines[start..end].join("\n"))
}

/// What is wrong with formatting `input`, if anything.
fn violation(input: &str) -> Option<String> {
    let once = format_text(input)?;
    let Some(twice) = format_text(&once) else {
        return Some(format!(
            "the output is refused when formatted again:\n{once}"
        ));
    };
    if twice != once {
        return Some(format!(
            "not idempotent: {}\n--- once:\n{once}\n--- twice:\n{twice}",
            first_difference(&twice, &once)
        ));
    }
    let (before, broken_before) = error_codes(input);
    let (after, broken_after) = error_codes(&once);
    let new: Vec<&String> = after.difference(&before).collect();
    // Formatting that repairs every syntax error (legacy `name: Type`, `Type!`, `[Type]`)
    // uncovers the validation errors they hid: those were there, not added.
    let repaired = broken_before && !broken_after;
    if !new.is_empty() && !repaired {
        return Some(format!("new errors {new:?}; output:\n{once}"));
    }
    let (kept, had) = (comments(&once), comments(input));
    if kept != had {
        return Some(format!(
            "comments changed: before {had:?}, after {kept:?}; output:\n{once}"
        ));
    }
    None
}

fn first_difference(ours: &str, expected: &str) -> String {
    for (line, (a, b)) in ours.lines().zip(expected.lines()).enumerate() {
        if a != b {
            return format!("line {}: {a:?} vs {b:?}", line + 1);
        }
    }
    "a different number of lines".to_string()
}

/// The inputs: every corpus schema and every formatter input/output of Prisma's tests.
fn sources(shared: &Path) -> Vec<(PathBuf, String)> {
    let mut paths = common::prisma_files(&shared.join("corpus/real"));
    paths.extend(common::prisma_files(&shared.join("conformance/reformat")));
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("readable file");
            (path, text)
        })
        .collect()
}

/// Mutants per input file (`FORMAT_PROPERTIES_MUTANTS` overrides it, for longer searches).
const MUTANTS_PER_FILE: usize = 12;

/// The `index`-th mutant of a file: one to three mutations, seeded by the file and index.
fn mutant(text: &str, file: usize, index: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ ((file as u64) << 20) ^ index as u64);
    rng.next();
    let mut mutated = text.to_string();
    for _ in 0..=rng.below(3) {
        mutated = mutate(&mutated, &mut rng);
    }
    mutated
}

/// The inputs of the test: each source file, then its mutants.
fn inputs(sources: &[(PathBuf, String)], per_file: usize) -> Vec<(String, String)> {
    let mut inputs = Vec::new();
    for (file, (path, text)) in sources.iter().enumerate() {
        inputs.push((format!("{}", path.display()), text.clone()));
        for index in 0..per_file {
            inputs.push((
                format!("{} mutant {}", path.display(), index + 1),
                mutant(text, file, index),
            ));
        }
    }
    inputs
}

#[test]
fn formatting_mutants_is_idempotent_adds_no_error_and_keeps_comments() {
    let Some(shared) = common::shared_dir("format properties") else {
        return;
    };
    let per_file = std::env::var("FORMAT_PROPERTIES_MUTANTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(MUTANTS_PER_FILE);
    let inputs = inputs(&sources(&shared), per_file);
    // Two threads: CI machines share their cores.
    let (first, second) = inputs.split_at(inputs.len() / 2);
    let check = |part: &[(String, String)]| -> Vec<String> {
        part.iter()
            .filter_map(|(name, input)| {
                violation(input).map(|problem| format!("{name}: {problem}\n--- input:\n{input}"))
            })
            .collect()
    };
    let mut failures = std::thread::scope(|scope| {
        let other = scope.spawn(|| check(second));
        let mut failures = check(first);
        failures.extend(other.join().expect("the checking thread finishes"));
        failures
    });
    failures.sort();
    println!(
        "{} inputs checked, {} failures",
        inputs.len(),
        failures.len()
    );
    for failure in &failures {
        println!("FAIL {}", failure.lines().next().unwrap_or_default());
    }
    if let Some(report) = std::env::var_os("FORMAT_PROPERTIES_REPORT") {
        std::fs::write(report, failures.join("\n=====\n")).expect("report written");
    }
    assert!(
        failures.is_empty(),
        "{} of {} inputs break a property of formatting (the first: {})",
        failures.len(),
        inputs.len(),
        failures[0]
    );
}

/// One input in this many also goes through the `format` command.
const CLI_SAMPLE_EVERY: usize = 20;

/// A sample of the same inputs through the `format` command, all files in one run: it
/// writes exactly what the library formats and leaves a refused file alone (exit 2, one
/// line each), and `format --check` then finds nothing to change.
#[test]
fn the_format_command_writes_what_the_library_formats_and_finds_nothing_to_do_after() {
    let Some(shared) = common::shared_dir("format properties (command)") else {
        return;
    };
    let inputs = inputs(&sources(&shared), MUTANTS_PER_FILE);
    let sample: Vec<&(String, String)> = inputs.iter().step_by(CLI_SAMPLE_EVERY).collect();
    let dir = tempfile::tempdir().expect("temp dir");
    let paths: Vec<PathBuf> = sample
        .iter()
        .enumerate()
        .map(|(index, (_, text))| {
            let path = dir.path().join(format!("mutant{index}.prisma"));
            std::fs::write(&path, text).expect("written");
            path
        })
        .collect();
    let format = |check: bool| {
        Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"))
            .arg("format")
            .args(check.then_some("--check"))
            .args(&paths)
            .env_remove("CI")
            .output()
            .expect("the binary runs")
    };
    let first = format(false);
    let mut refused = 0;
    for (path, (name, input)) in paths.iter().zip(&sample) {
        let expected = format_text(input).unwrap_or_else(|| {
            refused += 1;
            input.clone()
        });
        let written = std::fs::read_to_string(path).expect("readable");
        assert!(
            written == expected,
            "{name}: `format` wrote\n{written}\n--- the library formats it as\n{expected}"
        );
    }
    let stderr = String::from_utf8_lossy(&first.stderr);
    assert_eq!(stderr.matches("not formatted").count(), refused, "{stderr}");
    assert_eq!(
        first.status.code(),
        Some(if refused > 0 { 2 } else { 0 }),
        "{stderr}"
    );
    let second = format(true);
    let listed = String::from_utf8_lossy(&second.stdout);
    assert!(
        !listed.contains("would reformat"),
        "formatted files would change again:\n{listed}"
    );
    println!(
        "{} files through `format` ({refused} refused), then `format --check`",
        sample.len()
    );
}
