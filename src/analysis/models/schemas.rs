//! `@@schema` and the datasource's `schemas` (several database schemas).

use super::*;

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

/// The value of `@@schema("…")` (Prisma names the argument `map`).
pub(super) fn schema_value(attribute: &Attribute) -> Option<&Expression> {
    attribute
        .argument("map", Some(0))
        .and_then(|a| a.value.as_ref())
}

/// The `@@schema` of a block, with the span of its value.
pub(super) fn block_schema(block: &Block) -> Option<(&str, Span)> {
    let value = schema_value(block.attributes_named("schema").next()?)?;
    Some((value.as_str()?, value.span()))
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
                out.push(Diagnostic::error(codes::SCHEMA_UNKNOWN, span, message));
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
                if let Some(fix) = context
                    .schemas
                    .first()
                    .and_then(|first| add_schema_attribute(schema, block, first))
                {
                    diagnostic = diagnostic.with_fix(fix);
                }
                out.push(diagnostic);
            }
            None => {}
        }
    }
}

/// A fix that puts the block into `name`: `@@schema("name")` on its own line before the
/// closing brace (when that brace starts its line).
fn add_schema_attribute(
    schema: &Schema,
    block: &Block,
    name: &str,
) -> Option<crate::analysis::Fix> {
    if !block.closed {
        return None;
    }
    let text = &schema.file(block.file()).text;
    let brace = block.body.end.checked_sub(1)? as usize;
    if text.get(brace..brace + 1) != Some("}") {
        return None;
    }
    let line_start = text.get(..brace)?.rfind('\n').map_or(0, |i| i + 1);
    if !text
        .get(line_start..brace)?
        .chars()
        .all(char::is_whitespace)
    {
        return None;
    }
    let at = line_start as u32;
    Some(crate::analysis::Fix {
        title: format!("Add `@@schema(\"{name}\")`"),
        edits: vec![crate::analysis::TextEdit {
            span: Span {
                file: block.file(),
                start: at,
                end: at,
            },
            new_text: format!("\n  @@schema(\"{name}\")\n"),
        }],
        applicability: crate::analysis::Applicability::Unsafe,
    })
}
