//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod cases;
pub mod lsp;
pub mod mutate;
pub mod postgres;
pub mod properties;

use std::path::{Path, PathBuf};

/// `../shared` next to the repository, or `None` (with a message) when it is absent. On CI
/// it must exist: a missing corpus there is a failure, not a skip.
pub fn shared_dir(what: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.is_dir() {
        return Some(dir);
    }
    let message = format!("SKIPPED {what}: {} not found", dir.display());
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("{message}");
    None
}

/// Every `.prisma` file under `dir`, sorted.
pub fn prisma_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(current) = stack.pop() {
        for entry in std::fs::read_dir(&current).expect("readable folder") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "prisma") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Prisma's own validators (the Prisma 6 and 7 engines, npm `@prisma/prisma-schema-wasm`,
/// installed into `.ci/reference` by `.ci/run`), or `None` with a message naming `what` is
/// skipped. On CI they must be installed: then a missing one is a failure.
pub fn reference_dir(what: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/reference");
    let installed = dir.join("node_modules/prisma-schema-wasm-7").is_dir()
        && dir.join("node_modules/prisma-schema-wasm-6").is_dir();
    let node = std::process::Command::new("node")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if installed && node {
        return Some(dir);
    }
    let message = format!(
        "SKIPPED {what}: Prisma's validators are not installed (run `npm ci --prefix .ci/reference`; node {})",
        if node { "found" } else { "not found" }
    );
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("{message}");
    None
}

/// Prisma's verdicts (`{"6": verdict, "7": verdict}`, see `.ci/reference/validate.js`) for
/// each schema (its files as `(name, text)`), from one node run.
pub fn reference_verdicts(
    dir: &Path,
    schemas: &[&Vec<(String, String)>],
) -> Vec<serde_json::Value> {
    run_reference_script(dir, "validate.js", schemas)
}

/// The output of one of `.ci/reference`'s scripts for each schema, from one node run: the
/// schemas go to its stdin as JSON, its stdout is a JSON array with one value per schema.
pub fn run_reference_script<T: serde::Serialize + ?Sized>(
    dir: &Path,
    script: &str,
    schemas: &T,
) -> Vec<serde_json::Value> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("node")
        .arg(dir.join(script))
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node starts");
    let input = serde_json::to_vec(schemas).expect("JSON");
    // Written from a thread: the child's output could fill its pipe before it has read all.
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("node finishes");
    writer.join().expect("writer").expect("input written");
    assert!(output.status.success(), "{script} failed");
    serde_json::from_slice(&output.stdout).unwrap_or_else(|_| panic!("JSON from {script}"))
}
