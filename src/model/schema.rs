//! A schema: the files Prisma reads together, seen as one model.

use super::{Block, BlockKind, FileId, FileModel, SourceFile, Span};
use crate::syntax::SyntaxError;
use std::sync::Arc;

/// A whole schema: one or more files and the declarations in them. Cheap to assemble from
/// files that are already lowered (the server keeps one `FileModel` per file and builds a
/// `Schema` for each analysis).
pub struct Schema {
    /// Each file keeps its named types by name (`FileModel::names`): a schema is assembled
    /// without indexing its blocks again.
    files: Vec<Arc<FileModel>>,
}

/// A block of a schema: its file and its index in that file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlockId {
    pub file: FileId,
    pub index: u32,
}

impl Schema {
    /// Builds the model of a schema made of these files (file ids follow their order).
    pub fn new(files: Vec<SourceFile>) -> Self {
        let models = files
            .into_iter()
            .enumerate()
            .map(|(index, source)| Arc::new(FileModel::new(file_id(index), source)))
            .collect();
        Schema::from_models(models)
    }

    /// A one-file schema from text.
    pub fn parse(name: impl Into<String>, text: impl Into<String>) -> Self {
        Schema::new(vec![SourceFile::parse(name, text)])
    }

    /// A schema of files that are already lowered. Each file's id must be its index here
    /// (see `FileModel::set_file_id`).
    pub fn from_models(files: Vec<Arc<FileModel>>) -> Self {
        debug_assert!(
            files
                .iter()
                .enumerate()
                .all(|(index, file)| file.file_id() == file_id(index)),
            "file ids follow the schema's order"
        );
        Schema { files }
    }

    /// The same schema with the text of some files replaced (those parsed and lowered
    /// afresh, the others shared): what an edit of those files would make of it.
    pub fn with_texts(&self, replaced: &[(FileId, String)]) -> Schema {
        let files = self
            .files
            .iter()
            .enumerate()
            .map(|(index, file)| {
                let id = file_id(index);
                match replaced.iter().find(|(file, _)| *file == id) {
                    Some((_, text)) => Arc::new(FileModel::new(
                        id,
                        SourceFile::parse(file.source.name.clone(), text.clone()),
                    )),
                    None => Arc::clone(file),
                }
            })
            .collect();
        Schema::from_models(files)
    }

    pub fn file_count(&self) -> usize {
        self.files.len()
    }

    /// Ids of the files, in order.
    pub fn file_ids(&self) -> impl Iterator<Item = FileId> + use<> {
        (0..self.files.len()).map(file_id)
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize].source
    }

    pub fn file_model(&self, id: FileId) -> &FileModel {
        &self.files[id.0 as usize]
    }

    /// Every block of every file, in file order then source order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.files.iter().flat_map(|file| file.blocks.iter())
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.files[id.file.0 as usize].blocks[id.index as usize]
    }

    /// The syntax errors of one file, in source order.
    pub fn syntax_errors(&self, file: FileId) -> Vec<&SyntaxError> {
        self.file_model(file).syntax_errors()
    }

    /// The first model, view, composite type or enum with this name.
    pub fn find_type(&self, name: &str) -> Option<&Block> {
        self.find_type_id(name).map(|id| self.block(id))
    }

    /// The id of the first model, view, composite type or enum with this name.
    pub fn find_type_id(&self, name: &str) -> Option<BlockId> {
        self.files.iter().enumerate().find_map(|(file, model)| {
            let &index = model.names().get(name)?.first()?;
            Some(BlockId {
                file: file_id(file),
                index,
            })
        })
    }

    /// Every model, view, composite type or enum declared with this name (more than one is
    /// an error), in schema order.
    pub fn declarations_of<'a, 'n>(
        &'a self,
        name: &'n str,
    ) -> impl Iterator<Item = &'a Block> + use<'a, 'n> {
        self.files
            .iter()
            .enumerate()
            .flat_map(move |(file, model)| {
                model
                    .names()
                    .get(name)
                    .into_iter()
                    .flatten()
                    .map(move |&index| {
                        self.block(BlockId {
                            file: file_id(file),
                            index,
                        })
                    })
            })
    }

    pub fn find_model(&self, name: &str) -> Option<&Block> {
        self.find_type(name).filter(|b| b.kind == BlockKind::Model)
    }

    pub fn find_enum(&self, name: &str) -> Option<&Block> {
        self.find_type(name).filter(|b| b.kind == BlockKind::Enum)
    }

    pub fn find_composite_type(&self, name: &str) -> Option<&Block> {
        self.find_type(name)
            .filter(|b| b.kind == BlockKind::CompositeType)
    }

    pub fn blocks_of_kind(&self, kind: BlockKind) -> impl Iterator<Item = &Block> {
        self.blocks().filter(move |b| b.kind == kind)
    }

    pub fn models(&self) -> impl Iterator<Item = &Block> {
        self.blocks_of_kind(BlockKind::Model)
    }

    pub fn enums(&self) -> impl Iterator<Item = &Block> {
        self.blocks_of_kind(BlockKind::Enum)
    }

    /// The first datasource (Prisma allows only one).
    pub fn datasource(&self) -> Option<&Block> {
        self.blocks_of_kind(BlockKind::Datasource).next()
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.file(span.file).slice(span)
    }
}

pub(crate) fn file_id(index: usize) -> FileId {
    FileId(u32::try_from(index).unwrap_or(u32::MAX))
}
