//! Formatting, byte-identical to `prisma format` on the schemas Prisma accepts.
//!
//! The formatter works on lines: a Prisma schema is line-oriented (one field, value,
//! property or attribute per line), and so is Prisma's layout. Blocks that hold a syntax
//! error are copied byte for byte; everything else is re-laid out:
//! - fields (models, views, composite types) in columns: name, type, attributes; enum values
//!   in columns: name, attributes; `key = value` properties with the `=` aligned. A blank
//!   line starts a new table; comment lines and unparsable lines do not.
//! - field attributes in Prisma's canonical order (`@id @unique @default @updatedAt @map
//!   @relation @ignore`, then the rest as written); block attributes moved to the end of
//!   the block after one blank line, in Prisma's order (`@@id @@unique @@index @@fulltext
//!   @@map @@ignore @@schema`, then the rest), each with the comments right above it.
//! - arguments re-spaced: `a, b`, `name: value`, nothing inside brackets.
//! - blank lines: none at the start or end of a file or block, runs collapsed to one, one
//!   between top-level blocks; trailing whitespace removed; one final newline. A line at
//!   the top level that is not a block or comment (a type alias) is kept as written, with
//!   no blank line after it.
//! - relations completed first, as Prisma does for a schema without errors (`relations.rs`):
//!   missing opposite fields, `@relation(fields: …, references: …)` and foreign key fields
//!   are inserted into the text, which is then laid out. Range formatting (`format_block`)
//!   does not complete relations.
//!
//! Speed: the output is one buffer, and cells borrow the input wherever it is already laid
//! out as Prisma lays it out (re-spaced arguments are compared in a reused buffer), so a
//! formatted schema costs about one copy of its text.

mod relations;

use crate::model::{FileId, Schema};
use relations::{Insertion, insert_all, relation_insertions};
use std::borrow::Cow;
use std::ops::Range;

/// The formatted text, line by line, in one buffer (formatting a large schema is mostly
/// moving bytes: one allocation per line would dominate).
#[derive(Default)]
struct Output {
    text: String,
    lines: usize,
    /// Whether the last line written is empty.
    last_empty: bool,
}

impl Output {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.finish_line(self.text.len() - line.len());
    }

    fn blank(&mut self) {
        self.line("");
    }

    /// Ends the line that was written from byte `start` of the buffer.
    fn finish_line(&mut self, start: usize) {
        self.last_empty = self.text.len() == start;
        self.text.push('\n');
        self.lines += 1;
    }

    /// Whether the last line written holds text (`false` before the first line).
    fn after_text(&self) -> bool {
        self.lines > 0 && !self.last_empty
    }
}

/// The formatted text of `file`, or `None` when it cannot be formatted safely (a block
/// whose extent is unclear: opened and never closed). Blocks with syntax errors inside are
/// kept byte for byte, and lines outside any block that are not comments are kept as written.
pub fn format_file(schema: &Schema, file: FileId) -> Option<String> {
    let source = schema.file(file);
    let errors: Vec<Range<usize>> = schema
        .syntax_errors(file)
        .into_iter()
        .map(|error| error.range.clone())
        .collect();
    if errors.is_empty() {
        let insertions = relation_insertions(schema);
        let here: Vec<&Insertion> = insertions.iter().filter(|i| i.file == file).collect();
        if !here.is_empty()
            && let Some(completed) = insert_all(&source.text, &here)
        {
            return format_text(&completed, &[]);
        }
    }
    format_text(&source.text, &errors)
}

/// The formatted text of the block that contains byte `offset` of `file`, with the byte
/// range of the original text it replaces (from the start of its first line to the end of
/// its closing line), or `None` when no well-formed block is there. For range formatting.
pub fn format_block(
    schema: &Schema,
    file: FileId,
    offset: usize,
) -> Option<(Range<usize>, String)> {
    let source = schema.file(file);
    let errors: Vec<Range<usize>> = schema
        .syntax_errors(file)
        .into_iter()
        .map(|error| error.range.clone())
        .collect();
    let lines = split_lines(&source.text);
    let items = top_level_items(&source.text, &lines)?;
    for item in items {
        if let TopItem::Block(block) = item {
            let range = lines[block.header].start..lines[block.end_line].end;
            if range.start <= offset && offset <= range.end {
                if overlaps(&range, &errors) && has_unbalanced_line(&source.text, &lines, &block) {
                    return None;
                }
                let mut out = Output::default();
                render_block(&source.text, &lines, &block, &mut out);
                let mut rendered = out.text;
                rendered.pop();
                return Some((range, rendered));
            }
        }
    }
    None
}

/// Formats one file's text; `errors` are the byte ranges of its syntax errors.
pub fn format_text(text: &str, errors: &[Range<usize>]) -> Option<String> {
    let lines = split_lines(text);
    let items = top_level_items(text, &lines)?;
    let mut out = Output {
        text: String::with_capacity(text.len() + text.len() / 8),
        ..Output::default()
    };
    // Whether the previous emitted item was a block (one blank line must follow it).
    let mut after_block = false;
    // Whether the previous item was a line kept as written (a type alias, a stray line):
    // Prisma writes it without its line break, and the blank lines after it only end it.
    let mut after_other = false;
    for item in items {
        let is_other = matches!(item, TopItem::Other(_));
        let is_blank = matches!(item, TopItem::Blank);
        match item {
            TopItem::Blank => {
                if !after_other && out.after_text() {
                    out.blank();
                }
            }
            TopItem::Comment(line) => {
                if after_block && out.after_text() {
                    out.blank();
                }
                out.line(text[lines[line].clone()].trim_start());
                after_block = false;
            }
            TopItem::BlockComment(first, last) => {
                if after_block && out.after_text() {
                    out.blank();
                }
                render_block_comment(text, &lines[first..=last], &mut out);
                after_block = false;
            }
            TopItem::Other(line) => {
                if after_block && out.after_text() {
                    out.blank();
                }
                out.line(text[lines[line].clone()].trim_end());
                after_block = false;
            }
            TopItem::Block(block) => {
                if after_block && out.after_text() {
                    out.blank();
                }
                let range = lines[block.header].start..lines[block.end_line].end;
                if overlaps(&range, errors) && has_unbalanced_line(text, &lines, &block) {
                    for line in block.header..=block.end_line {
                        out.line(&text[lines[line].clone()]);
                    }
                } else {
                    render_block(text, &lines, &block, &mut out);
                }
                after_block = true;
            }
        }
        after_other = is_other || (after_other && is_blank);
    }
    let mut result = out.text;
    // No blank lines at the end, one final line break.
    while result.ends_with("\n\n") {
        result.pop();
    }
    if result.is_empty() {
        result.push('\n');
    }
    Some(result)
}

/// Whether a line of the block leaves a string or bracket open: a construct that may run
/// over several lines, which a line-by-line layout could break. Blocks with syntax errors
/// but only self-contained lines are formatted, their unparsable lines kept as written,
/// as Prisma does.
fn has_unbalanced_line(text: &str, lines: &[Range<usize>], block: &BlockLines) -> bool {
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

fn overlaps(range: &Range<usize>, errors: &[Range<usize>]) -> bool {
    errors
        .iter()
        .any(|e| e.start < range.end && range.start < e.end.max(e.start + 1))
}

/// The byte ranges of the lines of `text`, without their line breaks (`\n` or `\r\n`).
fn split_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            let end = if index > start && text.as_bytes()[index - 1] == b'\r' {
                index - 1
            } else {
                index
            };
            lines.push(start..end);
            start = index + 1;
        }
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    lines
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Keyword {
    Model,
    View,
    Type,
    Enum,
    Datasource,
    Generator,
}

struct BlockLines {
    keyword: Keyword,
    keyword_text: String,
    name: String,
    header: usize,
    /// The lines between the header and the closing line.
    body: Range<usize>,
    end_line: usize,
}

enum TopItem {
    Blank,
    Comment(usize),
    BlockComment(usize, usize),
    Other(usize),
    Block(BlockLines),
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

/// Splits the file into top-level items; `None` when a block is never closed.
fn top_level_items(text: &str, lines: &[Range<usize>]) -> Option<Vec<TopItem>> {
    let mut items = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = &text[lines[index].clone()];
        let trimmed = line.trim();
        if trimmed.is_empty() {
            items.push(TopItem::Blank);
        } else if trimmed.starts_with("//") {
            items.push(TopItem::Comment(index));
        } else if trimmed.starts_with("/*") {
            let first = index;
            while index < lines.len() && !text[lines[index].clone()].contains("*/") {
                index += 1;
            }
            if index == lines.len() {
                return None;
            }
            items.push(TopItem::BlockComment(first, index));
        } else if let Some((keyword, keyword_text, name)) = block_header(line) {
            let header = index;
            let mut end = index + 1;
            // The closing line is the first line that is just `}`; a line that starts a new
            // block before it means this one was never closed.
            loop {
                let current = text.get(lines.get(end)?.clone())?.trim();
                if current == "}" {
                    break;
                }
                if block_header(current).is_some() {
                    return None;
                }
                end += 1;
            }
            items.push(TopItem::Block(BlockLines {
                keyword,
                keyword_text,
                name,
                header,
                body: header + 1..end,
                end_line: end,
            }));
            index = end;
        } else {
            items.push(TopItem::Other(index));
        }
        index += 1;
    }
    Some(items)
}

/// `/* … */` comments become `/**`, ` * line`…, ` */`.
fn render_block_comment(text: &str, lines: &[Range<usize>], out: &mut Output) {
    let mut inner: Vec<&str> = Vec::new();
    for (position, range) in lines.iter().enumerate() {
        let mut line = text[range.clone()].trim();
        if position == 0 {
            line = line.trim_start_matches('/').trim_start_matches('*');
        }
        if position == lines.len() - 1 {
            line = line.trim_end().strip_suffix("*/").unwrap_or(line);
        }
        let line = line.trim();
        let line = line.strip_prefix('*').unwrap_or(line).trim();
        if (position == 0 || position == lines.len() - 1) && line.is_empty() {
            continue;
        }
        inner.push(line);
    }
    out.line("/**");
    for line in inner {
        if line.is_empty() {
            out.line(" *");
        } else {
            let start = out.text.len();
            out.text.push_str(" * ");
            out.text.push_str(line);
            out.finish_line(start);
        }
    }
    out.line(" */");
}

/// One line of a block body; the text is borrowed from the input where formatting leaves it
/// as it is (most of a formatted schema).
enum Row<'a> {
    Blank,
    Comment(&'a str),
    /// A line we do not understand: kept, trimmed, outside the table widths.
    Other(&'a str),
    /// Cells (name, type, attributes / key, value; `count` of them) and a trailing comment.
    Cells {
        cells: [Cow<'a, str>; 3],
        count: usize,
        comment: Option<&'a str>,
    },
    /// A block attribute, rendered, with its trailing comment.
    BlockAttribute(Cow<'a, str>, Option<&'a str>),
}

impl<'a> Row<'a> {
    fn cells(cells: [Cow<'a, str>; 3], count: usize, comment: Option<&'a str>) -> Self {
        Row::Cells {
            cells,
            count,
            comment,
        }
    }
}

/// Buffers reused from line to line.
#[derive(Default)]
struct Scratch<'a> {
    /// Where an expression is re-spaced before it is compared with the original.
    text: String,
    /// The attributes of the current line.
    attributes: Vec<Cow<'a, str>>,
}

const INDENT: &str = "  ";
const NO_CELL: Cow<'static, str> = Cow::Borrowed("");

fn render_block(text: &str, lines: &[Range<usize>], block: &BlockLines, out: &mut Output) {
    let start = out.text.len();
    out.text.push_str(&block.keyword_text);
    out.text.push(' ');
    out.text.push_str(&block.name);
    out.text.push_str(" {");
    out.finish_line(start);
    let mut scratch = Scratch::default();

    // Block attributes (with the comments right above them) move to the end: (rank, the
    // comment lines, the attribute, its trailing comment).
    type MovedAttribute<'a> = (usize, Vec<&'a str>, Cow<'a, str>, Option<&'a str>);
    let mut attributes: Vec<MovedAttribute<'_>> = Vec::new();
    let mut kept: Vec<Row<'_>> = Vec::with_capacity(block.body.len());
    // How many comment lines came right before the current row (in the original order).
    let mut comments_above = 0;
    for line in block.body.clone() {
        let row = classify(
            block.keyword,
            text[lines[line].clone()].trim_start(),
            &mut scratch,
        );
        match row {
            Row::BlockAttribute(attribute, comment) => {
                let mut comments = Vec::new();
                for _ in 0..comments_above {
                    if let Some(Row::Comment(c)) = kept.pop() {
                        comments.insert(0, c);
                    }
                }
                comments_above = 0;
                // The blank line above a block attribute goes with it: what follows the
                // attributes joins what came before them.
                if let Some(Row::Blank) = kept.last() {
                    kept.pop();
                }
                attributes.push((
                    block_attribute_rank(&attribute),
                    comments,
                    attribute,
                    comment,
                ));
            }
            other => {
                comments_above = if matches!(other, Row::Comment(_)) {
                    comments_above + 1
                } else {
                    0
                };
                kept.push(other);
            }
        }
    }
    // Blank lines: none at the start or end, runs collapsed.
    let mut body: Vec<Row<'_>> = Vec::with_capacity(kept.len());
    for row in kept {
        if matches!(row, Row::Blank) && (body.is_empty() || matches!(body.last(), Some(Row::Blank)))
        {
            continue;
        }
        body.push(row);
    }
    while matches!(body.last(), Some(Row::Blank)) {
        body.pop();
    }

    let separator = match block.keyword {
        Keyword::Datasource | Keyword::Generator => " = ",
        _ => " ",
    };
    let mut start = 0;
    while start < body.len() {
        let mut end = start;
        while end < body.len() && !matches!(body[end], Row::Blank) {
            end += 1;
        }
        render_table(&body[start..end], separator, out);
        if end < body.len() {
            out.blank();
        }
        start = end + 1;
    }

    if !attributes.is_empty() {
        if !body.is_empty() {
            out.blank();
        }
        attributes.sort_by_key(|(rank, ..)| *rank);
        for (_, comments, attribute, comment) in attributes {
            for comment in comments {
                indented_line(out, comment);
            }
            let start = out.text.len();
            out.text.push_str(INDENT);
            out.text.push_str(&attribute);
            if let Some(comment) = comment {
                out.text.push(' ');
                out.text.push_str(comment);
            }
            out.finish_line(start);
        }
    }
    out.line("}");
}

fn indented_line(out: &mut Output, line: &str) {
    let start = out.text.len();
    out.text.push_str(INDENT);
    out.text.push_str(line);
    out.finish_line(start);
}

fn render_table(rows: &[Row<'_>], separator: &str, out: &mut Output) {
    let mut widths = [0usize; 3];
    for row in rows {
        if let Row::Cells { cells, count, .. } = row {
            for (column, cell) in cells.iter().enumerate().take(*count) {
                widths[column] = widths[column].max(cell.chars().count());
            }
        }
    }
    for row in rows {
        match row {
            Row::Comment(line) | Row::Other(line) => indented_line(out, line),
            Row::Cells {
                cells,
                count,
                comment,
            } => {
                let start = out.text.len();
                out.text.push_str(INDENT);
                // Cells are padded to their column's width, up to the last non-empty one.
                let last = cells[..*count]
                    .iter()
                    .rposition(|c| !c.is_empty())
                    .unwrap_or(0);
                for (column, cell) in cells.iter().enumerate().take(last + 1) {
                    if column > 0 {
                        out.text.push_str(if column == 1 { separator } else { " " });
                    }
                    out.text.push_str(cell);
                    if column < last {
                        let padding = widths[column].saturating_sub(cell.chars().count());
                        out.text.extend(std::iter::repeat_n(' ', padding));
                    }
                }
                let trimmed_len = out.text[start..].trim_end().len();
                out.text.truncate(start + trimmed_len);
                if let Some(comment) = comment {
                    out.text.push(' ');
                    out.text.push_str(comment);
                }
                out.finish_line(start);
            }
            Row::Blank | Row::BlockAttribute(..) => {}
        }
    }
}

/// `line` is trimmed at the start only: Prisma keeps a comment's trailing whitespace.
fn classify<'a>(keyword: Keyword, line: &'a str, scratch: &mut Scratch<'a>) -> Row<'a> {
    if line.trim().is_empty() {
        return Row::Blank;
    }
    if line.starts_with("//") {
        return Row::Comment(line);
    }
    let code = line.trim_end();
    if line.starts_with("@@") {
        return match attribute_list(line, scratch) {
            Some((_, comment)) if scratch.attributes.len() == 1 => {
                let attribute = scratch.attributes.pop().unwrap_or(NO_CELL);
                Row::BlockAttribute(attribute, comment)
            }
            _ => Row::Other(code),
        };
    }
    let parsed = match keyword {
        Keyword::Model | Keyword::View | Keyword::Type => field(line, scratch),
        Keyword::Enum => enum_value(line, scratch),
        Keyword::Datasource | Keyword::Generator => property(line, scratch),
    };
    parsed.unwrap_or(Row::Other(code))
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// Splits off the leading name; the rest is trimmed at the start.
fn leading_name(line: &str) -> Option<(&str, &str)> {
    let end = line.find(|c: char| !is_name_char(c)).unwrap_or(line.len());
    if end == 0 {
        return None;
    }
    Some((&line[..end], line[end..].trim_start()))
}

fn field<'a>(line: &'a str, scratch: &mut Scratch<'a>) -> Option<Row<'a>> {
    let (name, rest) = leading_name(line)?;
    // The legacy `name: Type` form.
    let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
    if rest.is_empty() || rest.starts_with("//") {
        let comment = (!rest.trim().is_empty()).then_some(rest);
        return Some(Row::cells(
            [Cow::Borrowed(name), NO_CELL, NO_CELL],
            1,
            comment,
        ));
    }
    let (field_type, rest) = field_type(rest, scratch)?;
    let (attributes, comment) = attribute_list(rest, scratch)?;
    let attributes = attribute_cell(attributes, &mut scratch.attributes, field_attribute_rank);
    let count = if attributes.is_empty() { 2 } else { 3 };
    Some(Row::cells(
        [Cow::Borrowed(name), field_type, attributes],
        count,
        comment,
    ))
}

/// The attribute column: the attributes in Prisma's order (stable), one space apart. When
/// the line already reads so, that is `written` (the attributes as written).
fn attribute_cell<'a>(
    written: Option<&'a str>,
    attributes: &mut Vec<Cow<'a, str>>,
    rank: fn(&str) -> usize,
) -> Cow<'a, str> {
    let in_order = attributes
        .windows(2)
        .all(|pair| rank(&pair[0]) <= rank(&pair[1]));
    if let Some(written) = written
        && in_order
    {
        attributes.clear();
        return Cow::Borrowed(written);
    }
    match attributes.len() {
        0 => NO_CELL,
        1 => attributes.pop().unwrap_or(NO_CELL),
        _ => {
            attributes.sort_by_key(|a| rank(a));
            let mut cell = String::with_capacity(attributes.iter().map(|a| a.len() + 1).sum());
            for (index, attribute) in attributes.drain(..).enumerate() {
                if index > 0 {
                    cell.push(' ');
                }
                cell.push_str(&attribute);
            }
            Cow::Owned(cell)
        }
    }
}

/// `rendered` (in `scratch`) borrowed from `original` when they are the same text.
fn reuse<'a>(original: &'a str, rendered: &str) -> Cow<'a, str> {
    if rendered == original {
        Cow::Borrowed(original)
    } else {
        Cow::Owned(rendered.to_string())
    }
}

/// The type of a field with its arity (`String?`, `Int[]`, `Unsupported("x")?`); the legacy
/// `[Type]` and `Type!` forms are rewritten to `Type[]` and `Type`.
fn field_type<'a>(text: &'a str, scratch: &mut Scratch<'a>) -> Option<(Cow<'a, str>, &'a str)> {
    if let Some(inner) = text.strip_prefix('[') {
        let close = inner.find(']')?;
        let base = inner[..close].trim();
        if base.is_empty() || !base.chars().all(|c| is_name_char(c) || c == '.') {
            return None;
        }
        return Some((
            Cow::Owned(format!("{base}[]")),
            inner[close + 1..].trim_start(),
        ));
    }
    let end = text
        .find(|c: char| !(is_name_char(c) || c == '.'))
        .unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    let mut rest = &text[end..];
    // Whether the text as written is the rendered type (no legacy `!`).
    let mut as_written = true;
    let mut arguments = None;
    if rest.starts_with('(') {
        let close = balanced_end(rest)?;
        render_expression(&rest[..close], &mut scratch.text)?;
        as_written = scratch.text == rest[..close];
        arguments = Some(std::mem::take(&mut scratch.text));
        rest = &rest[close..];
    }
    let list = rest.starts_with("[]");
    if list {
        rest = &rest[2..];
    }
    let optional = rest.starts_with('?');
    if optional {
        rest = &rest[1..];
    } else if let Some(after) = rest.strip_prefix('!') {
        as_written = false;
        rest = after;
    }
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let consumed = text.len() - rest.len();
    let rendered = if as_written {
        Cow::Borrowed(&text[..consumed])
    } else {
        let mut rendered = text[..end].to_string();
        if let Some(arguments) = &arguments {
            rendered.push_str(arguments);
        }
        if list {
            rendered.push_str("[]");
        }
        if optional {
            rendered.push('?');
        }
        Cow::Owned(rendered)
    };
    if let Some(arguments) = arguments {
        // Give the buffer back for the next line.
        scratch.text = arguments;
    }
    Some((rendered, rest.trim_start()))
}

fn enum_value<'a>(line: &'a str, scratch: &mut Scratch<'a>) -> Option<Row<'a>> {
    let (name, rest) = leading_name(line)?;
    let (attributes, comment) = attribute_list(rest, scratch)?;
    let attributes = attribute_cell(attributes, &mut scratch.attributes, |_| 0);
    let count = if attributes.is_empty() { 1 } else { 2 };
    Some(Row::cells(
        [Cow::Borrowed(name), attributes, NO_CELL],
        count,
        comment,
    ))
}

fn property<'a>(line: &'a str, scratch: &mut Scratch<'a>) -> Option<Row<'a>> {
    let (name, rest) = leading_name(line)?;
    let rest = rest.strip_prefix('=')?.trim_start();
    let (value, comment) = split_comment(rest);
    if value.is_empty() {
        return None;
    }
    render_expression(value, &mut scratch.text)?;
    Some(Row::cells(
        [Cow::Borrowed(name), reuse(value, &scratch.text), NO_CELL],
        2,
        comment,
    ))
}

/// Splits `text` at a `//` comment outside strings: (code trimmed, comment).
fn split_comment(text: &str) -> (&str, Option<&str>) {
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
            // A `/* … */` closed on the same line is a trailing comment too (Prisma keeps it
            // as written).
            b'/' if !in_string
                && bytes.get(index + 1) == Some(&b'*')
                && text[index + 2..].contains("*/") =>
            {
                return (text[..index].trim(), Some(&text[index..]));
            }
            _ => {}
        }
        index += 1;
    }
    (text.trim(), None)
}

/// Attributes (`@name` or `@@name`, with arguments) up to an optional trailing comment, into
/// `scratch.attributes`. Returns the attributes' text as written when it is already
/// rendered (each attribute as Prisma writes it, one space apart), and the comment.
fn attribute_list<'a>(
    text: &'a str,
    scratch: &mut Scratch<'a>,
) -> Option<(Option<&'a str>, Option<&'a str>)> {
    scratch.attributes.clear();
    let mut rest = text.trim_start();
    let first = text.len() - rest.len();
    // Where the last attribute ends, and whether everything so far is written as rendered.
    let mut end_of_last = first;
    let mut as_written = true;
    loop {
        let written = |end: usize, as_written: bool| as_written.then(|| &text[first..end]);
        if rest.trim().is_empty() {
            return Some((written(end_of_last, as_written), None));
        }
        if rest.starts_with("//") {
            return Some((written(end_of_last, as_written), Some(rest)));
        }
        let start = text.len() - rest.len();
        // Attributes one space apart (not a tab, not two spaces) read as rendered.
        if !scratch.attributes.is_empty()
            && (start != end_of_last + 1 || text.as_bytes()[end_of_last] != b' ')
        {
            as_written = false;
        }
        let after_at = rest.strip_prefix("@@").or_else(|| rest.strip_prefix('@'))?;
        let name_end = after_at
            .find(|c: char| !(is_name_char(c) || c == '.'))
            .unwrap_or(after_at.len());
        if name_end == 0 {
            return None;
        }
        let name_len = rest.len() - after_at.len() + name_end;
        let head = &rest[..name_len];
        rest = &after_at[name_end..];
        let spaced = rest.trim_start();
        let attribute = if spaced.starts_with('(') {
            let close = balanced_end(spaced)?;
            render_expression(&spaced[..close], &mut scratch.text)?;
            let original = &text[start..text.len() - spaced.len() + close];
            rest = &spaced[close..];
            let same = original.len() == head.len() + scratch.text.len()
                && original.ends_with(scratch.text.as_str());
            if same {
                Cow::Borrowed(original)
            } else {
                Cow::Owned(format!("{head}{}", scratch.text))
            }
        } else {
            Cow::Borrowed(head)
        };
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        as_written &= matches!(attribute, Cow::Borrowed(_));
        end_of_last = text.len() - rest.len();
        scratch.attributes.push(attribute);
        rest = rest.trim_start();
    }
}

/// The byte length of the balanced `(…)` at the start of `text` (strings respected).
fn balanced_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' if in_string => index += 1,
            b'"' => in_string = !in_string,
            b'(' | b'[' if !in_string => depth += 1,
            b')' | b']' if !in_string => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(index + 1);
                }
            }
            _ => {}
        }
        index += 1;
    }
    None
}

/// Re-spaces an expression into `out` (cleared first): one space after `,` and `:`, none
/// inside brackets. `None` for a comment or an unterminated string inside.
fn render_expression(text: &str, out: &mut String) -> Option<()> {
    out.clear();
    let bytes = text.as_bytes();
    let mut index = 0;
    // Whether whitespace came before the current token, and whether the previous token was
    // a word (a name, number or string).
    let mut spaced = false;
    let mut after_word = false;
    while index < bytes.len() {
        let c = bytes[index];
        if c.is_ascii_whitespace() {
            spaced = true;
            index += 1;
            continue;
        }
        if c == b'/' && bytes.get(index + 1) == Some(&b'/') {
            return None;
        }
        let word_start = index;
        if c == b'"' {
            index += 1;
            while index < bytes.len() && bytes[index] != b'"' {
                if bytes[index] == b'\\' {
                    index += 1;
                }
                index += 1;
            }
            if index >= bytes.len() {
                return None;
            }
            index += 1;
        } else if matches!(c, b'(' | b')' | b'[' | b']' | b',' | b':' | b'=') {
            index += 1;
            match c {
                b',' | b':' => {
                    out.push(c as char);
                    out.push(' ');
                }
                b')' | b']' => {
                    if out.ends_with(", ") {
                        out.truncate(out.len() - 1);
                    }
                    out.push(c as char);
                }
                _ => {
                    if spaced && after_word && c == b'=' {
                        out.push(' ');
                    }
                    out.push(c as char);
                }
            }
            after_word = false;
            spaced = false;
            continue;
        } else {
            while index < bytes.len()
                && !bytes[index].is_ascii_whitespace()
                && !matches!(
                    bytes[index],
                    b'(' | b')' | b'[' | b']' | b',' | b':' | b'=' | b'"'
                )
            {
                index += 1;
            }
        }
        if spaced && after_word {
            out.push(' ');
        }
        out.push_str(&text[word_start..index]);
        after_word = true;
        spaced = false;
    }
    Some(())
}

fn attribute_name(attribute: &str) -> &str {
    let end = attribute.find('(').unwrap_or(attribute.len());
    &attribute[..end]
}

fn field_attribute_rank(attribute: &str) -> usize {
    const ORDER: [&str; 7] = [
        "@id",
        "@unique",
        "@default",
        "@updatedAt",
        "@map",
        "@relation",
        "@ignore",
    ];
    rank_in(&ORDER, attribute)
}

fn block_attribute_rank(attribute: &str) -> usize {
    const ORDER: [&str; 7] = [
        "@@id",
        "@@unique",
        "@@index",
        "@@fulltext",
        "@@map",
        "@@ignore",
        "@@schema",
    ];
    rank_in(&ORDER, attribute)
}

/// Where the attribute's name stands in `order`; unlisted names come after every listed one.
fn rank_in(order: &[&str], attribute: &str) -> usize {
    let name = attribute_name(attribute);
    order.iter().position(|n| *n == name).unwrap_or(order.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(text: &str) -> String {
        format_text(text, &[]).unwrap_or_default()
    }

    #[test]
    fn aligns_fields_and_moves_block_attributes() {
        let input = "model A {\n  id Int @map(\"i\") @id\n  name   String?\n  @@map(\"a\")\n  @@id([id])\n}";
        assert_eq!(
            format(input),
            "model A {\n  id   Int     @id @map(\"i\")\n  name String?\n\n  @@id([id])\n  @@map(\"a\")\n}\n"
        );
    }

    #[test]
    fn respaces_arguments() {
        let mut out = String::new();
        assert_eq!(
            render_expression("(fields:[a ,b],name :\"x\")", &mut out),
            Some(())
        );
        assert_eq!(out, "(fields: [a, b], name: \"x\")");
    }
}
