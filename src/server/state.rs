//! What the handlers and the workers share: the open documents, files read from disk, and
//! the schema a document belongs to, assembled for each analysis or request.

use super::Backend;
use super::convert;
use super::database;
use super::diagnostics::LastAnalysis;
use super::documents::Document;
use super::semantic_tokens::SentTokens;
use crate::analysis;
use crate::model::{FileId, FileModel, Schema, SourceFile};
use crate::syntax::PositionEncoding;
use crate::workspace;
use dashmap::DashMap;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::SystemTime;
use tower_lsp_server::ls_types::*;

/// A file read from disk for a multi-file schema (not open in the editor).
pub(super) struct DiskFile {
    modified: Option<SystemTime>,
    model: Arc<FileModel>,
}

/// Everything the handlers and the worker share.
pub(super) struct State {
    /// Where diagnostics are published (see `outbox`).
    pub(super) outbox: super::outbox::Outbox,
    pub(super) documents: DashMap<Uri, Document>,
    /// Open documents by path, to find them among a schema's files.
    pub(super) open_paths: DashMap<PathBuf, Uri>,
    pub(super) encoding: OnceLock<PositionEncoding>,
    /// Options from the client (`initializationOptions`, then `workspace/configuration`);
    /// a prisma-analyzer.toml next to (or above) a schema overrides them.
    pub(super) client_options: Mutex<analysis::Options>,
    /// Configuration files, read again only when they change.
    pub(super) settings: Mutex<crate::settings::SettingsCache>,
    /// Whether the client can create files in a workspace edit (for SQL snippets).
    pub(super) creates_files: OnceLock<bool>,
    /// Whether the client answers `workspace/configuration`.
    pub(super) pulls_configuration: OnceLock<bool>,
    /// The last analysis of each schema (by its first file), for code actions.
    pub(super) last_analysis: Mutex<HashMap<Uri, LastAnalysis>>,
    /// The last advice of each schema, shown (moved) while fresh advice is computed.
    pub(super) advice: Mutex<HashMap<Uri, analysis::AdviceMemory>>,
    /// Held while checking that a result is current and publishing it.
    pub(super) publishing: Mutex<()>,
    pub(super) disk: Mutex<HashMap<PathBuf, DiskFile>>,
    /// The files of the schema each open file belongs to (cleared when files change).
    pub(super) schema_files: Mutex<HashMap<PathBuf, Vec<PathBuf>>>,
    /// The last semantic tokens sent for each open document, for `full/delta` requests.
    pub(super) semantic_tokens: Mutex<HashMap<Uri, SentTokens>>,
    /// Snapshots of the live database of each schema (`database-url`).
    pub(super) databases: Arc<database::Databases>,
}

impl SchemaSnapshot {
    /// The URI of each file, by file id.
    pub(super) fn uri_of(&self) -> HashMap<u32, Uri> {
        self.files
            .iter()
            .enumerate()
            .map(|(index, (file_uri, _))| (index as u32, file_uri.clone()))
            .collect()
    }
}

/// A position in a schema, for the requests about what is under the cursor.
pub(super) struct Cursor {
    pub(super) snapshot: SchemaSnapshot,
    pub(super) file: FileId,
    pub(super) offset: u32,
}

impl Cursor {
    pub(super) fn location(
        &self,
        span: crate::model::Span,
        encoding: PositionEncoding,
    ) -> Option<Location> {
        let uri = self.snapshot.files.get(span.file.0 as usize)?.0.clone();
        let file = self.snapshot.schema.file(span.file);
        Some(Location::new(uri, convert::range(file, span, encoding)))
    }
}

/// A schema assembled for one analysis or request.
pub(super) struct SchemaSnapshot {
    pub(super) schema: Schema,
    /// Per file id: its URI, and its version when it is open in the editor.
    pub(super) files: Vec<(Uri, Option<i32>)>,
}

impl State {
    pub(super) fn encoding(&self) -> PositionEncoding {
        self.encoding.get().copied().unwrap_or_default()
    }

    pub(super) fn files_of_schema(&self, path: &Path) -> Vec<PathBuf> {
        let mut cache = self.schema_files.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .entry(path.to_path_buf())
            .or_insert_with(|| workspace::schema_files_for(path))
            .clone()
    }

    /// The model of a file that is not open, read (again only when it changed) from disk.
    pub(super) fn disk_model(&self, path: &Path, file_id: FileId) -> Option<Arc<FileModel>> {
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
    pub(super) fn refresh(&self, uri: &Uri, file_id: FileId) -> Option<(Arc<FileModel>, i32)> {
        let mut document = self.documents.get_mut(uri)?;
        let model = document.refresh(file_id);
        Some((model, document.version))
    }

    /// The schema `uri` belongs to: the document and, in a multi-file schema folder, the
    /// other files (open ones from the editor, the rest from disk).
    pub(super) fn schema_for(&self, uri: &Uri) -> Option<SchemaSnapshot> {
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
    pub(super) fn document_in_schema(&self, uri: &Uri) -> Option<(SchemaSnapshot, FileId)> {
        let snapshot = self.schema_for(uri)?;
        let index = snapshot
            .files
            .iter()
            .position(|(file_uri, _)| file_uri == uri)?;
        Some((snapshot, FileId(index as u32)))
    }

    /// For the requests about a range of a document: its schema, its file id, and the
    /// range in bytes (converted with the negotiated encoding, clamped to the text).
    pub(super) fn document_range(
        &self,
        uri: &Uri,
        range: Range,
    ) -> Option<(SchemaSnapshot, FileId, std::ops::Range<usize>)> {
        let (snapshot, file_id) = self.document_in_schema(uri)?;
        let bytes = convert::byte_range(snapshot.schema.file(file_id), range, self.encoding());
        Some((snapshot, file_id, bytes))
    }

    /// Whether some open document shares a schema whose first file is `first`.
    pub(super) fn schema_is_open(&self, first: &Uri) -> bool {
        let Some(path) = first.to_file_path() else {
            return false;
        };
        let cache = self.schema_files.lock().unwrap_or_else(|e| e.into_inner());
        cache
            .values()
            .any(|files| files.first().is_some_and(|f| f.as_path() == path.as_ref()))
    }

    /// Whether `uri` is still open at `version` with nothing left to parse.
    pub(super) fn is_current(&self, uri: &Uri, version: i32) -> bool {
        self.documents
            .get(uri)
            .is_some_and(|d| d.version == version && !d.is_dirty())
    }
}

/// The state as requests see it.
impl Backend {
    /// The schema of `uri` with the file and byte offset of an LSP position in it.
    pub(super) fn cursor(&self, uri: &Uri, position: Position) -> Option<Cursor> {
        let (snapshot, file) = self.state.document_in_schema(uri)?;
        let offset = convert::offset(snapshot.schema.file(file), position, self.state.encoding());
        Some(Cursor {
            snapshot,
            file,
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
        })
    }

    /// The file id the document has now (requests on one file keep it as it is).
    pub(super) fn current_file_id(&self, uri: &Uri) -> FileId {
        self.state
            .documents
            .get(uri)
            .map_or(FileId(0), |document| document.file_id())
    }
}
