//! Escapes in string literals: Prisma reads strings as JSON does.

use super::*;

/// Escapes in the string literals of one block: the JSON ones (`\"`, `\\`, `\/`, `\b`,
/// `\f`, `\n`, `\r`, `\t` and `\uXXXX`, surrogates only in pairs), nothing else.
pub(super) fn block_strings(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
    for property in &block.properties {
        if let Some(value) = &property.value {
            expression_strings(schema, value, out);
        }
    }
    for field in &block.fields {
        if let Some(literal) = field.r#type.as_ref().and_then(|t| t.unsupported.as_ref()) {
            string(schema, literal, out);
        }
        attribute_strings(schema, &field.attributes, out);
    }
    for value in &block.enum_values {
        attribute_strings(schema, &value.attributes, out);
    }
    attribute_strings(schema, &block.attributes, out);
}

pub(super) fn attribute_strings(schema: &Schema, list: &[Attribute], out: &mut Vec<Diagnostic>) {
    for attribute in list {
        for argument in attribute.arguments() {
            if let Some(value) = &argument.value {
                expression_strings(schema, value, out);
            }
        }
    }
}

pub(super) fn expression_strings(schema: &Schema, value: &Expression, out: &mut Vec<Diagnostic>) {
    match value {
        Expression::String(literal) => string(schema, literal, out),
        Expression::Function { arguments, .. } => arguments
            .items
            .iter()
            .filter_map(|a| a.value.as_ref())
            .for_each(|v| expression_strings(schema, v, out)),
        Expression::Array { items, .. } => items
            .iter()
            .for_each(|v| expression_strings(schema, v, out)),
        Expression::Object { entries, .. } => entries
            .iter()
            .for_each(|e| expression_strings(schema, &e.value, out)),
        Expression::Number { .. } | Expression::Boolean { .. } | Expression::Constant(_) => {}
    }
}

pub(super) fn string(
    schema: &Schema,
    literal: &crate::model::StringLiteral,
    out: &mut Vec<Diagnostic>,
) {
    let raw = schema.text(literal.span);
    if !raw.contains('\\') {
        return;
    }
    let bytes = raw.as_bytes();
    let hex = |at: usize| -> Option<u32> {
        let digits = raw.get(at..at + 4)?;
        if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(digits, 16).ok()
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        let start = literal.span.start + i as u32;
        let (length, problem) = match bytes.get(i + 1) {
            Some(b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't') => (2, None),
            Some(b'u') => match hex(i + 2) {
                Some(high @ 0xD800..=0xDBFF) => {
                    let low = (raw.get(i + 6..i + 8) == Some("\\u"))
                        .then(|| hex(i + 8))
                        .flatten();
                    match low {
                        Some(0xDC00..=0xDFFF) => (12, None),
                        _ => (
                            6,
                            Some(format!(
                                "`\\u{high:04X}` is half of a UTF-16 surrogate pair without its other half"
                            )),
                        ),
                    }
                }
                Some(low @ 0xDC00..=0xDFFF) => (
                    6,
                    Some(format!(
                        "`\\u{low:04X}` is half of a UTF-16 surrogate pair without its other half"
                    )),
                ),
                Some(_) => (6, None),
                None => (
                    2,
                    Some("`\\u` must be followed by exactly four hexadecimal digits".to_string()),
                ),
            },
            Some(_) => {
                let next = raw[i + 1..].chars().next().map_or(1, char::len_utf8);
                (
                    1 + next,
                    Some(format!(
                        "unknown escape `{}` in a string: write `\\\\` for a backslash (for example in a Windows path)",
                        &raw[i..i + 1 + next]
                    )),
                )
            }
            None => (1, None),
        };
        if let Some(message) = problem {
            out.push(Diagnostic::error(
                codes::STRING_INVALID_ESCAPE,
                Span {
                    file: literal.span.file,
                    start,
                    end: start + length as u32,
                },
                message,
            ));
        }
        i += length;
    }
}
