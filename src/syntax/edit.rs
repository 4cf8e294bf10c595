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

/// Row and byte column of an offset.
pub fn point_at(text: &str, offset: usize) -> Point {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Point {
        row,
        column: offset - line_start,
    }
}
