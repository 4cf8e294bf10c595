//! Layer 5 (interactive side): the language server over stdio.
//!
//! Ordering: tower-lsp dispatches messages concurrently, but the part of a handler before
//! its first `.await` runs in arrival order. Every handler that changes a document does all
//! of its work synchronously (no `.await` at all), so edits apply in the order sent.
//! Parsing, model updates and analysis run on one worker thread fed by a channel: queued
//! work for a document is coalesced, and a result is published only if the document has
//! not changed since (stale analyses are dropped). Requests refresh the document they need
//! synchronously, so they always see the latest text.

mod advice;
mod convert;
mod database;
mod documents;
mod framing;
mod json_scan;
mod protocol_log;
mod settings;

use crate::analysis;
use crate::ide;
use crate::model::{FileId, FileModel, Schema, SourceFile};
use crate::syntax::PositionEncoding;
use crate::workspace;
use dashmap::DashMap;
use documents::Document;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;
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
    let (service, socket) = LspService::build(move |client| Backend::new(client, flag))
        .custom_method(DOCUMENT_TEXT_METHOD, Backend::document_text)
        .finish();
    // The framework talks to the guard in `framing`, which talks to the client.
    const PIPE_BYTES: usize = 1 << 20;
    let (to_server, server_input) = tokio::io::duplex(PIPE_BYTES);
    let (server_output, from_server) = tokio::io::duplex(PIPE_BYTES);
    let (errors, error_frames) = mpsc::unbounded_channel();
    let reader = tokio::spawn(framing::filter_input(input, to_server, errors));
    let writer = tokio::spawn(framing::merge_output(from_server, output, error_frames));
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

#[derive(serde::Deserialize)]
struct DocumentTextParams {
    uri: Uri,
}

/// What the worker thread is asked to do.
enum Job {
    /// Analyse the schema of this document and publish its diagnostics.
    Analyze(Uri),
    /// A new snapshot of the database of this schema (by its first file) has been read:
    /// advise its open files afresh.
    Refresh(Uri),
}

/// A file read from disk for a multi-file schema (not open in the editor).
struct DiskFile {
    modified: Option<SystemTime>,
    model: Arc<FileModel>,
}

/// Everything the handlers and the worker share.
struct State {
    documents: DashMap<Uri, Document>,
    /// Open documents by path, to find them among a schema's files.
    open_paths: DashMap<PathBuf, Uri>,
    encoding: OnceLock<PositionEncoding>,
    /// Options from the client (`initializationOptions`, then `workspace/configuration`);
    /// a prisma-analyzer.toml next to (or above) a schema overrides them.
    client_options: Mutex<analysis::Options>,
    /// Configuration files, read again only when they change.
    settings: Mutex<crate::settings::SettingsCache>,
    /// Whether the client can create files in a workspace edit (for SQL snippets).
    creates_files: OnceLock<bool>,
    /// Whether the client answers `workspace/configuration`.
    pulls_configuration: OnceLock<bool>,
    /// The last analysis of each schema (by its first file), for code actions.
    last_analysis: Mutex<HashMap<Uri, LastAnalysis>>,
    /// The last advice of each schema, shown (moved) while fresh advice is computed.
    advice: Mutex<HashMap<Uri, analysis::AdviceMemory>>,
    /// Held while checking that a result is current and publishing it.
    publishing: Mutex<()>,
    disk: Mutex<HashMap<PathBuf, DiskFile>>,
    /// The files of the schema each open file belongs to (cleared when files change).
    schema_files: Mutex<HashMap<PathBuf, Vec<PathBuf>>>,
    /// The last semantic tokens sent for each open document, for `full/delta` requests.
    semantic_tokens: Mutex<HashMap<Uri, SentTokens>>,
    /// Snapshots of the live database of each schema (`database-url`).
    databases: Arc<database::Databases>,
}

/// Semantic tokens as sent: the result id the client will name, and the flat array.
struct SentTokens {
    result_id: String,
    data: Vec<u32>,
    /// The tokens of the document's blocks, reused for the blocks the next edits leave alone.
    cache: ide::TokenCache,
}

/// At most this many workspace symbols are returned (the editor filters further as the
/// user types, and sends a new query).
const WORKSPACE_SYMBOL_LIMIT: usize = 256;

/// What the worker found in a schema, and for which versions of its files.
struct LastAnalysis {
    files: Vec<(Uri, Option<i32>)>,
    options: analysis::Options,
    diagnostics: Arc<Vec<analysis::Diagnostic>>,
}

impl SchemaSnapshot {
    /// The URI of each file, by file id.
    fn uri_of(&self) -> HashMap<u32, Uri> {
        self.files
            .iter()
            .enumerate()
            .map(|(index, (file_uri, _))| (index as u32, file_uri.clone()))
            .collect()
    }
}

/// A position in a schema, for the requests about what is under the cursor.
struct Cursor {
    snapshot: SchemaSnapshot,
    file: FileId,
    offset: u32,
}

impl Cursor {
    fn location(&self, span: crate::model::Span, encoding: PositionEncoding) -> Option<Location> {
        let uri = self.snapshot.files.get(span.file.0 as usize)?.0.clone();
        let file = self.snapshot.schema.file(span.file);
        Some(Location::new(uri, convert::range(file, span, encoding)))
    }
}

/// A schema assembled for one analysis or request.
struct SchemaSnapshot {
    schema: Schema,
    /// Per file id: its URI, and its version when it is open in the editor.
    files: Vec<(Uri, Option<i32>)>,
}

impl State {
    fn encoding(&self) -> PositionEncoding {
        self.encoding.get().copied().unwrap_or_default()
    }

    fn files_of_schema(&self, path: &Path) -> Vec<PathBuf> {
        let mut cache = self.schema_files.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(path.to_path_buf())
            .or_insert_with(|| workspace::schema_files_for(path))
            .clone()
    }

    /// The model of a file that is not open, read (again only when it changed) from disk.
    fn disk_model(&self, path: &Path, file_id: FileId) -> Option<Arc<FileModel>> {
        let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
        let mut disk = self.disk.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(cached) = disk
            .get_mut(path)
            .filter(|c| c.modified == modified && modified.is_some())
        {
            if cached.model.file_id() != file_id {
                Arc::make_mut(&mut cached.model).set_file_id(file_id);
            }
            return Some(Arc::clone(&cached.model));
        }
        match workspace::read_schema_file(path) {
            Ok(text) => {
                let source = SourceFile::parse(path.display().to_string(), text);
                let model = Arc::new(FileModel::new(file_id, source));
                disk.insert(
                    path.to_path_buf(),
                    DiskFile {
                        modified,
                        model: Arc::clone(&model),
                    },
                );
                Some(model)
            }
            Err(error) => {
                tracing::warn!("{error}; the file is left out of its schema");
                disk.remove(path);
                None
            }
        }
    }

    /// Brings an open document up to date as file `file_id`; its model and version.
    fn refresh(&self, uri: &Uri, file_id: FileId) -> Option<(Arc<FileModel>, i32)> {
        let mut document = self.documents.get_mut(uri)?;
        let model = document.refresh(file_id);
        Some((model, document.version))
    }

    /// The schema `uri` belongs to: the document and, in a multi-file schema folder, the
    /// other files (open ones from the editor, the rest from disk).
    fn schema_for(&self, uri: &Uri) -> Option<SchemaSnapshot> {
        let path = self.documents.get(uri)?.path.clone();
        let paths = match &path {
            Some(path) => self.files_of_schema(path),
            None => Vec::new(),
        };
        let mut models = Vec::new();
        let mut files = Vec::new();
        let mut has_self = false;
        for file_path in &paths {
            let file_id = FileId(models.len() as u32);
            let open = self.open_paths.get(file_path).map(|u| u.clone());
            let entry = match open {
                Some(open_uri) => self
                    .refresh(&open_uri, file_id)
                    .map(|(model, version)| (model, open_uri.clone(), Some(version))),
                None => self
                    .disk_model(file_path, file_id)
                    .and_then(|model| Some((model, Uri::from_file_path(file_path)?, None))),
            };
            if let Some((model, file_uri, version)) = entry {
                has_self |= &file_uri == uri;
                models.push(model);
                files.push((file_uri, version));
            }
        }
        if !has_self {
            // Not a file on disk, or not (yet) one of its folder's files: the document alone.
            models.clear();
            files.clear();
            let (model, version) = self.refresh(uri, FileId(0))?;
            models.push(model);
            files.push((uri.clone(), Some(version)));
        }
        Some(SchemaSnapshot {
            schema: Schema::from_models(models),
            files,
        })
    }

    /// The schema of `uri`, with the id of that document's file in it.
    fn document_in_schema(&self, uri: &Uri) -> Option<(SchemaSnapshot, FileId)> {
        let snapshot = self.schema_for(uri)?;
        let index = snapshot
            .files
            .iter()
            .position(|(file_uri, _)| file_uri == uri)?;
        Some((snapshot, FileId(index as u32)))
    }

    /// Whether some open document shares a schema whose first file is `first`.
    fn schema_is_open(&self, first: &Uri) -> bool {
        let Some(path) = first.to_file_path() else {
            return false;
        };
        let cache = self.schema_files.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .values()
            .any(|files| files.first().is_some_and(|f| f.as_path() == path.as_ref()))
    }

    /// Whether `uri` is still open at `version` with nothing left to parse.
    fn is_current(&self, uri: &Uri, version: i32) -> bool {
        self.documents
            .get(uri)
            .is_some_and(|d| d.version == version && !d.is_dirty())
    }
}

struct Backend {
    client: Client,
    state: Arc<State>,
    jobs: mpsc::UnboundedSender<Job>,
    shutdown: Arc<AtomicBool>,
}

impl Backend {
    fn new(client: Client, shutdown: Arc<AtomicBool>) -> Self {
        let state = Arc::new(State {
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
                analysis_worker(worker_state, worker_client, receiver, worker_jobs, runtime)
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

    fn schedule(&self, uri: Uri) {
        // Fails only when the worker is gone (shutting down): nothing to do then.
        let _ = self.jobs.send(Job::Analyze(uri));
    }

    fn schedule_all_open(&self) {
        let uris: Vec<Uri> = self
            .state
            .documents
            .iter()
            .map(|d| d.key().clone())
            .collect();
        uris.into_iter().for_each(|uri| self.schedule(uri));
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

    fn log(&self, kind: MessageType, message: String) {
        tracing::warn!("{message}");
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }

    /// The schema of `uri` with the file and byte offset of an LSP position in it.
    fn cursor(&self, uri: &Uri, position: Position) -> Option<Cursor> {
        let (snapshot, file) = self.state.document_in_schema(uri)?;
        let offset = convert::offset(snapshot.schema.file(file), position, self.state.encoding());
        Some(Cursor {
            snapshot,
            file,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
        })
    }

    fn forget_schema_layouts(&self) {
        self.state
            .schema_files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> RpcResult<InitializeResult> {
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
        let _ = self.state.encoding.set(encoding);
        let (options, problems) = settings::client_options(params.initialization_options.as_ref());
        for problem in problems {
            tracing::warn!("initializationOptions: {problem}");
        }
        *self
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
        let _ = self.state.creates_files.set(creates_files);
        let pulls_configuration = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.configuration)
            .unwrap_or(false);
        let _ = self.state.pulls_configuration.set(pulls_configuration);
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
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::REFACTOR,
                            CodeActionKind::SOURCE,
                        ]),
                        ..Default::default()
                    },
                )),
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

    async fn initialized(&self, _: InitializedParams) {
        // Watch the schema files that are not open, to re-analyse folder schemas. A request
        // to the client: spawned, never awaited in a handler (see the module docs).
        let client = self.client.clone();
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
        self.pull_configuration();
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        if self.state.pulls_configuration.get() == Some(&true) {
            self.pull_configuration();
        } else if let Some(section) = params.settings.get(settings::CONFIGURATION_SECTION) {
            self.apply_client_settings(section);
        }
    }

    async fn formatting(
        &self,
        params: DocumentFormattingParams,
    ) -> RpcResult<Option<Vec<TextEdit>>> {
        let Some((snapshot, file_id)) = self.state.document_in_schema(&params.text_document.uri)
        else {
            return Ok(None);
        };
        let file = snapshot.schema.file(file_id);
        // Refused: a block or comment is never closed (formatting would guess its shape), or
        // the layout would change how the file's syntax errors read.
        let Ok(formatted) = ide::format_file(&snapshot.schema, file_id) else {
            return Ok(None);
        };
        if formatted == file.text {
            return Ok(Some(Vec::new()));
        }
        let whole = crate::model::Span::new(file_id, 0..file.text.len());
        Ok(Some(vec![TextEdit {
            range: convert::range(file, whole, self.state.encoding()),
            new_text: formatted,
        }]))
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> RpcResult<Option<GotoDefinitionResponse>> {
        let at = params.text_document_position_params;
        let Some(cursor) = self.cursor(&at.text_document.uri, at.position) else {
            return Ok(None);
        };
        let found = ide::definition(&cursor.snapshot.schema, cursor.file, cursor.offset)
            .and_then(|span| cursor.location(span, self.state.encoding()));
        Ok(found.map(GotoDefinitionResponse::Scalar))
    }

    async fn references(&self, params: ReferenceParams) -> RpcResult<Option<Vec<Location>>> {
        let at = params.text_document_position;
        let Some(cursor) = self.cursor(&at.text_document.uri, at.position) else {
            return Ok(None);
        };
        let encoding = self.state.encoding();
        let locations = ide::references(
            &cursor.snapshot.schema,
            cursor.file,
            cursor.offset,
            params.context.include_declaration,
        )
        .into_iter()
        .filter_map(|span| cursor.location(span, encoding))
        .collect();
        Ok(Some(locations))
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> RpcResult<Option<Vec<DocumentHighlight>>> {
        let at = params.text_document_position_params;
        let Some(cursor) = self.cursor(&at.text_document.uri, at.position) else {
            return Ok(None);
        };
        let file = cursor.snapshot.schema.file(cursor.file);
        let encoding = self.state.encoding();
        let highlights = ide::highlights(&cursor.snapshot.schema, cursor.file, cursor.offset)
            .into_iter()
            .map(|(span, declaration)| DocumentHighlight {
                range: convert::range(file, span, encoding),
                kind: Some(if declaration {
                    DocumentHighlightKind::WRITE
                } else {
                    DocumentHighlightKind::READ
                }),
            })
            .collect();
        Ok(Some(highlights))
    }

    async fn hover(&self, params: HoverParams) -> RpcResult<Option<Hover>> {
        let at = params.text_document_position_params;
        let Some(cursor) = self.cursor(&at.text_document.uri, at.position) else {
            return Ok(None);
        };
        let schema = &cursor.snapshot.schema;
        let Some(found) = ide::hover(schema, cursor.file, cursor.offset) else {
            return Ok(None);
        };
        let mut markdown = found.markdown;
        // With a live database: the model's table or the field's column, as measured.
        let snapshot = cursor
            .snapshot
            .files
            .first()
            .and_then(|(schema_key, _)| self.state.databases.snapshot(schema_key));
        let measured = snapshot.and_then(|snapshot| {
            match ide::symbol_at(schema, cursor.file, cursor.offset)? {
                ide::SymbolRef::Type(id) => {
                    crate::database::table_stats(schema, &snapshot, schema.block(id))
                }
                ide::SymbolRef::Field { block, field } => {
                    let block = schema.block(block);
                    let field = block.fields.get(field as usize)?;
                    crate::database::column_stats(schema, &snapshot, block, field)
                }
                _ => None,
            }
        });
        if let Some(measured) = measured {
            markdown.push_str("\n\n---\n\n");
            markdown.push_str(&measured);
        }
        let file = schema.file(found.span.file);
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: markdown,
            }),
            range: (found.span.file == cursor.file)
                .then(|| convert::range(file, found.span, self.state.encoding())),
        }))
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> RpcResult<Option<PrepareRenameResponse>> {
        let Some(cursor) = self.cursor(&params.text_document.uri, params.position) else {
            return Ok(None);
        };
        match ide::prepare_rename(&cursor.snapshot.schema, cursor.file, cursor.offset) {
            Ok(span) => {
                let file = cursor.snapshot.schema.file(span.file);
                Ok(Some(PrepareRenameResponse::Range(convert::range(
                    file,
                    span,
                    self.state.encoding(),
                ))))
            }
            Err(message) => Err(tower_lsp_server::jsonrpc::Error::invalid_params(message)),
        }
    }

    async fn rename(&self, params: RenameParams) -> RpcResult<Option<WorkspaceEdit>> {
        let at = params.text_document_position;
        let Some(cursor) = self.cursor(&at.text_document.uri, at.position) else {
            return Ok(None);
        };
        let edits = ide::rename(
            &cursor.snapshot.schema,
            cursor.file,
            cursor.offset,
            &params.new_name,
        )
        .map_err(tower_lsp_server::jsonrpc::Error::invalid_params)?;
        let encoding = self.state.encoding();
        let uri_of = cursor.snapshot.uri_of();
        let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
        for edit in edits {
            let Some(uri) = uri_of.get(&edit.span.file.0) else {
                continue;
            };
            let file = cursor.snapshot.schema.file(edit.span.file);
            changes.entry(uri.clone()).or_default().push(TextEdit {
                range: convert::range(file, edit.span, encoding),
                new_text: edit.new_text,
            });
        }
        Ok(Some(WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }))
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> RpcResult<Option<Vec<TextEdit>>> {
        let Some((snapshot, file_id)) = self.state.document_in_schema(&params.text_document.uri)
        else {
            return Ok(None);
        };
        let file = snapshot.schema.file(file_id);
        let encoding = self.state.encoding();
        let std::ops::Range { start, end } = convert::byte_range(file, params.range, encoding);
        // Every block the range touches, each formatted on its own.
        let mut edits = Vec::new();
        for block in &snapshot.schema.file_model(file_id).blocks {
            let (block_start, block_end) = (block.span.start as usize, block.span.end as usize);
            if block_end < start || end < block_start {
                continue;
            }
            let Some((range, text)) = ide::format_block(&snapshot.schema, file_id, block_start)
            else {
                continue;
            };
            if file.text.get(range.clone()) == Some(text.as_str()) {
                continue;
            }
            let span = crate::model::Span::new(file_id, range);
            edits.push(TextEdit {
                range: convert::range(file, span, encoding),
                new_text: text,
            });
        }
        Ok(Some(edits))
    }

    async fn code_action(&self, params: CodeActionParams) -> RpcResult<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let Some(snapshot) = self.state.schema_for(&uri) else {
            return Ok(None);
        };
        let Some((schema_key, _)) = snapshot.files.first() else {
            return Ok(None);
        };
        let file_id = FileId(
            snapshot
                .files
                .iter()
                .position(|(file_uri, _)| *file_uri == uri)
                .unwrap_or(0) as u32,
        );
        let options = settings::schema_options(&self.state, schema_key).options;
        let reused = self
            .state
            .last_analysis
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get(schema_key)
            .filter(|last| last.files == snapshot.files && last.options == options)
            .map(|last| Arc::clone(&last.diagnostics));
        let diagnostics = match reused {
            Some(diagnostics) => diagnostics,
            None => Arc::new(analysis::check_with(&snapshot.schema, options.clone())),
        };
        let encoding = self.state.encoding();
        let file = snapshot.schema.file(file_id);
        let at =
            crate::model::Span::new(file_id, convert::byte_range(file, params.range, encoding));
        // Only a URL in a Prisma 7 datasource needs to know (from the disk) whether the
        // project has a prisma.config.ts.
        let moves_urls = diagnostics
            .iter()
            .any(|d| d.code == analysis::codes::VERSION_DATASOURCE_URL);
        let schema_paths: Vec<std::path::PathBuf> = snapshot
            .files
            .iter()
            .filter(|_| moves_urls)
            .filter_map(|(file_uri, _)| file_uri.to_file_path())
            .map(|path| path.into_owned())
            .collect();
        let new_config = workspace::new_prisma_config(&schema_paths)
            .map(|(path, schema_path)| ide::NewPrismaConfig { path, schema_path });
        // The diagnostics the client names (matched by range and message), so their fixes
        // are offered wherever the cursor is.
        let named: Vec<usize> = params
            .context
            .diagnostics
            .iter()
            .filter_map(|named| {
                let span = crate::model::Span::new(
                    file_id,
                    convert::byte_range(file, named.range, encoding),
                );
                diagnostics
                    .iter()
                    .position(|ours| ours.span == span && ours.message == named.message)
            })
            .collect();
        let actions = ide::code_actions(
            &snapshot.schema,
            &options,
            &diagnostics,
            ide::ActionRequest {
                at,
                named_diagnostics: &named,
                new_config: new_config.as_ref(),
            },
        );
        let only = params.context.only.unwrap_or_default();
        let uri_of = snapshot.uri_of();
        let creates_files = self.state.creates_files.get() == Some(&true);
        let response: CodeActionResponse = actions
            .iter()
            .filter_map(|action| {
                let kind = convert::action_kind(action.kind);
                let wanted = only.is_empty()
                    || only.iter().any(|prefix| {
                        kind.as_str() == prefix.as_str()
                            || kind.as_str().starts_with(&format!("{}.", prefix.as_str()))
                    });
                if !wanted || (action.new_file.is_some() && !creates_files) {
                    return None;
                }
                let diagnostic = action.diagnostic.and_then(|index| diagnostics.get(index));
                convert::code_action(&snapshot.schema, action, diagnostic, &uri_of, encoding)
                    .map(CodeActionOrCommand::CodeAction)
            })
            .collect();
        Ok(Some(response))
    }

    async fn shutdown(&self) -> RpcResult<()> {
        self.shutdown.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let item = params.text_document;
        let document = Document::new(item.uri.clone(), item.version, &item.text);
        if document.is_too_large() {
            self.log_too_large(&item.uri);
        }
        if let Some(path) = &document.path {
            self.state.open_paths.insert(path.clone(), item.uri.clone());
        }
        self.state.documents.insert(item.uri.clone(), document);
        self.forget_schema_layouts();
        self.schedule_all_open();
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let Some(mut document) = self.state.documents.get_mut(&uri) else {
                self.log(
                    MessageType::WARNING,
                    format!("ignored a change to {}, which is not open", uri.as_str()),
                );
                return;
            };
            let encoding = self.state.encoding();
            let was_too_large = document.is_too_large();
            for change in &params.content_changes {
                document.apply_change(change, encoding);
            }
            document.version = params.text_document.version;
            if document.is_too_large() && !was_too_large {
                drop(document);
                self.log_too_large(&uri);
            }
        }
        self.schedule(uri);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        if let Some((_, document)) = self.state.documents.remove(&uri)
            && let Some(path) = &document.path
        {
            self.state.open_paths.remove(path);
        }
        self.state
            .semantic_tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(&uri);
        self.forget_schema_layouts();
        // Its diagnostics go with it; its schema's other open files see the disk version now.
        let client = self.client.clone();
        tokio::spawn(async move { client.publish_diagnostics(uri, Vec::new(), None).await });
        self.schedule_all_open();
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        {
            let mut disk = self.state.disk.lock().unwrap_or_else(|e| e.into_inner());
            for change in &params.changes {
                if let Some(path) = change.uri.to_file_path() {
                    disk.remove(path.as_ref());
                }
            }
        }
        self.forget_schema_layouts();
        self.schedule_all_open();
    }

    async fn completion(&self, params: CompletionParams) -> RpcResult<Option<CompletionResponse>> {
        let position = params.text_document_position;
        let uri = position.text_document.uri;
        let Some(snapshot) = self.state.schema_for(&uri) else {
            return Ok(None);
        };
        let Some(index) = snapshot
            .files
            .iter()
            .position(|(file_uri, _)| file_uri == &uri)
        else {
            return Ok(None);
        };
        let file_id = FileId(index as u32);
        let source = snapshot.schema.file(file_id);
        let offset = convert::offset(source, position.position, self.state.encoding());
        let items = ide::complete(&snapshot.schema, file_id, offset)
            .iter()
            .map(convert::completion_item)
            .collect();
        Ok(Some(CompletionResponse::Array(items)))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> RpcResult<Option<DocumentSymbolResponse>> {
        let uri = params.text_document.uri;
        let Some((model, _)) = self.state.refresh(&uri, self.current_file_id(&uri)) else {
            return Ok(None);
        };
        let encoding = self.state.encoding();
        let symbols = ide::document_symbols(&model)
            .iter()
            .map(|symbol| convert::document_symbol(&model.source, symbol, encoding))
            .collect();
        Ok(Some(DocumentSymbolResponse::Nested(symbols)))
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> RpcResult<Option<SemanticTokensResult>> {
        let uri = params.text_document.uri;
        let Some((data, cache)) = self.semantic_token_data(&uri) else {
            return Ok(None);
        };
        let tokens = convert::lsp_tokens(&data);
        let result_id = self.remember_tokens(&uri, data, cache);
        Ok(Some(SemanticTokensResult::Tokens(SemanticTokens {
            result_id: Some(result_id),
            data: tokens,
        })))
    }

    async fn semantic_tokens_full_delta(
        &self,
        params: SemanticTokensDeltaParams,
    ) -> RpcResult<Option<SemanticTokensFullDeltaResult>> {
        let uri = params.text_document.uri;
        let Some((data, cache)) = self.semantic_token_data(&uri) else {
            return Ok(None);
        };
        // The edits go from what the client holds; when it names another result (or none
        // was kept), it gets the whole array.
        let previous = {
            let sent = self
                .state
                .semantic_tokens
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            sent.get(&uri)
                .filter(|sent| sent.result_id == params.previous_result_id)
                .map(|sent| ide::tokens_delta(&sent.data, &data))
        };
        let result = match previous {
            Some(delta) => {
                let edits = delta
                    .map(|(start, delete_count, inserted)| SemanticTokensEdit {
                        start,
                        delete_count,
                        data: Some(convert::lsp_tokens(&inserted)),
                    })
                    .into_iter()
                    .collect();
                let result_id = self.remember_tokens(&uri, data, cache);
                SemanticTokensFullDeltaResult::TokensDelta(SemanticTokensDelta {
                    result_id: Some(result_id),
                    edits,
                })
            }
            None => {
                let tokens = convert::lsp_tokens(&data);
                let result_id = self.remember_tokens(&uri, data, cache);
                SemanticTokensFullDeltaResult::Tokens(SemanticTokens {
                    result_id: Some(result_id),
                    data: tokens,
                })
            }
        };
        Ok(Some(result))
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> RpcResult<Option<SemanticTokensRangeResult>> {
        let Some((snapshot, file_id)) = self.state.document_in_schema(&params.text_document.uri)
        else {
            return Ok(None);
        };
        let file = snapshot.schema.file(file_id);
        let encoding = self.state.encoding();
        let std::ops::Range { start, end } = convert::byte_range(file, params.range, encoding);
        let tokens = ide::semantic_tokens_in(&snapshot.schema, file_id, start..end);
        let data = convert::semantic_tokens(file, &tokens, encoding);
        Ok(Some(SemanticTokensRangeResult::Tokens(SemanticTokens {
            result_id: None,
            data: convert::lsp_tokens(&data),
        })))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> RpcResult<Option<Vec<InlayHint>>> {
        let Some((snapshot, file_id)) = self.state.document_in_schema(&params.text_document.uri)
        else {
            return Ok(None);
        };
        let file = snapshot.schema.file(file_id);
        let encoding = self.state.encoding();
        let std::ops::Range { start, end } = convert::byte_range(file, params.range, encoding);
        Ok(Some(
            ide::inlay_hints(&snapshot.schema, file_id, start..end)
                .iter()
                .map(|hint| convert::inlay_hint(file, hint, encoding))
                .collect(),
        ))
    }

    async fn document_link(
        &self,
        params: DocumentLinkParams,
    ) -> RpcResult<Option<Vec<DocumentLink>>> {
        let uri = params.text_document.uri;
        let Some((model, _)) = self.state.refresh(&uri, self.current_file_id(&uri)) else {
            return Ok(None);
        };
        // No `.env` (or a document that is not a file): no links.
        let dotenv = uri
            .to_file_path()
            .and_then(|path| workspace::find_dotenv(&path))
            .and_then(|path| {
                let text = workspace::read_text_file(&path, workspace::MAX_PROJECT_FILE_BYTES);
                Some((text.ok()?, path))
            });
        let Some((dotenv_text, dotenv_path)) = dotenv else {
            return Ok(Some(Vec::new()));
        };
        let encoding = self.state.encoding();
        Ok(Some(
            ide::env_links(&model, &dotenv_path, &dotenv_text)
                .iter()
                .filter_map(|link| convert::document_link(&model.source, link, encoding))
                .collect(),
        ))
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> RpcResult<Option<WorkspaceSymbolResponse>> {
        let uris: Vec<Uri> = self
            .state
            .documents
            .iter()
            .map(|d| d.key().clone())
            .collect();
        let encoding = self.state.encoding();
        let mut seen: std::collections::HashSet<Uri> = std::collections::HashSet::new();
        let mut found: Vec<(ide::WorkspaceSymbol, WorkspaceSymbol)> = Vec::new();
        for uri in uris {
            // Each schema once, whichever of its open files comes first.
            if seen.contains(&uri) {
                continue;
            }
            let Some(snapshot) = self.state.schema_for(&uri) else {
                continue;
            };
            seen.extend(snapshot.files.iter().map(|(file_uri, _)| file_uri.clone()));
            let uri_of = snapshot.uri_of();
            for symbol in
                ide::workspace_symbols(&snapshot.schema, &params.query, WORKSPACE_SYMBOL_LIMIT)
            {
                let Some(file_uri) = uri_of.get(&symbol.span.file.0) else {
                    continue;
                };
                let file = snapshot.schema.file(symbol.span.file);
                let converted =
                    convert::workspace_symbol(file, file_uri.clone(), &symbol, encoding);
                found.push((symbol, converted));
            }
        }
        // Open documents come in no particular order: equal ranks go by file and place.
        let place = |symbol: &WorkspaceSymbol| match &symbol.location {
            OneOf::Left(location) => (location.uri.as_str().to_string(), location.range.start),
            OneOf::Right(location) => (location.uri.as_str().to_string(), Position::default()),
        };
        found.sort_by(|a, b| {
            a.0.rank()
                .cmp(&b.0.rank())
                .then_with(|| place(&a.1).cmp(&place(&b.1)))
        });
        found.truncate(WORKSPACE_SYMBOL_LIMIT);
        Ok(Some(WorkspaceSymbolResponse::Nested(
            found.into_iter().map(|(_, symbol)| symbol).collect(),
        )))
    }

    async fn folding_range(
        &self,
        params: FoldingRangeParams,
    ) -> RpcResult<Option<Vec<FoldingRange>>> {
        let uri = params.text_document.uri;
        let Some((model, _)) = self.state.refresh(&uri, self.current_file_id(&uri)) else {
            return Ok(None);
        };
        Ok(Some(
            ide::folding_ranges(&model)
                .iter()
                .map(convert::folding_range)
                .collect(),
        ))
    }
}

/// Handlers of the decoration requests (semantic tokens, inlay hints, links, symbols).
impl Backend {
    /// The semantic tokens of a document now, as the flat LSP array.
    /// With the block cache to keep for the next request.
    fn semantic_token_data(&self, uri: &Uri) -> Option<(Vec<u32>, ide::TokenCache)> {
        let (snapshot, file_id) = self.state.document_in_schema(uri)?;
        // Taken out while computing (two requests at once each get a cache, one empty).
        let mut cache = self
            .state
            .semantic_tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .get_mut(uri)
            .map(|sent| std::mem::take(&mut sent.cache))
            .unwrap_or_default();
        let tokens = ide::semantic_tokens_cached(&snapshot.schema, file_id, &mut cache);
        let file = snapshot.schema.file(file_id);
        let data = convert::semantic_tokens(file, &tokens, self.state.encoding());
        Some((data, cache))
    }

    /// Remembers what is sent for `uri` under a new result id, and returns the id.
    fn remember_tokens(&self, uri: &Uri, data: Vec<u32>, cache: ide::TokenCache) -> String {
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let result_id = NEXT_ID.fetch_add(1, Ordering::Relaxed).to_string();
        self.state
            .semantic_tokens
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                uri.clone(),
                SentTokens {
                    result_id: result_id.clone(),
                    data,
                    cache,
                },
            );
        result_id
    }
}

impl Backend {
    async fn document_text(&self, params: DocumentTextParams) -> RpcResult<Option<String>> {
        Ok(self
            .state
            .documents
            .get(&params.uri)
            .map(|document| document.text()))
    }

    /// The file id the document has now (requests on one file keep it as it is).
    fn current_file_id(&self, uri: &Uri) -> FileId {
        self.state
            .documents
            .get(uri)
            .map_or(FileId(0), |document| document.file_id())
    }
}

/// The worker: analyses schemas and publishes diagnostics, always for the latest text.
///
/// Validation runs here, on every change, and is published at once together with the last
/// advice (moved with its blocks; findings in edited blocks wait). The advisor runs on its
/// own thread (`advice_worker`), on the latest snapshot only, and publishes again when its
/// findings differ: typing never waits for the advisor, and a burst of edits is advised once.
fn analysis_worker(
    state: Arc<State>,
    client: Client,
    mut jobs: mpsc::UnboundedReceiver<Job>,
    job_sender: mpsc::UnboundedSender<Job>,
    runtime: tokio::runtime::Handle,
) {
    // One analyzer (and its per-block cache) per schema, named by the schema's first file.
    let mut analyzers: HashMap<Uri, analysis::Analyzer> = HashMap::new();
    // What was last published for each configuration file (to publish only changes).
    let mut published_settings: HashMap<PathBuf, Vec<crate::settings::SettingsError>> =
        HashMap::new();
    // The configuration files whose unused `database-url` the user was told about (once).
    let mut told_database_url_ignored: std::collections::HashSet<PathBuf> =
        std::collections::HashSet::new();
    let (advice_jobs, advice_receiver) = std::sync::mpsc::channel::<advice::AdviceJob>();
    {
        let (state, client, runtime, job_sender) = (
            Arc::clone(&state),
            client.clone(),
            runtime.clone(),
            job_sender.clone(),
        );
        let spawned = std::thread::Builder::new()
            .name("advice".into())
            .spawn(move || {
                advice::advice_worker(state, client, advice_receiver, job_sender, runtime)
            });
        if let Err(error) = spawned {
            tracing::error!("cannot start the advice thread: {error}");
        }
    }
    // A job names the documents to analyse; a database refresh also drops the schema's
    // remembered advice, so that it is computed afresh with the new snapshot.
    let take = |job: Job, pending: &mut BTreeSet<Uri>| match job {
        Job::Analyze(uri) => {
            pending.insert(uri);
        }
        Job::Refresh(schema_key) => {
            state
                .advice
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&schema_key);
            let last = state
                .last_analysis
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if let Some(last) = last.get(&schema_key) {
                pending.extend(
                    last.files
                        .iter()
                        .filter(|(_, version)| version.is_some())
                        .map(|(uri, _)| uri.clone()),
                );
            }
        }
    };
    while let Some(first) = jobs.blocking_recv() {
        // Everything queued meanwhile is merged: a burst of edits is analysed once.
        let mut pending: BTreeSet<Uri> = BTreeSet::new();
        take(first, &mut pending);
        while let Ok(job) = jobs.try_recv() {
            take(job, &mut pending);
        }
        let mut done: BTreeSet<Uri> = BTreeSet::new();
        for uri in &pending {
            if done.contains(uri) {
                continue;
            }
            let started = std::time::Instant::now();
            let Some(snapshot) = state.schema_for(uri) else {
                continue;
            };
            let assembled = started.elapsed();
            tracing::trace!("schema assembled in {assembled:?}");
            let Some((schema_key, _)) = snapshot.files.first() else {
                continue;
            };
            let schema_key = schema_key.clone();
            let settings = settings::schema_options(&state, &schema_key);
            if let Some((path, errors)) = &settings.file {
                if published_settings.get(path) != Some(errors) {
                    settings::publish_settings_problems(&client, &runtime, path, errors);
                    published_settings.insert(path.clone(), errors.clone());
                }
                if settings.project_database_url_ignored
                    && told_database_url_ignored.insert(path.clone())
                {
                    settings::tell_project_database_url_ignored(&client, &runtime, path);
                }
            }
            let options = settings.options;
            let analyzer = analyzers.entry(schema_key.clone()).or_default();
            let options_changed = analyzer.options() != &options;
            analyzer.set_options(options.clone());
            let validation = analyzer.validate(&snapshot.schema);
            // The advice to show now: remembered from an earlier version (moved with its
            // blocks), or, the first time and after a change of settings, computed here.
            let remembered = {
                let advice = state.advice.lock().unwrap_or_else(|e| e.into_inner());
                advice
                    .get(&schema_key)
                    .filter(|_| !options_changed)
                    .map(|memory| memory.recall(&snapshot.schema))
            };
            let (shown, fresh) = match remembered {
                Some(shown) => (shown, false),
                None => {
                    let mut advice = analysis::advise(&snapshot.schema, &options);
                    state.databases.advise(
                        &schema_key,
                        &snapshot.schema,
                        &options,
                        &mut advice,
                        &runtime,
                        &job_sender,
                    );
                    let mut memory = analysis::AdviceMemory::default();
                    memory.remember(&snapshot.schema, &advice);
                    state
                        .advice
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(schema_key.clone(), memory);
                    (advice, true)
                }
            };
            let mut diagnostics = validation.clone();
            diagnostics.extend(shown.iter().cloned());
            tracing::debug!(
                "analysed {} in {:?} (assembly {assembled:?})",
                uri.as_str(),
                started.elapsed()
            );
            publish_schema(&state, &client, &runtime, &snapshot, &options, diagnostics);
            done.extend(snapshot.files.iter().map(|(file_uri, _)| file_uri.clone()));
            if !fresh {
                let _ = advice_jobs.send(advice::AdviceJob {
                    schema_key,
                    uri: uri.clone(),
                    files: snapshot.files.clone(),
                    options,
                    validation,
                    shown,
                });
            }
        }
        // Analyzers of schemas no longer open go with them.
        analyzers
            .retain(|first, _| state.documents.contains_key(first) || state.schema_is_open(first));
        state
            .databases
            .retain(|first| analyzers.contains_key(first));
        state
            .last_analysis
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|first, _| analyzers.contains_key(first));
        state
            .advice
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|first, _| analyzers.contains_key(first));
    }
}

/// Publishes a schema's diagnostics on each of its open files that is still at the version
/// analysed, and keeps them for code actions. Both workers publish through here, one at a
/// time, so that an older result is never published after a newer one.
fn publish_schema(
    state: &State,
    client: &Client,
    runtime: &tokio::runtime::Handle,
    snapshot: &SchemaSnapshot,
    options: &analysis::Options,
    mut diagnostics: Vec<analysis::Diagnostic>,
) {
    analysis::sort_by_position(&mut diagnostics);
    let _publishing = state.publishing.lock().unwrap_or_else(|e| e.into_inner());
    let encoding = state.encoding();
    let uri_of = snapshot.uri_of();
    for (index, (file_uri, version)) in snapshot.files.iter().enumerate() {
        let Some(version) = *version else {
            continue;
        };
        // A newer version is queued: this result is already stale.
        if !state.is_current(file_uri, version) {
            continue;
        }
        let for_file: Vec<Diagnostic> = diagnostics
            .iter()
            .filter(|d| d.span.file.0 as usize == index)
            .map(|d| convert::diagnostic(&snapshot.schema, d, &uri_of, encoding))
            .collect();
        runtime.block_on(client.publish_diagnostics(file_uri.clone(), for_file, Some(version)));
    }
    if let Some((schema_key, _)) = snapshot.files.first() {
        state
            .last_analysis
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                schema_key.clone(),
                LastAnalysis {
                    files: snapshot.files.clone(),
                    options: options.clone(),
                    diagnostics: Arc::new(diagnostics),
                },
            );
    }
}
