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
//!   between top-level blocks; trailing whitespace removed; one final newline.

use crate::model::{FileId, Schema};
use std::ops::Range;

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
                let mut out = Vec::new();
                render_block(&source.text, &lines, &block, &mut out);
                return Some((range, out.join("\n")));
            }
        }
    }
    None
}

/// Formats one file's text; `errors` are the byte ranges of its syntax errors.
pub fn format_text(text: &str, errors: &[Range<usize>]) -> Option<String> {
    let lines = split_lines(text);
    let items = top_level_items(text, &lines)?;
    let mut out: Vec<String> = Vec::new();
    // Whether the previous emitted item was a block (one blank line must follow it).
    let mut after_block = false;
    for item in items {
        match item {
            TopItem::Blank => {
                if !out.is_empty() && out.last().is_some_and(|l| !l.is_empty()) {
                    out.push(String::new());
                }
            }
            TopItem::Comment(line) => {
                if after_block && out.last().is_some_and(|l| !l.is_empty()) {
                    out.push(String::new());
                }
                out.push(text[lines[line].clone()].trim_start().to_string());
                after_block = false;
            }
            TopItem::BlockComment(first, last) => {
                if after_block && out.last().is_some_and(|l| !l.is_empty()) {
                    out.push(String::new());
                }
                render_block_comment(text, &lines[first..=last], &mut out);
                after_block = false;
            }
            TopItem::Other(line) => {
                out.push(text[lines[line].clone()].trim_end().to_string());
                after_block = false;
            }
            TopItem::Block(block) => {
                if after_block && out.last().is_some_and(|l| !l.is_empty()) {
                    out.push(String::new());
                }
                let range = lines[block.header].start..lines[block.end_line].end;
                if overlaps(&range, errors) && has_unbalanced_line(text, &lines, &block) {
                    for line in block.header..=block.end_line {
                        out.push(text[lines[line].clone()].to_string());
                    }
                } else {
                    render_block(text, &lines, &block, &mut out);
                }
                after_block = true;
            }
        }
    }
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    let mut result = out.join("\n");
    result.push('\n');
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
fn render_block_comment(text: &str, lines: &[Range<usize>], out: &mut Vec<String>) {
    let mut inner: Vec<String> = Vec::new();
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
        inner.push(line.to_string());
    }
    out.push("/**".to_string());
    for line in inner {
        if line.is_empty() {
            out.push(" *".to_string());
        } else {
            out.push(format!(" * {line}"));
        }
    }
    out.push(" */".to_string());
}

/// One line of a block body.
enum Row {
    Blank,
    Comment(String),
    /// A line we do not understand: kept, trimmed, outside the table widths.
    Other(String),
    /// Cells (name, type, attributes / key, value) and a trailing comment.
    Cells(Vec<String>, Option<String>),
    /// A block attribute, rendered, with its trailing comment.
    BlockAttribute(String, Option<String>),
}

const INDENT: &str = "  ";

fn render_block(text: &str, lines: &[Range<usize>], block: &BlockLines, out: &mut Vec<String>) {
    out.push(format!("{} {} {{", block.keyword_text, block.name));
    let mut rows: Vec<Row> = Vec::new();
    for line in block.body.clone() {
        rows.push(classify(
            block.keyword,
            text[lines[line].clone()].trim_start(),
        ));
    }

    // Block attributes (with the comments right above them) move to the end.
    let mut attributes: Vec<(usize, Vec<String>, String)> = Vec::new();
    let mut kept: Vec<Row> = Vec::new();
    // How many comment lines came right before the current row (in the original order).
    let mut comments_above = 0;
    for row in rows {
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
                let mut line = attribute.clone();
                if let Some(comment) = comment {
                    line.push(' ');
                    line.push_str(&comment);
                }
                comments.push(line);
                attributes.push((block_attribute_rank(&attribute), comments, attribute));
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
    let mut body: Vec<Row> = Vec::new();
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
            out.push(String::new());
        }
        start = end + 1;
    }

    if !attributes.is_empty() {
        if !body.is_empty() {
            out.push(String::new());
        }
        attributes.sort_by_key(|(rank, _, _)| *rank);
        for (_, lines, _) in attributes {
            for line in lines {
                out.push(format!("{INDENT}{line}"));
            }
        }
    }
    out.push("}".to_string());
}

fn render_table(rows: &[Row], separator: &str, out: &mut Vec<String>) {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        if let Row::Cells(cells, _) = row {
            for (column, cell) in cells.iter().enumerate() {
                let width = cell.chars().count();
                if column == widths.len() {
                    widths.push(width);
                } else if widths[column] < width {
                    widths[column] = width;
                }
            }
        }
    }
    for row in rows {
        match row {
            Row::Comment(comment) => out.push(format!("{INDENT}{comment}")),
            Row::Other(line) => out.push(format!("{INDENT}{line}")),
            Row::Cells(cells, comment) => {
                let mut line = String::from(INDENT);
                // Cells are padded to their column's width, up to the last non-empty one.
                let last = cells.iter().rposition(|c| !c.is_empty()).unwrap_or(0);
                for (column, cell) in cells.iter().enumerate().take(last + 1) {
                    if column > 0 {
                        line.push_str(if column == 1 { separator } else { " " });
                    }
                    line.push_str(cell);
                    if column < last {
                        let padding = widths[column].saturating_sub(cell.chars().count());
                        line.extend(std::iter::repeat_n(' ', padding));
                    }
                }
                let trimmed_len = line.trim_end().len();
                line.truncate(trimmed_len);
                if let Some(comment) = comment {
                    line.push(' ');
                    line.push_str(comment);
                }
                out.push(line);
            }
            Row::Blank | Row::BlockAttribute(..) => {}
        }
    }
}

/// `line` is trimmed at the start only: Prisma keeps a comment's trailing whitespace.
fn classify(keyword: Keyword, line: &str) -> Row {
    if line.trim().is_empty() {
        return Row::Blank;
    }
    if line.starts_with("//") {
        return Row::Comment(line.to_string());
    }
    let code = line.trim_end();
    if line.starts_with("@@") {
        return match attribute_list(line) {
            Some((attributes, comment)) if attributes.len() == 1 => {
                Row::BlockAttribute(attributes[0].clone(), comment)
            }
            _ => Row::Other(code.to_string()),
        };
    }
    let parsed = match keyword {
        Keyword::Model | Keyword::View | Keyword::Type => field(line),
        Keyword::Enum => enum_value(line),
        Keyword::Datasource | Keyword::Generator => property(line),
    };
    parsed.unwrap_or_else(|| Row::Other(code.to_string()))
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

fn field(line: &str) -> Option<Row> {
    let (name, rest) = leading_name(line)?;
    // The legacy `name: Type` form.
    let rest = rest.strip_prefix(':').map_or(rest, str::trim_start);
    if rest.is_empty() || rest.starts_with("//") {
        let comment = (!rest.trim().is_empty()).then(|| rest.to_string());
        return Some(Row::Cells(vec![name.to_string()], comment));
    }
    let (field_type, rest) = field_type(rest)?;
    let (mut attributes, comment) = attribute_list(rest)?;
    attributes.sort_by_key(|a| field_attribute_rank(a));
    let mut cells = vec![name.to_string(), field_type];
    if !attributes.is_empty() {
        cells.push(attributes.join(" "));
    }
    Some(Row::Cells(cells, comment))
}

/// The type of a field with its arity (`String?`, `Int[]`, `Unsupported("x")?`); the legacy
/// `[Type]` and `Type!` forms are rewritten to `Type[]` and `Type`.
fn field_type(text: &str) -> Option<(String, &str)> {
    if let Some(inner) = text.strip_prefix('[') {
        let close = inner.find(']')?;
        let base = inner[..close].trim();
        if base.is_empty() || !base.chars().all(|c| is_name_char(c) || c == '.') {
            return None;
        }
        return Some((format!("{base}[]"), inner[close + 1..].trim_start()));
    }
    let end = text
        .find(|c: char| !(is_name_char(c) || c == '.'))
        .unwrap_or(text.len());
    if end == 0 {
        return None;
    }
    let mut rendered = text[..end].to_string();
    let mut rest = &text[end..];
    if rest.starts_with('(') {
        let close = balanced_end(rest)?;
        rendered.push_str(&render_arguments(&rest[..close])?);
        rest = &rest[close..];
    }
    if let Some(after) = rest.strip_prefix("[]") {
        rendered.push_str("[]");
        rest = after;
    }
    if let Some(after) = rest.strip_prefix('?') {
        rendered.push('?');
        rest = after;
    } else if let Some(after) = rest.strip_prefix('!') {
        rest = after;
    }
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((rendered, rest.trim_start()))
}

fn enum_value(line: &str) -> Option<Row> {
    let (name, rest) = leading_name(line)?;
    let (attributes, comment) = attribute_list(rest)?;
    let mut cells = vec![name.to_string()];
    if !attributes.is_empty() {
        cells.push(attributes.join(" "));
    }
    Some(Row::Cells(cells, comment))
}

fn property(line: &str) -> Option<Row> {
    let (name, rest) = leading_name(line)?;
    let rest = rest.strip_prefix('=')?.trim_start();
    let (value, comment) = split_comment(rest);
    if value.is_empty() {
        return None;
    }
    Some(Row::Cells(
        vec![name.to_string(), render_expression(value)?],
        comment,
    ))
}

/// Splits `text` at a `//` comment outside strings: (code trimmed, comment).
fn split_comment(text: &str) -> (&str, Option<String>) {
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut in_string = false;
    while index < bytes.len() {
        match bytes[index] {
            b'\\' if in_string => index += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(index + 1) == Some(&b'/') => {
                return (text[..index].trim(), Some(text[index..].to_string()));
            }
            _ => {}
        }
        index += 1;
    }
    (text.trim(), None)
}

/// Attributes (`@name` or `@@name`, with arguments) up to an optional trailing comment.
fn attribute_list(text: &str) -> Option<(Vec<String>, Option<String>)> {
    let mut attributes = Vec::new();
    let mut rest = text.trim_start();
    loop {
        if rest.trim().is_empty() {
            return Some((attributes, None));
        }
        if rest.starts_with("//") {
            return Some((attributes, Some(rest.to_string())));
        }
        let after_at = rest.strip_prefix("@@").or_else(|| rest.strip_prefix('@'))?;
        let prefix = &rest[..rest.len() - after_at.len()];
        let end = after_at
            .find(|c: char| !(is_name_char(c) || c == '.'))
            .unwrap_or(after_at.len());
        if end == 0 {
            return None;
        }
        let mut attribute = format!("{prefix}{}", &after_at[..end]);
        rest = &after_at[end..];
        let spaced = rest.trim_start();
        if spaced.starts_with('(') {
            let close = balanced_end(spaced)?;
            attribute.push_str(&render_arguments(&spaced[..close])?);
            rest = &spaced[close..];
        }
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            return None;
        }
        attributes.push(attribute);
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

fn render_arguments(text: &str) -> Option<String> {
    render_expression(text)
}

#[derive(Debug, PartialEq)]
enum Token<'a> {
    Punct(char),
    Word(&'a str),
}

/// Re-spaces an expression: one space after `,` and `:`, none inside brackets.
fn render_expression(text: &str) -> Option<String> {
    let mut tokens: Vec<(Token, bool)> = Vec::new(); // (token, preceded by whitespace)
    let bytes = text.as_bytes();
    let mut index = 0;
    let mut spaced = false;
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
        if c == b'"' {
            let start = index;
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
            tokens.push((Token::Word(&text[start..index]), spaced));
        } else if matches!(c, b'(' | b')' | b'[' | b']' | b',' | b':' | b'=') {
            tokens.push((Token::Punct(c as char), spaced));
            index += 1;
        } else {
            let start = index;
            while index < bytes.len()
                && !bytes[index].is_ascii_whitespace()
                && !matches!(
                    bytes[index],
                    b'(' | b')' | b'[' | b']' | b',' | b':' | b'=' | b'"'
                )
            {
                index += 1;
            }
            tokens.push((Token::Word(&text[start..index]), spaced));
        }
        spaced = false;
    }
    let mut out = String::new();
    let mut previous: Option<&Token> = None;
    for (token, was_spaced) in &tokens {
        match token {
            Token::Punct(c @ (',' | ':')) => {
                out.push(*c);
                out.push(' ');
            }
            Token::Punct(c @ (')' | ']')) => {
                if out.ends_with(", ") {
                    out.truncate(out.len() - 1);
                }
                out.push(*c);
            }
            Token::Punct(c) => {
                if *was_spaced && matches!(previous, Some(Token::Word(_))) && *c == '=' {
                    out.push(' ');
                }
                out.push(*c);
            }
            Token::Word(word) => {
                if *was_spaced && matches!(previous, Some(Token::Word(_))) {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
        previous = Some(token);
    }
    Some(out)
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
        assert_eq!(
            render_expression("(fields:[a ,b],name :\"x\")").as_deref(),
            Some("(fields: [a, b], name: \"x\")")
        );
    }
}
