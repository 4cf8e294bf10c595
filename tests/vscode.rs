//! The VS Code extension's own tests (`editors/vscode`: type-check, unit tests of the client
//! wiring, the TextMate grammar, and a run against this build's server), from `cargo test`
//! so that the README's test command runs every test. Needs Node.js and npm; without them
//! it is skipped with a message, except on CI (`CI` set), where it fails. The end-to-end run
//! in a real VS Code (code-server) needs Debian packages and is `.ci/run`'s.

use std::path::Path;
use std::process::Command;

fn npm(extension: &Path, args: &[&str]) -> std::process::Output {
    Command::new("npm")
        .args(args)
        .current_dir(extension)
        .env("PRISMA_ANALYZER_BIN", env!("CARGO_BIN_EXE_prisma-analyzer"))
        .output()
        .unwrap_or_else(|error| panic!("npm {args:?} could not start: {error}"))
}

#[test]
fn the_extensions_own_tests_pass() {
    let npm_found = Command::new("npm").arg("--version").output().is_ok();
    if !npm_found {
        let message = "SKIPPED the VS Code extension's tests: npm not found";
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("{message}");
        return;
    }
    let extension = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/vscode");
    if !extension.join("node_modules").is_dir() {
        let installed = npm(&extension, &["ci", "--no-audit", "--no-fund"]);
        assert!(
            installed.status.success(),
            "npm ci failed:\n{}",
            String::from_utf8_lossy(&installed.stderr)
        );
    }
    let tested = npm(&extension, &["test"]);
    let output = format!(
        "{}\n{}",
        String::from_utf8_lossy(&tested.stdout),
        String::from_utf8_lossy(&tested.stderr)
    );
    assert!(tested.status.success(), "npm test failed:\n{output}");
    // The runner's summary: every test ran and passed (none skipped).
    assert!(output.contains("# fail 0"), "{output}");
    assert!(output.contains("# skipped 0"), "{output}");
}
