//! Byte offsets ↔ line/column, in UTF-8 or UTF-16 columns.
//!
//! The one place where positions are converted. Lines end at `\n` (so `\r\n` works, and a
//! line's `\r` counts as part of it), matching tree-sitter's rows.

use std::ops::Range;

/// How columns are counted: UTF-8 bytes, UTF-16 code units (the LSP default) or Unicode
/// characters (UTF-32, also what a person counts).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum PositionEncoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

/// A zero-based line and column; the column unit depends on the [`PositionEncoding`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Start offsets of every line of one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    len: u32,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        // `match_indices` with a char searches with memchr: several times faster than
        // looking at each byte.
        line_starts.extend(text.match_indices('\n').map(|(i, _)| to_u32(i + 1)));
        LineIndex {
            line_starts,
            len: to_u32(text.len()),
        }
    }

    /// Follows an edit: `start..old_end` of the old text was replaced by `inserted`. Only
    /// the line starts after the edit move; the result equals `LineIndex::new` on the new text.
    pub fn apply_edit(&mut self, start: usize, old_end: usize, inserted: &str) {
        let delta = inserted.len() as i64 - (old_end as i64 - start as i64);
        // Line starts inside the replaced text (after a newline in it) go; the inserted
        // text's newlines bring their own.
        let first = self.line_starts.partition_point(|&s| (s as usize) <= start);
        let last = self
            .line_starts
            .partition_point(|&s| (s as usize) <= old_end);
        let new_starts = inserted
            .match_indices('\n')
            .map(|(i, _)| to_u32(start + i + 1));
        self.line_starts.splice(first..last, new_starts);
        let moved_from = first + inserted.matches('\n').count();
        for line_start in &mut self.line_starts[moved_from..] {
            *line_start = to_u32((i64::from(*line_start) + delta) as usize);
        }
        self.len = to_u32((i64::from(self.len) + delta) as usize);
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of `line` without its line break (`\n` or `\r\n`); `None` past the end.
    pub fn line_range(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)? as usize;
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(self.len as usize, |&next| next as usize - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        Some(start..end)
    }

    /// Zero-based line of a byte offset (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = to_u32(offset.min(self.len as usize));
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// Line and column of a byte offset. Offsets past the end are clamped; an offset inside
    /// a multi-byte character is moved back to the character's start.
    pub fn line_col(&self, text: &str, offset: usize, encoding: PositionEncoding) -> LineCol {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_of(offset);
        let line_start = self.line_starts[line] as usize;
        let col = match encoding {
            PositionEncoding::Utf8 => offset - line_start,
            PositionEncoding::Utf16 => text[line_start..offset].encode_utf16().count(),
            PositionEncoding::Utf32 => text[line_start..offset].chars().count(),
        };
        LineCol {
            line: to_u32(line),
            col: to_u32(col),
        }
    }

    /// Byte offset of a line and column. Never fails: a line past the end gives the end of
    /// the text, a column past the end of its line gives the end of the line, and a column
    /// inside a character (a UTF-16 surrogate pair, a UTF-8 sequence) gives its start.
    pub fn offset(&self, text: &str, position: LineCol, encoding: PositionEncoding) -> usize {
        let Some(range) = self.line_range(text, position.line as usize) else {
            return text.len();
        };
        let line = &text[range.clone()];
        let wanted = position.col as usize;
        let within = match encoding {
            PositionEncoding::Utf8 => {
                let mut col = wanted.min(line.len());
                while !line.is_char_boundary(col) {
                    col -= 1;
                }
                col
            }
            PositionEncoding::Utf16 | PositionEncoding::Utf32 => {
                let width = |ch: char| match encoding {
                    PositionEncoding::Utf16 => ch.len_utf16(),
                    _ => 1,
                };
                let mut units = 0;
                let mut bytes = line.len();
                for (index, ch) in line.char_indices() {
                    if units + width(ch) > wanted {
                        bytes = index;
                        break;
                    }
                    units += width(ch);
                }
                bytes
            }
        };
        range.start + within
    }
}

/// Texts we index are far below 4 GiB (the CLI refuses larger files), so offsets fit.
fn to_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PositionEncoding::{Utf8, Utf16, Utf32};

    const TEXT: &str = "// Комментарий\nmodel A {\r\n  s String @default(\"😀x\")\n}";

    #[test]
    fn cyrillic_comment_columns() {
        let index = LineIndex::new(TEXT);
        let end_of_comment = TEXT.find('\n').unwrap();
        assert_eq!(
            index.line_col(TEXT, end_of_comment, Utf8),
            LineCol { line: 0, col: 25 }
        );
        assert_eq!(
            index.line_col(TEXT, end_of_comment, Utf16),
            LineCol { line: 0, col: 14 }
        );
        assert_eq!(
            index.line_col(TEXT, end_of_comment, Utf32),
            LineCol { line: 0, col: 14 }
        );
    }

    #[test]
    fn emoji_is_two_utf16_units() {
        let index = LineIndex::new(TEXT);
        let x = TEXT.find('x').unwrap();
        let utf16 = index.line_col(TEXT, x, Utf16);
        let utf8 = index.line_col(TEXT, x, Utf8);
        // `  s String @default("` is 21 columns; the emoji takes 2 UTF-16 units, 4 bytes.
        assert_eq!((utf16.line, utf16.col), (2, 23));
        assert_eq!((utf8.line, utf8.col), (2, 25));
        assert_eq!(index.line_col(TEXT, x, Utf32).col, 22);
        assert_eq!(index.offset(TEXT, utf16, Utf16), x);
        assert_eq!(index.offset(TEXT, utf8, Utf8), x);
        // Inside the surrogate pair / the UTF-8 sequence: back to the emoji's start.
        let emoji = TEXT.find('😀').unwrap();
        assert_eq!(
            index.offset(TEXT, LineCol { line: 2, col: 21 }, Utf16),
            emoji
        );
        assert_eq!(
            index.offset(TEXT, LineCol { line: 2, col: 22 }, Utf8),
            emoji
        );
        assert_eq!(
            index.line_col(TEXT, emoji + 1, Utf16),
            index.line_col(TEXT, emoji, Utf16)
        );
    }

    #[test]
    fn crlf_and_out_of_range_positions_are_clamped() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.line_count(), 4);
        // The `\r` is not part of the line's content.
        let line1 = index.line_range(TEXT, 1).unwrap();
        assert_eq!(&TEXT[line1.clone()], "model A {");
        assert_eq!(
            index.offset(TEXT, LineCol { line: 1, col: 999 }, Utf16),
            line1.end
        );
        assert_eq!(
            index.offset(TEXT, LineCol { line: 99, col: 0 }, Utf8),
            TEXT.len()
        );
        assert_eq!(
            index.line_col(TEXT, 10_000, Utf8),
            LineCol { line: 3, col: 1 }
        );
    }

    #[test]
    fn round_trip_every_char_boundary() {
        let index = LineIndex::new(TEXT);
        for encoding in [Utf8, Utf16, Utf32] {
            for (offset, ch) in TEXT.char_indices() {
                // Between `\r` and `\n` is not a position a client can name.
                if ch == '\n' && TEXT[..offset].ends_with('\r') {
                    continue;
                }
                let position = index.line_col(TEXT, offset, encoding);
                assert_eq!(
                    index.offset(TEXT, position, encoding),
                    offset,
                    "{encoding:?} {offset}"
                );
            }
        }
    }

    #[test]
    fn edits_match_a_rebuild() {
        let mut text = TEXT.to_string();
        let mut index = LineIndex::new(&text);
        let edits: &[(usize, usize, &str)] = &[
            (0, 0, "a\n"),
            (5, 9, ""),
            (10, 10, "x\ny\r\nz"),
            (0, 3, "\n\n"),
            (20, 40, "é\n"),
        ];
        for &(start, old_end, inserted) in edits {
            let mut old_end = old_end.min(text.len());
            while !text.is_char_boundary(old_end) {
                old_end -= 1;
            }
            let mut start = start.min(old_end);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            text.replace_range(start..old_end, inserted);
            index.apply_edit(start, old_end, inserted);
            assert_eq!(
                index,
                LineIndex::new(&text),
                "after replacing {start}..{old_end} with {inserted:?}"
            );
        }
        // Deleting everything.
        let len = text.len();
        text.clear();
        index.apply_edit(0, len, "");
        assert_eq!(index, LineIndex::new(""));
    }

    #[test]
    fn empty_text() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_col("", 0, Utf16), LineCol::default());
        assert_eq!(index.offset("", LineCol { line: 0, col: 5 }, Utf16), 0);
    }
}
