//! Notifications the server writes itself, straight into the guard's output (`framing`),
//! past the framework.
//!
//! Why: the framework turns a notification's parameters into a `serde_json::Value` tree
//! (one map per object, one string per key), serialises that, and drops it. For diagnostics
//! that is most of a keystroke's cost on a large schema (thousands of findings, each
//! republished on every version). Serialising the typed parameters directly into the frame
//! writes the same bytes without the tree.

use serde::Serialize;
use tokio::sync::mpsc::UnboundedSender;
use tower_lsp_server::ls_types::{Diagnostic, PublishDiagnosticsParams, Uri};

/// Where whole frames go: the guard writes them between the framework's own.
#[derive(Clone)]
pub(super) struct Outbox {
    frames: UnboundedSender<Vec<u8>>,
}

#[derive(Serialize)]
struct Notification<'a, P> {
    jsonrpc: &'static str,
    method: &'a str,
    params: &'a P,
}

impl Outbox {
    pub(super) fn new(frames: UnboundedSender<Vec<u8>>) -> Self {
        Outbox { frames }
    }

    /// `textDocument/publishDiagnostics` for one document.
    pub(super) fn publish_diagnostics(
        &self,
        uri: Uri,
        diagnostics: Vec<Diagnostic>,
        version: Option<i32>,
    ) {
        let params = PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        };
        self.notify("textDocument/publishDiagnostics", &params);
    }

    /// `textDocument/publishDiagnostics` for one document, of the analysis' findings.
    pub(super) fn publish_findings(
        &self,
        uri: &Uri,
        diagnostics: Vec<super::convert::PublishedDiagnostic<'_>>,
        version: i32,
    ) {
        #[derive(Serialize)]
        struct Params<'a> {
            uri: &'a Uri,
            diagnostics: Vec<super::convert::PublishedDiagnostic<'a>>,
            version: i32,
        }
        let params = Params {
            uri,
            diagnostics,
            version,
        };
        self.notify("textDocument/publishDiagnostics", &params);
    }

    fn notify<P: Serialize>(&self, method: &str, params: &P) {
        let notification = Notification {
            jsonrpc: "2.0",
            method,
            params,
        };
        let body = match serde_json::to_vec(&notification) {
            Ok(body) => body,
            Err(error) => {
                tracing::error!("cannot serialise a {method} notification: {error}");
                return;
            }
        };
        super::protocol_log::trace_message("->", &body);
        // The output is gone only when the server is stopping: nothing left to tell.
        let _ = self.frames.send(super::framing::frame(&body));
    }
}
