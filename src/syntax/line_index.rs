//! Byte offsets ↔ line/column, in UTF-8 or UTF-16 columns, and what ends a line.
//!
//! The one place where positions are converted and lines are found. A line ends at `\n`,
//! `\r\n` or a lone `\r`, as LSP counts lines and as Prisma's grammar reads them; the line
//! break is never part of a line's content. (Tree-sitter's rows count `\n` only: they are
//! used for nothing but tree-sitter's own edits.)

use std::ops::Range;

/// Whether the byte ends a line, alone (`\n`, a lone `\r`) or with the next (`\r\n`).
pub fn is_line_break(byte: u8) -> bool {
    byte == b'\n' || byte == b'\r'
}

/// Where the line that holds `offset` starts: after the last line break before `offset`.
/// An offset between the `\r` and the `\n` of a pair is on the line the pair ends.
pub fn line_start(text: &str, offset: usize) -> usize {
    let bytes = text.as_bytes();
    let mut offset = offset.min(bytes.len());
    if offset > 0 && bytes[offset - 1] == b'\r' && bytes.get(offset) == Some(&b'\n') {
        offset -= 1;
    }
    bytes[..offset]
        .iter()
        .rposition(|&b| is_line_break(b))
        .map_or(0, |i| i + 1)
}

/// Where the content of the line that holds `offset` ends: at its line break, or at the end
/// of the text.
pub fn line_end(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[offset..]
        .iter()
        .position(|&b| is_line_break(b))
        .map_or(text.len(), |i| offset + i)
}

/// Where the line after the one that holds `offset` starts (after its `\n`, `\r\n` or
/// `\r`), or the end of the text.
pub fn next_line_start(text: &str, offset: usize) -> usize {
    let end = line_end(text, offset);
    let bytes = text.as_bytes();
    match bytes.get(end) {
        Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
        Some(_) => end + 1,
        None => end,
    }
}

/// The lines of `text` without their line breaks (`\n`, `\r\n` or `\r`), as
/// `str::split('\n')` gives them for `\n` alone: a text ending in a line break ends with an
/// empty line.
pub fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut starts = std::iter::once(0).chain(line_starts_in(text, 0, text.len()));
    let mut current = starts.next();
    std::iter::from_fn(move || {
        let start = current?;
        current = starts.next();
        let end = current.map_or(text.len(), |next| next - break_length(text, next));
        Some(&text[start..end])
    })
}

/// Whether `text` holds a `\r` that is not followed by `\n`.
pub fn has_lone_carriage_return(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'\r', bytes).any(|i| bytes.get(i + 1) != Some(&b'\n'))
}

/// `text` with each lone `\r` replaced by `\n`: the same lines, the same byte offsets.
pub fn lone_carriage_returns_as_newlines(text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for i in memchr::memchr_iter(b'\r', text.as_bytes()) {
        if text.as_bytes().get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // One ASCII byte for another keeps the text UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

/// The offsets where lines start after the first, in `text[from..to]` (shifted by `from`):
/// after every `\n`, and after every `\r` not followed by `\n` (the byte after `to`
/// decides for a `\r` at the end).
fn line_starts_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', &bytes[from..to])
        .map(move |i| from + i)
        .filter(move |&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
        .map(|i| i + 1)
}

/// How long the line break that ends just before `next_line_start` is (1 or 2 bytes).
fn break_length(text: &str, next_line_start: usize) -> usize {
    let bytes = text.as_bytes();
    if next_line_start >= 2
        && bytes[next_line_start - 1] == b'\n'
        && bytes[next_line_start - 2] == b'\r'
    {
        2
    } else {
        1
    }
}

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

/// Start offsets of every line of one text, and where its characters of more than one
/// byte are (so that a column in UTF-16 units or characters costs a binary search, not a
/// walk along the line: a long line with many tokens would be quadratic).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    wide: Vec<WideChar>,
    len: u32,
}

/// A character of more than one byte, with how many bytes more than UTF-16 units and than
/// characters it and every wide character before it take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct WideChar {
    offset: u32,
    utf16_excess: u32,
    utf32_excess: u32,
}

/// The characters of more than one byte that start in `text[from..to]`: their offset, and
/// how many bytes more than UTF-16 units and than characters each takes. Read from the
/// leading bytes, so the range need not fall on character boundaries.
fn wide_chars_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = (u32, u32, u32)> + '_ {
    let bytes = text.as_bytes();
    let to = to.min(bytes.len());
    let from = from.min(to);
    bytes[from..to]
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b >= 0xC0)
        .map(move |(i, &b)| {
            let (len, utf16) = match b {
                0xC0..=0xDF => (2, 1),
                0xE0..=0xEF => (3, 1),
                _ => (4, 2),
            };
            (to_u32(from + i), len - utf16, len - 1)
        })
}

/// Appends wide characters (offset, own UTF-16 excess, own UTF-32 excess) to `wide`,
/// summing the excesses on from its last entry.
fn push_wide(wide: &mut Vec<WideChar>, chars: impl Iterator<Item = (u32, u32, u32)>) {
    let (mut utf16, mut utf32) = wide
        .last()
        .map_or((0, 0), |w| (w.utf16_excess, w.utf32_excess));
    for (offset, own16, own32) in chars {
        utf16 += own16;
        utf32 += own32;
        wide.push(WideChar {
            offset,
            utf16_excess: utf16,
            utf32_excess: utf32,
        });
    }
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 1);
        line_starts.push(0);
        line_starts.extend(line_starts_in(text, 0, text.len()).map(to_u32));
        let mut wide = Vec::new();
        if !text.is_ascii() {
            push_wide(&mut wide, wide_chars_in(text, 0, text.len()));
        }
        LineIndex {
            line_starts,
            wide,
            len: to_u32(text.len()),
        }
    }

    /// How many bytes more than columns (in `encoding`) the text before `offset` takes.
    fn excess_before(&self, offset: usize, encoding: PositionEncoding) -> usize {
        let index = self.wide.partition_point(|w| (w.offset as usize) < offset);
        match (index.checked_sub(1).map(|i| self.wide[i]), encoding) {
            (None, _) | (_, PositionEncoding::Utf8) => 0,
            (Some(w), PositionEncoding::Utf16) => w.utf16_excess as usize,
            (Some(w), PositionEncoding::Utf32) => w.utf32_excess as usize,
        }
    }

    /// Follows an edit: `start..old_end` of the old text was replaced, giving `new_text`,
    /// in which the replacement ends at `new_end`. Only the line starts the edit can change
    /// are found again (a `\r` and a `\n` on either side of the edit may join or part); the
    /// result equals `LineIndex::new(new_text)`.
    pub fn apply_edit(&mut self, new_text: &str, start: usize, old_end: usize, new_end: usize) {
        let delta = new_end as i64 - old_end as i64;
        // A line start at `p` depends on the bytes at `p - 1` and `p` only: the starts up to
        // `start` and from `old_end + 1` on stay (the latter moved); those between are found
        // again in the new text.
        let first_changed = start.max(1);
        let first = self
            .line_starts
            .partition_point(|&s| (s as usize) < first_changed);
        let last = self
            .line_starts
            .partition_point(|&s| (s as usize) <= old_end);
        let new_starts: Vec<u32> = line_starts_in(new_text, first_changed - 1, new_end)
            .map(to_u32)
            .collect();
        let added = new_starts.len();
        self.line_starts.splice(first..last, new_starts);
        for line_start in &mut self.line_starts[first + added..] {
            *line_start = to_u32((i64::from(*line_start) + delta) as usize);
        }
        // Wide characters: those of the replaced text go, the inserted text's come, the
        // later ones move and their sums start again from the inserted ones.
        let first = self.wide.partition_point(|w| (w.offset as usize) < start);
        let last = self.wide.partition_point(|w| (w.offset as usize) < old_end);
        let inserted = new_text.as_bytes().get(start..new_end).unwrap_or_default();
        if first != last || self.wide.len() > last || !inserted.is_ascii() {
            let before = last.checked_sub(1).map_or((0, 0), |i| {
                (self.wide[i].utf16_excess, self.wide[i].utf32_excess)
            });
            let mut previous = before;
            let later: Vec<(u32, u32, u32)> = self.wide[last..]
                .iter()
                .map(|w| {
                    let own = (w.utf16_excess - previous.0, w.utf32_excess - previous.1);
                    previous = (w.utf16_excess, w.utf32_excess);
                    (to_u32((i64::from(w.offset) + delta) as usize), own.0, own.1)
                })
                .collect();
            self.wide.truncate(first);
            push_wide(&mut self.wide, wide_chars_in(new_text, start, new_end));
            push_wide(&mut self.wide, later.into_iter());
        }
        self.len = to_u32(new_text.len());
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte range of `line` without its line break (`\n`, `\r\n` or `\r`); `None` past
    /// the end.
    pub fn line_range(&self, text: &str, line: usize) -> Option<Range<usize>> {
        let start = *self.line_starts.get(line)? as usize;
        let end = self
            .line_starts
            .get(line + 1)
            .map_or(self.len as usize, |&next| {
                next as usize - break_length(text, next as usize)
            });
        Some(start..end.max(start))
    }

    /// Zero-based line of a byte offset (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = to_u32(offset.min(self.len as usize));
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// The tree-sitter point of a byte offset: our line, and the byte column. The parser
    /// reads lone `\r` as `\n` (see `syntax::parse`), so its rows are our lines.
    pub fn point(&self, text: &str, offset: usize) -> tree_sitter::Point {
        let position = self.line_col(text, offset, PositionEncoding::Utf8);
        tree_sitter::Point {
            row: position.line as usize,
            column: position.col as usize,
        }
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
        let col = offset
            - line_start
            - (self.excess_before(offset, encoding) - self.excess_before(line_start, encoding));
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
        let ascii = self.excess_before(range.end, PositionEncoding::Utf32)
            == self.excess_before(range.start, PositionEncoding::Utf32);
        let within = match encoding {
            _ if ascii => wanted.min(line.len()),
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
            index.apply_edit(&text, start, old_end, start + inserted.len());
            assert_eq!(
                index,
                LineIndex::new(&text),
                "after replacing {start}..{old_end} with {inserted:?}"
            );
        }
        // Deleting everything.
        let len = text.len();
        text.clear();
        index.apply_edit(&text, 0, len, 0);
        assert_eq!(index, LineIndex::new(""));
    }

    #[test]
    fn every_kind_of_line_break_ends_a_line() {
        let text = "a\nb\r\nc\rd\r\re";
        let index = LineIndex::new(text);
        let lines: Vec<&str> = (0..index.line_count())
            .map(|line| &text[index.line_range(text, line).unwrap()])
            .collect();
        assert_eq!(lines, ["a", "b", "c", "d", "", "e"]);
        assert_eq!(split_lines(text).collect::<Vec<_>>(), lines);
        assert_eq!(split_lines("x\r\n").collect::<Vec<_>>(), ["x", ""]);
        assert_eq!(split_lines("").collect::<Vec<_>>(), [""]);
        // Between `\r` and `\n`: on the line the pair ends.
        let between = text.find("\r\n").unwrap() + 1;
        assert_eq!(index.line_of(between), 1);
        assert_eq!(line_start(text, between), 2);
        assert_eq!(line_end(text, 2), 3);
        assert_eq!(next_line_start(text, 2), 5);
        assert_eq!(next_line_start(text, 5), 7);
        assert_eq!(line_start(text, 7), 7);
        assert_eq!(
            index.line_col(text, text.len(), Utf16),
            LineCol { line: 5, col: 1 }
        );
        assert_eq!(index.offset(text, LineCol { line: 3, col: 9 }, Utf16), 8);
    }

    /// Edits that join or part `\r` and `\n` across their edges, at random: the index
    /// that follows them equals one built afresh.
    #[test]
    fn random_edits_over_mixed_line_breaks_match_a_rebuild() {
        let pieces = ["\r", "\n", "\r\n", "a", "é", "", "\n\r"];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |bound: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % bound as u64) as usize
        };
        let mut text = String::from("x\ry\r\nz\n");
        let mut index = LineIndex::new(&text);
        for _ in 0..5_000 {
            let mut start = next(text.len() + 1);
            let mut end = (start + next(4)).min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            let end = end.max(start);
            let inserted: String = (0..next(3)).map(|_| pieces[next(pieces.len())]).collect();
            text.replace_range(start..end, &inserted);
            index.apply_edit(&text, start, end, start + inserted.len());
            assert_eq!(index, LineIndex::new(&text), "{text:?}");
        }
    }

    #[test]
    fn empty_text() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_col("", 0, Utf16), LineCol::default());
        assert_eq!(index.offset("", LineCol { line: 0, col: 5 }, Utf16), 0);
    }
}
