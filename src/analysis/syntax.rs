//! Syntax diagnostics: the parser's errors, plus declarations the grammar accepts only so
//! that editing works (a field without a type, `@` without a name, …).

use super::{Applicability, Diagnostic, Fix, TextEdit, codes};
use crate::model::{
    Argument, ArgumentList, Attribute, Block, Expression, FileId, FileModel, SourceFile, Span,
    TypeModifier,
};
use crate::syntax::{SyntaxError, SyntaxErrorKind};

/// A syntax error as a diagnostic, in `file`.
fn syntax_diagnostic(file_id: FileId, error: &SyntaxError) -> Diagnostic {
    let code = match error.kind {
        SyntaxErrorKind::Unexpected => codes::SYNTAX_UNEXPECTED,
        SyntaxErrorKind::Missing => codes::SYNTAX_MISSING,
        SyntaxErrorKind::Unclosed => codes::SYNTAX_UNCLOSED,
        SyntaxErrorKind::TooDeep => codes::SYNTAX_TOO_DEEP,
    };
    let mut diagnostic = Diagnostic::error(
        code,
        Span::new(file_id, error.range.clone()),
        error.message.clone(),
    );
    if let Some((range, message)) = &error.related {
        diagnostic = diagnostic.with_related(Span::new(file_id, range.clone()), message.clone());
    }
    if let Some((offset, closers)) = &error.insertion {
        // A guess at the author's intent (the list may need more items), so unsafe.
        diagnostic = diagnostic.with_fix(Fix {
            title: format!("Insert `{closers}`"),
            edits: vec![TextEdit {
                span: Span::new(file_id, *offset..*offset),
                new_text: closers.clone(),
            }],
            applicability: Applicability::Unsafe,
        });
    }
    diagnostic
}

/// The syntax errors between the blocks of a file.
pub(super) fn check_top_level(file_id: FileId, file: &FileModel, out: &mut Vec<Diagnostic>) {
    out.extend(file.top_level_errors.iter().map(|error| {
        let mut diagnostic = syntax_diagnostic(file_id, error);
        if error.kind == SyntaxErrorKind::Unexpected
            && let Some(keyword) = misspelt_block_keyword(&file.source.text, error.range.clone())
        {
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Change to `{keyword}`"),
                edits: vec![TextEdit {
                    span: Span::new(file_id, error.range.clone()),
                    new_text: keyword.to_string(),
                }],
                applicability: Applicability::Unsafe,
            });
        }
        diagnostic
    }));
}

const BLOCK_KEYWORDS: &[&str] = &["model", "enum", "type", "view", "datasource", "generator"];

/// The block keyword that `range` misspells (`modle`), when it is a word followed on its line
/// by a name and `{`, as a block header is, and a keyword is within one edit (two for
/// longer words; a swap of neighbours counts as one).
fn misspelt_block_keyword(text: &str, range: std::ops::Range<usize>) -> Option<&'static str> {
    let word = text.get(range.clone())?;
    if word.is_empty() || !word.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return None;
    }
    let line = text.get(range.end..crate::syntax::line_end(text, range.end))?;
    let mut parts = line.split_whitespace();
    let name = parts.next()?;
    let header = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && line.starts_with([' ', '\t'])
        && parts.next().is_some_and(|brace| brace.starts_with('{'));
    if !header {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let limit = if word.len() > 6 { 2 } else { 1 };
    BLOCK_KEYWORDS
        .iter()
        .map(|keyword| (transposition_distance(&lower, keyword), *keyword))
        .filter(|&(distance, keyword)| distance <= limit && keyword != word)
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, keyword)| keyword)
}

/// Edit distance in which swapping two neighbouring characters costs one edit (the optimal
/// string alignment distance): `modle` is one edit from `model`.
fn transposition_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in table.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in table[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[i - 1][j] + 1)
                .min(table[i][j - 1] + 1)
                .min(table[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[i - 2][j - 2] + 1);
            }
            table[i][j] = best;
        }
    }
    table[a.len()][b.len()]
}

/// The syntax errors inside a block, and its incomplete declarations.
pub(super) fn check_block(file: &SourceFile, block: &Block, out: &mut Vec<Diagnostic>) {
    let file_id = block.file();
    // Lines where the parser met something unexpected: a field there that seems to lack its
    // type (`tags [String]`) is the same mistake, already reported.
    let mut unexpected_lines = Vec::new();
    for error in &block.syntax_errors {
        if error.kind == SyntaxErrorKind::Unexpected {
            unexpected_lines.push(file.line_index.line_of(error.range.start));
        }
        out.push(syntax_diagnostic(file_id, error));
    }
    check_declarations(file, block, &unexpected_lines, out);
    if block.multiline_attribute || !block.properties.is_empty() {
        check_line_breaks(file, block, out);
    }
}

/// Prisma reads an attribute with its arguments, and a property with its value, on one line:
/// a line break inside (`@@index([a,⏎ b])`, a `previewFeatures` list over several lines) is a
/// syntax error there, though our grammar reads it.
fn check_line_breaks(file: &SourceFile, block: &Block, out: &mut Vec<Diagnostic>) {
    let attributes = block
        .fields
        .iter()
        .flat_map(|field| &field.attributes)
        .chain(&block.attributes);
    for attribute in attributes {
        let Some(arguments) = &attribute.arguments else {
            continue;
        };
        if let Some(line_break) = line_break_at(file, arguments.span) {
            let name = if attribute.is_block { "@@" } else { "@" };
            out.push(
                Diagnostic::error(
                    codes::SYNTAX_LINE_BREAK,
                    Span {
                        end: arguments.span.start,
                        ..attribute.span
                    },
                    format!(
                        "`{name}{}` goes on one line: Prisma does not read an attribute's arguments over several lines",
                        attribute.name.text
                    ),
                )
                .with_related(
                    last_char_before(file, block.file(), line_break),
                    "the line breaks after this",
                ),
            );
        }
    }
    for property in &block.properties {
        let Some(value) = &property.value else {
            continue;
        };
        if let Some(line_break) = line_break_at(file, value.span()) {
            out.push(
                Diagnostic::error(
                    codes::SYNTAX_LINE_BREAK,
                    property.key.span,
                    format!(
                        "`{}` goes on one line: Prisma does not read a value over several lines",
                        property.key.text
                    ),
                )
                .with_related(
                    last_char_before(file, block.file(), line_break),
                    "the line breaks after this",
                ),
            );
        }
    }
}

/// The character just before `offset` (a whole character, however many bytes it takes).
fn last_char_before(file: &SourceFile, file_id: FileId, offset: usize) -> Span {
    let width = file
        .text
        .get(..offset)
        .and_then(|before| before.chars().next_back())
        .map_or(0, char::len_utf8);
    Span::new(file_id, offset - width..offset)
}

/// The first line break in `span` outside string literals, looked for only when the span
/// covers more than one line.
fn line_break_at(file: &SourceFile, span: Span) -> Option<usize> {
    let lines = &file.line_index;
    if lines.line_of(span.start as usize) == lines.line_of(span.end as usize) {
        return None;
    }
    line_break_in(&file.text, span)
}

/// The offset of the first line break in `span` outside string literals.
fn line_break_in(text: &str, span: Span) -> Option<usize> {
    let inside = text.get(span.start as usize..span.end as usize)?;
    let mut in_string = false;
    let mut escaped = false;
    for (index, byte) in inside.bytes().enumerate() {
        match byte {
            _ if escaped => escaped = false,
            b'\\' if in_string => escaped = true,
            b'"' => in_string = !in_string,
            // In a string, the string is not closed: reported as such.
            b'\n' | b'\r' => return (!in_string).then_some(span.start as usize + index),
            _ => {}
        }
    }
    None
}

fn check_declarations(
    file: &SourceFile,
    block: &Block,
    unexpected_lines: &[usize],
    out: &mut Vec<Diagnostic>,
) {
    for property in &block.properties {
        if property.value.is_none() && !property.key.is_missing() {
            out.push(Diagnostic::error(
                codes::SYNTAX_INCOMPLETE,
                property.span,
                format!("expected a value after `{} =`", property.key.text),
            ));
        }
    }
    for field in &block.fields {
        let on_unexpected_line =
            || unexpected_lines.contains(&file.line_index.line_of(field.span.start as usize));
        match &field.r#type {
            None if on_unexpected_line() => {}
            None => out.push(Diagnostic::error(
                codes::SYNTAX_INCOMPLETE,
                field.name.span,
                format!(
                    "expected a field type after `{}`, such as `String`, `Int?` or a model name",
                    field.name.text
                ),
            )),
            Some(field_type) => check_modifiers(&field_type.modifiers, field_type.span, out),
        }
        check_attributes(&field.attributes, out);
    }
    for value in &block.enum_values {
        check_attributes(&value.attributes, out);
    }
    check_attributes(&block.attributes, out);
}

fn check_modifiers(modifiers: &[(TypeModifier, Span)], type_span: Span, out: &mut Vec<Diagnostic>) {
    use TypeModifier::{List, Optional, Required};
    let kinds: Vec<TypeModifier> = modifiers.iter().map(|(m, _)| *m).collect();
    let message = match kinds.as_slice() {
        [] | [Optional] | [List] => return,
        [List, Optional] => {
            "optional lists are not supported: use `Type[]` (a list may be empty) or `Type?`"
        }
        [Optional, List] => {
            "a list cannot be optional: use `Type[]` (a list may be empty) or `Type?`"
        }
        [Required] => "`!` is not supported: fields are required unless marked with `?`",
        _ => "invalid type modifiers: use `Type`, `Type?` or `Type[]`",
    };
    let start = modifiers.first().map_or(type_span, |(_, s)| *s);
    let end = modifiers.last().map_or(type_span, |(_, s)| *s);
    let span = Span {
        file: start.file,
        start: start.start,
        end: end.end,
    };
    out.push(Diagnostic::error(
        codes::SYNTAX_TYPE_MODIFIER,
        span,
        message,
    ));
}

fn check_attributes(attributes: &[Attribute], out: &mut Vec<Diagnostic>) {
    for attribute in attributes {
        let marker = if attribute.is_block { "@@" } else { "@" };
        if attribute.name.is_missing() {
            out.push(Diagnostic::error(
                codes::SYNTAX_INCOMPLETE,
                attribute.span,
                format!("expected an attribute name after `{marker}`"),
            ));
            continue;
        }
        if attribute.name.text.ends_with('.') {
            let what = if attribute.name.text == "db." {
                "a native type name"
            } else {
                "a name"
            };
            out.push(Diagnostic::error(
                codes::SYNTAX_INCOMPLETE,
                attribute.span,
                format!("expected {what} after `{marker}{}`", attribute.name.text),
            ));
        }
        if let Some(arguments) = &attribute.arguments {
            check_argument_list(
                arguments,
                &|| format!("{marker}{}", attribute.name.text),
                out,
            );
        }
    }
}

/// Missing values and trailing commas, in the attribute's arguments and in the arguments
/// of functions nested in them (`@default(dbgenerated("…",))`).
fn check_argument_list(list: &ArgumentList, owner: &dyn Fn() -> String, out: &mut Vec<Diagnostic>) {
    if let Some(comma) = list.trailing_comma {
        out.push(
            Diagnostic::error(
                codes::SYNTAX_TRAILING_COMMA,
                comma,
                format!(
                    "trailing comma in the arguments of `{}`: Prisma does not accept it here",
                    owner()
                ),
            )
            .with_fix(Fix {
                title: "Remove the trailing comma".into(),
                edits: vec![TextEdit {
                    span: comma,
                    new_text: String::new(),
                }],
                applicability: Applicability::Safe,
            }),
        );
    }
    for Argument { name, value, span } in &list.items {
        match (name, value) {
            (Some(name), None) => out.push(Diagnostic::error(
                codes::SYNTAX_INCOMPLETE,
                *span,
                format!("expected a value after `{}:` in `{}`", name.text, owner()),
            )),
            (_, Some(value)) => check_nested_calls(value, out),
            (None, None) => {}
        }
    }
}

fn check_nested_calls(expression: &Expression, out: &mut Vec<Diagnostic>) {
    match expression {
        Expression::Function {
            name, arguments, ..
        } => check_argument_list(arguments, &|| format!("{}()", name.text), out),
        Expression::Array { items, .. } => {
            items.iter().for_each(|item| check_nested_calls(item, out))
        }
        Expression::Object { entries, .. } => entries
            .iter()
            .for_each(|entry| check_nested_calls(&entry.value, out)),
        _ => {}
    }
}

#[cfg(test)]
mod keyword_tests {
    use super::*;

    #[test]
    fn misspelt_block_keywords_are_recognised_only_in_block_headers() {
        let at = |text: &str| misspelt_block_keyword(text, 0..text.find(' ').unwrap_or(0));
        assert_eq!(at("modle User {\n}"), Some("model"));
        assert_eq!(at("enm Role {"), Some("enum"));
        assert_eq!(at("datsource db {"), Some("datasource"));
        assert_eq!(at("generater client {"), Some("generator"));
        assert_eq!(at("Model User {"), Some("model"));
        // Not a header, too far, or the keyword itself.
        assert_eq!(at("modle User"), None);
        assert_eq!(at("table User {"), None);
        assert_eq!(at("model User {"), None);
        assert_eq!(transposition_distance("modle", "model"), 1);
        assert_eq!(transposition_distance("", "type"), 4);
    }
}
