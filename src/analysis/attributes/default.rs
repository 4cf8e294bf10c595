//! `@default`: the value (function or literal) against the field's type, the function's
//! arguments, `map:`, and what the provider allows (`autoincrement()`, `auto()`,
//! `sequence()`, named defaults).

use super::super::{Applicability, Diagnostic, Fix, TextEdit, codes};
use super::{Cx, FieldKind, Out, Scalar, arity, literals};
use crate::catalog::Provider;
use crate::model::{Argument, Arity, Attribute, Block, BlockKind, Expression, Field, Span};
use crate::semantics::keys::key_fields;

/// The functions Prisma knows in `@default` whatever the provider.
const KNOWN_FUNCTIONS: &[&str] = &[
    "autoincrement",
    "cuid",
    "uuid",
    "nanoid",
    "ulid",
    "now",
    "dbgenerated",
    "auto",
];

/// The arguments of CockroachDB's `sequence()`: name and whether it is a boolean.
const SEQUENCE_ARGUMENTS: &[(&str, bool)] = &[
    ("virtual", true),
    ("cache", false),
    ("increment", false),
    ("minValue", false),
    ("maxValue", false),
    ("start", false),
];

/// The default's value: the `value:` argument or the argument without a name (`None` when
/// both or neither are given: reported with the arguments).
fn value_of(attribute: &Attribute) -> Option<&Expression> {
    let arguments = attribute.arguments();
    let named = arguments
        .iter()
        .find(|a| a.name.as_ref().is_some_and(|n| n.text == "value"));
    let unnamed = arguments.iter().find(|a| a.name.is_none());
    match (named, unnamed) {
        (Some(argument), None) | (None, Some(argument)) => argument.value.as_ref(),
        _ => None,
    }
}

fn map_argument(attribute: &Attribute) -> Option<&Argument> {
    attribute
        .arguments()
        .iter()
        .find(|a| a.name.as_ref().is_some_and(|n| n.text == "map"))
}

/// `@default` on a field of a model or view.
pub(super) fn check_model_field(
    cx: &Cx,
    block: &Block,
    field: &Field,
    kind: FieldKind,
    attribute: &Attribute,
    out: &mut Out,
) {
    let Some(value) = value_of(attribute) else {
        return;
    };
    let mut named = false;
    if let Some(map) = map_argument(attribute)
        && let Some(Expression::String(name)) = &map.value
    {
        if name.value.is_empty() {
            out.now(Diagnostic::error(
                codes::DEFAULT_MAP,
                map.span,
                "the `map:` name of a default cannot be empty",
            ));
        } else {
            named = true;
            if let Some(provider) = cx.context.provider
                && !provider.supports_named_defaults()
            {
                out.late(
                    Diagnostic::error(
                        codes::DEFAULT_MAP,
                        map.span,
                        format!(
                            "{} does not support named default constraints: remove `map:` from the `@default` of `{}` (only SQL Server has them)",
                            provider.display_name(),
                            field.name.text
                        ),
                    )
                    .with_fix(remove_map(attribute)),
                );
            }
        }
    }
    if let Expression::Function {
        name, arguments, ..
    } = value
        && name.text == "dbgenerated"
    {
        check_dbgenerated(&arguments.items, attribute, out);
        // Prisma leaves views out of the MongoDB default checks.
        if cx.context.is(Provider::MongoDb) && block.kind != BlockKind::View {
            out.late(Diagnostic::error(
                codes::DEFAULT_AUTO,
                field.span,
                format!(
                    "MongoDB has no database-generated defaults: `dbgenerated()` cannot be used on `{}` (use `auto()` for an ObjectId id)",
                    field.name.text
                ),
            ));
        }
        return;
    }
    let Some((scalar, name, arguments)) = function_of(
        field,
        kind,
        attribute,
        value,
        ": its only possible default is `dbgenerated(\"…\")`",
        out,
    ) else {
        return;
    };
    let function = name.text.as_str();
    if function == "autoincrement" && named {
        out.now(
            Diagnostic::error(
                codes::DEFAULT_MAP,
                attribute.span,
                "an `autoincrement()` default cannot be named: remove `map:`",
            )
            .with_fix(remove_map(attribute)),
        );
        return;
    }
    match (scalar, function) {
        (Scalar::Int | Scalar::BigInt, "autoincrement")
        | (Scalar::String, "ulid")
        | (Scalar::DateTime, "now") => no_arguments(function, arguments, attribute, out),
        (Scalar::String, "cuid") => version_argument(function, arguments, attribute, out),
        (Scalar::String, "uuid") => version_argument(function, arguments, attribute, out),
        (Scalar::String, "nanoid") => nanoid_arguments(arguments, attribute, out),
        (_, "auto") => {
            if !arguments.is_empty() {
                out.now(Diagnostic::error(
                    codes::DEFAULT_INVALID_FUNCTION,
                    attribute.span,
                    "`auto()` takes no arguments",
                ));
                return;
            }
            check_auto(cx, block, field, name.span, out);
        }
        (_, "sequence") if cx.context.is(Provider::CockroachDb) => {
            check_sequence(arguments, out);
        }
        // Without a datasource, leave `sequence()` alone: it depends on the provider.
        (_, "sequence") if cx.context.provider.is_none() => {}
        (_, other) if !KNOWN_FUNCTIONS.contains(&other) => {
            out.late(unknown_function(name.span, other));
        }
        (scalar, other) => out.now(wrong_type(attribute.span, other, scalar.name())),
    }
}

/// `@default` on a field of a composite type.
pub(super) fn check_composite_field(
    field: &Field,
    kind: FieldKind,
    attribute: &Attribute,
    out: &mut Out,
) {
    let Some(value) = value_of(attribute) else {
        return;
    };
    if let Some(map) = map_argument(attribute) {
        out.now(
            Diagnostic::error(
                codes::DEFAULT_MAP,
                map.span,
                "a default inside a composite type has no database constraint to name: remove `map:`",
            )
            .with_fix(remove_map(attribute)),
        );
    }
    match value {
        Expression::Function { name, .. } if name.text == "dbgenerated" => {
            out.now(Diagnostic::error(
                codes::DEFAULT_NOT_ALLOWED,
                attribute.span,
                format!(
                    "`{}` is a composite type field, which cannot have a `dbgenerated()` default",
                    field.name.text
                ),
            ));
            return;
        }
        _ => {}
    }
    let Some((scalar, name, arguments)) = function_of(
        field,
        kind,
        attribute,
        value,
        " and is in a composite type: it cannot have a default",
        out,
    ) else {
        return;
    };
    let function = name.text.as_str();
    match (scalar, function) {
        (Scalar::String, "cuid" | "uuid") => {
            version_argument(function, arguments, attribute, out)
        }
        (Scalar::String, "ulid") | (Scalar::DateTime, "now") => {
            no_arguments(function, arguments, attribute, out)
        }
        (_, "autoincrement" | "auto") => out.now(Diagnostic::error(
            codes::DEFAULT_INVALID_FUNCTION,
            attribute.span,
            format!(
                "`{function}()` cannot be used in a composite type: `{}` is stored inside its parent document",
                field.name.text
            ),
        )),
        (_, other) if !KNOWN_FUNCTIONS.contains(&other) => {
            out.now(unknown_function(name.span, other));
        }
        (Scalar::String, "nanoid") => out.now(Diagnostic::error(
            codes::DEFAULT_INVALID_FUNCTION,
            attribute.span,
            format!(
                "`nanoid()` is not available in composite types: `{}` needs another default",
                field.name.text
            ),
        )),
        (scalar, other) => out.now(wrong_type(attribute.span, other, scalar.name())),
    }
}

/// What every `@default` is checked for by the field's kind: composite, enum, `Unsupported`
/// (`unsupported_reason` completes the message) and relation fields, and literal values of
/// scalar fields, are checked here. For a scalar field whose default is a function, returns
/// the scalar type, the function's name and its arguments.
fn function_of<'v>(
    field: &Field,
    kind: FieldKind,
    attribute: &Attribute,
    value: &'v Expression,
    unsupported_reason: &str,
    out: &mut Out,
) -> Option<(Scalar, &'v crate::model::Ident, &'v [Argument])> {
    match kind {
        FieldKind::Composite(composite) => composite_typed(field, composite, attribute, out),
        FieldKind::Enum(enum_block) => check_enum(field, enum_block, value, out),
        FieldKind::Unsupported => out.now(Diagnostic::error(
            codes::DEFAULT_NOT_ALLOWED,
            attribute.span,
            format!(
                "`{}` has an `Unsupported` type{unsupported_reason}",
                field.name.text
            ),
        )),
        FieldKind::Relation(_) => {}
        FieldKind::Scalar(scalar) => match value {
            Expression::Function {
                name, arguments, ..
            } => return Some((scalar, name, arguments.items.as_slice())),
            _ => check_literal_value(field, scalar, value, out),
        },
    }
    None
}

/// Removes the `map:` argument with the comma that joins it to its neighbour.
fn remove_map(attribute: &Attribute) -> Fix {
    let arguments = attribute.arguments();
    let index = arguments
        .iter()
        .position(|a| a.name.as_ref().is_some_and(|n| n.text == "map"))
        .unwrap_or(0);
    let span = match (
        index.checked_sub(1).and_then(|i| arguments.get(i)),
        arguments.get(index),
    ) {
        // `value, map: "x"`: from the end of the value to the end of `map:`.
        (Some(previous), Some(map)) => Span {
            start: previous.span.end,
            ..map.span
        },
        // `map: "x", value`: from `map:` to the next argument.
        (None, Some(map)) => match arguments.get(index + 1) {
            Some(next) => Span {
                end: next.span.start,
                ..map.span
            },
            None => map.span,
        },
        _ => attribute.span,
    };
    Fix {
        title: "Remove `map:`".into(),
        edits: vec![TextEdit {
            span,
            new_text: String::new(),
        }],
        applicability: Applicability::Safe,
    }
}

fn composite_typed(field: &Field, composite: &Block, attribute: &Attribute, out: &mut Out) {
    out.now(Diagnostic::error(
        codes::DEFAULT_NOT_ALLOWED,
        attribute.span,
        format!(
            "`{}` is of composite type `{}`, and composite-typed fields cannot have a default: remove `@default` (set defaults on the fields of `{}` instead)",
            field.name.text, composite.name.text, composite.name.text
        ),
    ));
}

fn unknown_function(span: Span, function: &str) -> Diagnostic {
    if function == "sequence" {
        return Diagnostic::error(
            codes::DEFAULT_INVALID_FUNCTION,
            span,
            "`sequence()` is a CockroachDB default and this provider does not support it",
        );
    }
    let mut message = format!("`{function}()` is not a function Prisma knows in `@default`");
    let candidates = KNOWN_FUNCTIONS.iter().copied();
    let suggestion = super::super::closest_name(function, candidates);
    match suggestion {
        Some(suggestion) => message.push_str(&format!("; did you mean `{suggestion}()`?")),
        None => message.push_str(" (see https://pris.ly/d/attribute-functions)"),
    }
    let diagnostic = Diagnostic::error(codes::DEFAULT_INVALID_FUNCTION, span, message);
    match suggestion {
        Some(suggestion) => diagnostic.with_fix(super::replacement(
            span,
            suggestion,
            format!("Change to `{suggestion}()`"),
        )),
        None => diagnostic,
    }
}

fn wrong_type(span: Span, function: &str, type_name: &str) -> Diagnostic {
    let fits = match function {
        "autoincrement" | "sequence" => " (it gives `Int` or `BigInt` values)",
        "cuid" | "uuid" | "nanoid" | "ulid" => " (it gives `String` values)",
        "now" => " (it gives `DateTime` values)",
        _ => "",
    };
    Diagnostic::error(
        codes::DEFAULT_INVALID_FUNCTION,
        span,
        format!(
            "`{function}()` cannot be the default of {} field{fits}",
            with_article(type_name)
        ),
    )
}

/// "a `String`", "an `Int`".
fn with_article(type_name: &str) -> String {
    let article = if type_name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} `{type_name}`")
}

fn no_arguments(function: &str, arguments: &[Argument], attribute: &Attribute, out: &mut Out) {
    if !arguments.is_empty() {
        out.now(Diagnostic::error(
            codes::DEFAULT_INVALID_FUNCTION,
            attribute.span,
            format!("`{function}()` takes no arguments: write `{function}()`"),
        ));
    }
}

/// `cuid()` / `cuid(1|2)` and `uuid()` / `uuid(4|7)`.
fn version_argument(function: &str, arguments: &[Argument], attribute: &Attribute, out: &mut Out) {
    let versions: &[u8] = if function == "cuid" { &[1, 2] } else { &[4, 7] };
    let message = match arguments {
        [] => return,
        [argument] => match &argument.value {
            Some(Expression::Number { text, .. }) => {
                if text.parse::<u8>().is_ok_and(|v| versions.contains(&v)) {
                    return;
                }
                format!(
                    "`{function}()` takes either no argument or a version, {} or {}",
                    versions[0], versions[1]
                )
            }
            _ => format!("the argument of `{function}()` must be a version number (an integer)"),
        },
        _ => format!("`{function}()` takes at most one argument, a version number"),
    };
    out.now(Diagnostic::error(
        codes::DEFAULT_INVALID_FUNCTION,
        attribute.span,
        message,
    ));
}

/// `nanoid()` / `nanoid(length)` with a length from 2 to 255.
fn nanoid_arguments(arguments: &[Argument], attribute: &Attribute, out: &mut Out) {
    let message = match arguments {
        [] => return,
        [argument] => match &argument.value {
            Some(Expression::Number { text, .. }) => {
                if text.parse::<u8>().is_ok_and(|length| length >= 2) {
                    return;
                }
                "the length given to `nanoid()` must be a whole number from 2 to 255"
            }
            _ => "the argument of `nanoid()` must be a length (an integer)",
        },
        _ => "`nanoid()` takes at most one argument, a length",
    };
    out.now(Diagnostic::error(
        codes::DEFAULT_INVALID_FUNCTION,
        attribute.span,
        message,
    ));
}

/// `dbgenerated()` or `dbgenerated("sql")` with a non-empty string.
fn check_dbgenerated(arguments: &[Argument], attribute: &Attribute, out: &mut Out) {
    let message = match arguments {
        [] => return,
        [argument] => match &argument.value {
            Some(Expression::String(sql)) if sql.value.is_empty() => {
                "`dbgenerated(\"\")` has an empty expression: give the SQL expression, or write `dbgenerated()`"
            }
            Some(Expression::String(_)) => return,
            _ => "the argument of `dbgenerated()` must be a string holding an SQL expression",
        },
        _ => "`dbgenerated()` takes one argument, a string holding an SQL expression",
    };
    out.now(Diagnostic::error(
        codes::DEFAULT_INVALID_FUNCTION,
        attribute.span,
        message,
    ));
}

/// `auto()`: MongoDB only, on an `@id` field with `@db.ObjectId`.
fn check_auto(cx: &Cx, block: &Block, field: &Field, function: Span, out: &mut Out) {
    let Some(provider) = cx.context.provider else {
        return;
    };
    if !provider.supports_auto_default() {
        out.late(Diagnostic::error(
            codes::DEFAULT_INVALID_FUNCTION,
            function,
            format!(
                "`auto()` is a MongoDB default and {} does not support it",
                provider.display_name()
            ),
        ));
        return;
    }
    // Prisma leaves views out of the MongoDB default checks.
    if block.kind == BlockKind::View {
        return;
    }
    if !field
        .attributes
        .iter()
        .any(|a| a.name.text.ends_with(".ObjectId"))
    {
        let mut diagnostic = Diagnostic::error(
            codes::DEFAULT_AUTO,
            field.span,
            format!(
                "`{}` has `@default(auto())`, which needs the ObjectId native type: add `@db.ObjectId`",
                field.name.text
            ),
        );
        // On a `String` without another native type, `@db.ObjectId` (under the datasource's
        // name) is what Prisma means; anything else needs the author's decision.
        let is_string = field
            .r#type
            .as_ref()
            .is_some_and(|t| t.name.text == "String");
        if let Some(datasource) = cx.context.datasource_name.as_deref()
            && is_string
            && !field
                .attributes
                .iter()
                .any(|a| a.name.text.starts_with(&format!("{datasource}.")))
        {
            let attribute = format!("@{datasource}.ObjectId");
            diagnostic = diagnostic.with_fix(crate::analysis::Fix {
                title: format!("Add `{attribute}`"),
                edits: vec![crate::analysis::edits::append_field_attribute(
                    field, &attribute,
                )],
                applicability: crate::analysis::Applicability::Safe,
            });
        }
        out.late(diagnostic);
    }
    let in_primary_key = field.attribute("id").is_some()
        || block
            .attributes_named("id")
            .any(|id| key_fields(id).contains(&field.name.text.as_str()));
    if !in_primary_key {
        out.late(Diagnostic::error(
            codes::DEFAULT_AUTO,
            field.span,
            format!(
                "`{}` has `@default(auto())`, which only ids can have: add `@id` (or use another default)",
                field.name.text
            ),
        ));
    }
}

/// CockroachDB's `sequence(...)`: known named arguments with numbers (and `virtual`, a boolean).
fn check_sequence(arguments: &[Argument], out: &mut Out) {
    for argument in arguments {
        let known = argument
            .name
            .as_ref()
            .and_then(|name| SEQUENCE_ARGUMENTS.iter().find(|(n, _)| *n == name.text));
        let Some(&(name, boolean)) = known else {
            out.late(Diagnostic::error(
                codes::DEFAULT_INVALID_FUNCTION,
                argument.span,
                format!(
                    "`sequence()` takes only the named arguments {}",
                    SEQUENCE_ARGUMENTS
                        .iter()
                        .map(|(n, _)| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
            continue;
        };
        let Some(value) = &argument.value else {
            continue;
        };
        let fits = match value {
            Expression::Boolean { .. } => boolean,
            Expression::Number { text, .. } => !boolean && literals::integer(text).is_ok(),
            _ => false,
        };
        if !fits {
            let expected = if boolean {
                "`true` or `false`"
            } else {
                "a whole number"
            };
            out.late(Diagnostic::error(
                codes::DEFAULT_INVALID_FUNCTION,
                value.span(),
                format!("`{name}` of `sequence()` must be {expected}"),
            ));
        }
    }
}

/// An enum default: a value of the enum, or a list of them for a list field.
fn check_enum(field: &Field, enum_block: &Block, value: &Expression, out: &mut Out) {
    if arity(field) == Arity::List {
        match value {
            Expression::Array { items, .. } => {
                for item in items {
                    if !enum_value(field, enum_block, item, out) {
                        break;
                    }
                }
            }
            other => out.now(Diagnostic::error(
                codes::DEFAULT_INVALID_VALUE,
                other.span(),
                format!(
                    "`{}` is a list of `{}`: its default must be a list of its values, e.g. `[]`",
                    field.name.text, enum_block.name.text
                ),
            )),
        }
    } else {
        enum_value(field, enum_block, value, out);
    }
}

fn enum_value(field: &Field, enum_block: &Block, value: &Expression, out: &mut Out) -> bool {
    let name = match value {
        Expression::Constant(ident) => ident.text.as_str(),
        Expression::Boolean { value: true, .. } => "true",
        Expression::Boolean { value: false, .. } => "false",
        other => {
            out.now(Diagnostic::error(
                codes::DEFAULT_INVALID_VALUE,
                other.span(),
                format!(
                    "the default of `{}` must be a value of enum `{}`",
                    field.name.text, enum_block.name.text
                ),
            ));
            return false;
        }
    };
    if enum_block.enum_values.iter().any(|v| v.name.text == name) {
        return true;
    }
    let mut message = format!("enum `{}` has no value `{name}`", enum_block.name.text);
    let values = enum_block.enum_values.iter().map(|v| v.name.text.as_str());
    if let Some(suggestion) = super::super::closest_name(name, values) {
        message.push_str(&format!("; did you mean `{suggestion}`?"));
    }
    out.now(Diagnostic::error(
        codes::DEFAULT_INVALID_VALUE,
        value.span(),
        message,
    ));
    false
}

/// A literal default of a scalar field: a list for a list field, a single value otherwise.
fn check_literal_value(field: &Field, scalar: Scalar, value: &Expression, out: &mut Out) {
    if arity(field) == Arity::List {
        let Expression::Array { items, .. } = value else {
            out.now(Diagnostic::error(
                codes::DEFAULT_INVALID_VALUE,
                value.span(),
                format!(
                    "`{}` is a list: its default must be a list too, e.g. `[]`",
                    field.name.text
                ),
            ));
            return;
        };
        for item in items {
            if !check_literal(scalar, item, out) {
                break;
            }
        }
    } else if let Expression::Array { span, .. } = value {
        out.now(Diagnostic::error(
            codes::DEFAULT_INVALID_VALUE,
            *span,
            format!(
                "`{}` is not a list: its default cannot be a list",
                field.name.text
            ),
        ));
    } else {
        check_literal(scalar, value, out);
    }
}

/// One literal: of the right kind (now), and parsable as the type (late). Returns whether the
/// kind is right.
fn check_literal(scalar: Scalar, value: &Expression, out: &mut Out) -> bool {
    let span = value.span();
    let unparsable = |out: &mut Out, why: &str| {
        let shown = match value {
            Expression::String(s) if s.value.chars().count() <= 40 => format!("`{:?}`", s.value),
            Expression::Number { text, .. } => format!("`{text}`"),
            _ => "this value".to_string(),
        };
        out.late(Diagnostic::error(
            codes::DEFAULT_INVALID_VALUE,
            span,
            format!(
                "{shown} is not a valid default for {} field: {why}",
                with_article(scalar.name())
            ),
        ));
    };
    match (scalar, value) {
        (Scalar::String, Expression::String(_))
        | (Scalar::Float, Expression::Number { .. })
        | (Scalar::Decimal, Expression::Number { .. })
        | (Scalar::Boolean, Expression::Boolean { .. }) => {}
        (Scalar::Int | Scalar::BigInt, Expression::Number { text, .. }) => {
            if let Err(why) = literals::integer(text) {
                unparsable(out, why);
            }
        }
        (Scalar::Decimal, Expression::String(s)) => {
            if let Err(why) = literals::decimal(&s.value) {
                unparsable(out, why);
            }
        }
        (Scalar::Json, Expression::String(s)) => {
            if let Err(why) = literals::json(&s.value) {
                unparsable(out, &format!("it is not valid JSON ({why})"));
            }
        }
        (Scalar::Bytes, Expression::String(s)) => {
            if let Err(why) = literals::base64(&s.value) {
                unparsable(out, &format!("it is not valid base64 ({why})"));
            }
        }
        (Scalar::DateTime, Expression::String(s)) => {
            if let Err(why) = literals::rfc3339(&s.value) {
                unparsable(out, &format!("it is not an RFC 3339 timestamp ({why})"));
            }
        }
        (Scalar::Boolean, Expression::Constant(ident)) => {
            let mut diagnostic = Diagnostic::error(
                codes::DEFAULT_INVALID_VALUE,
                span,
                format!(
                    "`{}` is not a boolean: write `true` or `false` (in lower case)",
                    ident.text
                ),
            );
            let lower = ident.text.to_ascii_lowercase();
            if lower == "true" || lower == "false" {
                diagnostic = diagnostic.with_fix(Fix {
                    title: format!("Change to `{lower}`"),
                    edits: vec![TextEdit {
                        span,
                        new_text: lower,
                    }],
                    applicability: Applicability::Safe,
                });
            }
            out.now(diagnostic);
            return false;
        }
        (scalar, other) => {
            out.now(Diagnostic::error(
                codes::DEFAULT_INVALID_VALUE,
                span,
                format!(
                    "the default of {} field must be {}, not {}",
                    with_article(scalar.name()),
                    expected_literal(scalar),
                    describe(other)
                ),
            ));
            return false;
        }
    }
    true
}

fn expected_literal(scalar: Scalar) -> &'static str {
    match scalar {
        Scalar::String => "a string",
        Scalar::Boolean => "`true` or `false`",
        Scalar::Int | Scalar::BigInt => "a whole number",
        Scalar::Float => "a number",
        Scalar::Decimal => "a number or a string holding one",
        Scalar::DateTime => "an RFC 3339 timestamp string or `now()`",
        Scalar::Json => "a string holding JSON",
        Scalar::Bytes => "a base64 string",
    }
}

fn describe(value: &Expression) -> String {
    match value {
        Expression::String(_) => "a string".into(),
        Expression::Number { text, .. } => format!("the number `{text}`"),
        Expression::Boolean { value, .. } => format!("`{value}`"),
        Expression::Constant(ident) => format!("`{}`", ident.text),
        Expression::Function { name, .. } => format!("`{}()`", name.text),
        Expression::Array { .. } => "a list".into(),
        Expression::Object { .. } => "an object".into(),
    }
}

/// `autoincrement()` per provider: not on MongoDB; on MySQL once per table and on an indexed
/// field; on SQLite only on the single-field id; on CockroachDB only on `BigInt`.
pub(super) fn check_autoincrement(cx: &Cx, block: &Block, out: &mut Out) {
    let Some(provider) = cx.context.provider else {
        return;
    };
    // Views are not tables: Prisma does not check their `autoincrement()`.
    if matches!(provider, Provider::PostgreSql | Provider::SqlServer)
        || block.kind == BlockKind::View
    {
        return;
    }
    let mut count = 0;
    for field in &block.fields {
        let Some(attribute) = autoincrement_default(field) else {
            continue;
        };
        let Some(FieldKind::Scalar(scalar @ (Scalar::Int | Scalar::BigInt))) =
            super::field_kind(cx.schema, field)
        else {
            continue;
        };
        count += 1;
        let name = &field.name.text;
        match provider {
            Provider::MongoDb => out.late(Diagnostic::error(
                codes::DEFAULT_AUTOINCREMENT,
                attribute.span,
                format!("MongoDB has no `autoincrement()`: `{name}` needs another default"),
            )),
            Provider::CockroachDb if scalar == Scalar::Int => out.late(Diagnostic::error(
                codes::DEFAULT_AUTOINCREMENT,
                attribute.span,
                format!(
                    "on CockroachDB `autoincrement()` needs a `BigInt` field; for the `Int` field `{name}` use `sequence()`"
                ),
            )),
            Provider::Sqlite | Provider::MySql => {
                if provider == Provider::Sqlite && !crate::semantics::keys::is_single_id(block, field) {
                    out.late(Diagnostic::error(
                        codes::DEFAULT_AUTOINCREMENT,
                        field.span,
                        format!(
                            "SQLite allows `autoincrement()` only on the model's id, and `{name}` is not the single-field id"
                        ),
                    ));
                }
                if !is_indexed_first(block, field) {
                    out.late(Diagnostic::error(
                        codes::DEFAULT_AUTOINCREMENT,
                        field.span,
                        format!(
                            "{} allows `autoincrement()` only on an indexed column: make `{name}` the id, `@unique`, or the first field of an index",
                            provider.display_name()
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    if count > 1 && matches!(provider, Provider::MySql | Provider::Sqlite) {
        out.late(Diagnostic::error(
            codes::DEFAULT_AUTOINCREMENT,
            block.name.span,
            format!(
                "{} allows one `autoincrement()` per table, and {} `{}` has {count}",
                provider.display_name(),
                block.kind.describe(),
                block.name.text
            ),
        ));
    }
}

/// The field's single `@default(autoincrement())` without arguments or name.
fn autoincrement_default(field: &Field) -> Option<&Attribute> {
    let mut defaults = field.attributes.iter().filter(|a| a.name.text == "default");
    let attribute = defaults.next()?;
    if defaults.next().is_some() || map_argument(attribute).is_some() {
        return None;
    }
    match value_of(attribute)? {
        Expression::Function {
            name, arguments, ..
        } if name.text == "autoincrement" && arguments.items.is_empty() => Some(attribute),
        _ => None,
    }
}

/// Whether the field leads an index: its own `@id`/`@unique`, or the first field of an
/// `@@id`, `@@unique`, `@@index` or `@@fulltext`.
fn is_indexed_first(block: &Block, field: &Field) -> bool {
    field.attribute("id").is_some()
        || field.attribute("unique").is_some()
        || block
            .attributes
            .iter()
            .filter(|a| matches!(a.name.text.as_str(), "id" | "unique" | "index" | "fulltext"))
            .any(|a| key_fields(a).first() == Some(&field.name.text.as_str()))
}
