//! Layer 5 (interactive side): the language server over stdio.
//!
//! Ordering: tower-lsp dispatches messages concurrently, but the part of a handler before
//! its first `.await` runs in arrival order. Every handler that changes a document does all
//! of its work synchronously (no `.await` at all), so edits apply in the order sent.
//! Parsing, model updates and analysis run on one worker thread fed by a channel: queued
//! work for a document is coalesced, and a result is published only if the document has
//! not changed since (stale analyses are dropped). Requests refresh the document they need
//! synchronously, so they always see the latest text.
//!
//! Layout: `state` holds what handlers and workers share (documents, schema assembly);
//! `sync` applies edits; `diagnostics` runs the analysis worker and publishes (`advice` the
//! advisor's thread); each request family has its own module, and the `LanguageServer`
//! impl below only dispatches to them.

mod advice;
mod code_actions;
mod completion;
mod convert;
mod database;
mod diagnostics;
mod documents;
mod formatting;
mod framing;
mod hover;
mod inlay_hints;
mod json_scan;
mod lifecycle;
mod links;
mod navigation;
mod outbox;
mod protocol_log;
mod semantic_tokens;
mod settings;
mod state;
mod symbols;
mod sync;

use crate::analysis;
use dashmap::DashMap;
use diagnostics::Job;
use state::State;
use std::collections::HashMap;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::atomic::Ordering;
use std::sync::{Mutex, OnceLock};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// Runs the server on stdin/stdout until the client says `exit` (or closes stdin).
pub fn run() -> ExitCode {
    protocol_log::init_tracing();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::from(2);
        }
    };
    let clean_shutdown = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // The stdin reader may still be blocked in a read: do not wait for it.
    runtime.shutdown_background();
    // LSP: exit code 0 after `shutdown`, 1 when `exit` (or EOF) came without it.
    if clean_shutdown {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Serves one client over any byte streams; returns whether it shut down cleanly.
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: tokio::io::AsyncRead + Unpin + Send + 'static,
    O: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let shutdown = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&shutdown);
    // Frames the server writes itself: the guard's answers and the outbox's notifications.
    let (injected, injected_frames) = mpsc::unbounded_channel();
    let outbox = outbox::Outbox::new(injected.clone());
    let (service, socket) = LspService::build(move |client| Backend::new(client, flag, outbox))
        .custom_method(DOCUMENT_TEXT_METHOD, Backend::document_text)
        .finish();
    // The framework talks to the guard in `framing`, which talks to the client.
    const PIPE_BYTES: usize = 1 << 20;
    let (to_server, server_input) = tokio::io::duplex(PIPE_BYTES);
    let (server_output, from_server) = tokio::io::duplex(PIPE_BYTES);
    let reader = tokio::spawn(framing::filter_input(input, to_server, injected));
    let writer = tokio::spawn(framing::merge_output(from_server, output, injected_frames));
    Server::new(server_input, server_output, socket)
        .serve(service)
        .await;
    // After `exit` the framework stops; stop reading, and let the last answers out.
    reader.abort();
    let _ = writer.await;
    shutdown.load(Ordering::SeqCst)
}

/// A custom request: the server's current text of an open document (`{"uri": …}` → the
/// text, or null). For tests and for debugging a client's edits.
pub const DOCUMENT_TEXT_METHOD: &str = "prismaAnalyzer/documentText";

struct Backend {
    client: Client,
    state: Arc<State>,
    jobs: mpsc::UnboundedSender<Job>,
    shutdown: Arc<AtomicBool>,
}

impl Backend {
    fn new(client: Client, shutdown: Arc<AtomicBool>, outbox: outbox::Outbox) -> Self {
        let state = Arc::new(State {
            outbox,
            documents: DashMap::new(),
            open_paths: DashMap::new(),
            encoding: OnceLock::new(),
            client_options: Mutex::new(analysis::Options::default()),
            settings: Mutex::new(crate::settings::SettingsCache::default()),
            creates_files: OnceLock::new(),
            pulls_configuration: OnceLock::new(),
            last_analysis: Mutex::new(HashMap::new()),
            advice: Mutex::new(HashMap::new()),
            publishing: Mutex::new(()),
            disk: Mutex::new(HashMap::new()),
            schema_files: Mutex::new(HashMap::new()),
            semantic_tokens: Mutex::new(HashMap::new()),
            databases: Arc::default(),
        });
        let (jobs, receiver) = mpsc::unbounded_channel();
        let worker_state = Arc::clone(&state);
        let worker_client = client.clone();
        let worker_jobs = jobs.clone();
        let runtime = tokio::runtime::Handle::current();
        let spawned = std::thread::Builder::new()
            .name("analysis".into())
            .spawn(move || {
                diagnostics::analysis_worker(
                    worker_state,
                    worker_client,
                    receiver,
                    worker_jobs,
                    runtime,
                )
            });
        if let Err(error) = spawned {
            tracing::error!("cannot start the analysis thread: {error}");
        }
        Backend {
            client,
            state,
            jobs,
            shutdown,
        }
    }

    fn log(&self, kind: MessageType, message: String) {
        tracing::warn!("{message}");
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }
}

/// Each request family is handled in its own module; these only dispatch.
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
        lifecycle::initialize(self, params)
    }

    async fn initialized(&self, _: InitializedParams) {
        lifecycle::initialized(self)
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        settings::did_change_configuration(self, params)
    }

    async fn formatting(
        &self,
        params: DocumentFormattingParams,
    ) -> RpcResult<Option<Vec<TextEdit>>> {
        formatting::formatting(self, params)
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> RpcResult<Option<GotoDefinitionResponse>> {
        navigation::goto_definition(self, params)
    }

    async fn references(&self, params: ReferenceParams) -> RpcResult<Option<Vec<Location>>> {
        navigation::references(self, params)
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> RpcResult<Option<Vec<DocumentHighlight>>> {
        navigation::document_highlight(self, params)
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        hover::hover(self, params)
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> RpcResult<Option<PrepareRenameResponse>> {
        navigation::prepare_rename(self, params)
    }

    async fn rename(&self, params: RenameParams) -> RpcResult<Option<WorkspaceEdit>> {
        navigation::rename(self, params)
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> RpcResult<Option<Vec<TextEdit>>> {
        formatting::range_formatting(self, params)
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        code_actions::code_action(self, params)
    }

    async fn shutdown(&self) -> RpcResult<()> {
        lifecycle::shutdown(self)
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        sync::did_open(self, params)
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        sync::did_change(self, params)
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        sync::did_close(self, params)
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        sync::did_change_watched_files(self, params)
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        completion::completion(self, params)
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> RpcResult<Option<DocumentSymbolResponse>> {
        symbols::document_symbol(self, params)
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> RpcResult<Option<SemanticTokensResult>> {
        semantic_tokens::semantic_tokens_full(self, params)
    }

    async fn semantic_tokens_full_delta(
        &self,
        params: SemanticTokensDeltaParams,
    ) -> RpcResult<Option<SemanticTokensFullDeltaResult>> {
        semantic_tokens::semantic_tokens_full_delta(self, params)
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> RpcResult<Option<SemanticTokensRangeResult>> {
        semantic_tokens::semantic_tokens_range(self, params)
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> RpcResult<Option<Vec<InlayHint>>> {
        inlay_hints::inlay_hint(self, params)
    }

    async fn document_link(
        &self,
        params: DocumentLinkParams,
    ) -> RpcResult<Option<Vec<DocumentLink>>> {
        links::document_link(self, params)
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> RpcResult<Option<WorkspaceSymbolResponse>> {
        symbols::symbol(self, params)
    }

    async fn folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> RpcResult<Option<Vec<FoldingRange>>> {
        symbols::folding_range(self, params)
    }
}
