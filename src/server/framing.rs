//! A guard in front of tower-lsp's transport.
//!
//! tower-lsp-server reads stdin through `tokio_util::codec::FramedRead`, which ends the
//! stream after the first message that fails to decode: one malformed message (bad JSON,
//! JSON that is no JSON-RPC message, a frame without `Content-Length`) and the server
//! stops reading for good. This layer reads the frames itself, passes on only messages the
//! framework can decode, and answers the others as JSON-RPC says (Parse error, Invalid
//! Request), under the message's `id` when it can be read (`json_scan`), writing those
//! answers between the framework's own output frames.
//!
//! A frame whose `Content-Length` is wrong must not take the frames after it down with it.
//! Too long: its body runs into the next frame's header. A JSON body can never hold a
//! header line (`Content-Length: 52` followed by a raw line break is not JSON: the words
//! cannot stand outside a string, and a raw line break cannot stand inside one), so a
//! header line inside a body marks where the next frame starts: the body is cut there and
//! the next frame read as usual, as soon as its header line has arrived; a legitimate body,
//! however large or slow, is never cut. Too short: the rest of the body comes before the
//! next header, on the same line; a `Content-Length:` anywhere in a header line starts
//! the header again.

use super::json_scan;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc;

/// Frames larger than this are refused (and skipped) rather than buffered.
const MAX_FRAME_BYTES: usize = 256 * 1024 * 1024;

/// A header this long without its end is not a header: it is dropped.
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// The header that starts a frame, matched without regard to case.
const CONTENT_LENGTH: &[u8] = b"content-length";

/// Reads frames from `input` until it ends; forwards decodable ones to `server`, and sends
/// an error response for the others to `errors`.
pub async fn filter_input<I, S>(input: I, mut server: S, errors: mpsc::UnboundedSender<Vec<u8>>)
where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut frames = FrameReader::new(input);
    loop {
        let body = match frames.next().await {
            Frame::End => break,
            Frame::Invalid(reason) => {
                tracing::warn!("dropped a malformed message: {reason}");
                let _ = errors.send(error_frame(Value::Null, -32700, "Parse error"));
                continue;
            }
            Frame::CutShort(body) => {
                super::protocol_log::trace_message("<-", &body);
                let id = json_scan::scan(&body).id.unwrap_or(Value::Null);
                tracing::warn!(
                    "answered a message whose Content-Length ran into the next message's header"
                );
                let _ = errors.send(error_frame(id, -32700, "Parse error"));
                continue;
            }
            Frame::Body(body) => body,
        };
        super::protocol_log::trace_message("<-", &body);
        match check_message(&body) {
            Verdict::Forward => {
                let header = format!("Content-Length: {}\r\n\r\n", body.len());
                let written = server.write_all(header.as_bytes()).await;
                let written = match written {
                    Ok(()) => server.write_all(&body).await,
                    Err(error) => Err(error),
                };
                if written.and(server.flush().await).is_err() {
                    break;
                }
            }
            Verdict::Answer { id, code, message } => {
                tracing::warn!("answered a malformed message: {message}");
                let _ = errors.send(error_frame(id, code, message));
            }
            Verdict::Ignore(why) => tracing::warn!("ignored a notification: {why}"),
        }
    }
    let _ = server.shutdown().await;
}

/// Copies the framework's output frames to `output`, with the frames the server writes
/// itself (answers to malformed messages, `outbox` notifications) placed between them. Ends
/// when the framework closes its output.
pub async fn merge_output<S, O>(
    server: S,
    mut output: O,
    mut injected: mpsc::UnboundedReceiver<Vec<u8>>,
) where
    S: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let mut frames = FrameReader::new(server);
    loop {
        // `FrameReader::next` is cancel-safe: an error frame may come mid-frame.
        tokio::select! {
            frame = frames.next() => match frame {
                Frame::Body(body) => {
                    super::protocol_log::trace_message("->", &body);
                    let header = format!("Content-Length: {}\r\n\r\n", body.len());
                    if write_frame(&mut output, header.as_bytes(), &body).await.is_err() {
                        return;
                    }
                }
                Frame::Invalid(reason) => tracing::error!("the framework wrote a bad frame: {reason}"),
                Frame::CutShort(_) => tracing::error!("the framework wrote a frame of a wrong length"),
                Frame::End => return,
            },
            Some(frame) = injected.recv() => {
                if write_frame(&mut output, &[], &frame).await.is_err() {
                    return;
                }
            }
        }
    }
}

async fn write_frame<O: AsyncWrite + Unpin>(
    output: &mut O,
    header: &[u8],
    body: &[u8],
) -> std::io::Result<()> {
    output.write_all(header).await?;
    output.write_all(body).await?;
    output.flush().await
}

#[derive(Debug, PartialEq)]
enum Frame {
    Body(Vec<u8>),
    /// A body whose declared length ran into the next frame's header: what came before it.
    CutShort(Vec<u8>),
    Invalid(String),
    End,
}

/// Reads `Content-Length` frames from a byte stream (see the module's documentation). All
/// its state is in `buffer`, so `next` may be dropped at its one `.await` (reading more)
/// without losing anything.
struct FrameReader<R> {
    input: R,
    /// Bytes read and not yet handed out.
    buffer: Vec<u8>,
    /// The input ended.
    ended: bool,
    /// How far the current frame's body was searched for a header line without finding
    /// the start of one (from the body's start).
    searched: usize,
    /// Bytes that are no header are being dropped (said once, when it started).
    dropping_garbage: bool,
}

/// How the buffer begins.
enum Parsed {
    /// A whole frame (and how many bytes of the buffer it took).
    Frame(Frame, usize),
    /// More bytes are needed.
    NeedMore,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    fn new(input: R) -> Self {
        FrameReader {
            input,
            buffer: Vec::new(),
            ended: false,
            searched: 0,
            dropping_garbage: false,
        }
    }

    /// The next frame; `Frame::End` when the input ends (a frame cut off by the end is
    /// dropped).
    async fn next(&mut self) -> Frame {
        loop {
            if let Parsed::Frame(frame, used) = self.parse() {
                self.buffer.drain(..used);
                self.searched = 0;
                if matches!(frame, Frame::Body(_) | Frame::CutShort(_)) {
                    self.dropping_garbage = false;
                }
                return frame;
            }
            if self.ended {
                return Frame::End;
            }
            // Into the buffer itself: cancel-safe, nothing is held elsewhere.
            self.buffer.reserve(64 * 1024);
            match self.input.read_buf(&mut self.buffer).await {
                Ok(0) | Err(_) => self.ended = true,
                Ok(_) => {}
            }
        }
    }

    /// Reads a frame from the start of the buffer, if it is all there.
    fn parse(&mut self) -> Parsed {
        let (length, body_start) = match parse_header(&self.buffer) {
            Header::Complete { length, body_start } => (length, body_start),
            Header::Invalid { reason, used } => {
                return Parsed::Frame(Frame::Invalid(reason), used);
            }
            Header::Incomplete if self.buffer.len() > MAX_HEADER_BYTES => {
                // Bytes without a line break: drop them, up to where a header line may start.
                let keep_from = match find_header_line(&self.buffer, 0, self.buffer.len()) {
                    Search::Found(at) | Search::Partial(at) => at,
                    Search::NotFound(end) => end,
                };
                self.buffer.drain(..keep_from);
                if !std::mem::replace(&mut self.dropping_garbage, true) {
                    return Parsed::Frame(Frame::Invalid("bytes that are no frame".into()), 0);
                }
                return Parsed::NeedMore;
            }
            Header::Incomplete => return Parsed::NeedMore,
        };
        let body = &self.buffer[body_start..];
        // Where the next frame's header starts, if inside the declared body.
        match find_header_line(body, self.searched, length.min(MAX_FRAME_BYTES)) {
            Search::Found(next) => {
                let cut = body[..next].to_vec();
                return Parsed::Frame(Frame::CutShort(cut), body_start + next);
            }
            Search::Partial(at) => {
                self.searched = at;
                return Parsed::NeedMore;
            }
            Search::NotFound(searched) => self.searched = searched,
        }
        if length > MAX_FRAME_BYTES {
            // Skipped, never buffered: keep only what a header line could start in.
            if body.len() >= length {
                let used = body_start + length;
                return Parsed::Frame(Frame::Invalid(format!("a frame of {length} bytes")), used);
            }
            let keep = CONTENT_LENGTH.len() + 32;
            if body.len() > keep * 2 {
                let dropped = body.len() - keep;
                self.buffer.drain(body_start..body_start + dropped);
                // The header stays, with a length that counts what was dropped.
                let header = format!("Content-Length: {}\r\n\r\n", length - dropped);
                self.buffer.splice(..body_start, header.into_bytes());
                self.searched = 0;
            }
            return Parsed::NeedMore;
        }
        if body.len() < length {
            return Parsed::NeedMore;
        }
        Parsed::Frame(Frame::Body(body[..length].to_vec()), body_start + length)
    }
}

enum Header {
    Complete { length: usize, body_start: usize },
    Invalid { reason: String, used: usize },
    Incomplete,
}

/// The header at the start of `bytes`: lines up to an empty one, any line breaks before
/// it skipped. A line that holds `Content-Length:` after other bytes (the rest of a body
/// that was longer than declared) counts from there.
fn parse_header(bytes: &[u8]) -> Header {
    let mut length: Option<Result<usize, ()>> = None;
    let mut saw_header = false;
    let mut at = 0;
    loop {
        let Some(line_end) = bytes[at..].iter().position(|b| *b == b'\n') else {
            return Header::Incomplete;
        };
        let line = &bytes[at..at + line_end];
        at += line_end + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some(from) = find_ignoring_case(line, CONTENT_LENGTH)
            && let Some(value) = line[from + CONTENT_LENGTH.len()..]
                .trim_ascii_start()
                .strip_prefix(b":")
        {
            length = Some(
                std::str::from_utf8(value)
                    .ok()
                    .and_then(|value| value.trim().parse().ok())
                    .ok_or(()),
            );
        }
    }
    match length {
        Some(Ok(length)) => Header::Complete {
            length,
            body_start: at,
        },
        _ => Header::Invalid {
            reason: "a frame without a valid Content-Length".into(),
            used: at,
        },
    }
}

fn find_ignoring_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

/// The result of looking for a header line in a body.
#[derive(Debug, PartialEq)]
enum Search {
    /// A whole `Content-Length: <digits>` line starts here.
    Found(usize),
    /// One may start here: the bytes end before it could be told.
    Partial(usize),
    /// None starts before this offset (where to go on from when more bytes come).
    NotFound(usize),
}

/// Looks for a header line (`Content-Length`, optional blanks, `:`, optional blanks,
/// digits, optional blanks, a line break) starting in `body[from..limit]`.
fn find_header_line(body: &[u8], from: usize, limit: usize) -> Search {
    let end = limit.min(body.len());
    for start in from..end {
        if !body[start].eq_ignore_ascii_case(&CONTENT_LENGTH[0]) {
            continue;
        }
        match header_line_at(&body[start..]) {
            Some(true) => return Search::Found(start),
            Some(false) => return Search::Partial(start),
            None => {}
        }
    }
    Search::NotFound(end)
}

/// Whether `bytes` start with a header line: `Some(true)` yes, `Some(false)` they end
/// before it could be told, `None` no.
fn header_line_at(bytes: &[u8]) -> Option<bool> {
    let name = bytes.get(..CONTENT_LENGTH.len());
    match name {
        None => {
            let prefix = &CONTENT_LENGTH[..bytes.len()];
            return bytes.eq_ignore_ascii_case(prefix).then_some(false);
        }
        Some(name) if !name.eq_ignore_ascii_case(CONTENT_LENGTH) => return None,
        Some(_) => {}
    }
    let mut rest = bytes[CONTENT_LENGTH.len()..].iter().copied().peekable();
    let blanks = |rest: &mut std::iter::Peekable<_>| {
        while rest.next_if(|b: &u8| *b == b' ' || *b == b'\t').is_some() {}
    };
    blanks(&mut rest);
    match rest.next() {
        None => return Some(false),
        Some(b':') => {}
        Some(_) => return None,
    }
    blanks(&mut rest);
    let mut digits = 0;
    while rest.next_if(u8::is_ascii_digit).is_some() {
        digits += 1;
    }
    blanks(&mut rest);
    match rest.next() {
        None => Some(false),
        Some(b'\n') if digits > 0 => Some(true),
        Some(b'\r') if digits > 0 => match rest.next() {
            None => Some(false),
            Some(b'\n') => Some(true),
            Some(_) => None,
        },
        Some(_) => None,
    }
}

/// What to do with a message.
#[derive(Debug, PartialEq)]
enum Verdict {
    /// The framework can decode it.
    Forward,
    /// Answer it with this error.
    Answer {
        id: Value,
        code: i64,
        message: &'static str,
    },
    /// A notification the framework cannot decode: JSON-RPC answers no notification.
    Ignore(&'static str),
}

/// Whether tower-lsp can decode the message; if not, the error response to give, under
/// the message's `id` when it can be read.
fn check_message(body: &[u8]) -> Verdict {
    let value: Value = match serde_json::from_slice(body) {
        Ok(value) => value,
        Err(_) => {
            // Not JSON, or JSON nested deeper than serde_json reads (its stack guard).
            let scanned = json_scan::scan(body);
            let id = scanned.id.clone().unwrap_or(Value::Null);
            return if !scanned.valid {
                Verdict::Answer {
                    id,
                    code: -32700,
                    message: "Parse error",
                }
            } else if scanned.id.is_none() && scanned.has_method {
                Verdict::Ignore("nested too deeply to read")
            } else {
                Verdict::Answer {
                    id,
                    code: -32600,
                    message: "Invalid Request: nested too deeply to read",
                }
            };
        }
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    if serde_json::from_value::<jsonrpc::Request>(value.clone()).is_ok()
        || serde_json::from_value::<jsonrpc::Response>(value).is_ok()
    {
        Verdict::Forward
    } else {
        Verdict::Answer {
            id,
            code: -32600,
            message: "Invalid Request",
        }
    }
}

fn error_frame(id: Value, code: i64, message: &str) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": id})
        .to_string();
    frame(body.as_bytes())
}

/// A whole frame: the `Content-Length` header and `body`.
pub(super) fn frame(body: &[u8]) -> Vec<u8> {
    let mut frame = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    frame.extend_from_slice(body);
    frame
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frames(input: &[u8]) -> Vec<Frame> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        runtime.block_on(async {
            let mut reader = FrameReader::new(input);
            let mut frames = Vec::new();
            loop {
                match reader.next().await {
                    Frame::End => return frames,
                    frame => frames.push(frame),
                }
            }
        })
    }

    fn frame(body: &str) -> String {
        format!("Content-Length: {}\r\n\r\n{body}", body.len())
    }

    #[test]
    fn a_length_too_long_or_too_short_costs_one_frame() {
        let long = format!(
            "Content-Length: 99\r\n\r\n{{\"id\":1}}{}{}",
            frame("{\"id\":2}"),
            frame("{}")
        );
        assert_eq!(
            frames(long.as_bytes()),
            [
                Frame::CutShort(b"{\"id\":1}".to_vec()),
                Frame::Body(b"{\"id\":2}".to_vec()),
                Frame::Body(b"{}".to_vec())
            ]
        );
        let short = format!(
            "Content-Length: 3\r\n\r\n{{\"id\":1}}{}",
            frame("{\"id\":2}")
        );
        assert_eq!(
            frames(short.as_bytes()),
            [
                Frame::Body(b"{\"i".to_vec()),
                Frame::Body(b"{\"id\":2}".to_vec())
            ]
        );
    }

    #[test]
    fn a_header_line_is_recognised_only_whole() {
        assert_eq!(header_line_at(b"Content-Length: 12\r\n"), Some(true));
        assert_eq!(header_line_at(b"content-length:7\n"), Some(true));
        assert_eq!(header_line_at(b"Content-Len"), Some(false));
        assert_eq!(header_line_at(b"Content-Length: 12"), Some(false));
        assert_eq!(header_line_at(b"Content-Length: 12\r"), Some(false));
        assert_eq!(header_line_at(b"Content-Length\": 12\r\n"), None);
        assert_eq!(header_line_at(b"Content-Length: x\r\n"), None);
        assert_eq!(header_line_at(b"Contents"), None);
        // In a JSON string the line break is escaped: no header line.
        let json = br#"{"text":"Content-Length: 12\r\n\r\n"}"#;
        assert_eq!(
            find_header_line(json, 0, json.len()),
            Search::NotFound(json.len())
        );
    }

    #[test]
    fn messages_the_framework_cannot_read_are_answered_under_their_id() {
        let deep = format!(
            r#"{{"jsonrpc":"2.0","id":5,"method":"x","params":{}{}}}"#,
            "[".repeat(200),
            "]".repeat(200)
        );
        assert_eq!(
            check_message(deep.as_bytes()),
            Verdict::Answer {
                id: json!(5),
                code: -32600,
                message: "Invalid Request: nested too deeply to read"
            }
        );
        let notification = deep.replace(r#""id":5,"#, "");
        assert!(matches!(
            check_message(notification.as_bytes()),
            Verdict::Ignore(_)
        ));
        assert_eq!(
            check_message(br#"{"jsonrpc":"2.0","id":"a","method":"#),
            Verdict::Answer {
                id: json!("a"),
                code: -32700,
                message: "Parse error"
            }
        );
    }
}
