//! One file's model, and how it follows edits without being rebuilt.

use super::lower::{Lowering, TopLevel};
use super::{Block, FileId, SourceFile};
use crate::syntax::{self, ByteEdit, SyntaxError};
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// The file's models, views, composite types and enums by name: each name's block indexes,
/// in source order. Kept across edits that change no declaration's name, kind or place (the
/// `Schema` of every keystroke reads it instead of indexing every block again).
pub(super) type NameIndex = FxHashMap<Box<str>, Vec<u32>>;

/// What a block contributes to the name index: its name, if it is a named type.
fn index_key(block: &Block) -> Option<&str> {
    (block.kind.is_type() && !block.name.is_missing()).then_some(block.name.text.as_str())
}

fn index_names(blocks: &[Block]) -> NameIndex {
    let mut names = NameIndex::default();
    for (index, block) in blocks.iter().enumerate() {
        if let Some(name) = index_key(block) {
            names
                .entry(name.into())
                .or_default()
                .push(u32::try_from(index).unwrap_or(u32::MAX));
        }
    }
    names
}

/// A parsed file and the model of its declarations.
#[derive(Clone, Debug, PartialEq)]
pub struct FileModel {
    pub source: SourceFile,
    /// The declarations, in source order.
    pub blocks: Vec<Block>,
    /// Syntax errors outside any declaration (the blocks keep their own).
    pub top_level_errors: Vec<SyntaxError>,
    file: FileId,
    names: Arc<NameIndex>,
}

impl FileModel {
    /// Lowers the whole file.
    pub fn new(file: FileId, source: SourceFile) -> Self {
        let (blocks, top_level_errors) = Lowering::new(file, &source).lower_all();
        FileModel {
            names: Arc::new(index_names(&blocks)),
            source,
            blocks,
            top_level_errors,
            file,
        }
    }

    /// The file's named types by name (block indexes in source order).
    pub(super) fn names(&self) -> &NameIndex {
        &self.names
    }

    pub fn file_id(&self) -> FileId {
        self.file
    }

    /// Renumbers the file (its place in a schema changed).
    pub fn set_file_id(&mut self, file: FileId) {
        if self.file != file {
            self.file = file;
            self.blocks
                .iter_mut()
                .for_each(|block| block.set_file(file));
        }
    }

    /// Moves every block by `delta` bytes (for measuring the cost of moving blocks).
    #[doc(hidden)]
    pub fn shift_all_for_timing(&mut self, delta: i64) {
        self.blocks.iter_mut().for_each(|block| block.shift(delta));
    }

    /// Every syntax error of the file, in source order.
    pub fn syntax_errors(&self) -> Vec<&SyntaxError> {
        let mut errors: Vec<&SyntaxError> = self
            .top_level_errors
            .iter()
            .chain(self.blocks.iter().flat_map(|b| &b.syntax_errors))
            .collect();
        errors.sort_by_key(|e| e.range.start);
        errors
    }

    /// Takes the file's new text and tree after `edits` (in the order they were made) and
    /// brings the model up to date. A declaration no edit touched (its text, and the lines
    /// above it that hold its doc comment), without syntax errors, that is parsed again with
    /// the same kind and the same bounds is kept and moved: the parser is in its top-level
    /// state at the start of every declaration, so the same error-free text parses the same
    /// way. (Text with errors does not: error recovery weighs the text around it.) Only the
    /// others are lowered again. The result equals `FileModel::new` on the new
    /// source. Returns how many declarations were lowered again.
    pub fn update(&mut self, source: SourceFile, edits: &[ByteEdit]) -> usize {
        // Where each old block is now, and whether an edit touched it.
        let mut moved: Vec<Option<i64>> = vec![Some(0); self.blocks.len()];
        for edit in edits {
            for (block, shift) in self.blocks.iter().zip(moved.iter_mut()) {
                let Some(delta) = shift else {
                    continue;
                };
                let leading = block.leading as i64 + *delta;
                let end = block.span.end as i64 + *delta;
                if end < edit.start as i64 {
                    continue;
                }
                if leading > edit.old_end as i64 {
                    *delta += edit.delta();
                } else {
                    *shift = None;
                }
            }
        }
        // The name-index keys of the blocks an edit touched, by position: if exactly those
        // positions are lowered again with the same keys, the name index still holds.
        let touched: Vec<(usize, Option<String>)> = self
            .blocks
            .iter()
            .zip(&moved)
            .enumerate()
            .filter(|(_, (_, shift))| shift.is_none())
            .map(|(index, (block, _))| (index, index_key(block).map(str::to_string)))
            .collect();
        let old_count = self.blocks.len();
        let mut relowered: Vec<(usize, Option<String>)> = Vec::new();
        let mut reusable: Vec<Option<Block>> = std::mem::take(&mut self.blocks)
            .into_iter()
            .zip(moved)
            .map(|(mut block, shift)| {
                let delta = shift?;
                block.shift(delta);
                Some(block)
            })
            .collect();

        let lowering = Lowering::new(self.file, &source);
        let mut blocks = Vec::with_capacity(reusable.len());
        let mut errors = Vec::new();
        // Old blocks are in source order, like the new declarations: one forward scan.
        let mut next_old = 0;
        let mut lowered = 0;
        for item in lowering.top_level() {
            match item {
                TopLevel::Declaration(node, kind) => {
                    let range = node.byte_range();
                    while next_old < reusable.len()
                        && reusable[next_old]
                            .as_ref()
                            .is_none_or(|b| (b.span.start as usize) < range.start)
                    {
                        next_old += 1;
                    }
                    // Error recovery weighs the text around a mistake, so only error-free
                    // declarations are sure to parse the same way wherever they stand.
                    let same = !node.has_error()
                        && reusable
                            .get(next_old)
                            .and_then(Option::as_ref)
                            .is_some_and(|b| {
                                b.syntax_errors.is_empty()
                                    && b.kind == kind
                                    && b.span.start as usize == range.start
                                    && b.span.end as usize == range.end
                            });
                    match reusable.get_mut(next_old).filter(|_| same) {
                        Some(slot) => blocks.extend(slot.take()),
                        None => {
                            lowered += 1;
                            let block = lowering.block(kind, node, true);
                            relowered.push((blocks.len(), index_key(&block).map(str::to_string)));
                            blocks.push(block);
                        }
                    }
                }
                TopLevel::DeclarationInError(node, kind) => {
                    lowered += 1;
                    let block = lowering.block(kind, node, false);
                    relowered.push((blocks.len(), index_key(&block).map(str::to_string)));
                    blocks.push(block);
                }
                TopLevel::Error(node) => errors.push(node),
            }
        }
        self.top_level_errors = syntax::describe_errors(&source.text, errors);
        if blocks.len() != old_count || relowered != touched {
            self.names = Arc::new(index_names(&blocks));
        }
        self.blocks = blocks;
        drop(lowering);
        self.source = source;
        lowered
    }
}
