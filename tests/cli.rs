//! The `prisma-analyzer` binary as a user runs it: exit codes, output formats, schema
//! discovery, and bad input (missing paths, non-UTF-8, empty and huge files).

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"))
        .args(args)
        .current_dir(dir)
        .env_remove("CI")
        .output()
        .expect("the binary runs")
}

fn run(args: &[&str]) -> Output {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> i32 {
    output
        .status
        .code()
        .expect("exited normally, not by a signal")
}

const BROKEN: &str = "tests/fixtures/diagnostics/names_unknown_type.prisma";

#[test]
fn clean_examples_exit_zero() {
    for example in ["examples/blog.prisma", "examples/saas.prisma"] {
        let output = run(&["check", example]);
        assert_eq!(code(&output), 0, "{example}: {}", stdout(&output));
        assert!(stdout(&output).contains("0 errors"), "{}", stdout(&output));
    }
}

#[test]
fn diagnostics_exit_one_with_plain_text_when_piped() {
    let output = run(&["check", BROKEN]);
    assert_eq!(code(&output), 1);
    let text = stdout(&output);
    assert!(
        !text.contains('\u{1b}'),
        "no colour codes when stdout is not a terminal"
    );
    assert!(
        text.contains("--> tests/fixtures/diagnostics/names_unknown_type.prisma:3:10"),
        "{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn colour_can_be_forced() {
    let output = run(&["check", "--color", "always", BROKEN]);
    assert!(stdout(&output).contains('\u{1b}'));
}

#[test]
fn json_output() {
    let output = run(&["check", "--format", "json", BROKEN]);
    assert_eq!(code(&output), 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(report["summary"]["errors"], 7);
    insta::assert_json_snapshot!(report["diagnostics"][0]);
}

#[test]
fn github_output() {
    let output = run(&["check", "--format", "github", BROKEN]);
    assert_eq!(code(&output), 1);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn check_alias_flag() {
    let output = run(&["--check", "examples/blog.prisma"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
}

#[test]
fn usage_errors_exit_two() {
    assert_eq!(code(&run(&["check", "--format", "xml", BROKEN])), 2);
    assert_eq!(code(&run(&["frobnicate"])), 2);
    assert_eq!(code(&run(&["--help"])), 0);
}

#[test]
fn missing_path_is_one_line_and_exit_two() {
    let output = run(&["check", "does/not/exist.prisma"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stderr(&output).trim(),
        "error: does/not/exist.prisma: no such file or directory"
    );
}

#[test]
fn other_inputs_are_still_checked_when_one_is_missing() {
    let output = run(&["check", "missing.prisma", BROKEN]);
    assert_eq!(
        code(&output),
        2,
        "an unreadable input makes the run fail as incomplete"
    );
    assert!(stdout(&output).contains("unknown type `Strin`"));
}

#[test]
fn folder_without_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("notes.txt"), "not a schema").expect("write");
    let output = run_in(dir.path(), &["check", "."]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("no Prisma schema found"),
        "{}",
        stderr(&output)
    );
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(code(&output), 2);
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
}

#[test]
fn non_utf8_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.prisma");
    std::fs::write(&path, b"model Caf\xe9 {\n  id Int @id\n}\n").expect("write");
    let output = run_in(dir.path(), &["check", "latin1.prisma"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stderr(&output).trim(),
        "error: latin1.prisma: not a text file in UTF-8 (invalid byte at offset 9); Prisma schemas must be UTF-8"
    );
}

#[test]
fn empty_file_is_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("empty.prisma"), "").expect("write");
    let output = run_in(dir.path(), &["check", "empty.prisma"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

#[test]
fn fifty_megabytes_of_random_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut state = 0x1234_5678_9ABC_DEF1_u64;
    let bytes: Vec<u8> = (0..50 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    std::fs::write(dir.path().join("noise.prisma"), &bytes).expect("write");
    let output = run_in(dir.path(), &["check", "noise.prisma"]);
    assert_eq!(code(&output), 2);
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("not a text file in UTF-8"));
}

#[test]
fn large_printable_garbage_is_diagnosed_not_fatal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut state = 42_u64;
    let text: String = (0..2 * 1024 * 1024)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let pick = (state >> 33) as usize % 20;
            [
                "model ", "{", "}", "@", "(", ")", "\n", " ", "x", "\"", "[", "]", "@@", "=", ",",
                "y Int", "//", "?", ".", ":",
            ][pick]
        })
        .collect();
    std::fs::write(dir.path().join("garbage.prisma"), text).expect("write");
    let output = run_in(dir.path(), &["check", "--format", "json", "garbage.prisma"]);
    assert_eq!(code(&output), 1);
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert!(report["summary"]["errors"].as_u64().unwrap_or(0) > 0);
}

fn write_files(root: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
}

const DATASOURCE: &str =
    "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n";

#[test]
fn discovers_the_schema_like_prisma() {
    // prisma/schema.prisma wins over schema.prisma.
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(
        dir.path(),
        &[
            (
                "prisma/schema.prisma",
                "model A {\n  id Int @id\n  b Bee\n}\n",
            ),
            ("schema.prisma", "model A {\n  id Int @id\n}\n"),
        ],
    );
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("--> prisma/schema.prisma:3:5"),
        "{}",
        stdout(&output)
    );

    // A multi-file schema in prisma/schema/: types resolve across files.
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(
        dir.path(),
        &[
            ("prisma/schema/main.prisma", DATASOURCE),
            (
                "prisma/schema/models/a.prisma",
                "model A {\n  id Int @id\n  b  B?\n}\n",
            ),
            (
                "prisma/schema/models/b.prisma",
                "model B {\n  id  Int @id\n  aId Int @unique\n  a   A   @relation(fields: [aId], references: [id])\n}\n",
            ),
        ],
    );
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(
        stdout(&output).contains("Checked 1 schema (3 files)"),
        "{}",
        stdout(&output)
    );

    // package.json's prisma.schema is honoured first.
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(
        dir.path(),
        &[
            (
                "package.json",
                r#"{"name": "app", "prisma": {"schema": "db/app.prisma"}}"#,
            ),
            ("db/app.prisma", "model A {\n  id Int @id\n  x Nope\n}\n"),
            ("schema.prisma", "model A {\n  id Int @id\n}\n"),
        ],
    );
    let output = run_in(dir.path(), &["check"]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("unknown type `Nope`"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_folder_of_independent_schemas_checks_each_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let schema = format!("{DATASOURCE}\nmodel User {{\n  id Int @id\n}}\n");
    write_files(
        dir.path(),
        &[
            ("one.prisma", &schema),
            ("two.prisma", &schema),
            ("nested/three.prisma", &schema),
        ],
    );
    let output = run_in(dir.path(), &["check", "."]);
    assert_eq!(
        code(&output),
        0,
        "the same model in separate schemas is no duplicate: {}",
        stdout(&output)
    );
    assert!(
        stdout(&output).contains("Checked 3 schemas (3 files)"),
        "{}",
        stdout(&output)
    );

    // One datasource for all files: one schema, so the duplicate is real.
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(
        dir.path(),
        &[
            ("schema.prisma", DATASOURCE),
            ("a.prisma", "model User {\n  id Int @id\n}\n"),
            ("b.prisma", "model User {\n  id Int @id\n}\n"),
        ],
    );
    let output = run_in(dir.path(), &["check", "."]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("`User` is already declared as a model (./a.prisma:1)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn the_whole_corpus_is_clean() {
    let Some(shared) = common::shared_dir("CLI over the corpus") else {
        return;
    };
    let corpus = shared.join("corpus/real");
    let output = run(&["check", corpus.to_str().expect("UTF-8 path")]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(
        stdout(&output).contains("Checked 60 schemas (160 files): 0 errors"),
        "{}",
        stdout(&output)
    );
}

const MODEL: &str = "model User {\n  id Int @id\n}\n";

#[test]
fn target_version_comes_from_the_flag_or_the_settings_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let without_url = "datasource db {\n  provider = \"postgresql\"\n}\n";
    write_files(
        dir.path(),
        &[
            ("six/schema.prisma", &format!("{DATASOURCE}{MODEL}")),
            ("seven/schema.prisma", &format!("{without_url}{MODEL}")),
        ],
    );
    // The default accepts both a Prisma 6 and a Prisma 7 datasource.
    let output = run_in(dir.path(), &["check", "six", "seven"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));

    // Prisma 7 rejects `url`; the fix is offered, and the message says where it goes.
    let output = run_in(dir.path(), &["check", "--prisma-version", "7", "six"]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("error[version/datasource-url]")
            && stdout(&output).contains("prisma.config.ts"),
        "{}",
        stdout(&output)
    );

    // The settings file applies to the schemas below it; the flag overrides it.
    write_files(
        dir.path(),
        &[("prisma-analyzer.toml", "prisma-version = \"6\"\n")],
    );
    let output = run_in(dir.path(), &["check", "six", "seven"]);
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("error[version/url-required]")
            && !stdout(&output).contains("six/schema.prisma:"),
        "{}",
        stdout(&output)
    );
    let output = run_in(dir.path(), &["check", "--prisma-version", "any", "seven"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
}

#[test]
fn a_broken_settings_file_is_reported_with_its_position_and_the_defaults_apply() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(
        dir.path(),
        &[
            ("schema.prisma", &format!("{DATASOURCE}{MODEL}")),
            (
                "prisma-analyzer.toml",
                "# settings\nprisma-version = \"5\"\n",
            ),
        ],
    );
    let output = run_in(dir.path(), &["check", "schema.prisma"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("prisma-analyzer.toml:2:18: `prisma-version` is"),
        "{}",
        stderr(&output)
    );
    // The schema is still checked, with the defaults.
    assert!(stdout(&output).contains("0 errors"), "{}", stdout(&output));
}
