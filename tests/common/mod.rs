//! Helpers shared by the integration tests.
#![allow(dead_code)]

pub mod lsp;

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
