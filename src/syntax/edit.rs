//! Text edits in byte offsets, and their tree-sitter form.

use tree_sitter::{InputEdit, Point};

/// An edit in byte offsets: `start..old_end` of the old text became `start..new_end` of
/// the new one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteEdit {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

impl ByteEdit {
    /// The edit that replaces `old_text[start..old_end]` with `inserted_len` bytes, as the
    /// parser must see it: a `\r` just before the edit is included, because whether it is a
    /// lone `\r` (which the parser reads as `\n`) or the first half of `\r\n` may change
    /// with what follows it.
    pub fn replacing(old_text: &str, start: usize, old_end: usize, inserted_len: usize) -> Self {
        let widened = if start > 0 && old_text.as_bytes().get(start - 1) == Some(&b'\r') {
            start - 1
        } else {
            start
        };
        ByteEdit {
            start: widened,
            old_end,
            new_end: start + inserted_len,
        }
    }

    /// How far text after the edit moved.
    pub fn delta(&self) -> i64 {
        self.new_end as i64 - self.old_end as i64
    }

    /// The edit as tree-sitter wants it, with row/column points computed from the texts
    /// before and after (columns in bytes, as tree-sitter counts them).
    pub fn to_input_edit(&self, old_text: &str, new_text: &str) -> InputEdit {
        InputEdit {
            start_byte: self.start,
            old_end_byte: self.old_end,
            new_end_byte: self.new_end,
            start_position: point_at(old_text, self.start),
            old_end_position: point_at(old_text, self.old_end),
            new_end_position: point_at(new_text, self.new_end),
        }
    }
}

/// Row and byte column of an offset, as the parser counts them (see `syntax::parse`).
pub fn point_at(text: &str, offset: usize) -> Point {
    super::LineIndex::new(text).point(text, offset)
}
