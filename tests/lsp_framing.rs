//! The guard in front of the framework (`src/server/framing.rs`), against the real binary:
//! a frame whose `Content-Length` is wrong costs that frame only, however the next one
//! arrives; a legitimate frame that is slow, or whose text mentions `Content-Length`, is
//! read whole; JSON nested deeper than the framework reads is answered under its `id`.

mod common;

use common::lsp::LspClient;
use serde_json::{Value, json};
use std::time::Duration;

/// A request for the server's text of a document it does not have (answered `null`).
fn text_request(id: i64) -> String {
    json!({"jsonrpc": "2.0", "id": id, "method": "prismaAnalyzer/documentText", "params": {"uri": "file:///nowhere.prisma"}}).to_string()
}

fn framed(body: &str) -> String {
    format!("Content-Length: {}\r\n\r\n{body}", body.len())
}

fn assert_answered(client: &mut LspClient, id: i64) {
    let response = client.response(id);
    assert_eq!(response["result"], Value::Null, "{response}");
    assert!(response.get("error").is_none(), "{response}");
}

fn assert_parse_error(client: &mut LspClient, id: i64) {
    let response = client.response(id);
    assert_eq!(response["error"]["code"], -32700, "{response}");
}

#[test]
fn a_frame_longer_than_its_body_costs_only_itself() {
    let mut client = LspClient::start();
    client.initialize(&["utf-16"]);
    // Declared 500 bytes; the next two frames follow at once.
    let stream = format!(
        "Content-Length: 500\r\n\r\n{}{}{}",
        text_request(100),
        framed(&text_request(101)),
        framed(&text_request(102))
    );
    client.write_bytes(stream.as_bytes());
    assert_parse_error(&mut client, 100);
    assert_answered(&mut client, 101);
    assert_answered(&mut client, 102);

    // The next frame's header arrives in pieces, a while later.
    client.write_bytes(format!("Content-Length: 400\r\n\r\n{}", text_request(103)).as_bytes());
    std::thread::sleep(Duration::from_millis(200));
    let next = framed(&text_request(104));
    let (first, rest) = next.split_at(10);
    client.write_bytes(first.as_bytes());
    std::thread::sleep(Duration::from_millis(200));
    client.write_bytes(rest.as_bytes());
    assert_parse_error(&mut client, 103);
    assert_answered(&mut client, 104);
    assert!(client.shutdown().success());
}

#[test]
fn a_frame_shorter_than_its_body_costs_only_itself() {
    let mut client = LspClient::start();
    client.initialize(&["utf-16"]);
    let stream = format!(
        "Content-Length: 20\r\n\r\n{}{}{}",
        text_request(200),
        framed(&text_request(201)),
        framed(&text_request(202))
    );
    client.write_bytes(stream.as_bytes());
    assert_answered(&mut client, 201);
    assert_answered(&mut client, 202);
    assert!(client.shutdown().success());
}

#[test]
fn slow_frames_and_texts_that_mention_content_length_are_read_whole() {
    let mut client = LspClient::start();
    client.initialize(&["utf-16"]);
    // A document whose text holds header-like lines (escaped in JSON, as they must be).
    let uri = "file:///tmp/prisma-analyzer-framing/schema.prisma";
    let text = "// Content-Length: 12\r\n\r\n// content-length:3\nmodel A {\n  id Int @id\n}\n";
    let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "prisma", "version": 1, "text": text}}}).to_string();
    // It arrives slowly: the header, then the body in three parts.
    let frame = framed(&open);
    let header_end = frame.find("\r\n\r\n").expect("a header") + 4;
    let third = (frame.len() - header_end) / 3;
    for (from, to) in [
        (0, header_end),
        (header_end, header_end + third),
        (header_end + third, header_end + 2 * third),
        (header_end + 2 * third, frame.len()),
    ] {
        client.write_bytes(&frame.as_bytes()[from..to]);
        std::thread::sleep(Duration::from_millis(150));
    }
    assert_eq!(client.text_of(uri), json!(text));
    assert!(client.shutdown().success());
}

#[test]
fn json_nested_deeper_than_the_framework_reads_is_answered_under_its_id() {
    let mut client = LspClient::start();
    client.initialize(&["utf-16"]);
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // The id before the deep part, and after it; and a million levels (no stack to blow).
    for (id, depth, id_last) in [(300, 200, false), (301, 200, true), (302, 1_000_000, true)] {
        let body = if id_last {
            format!(
                r#"{{"jsonrpc":"2.0","method":"prismaAnalyzer/documentText","params":{},"id":{id}}}"#,
                nested(depth)
            )
        } else {
            format!(
                r#"{{"jsonrpc":"2.0","id":{id},"method":"prismaAnalyzer/documentText","params":{}}}"#,
                nested(depth)
            )
        };
        client.send_raw(body.as_bytes());
        let response = client.response(id);
        assert_eq!(response["error"]["code"], -32600, "{response}");
    }
    // A notification that deep is not answered (JSON-RPC answers no notification); the
    // next request is.
    client.send_raw(
        format!(
            r#"{{"jsonrpc":"2.0","method":"x","params":{}}}"#,
            nested(300)
        )
        .as_bytes(),
    );
    client.send_raw(text_request(303).as_bytes());
    let next = client.response(303);
    assert_eq!(next["result"], Value::Null, "{next}");
    let (status, transcript, _) = client.finish();
    assert!(status.success());
    assert!(!transcript.contains(r#""id":null"#), "{transcript}");
}
