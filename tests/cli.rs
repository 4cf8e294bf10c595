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
fn thirty_megabytes_of_random_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut state = 0x1234_5678_9ABC_DEF1_u64;
    // Under the 32 MiB a schema may have (larger files: tests/adversarial.rs).
    let bytes: Vec<u8> = (0..30 * 1024 * 1024)
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

/// A valid PostgreSQL schema but for three mistakes with safe fixes (a default in capitals,
/// two trailing commas), and a comment that must survive.
const FIXABLE: &str = "datasource db {
  provider = \"postgresql\"
  url      = env(\"DATABASE_URL\")
}

model User {
  id     Int     @id
  active Boolean @default(TRUE)
  name   String  @db.VarChar(20,)
  // a comment stays as it is (emails are stored lower-cased)
  email  String

  @@unique([email], map: \"users_email\",)
}
";

/// `FIXABLE` fixed.
fn fixed() -> String {
    FIXABLE
        .replace("@default(TRUE)", "@default(true)")
        .replace("VarChar(20,)", "VarChar(20)")
        .replace("\"users_email\",)", "\"users_email\")")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// The names in a folder, to see that no temporary file is left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode()
        & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).expect("metadata").ino()
}

#[test]
fn fix_applies_the_safe_fixes_and_reports_what_remains() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("schema.prisma");
    std::fs::write(&path, FIXABLE).expect("write");
    #[cfg(unix)]
    set_mode(&path, 0o640);
    let output = run_in(dir.path(), &["check", "--fix", "schema.prisma"]);
    assert_eq!(code(&output), 0, "{}{}", stdout(&output), stderr(&output));
    assert_eq!(read(&path), fixed());
    assert_eq!(
        stdout(&output),
        "Checked 1 schema (1 file): 0 errors, 0 warnings, 0 info, 0 hints\nFixed 3 problems in 1 file\n"
    );
    assert_eq!(stderr(&output), "");
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o640, "the file keeps its permissions");
    assert_eq!(
        listing(dir.path()),
        ["schema.prisma"],
        "no temporary file is left"
    );

    // A schema named twice is fixed once.
    std::fs::write(&path, FIXABLE).expect("write");
    let output = run_in(
        dir.path(),
        &["check", "--fix", "schema.prisma", "./schema.prisma"],
    );
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&path), fixed());

    // Nothing left to fix: the file is not written again.
    #[cfg(unix)]
    let before = inode(&path);
    let output = run_in(dir.path(), &["check", "--fix", "schema.prisma"]);
    assert_eq!(code(&output), 0);
    assert!(stdout(&output).ends_with("Fixed 0 problems in 0 files\n"));
    #[cfg(unix)]
    assert_eq!(inode(&path), before, "an unchanged file is not replaced");
}

#[test]
fn fix_reports_the_errors_it_cannot_fix() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("schema.prisma");
    let text = FIXABLE.replace("email  String\n", "email  Strin\n");
    std::fs::write(&path, &text).expect("write");
    let output = run_in(dir.path(), &["check", "--fix", "schema.prisma"]);
    assert_eq!(code(&output), 1, "{}", stdout(&output));
    assert!(
        stdout(&output).contains("unknown type `Strin`")
            && stdout(&output)
                .ends_with("1 error, 0 warnings, 0 info, 0 hints\nFixed 3 problems in 1 file\n"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        read(&path),
        fixed().replace("email  String\n", "email  Strin\n")
    );
}

#[test]
fn fix_with_a_machine_format_keeps_stdout_one_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("schema.prisma"), FIXABLE).expect("write");
    for format in ["json", "sarif"] {
        std::fs::write(dir.path().join("schema.prisma"), FIXABLE).expect("write");
        let output = run_in(
            dir.path(),
            &["check", "--fix", "--format", format, "schema.prisma"],
        );
        assert_eq!(code(&output), 0, "{}", stderr(&output));
        let _: serde_json::Value =
            serde_json::from_slice(&output.stdout).expect("one JSON document");
        assert_eq!(stderr(&output), "Fixed 3 problems in 1 file\n");
    }
}

#[test]
fn fix_writes_only_the_files_of_a_multi_file_schema_that_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(
        dir.path(),
        &[
            ("prisma/schema/main.prisma", DATASOURCE),
            (
                "prisma/schema/user.prisma",
                "model User {\n  id     Int     @id\n  active Boolean @default(FALSE)\n}\n",
            ),
            (
                "prisma/schema/post.prisma",
                "model Post {\n  id    Int    @id\n  title String @db.VarChar(200,)\n}\n",
            ),
        ],
    );
    let folder = dir.path().join("prisma/schema");
    #[cfg(unix)]
    let untouched = inode(&folder.join("main.prisma"));
    let output = run_in(dir.path(), &["check", "--fix"]);
    assert_eq!(code(&output), 0, "{}", stdout(&output));
    assert!(
        stdout(&output).ends_with("Fixed 2 problems in 2 files\n"),
        "{}",
        stdout(&output)
    );
    assert_eq!(
        read(&folder.join("user.prisma")),
        "model User {\n  id     Int     @id\n  active Boolean @default(false)\n}\n"
    );
    assert_eq!(
        read(&folder.join("post.prisma")),
        "model Post {\n  id    Int    @id\n  title String @db.VarChar(200)\n}\n"
    );
    #[cfg(unix)]
    assert_eq!(inode(&folder.join("main.prisma")), untouched);
    assert_eq!(
        listing(&folder),
        ["main.prisma", "post.prisma", "user.prisma"]
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_nothing_of_a_schema_when_one_file_cannot_be_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let user = "model User {\n  id     Int     @id\n  active Boolean @default(FALSE)\n}\n";
    let post = "model Post {\n  id    Int    @id\n  title String @db.VarChar(200,)\n}\n";
    write_files(
        dir.path(),
        &[
            ("schema/main.prisma", DATASOURCE),
            ("schema/user.prisma", user),
            ("schema/post.prisma", post),
        ],
    );
    let read_only = dir.path().join("schema/user.prisma");
    set_mode(&read_only, 0o444);
    let output = run_in(dir.path(), &["check", "--fix", "schema"]);
    assert_eq!(code(&output), 2, "{}", stdout(&output));
    assert_eq!(
        stderr(&output),
        "error: schema/user.prisma: the file is read-only; the schema's files are unchanged\n"
    );
    assert_eq!(read(&read_only), user);
    assert_eq!(
        read(&dir.path().join("schema/post.prisma")),
        post,
        "all or nothing"
    );
    assert_eq!(mode(&read_only), 0o444);
    assert_eq!(
        listing(&dir.path().join("schema")),
        ["main.prisma", "post.prisma", "user.prisma"]
    );
    // The report is of the schema as it is: its fixable errors are still there.
    assert!(stdout(&output).contains("2 errors"), "{}", stdout(&output));
}

#[test]
fn fix_leaves_a_file_that_is_not_utf8_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bytes = b"model Caf\xe9 {\n  id Int @id @default(autoincrement(),)\n}\n";
    std::fs::write(dir.path().join("latin1.prisma"), bytes).expect("write");
    let output = run_in(dir.path(), &["check", "--fix", "latin1.prisma"]);
    assert_eq!(code(&output), 2);
    assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
    assert!(stderr(&output).contains("not a text file in UTF-8"));
    assert_eq!(
        std::fs::read(dir.path().join("latin1.prisma")).expect("read"),
        bytes
    );
}

#[cfg(unix)]
#[test]
fn fix_follows_a_symbolic_link_to_the_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join("real")).expect("mkdir");
    let target = dir.path().join("real/schema.prisma");
    std::fs::write(&target, FIXABLE).expect("write");
    std::os::unix::fs::symlink(&target, dir.path().join("schema.prisma")).expect("symlink");
    let output = run_in(dir.path(), &["check", "--fix", "schema.prisma"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&target), fixed());
    assert!(
        std::fs::symlink_metadata(dir.path().join("schema.prisma"))
            .expect("metadata")
            .file_type()
            .is_symlink(),
        "the link stays a link"
    );
}

#[test]
fn diff_shows_the_fixes_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("schema.prisma");
    std::fs::write(&path, FIXABLE).expect("write");
    let output = run_in(dir.path(), &["check", "--diff", "schema.prisma"]);
    assert_eq!(
        code(&output),
        1,
        "a fix would change a file: {}",
        stderr(&output)
    );
    assert_eq!(read(&path), FIXABLE);
    assert_eq!(stderr(&output), "Would fix 3 problems in 1 file\n");
    insta::assert_snapshot!(stdout(&output));

    // `--fix --diff` is `--diff`.
    let output = run_in(dir.path(), &["check", "--fix", "--diff", "schema.prisma"]);
    assert_eq!(code(&output), 1);
    assert_eq!(read(&path), FIXABLE);

    // Nothing to fix: no diff, exit 0, even with errors.
    std::fs::write(&path, fixed().replace("String\n", "Strin\n")).expect("write");
    let output = run_in(dir.path(), &["check", "--diff", "schema.prisma"]);
    assert_eq!(code(&output), 0);
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "Would fix 0 problems in 0 files\n");

    // The diff is the output: a format makes no sense with it.
    assert_eq!(
        code(&run_in(
            dir.path(),
            &["check", "--diff", "--format", "json"]
        )),
        2
    );
}

#[test]
fn fix_honours_the_prisma_version_and_the_settings_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("schema.prisma");
    std::fs::write(&path, FIXABLE).expect("write");
    // What remains is reported for the chosen release: Prisma 7 wants the URL elsewhere.
    let output = run_in(
        dir.path(),
        &["check", "--fix", "--prisma-version", "7", "schema.prisma"],
    );
    assert_eq!(code(&output), 1);
    assert!(
        stdout(&output).contains("error[version/datasource-url]"),
        "{}",
        stdout(&output)
    );
    assert_eq!(read(&path), fixed());

    // An advisor fix is applied when its rule is on, and not when prisma-analyzer.toml
    // switches it off. (Meaningful once the advisor's index rules exist: until then the
    // schema has no such fix and both runs leave it alone.)
    let unindexed = format!(
        "{DATASOURCE}\nmodel User {{\n  id    Int    @id\n  posts Post[]\n}}\n\nmodel Post {{\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id])\n}}\n"
    );
    std::fs::write(&path, &unindexed).expect("write");
    let report = run_in(dir.path(), &["check", "--format", "json", "schema.prisma"]);
    let report: serde_json::Value = serde_json::from_slice(&report.stdout).expect("JSON");
    let advised = report["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .any(|d| d["code"] == "index/missing-fk-index" && d["fixes"][0]["applicability"] == "safe");
    write_files(
        dir.path(),
        &[(
            "prisma-analyzer.toml",
            "[rules]\n\"index/missing-fk-index\" = \"off\"\n",
        )],
    );
    let output = run_in(dir.path(), &["check", "--fix", "schema.prisma"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(
        read(&path),
        unindexed,
        "the rule is off: its fix is not applied"
    );
    std::fs::remove_file(dir.path().join("prisma-analyzer.toml")).expect("remove");
    let output = run_in(dir.path(), &["check", "--fix", "schema.prisma"]);
    assert_eq!(code(&output), 0, "{}", stderr(&output));
    assert_eq!(read(&path) != unindexed, advised, "{}", read(&path));
}

/// A schema with an error and a safe fix, related locations, and an error after a character
/// that takes two UTF-16 code units, in a file whose name needs escaping in a URI.
fn sarif_fixture(dir: &Path) {
    let text = format!(
        "{DATASOURCE}\nmodel User {{\n  id     Int     @id\n  active Boolean @default(TRUE)\n  name   String  // é ü\n  name   String\n  note   String  @default(\"😀\") @unknown\n}}\n"
    );
    write_files(dir, &[("my schema.prisma", &text)]);
}

#[test]
fn sarif_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    sarif_fixture(dir.path());
    let output = run_in(
        dir.path(),
        &["check", "--format", "sarif", "my schema.prisma"],
    );
    assert_eq!(code(&output), 1);
    let log: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(log["version"], "2.1.0");
    assert!(
        log["$schema"]
            .as_str()
            .is_some_and(|s| s.ends_with("sarif-schema-2.1.0.json"))
    );
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "prisma-analyzer");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    // A rule for every code, in the order of `codes::ALL`, with the advisor's levels.
    let rules = driver["rules"].as_array().expect("rules");
    let all = prisma_analyzer::analysis::codes::ALL;
    assert_eq!(rules.len(), all.len());
    for (rule, (code, _)) in rules.iter().zip(all) {
        assert_eq!(rule["id"], code.as_str());
        assert!(
            rule["shortDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        assert!(
            rule["fullDescription"]["text"]
                .as_str()
                .is_some_and(|t| !t.is_empty())
        );
        let level = rule["defaultConfiguration"]["level"]
            .as_str()
            .expect("a level");
        assert!(["error", "warning", "note"].contains(&level), "{rule}");
    }
    let by_id = |id: &str| rules.iter().find(|r| r["id"] == id).expect("the rule");
    assert_eq!(
        by_id("index/redundant")["defaultConfiguration"]["level"],
        "warning"
    );
    assert_eq!(
        by_id("index/missing-fk-index")["defaultConfiguration"]["level"],
        "note"
    );
    assert_eq!(
        by_id("index/soft-delete-partial")["defaultConfiguration"]["level"],
        "note"
    );
    assert_eq!(
        by_id("model/missing-timestamps")["defaultConfiguration"]["enabled"],
        false
    );
    assert!(
        by_id("index/redundant")["help"]["markdown"]
            .as_str()
            .is_some_and(|t| t.contains("```prisma"))
    );
    // Results point at their rule, with 1-based UTF-16 regions and relative URIs.
    let results = run["results"].as_array().expect("results");
    assert!(!results.is_empty());
    for result in results {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "my%20schema.prisma");
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(
            location["region"]["startLine"]
                .as_u64()
                .is_some_and(|l| l >= 1)
        );
    }
    // The error with a safe fix, and the duplicate field with a related location.
    let mut snapshot = serde_json::json!({
        "artifacts": run["artifacts"],
        "results": results,
    });
    snapshot["originalUriBaseIds"] = serde_json::json!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
            .as_str()
            .map(|uri| uri.ends_with('/'))
    );
    insta::assert_json_snapshot!(snapshot);
}

/// The SARIF SDK's validator (JSON schema and SARIF's own rules), installed by `.ci/run`.
fn sarif_validator() -> Option<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".ci/sarif/node_modules/@microsoft/sarif-multitool-linux");
    let tool = dir.join("Sarif.Multitool");
    if tool.is_file() && cfg!(target_os = "linux") {
        return Some(dir);
    }
    let message = "SKIPPED SARIF validation: the SARIF SDK's validator is not installed (run `npm ci --prefix .ci/sarif`)";
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("{message}");
    None
}

#[test]
fn sarif_output_passes_the_sarif_validator() {
    let Some(validator) = sarif_validator() else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    sarif_fixture(dir.path());
    let output = run_in(
        dir.path(),
        &["check", "--format", "sarif", "my schema.prisma"],
    );
    let log = dir.path().join("report.sarif");
    std::fs::write(&log, &output.stdout).expect("write");
    let checked = dir.path().join("validation.sarif");
    let validation = Command::new(validator.join("Sarif.Multitool"))
        .arg("validate")
        .arg("--json-schema")
        .arg(validator.join("sarif-2.1.0.json"))
        .arg("--output")
        .arg(&checked)
        .arg(&log)
        .output()
        .expect("the validator runs");
    assert!(validation.status.success(), "{}", stdout(&validation));
    let report: serde_json::Value =
        serde_json::from_str(&read(&checked)).expect("the validator's report");
    // Every finding of the validator, except the one we knowingly leave: the tool has no
    // web page yet (`informationUri` comes from Cargo.toml's `homepage` once it has one).
    let findings: Vec<String> = report["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["ruleId"] != "SARIF2005")
        .map(|r| format!("{} {} {}", r["ruleId"], r["level"], r["message"]))
        .collect();
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}

#[test]
fn rule_explains_an_advisor_rule() {
    let output = run(&["rule", "index/missing-fk-index"]);
    assert_eq!(code(&output), 0);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn rule_explains_a_validation_code() {
    let output = run(&["rule", "name/unknown-type"]);
    assert_eq!(code(&output), 0);
    insta::assert_snapshot!(stdout(&output));
}

#[test]
fn rule_suggests_the_code_meant() {
    let output = run(&["rule", "index/missing-fk-indx"]);
    assert_eq!(code(&output), 2);
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "error: unknown rule `index/missing-fk-indx`; did you mean `index/missing-fk-index`? (`prisma-analyzer rule` lists every code)\n"
    );
}

#[test]
fn rule_lists_every_code_with_its_default_level() {
    let output = run(&["rule"]);
    assert_eq!(code(&output), 0);
    let text = stdout(&output);
    assert_eq!(text, stdout(&run(&["rule", "--list"])));
    let all = prisma_analyzer::analysis::codes::ALL;
    assert_eq!(
        text.lines().count(),
        all.len() + 1,
        "a header and a line per code"
    );
    let line = |code: &str| {
        text.lines()
            .find(|line| line.split_whitespace().next() == Some(code))
            .unwrap_or_else(|| panic!("{code} is listed"))
            .split_whitespace()
            .nth(1)
            .expect("a level")
            .to_string()
    };
    assert_eq!(line("index/redundant"), "warning");
    assert_eq!(line("index/missing-fk-index"), "info");
    assert_eq!(line("model/missing-timestamps"), "off");
    assert_eq!(line("name/unknown-type"), "error");
    // A group lists its codes.
    let output = run(&["rule", "soft-delete"]);
    assert_eq!(code(&output), 0);
    assert_eq!(stdout(&output).lines().count(), 4, "{}", stdout(&output));
    assert_eq!(code(&run(&["rule", "index/redundant", "--list"])), 2);
}

const TENANTS: &str = "model Tenant {\n  id    String    @id\n  users User[]\n}\n\nmodel User {\n  id       String @id\n  tenantId String\n  tenant   Tenant @relation(fields: [tenantId], references: [id], onDelete: Cascade)\n\n  @@index([tenantId])\n}\n";

#[test]
fn rls_explains_why_a_schema_gets_no_sql() {
    let dir = tempfile::tempdir().expect("temp dir");
    write_files(
        dir.path(),
        &[("schema.prisma", &format!("{DATASOURCE}{MODEL}"))],
    );
    let output = run_in(dir.path(), &["rls"]);
    assert_eq!(code(&output), 1);
    assert_eq!(stdout(&output), "");
    assert_eq!(
        stderr(&output),
        "error: schema.prisma: no row-level-security SQL: the schema is not multi-tenant\n"
    );
    // A multi-tenant schema gets the SQL (once the advisor writes it).
    write_files(
        dir.path(),
        &[("schema.prisma", &format!("{DATASOURCE}{TENANTS}"))],
    );
    let output = run_in(dir.path(), &["rls", "schema.prisma"]);
    match code(&output) {
        0 => assert!(
            stdout(&output).contains("ENABLE ROW LEVEL SECURITY"),
            "{}",
            stdout(&output)
        ),
        1 => assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output)),
        other => panic!("exit {other}: {}", stderr(&output)),
    }
}

#[test]
fn rls_needs_one_readable_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = run_in(dir.path(), &["rls"]);
    assert_eq!(code(&output), 2);
    assert!(
        stderr(&output).contains("no Prisma schema found"),
        "{}",
        stderr(&output)
    );
    let output = run_in(dir.path(), &["rls", "missing.prisma"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stderr(&output),
        "error: missing.prisma: no such file or directory\n"
    );
    let schema = format!("{DATASOURCE}{MODEL}");
    write_files(
        dir.path(),
        &[("a/one.prisma", &schema), ("a/two.prisma", &schema)],
    );
    let output = run_in(dir.path(), &["rls", "a"]);
    assert_eq!(code(&output), 2);
    assert_eq!(
        stderr(&output),
        "error: a: holds 2 separate schemas; name the one to generate the SQL for\n"
    );
}

#[test]
fn format_writes_formatted_files_and_check_only_lists_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("schema.prisma");
    let messy = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n\n\n\nmodel User {\n  id Int @id\n  email    String @unique // login\n}\n";
    std::fs::write(&path, messy).expect("write");
    let file = path.to_str().expect("utf-8 path");

    let checked = run(&["format", "--check", file]);
    assert_eq!(code(&checked), 1, "{}", stderr(&checked));
    assert!(
        stdout(&checked).contains("would reformat"),
        "{}",
        stdout(&checked)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), messy);

    let formatted = run(&["format", file]);
    assert_eq!(code(&formatted), 0, "{}", stderr(&formatted));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id    Int    @id\n  email String @unique // login\n}\n"
    );
    assert_eq!(code(&run(&["format", "--check", file])), 0);

    // A block that is never closed: refused, the file is left alone.
    let broken = "model User {\n  id Int @id\n";
    std::fs::write(&path, broken).expect("write");
    let refused = run(&["format", file]);
    assert_eq!(code(&refused), 2);
    assert!(
        stderr(&refused).contains("not formatted"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(std::fs::read_to_string(&path).expect("read"), broken);
}

/// `--statistics`: findings per rule, most first, with level and how many a fix resolves;
/// the same as JSON; refused with formats that are not reports for people or programs.
#[test]
fn statistics_count_findings_per_rule() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let output = run_in(&examples, &["check", "saas.prisma", "--statistics"]);
    let text = stdout(&output);
    assert_eq!(code(&output), 0, "{text}");
    let counts: Vec<usize> = text
        .lines()
        .filter(|line| line.ends_with(']'))
        .filter_map(|line| line.split_whitespace().next()?.parse().ok())
        .collect();
    assert!(counts.windows(2).all(|pair| pair[0] >= pair[1]), "{text}");
    assert!(text.contains("index/missing-fk-index"), "{text}");
    assert!(text.contains("fixable]"), "{text}");
    let full = run_in(&examples, &["check", "saas.prisma", "--format", "json"]);
    let total =
        serde_json::from_str::<serde_json::Value>(&stdout(&full)).expect("json")["diagnostics"]
            .as_array()
            .map_or(0, Vec::len);
    assert!(
        text.ends_with(&format!("{total} findings from {} rules\n", counts.len())),
        "{text}"
    );

    let json = run_in(
        &examples,
        &["check", "saas.prisma", "--statistics", "--format", "json"],
    );
    let rows: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("a JSON array");
    let summed: u64 = rows
        .as_array()
        .expect("an array")
        .iter()
        .map(|row| row["count"].as_u64().unwrap_or(0))
        .sum();
    assert_eq!(summed as usize, total);

    let refused = run_in(
        &examples,
        &["check", "saas.prisma", "--statistics", "--format", "sarif"],
    );
    assert_eq!(code(&refused), 2);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("not sarif"));
}
