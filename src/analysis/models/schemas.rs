//! `@@schema` and the datasource's `schemas` (several database schemas).

use super::*;
use crate::analysis::edits::{insert_block_attribute, replace};
use crate::semantics::database_names::schema_value;

/// The `@@schema` argument: a string.
pub(super) fn schema_argument(block: &Block, out: &mut Vec<Diagnostic>) {
    for attribute in block.attributes_named("schema") {
        // A missing argument is reported with the other attribute arguments.
        match schema_value(attribute) {
            None => {}
            Some(value) if value.as_str().is_none() => out.push(Diagnostic::error(
                codes::SCHEMA_ARGUMENT,
                value.span(),
                "the schema name is a string, such as `\"public\"`",
            )),
            Some(_) => {}
        }
    }
}

/// `@@schema` and the datasource's `schemas`: only where the provider has schemas, each one
/// listed, and on every model, view and enum once `schemas` is set.
pub(super) fn multi_schema(
    schema: &Schema,
    context: &Context,
    capabilities: &Capabilities,
    out: &mut Vec<Diagnostic>,
) {
    let schemas_set = schema
        .datasource()
        .is_some_and(|d| d.property("schemas").is_some());
    for block in schema.blocks() {
        if !matches!(
            block.kind,
            BlockKind::Model | BlockKind::View | BlockKind::Enum
        ) || block.name.is_missing()
        {
            continue;
        }
        match block_schema(block) {
            Some((_, span)) if !capabilities.multi_schema => out.push(Diagnostic::error(
                codes::SCHEMA_UNSUPPORTED,
                span,
                format!("`@@schema` is not supported on {}", capabilities.name),
            )),
            Some((name, span)) if !context.schemas.iter().any(|s| s == name) => {
                let message = if schemas_set {
                    format!(
                        "schema `{name}` is not listed in the datasource's `schemas`: add it there"
                    )
                } else {
                    format!(
                        "schema `{name}` is not declared: list it in the datasource, `schemas = [\"{name}\"]`"
                    )
                };
                let mut diagnostic = Diagnostic::error(codes::SCHEMA_UNKNOWN, span, message);
                if let Some(fix) = declare_schema(schema, name) {
                    diagnostic = diagnostic.with_fix(fix);
                }
                out.push(diagnostic);
            }
            Some(_) => {}
            None if capabilities.multi_schema && schemas_set && !context.is(Provider::MySql) => {
                let mut diagnostic = Diagnostic::error(
                    codes::SCHEMA_MISSING,
                    block.name.span,
                    format!(
                        "{} `{}` has no `@@schema`: with `schemas` in the datasource, every model, view and enum says which schema it belongs to",
                        block.kind.describe(),
                        block.name.text
                    ),
                );
                for name in &context.schemas {
                    if let Some(fix) = add_schema_attribute(schema, block, name) {
                        diagnostic = diagnostic.with_fix(fix);
                    }
                }
                out.push(diagnostic);
            }
            None => {}
        }
    }
}

/// A fix that puts the block into `name`: `@@schema("name")` on its own line, in the block's
/// indentation, after its other block attributes. Offered once per listed schema (which one
/// is the author's choice; Prisma inserts an empty `@@schema()`, itself an error).
fn add_schema_attribute(
    schema: &Schema,
    block: &Block,
    name: &str,
) -> Option<crate::analysis::Fix> {
    if !block.closed || !block.syntax_errors.is_empty() {
        return None;
    }
    let attribute = format!("@@schema(\"{name}\")");
    Some(crate::analysis::Fix {
        title: format!("Add `{attribute}`"),
        edits: vec![insert_block_attribute(schema, block, &attribute)],
        applicability: crate::analysis::Applicability::Unsafe,
    })
}

/// A fix that declares schema `name` in the datasource: appended to its `schemas` list, or,
/// without one, a `schemas = ["name"]` line after `url` (where Prisma puts it), else after
/// the last property.
fn declare_schema(schema: &Schema, name: &str) -> Option<crate::analysis::Fix> {
    let datasource = schema.datasource()?;
    if !datasource.closed || !datasource.syntax_errors.is_empty() {
        return None;
    }
    let quoted = format!("\"{name}\"");
    let edit = match datasource.property("schemas") {
        Some(property) => match property.value.as_ref()? {
            Expression::Array {
                items,
                span,
                closed: true,
            } => match items.last() {
                Some(last) => replace(
                    Span {
                        start: last.span().end,
                        ..last.span()
                    },
                    format!(", {quoted}"),
                ),
                None => {
                    let inside = span.end.checked_sub(1)?;
                    replace(
                        Span {
                            start: inside,
                            end: inside,
                            ..*span
                        },
                        quoted.clone(),
                    )
                }
            },
            _ => return None,
        },
        None => {
            let after = datasource
                .property("url")
                .or_else(|| datasource.properties.iter().max_by_key(|p| p.span.end))?;
            let text = &schema.file(after.span.file).text;
            let line_start = crate::syntax::line_start(text, after.span.start as usize);
            let indentation: String = text
                .get(line_start..after.span.start as usize)?
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            replace(
                Span {
                    start: after.span.end,
                    ..after.span
                },
                format!("\n{indentation}schemas = [{quoted}]"),
            )
        }
    };
    Some(crate::analysis::Fix {
        title: format!("Add {quoted} to the datasource's `schemas`"),
        edits: vec![edit],
        // A guess: the name may be a typo of a listed schema.
        applicability: crate::analysis::Applicability::Unsafe,
    })
}
