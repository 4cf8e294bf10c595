//! Open documents: their text, its line index, their tree, and their model, kept up to date
//! by edits applied strictly in the order the client sent them.

use crate::model::{FileId, FileModel, SourceFile};
use crate::syntax::{self, ByteEdit, LineCol, LineIndex, PositionEncoding};
use std::path::PathBuf;
use std::sync::Arc;
use tower_lsp_server::ls_types::{Position, TextDocumentContentChangeEvent, Uri};
use tree_sitter::{InputEdit, Tree};

/// One open document.
pub struct Document {
    pub uri: Uri,
    /// The file on disk, when the URI is a `file:` URI.
    pub path: Option<PathBuf>,
    pub version: i32,
    /// The text with its line index, kept in step: LSP positions, and the parser's points
    /// (lines end at `\n`, `\r\n` or `\r` for both; see `syntax::parse`).
    text: String,
    line_index: LineIndex,
    /// The last parsed tree, with the edits made since (`pending`) already recorded on it.
    tree: Tree,
    /// Edits applied to the text since the last parse, in order.
    pending: Vec<ByteEdit>,
    /// The whole text was replaced (or never parsed): parse from scratch.
    needs_full_parse: bool,
    model: Arc<FileModel>,
}

impl Document {
    pub fn new(uri: Uri, version: i32, text: &str) -> Self {
        let path = uri.to_file_path().map(|p| p.into_owned());
        let placeholder = FileModel::new(FileId(0), SourceFile::parse(uri.as_str(), String::new()));
        Document {
            uri,
            path,
            version,
            text: text.to_string(),
            line_index: LineIndex::new(text),
            tree: placeholder.source.tree.clone(),
            pending: Vec::new(),
            needs_full_parse: true,
            model: Arc::new(placeholder),
        }
    }

    /// Applies one content change of a `didChange`. Positions out of range are clamped.
    pub fn apply_change(
        &mut self,
        change: &TextDocumentContentChangeEvent,
        encoding: PositionEncoding,
    ) {
        let Some(range) = change.range else {
            self.text = change.text.clone();
            self.line_index = LineIndex::new(&self.text);
            self.needs_full_parse = true;
            self.pending.clear();
            return;
        };
        let a = self.position_to_byte(range.start, encoding);
        let b = self.position_to_byte(range.end, encoding);
        let (start, old_end) = (a.min(b), a.max(b));
        let edit = ByteEdit::replacing(&self.text, start, old_end, change.text.len());
        let start_position = self.line_index.point(&self.text, edit.start);
        let old_end_position = self.line_index.point(&self.text, edit.old_end);
        self.text.replace_range(start..old_end, &change.text);
        self.line_index
            .apply_edit(&self.text, start, old_end, edit.new_end);
        if self.needs_full_parse {
            return;
        }
        self.tree.edit(&InputEdit {
            start_byte: edit.start,
            old_end_byte: edit.old_end,
            new_end_byte: edit.new_end,
            start_position,
            old_end_position,
            new_end_position: self.line_index.point(&self.text, edit.new_end),
        });
        self.pending.push(edit);
    }

    /// The byte offset of an LSP position. A line past the end gives the end of the text, a
    /// character past the end of its line gives the end of the line (before its line
    /// break), and a position inside a character gives the character's start.
    pub fn position_to_byte(&self, position: Position, encoding: PositionEncoding) -> usize {
        let position = LineCol {
            line: position.line,
            col: position.character,
        };
        self.line_index.offset(&self.text, position, encoding)
    }

    /// Whether edits are waiting to be parsed.
    pub fn is_dirty(&self) -> bool {
        self.needs_full_parse || !self.pending.is_empty()
    }

    /// Whether the text is over the size analysed (`workspace::MAX_SCHEMA_BYTES`, as the
    /// CLI's limit): such a document is kept, and analysed as if it were empty.
    pub fn is_too_large(&self) -> bool {
        self.text.len() as u64 > crate::workspace::MAX_SCHEMA_BYTES
    }

    /// Parses what changed (incrementally when it can) and brings the model up to date as
    /// file `file_id` of its schema; returns the model.
    pub fn refresh(&mut self, file_id: FileId) -> Arc<FileModel> {
        if self.is_too_large() {
            self.model = Arc::new(FileModel::new(
                file_id,
                SourceFile::parse(self.uri.as_str(), ""),
            ));
            self.tree = self.model.source.tree.clone();
            // Parsed from scratch once it is small enough again.
            self.needs_full_parse = true;
            self.pending.clear();
            return Arc::clone(&self.model);
        }
        if self.needs_full_parse {
            let source = SourceFile::parse(self.uri.as_str(), self.text.clone());
            self.tree = source.tree.clone();
            self.model = Arc::new(FileModel::new(file_id, source));
            self.needs_full_parse = false;
            self.pending.clear();
        } else if !self.pending.is_empty() {
            let started = std::time::Instant::now();
            let text = self.text.clone();
            let new_tree = syntax::parse(&text, Some(&self.tree));
            let parsed = started.elapsed();
            let source = SourceFile::with_line_index(
                self.uri.as_str(),
                text,
                new_tree.clone(),
                self.line_index.clone(),
            );
            let model = Arc::make_mut(&mut self.model);
            model.set_file_id(file_id);
            let lowered = model.update(source, &self.pending);
            tracing::debug!(
                "re-parsed {} after {} edits in {:?}; model updated in {:?} ({lowered} blocks lowered)",
                self.uri.as_str(),
                self.pending.len(),
                parsed,
                started.elapsed() - parsed
            );
            self.tree = new_tree;
            self.pending.clear();
        }
        if self.model.file_id() != file_id {
            Arc::make_mut(&mut self.model).set_file_id(file_id);
        }
        Arc::clone(&self.model)
    }

    /// The file id the document had in its last analysis.
    pub fn file_id(&self) -> FileId {
        self.model.file_id()
    }

    /// The current text.
    pub fn text(&self) -> String {
        self.text.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp_server::ls_types::Range;

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.to_string(),
        }
    }

    fn document(text: &str) -> Document {
        let uri: Uri = "file:///tmp/schema.prisma".parse().expect("a URI");
        let mut document = Document::new(uri, 1, text);
        document.refresh(FileId(0));
        document
    }

    #[test]
    fn utf16_and_utf8_positions_after_multibyte_text() {
        let mut doc = document("// Привет 😀\r\nmodel A {\r\n}\r\n");
        // After the emoji (UTF-16: 10 + 2 units; UTF-8: 3 + 12 + 1 + 4 bytes).
        doc.apply_change(&change((0, 12), (0, 12), "!"), PositionEncoding::Utf16);
        doc.apply_change(&change((0, 21), (0, 21), "?"), PositionEncoding::Utf8);
        assert_eq!(doc.text(), "// Привет 😀!?\r\nmodel A {\r\n}\r\n");
        // A position past the line's end stays before its `\r\n`.
        doc.apply_change(&change((1, 99), (1, 99), " "), PositionEncoding::Utf16);
        assert_eq!(doc.text(), "// Привет 😀!?\r\nmodel A { \r\n}\r\n");
        // A line past the end appends.
        doc.apply_change(
            &change((40, 0), (41, 3), "enum B {\n  X\n}\n"),
            PositionEncoding::Utf16,
        );
        assert!(doc.text().ends_with("}\r\nenum B {\n  X\n}\n"));
        let model = doc.refresh(FileId(0));
        assert_eq!(model.blocks.len(), 2);
        assert_eq!(
            *model,
            FileModel::new(FileId(0), SourceFile::parse(doc.uri.as_str(), doc.text()))
        );
    }

    #[test]
    fn reversed_range_and_surrogate_halves_are_tolerated() {
        let mut doc = document("a😀b\n");
        // A range given end-first, ending inside the surrogate pair.
        doc.apply_change(&change((0, 2), (0, 0), ""), PositionEncoding::Utf16);
        assert_eq!(doc.text(), "😀b\n");
    }
}
