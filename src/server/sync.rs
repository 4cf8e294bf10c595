//! Document synchronisation: didOpen, didChange, didClose and watched files, and the
//! server's text of a document (`prismaAnalyzer/documentText`). These handlers never await
//! (see the module docs of `server`): edits apply in the order sent.

use super::Backend;
use super::documents::Document;
use crate::workspace;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

#[derive(serde::Deserialize)]
pub(super) struct DocumentTextParams {
    uri: Uri,
}

pub(super) fn did_open(server: &Backend, params: DidOpenTextDocumentParams) {
    let item = params.text_document;
    let document = Document::new(item.uri.clone(), item.version, &item.text);
    if document.is_too_large() {
        server.log_too_large(&item.uri);
    }
    if let Some(path) = &document.path {
        server
            .state
            .open_paths
            .insert(path.clone(), item.uri.clone());
    }
    server.state.documents.insert(item.uri.clone(), document);
    server.forget_schema_layouts();
    server.schedule_all_open();
}

pub(super) fn did_change(server: &Backend, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    {
        let Some(mut document) = server.state.documents.get_mut(&uri) else {
            server.log(
                MessageType::WARNING,
                format!("ignored a change to {}, which is not open", uri.as_str()),
            );
            return;
        };
        let encoding = server.state.encoding();
        let was_too_large = document.is_too_large();
        for change in &params.content_changes {
            document.apply_change(change, encoding);
        }
        document.version = params.text_document.version;
        if document.is_too_large() && !was_too_large {
            drop(document);
            server.log_too_large(&uri);
        }
    }
    server.schedule(uri);
}

pub(super) fn did_close(server: &Backend, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    if let Some((_, document)) = server.state.documents.remove(&uri)
        && let Some(path) = &document.path
    {
        server.state.open_paths.remove(path);
    }
    server
        .state
        .semantic_tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .remove(&uri);
    server.forget_schema_layouts();
    // Its diagnostics go with it; its schema's other open files see the disk version now.
    server
        .state
        .outbox
        .publish_diagnostics(uri, Vec::new(), None);
    server.schedule_all_open();
}

pub(super) fn did_change_watched_files(server: &Backend, params: DidChangeWatchedFilesParams) {
    {
        let mut disk = server.state.disk.lock().unwrap_or_else(|e| e.into_inner());
        for change in &params.changes {
            if let Some(path) = change.uri.to_file_path() {
                disk.remove(path.as_ref());
            }
        }
    }
    server.forget_schema_layouts();
    server.schedule_all_open();
}

impl Backend {
    pub(super) async fn document_text(
        &self,
        params: DocumentTextParams,
    ) -> RpcResult<Option<String>> {
        Ok(self
            .state
            .documents
            .get(&params.uri)
            .map(|document| document.text()))
    }

    /// Reports a problem to the client's log without waiting (never await in an edit handler).
    fn log_too_large(&self, uri: &Uri) {
        self.log(
            MessageType::WARNING,
            format!(
                "{} is over {} MiB: it is not analysed until it is smaller",
                uri.as_str(),
                workspace::MAX_SCHEMA_BYTES >> 20
            ),
        );
    }

    fn forget_schema_layouts(&self) {
        self.state
            .schema_files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}
