//! The file as the formatter reads it: logical lines, top-level items and block extents.
//!
//! A *logical line* is a line of the file together with the lines that a `/* … */` comment
//! opened on it runs over: the formatter lays out logical lines, so the text inside a
//! comment is never read as fields, headers or closing braces, and a comment's continuation
//! lines stay together with the line that opened it. Strings end at their line break, as in
//! the grammar, and `//` comments at theirs.

use std::ops::Range;

/// The logical lines of a file (byte ranges without their final line break), or why the
/// file cannot be laid out line by line.
pub(super) struct Lines {
    pub ranges: Vec<Range<usize>>,
    /// How many `{` are open at the end of each logical line (outside strings and
    /// comments; a stray `}` closes nothing).
    pub depth_after: Vec<usize>,
    /// The fewest `{` open at any point of each logical line: a block ends on the line
    /// where its `{` is closed, whatever follows on that line (`} model B {`).
    pub depth_min: Vec<usize>,
}

/// Why a file is not formatted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// A block (`{` without its `}`) or a `/* … */` comment is never closed: where it ends is
    /// a guess, and laying it out could move text in or out of it.
    Unclosed,
    /// A file with syntax errors that would read differently once laid out: with errors the
    /// original does not have, or with errors elsewhere, so that formatting it again would
    /// change it again (the grammar's recovery can depend on the layout).
    UnstableErrors,
    /// A file with syntax errors that reads differently with other line breaks (`\r\n`
    /// instead of `\n`): the grammar's error recovery weighs the bytes it skips. Formatting
    /// writes `\n`, so it could add errors to the file as written, or format it differently
    /// from the same text with other line breaks.
    LineBreaks,
}

impl Refusal {
    /// Why, for people: completes "not formatted: …".
    pub fn reason(self) -> &'static str {
        match self {
            Refusal::Unclosed => "a block or comment is never closed",
            Refusal::UnstableErrors => {
                "its syntax errors would read differently once laid out; fix them first"
            }
            Refusal::LineBreaks => {
                "its syntax errors read differently with other line breaks; fix them first"
            }
        }
    }
}

/// Splits `text` into logical lines; `Err(Unclosed)` when a `/* … */` comment or a `{`
/// (outside strings and comments) is left open at the end.
pub(super) fn logical_lines(text: &str) -> Result<Lines, Refusal> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut depth_after = Vec::new();
    let mut depth_min = Vec::new();
    let mut start = 0;
    let mut index = 0;
    let mut in_string = false;
    let mut braces = 0usize;
    let mut fewest = 0usize;
    while index < bytes.len() {
        match bytes[index] {
            // `\n`, `\r\n` and a lone `\r` end a line (the `\r` of a pair waits for its `\n`).
            b'\r' if bytes.get(index + 1) == Some(&b'\n') => {}
            b'\n' | b'\r' => {
                in_string = false;
                let end = if bytes[index] == b'\n' && index > start && bytes[index - 1] == b'\r' {
                    index - 1
                } else {
                    index
                };
                ranges.push(start..end);
                depth_after.push(braces);
                depth_min.push(fewest);
                fewest = braces;
                start = index + 1;
            }
            // An escape covers the next character, but never the line break.
            b'\\'
                if in_string
                    && bytes
                        .get(index + 1)
                        .is_some_and(|&next| !crate::syntax::is_line_break(next)) =>
            {
                index += 1;
            }
            b'"' => in_string = !in_string,
            _ if in_string => {}
            b'/' if bytes.get(index + 1) == Some(&b'/') => {
                index = memchr_newline(bytes, index);
                continue;
            }
            b'/' if bytes.get(index + 1) == Some(&b'*') => {
                let close = text
                    .get(index + 2..)
                    .and_then(|rest| rest.find("*/"))
                    .ok_or(Refusal::Unclosed)?;
                // The comment's line breaks do not end the logical line.
                index += 2 + close + 2;
                continue;
            }
            b'{' => braces += 1,
            // A stray `}` closes nothing; it is kept as written.
            b'}' => {
                braces = braces.saturating_sub(1);
                fewest = fewest.min(braces);
            }
            _ => {}
        }
        index += 1;
    }
    if braces > 0 {
        return Err(Refusal::Unclosed);
    }
    if start < text.len() {
        ranges.push(start..text.len());
        depth_after.push(braces);
        depth_min.push(fewest);
    }
    Ok(Lines {
        ranges,
        depth_after,
        depth_min,
    })
}

/// The position of the next line break at or after `from` (or the end).
fn memchr_newline(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |offset| from + offset)
}

/// Whether `line` (trimmed) is one `/* … */` comment and nothing else: the comment Prisma
/// re-frames as `/**`, ` * line`…, ` */`.
pub(super) fn is_whole_block_comment(line: &str) -> bool {
    line.starts_with("/*") && line.len() >= 4 && line[2..].find("*/") == Some(line.len() - 4)
}

/// Whether a line of the block leaves a string or bracket open: a construct that may run
/// over several lines, which a line-by-line layout could break. Blocks with syntax errors
/// but only self-contained lines are formatted, their unparsable lines kept as written,
/// as Prisma does.
pub(super) fn has_unbalanced_line(text: &str, lines: &[Range<usize>], block: &BlockLines) -> bool {
    (block.header..=block.end_line).any(|line| {
        let (code, _) = split_comment(&text[lines[line].clone()]);
        let mut depth = 0i32;
        let mut in_string = false;
        let mut escaped = false;
        for c in code.chars() {
            if in_string {
                match c {
                    _ if escaped => escaped = false,
                    '\\' => escaped = true,
                    '"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match c {
                '"' => in_string = true,
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                _ => {}
            }
        }
        in_string || depth != 0
    })
}

/// The byte ranges of a file's syntax errors, to ask which lines they touch.
pub(super) struct ErrorIndex<'a> {
    /// Sorted by start.
    errors: &'a [Range<usize>],
    /// The last byte each error and the ones before it reach (a zero-width error reaches its
    /// own position).
    reach: Vec<usize>,
}

impl<'a> ErrorIndex<'a> {
    /// `errors` sorted by start.
    pub fn new(errors: &'a [Range<usize>]) -> Self {
        let mut reach = Vec::with_capacity(errors.len());
        let mut furthest = 0;
        for error in errors {
            furthest = furthest.max(error.end.saturating_sub(1).max(error.start));
            reach.push(furthest);
        }
        ErrorIndex { errors, reach }
    }

    /// Whether an error touches the line `line` (its text, or the position of its line
    /// break: a missing `)` at the end of a line is an error of that line).
    pub fn touches(&self, line: &Range<usize>) -> bool {
        let before = self.errors.partition_point(|error| error.start <= line.end);
        before > 0 && self.reach[before - 1] >= line.start
    }

    /// Whether every error that touches `line` lies within `region`.
    pub fn all_within(&self, line: &Range<usize>, region: &Range<usize>) -> bool {
        let before = self.errors.partition_point(|error| error.start <= line.end);
        for index in (0..before).rev() {
            if self.reach[index] < line.start {
                break;
            }
            let error = &self.errors[index];
            let touches = error.end.saturating_sub(1).max(error.start) >= line.start;
            if touches && !(region.start <= error.start && error.end <= region.end) {
                return false;
            }
        }
        true
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Keyword {
    Model,
    View,
    Type,
    Enum,
    Datasource,
    Generator,
}

pub(super) struct BlockLines {
    pub keyword: Keyword,
    pub keyword_text: String,
    pub name: String,
    pub header: usize,
    /// The lines between the header and the closing line.
    pub body: Range<usize>,
    /// The closing line: `}`, perhaps with a trailing comment.
    pub end_line: usize,
}

pub(super) enum TopItem {
    Blank,
    Comment(usize),
    /// A line that is one `/* … */` comment (possibly over several lines of the file).
    BlockComment(usize),
    Other(usize),
    Block(BlockLines),
    /// A block whose closing `}` shares its line with other text (`id Int @id }`, or `}
    /// model B {` and the lines up to where that block is closed): the line-by-line layout
    /// cannot place it, so its lines are kept as written.
    Verbatim(Range<usize>),
}

/// `model Name {` (the `{` may follow without a space): the keyword and name.
fn block_header(line: &str) -> Option<(Keyword, String, String)> {
    let trimmed = line.trim();
    let rest = trimmed.strip_suffix('{')?.trim_end();
    let mut words = rest.split_whitespace();
    let keyword_text = words.next()?;
    let name = words.next()?;
    if words.next().is_some() || !name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    let keyword = match keyword_text {
        "model" => Keyword::Model,
        "view" => Keyword::View,
        "type" => Keyword::Type,
        "enum" => Keyword::Enum,
        "datasource" => Keyword::Datasource,
        "generator" => Keyword::Generator,
        _ => return None,
    };
    Some((keyword, keyword_text.to_string(), name.to_string()))
}

/// Whether a logical line closes a block: `}`, perhaps with a trailing comment.
fn is_closing_line(line: &str) -> bool {
    split_comment(line).0 == "}"
}

/// Splits the file into top-level items. A block ends on the line where its `{` is closed;
/// `Err(Unclosed)` when another block starts before (the grammar ends the first block
/// there, so its extent is a guess).
pub(super) fn top_level_items(text: &str, lines: &Lines) -> Result<Vec<TopItem>, Refusal> {
    let ranges = &lines.ranges;
    let mut items = Vec::new();
    let mut index = 0;
    while index < ranges.len() {
        let line = &text[ranges[index].clone()];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            items.push(TopItem::Blank);
        } else if trimmed.starts_with("//") {
            items.push(TopItem::Comment(index));
        } else if is_whole_block_comment(trimmed) {
            items.push(TopItem::BlockComment(index));
        } else if let Some((keyword, keyword_text, name)) = block_header(line) {
            let header = index;
            let open = lines.depth_after[header];
            let mut end = header + 1;
            while end < ranges.len() && lines.depth_min[end] >= open {
                if block_header(&text[ranges[end].clone()]).is_some() {
                    return Err(Refusal::Unclosed);
                }
                end += 1;
            }
            if end == ranges.len() {
                return Err(Refusal::Unclosed);
            }
            if lines.depth_after[end] >= open {
                // The block is closed before the end of the line, which opens another
                // (`} model B {`): both are kept as written, up to where that one is closed.
                end += 1;
                while end < ranges.len() && lines.depth_after[end] >= open {
                    if block_header(&text[ranges[end].clone()]).is_some() {
                        return Err(Refusal::Unclosed);
                    }
                    end += 1;
                }
                if end == ranges.len() {
                    return Err(Refusal::Unclosed);
                }
                items.push(TopItem::Verbatim(header..end + 1));
            } else if is_closing_line(text[ranges[end].clone()].trim()) {
                items.push(TopItem::Block(BlockLines {
                    keyword,
                    keyword_text,
                    name,
                    header,
                    body: header + 1..end,
                    end_line: end,
                }));
            } else {
                items.push(TopItem::Verbatim(header..end + 1));
            }
            index = end;
        } else {
            items.push(TopItem::Other(index));
        }
        index += 1;
    }
    Ok(items)
}

/// Splits `text` at a comment outside strings: (code trimmed, comment). A `/* … */` comment
/// is a trailing comment only when nothing but blanks follows it (Prisma keeps it as
/// written); with code after it, the line is not split (it is kept as written).
pub(super) fn split_comment(text: &str) -> (&str, Option<&str>) {
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut in_string = false;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' if in_string => index += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(index + 1) == Some(&b'/') => {
                return (text[..index].trim(), Some(&text[index..]));
            }
            b'/' if !in_string && bytes.get(index + 1) == Some(&b'*') => {
                let comment = &text[index..];
                return if is_whole_block_comment(comment.trim_end()) {
                    (text[..index].trim(), Some(comment))
                } else {
                    (text.trim(), None)
                };
            }
            _ => {}
        }
        index += 1;
    }
    (text.trim(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<&str> {
        match logical_lines(text) {
            Ok(lines) => lines.ranges.iter().map(|r| &text[r.clone()]).collect(),
            Err(_) => vec!["<unclosed>"],
        }
    }

    #[test]
    fn a_comment_holds_its_lines_together() {
        assert_eq!(
            lines("a /* b\n c */ d\r\ne\n"),
            vec!["a /* b\n c */ d", "e"]
        );
        // Not in strings or after `//`.
        assert_eq!(lines("a \"/*\"\n// /*\nb"), vec!["a \"/*\"", "// /*", "b"]);
        // A string ends at its line break.
        assert_eq!(lines("a \"x\n/* y */"), vec!["a \"x", "/* y */"]);
    }

    #[test]
    fn an_open_comment_or_brace_is_unclosed() {
        assert_eq!(lines("model A {\n /* x\n}\n"), vec!["<unclosed>"]);
        assert_eq!(lines("model A {{{{\n  id Int\n}\n"), vec!["<unclosed>"]);
        // Braces in strings and comments do not count; a stray `}` closes nothing.
        assert_eq!(
            lines("model A {\n a String @default(\"{\") // {\n}\n}\n"),
            vec!["model A {", " a String @default(\"{\") // {", "}", "}"]
        );
    }

    #[test]
    fn a_block_ends_where_its_brace_is_closed() {
        let kinds = |text: &str| -> Vec<String> {
            let Ok(lines) = logical_lines(text) else {
                return vec!["<unclosed>".to_string()];
            };
            let Ok(items) = top_level_items(text, &lines) else {
                return vec!["<unclosed>".to_string()];
            };
            items
                .iter()
                .map(|item| match item {
                    TopItem::Block(block) => format!("block {}..={}", block.header, block.end_line),
                    TopItem::Verbatim(lines) => format!("verbatim {lines:?}"),
                    TopItem::Blank => "blank".to_string(),
                    _ => "other".to_string(),
                })
                .collect()
        };
        // `} model B {`: both blocks as written, up to where B is closed.
        assert_eq!(
            kinds("model A {\n  id Int\n} model B {\n  id Int\n}\n\nmodel C {\n}\n"),
            vec!["verbatim 0..5", "blank", "block 6..=7"]
        );
        assert_eq!(
            kinds("model A {\n  id Int }\nmodel C {\n}\n"),
            vec!["verbatim 0..2", "block 2..=3"]
        );
        // B is never closed.
        assert_eq!(
            kinds("model A {\n} model B {\n  id Int\nmodel C {\n}\n"),
            vec!["<unclosed>"]
        );
    }

    #[test]
    fn errors_touch_the_lines_they_cover() {
        let errors = [2..3, 10..10, 20..31];
        let index = ErrorIndex::new(&errors);
        let touched: Vec<bool> = [0..2, 3..9, 10..15, 16..19, 25..26, 31..40, 41..50]
            .iter()
            .map(|line| index.touches(line))
            .collect();
        assert_eq!(touched, [true, false, true, false, true, false, false]);
        // A missing `)` at the end of a line (zero width, at its line break) is of that line.
        assert!(ErrorIndex::new(&[9..9, 40..41]).touches(&(3..9)));
        assert!(index.all_within(&(20..30), &(18..31)));
        assert!(!index.all_within(&(20..30), &(21..31)));
    }

    #[test]
    fn whole_block_comments() {
        assert!(is_whole_block_comment("/* a */"));
        assert!(is_whole_block_comment("/* a\n b */"));
        assert!(is_whole_block_comment("/**/"));
        assert!(!is_whole_block_comment("/*/"));
        assert!(!is_whole_block_comment("/* a */ b"));
        assert!(!is_whole_block_comment("/* a */ /* b */"));
    }
}
