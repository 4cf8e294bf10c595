//! A guard in front of tower-lsp's transport.
//!
//! tower-lsp-server reads stdin through `tokio_util::codec::FramedRead`, which ends the
//! stream after the first message that fails to decode: one malformed message (bad JSON,
//! JSON that is no JSON-RPC message, a frame without `Content-Length`) and the server
//! stops reading for good. This layer reads the frames itself, passes on only messages the
//! framework can decode, and answers the others as JSON-RPC says (Parse error, Invalid
//! Request), writing those answers between the framework's own output frames.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc;

/// Frames larger than this are refused (and skipped) rather than buffered.
const MAX_FRAME_BYTES: usize = 256 * 1024 * 1024;

/// Reads frames from `input` until it ends; forwards decodable ones to `server`, and sends
/// an error response for the others to `errors`.
pub async fn filter_input<I, S>(input: I, mut server: S, errors: mpsc::UnboundedSender<Vec<u8>>)
where
    I: AsyncRead + Unpin,
    S: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    loop {
        let body = match read_frame(&mut input).await {
            Frame::End => break,
            Frame::Invalid(reason) => {
                tracing::warn!("dropped a malformed message: {reason}");
                let _ = errors.send(error_frame(Value::Null, -32700, "Parse error"));
                continue;
            }
            Frame::Body(body) => body,
        };
        super::protocol_log::trace_message("<-", &body);
        match check_message(&body) {
            Ok(()) => {
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
            Err((id, code, message)) => {
                tracing::warn!("answered a malformed message: {message}");
                let _ = errors.send(error_frame(id, code, message));
            }
        }
    }
    let _ = server.shutdown().await;
}

/// Copies the framework's output frames to `output`, with the injected error frames placed
/// between them. Ends when the framework closes its output.
pub async fn merge_output<S, O>(
    server: S,
    mut output: O,
    mut errors: mpsc::UnboundedReceiver<Vec<u8>>,
) where
    S: AsyncRead + Unpin,
    O: AsyncWrite + Unpin,
{
    let mut server = BufReader::new(server);
    loop {
        tokio::select! {
            frame = read_frame(&mut server) => match frame {
                Frame::Body(body) => {
                    super::protocol_log::trace_message("->", &body);
                    let header = format!("Content-Length: {}\r\n\r\n", body.len());
                    if write_frame(&mut output, header.as_bytes(), &body).await.is_err() {
                        return;
                    }
                }
                Frame::Invalid(reason) => tracing::error!("the framework wrote a bad frame: {reason}"),
                Frame::End => return,
            },
            Some(frame) = errors.recv() => {
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

enum Frame {
    Body(Vec<u8>),
    Invalid(String),
    End,
}

/// Reads one `Content-Length`-framed message.
async fn read_frame<R: AsyncRead + Unpin>(input: &mut BufReader<R>) -> Frame {
    let mut length: Option<usize> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        match input.read_until(b'\n', &mut line).await {
            Ok(0) | Err(_) => return Frame::End,
            Ok(_) => {}
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            if saw_header {
                break;
            }
            continue;
        }
        saw_header = true;
        if let Some((name, value)) = line.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else {
        return Frame::Invalid("a frame without a valid Content-Length".into());
    };
    if length > MAX_FRAME_BYTES {
        // Skip it without buffering it.
        let skipped = tokio::io::copy(&mut input.take(length as u64), &mut tokio::io::sink()).await;
        return match skipped {
            Ok(_) => Frame::Invalid(format!("a frame of {length} bytes")),
            Err(_) => Frame::End,
        };
    }
    let mut body = vec![0; length];
    match input.read_exact(&mut body).await {
        Ok(_) => Frame::Body(body),
        Err(_) => Frame::End,
    }
}

/// Whether tower-lsp can decode the message; if not, the error response to give.
fn check_message(body: &[u8]) -> Result<(), (Value, i64, &'static str)> {
    let value: Value =
        serde_json::from_slice(body).map_err(|_| (Value::Null, -32700, "Parse error"))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    if serde_json::from_value::<jsonrpc::Request>(value.clone()).is_ok()
        || serde_json::from_value::<jsonrpc::Response>(value).is_ok()
    {
        Ok(())
    } else {
        Err((id, -32600, "Invalid Request"))
    }
}

fn error_frame(id: Value, code: i64, message: &str) -> Vec<u8> {
    let body = json!({"jsonrpc": "2.0", "error": {"code": code, "message": message}, "id": id})
        .to_string();
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}
