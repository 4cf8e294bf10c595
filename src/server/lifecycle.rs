//! The session's start and end: capabilities offered in `initialize`, the file watchers
//! registered once `initialized`, and `shutdown`.

use super::{Backend, convert, settings};
use crate::syntax::PositionEncoding;
use std::sync::atomic::Ordering;
use tower_lsp_server::jsonrpc::Result as RpcResult;
use tower_lsp_server::ls_types::*;

pub(super) fn initialize(
    server: &Backend,
    params: InitializeParams,
) -> RpcResult<InitializeResult> {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_ref());
    let utf8 = offered.is_some_and(|encodings| encodings.contains(&PositionEncodingKind::UTF8));
    let (encoding, kind) = if utf8 {
        (PositionEncoding::Utf8, PositionEncodingKind::UTF8)
    } else {
        (PositionEncoding::Utf16, PositionEncodingKind::UTF16)
    };
    let _ = server.state.encoding.set(encoding);
    let (options, problems) = settings::client_options(params.initialization_options.as_ref());
    for problem in problems {
        tracing::warn!("initializationOptions: {problem}");
    }
    *server
        .state
        .client_options
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = options;
    let creates_files = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.workspace_edit.as_ref())
        .is_some_and(|edit| {
            edit.document_changes == Some(true)
                && edit
                    .resource_operations
                    .as_ref()
                    .is_some_and(|ops| ops.contains(&ResourceOperationKind::Create))
        });
    let _ = server.state.creates_files.set(creates_files);
    let pulls_configuration = params
        .capabilities
        .workspace
        .as_ref()
        .and_then(|w| w.configuration)
        .unwrap_or(false);
    let _ = server.state.pulls_configuration.set(pulls_configuration);
    Ok(InitializeResult {
        capabilities: ServerCapabilities {
            position_encoding: Some(kind),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    ..Default::default()
                },
            )),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(
                    ["@", ".", "(", "[", ",", " ", "\"", ":"]
                        .map(String::from)
                        .to_vec(),
                ),
                ..Default::default()
            }),
            document_symbol_provider: Some(OneOf::Left(true)),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            document_highlight_provider: Some(OneOf::Left(true)),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            rename_provider: Some(OneOf::Right(RenameOptions {
                prepare_provider: Some(true),
                work_done_progress_options: Default::default(),
            })),
            document_formatting_provider: Some(OneOf::Left(true)),
            document_range_formatting_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::REFACTOR,
                    CodeActionKind::SOURCE,
                ]),
                ..Default::default()
            })),
            folding_range_provider: Some(FoldingRangeProviderCapability::Simple(true)),
            semantic_tokens_provider: Some(
                SemanticTokensOptions {
                    legend: convert::semantic_tokens_legend(),
                    range: Some(true),
                    full: Some(SemanticTokensFullOptions::Delta { delta: Some(true) }),
                    ..Default::default()
                }
                .into(),
            ),
            inlay_hint_provider: Some(OneOf::Left(true)),
            document_link_provider: Some(DocumentLinkOptions {
                resolve_provider: Some(false),
                work_done_progress_options: Default::default(),
            }),
            workspace_symbol_provider: Some(OneOf::Left(true)),
            ..Default::default()
        },
        server_info: Some(ServerInfo {
            name: "prisma-analyzer".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        ..Default::default()
    })
}

pub(super) fn initialized(server: &Backend) {
    // Watch the schema files that are not open, to re-analyse folder schemas. A request
    // to the client: spawned, never awaited in a handler (see the `server` module docs).
    let client = server.client.clone();
    tokio::spawn(async move {
        // Schema files, and the configuration (re-read on every analysis).
        let watchers = ["**/*.prisma", "**/prisma-analyzer.toml"]
            .map(|glob| FileSystemWatcher {
                glob_pattern: GlobPattern::String(glob.to_string()),
                kind: None,
            })
            .to_vec();
        let registration = Registration {
            id: "prisma-files".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        if let Err(error) = client.register_capability(vec![registration]).await {
            tracing::info!("the client does not watch files for us: {error}");
        }
    });
    server.pull_configuration();
}

pub(super) fn shutdown(server: &Backend) -> RpcResult<()> {
    server.shutdown.store(true, Ordering::SeqCst);
    Ok(())
}
