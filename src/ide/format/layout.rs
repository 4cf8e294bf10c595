//! The layout of a block: its lines as rows of cells in column tables, attributes in
//! Prisma's order, block attributes at the end, comments where Prisma puts them.

use super::Output;
use super::lines::{BlockLines, ErrorIndex, Keyword, is_whole_block_comment, split_comment};
use std::borrow::Cow;
use std::ops::Range;

/// A `/* … */` comment alone on its line(s) becomes `/**`, ` * line`…, ` */` (indented by
/// `indent`), as Prisma writes it: each line of text without its frame (`/*`, `*/`, a
/// leading `*`), without blank first and last lines.
pub(super) fn render_block_comment(comment: &str, indent: &str, out: &mut Output) {
    let lines = block_comment_lines(comment);
    let framed = |out: &mut Output, frame: &str, line: &str| {
        let start = out.text.len();
        out.text.push_str(indent);
        out.text.push_str(frame);
        out.text.push_str(line);
        out.finish_line(start);
    };
    framed(out, "/**", "");
    for line in &lines {
        if line.is_empty() {
            framed(out, " *", "");
        } else {
            framed(out, " * ", line);
        }
    }
    framed(out, " */", "");
}

/// The lines of text of a `/* … */` comment: each without the frame (`/*`, `*/`, a leading
/// `*`) and blanks around it, without blank first and last lines.
pub(super) fn block_comment_lines(comment: &str) -> Vec<&str> {
    let inner = comment
        .strip_prefix("/*")
        .and_then(|c| c.strip_suffix("*/"))
        .unwrap_or(comment);
    let lines: Vec<&str> = crate::syntax::split_lines(inner)
        .map(|line| {
            let line = line.trim();
            line.strip_prefix('*').unwrap_or(line).trim()
        })
        .collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |l| l + 1);
    lines[first..last].to_vec()
}

/// One line of a block body; the text is borrowed from the input where formatting leaves it
/// as it is (most of a formatted schema).
enum Row<'a> {
    Blank,
    Comment(&'a str),
    /// A `/* … */` comment alone on its line(s).
    BlockComment(&'a str),
    /// A line we do not understand: kept, trimmed, outside the table widths (the lines a
    /// comment on it runs over are kept as written).
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
    /// Whether the current line is a field in a legacy form (`name: Type`, `[Type]`,
    /// `Type!`), and whether a line laid out so far was.
    legacy: bool,
    repaired: bool,
}

const INDENT: &str = "  ";
const NO_CELL: Cow<'static, str> = Cow::Borrowed("");

/// Lays out `block`; its lines that a syntax error touches (`errors`) are kept as written, in
/// their place: the layout's reading of them is a guess, and re-spacing them could change
/// how the grammar recovers (`url = :"x://"` reads `//"` as a comment, `url = : "x://"`
/// does not). Not the legacy forms of a field the layout rewrites as Prisma does (`name:
/// Type`, `[Type]`), when those are the line's only errors.
pub(super) fn render_block(
    text: &str,
    lines: &[Range<usize>],
    block: &BlockLines,
    errors: &ErrorIndex<'_>,
    out: &mut Output,
) {
    let start = out.text.len();
    out.text.push_str(&block.keyword_text);
    out.text.push(' ');
    out.text.push_str(&block.name);
    out.text.push_str(" {");
    out.finish_line(start);
    let mut scratch = Scratch::default();

    // Block attributes (with the comments right above them) move to the end: (rank, the
    // comment lines, the attribute, its trailing comment).
    type MovedAttribute<'a> = (usize, Vec<Row<'a>>, Cow<'a, str>, Option<&'a str>);
    let mut attributes: Vec<MovedAttribute<'_>> = Vec::new();
    let mut kept: Vec<Row<'_>> = Vec::with_capacity(block.body.len());
    // How many comment lines came right before the current row (in the original order).
    let mut comments_above = 0;
    for line in block.body.clone() {
        let range = &lines[line];
        let written = text[range.clone()].trim_start();
        let as_written = errors.touches(range)
            && !written.trim().is_empty()
            && !(matches!(
                block.keyword,
                Keyword::Model | Keyword::View | Keyword::Type
            ) && legacy_region(written).is_some_and(|region| {
                let offset = range.end - written.len();
                errors.all_within(range, &(offset + region.start..offset + region.end))
            }));
        let row = if as_written {
            Row::Other(written.trim_end())
        } else {
            classify(block.keyword, written, &mut scratch)
        };
        match row {
            Row::BlockAttribute(attribute, comment) => {
                let mut comments = Vec::new();
                for _ in 0..comments_above {
                    if let Some(comment @ (Row::Comment(_) | Row::BlockComment(_))) = kept.pop() {
                        comments.insert(0, comment);
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
                comments_above = if matches!(other, Row::Comment(_) | Row::BlockComment(_)) {
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
                match comment {
                    Row::BlockComment(comment) => render_block_comment(comment, INDENT, out),
                    Row::Comment(comment) => indented_line(out, comment),
                    _ => {}
                }
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
    // `}`, with the comment that may follow it as written.
    out.line(text[lines[block.end_line].clone()].trim());
    out.repaired |= scratch.repaired;
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
            Row::BlockComment(comment) => render_block_comment(comment, INDENT, out),
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
    if is_whole_block_comment(code) {
        return Row::BlockComment(code);
    }
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
    scratch.legacy = rest.starts_with(':');
    let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
    let row = if rest.is_empty() || rest.starts_with("//") {
        let comment = (!rest.trim().is_empty()).then_some(rest);
        Row::cells([Cow::Borrowed(name), NO_CELL, NO_CELL], 1, comment)
    } else {
        let (field_type, rest) = field_type(rest, scratch)?;
        let (attributes, comment) = attribute_list(rest, scratch)?;
        let attributes = attribute_cell(attributes, &mut scratch.attributes, field_attribute_rank);
        let count = if attributes.is_empty() { 2 } else { 3 };
        Row::cells(
            [Cow::Borrowed(name), field_type, attributes],
            count,
            comment,
        )
    };
    scratch.repaired |= scratch.legacy;
    Some(row)
}

/// Where a field's line (trimmed at the start) is written in a legacy form the layout
/// rewrites: from a `:` after the name to the end of a `[Type]` type (`name: Type`, `name
/// [Type]`, `name: [Type]`), as offsets in the line.
fn legacy_region(line: &str) -> Option<Range<usize>> {
    let (_, mut rest) = leading_name(line)?;
    let offset = |rest: &str| line.len() - rest.len();
    let mut region: Option<Range<usize>> = None;
    if let Some(after) = rest.strip_prefix(':') {
        region = Some(offset(rest)..offset(rest) + 1);
        rest = after.trim_start();
    }
    if rest.starts_with('[') {
        let end = offset(rest) + rest.find(']')? + 1;
        let start = region.map_or(offset(rest), |colon| colon.start);
        region = Some(start..end);
    }
    region
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
        scratch.legacy = true;
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
        scratch.legacy = true;
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
        if rest.starts_with("//") || is_whole_block_comment(rest.trim_end()) {
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
/// inside brackets. `None` for a comment or an unterminated string inside (the line is then
/// kept as written: re-spacing would re-space the comment too).
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
        if c == b'/' && matches!(bytes.get(index + 1), Some(b'/' | b'*')) {
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
                if bytes[index] == b'/' && matches!(bytes.get(index + 1), Some(b'/' | b'*')) {
                    return None;
                }
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
