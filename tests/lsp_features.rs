//! Semantic tokens (full, delta, range), inlay hints, document links for `env()` and
//! workspace symbols, over the real server (`tests/fixtures/lsp/`), and semantic tokens
//! over every schema of `../shared/corpus/real`.

mod common;

use common::lsp::{LspClient, file_uri};
use serde_json::{Value, json};
use std::path::Path;

const FIXTURE_URI: &str = "file:///fixture/lsp/schema.prisma";

fn fixture() -> String {
    std::fs::read_to_string(common::fixtures_dir().join("lsp/schema.prisma"))
        .expect("the fixture exists")
}

/// A server with the fixture open (as a file that does not exist on disk: the document
/// alone is its schema).
fn server_with_fixture(encoding: &str) -> (LspClient, Value) {
    let mut client = LspClient::start();
    let capabilities = client.initialize(&[encoding]);
    client.open(FIXTURE_URI, 1, &fixture());
    (client, capabilities)
}

/// The byte offset in `line` of a column counted in `encoding`.
fn byte_col(line: &str, col: u32, encoding: &str) -> usize {
    let mut units = 0;
    for (offset, c) in line.char_indices() {
        if units >= col as usize {
            return offset;
        }
        units += match encoding {
            "utf-8" => c.len_utf8(),
            _ => c.len_utf16(),
        };
    }
    assert!(
        units >= col as usize,
        "column {col} past the end of {line:?}"
    );
    line.len()
}

/// One decoded token: line, byte columns, type, modifiers.
struct Decoded {
    line: usize,
    start: usize,
    end: usize,
    kind: String,
    modifiers: Vec<String>,
}

/// Decodes LSP's relative token array against the text and legend, checking on the way
/// that tokens are strictly increasing, apart, non-empty, and within their line.
fn decode(data: &[u32], text: &str, legend: &Value, encoding: &str) -> Vec<Decoded> {
    assert_eq!(data.len() % 5, 0, "five numbers per token");
    let lines: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let types = legend["tokenTypes"].as_array().expect("token types");
    let modifier_names = legend["tokenModifiers"].as_array().expect("modifiers");
    let (mut line, mut col) = (0u32, 0u32);
    let mut previous_end: Option<(u32, u32)> = None;
    let mut decoded = Vec::new();
    for chunk in data.chunks(5) {
        let [delta_line, delta_start, length, kind, modifiers] = chunk else {
            unreachable!()
        };
        if *delta_line > 0 {
            line += delta_line;
            col = *delta_start;
        } else {
            assert!(
                *delta_start > 0 || previous_end.is_none(),
                "two tokens start at {line}:{col}"
            );
            col += delta_start;
        }
        assert!(*length > 0, "an empty token at {line}:{col}");
        if let Some((end_line, end_col)) = previous_end {
            assert!(
                line > end_line || col >= end_col,
                "a token at {line}:{col} overlaps the previous one"
            );
        }
        let line_text = lines
            .get(line as usize)
            .expect("a token on an existing line");
        let start = byte_col(line_text, col, encoding);
        let end = byte_col(line_text, col + length, encoding);
        previous_end = Some((line, col + length));
        decoded.push(Decoded {
            line: line as usize,
            start,
            end,
            kind: types[*kind as usize].as_str().expect("a name").to_string(),
            modifiers: (0..modifier_names.len())
                .filter(|bit| modifiers & (1 << bit) != 0)
                .map(|bit| modifier_names[bit].as_str().unwrap_or("?").to_string())
                .collect(),
        });
    }
    decoded
}

fn render(decoded: &[Decoded], text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    decoded
        .iter()
        .map(|token| {
            let modifiers = if token.modifiers.is_empty() {
                String::new()
            } else {
                format!(" [{}]", token.modifiers.join(", "))
            };
            format!(
                "{}:{} {}{} {:?}",
                token.line + 1,
                token.start + 1,
                token.kind,
                modifiers,
                &lines[token.line][token.start..token.end]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn numbers(value: &Value) -> Vec<u32> {
    value
        .as_array()
        .expect("an array of numbers")
        .iter()
        .map(|n| n.as_u64().expect("a number") as u32)
        .collect()
}

#[test]
fn capabilities_advertise_the_features() {
    let (client, capabilities) = server_with_fixture("utf-16");
    let tokens = &capabilities["semanticTokensProvider"];
    assert_eq!(tokens["full"], json!({"delta": true}));
    assert_eq!(tokens["range"], json!(true));
    insta::assert_json_snapshot!("legend", tokens["legend"]);
    assert_eq!(capabilities["inlayHintProvider"], json!(true));
    assert_eq!(capabilities["workspaceSymbolProvider"], json!(true));
    assert!(capabilities["documentLinkProvider"].is_object());
    drop(client);
}

#[test]
fn semantic_tokens_of_the_fixture_in_both_encodings() {
    let text = fixture();
    let mut rendered = Vec::new();
    for encoding in ["utf-16", "utf-8"] {
        let (mut client, capabilities) = server_with_fixture(encoding);
        let legend = &capabilities["semanticTokensProvider"]["legend"];
        let result = client.request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": FIXTURE_URI}}),
        );
        assert!(result["resultId"].is_string());
        let decoded = decode(&numbers(&result["data"]), &text, legend, encoding);
        rendered.push(render(&decoded, &text));
    }
    assert_eq!(
        rendered[0], rendered[1],
        "the same tokens in UTF-16 and UTF-8"
    );
    insta::assert_snapshot!("semantic_tokens", rendered[0]);
}

#[test]
fn semantic_tokens_delta_applies_to_the_previous_result() {
    let (mut client, _) = server_with_fixture("utf-16");
    let text_document = json!({"uri": FIXTURE_URI});
    let first = client.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": text_document}),
    );
    let mut held = numbers(&first["data"]);
    let mut result_id = first["resultId"].as_str().expect("an id").to_string();

    // No change: an empty delta.
    let same = client.request(
        "textDocument/semanticTokens/full/delta",
        json!({"textDocument": text_document, "previousResultId": result_id}),
    );
    assert_eq!(same["edits"], json!([]));
    result_id = same["resultId"].as_str().expect("an id").to_string();

    // A field added to `Tag`, then a half-typed attribute: each delta, applied to what the
    // client holds, equals the full result.
    let line = fixture()
        .lines()
        .position(|l| l.starts_with("model Tag"))
        .expect("model Tag") as u32;
    let edits = [
        (2, (line + 1, 0), "  label String?\n"),
        (3, (line + 2, 17), " @defa"),
    ];
    for (version, at, inserted) in edits {
        client.change(FIXTURE_URI, version, at, at, inserted);
        let delta = client.request(
            "textDocument/semanticTokens/full/delta",
            json!({"textDocument": text_document, "previousResultId": result_id}),
        );
        let edits = delta["edits"].as_array().expect("edits");
        assert_eq!(edits.len(), 1, "one edit: {delta}");
        for edit in edits {
            let start = edit["start"].as_u64().expect("start") as usize;
            let delete = edit["deleteCount"].as_u64().expect("deleteCount") as usize;
            let data = edit.get("data").map(numbers).unwrap_or_default();
            assert!(
                edit["data"]
                    .as_array()
                    .is_some_and(|d| d.len() < held.len())
            );
            held.splice(start..start + delete, data);
        }
        result_id = delta["resultId"].as_str().expect("an id").to_string();
        let full = client.request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": text_document}),
        );
        assert_eq!(held, numbers(&full["data"]));
        result_id = full["resultId"].as_str().map_or(result_id, str::to_string);
    }

    // An unknown previous result: the whole array.
    let unknown = client.request(
        "textDocument/semanticTokens/full/delta",
        json!({"textDocument": text_document, "previousResultId": "no-such-id"}),
    );
    assert_eq!(numbers(&unknown["data"]), held);
}

#[test]
fn semantic_tokens_of_a_range_are_those_of_its_lines() {
    let (mut client, capabilities) = server_with_fixture("utf-16");
    let legend = capabilities["semanticTokensProvider"]["legend"].clone();
    let result = client.request(
        "textDocument/semanticTokens/range",
        json!({
            "textDocument": {"uri": FIXTURE_URI},
            "range": {"start": {"line": 40, "character": 0}, "end": {"line": 44, "character": 0}}
        }),
    );
    // The range's tokens are relative to the start of the document.
    let text = fixture();
    let decoded = decode(&numbers(&result["data"]), &text, &legend, "utf-16");
    insta::assert_snapshot!("semantic_tokens_range", render(&decoded, &text));
}

#[test]
fn inlay_hints_of_the_fixture() {
    let (mut client, _) = server_with_fixture("utf-16");
    let hints = client.request(
        "textDocument/inlayHint",
        json!({
            "textDocument": {"uri": FIXTURE_URI},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}}
        }),
    );
    insta::assert_json_snapshot!("inlay_hints", hints);
    // Limited to the range: only `Tag`'s lines.
    let tag_only = client.request(
        "textDocument/inlayHint",
        json!({
            "textDocument": {"uri": FIXTURE_URI},
            "range": {"start": {"line": 34, "character": 0}, "end": {"line": 39, "character": 0}}
        }),
    );
    let labels: Vec<&str> = tag_only
        .as_array()
        .expect("hints")
        .iter()
        .filter_map(|h| h["label"].as_str())
        .collect();
    assert_eq!(labels, ["_PostToTag"]);
}

/// A project folder: `package.json` (the project root, so no `.env` above it is found),
/// `prisma/schema.prisma` (the fixture), and `.env` files as given.
fn project(dotenv_beside: Option<&str>, dotenv_root: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let prisma = dir.path().join("prisma");
    std::fs::create_dir_all(&prisma).expect("folder");
    std::fs::write(dir.path().join("package.json"), "{}").expect("write");
    std::fs::write(prisma.join("schema.prisma"), fixture()).expect("write");
    if let Some(text) = dotenv_beside {
        std::fs::write(prisma.join(".env"), text).expect("write");
    }
    if let Some(text) = dotenv_root {
        std::fs::write(dir.path().join(".env"), text).expect("write");
    }
    dir
}

fn document_links(dir: &Path) -> Value {
    let mut client = LspClient::start_in(dir);
    client.initialize(&["utf-16"]);
    let uri = file_uri(&dir.join("prisma/schema.prisma"));
    client.open(&uri, 1, &fixture());
    let links = client.request(
        "textDocument/documentLink",
        json!({"textDocument": {"uri": uri}}),
    );
    // The temporary folder differs from run to run.
    let root = file_uri(dir);
    serde_json::from_str(&links.to_string().replace(&root, "file://<project>")).expect("still JSON")
}

#[test]
fn document_links_for_env_go_to_the_defining_line_of_the_dotenv() {
    let dir = project(
        Some("# local settings\nDATABASE_URL=\"postgres://localhost/app\"\n"),
        Some("DIRECT_URL=x\n"),
    );
    // The `.env` beside the schema wins; `DIRECT_URL` is not in it: a link to the file.
    insta::assert_json_snapshot!("document_links_beside", document_links(dir.path()));
}

#[test]
fn document_links_find_the_dotenv_at_the_project_root_and_none_without_one() {
    let dir = project(None, Some("DIRECT_URL=x\nDATABASE_URL=y\n"));
    let links = document_links(dir.path());
    let targets: Vec<&str> = links
        .as_array()
        .expect("links")
        .iter()
        .filter_map(|l| l["target"].as_str())
        .collect();
    assert_eq!(
        targets,
        ["file://<project>/.env#L2", "file://<project>/.env#L1"]
    );
    let dir = project(None, None);
    assert_eq!(document_links(dir.path()), json!([]));
}

#[test]
fn workspace_symbols_across_open_schemas_and_their_folders() {
    // A folder schema of two files (only one open) and a second, single-file schema.
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("package.json"), "{}").expect("write");
    let folder = dir.path().join("prisma/schema");
    std::fs::create_dir_all(&folder).expect("folder");
    std::fs::write(
        folder.join("main.prisma"),
        "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel User {\n  id Int @id\n  userName String\n}\n",
    )
    .expect("write");
    std::fs::write(
        folder.join("billing.prisma"),
        "model Invoice {\n  id Int @id\n  userId Int\n}\n\nenum UserTier {\n  FREE\n}\n",
    )
    .expect("write");
    let mut client = LspClient::start_in(dir.path());
    client.initialize(&["utf-16"]);
    let main = file_uri(&folder.join("main.prisma"));
    let main_text = std::fs::read_to_string(folder.join("main.prisma")).expect("read");
    client.open(&main, 1, &main_text);
    client.open(FIXTURE_URI, 1, &fixture());

    let symbols = client.request("workspace/symbol", json!({"query": "user"}));
    let root = file_uri(dir.path());
    let symbols: Value =
        serde_json::from_str(&symbols.to_string().replace(&root, "file://<project>"))
            .expect("JSON");
    insta::assert_json_snapshot!("workspace_symbols_user", symbols);

    let fuzzy = client.request("workspace/symbol", json!({"query": "INVCE"}));
    assert_eq!(fuzzy[0]["name"], "Invoice");
    let all = client.request("workspace/symbol", json!({"query": ""}));
    let all = all.as_array().expect("symbols");
    assert!(all.len() > 20 && all.len() <= 256, "{}", all.len());
    // Blocks first.
    assert!(all[0].get("containerName").is_none());
}

/// Every schema of the corpus: the server answers, and the tokens are strictly increasing,
/// apart and within their lines (checked while decoding).
#[test]
fn semantic_tokens_over_the_corpus() {
    let Some(shared) = common::shared_dir("semantic tokens over the corpus") else {
        return;
    };
    let files = common::prisma_files(&shared.join("corpus/real"));
    assert!(!files.is_empty());
    let mut client = LspClient::start();
    let capabilities = client.initialize(&["utf-16"]);
    let legend = capabilities["semanticTokensProvider"]["legend"].clone();
    let mut total = 0;
    for (index, path) in files.iter().enumerate() {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        // Not a file URI: each schema alone, without reading its folder.
        let uri = format!("untitled:corpus-{index}.prisma");
        client.open(&uri, 1, &text);
        let result = client.request(
            "textDocument/semanticTokens/full",
            json!({"textDocument": {"uri": uri}}),
        );
        let decoded = decode(&numbers(&result["data"]), &text, &legend, "utf-16");
        assert!(!decoded.is_empty(), "{}", path.display());
        total += decoded.len();
        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }
    eprintln!("{} schemas, {total} tokens", files.len());
}

/// Half-typed text: every corpus schema cut at many places (as if typed up to there) goes
/// through all four features without a panic, and the tokens keep their promises.
#[test]
fn the_features_hold_on_truncated_corpus_schemas() {
    use prisma_analyzer::ide;
    use prisma_analyzer::model::{FileId, Schema};
    let Some(shared) = common::shared_dir("features on truncated schemas") else {
        return;
    };
    let mut cuts = 0;
    for path in common::prisma_files(&shared.join("corpus/real")) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        const CUTS: usize = 24;
        let ends = (1..CUTS).map(|k| {
            let mut end = text.len() * k / CUTS;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            end
        });
        for end in ends {
            let cut = &text[..end];
            let schema = Schema::parse("cut.prisma", cut);
            let tokens = ide::semantic_tokens(&schema, FileId(0));
            let mut previous_end = 0;
            for token in &tokens {
                assert!(
                    token.span.start >= previous_end && token.span.end > token.span.start,
                    "{} cut at {end}",
                    path.display()
                );
                assert!(!schema.text(token.span).contains('\n'));
                previous_end = token.span.end;
            }
            let _ = ide::inlay_hints(&schema, FileId(0), 0..cut.len());
            let _ = ide::workspace_symbols(&schema, "us", 50);
            let _ = ide::env_references(schema.file_model(FileId(0)));
            cuts += 1;
        }
    }
    eprintln!("{cuts} truncated schemas");
}
