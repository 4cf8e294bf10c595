//! Formatting, byte-identical to `prisma format` on the schemas Prisma accepts (where
//! Prisma's completion of relations would make the schema invalid, we do better: see
//! `relations.rs`). Formatting is idempotent, never adds an error and keeps every comment
//! (`tests/format_properties.rs`).
//!
//! The formatter works on lines: a Prisma schema is line-oriented (one field, value,
//! property or attribute per line), and so is Prisma's layout. A line is a *logical* line
//! (`lines.rs`): a `/* … */` comment's lines stay with the line that opens it. Blocks whose
//! syntax errors may run over lines are copied byte for byte; everything else is re-laid
//! out (`layout.rs`):
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
//!   no blank line after it (in a file with syntax errors, with its trailing blanks and the
//!   blank lines after it). A file of blanks only is left as it is.
//! - `/* … */` comments alone on their lines framed as `/**`, ` * line`…, ` */`; the other
//!   lines of one that follows code kept as written.
//! - relations completed first, as Prisma does for a schema without errors (`relations.rs`):
//!   missing opposite fields, `@relation(fields: …, references: …)` and foreign key fields
//!   are inserted into the text, which is then laid out. Range formatting (`format_block`)
//!   does not complete relations.
//!
//! Speed: the output is one buffer, and cells borrow the input wherever it is already laid
//! out as Prisma lays it out (re-spaced arguments are compared in a reused buffer), so a
//! formatted schema costs about one copy of its text.

mod layout;
mod lines;
mod relations;

use crate::analysis::{self, Code, Diagnostic, Severity};
use crate::model::{FileId, Schema, SourceFile};
use layout::{render_block, render_block_comment};
pub use lines::Refusal;
use lines::{ErrorIndex, TopItem, has_unbalanced_line, logical_lines, top_level_items};
use relations::{Insertion, insert_all, relation_insertions};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// The formatted text, line by line, in one buffer (formatting a large schema is mostly
/// moving bytes: one allocation per line would dominate).
#[derive(Default)]
pub(super) struct Output {
    pub text: String,
    lines: usize,
    /// Whether the last line written is empty.
    last_empty: bool,
    /// Whether a field written in a legacy form (`name: Type`, `[Type]`, `Type!`) was
    /// rewritten: the text may read differently (without those errors).
    pub repaired: bool,
}

impl Output {
    pub fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.finish_line(self.text.len() - line.len());
    }

    pub fn blank(&mut self) {
        self.line("");
    }

    /// Ends the line that was written from byte `start` of the buffer.
    pub fn finish_line(&mut self, start: usize) {
        self.last_empty = self.text.len() == start;
        self.text.push('\n');
        self.lines += 1;
    }

    /// Whether the last line written holds text (`false` before the first line).
    pub fn after_text(&self) -> bool {
        self.lines > 0 && !self.last_empty
    }
}

/// The formatted text of `file`, or why it is not formatted: a block or comment that is
/// never closed (where it ends would be a guess), or, in a file with syntax errors, a layout
/// under which they would read differently. Blocks with syntax errors inside, or with a
/// declaration that runs over lines, are kept byte for byte, and lines outside any block that
/// are not comments are kept as written. A file of nothing but blanks and line breaks is left
/// as it is.
///
/// The result is the formatting of the text with `\n` line breaks (what it is written with),
/// so it is the same whichever line breaks the file has. The grammar's error recovery weighs
/// the bytes it skips, and a `\r\n` is one byte more than a `\n`: a file with syntax errors
/// that reads differently with other line breaks is refused (`Refusal::LineBreaks`).
///
/// The relations are completed (see `relations.rs`) only in a schema that reads without
/// error, as Prisma does, and only when the completed schema has no error the original does
/// not have: Prisma adds fields that clash, pair with the wrong field or break a one-to-one
/// relation, and formatting must never make a schema worse.
pub fn format_file(schema: &Schema, file: FileId) -> Result<String, Refusal> {
    let text = &schema.file(file).text;
    if is_blank(text) {
        return Ok(text.clone());
    }
    let original = schema;
    let normalized;
    let schema = if text.contains('\r') {
        normalized = schema.with_texts(&[(file, normalize_line_breaks(text.clone()))]);
        &normalized
    } else {
        schema
    };
    if schema.syntax_errors(file).is_empty() {
        return format_readable(schema, file);
    }
    if schema.file_model(file).blocks.iter().any(|b| !b.closed) {
        return Err(Refusal::Unclosed);
    }
    let errors = errors_of(schema);
    if !reads_alike_with_any_line_breaks(original, schema, file, &errors) {
        return Err(Refusal::LineBreaks);
    }
    let text = &schema.file(file).text;
    let formatted = lay_out(schema, file)?;
    if &formatted == text {
        return Ok(formatted);
    }
    // A file with syntax errors reads as the grammar's error recovery makes of it, which may
    // depend on the layout (tree-sitter weighs the bytes it skips): the laid-out text must
    // read without new errors, and with its errors where the layout leaves it as it is
    // (else formatting it again would lay out other blocks); with the same comments (where
    // a string is not closed, the grammar may read a `/*` inside it as the start of a
    // comment that the layout, reading a string, changes); and alike with other line breaks
    // (else formatting it again would refuse it).
    let edited = schema.with_texts(&[(file, formatted.clone())]);
    let stable = lay_out(&edited, file).as_ref() == Ok(&formatted);
    if !stable {
        return Err(Refusal::UnstableErrors);
    }
    let edited_errors = errors_of(&edited);
    if adds_errors(&errors, &edited_errors)
        || comments_of(schema.file(file)) != comments_of(edited.file(file))
        || (!edited.syntax_errors(file).is_empty()
            && !reads_alike_with_any_line_breaks(&edited, &edited, file, &edited_errors))
    {
        return Err(Refusal::UnstableErrors);
    }
    // The layout repaired every syntax error (the legacy `name: Type`): the schema may now
    // read, and its relations are completed as they would be the next time.
    if edited.syntax_errors(file).is_empty() {
        return format_readable(&edited, file);
    }
    Ok(formatted)
}

/// The formatting of a file without syntax errors: its relations completed when they can be,
/// then laid out.
fn format_readable(schema: &Schema, file: FileId) -> Result<String, Refusal> {
    if let Some(completed) = completed_relations(schema, file) {
        return lay_out(&completed, file);
    }
    let (laid_out, repaired) = lay_out_noting_repairs(schema, file)?;
    if repaired {
        // A legacy form the grammar reads (`Type[]!`) was rewritten: the schema may read
        // now, and its relations are completed as they would be the next time.
        let edited = schema.with_texts(&[(file, laid_out.clone())]);
        if let Some(completed) = completed_relations(&edited, file) {
            return lay_out(&completed, file);
        }
    }
    Ok(laid_out)
}

/// The laid-out text of `file` (no relation completed).
fn lay_out(schema: &Schema, file: FileId) -> Result<String, Refusal> {
    lay_out_noting_repairs(schema, file).map(|(text, _)| text)
}

/// `lay_out`, and whether it rewrote a field written in a legacy form.
fn lay_out_noting_repairs(schema: &Schema, file: FileId) -> Result<(String, bool), Refusal> {
    let errors = error_ranges(schema, file);
    let multiline = multiline_declarations(schema, file);
    format_text_noting_repairs(&schema.file(file).text, &errors, &multiline)
}

/// Whether `file` (with syntax errors) has the same errors with `\n` line breaks
/// (`normalized`, whose errors are `expected`), as written (`original`), and with `\r\n`
/// line breaks: then its formatting, which reads the file with `\n`, adds no error to any of
/// them. (A lone `\r` is read as `\n`: `syntax::parse`.)
fn reads_alike_with_any_line_breaks(
    original: &Schema,
    normalized: &Schema,
    file: FileId,
    expected: &ErrorCounts,
) -> bool {
    let crlf = normalized.with_texts(&[(file, normalized.file(file).text.replace('\n', "\r\n"))]);
    let same = |schema: &Schema| errors_of(schema) == *expected;
    same(&crlf) && (std::ptr::eq(original, normalized) || same(original))
}

/// The comments of a file as the grammar reads them, sorted: `//` comments without trailing
/// blanks, `/* … */` ones by their lines of text (without the frame, which the layout may
/// redraw: see `render_block_comment`).
fn comments_of(source: &SourceFile) -> Vec<String> {
    static KINDS: OnceLock<[u16; 3]> = OnceLock::new();
    let kinds = KINDS.get_or_init(|| {
        let language = crate::syntax::language();
        ["comment", "doc_comment", "block_comment"]
            .map(|kind| language.id_for_node_kind(kind, true))
    });
    let mut comments = Vec::new();
    let mut cursor = source.tree.walk();
    'walk: loop {
        let node = cursor.node();
        if kinds.contains(&node.kind_id()) {
            let text = source.text.get(node.byte_range()).unwrap_or_default();
            comments.push(if node.kind_id() == kinds[2] {
                layout::block_comment_lines(text).join("\n")
            } else {
                text.trim_end().to_string()
            });
        } else if cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    comments.sort_unstable();
    comments
}

/// The byte ranges of the syntax errors of `file`, sorted by start.
fn error_ranges(schema: &Schema, file: FileId) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = schema
        .syntax_errors(file)
        .into_iter()
        .map(|error| error.range.clone())
        .collect();
    ranges.sort_by_key(|range| range.start);
    ranges
}

/// The byte ranges of the declarations of `file` (fields, enum values, properties, block
/// attributes) that run over several lines: the grammar reads a line break inside brackets,
/// even between an attribute and its arguments, but a line-by-line layout would pull such a
/// declaration apart (move `@@index` away from the `([a])` on the next line).
fn multiline_declarations(schema: &Schema, file: FileId) -> Vec<Range<usize>> {
    let text = schema.file(file).text.as_bytes();
    let mut ranges = Vec::new();
    for block in &schema.file_model(file).blocks {
        let spans = block
            .fields
            .iter()
            .map(|field| field.span)
            .chain(block.enum_values.iter().map(|value| value.span))
            .chain(block.properties.iter().map(|property| property.span))
            .chain(block.attributes.iter().map(|attribute| attribute.span));
        for span in spans {
            let range = span.start as usize..span.end as usize;
            if text
                .get(range.clone())
                .is_some_and(|bytes| memchr::memchr2(b'\n', b'\r', bytes).is_some())
            {
                ranges.push(range);
            }
        }
    }
    // By position, for `runs_over_lines`.
    ranges.sort_by_key(|range| range.start);
    ranges
}

/// Whether `text` holds nothing but blanks and line breaks. Prisma writes such a file as
/// one line break; we leave it alone (an empty file stays empty, and `format --check` has
/// nothing to say about it).
fn is_blank(text: &str) -> bool {
    text.bytes()
        .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
}

/// The schema with the relation pieces Prisma's formatter adds to `file`, when there are any
/// here, the schema reads without error (Prisma completes nothing otherwise: a misspelt or
/// repeated argument would be completed again at every run) and the schema completed that
/// way (in every file) has no new error.
fn completed_relations(schema: &Schema, file: FileId) -> Option<Schema> {
    let insertions = relation_insertions(schema);
    if !insertions.iter().any(|i| i.file == file) {
        return None;
    }
    let validation = analysis::Analyzer::default().validate_in_stages(schema);
    if !validation.reads {
        return None;
    }
    let mut completed: Vec<(FileId, String)> = Vec::new();
    for id in schema.file_ids() {
        let here: Vec<&Insertion> = insertions.iter().filter(|i| i.file == id).collect();
        if !here.is_empty() {
            completed.push((id, insert_all(&schema.file(id).text, &here)?));
        }
    }
    let completed = schema.with_texts(&completed);
    let before = error_counts(validation.diagnostics);
    (!adds_errors(&before, &errors_of(&completed))).then_some(completed)
}

/// How many times each error (code and message) is reported.
type ErrorCounts = FxHashMap<(Code, String), usize>;

fn error_counts(diagnostics: Vec<Diagnostic>) -> ErrorCounts {
    let mut counts = ErrorCounts::default();
    for diagnostic in diagnostics {
        if diagnostic.severity == Severity::Error {
            *counts
                .entry((diagnostic.code, diagnostic.message))
                .or_default() += 1;
        }
    }
    counts
}

fn errors_of(schema: &Schema) -> ErrorCounts {
    error_counts(analysis::Analyzer::default().validate(schema))
}

/// Whether the schema with new texts for some files (whose errors are `after`) has an error
/// (code and message) more often than the original (whose errors are `before`). Not when
/// the new texts repaired every syntax error (the legacy `name: Type`, `Type!` and `[Type]`
/// rewritten): Prisma validates only what reads without error, so the errors that appear
/// then were there all along, hidden.
fn adds_errors(before: &ErrorCounts, after: &ErrorCounts) -> bool {
    let syntax = |errors: &ErrorCounts| {
        errors
            .keys()
            .any(|(code, _)| code.as_str().starts_with("syntax/"))
    };
    let added = after
        .iter()
        .any(|(error, count)| before.get(error).is_none_or(|had| had < count));
    let repaired = syntax(before) && !syntax(after);
    added && !repaired
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
    if schema.file_model(file).blocks.iter().any(|b| !b.closed) {
        return None;
    }
    let errors = error_ranges(schema, file);
    let multiline = multiline_declarations(schema, file);
    let lines = logical_lines(&source.text).ok()?;
    let ranges = &lines.ranges;
    let items = top_level_items(&source.text, &lines).ok()?;
    for item in items {
        if let TopItem::Block(block) = item {
            let range = ranges[block.header].start..ranges[block.end_line].end;
            if range.start <= offset && offset <= range.end {
                let broken = overlaps(&range, &errors);
                if (broken && has_unbalanced_line(&source.text, ranges, &block))
                    || runs_over_lines(&range, &multiline, ranges)
                {
                    return None;
                }
                let mut out = Output::default();
                render_block(
                    &source.text,
                    ranges,
                    &block,
                    &ErrorIndex::new(&errors),
                    &mut out,
                );
                let mut rendered = normalize_line_breaks(out.text);
                rendered.pop();
                if broken {
                    // Its lines may read differently once laid out (see `format_file`).
                    let mut edited = source.text.clone();
                    edited.replace_range(range.clone(), &rendered);
                    let edited = schema.with_texts(&[(file, edited)]);
                    if adds_errors(&errors_of(schema), &errors_of(&edited))
                        || comments_of(source) != comments_of(edited.file(file))
                    {
                        return None;
                    }
                }
                return Some((range, rendered));
            }
        }
    }
    None
}

/// The byte ranges of the top-level blocks of `text` (or runs of them kept as written, see
/// `TopItem::Verbatim`), each from the start of its first line to the end of its closing line
/// (line break excluded), in order; `None` when a block or
/// `/* … */` comment is never closed. What a fix's edits are laid out by (`ide::fixes`).
pub fn block_ranges(text: &str) -> Option<Vec<Range<usize>>> {
    let lines = logical_lines(text).ok()?;
    let items = top_level_items(text, &lines).ok()?;
    Some(
        items
            .into_iter()
            .filter_map(|item| match item {
                TopItem::Block(block) => {
                    Some(lines.ranges[block.header].start..lines.ranges[block.end_line].end)
                }
                // Kept as written (a `}` that shares its line): once edited, it may lay out.
                TopItem::Verbatim(kept) => {
                    Some(lines.ranges[kept.start].start..lines.ranges[kept.end - 1].end)
                }
                _ => None,
            })
            .collect(),
    )
}

/// The text of one block (as `block_ranges` cuts it) laid out as `prisma format` lays it
/// out, with the line breaks it is written with; `None` when it does not read as exactly one
/// block without syntax errors (then a fix's result there stays as the fix wrote it).
pub fn lay_out_block(text: &str) -> Option<String> {
    let normalized = normalize_line_breaks(text.to_string());
    let schema = Schema::parse("block.prisma", normalized.as_str());
    let file = FileId(0);
    if !schema.syntax_errors(file).is_empty() || schema.file_model(file).blocks.len() != 1 {
        return None;
    }
    let multiline = multiline_declarations(&schema, file);
    let mut laid_out = format_text(&normalized, &[], &multiline).ok()?;
    laid_out.pop();
    Some(match line_break_of(text) {
        "\n" => laid_out,
        other => laid_out.replace('\n', other),
    })
}

/// The line break `text` is written with (its first one; `\n` when it has none).
fn line_break_of(text: &str) -> &'static str {
    match memchr::memchr2(b'\n', b'\r', text.as_bytes()).map(|at| &text.as_bytes()[at..]) {
        Some([b'\r', b'\n', ..]) => "\r\n",
        Some([b'\r', ..]) => "\r",
        _ => "\n",
    }
}

/// Formats one file's text; `errors` are the byte ranges of its syntax errors (sorted by
/// start), `multiline`
/// those of its declarations that run over several lines (see `multiline_declarations`).
pub fn format_text(
    text: &str,
    errors: &[Range<usize>],
    multiline: &[Range<usize>],
) -> Result<String, Refusal> {
    format_text_noting_repairs(text, errors, multiline).map(|(text, _)| text)
}

/// `format_text`, and whether it rewrote a field written in a legacy form.
fn format_text_noting_repairs(
    text: &str,
    errors: &[Range<usize>],
    multiline: &[Range<usize>],
) -> Result<(String, bool), Refusal> {
    let lines = logical_lines(text)?;
    let ranges = &lines.ranges;
    let items = top_level_items(text, &lines)?;
    let error_index = ErrorIndex::new(errors);
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
        // In a file with syntax errors a stray line is most likely part of them: it is kept
        // exactly as written, and so are the blank lines after it (the grammar's recovery
        // around it can depend on both). A type alias is laid out as Prisma does.
        let is_other = matches!(item, TopItem::Other(line)
            if errors.is_empty() || is_type_alias(&text[ranges[line].clone()]));
        let is_blank = matches!(item, TopItem::Blank);
        if !is_blank && after_block && out.after_text() {
            out.blank();
        }
        match item {
            TopItem::Blank => {
                if !after_other && out.after_text() {
                    out.blank();
                }
            }
            TopItem::Comment(line) => {
                out.line(text[ranges[line].clone()].trim_start());
                after_block = false;
            }
            TopItem::BlockComment(line) => {
                render_block_comment(text[ranges[line].clone()].trim(), "", &mut out);
                after_block = false;
            }
            TopItem::Other(line) => {
                let written = &text[ranges[line].clone()];
                out.line(if errors.is_empty() {
                    written.trim_end()
                } else {
                    written
                });
                after_block = false;
            }
            TopItem::Verbatim(lines) => {
                for line in lines {
                    out.line(&text[ranges[line].clone()]);
                }
                after_block = true;
            }
            TopItem::Block(block) => {
                let range = ranges[block.header].start..ranges[block.end_line].end;
                if (overlaps(&range, errors) && has_unbalanced_line(text, ranges, &block))
                    || runs_over_lines(&range, multiline, ranges)
                {
                    for line in block.header..=block.end_line {
                        out.line(&text[ranges[line].clone()]);
                    }
                } else {
                    render_block(text, ranges, &block, &error_index, &mut out);
                }
                after_block = true;
            }
        }
        after_other = is_other || (after_other && is_blank);
    }
    let repaired = out.repaired;
    let mut result = normalize_line_breaks(out.text);
    // No blank lines at the end, one final line break.
    while result.ends_with("\n\n") {
        result.pop();
    }
    if result.is_empty() {
        result.push('\n');
    }
    Ok((result, repaired))
}

/// `type Name = …`: a type alias, which Prisma's formatter writes without its line break
/// (our grammar reports it as an error).
fn is_type_alias(line: &str) -> bool {
    line.trim_start()
        .strip_prefix("type")
        .filter(|rest| rest.starts_with(char::is_whitespace))
        .and_then(|rest| rest.trim_start().split_once('='))
        .is_some_and(|(name, _)| {
            let name = name.trim();
            !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')
        })
}

/// Line breaks as `\n`: the lines a comment runs over are copied with their own (`\r\n` or
/// a lone `\r`; a `\r` is never anything but a line break: strings and comments end there).
fn normalize_line_breaks(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// Whether a declaration of `multiline` (sorted) inside the block `range` starts and ends on
/// different logical lines (a line with a `/* … */` comment over several lines is one).
fn runs_over_lines(
    range: &Range<usize>,
    multiline: &[Range<usize>],
    lines: &[Range<usize>],
) -> bool {
    let line_of = |offset: usize| lines.partition_point(|line| line.end < offset);
    let first = multiline.partition_point(|declaration| declaration.start < range.start);
    multiline[first..]
        .iter()
        .take_while(|declaration| declaration.start < range.end)
        .any(|declaration| line_of(declaration.start) != line_of(declaration.end))
}

fn overlaps(range: &Range<usize>, errors: &[Range<usize>]) -> bool {
    errors
        .iter()
        .any(|e| e.start < range.end && range.start < e.end.max(e.start + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn format(text: &str) -> String {
        format_text(text, &[], &[]).unwrap_or_default()
    }

    #[test]
    fn aligns_fields_and_moves_block_attributes() {
        let input = "model A {\n  id Int @map(\"i\") @id\n  name   String?\n  @@map(\"a\")\n  @@id([id])\n}";
        assert_eq!(
            format(input),
            "model A {\n  id   Int     @id @map(\"i\")\n  name String?\n\n  @@id([id])\n  @@map(\"a\")\n}\n"
        );
    }
}
