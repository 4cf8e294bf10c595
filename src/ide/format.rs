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

use crate::model::{Arity, Attribute, Block, BlockKind, Expression, Field, FileId, Schema};
use rustc_hash::FxHashMap;
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
    // Whether the previous item was a line kept as written (a type alias, a stray line):
    // Prisma writes it without its line break, and the blank lines after it only end it.
    let mut after_other = false;
    for item in items {
        let is_other = matches!(item, TopItem::Other(_));
        let is_blank = matches!(item, TopItem::Blank);
        match item {
            TopItem::Blank => {
                if !after_other && !out.is_empty() && out.last().is_some_and(|l| !l.is_empty()) {
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
                if after_block && out.last().is_some_and(|l| !l.is_empty()) {
                    out.push(String::new());
                }
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
        after_other = is_other || (after_other && is_blank);
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
            // A `/* … */` closed on the same line is a trailing comment too (Prisma keeps it
            // as written).
            b'/' if !in_string
                && bytes.get(index + 1) == Some(&b'*')
                && text[index + 2..].contains("*/") =>
            {
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

// ---------------------------------------------------------------------------------------
// The relation pieces `prisma format` adds.
//
// Before laying a schema out, Prisma completes its one-to-one and one-to-many relations: the
// missing opposite field, the missing `@relation(fields: …, references: …)` or its missing
// arguments, and the scalar fields a generated `fields:` names. It does this only for a
// schema that reads without error, by inserting text (before a model's `}`, after a field's
// type, inside `@relation(…)`) and then formatting the result, so the new lines join the
// last table of the block. We pair the fields and pick the side that holds the foreign key
// as Prisma does.
// ---------------------------------------------------------------------------------------

/// Text to insert at a byte position of one file.
struct Insertion {
    file: FileId,
    position: usize,
    content: String,
}

/// A field of a model or view whose type is a model or view.
struct RelationSide<'a> {
    model: &'a Block,
    field: &'a Field,
    target: &'a Block,
    /// The relation's name as written in `@relation("…")`.
    name: Option<&'a str>,
    arity: Arity,
    relation: Option<&'a Attribute>,
    fields: Option<Vec<&'a str>>,
    references: Option<Vec<&'a str>>,
}

/// A one-to-one or one-to-many relation (indices into the relation fields): `forward` is
/// the side that holds the foreign key (`fields:`), `back` the other one; at least one is
/// present.
struct InlineRelation<'a> {
    forward: Option<usize>,
    back: Option<usize>,
    one_to_one: bool,
    /// The model with the foreign key, and the model it references.
    referencing: &'a Block,
    referenced: &'a Block,
}

fn is_relation_target(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Model | BlockKind::View)
}

/// The names listed in an argument (`[a, b]`, or `a(sort: Desc)` items).
fn argument_names<'a>(attribute: &'a Attribute, name: &str) -> Option<Vec<&'a str>> {
    let value = attribute.argument(name, None)?.value.as_ref()?;
    Some(
        value
            .as_list()
            .iter()
            .filter_map(|item| match item {
                Expression::Constant(ident) => Some(ident.text.as_str()),
                Expression::Function { name, .. } => Some(name.text.as_str()),
                _ => None,
            })
            .collect(),
    )
}

/// Whether the schema reads without the errors that stop Prisma from adding anything:
/// syntax errors, duplicate or unknown type names, unknown fields in `fields:`/`references:`.
/// (Prisma's reading stage rejects more; these are the ones that make pairing meaningless.)
fn reads_cleanly(schema: &Schema, sides: &[RelationSide<'_>]) -> bool {
    let no_syntax_errors = schema.file_ids().all(|file| {
        schema
            .file_model(file)
            .blocks
            .iter()
            .all(|b| b.syntax_errors.is_empty() && b.closed)
    }) && schema
        .file_ids()
        .all(|file| schema.syntax_errors(file).is_empty());
    if !no_syntax_errors {
        return false;
    }
    let types_resolve = schema.blocks().all(|block| {
        (!block.kind.is_type() || schema.declarations_of(&block.name.text).nth(1).is_none())
            && block.fields.iter().all(|field| {
                field.r#type.as_ref().is_some_and(|t| {
                    t.unsupported.is_some()
                        || crate::analysis::SCALAR_TYPES.contains(&t.name.text.as_str())
                        || schema.find_type(&t.name.text).is_some()
                })
            })
    });
    types_resolve
        && sides.iter().all(|side| {
            side.fields
                .iter()
                .flatten()
                .all(|name| side.model.field(name).is_some())
                && side
                    .references
                    .iter()
                    .flatten()
                    .all(|name| side.target.field(name).is_some())
        })
}

/// The relation fields of the schema, in Prisma's order (model by model, field by field).
fn relation_sides(schema: &Schema) -> Vec<RelationSide<'_>> {
    let mut sides = Vec::new();
    for model in schema.blocks().filter(|b| is_relation_target(b)) {
        for field in &model.fields {
            let Some(field_type) = &field.r#type else {
                continue;
            };
            let Some(target) = schema
                .find_type(&field_type.name.text)
                .filter(|b| is_relation_target(b))
            else {
                continue;
            };
            let relation = field.attribute("relation");
            sides.push(RelationSide {
                model,
                field,
                target,
                name: relation
                    .and_then(|a| a.argument("name", Some(0)))
                    .and_then(|a| a.value.as_ref())
                    .and_then(Expression::as_str),
                arity: field_type.arity(),
                relation,
                fields: relation.and_then(|a| argument_names(a, "fields")),
                references: relation.and_then(|a| argument_names(a, "references")),
            });
        }
    }
    sides
}

/// The unique criteria of a model, primary key first: each a list of its fields.
fn unique_criteria(model: &Block) -> Vec<Vec<&Field>> {
    let key_fields = |attribute: &Attribute| -> Option<Vec<&Field>> {
        let value = attribute.argument("fields", Some(0))?.value.as_ref()?;
        value
            .as_list()
            .iter()
            .map(|item| match item {
                Expression::Constant(ident) => model.field(&ident.text),
                Expression::Function { name, .. } => model.field(&name.text),
                _ => None,
            })
            .collect()
    };
    let mut criteria = Vec::new();
    if let Some(field) = model.fields.iter().find(|f| f.attribute("id").is_some()) {
        criteria.push(vec![field]);
    } else if let Some(fields) = model.attributes_named("id").next().and_then(key_fields) {
        criteria.push(fields);
    }
    criteria.extend(
        model
            .fields
            .iter()
            .filter(|f| f.attribute("unique").is_some())
            .map(|f| vec![f]),
    );
    criteria.extend(model.attributes_named("unique").filter_map(key_fields));
    criteria
}

/// Whether `fields` are exactly the fields of a unique index of the model (`@unique`,
/// `@@unique`; not the primary key, as Prisma decides it).
fn is_unique_index(model: &Block, fields: &[&str]) -> bool {
    if let [single] = fields
        && model
            .field(single)
            .is_some_and(|f| f.attribute("unique").is_some())
    {
        return true;
    }
    model
        .attributes_named("unique")
        .filter_map(|a| {
            let value = a.argument("fields", Some(0))?.value.as_ref()?;
            Some(
                value
                    .as_list()
                    .iter()
                    .filter_map(|item| match item {
                        Expression::Constant(ident) => Some(ident.text.as_str()),
                        Expression::Function { name, .. } => Some(name.text.as_str()),
                        _ => None,
                    })
                    .collect::<Vec<_>>(),
            )
        })
        .any(|names| names == fields)
}

/// Pairs the relation fields and keeps the one-to-one and one-to-many relations, with the
/// side that holds the foreign key, in the order Prisma meets them.
fn inline_relations<'a>(sides: &[RelationSide<'a>]) -> Vec<InlineRelation<'a>> {
    let mut by_model: FxHashMap<*const Block, Vec<usize>> = FxHashMap::default();
    for (index, side) in sides.iter().enumerate() {
        by_model
            .entry(std::ptr::from_ref(side.model))
            .or_default()
            .push(index);
    }
    let mut relations = Vec::new();
    for (index, side) in sides.iter().enumerate() {
        let self_relation = std::ptr::eq(side.model, side.target);
        let opposite = by_model
            .get(&std::ptr::from_ref(side.target))
            .into_iter()
            .flatten()
            .copied()
            .find(|&other| {
                let candidate = &sides[other];
                std::ptr::eq(candidate.target, side.model)
                    && (!self_relation || other != index)
                    && candidate.name == side.name
            });
        let key = |s: &RelationSide<'_>| (s.model.name.text.clone(), s.field.name.text.clone());
        let both = |one_to_one| {
            Some(InlineRelation {
                forward: Some(index),
                back: opposite,
                one_to_one,
                referencing: side.model,
                referenced: side.target,
            })
        };
        let relation = match (side.arity, opposite.map(|o| (o, sides[o].arity))) {
            (Arity::List, Some((_, Arity::List))) => None,
            (Arity::Required, Some((_, Arity::Optional))) => both(true),
            (Arity::Required, Some((o, Arity::Required))) => {
                (key(side) <= key(&sides[o])).then(|| both(true)).flatten()
            }
            (Arity::Optional, Some((_, Arity::Required))) => None,
            (Arity::Optional, Some((o, Arity::Optional))) => {
                if side.fields.is_some()
                    || (sides[o].fields.is_none() && key(side) <= key(&sides[o]))
                {
                    both(true)
                } else {
                    None
                }
            }
            (Arity::List, Some(_)) => None,
            (Arity::List, None) => Some(InlineRelation {
                forward: None,
                back: Some(index),
                one_to_one: false,
                referencing: side.target,
                referenced: side.model,
            }),
            (_, Some(_)) => both(false),
            (_, None) => {
                let one_to_one = side
                    .fields
                    .as_deref()
                    .is_some_and(|fields| is_unique_index(side.model, fields));
                both(one_to_one)
            }
        };
        relations.extend(relation);
    }
    relations
}

/// The field name Prisma derives from a model name (the inflector's camel case): a word
/// starts after a separator or a digit, or at a capital that follows a small letter;
/// everything else is lowered, so `OhWhatAUser` → `ohWhatAUser`, `HTTPServer` →
/// `httpserver`, `user_account` → `userAccount`.
fn camel_case_words(name: &str) -> String {
    let name = name.trim_end_matches(|c: char| !c.is_alphanumeric());
    let mut out = String::with_capacity(name.len());
    let mut new_word = false;
    let mut started = false;
    // The last character written lowered (a word's capital does not count).
    let mut last_lowered = ' ';
    for c in name.chars() {
        if !c.is_alphanumeric() {
            new_word = started;
        } else if c.is_numeric() {
            started = true;
            new_word = true;
            out.push(c);
        } else if new_word || (last_lowered.is_lowercase() && c.is_uppercase()) {
            started = true;
            new_word = false;
            out.push(c.to_ascii_uppercase());
        } else {
            started = true;
            last_lowered = c;
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// The plural Prisma gives a generated list field (the inflector's rules: a few irregular
/// words, words without a plural, then suffix rules, the most specific first).
fn plural(word: &str) -> String {
    const SAME: [&str; 202] = [
        "accommodation",
        "adulthood",
        "advertising",
        "advice",
        "aggression",
        "aid",
        "air",
        "aircraft",
        "alcohol",
        "anger",
        "applause",
        "arithmetic",
        "assistance",
        "athletics",
        "bacon",
        "baggage",
        "beef",
        "biology",
        "blood",
        "botany",
        "bread",
        "butter",
        "carbon",
        "cardboard",
        "cash",
        "chalk",
        "chaos",
        "chess",
        "crossroads",
        "countryside",
        "dancing",
        "deer",
        "dignity",
        "dirt",
        "dust",
        "economics",
        "education",
        "electricity",
        "engineering",
        "enjoyment",
        "envy",
        "equipment",
        "ethics",
        "evidence",
        "evolution",
        "fame",
        "fiction",
        "flour",
        "flu",
        "food",
        "fuel",
        "fun",
        "furniture",
        "gallows",
        "garbage",
        "garlic",
        "genetics",
        "gold",
        "golf",
        "gossip",
        "grammar",
        "gratitude",
        "grief",
        "guilt",
        "gymnastics",
        "happiness",
        "hardware",
        "harm",
        "hate",
        "hatred",
        "health",
        "heat",
        "help",
        "homework",
        "honesty",
        "honey",
        "hospitality",
        "housework",
        "humour",
        "hunger",
        "hydrogen",
        "ice",
        "importance",
        "inflation",
        "information",
        "innocence",
        "iron",
        "irony",
        "jam",
        "jewelry",
        "judo",
        "karate",
        "knowledge",
        "lack",
        "laughter",
        "lava",
        "leather",
        "leisure",
        "lightning",
        "linguine",
        "linguini",
        "linguistics",
        "literature",
        "litter",
        "livestock",
        "logic",
        "loneliness",
        "luck",
        "luggage",
        "macaroni",
        "machinery",
        "magic",
        "management",
        "mankind",
        "marble",
        "mathematics",
        "mayonnaise",
        "measles",
        "methane",
        "milk",
        "money",
        "mud",
        "music",
        "mumps",
        "nature",
        "news",
        "nitrogen",
        "nonsense",
        "nurture",
        "nutrition",
        "obedience",
        "obesity",
        "oxygen",
        "pasta",
        "patience",
        "physics",
        "poetry",
        "pollution",
        "poverty",
        "pride",
        "psychology",
        "publicity",
        "punctuation",
        "quartz",
        "racism",
        "relaxation",
        "reliability",
        "research",
        "respect",
        "revenge",
        "rice",
        "rubbish",
        "rum",
        "safety",
        "scenery",
        "seafood",
        "seaside",
        "series",
        "shame",
        "sheep",
        "shopping",
        "sleep",
        "smoke",
        "smoking",
        "snow",
        "soap",
        "software",
        "soil",
        "spaghetti",
        "species",
        "steam",
        "stuff",
        "stupidity",
        "sunshine",
        "symmetry",
        "tennis",
        "thirst",
        "thunder",
        "timber",
        "traffic",
        "transportation",
        "trust",
        "underwear",
        "unemployment",
        "unity",
        "validity",
        "veal",
        "vegetation",
        "vegetarianism",
        "vengeance",
        "violence",
        "vitality",
        "warmth",
        "wealth",
        "weather",
        "welfare",
        "wheat",
        "wildlife",
        "wisdom",
        "yoga",
        "zinc",
        "zoology",
    ];
    const IRREGULAR: [(&str, &str); 10] = [
        ("ox", "oxen"),
        ("man", "men"),
        ("woman", "women"),
        ("die", "dice"),
        ("yes", "yeses"),
        ("foot", "feet"),
        ("eave", "eaves"),
        ("goose", "geese"),
        ("tooth", "teeth"),
        ("quiz", "quizzes"),
    ];
    if SAME.contains(&word) {
        return word.to_string();
    }
    if let Some((_, plural)) = IRREGULAR.iter().find(|(singular, _)| *singular == word) {
        return (*plural).to_string();
    }
    let chars: Vec<char> = word.chars().collect();
    // The character `back` places before the end, if any.
    let before = |back: usize| chars.len().checked_sub(back + 1).map(|i| chars[i]);
    let ends = |suffixes: &[&str]| suffixes.iter().any(|s| word.ends_with(s));
    let stem = |cut: usize| &word[..word.len() - cut];
    // Stem alternatives followed by one of `endings`: the stem (without the ending) + `add`.
    let rule = |stems: &[&str], endings: &[&str], add: &str| -> Option<String> {
        endings.iter().find_map(|ending| {
            let base = word.strip_suffix(ending)?;
            stems
                .iter()
                .any(|s| base.ends_with(s))
                .then(|| format!("{base}{add}"))
        })
    };
    let vowel = |c: Option<char>| c.is_some_and(|c| "aeiou".contains(c));
    if word.ends_with("eaux") {
        return word.to_string();
    }
    if let Some(found) = rule(&["child"], &["ren", ""], "ren") {
        return found;
    }
    if let Some(found) = rule(&["pe"], &["rson", "ople"], "ople") {
        return found;
    }
    if let Some(found) = rule(&["m", "l"], &["ice", "ouse"], "ice") {
        return found;
    }
    if let Some(found) = rule(
        &["matr", "cod", "mur", "sil", "vert", "ind", "append"],
        &["ix", "ex"],
        "ices",
    ) {
        return found;
    }
    if ends(&["x", "ch", "ss", "sh", "zz"]) {
        return format!("{word}es");
    }
    if ends(&["xes", "ches", "sses", "shes", "zzes"]) {
        return word.to_string();
    }
    // `[^ch][ieo][ln]ey`
    if word.ends_with("ey")
        && before(2).is_some_and(|c| c == 'l' || c == 'n')
        && before(3).is_some_and(|c| "ieo".contains(c))
        && before(4).is_some_and(|c| c != 'c' && c != 'h')
    {
        return format!("{}ies", stem(2));
    }
    // `([^aeiouy]|qu)y`
    if word.ends_with('y')
        && (before(1).is_some_and(|c| !"aeiouy".contains(c)) || word.ends_with("quy"))
    {
        return format!("{}ies", stem(1));
    }
    if let Some(found) = rule(&["ar", "l", "ea", "eo", "oa", "hoo"], &["f"], "ves") {
        return found;
    }
    if let Some(found) = rule(&["kni", "wi", "li"], &["fe"], "ves") {
        return found;
    }
    if word.ends_with("sis") {
        return format!("{}ses", stem(3));
    }
    if let Some(found) = rule(
        &[
            "apheli",
            "hyperbat",
            "periheli",
            "asyndet",
            "noumen",
            "phenomen",
            "criteri",
            "organ",
            "prolegomen",
            "hedr",
            "automat",
        ],
        &["a", "on"],
        "a",
    ) {
        return found;
    }
    if let Some(found) = rule(
        &[
            "agend",
            "addend",
            "millenni",
            "dat",
            "extrem",
            "bacteri",
            "desiderat",
            "strat",
            "candelabr",
            "errat",
            "ov",
            "symposi",
            "curricul",
            "automat",
            "quor",
        ],
        &["a", "um"],
        "a",
    ) {
        return found;
    }
    if let Some(found) = rule(&["her", "at", "gr"], &["o"], "oes") {
        return found;
    }
    if let Some(found) = rule(&["seraph", "cherub"], &["im", ""], "im") {
        return found;
    }
    if let Some(found) = rule(&["alumn", "alg", "vertebr"], &["a", "ae"], "ae") {
        return found;
    }
    if let Some(found) = rule(
        &[
            "alumn", "syllab", "octop", "vir", "radi", "nucle", "fung", "cact", "stimul", "termin",
            "bacill", "foc", "uter", "loc", "strat",
        ],
        &["us", "i"],
        "i",
    ) {
        return found;
    }
    // `[^l]ias|[aeiou]las|[emjzr]as|[iu]am`: already plural.
    let already_plural = (word.ends_with("ias") && before(3).is_some_and(|c| c != 'l'))
        || (word.ends_with("las") && vowel(before(3)))
        || (word.ends_with("as") && before(2).is_some_and(|c| "emjzr".contains(c)))
        || (word.ends_with("am") && before(2).is_some_and(|c| c == 'i' || c == 'u'));
    if already_plural {
        return word.to_string();
    }
    // `e[mn]u` with or without an `s`.
    let emu = |w: &str| w.len() >= 3 && (w.ends_with("emu") || w.ends_with("enu"));
    if emu(word) {
        return format!("{word}s");
    }
    if let Some(base) = word.strip_suffix('s')
        && emu(base)
    {
        return word.to_string();
    }
    // `alias|[^aou]us|tlas|gas|ris`
    if word.ends_with("alias")
        || (word.ends_with("us") && before(2).is_some_and(|c| !"aou".contains(c)))
        || word.ends_with("tlas")
        || word.ends_with("gas")
        || word.ends_with("ris")
    {
        return format!("{word}es");
    }
    if let Some(found) = rule(&["ax", "test"], &["is"], "es") {
        return found;
    }
    // `[^aeiou]ese`: already plural.
    if word.ends_with("ese") && before(3).is_some_and(|c| !"aeiou".contains(c)) {
        return word.to_string();
    }
    if word.ends_with('s') {
        return word.to_string();
    }
    format!("{word}s")
}

/// The first character changed by `change`, the rest kept.
fn change_first(name: &str, upper: bool) -> String {
    let mut chars = name.chars();
    match chars.next() {
        None => String::new(),
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        Some(first) => first.to_lowercase().chain(chars).collect(),
    }
}

/// A scalar field Prisma would add for a generated `fields:` argument.
struct InferredScalar<'a> {
    name: String,
    arity: Arity,
    /// The referenced field it copies (type, native type).
    blueprint: &'a Field,
}

/// The scalar fields a generated `fields:` names: one per field of the referenced model's
/// first unique criterion, named `modelField`.
fn inferred_scalars<'a>(
    sides: &[RelationSide<'a>],
    relation: &InlineRelation<'_>,
    referencing: &'a Block,
    referenced: &'a Block,
) -> Vec<InferredScalar<'a>> {
    let Some(criterion) = unique_criteria(referenced).into_iter().next() else {
        return Vec::new();
    };
    criterion
        .into_iter()
        .map(|field| {
            let name = format!(
                "{}{}",
                change_first(&referenced.name.text, false),
                change_first(&field.name.text, true)
            );
            let existing = referencing.field(&name).and_then(|f| f.r#type.as_ref());
            let arity = match existing {
                Some(field_type) => field_type.arity(),
                None => relation
                    .forward
                    .map_or(Arity::Optional, |forward| sides[forward].arity),
            };
            InferredScalar {
                name,
                arity,
                blueprint: field,
            }
        })
        .collect()
}

fn arity_suffix(arity: Arity) -> &'static str {
    match arity {
        Arity::Required => "",
        Arity::Optional => "?",
        Arity::List => "[]",
    }
}

/// Where the text before a block's closing `}` goes.
fn before_closing_brace(schema: &Schema, block: &Block) -> Option<usize> {
    let position = usize::try_from(block.body.end).ok()?.checked_sub(1)?;
    let text = &schema.file(block.file()).text;
    (text.as_bytes().get(position) == Some(&b'}')).then_some(position)
}

/// Every insertion Prisma's formatter makes to complete the relations, sorted by file and
/// position (insertions at one position in the order they were made).
fn relation_insertions(schema: &Schema) -> Vec<Insertion> {
    let sides = relation_sides(schema);
    if sides.is_empty() || !reads_cleanly(schema, &sides) {
        return Vec::new();
    }
    let relations = inline_relations(&sides);
    let mut insertions = Vec::new();
    // The models of each relation: the one with the foreign key, the one it references.
    fn models<'a>(relation: &InlineRelation<'a>) -> (&'a Block, &'a Block) {
        (relation.referencing, relation.referenced)
    }
    let fields_argument = |relation: &InlineRelation<'_>| {
        let (referencing, referenced) = models(relation);
        let names: Vec<String> = inferred_scalars(&sides, relation, referencing, referenced)
            .into_iter()
            .map(|s| s.name)
            .collect();
        format!("fields: [{}]", names.join(", "))
    };
    let references_argument = |relation: &InlineRelation<'_>| {
        let (_, referenced) = models(relation);
        let names: Vec<&str> = match relation.forward.and_then(|f| sides[f].references.clone()) {
            Some(names) => names,
            None => unique_criteria(referenced)
                .into_iter()
                .find(|criterion| {
                    criterion.iter().all(|f| {
                        f.r#type
                            .as_ref()
                            .is_some_and(|t| t.arity() == Arity::Required)
                    })
                })
                .unwrap_or_default()
                .into_iter()
                .map(|f| f.name.text.as_str())
                .collect(),
        };
        format!("references: [{}]", names.join(", "))
    };

    // The missing fields: opposite relation fields, then the scalar fields of `fields:`.
    for relation in &relations {
        let (referencing, referenced) = models(relation);
        if relation.back.is_none()
            && let Some(position) = before_closing_brace(schema, referenced)
        {
            let model_name = &referencing.name.text;
            let ignore = if referencing.attributes_named("ignore").next().is_some() {
                "@ignore"
            } else {
                ""
            };
            let (name, arity) = if relation.one_to_one {
                (camel_case_words(model_name), "?")
            } else {
                (plural(&camel_case_words(model_name)), "[]")
            };
            insertions.push(Insertion {
                file: referenced.file(),
                position,
                content: format!("{name} {model_name}{arity} {ignore}\n"),
            });
        }
        if relation.forward.is_none()
            && let Some(position) = before_closing_brace(schema, referencing)
        {
            let inferred = inferred_scalars(&sides, relation, referencing, referenced);
            let arity = if inferred.iter().any(|s| s.arity == Arity::Optional) {
                "?"
            } else {
                ""
            };
            let model_name = &referenced.name.text;
            insertions.push(Insertion {
                file: referencing.file(),
                position,
                content: format!(
                    "{} {model_name}{arity} @relation({}, {})\n",
                    camel_case_words(model_name),
                    fields_argument(relation),
                    references_argument(relation)
                ),
            });
        }
        let has_fields = relation
            .forward
            .is_some_and(|forward| sides[forward].fields.is_some());
        if !has_fields && let Some(position) = before_closing_brace(schema, referencing) {
            for scalar in inferred_scalars(&sides, relation, referencing, referenced) {
                // Prisma skips a name that an existing scalar (or enum) field has.
                let exists = referencing.field(&scalar.name).is_some_and(|f| {
                    f.r#type.as_ref().is_some_and(|t| {
                        !schema
                            .find_type(&t.name.text)
                            .is_some_and(is_relation_target)
                    })
                });
                if exists {
                    continue;
                }
                let Some(field_type) = scalar
                    .blueprint
                    .r#type
                    .as_ref()
                    .map(|t| t.name.text.as_str())
                    .filter(|t| crate::analysis::SCALAR_TYPES.contains(t))
                else {
                    break;
                };
                let native_type = scalar
                    .blueprint
                    .attributes
                    .iter()
                    .find(|a| a.name.text.contains('.'))
                    .map(|a| schema.text(a.span))
                    .unwrap_or_default();
                insertions.push(Insertion {
                    file: referencing.file(),
                    position,
                    content: format!(
                        "{} {field_type}{} {native_type}\n",
                        scalar.name,
                        arity_suffix(scalar.arity)
                    ),
                });
            }
        }
    }
    // The missing `@relation` attributes.
    for relation in &relations {
        let Some(forward) = relation.forward.map(|f| &sides[f]) else {
            continue;
        };
        if forward.relation.is_some() {
            continue;
        }
        let Some(field_type) = &forward.field.r#type else {
            continue;
        };
        let text = &schema.file(forward.model.file()).text;
        let type_end = field_type.name.span.end as usize;
        let position = type_end
            + text
                .get(type_end..)
                .unwrap_or_default()
                .find(|c| !matches!(c, '[' | ']' | '?' | '!'))
                .unwrap_or(0);
        insertions.push(Insertion {
            file: forward.model.file(),
            position,
            content: format!(
                " @relation({}, {})",
                fields_argument(relation),
                references_argument(relation)
            ),
        });
    }
    // The missing arguments of existing `@relation` attributes.
    for relation in &relations {
        let Some(forward) = relation.forward.map(|f| &sides[f]) else {
            continue;
        };
        let Some(attribute) = forward.relation else {
            continue;
        };
        let mut missing = Vec::new();
        if forward.fields.is_none() {
            missing.push(fields_argument(relation));
        }
        if forward.references.is_none() {
            missing.push(references_argument(relation));
        }
        if missing.is_empty() {
            continue;
        }
        let missing = missing.join(", ");
        let (position, content) = match &attribute.arguments {
            None => (attribute.span.end as usize, format!("({missing})")),
            Some(list) if list.items.is_empty() => {
                ((list.span.end as usize).saturating_sub(1), missing)
            }
            Some(list) => (
                (list.span.end as usize).saturating_sub(1),
                format!(", {missing}"),
            ),
        };
        insertions.push(Insertion {
            file: attribute.span.file,
            position,
            content,
        });
    }
    insertions.sort_by_key(|insertion| (insertion.file, insertion.position));
    insertions
}

/// `text` with the insertions made (sorted by position; all of this file).
fn insert_all(text: &str, insertions: &[&Insertion]) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 256);
    let mut copied = 0;
    for insertion in insertions {
        out.push_str(text.get(copied..insertion.position)?);
        out.push_str(&insertion.content);
        copied = insertion.position;
    }
    out.push_str(text.get(copied..)?);
    Some(out)
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
