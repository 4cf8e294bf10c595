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

use common::mutate::{Rng, damage_lines};
use common::properties::{format_text, format_violation};
use std::path::{Path, PathBuf};
use std::process::Command;

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
        mutated = damage_lines(&mutated, &mut rng);
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
                format_violation(input)
                    .map(|problem| format!("{name}: {problem}\n--- input:\n{input}"))
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
