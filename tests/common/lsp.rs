//! A small LSP client for tests: starts the real binary and speaks JSON-RPC over its stdio.
#![allow(dead_code)]

use serde_json::{Value, json};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

pub struct LspClient {
    child: Child,
    stdin: Option<ChildStdin>,
    incoming: Receiver<Value>,
    /// Notifications received while waiting for something else.
    notifications: VecDeque<Value>,
    /// Responses received while waiting for another one (the server may answer out of
    /// order).
    responses: VecDeque<Value>,
    /// What the client answers to `workspace/configuration` (None: null).
    configuration: Option<Value>,
    next_id: i64,
    /// Every message received, as text (for tests that look for what must never appear).
    transcript: Vec<String>,
    /// The server's stderr, collected by a thread, when the test asked for it.
    stderr: Option<std::thread::JoinHandle<String>>,
}

impl LspClient {
    /// Starts `prisma-analyzer lsp` in `dir`.
    pub fn start_in(dir: &std::path::Path) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"));
        command.env("RUST_LOG", "warn").stderr(Stdio::null());
        Self::spawn(command, dir)
    }

    /// Starts `prisma-analyzer lsp` in `dir` with these environment variables (`RUST_LOG`,
    /// …), keeping its stderr for [`LspClient::finish`].
    pub fn start_logging(dir: &std::path::Path, env: &[(&str, &str)]) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"));
        command.env_remove("DATABASE_URL").stderr(Stdio::piped());
        for (name, value) in env {
            command.env(name, value);
        }
        let mut client = Self::spawn(command, dir);
        let mut stderr = client.child.stderr.take().expect("piped stderr");
        client.stderr = Some(std::thread::spawn(move || {
            let mut text = String::new();
            let _ = stderr.read_to_string(&mut text);
            text
        }));
        client
    }

    fn spawn(mut command: Command, dir: &std::path::Path) -> Self {
        let mut child = command
            .arg("lsp")
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the server starts");
        let stdout = child.stdout.take().expect("piped stdout");
        let (sender, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(value) = line.strip_prefix("Content-Length: ") {
                        length = value.parse::<usize>().ok();
                    }
                }
                let Some(length) = length else { return };
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                match serde_json::from_slice(&body) {
                    Ok(message) => {
                        if sender.send(message).is_err() {
                            return;
                        }
                    }
                    Err(_) => return,
                }
            }
        });
        LspClient {
            stdin: child.stdin.take(),
            child,
            incoming,
            notifications: VecDeque::new(),
            responses: VecDeque::new(),
            configuration: None,
            next_id: 1,
            transcript: Vec::new(),
            stderr: None,
        }
    }

    /// Every message received so far, as text.
    pub fn transcript(&self) -> String {
        self.transcript.join("\n")
    }

    pub fn start() -> Self {
        Self::start_in(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
    }

    /// Writes bytes as they are, with no header of their own (for tests of the framing).
    pub fn write_bytes(&mut self, bytes: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(bytes).expect("write");
        stdin.flush().expect("flush");
    }

    pub fn send_raw(&mut self, body: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).expect("write header");
        stdin.write_all(body).expect("write body");
        stdin.flush().expect("flush");
    }

    fn send(&mut self, message: Value) {
        self.send_raw(message.to_string().as_bytes());
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    /// The response to request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        let is_it = |message: &Value| {
            message.get("id") == Some(&json!(id)) && message.get("method").is_none()
        };
        if let Some(index) = self.responses.iter().position(is_it) {
            return self.responses.remove(index).expect("present");
        }
        self.wait_for(is_it)
    }

    /// Sends a request and returns the whole response message (with `result` or `error`).
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// Sends a request and returns its result (panics on an error response).
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Receives messages until one matches; answers the server's own requests on the way
    /// and keeps notifications for later.
    fn wait_for(&mut self, mut matches: impl FnMut(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let message = match self.incoming.recv_timeout(left) {
                Ok(message) => message,
                Err(RecvTimeoutError::Timeout) => panic!("no matching message within {TIMEOUT:?}"),
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            };
            self.transcript.push(message.to_string());
            if matches(&message) {
                return message;
            }
            if message.get("method").is_some() && message.get("id").is_some() {
                // A request from the server (registerCapability, …): accept it, and answer
                // `workspace/configuration` with the settings the test gave.
                let id = message["id"].clone();
                let result = match (&self.configuration, message["method"].as_str()) {
                    (Some(settings), Some("workspace/configuration")) => json!([settings]),
                    _ => Value::Null,
                };
                self.send(json!({"jsonrpc": "2.0", "id": id, "result": result}));
            } else if message.get("method").is_some() {
                self.notifications.push_back(message);
            } else {
                self.responses.push_back(message);
            }
        }
    }

    /// The next notification with this method (already received or still to come).
    pub fn notification(&mut self, method: &str) -> Value {
        if let Some(index) = self
            .notifications
            .iter()
            .position(|n| n["method"] == method)
        {
            return self.notifications.remove(index).expect("present");
        }
        let method = method.to_string();
        self.wait_for(|message| message["method"] == method.as_str() && message.get("id").is_none())
    }

    /// The next `publishDiagnostics` for `uri` whose version is at least `version`.
    pub fn diagnostics(&mut self, uri: &str, version: i64) -> Value {
        loop {
            let published = self.notification("textDocument/publishDiagnostics");
            let params = &published["params"];
            if params["uri"] == uri && params["version"].as_i64().unwrap_or(i64::MAX) >= version {
                return params.clone();
            }
        }
    }

    /// The diagnostics of every file once the server has settled after a change of several
    /// files: waits for `last_uri` at `last_version` (the analysis that saw every change),
    /// then keeps the latest publication per file until none came for `quiet`. An analysis
    /// that ran between the changes publishes results the later one replaces.
    pub fn settled_diagnostics(
        &mut self,
        last_uri: &str,
        last_version: i64,
        quiet: Duration,
    ) -> std::collections::BTreeMap<String, Value> {
        let mut latest = std::collections::BTreeMap::new();
        let mut seen_last = false;
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let queued = self
                .notifications
                .iter()
                .position(|n| n["method"] == "textDocument/publishDiagnostics");
            let published = match queued {
                Some(index) => self.notifications.remove(index),
                None if !seen_last => Some(self.notification("textDocument/publishDiagnostics")),
                None => match self.incoming.recv_timeout(quiet) {
                    Ok(message) if message["method"] == "textDocument/publishDiagnostics" => {
                        Some(message)
                    }
                    Ok(message) => {
                        self.notifications.push_back(message);
                        continue;
                    }
                    Err(_) => None,
                },
            };
            let Some(published) = published else {
                return latest;
            };
            assert!(Instant::now() < deadline, "the server did not settle");
            let params = published["params"].clone();
            let uri = params["uri"].as_str().unwrap_or_default().to_string();
            if uri == last_uri && params["version"].as_i64().unwrap_or(0) >= last_version {
                seen_last = true;
            }
            latest.insert(uri, params);
        }
    }

    /// The messages of the next diagnostics for `uri` at `version` or later.
    pub fn diagnostic_messages(&mut self, uri: &str, version: i64) -> Vec<String> {
        self.diagnostics(uri, version)["diagnostics"]
            .as_array()
            .expect("a list")
            .iter()
            .map(|d| d["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// `initialize` + `initialized`; returns the server's capabilities.
    pub fn initialize(&mut self, position_encodings: &[&str]) -> Value {
        self.initialize_with_options(position_encodings, Value::Null)
    }

    /// `initialize` as a full client would: it answers `workspace/configuration` with
    /// `settings` and can create files in workspace edits.
    pub fn initialize_as_full_client(&mut self, options: Value, settings: Value) -> Value {
        self.configuration = Some(settings);
        self.initialize_with(
            options,
            json!({
                "general": {"positionEncodings": ["utf-16"]},
                "workspace": {
                    "didChangeWatchedFiles": {"dynamicRegistration": true},
                    "configuration": true,
                    "workspaceEdit": {"documentChanges": true, "resourceOperations": ["create"]}
                },
                "textDocument": {"publishDiagnostics": {"versionSupport": true}}
            }),
        )
    }

    /// Changes what the client answers to `workspace/configuration` and tells the server.
    pub fn change_configuration(&mut self, settings: Value) {
        self.configuration = Some(settings);
        self.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": null}),
        );
    }

    /// `initialize` with `initializationOptions`.
    pub fn initialize_with_options(
        &mut self,
        position_encodings: &[&str],
        options: Value,
    ) -> Value {
        self.initialize_with(
            options,
            json!({
                "general": {"positionEncodings": position_encodings},
                "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}},
                "textDocument": {"publishDiagnostics": {"versionSupport": true}}
            }),
        )
    }

    /// `initialize` + `initialized` with these options and client capabilities; returns the
    /// server's capabilities.
    fn initialize_with(&mut self, options: Value, capabilities: Value) -> Value {
        let result = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "initializationOptions": options,
                "capabilities": capabilities
            }),
        );
        self.notify("initialized", json!({}));
        result["capabilities"].clone()
    }

    pub fn open(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "prisma", "version": version, "text": text}}),
        );
    }

    /// One incremental change: replace `(line, character)` to `(line, character)` by `text`.
    pub fn change(
        &mut self,
        uri: &str,
        version: i64,
        start: (u32, u32),
        end: (u32, u32),
        text: &str,
    ) {
        self.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{
                    "range": {"start": {"line": start.0, "character": start.1}, "end": {"line": end.0, "character": end.1}},
                    "text": text
                }]
            }),
        );
    }

    pub fn text_of(&mut self, uri: &str) -> Value {
        self.request("prismaAnalyzer/documentText", json!({"uri": uri}))
    }

    /// `shutdown` + `exit`; the process's exit status.
    pub fn shutdown(mut self) -> ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit()
    }

    /// `shutdown` + `exit`; the exit status, everything received, and the server's stderr
    /// (for a client started with [`LspClient::start_logging`]).
    pub fn finish(mut self) -> (ExitStatus, String, String) {
        let stderr = self.stderr.take();
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let transcript = self.transcript();
        let status = self.wait_exit();
        let log = stderr
            .map(|reader| reader.join().expect("the stderr reader"))
            .unwrap_or_default();
        (status, transcript, log)
    }

    pub fn wait_exit(mut self) -> ExitStatus {
        drop(self.stdin.take());
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().expect("waitable") {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `file://` URI for a path.
pub fn file_uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// The byte offset of an LSP position (UTF-16 columns), as LSP defines lines: ended by
/// `\n`, `\r\n` or `\r`. Written apart from the server's own conversion, as a client would.
pub fn lsp_offset(text: &str, line: u32, character: u32) -> usize {
    let mut line_start = 0;
    let mut current = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while current < line {
        if i >= bytes.len() {
            return text.len();
        }
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                i += 2;
                current += 1;
                line_start = i;
            }
            b'\r' | b'\n' => {
                i += 1;
                current += 1;
                line_start = i;
            }
            _ => i += 1,
        }
    }
    let mut offset = line_start;
    let mut units = 0;
    for c in text[line_start..].chars() {
        if c == '\n' || c == '\r' || units + c.len_utf16() as u32 > character {
            break;
        }
        units += c.len_utf16() as u32;
        offset += c.len_utf8();
    }
    offset
}

/// The LSP position (line, UTF-16 column) of a byte offset, as LSP defines lines; an offset
/// between the `\r` and `\n` of a pair is the end of its line.
pub fn lsp_position(text: &str, offset: usize) -> (u32, u32) {
    let bytes = text.as_bytes();
    let (mut line, mut line_start, mut i) = (0u32, 0usize, 0usize);
    while i < offset.min(bytes.len()) {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                if i + 1 == offset {
                    break;
                }
                i += 2;
                line += 1;
                line_start = i;
            }
            b'\r' | b'\n' => {
                i += 1;
                line += 1;
                line_start = i;
            }
            _ => i += 1,
        }
    }
    let end = offset.min(bytes.len()).max(line_start);
    let column: usize = text[line_start..end]
        .chars()
        .filter(|c| *c != '\r')
        .map(char::len_utf16)
        .sum();
    (line, column as u32)
}
