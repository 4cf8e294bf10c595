//! Hostile input, as an attacker or a fuzzer would write it: values nested 100,000 deep, one
//! line holding thousands of mistakes, special files, every kind of line break, fixes that
//! cannot resolve their finding. Every entry point must finish without crashing, and in time
//! that grows at most as n log n with the input.

mod common;

use prisma_analyzer::analysis::{self, Options, Severity};
use prisma_analyzer::cli::{OutputFormat, render};
use prisma_analyzer::ide::fixes;
use prisma_analyzer::ide::{self, ActionRequest};
use prisma_analyzer::model::{FileId, Schema, Span};
use prisma_analyzer::syntax::PositionEncoding;
use std::process::Command;
use std::time::{Duration, Instant};

const DATASOURCE: &str = "datasource db {\n  provider = \"postgresql\"\n}\n\n";

fn model(fields: &str) -> String {
    format!("{DATASOURCE}model A {{\n  id Int @id\n{fields}\n}}\n")
}

/// Inputs that nest `depth` levels, in every place a value can nest, closed and unclosed,
/// plus brackets and braces that nest nothing but confuse a parser.
fn deep_shapes(depth: usize) -> Vec<(&'static str, String)> {
    let open = |piece: &str| piece.repeat(depth);
    vec![
        (
            "calls",
            model(&format!("  x String @default({}{})", open("f("), open(")"))),
        ),
        (
            "calls, unclosed",
            model(&format!("  x String @default({}", open("f("))),
        ),
        (
            "lists",
            model(&format!(
                "  x String[] @default({}{})",
                open("["),
                open("]")
            )),
        ),
        (
            "lists, unclosed",
            model(&format!("  x String[] @default({}", open("["))),
        ),
        (
            "named arguments",
            model(&format!(
                "  x String @default({}{})",
                open("f(name: "),
                open(")")
            )),
        ),
        (
            "lists of calls",
            model(&format!(
                "  x String @default({}{})",
                open("[f("),
                open(")]")
            )),
        ),
        (
            "index arguments",
            model(&format!(
                "  a Int\n  @@index([a(ops: {}{})])",
                open("f("),
                open(")")
            )),
        ),
        (
            "index, unclosed",
            model(&format!("  a Int\n  @@index({}", open("["))),
        ),
        (
            "datasource value",
            format!(
                "datasource db {{\n  provider = \"postgresql\"\n  url = {}\"X\"{}\n}}\n",
                open("env("),
                open(")")
            ),
        ),
        (
            "objects",
            format!(
                "generator g {{\n  provider = \"x\"\n  config = {}1{}\n}}\n",
                open("{ a: "),
                open(" }")
            ),
        ),
        (
            "mixed, unclosed",
            model(&format!("  x String @default({}", open("([{"))),
        ),
        (
            "parentheses in a field",
            model(&format!("  x String {}", open("("))),
        ),
        ("block attribute", model(&format!("  @@{}", open("(")))),
        ("top-level parentheses", open("(")),
        ("top-level braces", open("{")),
        ("braces after a model", format!("model A {}", open("{"))),
        ("closing braces", open("}")),
        (
            "commas",
            model(&format!("  x String @default(f({}))", open(","))),
        ),
        (
            "quotes",
            model(&format!("  x String @default({})", open("\""))),
        ),
        ("at signs", model(&format!("  x String {}", open("@")))),
    ]
}

/// Everything a user can run on a schema, in process: validation and advice, the four
/// output formats, formatting, fixing, and every editor feature at a few offsets.
fn run_every_entry_point(text: &str) {
    let schema = Schema::parse("hostile.prisma", text);
    let diagnostics = analysis::check(&schema);
    let checked = vec![(schema, diagnostics)];
    for format in [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Github,
        OutputFormat::Sarif,
    ] {
        let _ = render(format, &checked, true);
    }
    let (schema, diagnostics) = &checked[0];
    let file = FileId(0);
    let _ = ide::format_file(schema, file);
    let _ = ide::semantic_tokens(schema, file);
    let _ = ide::document_symbols(schema.file_model(file));
    let _ = ide::folding_ranges(schema.file_model(file));
    let _ = ide::inlay_hints(schema, file, 0..text.len());
    let options = Options::default();
    for offset in [
        0,
        text.len() / 3,
        text.len() / 2,
        text.len().saturating_sub(3),
        text.len(),
    ] {
        let mut offset = offset;
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let _ = ide::hover(schema, file, offset as u32);
        let _ = ide::complete(schema, file, offset);
        let _ = ide::symbol_at(schema, file, offset as u32);
        let _ = ide::format_block(schema, file, offset);
        let _ = ide::code_actions(
            schema,
            &options,
            diagnostics,
            ActionRequest {
                at: Span::new(file, offset..offset),
                named_diagnostics: &[],
                new_config: None,
            },
        );
    }
    let _ = fixes::fix_all(
        &[("hostile.prisma".to_string(), text.to_string())],
        &options,
    );
}

/// Test threads have 2 MiB stacks, less than the CLI's main thread or the server's: what
/// holds here holds there.
#[test]
fn values_nested_100_000_deep_reach_every_entry_point_without_a_crash() {
    for (shape, text) in deep_shapes(100_000) {
        let started = Instant::now();
        run_every_entry_point(&text);
        println!("{shape}: {:?}", started.elapsed());
    }
}

/// The same through the command line: `check` in every format, `format`, `check --fix`.
#[test]
fn the_command_line_survives_values_nested_100_000_deep() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    for (index, (shape, text)) in deep_shapes(100_000).into_iter().enumerate().step_by(3) {
        let path = folder.path().join(format!("deep{index}.prisma"));
        std::fs::write(&path, &text).expect("written");
        for arguments in [
            vec!["check", "--format", "human"],
            vec!["check", "--format", "sarif"],
            vec!["format"],
            vec!["check", "--fix"],
        ] {
            let output = run_with_deadline(binary().args(&arguments).arg(&path));
            // 0 or 1 for check, 0 or 2 (refused) for format: never a signal.
            assert!(
                matches!(output.status.code(), Some(0..=2)),
                "{shape} {arguments:?}: {:?}\n{}",
                output.status,
                String::from_utf8_lossy(&output.stderr)
            );
        }
    }
}

#[test]
fn a_value_nested_beyond_the_limit_is_one_too_deep_error() {
    let deep = model(&format!(
        "  x String @default({}{})",
        "f(".repeat(1_000),
        ")".repeat(1_000)
    ));
    let diagnostics = analysis::check(&Schema::parse("deep.prisma", deep.as_str()));
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["syntax/too-deep"], "{diagnostics:#?}");
    // Nesting that real schemas use stays silent.
    let shallow = model(
        "  x String @default(dbgenerated(\"gen_random_uuid()\"))\n  @@index([x(ops: raw(\"gin_trgm_ops\"))], type: Gin)",
    );
    let diagnostics = analysis::check(&Schema::parse("shallow.prisma", shallow.as_str()));
    assert!(
        diagnostics
            .iter()
            .all(|d| d.code.as_str() != "syntax/too-deep"),
        "{diagnostics:#?}"
    );
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"))
}

/// Runs the binary with a deadline: a special file must be refused, not read. The output is
/// collected while it runs (a full pipe would block the child).
fn run_with_deadline(command: &mut Command) -> std::process::Output {
    let child = command
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let id = child.id();
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(child.wait_with_output());
    });
    match receiver.recv_timeout(Duration::from_secs(60)) {
        Ok(output) => output.expect("output"),
        Err(_) => {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
            panic!("{command:?} did not finish within 60 s");
        }
    }
}

#[cfg(unix)]
#[test]
fn special_files_are_refused_with_one_line_not_read() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let fifo = folder.path().join("pipe.prisma");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let huge = folder.path().join("huge.prisma");
    let file = std::fs::File::create(&huge).expect("a file");
    // Sparse: 33 MiB of zeros on disk in no time.
    file.set_len(33 << 20).expect("a sparse file");
    let cases: [(&str, &std::path::Path, &str); 3] = [
        (
            "/dev/zero",
            std::path::Path::new("/dev/zero"),
            "a device, not a regular file",
        ),
        ("a named pipe", &fifo, "a named pipe, not a regular file"),
        ("33 MiB", &huge, "file too large (over 32 MiB"),
    ];
    for (what, path, expected) in cases {
        for arguments in [vec!["check"], vec!["check", "--fix"], vec!["format"]] {
            let output = run_with_deadline(binary().args(&arguments).arg(path));
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert_eq!(
                output.status.code(),
                Some(2),
                "{what} {arguments:?}: {stderr}"
            );
            let errors: Vec<&str> = stderr.lines().filter(|l| l.starts_with("error")).collect();
            assert_eq!(errors.len(), 1, "{what} {arguments:?}: {stderr}");
            assert!(
                errors[0].contains(expected),
                "{what} {arguments:?}: {stderr}"
            );
        }
    }
}

const RUNAWAY: &str = "datasource db {
  provider = \"postgresql\"
}

model User {
  id    Int    @id
  posts Post[]
  post2 Post?  @relation(\"x\")
}

model Post {
  id       Int  @id
  userId   User @unique @relation(\"x\", fields: [userId], references: [id])
  user     User @relation(fields: [authorId], references: [id])
  authorId Int
}
";

fn errors_in(text: &str) -> usize {
    analysis::check(&Schema::parse("s.prisma", text))
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// `fields:` naming a relation field once made the index fix add the same `@@index` a
/// hundred times. A fix that does not resolve its finding is never applied; fixing never
/// adds an error; fixing twice is fixing once.
#[test]
fn fixing_never_runs_away_or_adds_errors() {
    let options = Options::default();
    let files = [("s.prisma".to_string(), RUNAWAY.to_string())];
    let once = fixes::fix_all(&files, &options);
    let fixed = &once.texts[0];
    assert!(
        !fixed.contains("@@index([userId])"),
        "an index on a relation field:\n{fixed}"
    );
    assert!(errors_in(fixed) <= errors_in(RUNAWAY), "{fixed}");
    let twice = fixes::fix_all(&[("s.prisma".to_string(), fixed.clone())], &options);
    assert_eq!(&twice.texts[0], fixed);
    assert!(twice.applied.is_empty(), "{:?}", twice.applied);

    // A fix that uncovers its own finding again (`f(,,,,)`: each trailing comma removed
    // leaves another) is applied at most until it stops resolving anything.
    let commas = model(&format!("  x String @default(f({}))", ",".repeat(2_000)));
    let started = Instant::now();
    let result = fixes::fix_all(&[("c.prisma".to_string(), commas.clone())], &options);
    assert!(errors_in(&result.texts[0]) <= errors_in(&commas));
    let again = fixes::fix_all(
        &[("c.prisma".to_string(), result.texts[0].clone())],
        &options,
    );
    assert_eq!(again.texts, result.texts);
    println!("{} fixes in {:?}", result.applied.len(), started.elapsed());
}

/// The same schema with `\n`, `\r\n` or lone `\r` line breaks (Prisma reads all three) gives
/// the same diagnostics at the same lines and columns: over the corpus and mutants of it.
#[test]
fn every_kind_of_line_break_gives_the_same_diagnostics() {
    let mut inputs: Vec<String> = vec![
        include_str!("../examples/typos.prisma").to_string(),
        include_str!("../examples/saas.prisma").to_string(),
    ];
    if let Some(shared) = common::shared_dir("line breaks over the corpus") {
        inputs.extend(
            common::prisma_files(&shared.join("corpus/real"))
                .iter()
                .map(|p| std::fs::read_to_string(p).expect("a corpus file"))
                .filter(|text| text.len() < 30_000),
        );
    }
    // Truncations and removed brackets: broken schemas too.
    let mut mutants = Vec::new();
    for (index, text) in inputs.iter().enumerate() {
        let text = text.replace("\r\n", "\n");
        mutants.push(text.clone());
        let cut = (index * 7919) % text.len().max(1);
        let mut cut = cut;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        mutants.push(text[..cut].to_string());
        mutants.push(text.replacen(')', "", 1 + index % 3));
        mutants.push(text.replacen('}', "", 1));
        mutants.push(text.replacen('"', "", 1));
    }
    let positions = |text: &str| {
        let schema = Schema::parse("s.prisma", text);
        let file = schema.file(FileId(0));
        analysis::check(&schema)
            .iter()
            .map(|d| {
                let start = file.line_col(d.span.start as usize, PositionEncoding::Utf16);
                let end = file.line_col(d.span.end as usize, PositionEncoding::Utf16);
                (d.code.as_str(), d.message.clone(), start, end)
            })
            .collect::<Vec<_>>()
    };
    for text in &mutants {
        let expected = positions(text);
        for (kind, other) in [
            ("\\r\\n", text.replace('\n', "\r\n")),
            ("\\r", text.replace('\n', "\r")),
        ] {
            assert_eq!(
                positions(&other),
                expected,
                "with {kind} line breaks:\n{text}"
            );
        }
    }
    println!("{} schemas, three line break kinds each", mutants.len());
}

/// Edits addressed to lines after lone `\r` line breaks land where the client means them:
/// the server's text stays the client's, and so do its diagnostics' lines.
#[test]
fn the_server_counts_lone_carriage_returns_as_line_breaks() {
    use common::lsp::{LspClient, lsp_offset};
    use serde_json::json;
    let uri = "file:///tmp/prisma-analyzer-test/carriage-returns.prisma";
    let mut text = "datasource db {\r  provider = \"postgresql\"\r}\r\rmodel A {\r\n  id Int @id\r  name Strng\n}\r".to_string();
    let mut client = LspClient::start();
    client.initialize(&["utf-16"]);
    client.open(uri, 1, &text);
    let diagnostics = client.diagnostics(uri, 1);
    let lines: Vec<u64> = diagnostics["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(lines, [6], "{diagnostics}");
    type Position = (u32, u32);
    let edits: &[(Position, Position, &str)] = &[
        ((6, 7), (6, 12), "String"),
        ((5, 12), (5, 12), " @default(1)"),
        ((4, 0), (4, 0), "/// A\r"),
        ((2, 1), (4, 0), "\n\n"),
        ((99, 0), (99, 0), "enum E {\r  X\r}\r"),
    ];
    for (version, &(start, end, inserted)) in edits.iter().enumerate() {
        let version = version as i64 + 2;
        let from = lsp_offset(&text, start.0, start.1);
        let to = lsp_offset(&text, end.0, end.1);
        text.replace_range(from..to, inserted);
        client.change(uri, version, start, end, inserted);
        assert_eq!(client.text_of(uri), json!(text), "after edit {version}");
    }
    assert!(
        client
            .diagnostic_messages(uri, edits.len() as i64 + 1)
            .is_empty()
    );
    // Formatting is computed on the same text.
    let formatted = client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert!(formatted.is_array() || formatted.is_null(), "{formatted}");
    assert!(client.shutdown().success());
}

/// A document nested 100,000 deep is analysed and answered, and the server lives on.
#[test]
fn the_server_survives_a_document_nested_100_000_deep() {
    use common::lsp::LspClient;
    use serde_json::json;
    let mut client = LspClient::start();
    client.initialize(&["utf-16"]);
    for (index, (shape, text)) in deep_shapes(100_000).into_iter().enumerate() {
        let uri = format!("file:///tmp/prisma-analyzer-test/deep{index}.prisma");
        client.open(&uri, 1, &text);
        let _ = client.diagnostics(&uri, 1);
        let document = json!({"uri": uri});
        for (method, extra) in [
            ("textDocument/semanticTokens/full", json!({})),
            ("textDocument/documentSymbol", json!({})),
            ("textDocument/foldingRange", json!({})),
            (
                "textDocument/formatting",
                json!({"options": {"tabSize": 2, "insertSpaces": true}}),
            ),
            (
                "textDocument/hover",
                json!({"position": {"line": 6, "character": 30}}),
            ),
            (
                "textDocument/completion",
                json!({"position": {"line": 6, "character": 30}}),
            ),
            (
                "textDocument/codeAction",
                json!({"range": {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 0}}, "context": {"diagnostics": []}}),
            ),
            (
                "textDocument/inlayHint",
                json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
            ),
        ] {
            let mut params = extra;
            params["textDocument"] = document.clone();
            let started = Instant::now();
            eprintln!("{shape}: {method}");
            let response = client.request_raw(method, params);
            assert!(
                response.get("error").is_none(),
                "{shape}: {method}: {response}"
            );
            eprintln!("  {:?}", started.elapsed());
        }
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }
    assert!(client.shutdown().success());
}
