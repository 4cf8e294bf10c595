//! Neovim, for real: `nvim --headless` loads `editors/neovim` (as its README tells users to),
//! opens a schema with an error, and talks to the server built by this test run:
//! diagnostics, completion, a code action and its fix, settings, and the tree-sitter queries
//! with our grammar compiled into a parser Neovim loads. `tests/fixtures/neovim/check.lua`
//! drives Neovim and writes what it saw as JSON; the assertions are here.
//!
//! Neovim comes from `$NVIM` (a path to the binary) or `PATH`. Without it the test is
//! skipped with a message, except on CI (`CI` set), where it fails: CI installs Neovim.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long Neovim may take for the whole script (it waits at most 30 s for each step).
const NVIM_TIMEOUT: Duration = Duration::from_secs(180);

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixtures() -> PathBuf {
    repo().join("tests/fixtures/neovim")
}

fn queries_dir() -> PathBuf {
    repo().join("editors/neovim/queries/prisma")
}

/// `$NVIM` when it names a file (inside Neovim's terminal `$NVIM` is a socket), else `nvim`
/// on PATH.
fn find_nvim() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("NVIM").map(PathBuf::from)
        && path.is_file()
    {
        return Some(path);
    }
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join("nvim"))
        .find(|candidate| candidate.is_file())
}

/// Compiles `tree-sitter-prisma/src` into a parser library Neovim can load (`cc` is there
/// wherever Rust links).
fn build_parser(dir: &Path) -> PathBuf {
    let src = repo().join("tree-sitter-prisma/src");
    let output = dir.join("prisma.so");
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let status = Command::new(&cc)
        .args(["-shared", "-fPIC", "-O1", "-std=c11", "-I"])
        .arg(&src)
        .arg(src.join("parser.c"))
        .arg(src.join("scanner.c"))
        .arg("-o")
        .arg(&output)
        .status()
        .unwrap_or_else(|e| panic!("running {cc} to build the parser: {e}"));
    assert!(status.success(), "{cc} could not build the parser");
    output
}

/// Whether `list` (a JSON array of strings) holds `wanted`.
fn holds(list: &Value, wanted: &str) -> bool {
    list.as_array()
        .is_some_and(|items| items.iter().any(|item| item == wanted))
}

#[test]
fn the_queries_compile_against_our_grammar() {
    let language: tree_sitter::Language = tree_sitter_prisma::LANGUAGE.into();
    for name in ["highlights", "folds", "indents"] {
        let path = queries_dir().join(format!("{name}.scm"));
        let source = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        if let Err(error) = tree_sitter::Query::new(&language, &source) {
            panic!("{} does not compile: {error}", path.display());
        }
    }
}

#[test]
fn neovim_shows_the_servers_diagnostics_completion_and_fixes() {
    let Some(nvim) = find_nvim() else {
        if std::env::var_os("CI").is_some() {
            panic!("Neovim is not installed (set NVIM or put nvim on PATH); CI must run this test");
        }
        eprintln!("skipped: Neovim not found (set NVIM to its binary or put nvim on PATH)");
        return;
    };
    let started = Instant::now();
    let temp = tempfile::tempdir().unwrap();
    let project = temp.path().join("project");
    std::fs::create_dir(&project).unwrap();
    let schema = project.join("schema.prisma");
    std::fs::copy(fixtures().join("schema.prisma"), &schema).unwrap();
    let parser = build_parser(temp.path());
    let result_path = temp.path().join("result.json");
    let stdout_path = temp.path().join("nvim.stdout");
    let stderr_path = temp.path().join("nvim.stderr");
    let bin = env!("CARGO_BIN_EXE_prisma-analyzer");

    let mut command = Command::new(&nvim);
    command
        .args(["--headless", "--clean", "-n", "-i", "NONE", "-u"])
        .arg(fixtures().join("init.lua"))
        .arg("-c")
        .arg(format!(
            "luafile {}",
            fixtures().join("check.lua").display()
        ))
        .env("PRISMA_ANALYZER_BIN", bin)
        .env("PRISMA_ANALYZER_SCHEMA", &schema)
        .env("PRISMA_ANALYZER_PARSER", &parser)
        .env("PRISMA_ANALYZER_RESULT", &result_path)
        // Keep Neovim's state (LSP log, shada) out of the user's home.
        .env("XDG_CONFIG_HOME", temp.path().join("config"))
        .env("XDG_DATA_HOME", temp.path().join("data"))
        .env("XDG_STATE_HOME", temp.path().join("state"))
        .env("XDG_CACHE_HOME", temp.path().join("cache"))
        .env_remove("NVIM")
        .env_remove("NVIM_LISTEN_ADDRESS")
        .current_dir(&project)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout_path).unwrap())
        .stderr(std::fs::File::create(&stderr_path).unwrap());
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("starting {}: {e}", nvim.display()));
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > NVIM_TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let stderr = std::fs::read_to_string(&stderr_path).unwrap_or_default();
    let stdout = std::fs::read_to_string(&stdout_path).unwrap_or_default();
    let lsp_log =
        std::fs::read_to_string(temp.path().join("state/nvim/lsp.log")).unwrap_or_default();
    let context = format!(
        "nvim: {}\nstatus: {status:?}\nstderr:\n{stderr}\nstdout:\n{stdout}\nLSP log (tail):\n{}",
        nvim.display(),
        lsp_log
            .lines()
            .rev()
            .take(40)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect::<Vec<_>>()
            .join("\n")
    );
    let Ok(text) = std::fs::read_to_string(&result_path) else {
        panic!("Neovim wrote no result (timeout {NVIM_TIMEOUT:?})\n{context}");
    };
    let result: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("the result is not JSON ({e}): {text}\n{context}"));
    eprintln!(
        "Neovim run took {:.1}s (steps: {})",
        started.elapsed().as_secs_f64(),
        result["steps"]
    );
    let show = serde_json::to_string_pretty(&result).unwrap();
    assert!(
        result["error"].is_null(),
        "the script failed in step {}:\n{}\nresult: {show}\n{context}",
        result["steps"]
            .as_array()
            .and_then(|s| s.last())
            .unwrap_or(&Value::Null),
        result["error"].as_str().unwrap_or_default()
    );
    assert_eq!(status.and_then(|s| s.code()), Some(0), "{show}\n{context}");

    // Filetype and our ftplugin (Neovim's own leaves 'shiftwidth' at 8).
    assert_eq!(result["filetype"], "prisma", "{show}");
    assert_eq!(result["commentstring"], "// %s", "{show}");
    assert_eq!(result["shiftwidth"], 2, "{show}");
    // lsp/prisma_analyzer.lua was found on the runtimepath and merged with init.lua's cmd.
    assert_eq!(result["config"]["cmd"][0], bin, "{show}");
    assert_eq!(result["config"]["cmd"][1], "lsp", "{show}");
    assert!(holds(&result["config"]["filetypes"], "prisma"), "{show}");
    assert!(
        holds(&result["config"]["root_markers"], "prisma-analyzer.toml"),
        "{show}"
    );
    assert_eq!(
        result["root_dir"].as_str().map(Path::new),
        Some(project.as_path()),
        "{show}"
    );

    // The server's diagnostics: the misspelt type, as an error on its line.
    let diagnostics = result["diagnostics"].as_array().expect("diagnostics");
    assert!(
        diagnostics.iter().any(|d| d["line"] == 7
            && d["severity"] == 1
            && d["message"].as_str().unwrap_or_default().contains("Strng")),
        "no error about `Strng` on line 8: {show}"
    );
    // Completion at a field type offers the scalar types and the schema's models; after
    // `Str`, the types that start so.
    for label in ["String", "Int", "DateTime", "Post", "User"] {
        assert!(
            holds(&result["completion"], label),
            "completion lacks {label}: {show}"
        );
    }
    assert!(holds(&result["completion_after_str"], "String"), "{show}");
    assert!(!holds(&result["completion_after_str"], "Post"), "{show}");
    // The quick fix for the misspelling, applied by Neovim.
    assert!(
        holds(&result["code_actions"], "Change the type to `String`"),
        "{show}"
    );
    // The fix is laid out as `format` would: the column realigns to the corrected type.
    assert_eq!(result["fixed_line"], "  email String @unique", "{show}");
    // With the schema valid, the advisor's finding arrives at the level the settings give it
    // (an error; by default it is a warning): the settings reached the server.
    assert_eq!(result["settled_after_fix"], true, "{show}");
    let after = result["diagnostics_after_fix"]
        .as_array()
        .expect("diagnostics");
    assert!(
        !after
            .iter()
            .any(|d| d["message"].as_str().unwrap_or_default().contains("Strng")),
        "{show}"
    );
    assert!(
        after
            .iter()
            .any(|d| d["code"] == "index/missing-fk-index" && d["severity"] == 1),
        "{show}"
    );

    // Tree-sitter: Neovim compiles our queries with our parser, picks our files, and
    // highlights with nvim-treesitter's capture names.
    for name in ["highlights", "folds", "indents"] {
        assert_eq!(result["queries"][name], "ok", "{name}.scm: {show}");
    }
    let first_highlights = result["highlight_files"][0].as_str().unwrap_or_default();
    assert!(
        Path::new(first_highlights).starts_with(repo().join("editors/neovim")),
        "{show}"
    );
    for (text, capture) in [
        ("model", "keyword"),
        ("User", "type.definition"),
        ("id", "variable.member"),
        ("Int", "type.builtin"),
        ("@id", "attribute"),
        ("autoincrement", "function.call"),
        ("Post[]", "type"),
        ("provider", "property"),
        ("\"postgresql\"", "string"),
        ("fields", "variable.parameter"),
        ("authorId in fields", "variable.member"),
        ("{", "punctuation.bracket"),
    ] {
        assert!(
            holds(&result["captures"][text], capture),
            "{text} is not @{capture}: {}",
            result["captures"]
        );
    }
    // Folds: the datasource block and the model bodies.
    for line in ["1", "7", "13"] {
        assert!(
            result["fold_levels"][line].as_i64().unwrap_or(0) >= 1,
            "line {line} is in no fold: {}",
            result["fold_levels"]
        );
    }
}
