//! Rules about models, views, enums and composite types as a whole: what the provider supports
//! (enums, scalar lists, `Json`, `Decimal`, composite types), database names
//! given by `@map`/`@@map`, views, `@@schema` with several schemas, composite types, and the
//! escapes in strings. Identifier rules live in `names.rs`, datasource rules in `config.rs`.
//!
//! Prisma checks a schema in two stages: while reading it (names, attribute arguments, …) and,
//! only when that found no error, against the provider's capabilities. The second stage stays
//! quiet here too while an error of the first stage is present, so that a broken schema does
//! not drown in follow-up errors.

mod composite;
mod schemas;
mod strings;
mod views;

use super::{Context, Diagnostic, Severity, codes};
use crate::catalog::Provider;
use crate::model::{Arity, Attribute, Block, BlockKind, Expression, Field, Schema, Span};
use crate::semantics::database_names::{block_schema, map_name};
use composite::{
    composite_relation_fields, composite_type_attributes, composite_type_errors, composite_types,
};
use rustc_hash::FxHashMap;
use schemas::{multi_schema, schema_argument};
use strings::block_strings;
use views::view;

/// What one block decides while reading, given the kinds of the declared types: string
/// escapes, `@map` clashes, `@@schema` arguments, composite types' attributes and fields.
/// The `Analyzer` caches it with the block's other semantic findings.
pub(super) fn check_block(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
    // Backslashes are rare: only a block whose text holds one has escapes to check.
    if schema.text(block.span).contains('\\') {
        block_strings(schema, block, out);
    }
    if !block.syntax_errors.is_empty() {
        // What a broken block holds is a guess: stay quiet about it.
        return;
    }
    match block.kind {
        BlockKind::Model | BlockKind::View => {
            mapped_field_names(schema, block, out);
            schema_argument(block, out);
        }
        BlockKind::Enum => schema_argument(block, out),
        BlockKind::CompositeType => {
            mapped_field_names(schema, block, out);
            composite_type_attributes(block, out);
            composite_relation_fields(schema, block, out);
        }
        BlockKind::Datasource | BlockKind::Generator => {}
    }
}

pub(super) fn check(schema: &Schema, context: &Context, findings: &mut super::Findings) {
    // The blocks' own reading findings (`check_block`) are in `findings.reading` already.
    let out = &mut findings.reading;
    if composite_type_errors(schema, out) {
        return;
    }
    let out = &mut findings.validation;
    let capabilities = Capabilities::of(context);
    composite_types(schema, capabilities.as_ref(), out);
    for block in schema.blocks().filter(|b| b.kind == BlockKind::View) {
        view(schema, block, context, out);
    }
    if let Some(capabilities) = &capabilities {
        multi_schema(schema, context, capabilities, out);
    }
    database_names(schema, out);
}

/// What one block's fields and kind are against the provider's capabilities (the validation
/// stage): read from the block, the kinds of the types its fields name, and the context, so
/// that the `Analyzer` caches it with the block's other semantic findings.
pub(super) fn check_block_capabilities(
    schema: &Schema,
    context: &Context,
    block: &Block,
    out: &mut Vec<Diagnostic>,
) {
    let capabilities = Capabilities::of(context);
    match block.kind {
        BlockKind::Model | BlockKind::View => {
            if let Some(capabilities) = &capabilities {
                field_types(schema, block, capabilities, out);
            }
            if context.is(Provider::MongoDb) && block.kind == BlockKind::Model {
                mongodb_field_names(schema, block, out);
            }
        }
        BlockKind::Enum => {
            if let Some(capabilities) = &capabilities
                && !capabilities.enums
            {
                out.push(Diagnostic::error(
                    codes::CAPABILITY_ENUM,
                    block.name.span,
                    format!(
                        "enum `{}`: {} has no enums; use a `String` field instead",
                        block.name.text, capabilities.name
                    ),
                ));
            }
        }
        _ => {}
    }
}

/// What the datasource's connector supports. Without any datasource Prisma checks against
/// an "empty" connector that supports little; with an unknown provider nothing is checked.
struct Capabilities {
    name: &'static str,
    enums: bool,
    scalar_lists: bool,
    json: bool,
    json_lists: bool,
    decimal: bool,
    composite_types: bool,
    multi_schema: bool,
}

impl Capabilities {
    fn of(context: &Context) -> Option<Capabilities> {
        let Some(provider) = context.provider else {
            return context.datasource_name.is_none().then_some(Capabilities {
                name: "a schema without a datasource",
                enums: true,
                scalar_lists: false,
                json: true,
                json_lists: false,
                decimal: false,
                composite_types: false,
                multi_schema: false,
            });
        };
        Some(Capabilities {
            name: provider.display_name(),
            enums: provider.supports_enums(),
            scalar_lists: provider.supports_scalar_lists(),
            json: provider.supports_json(),
            json_lists: provider.supports_json_lists(),
            decimal: provider.supports_decimal(),
            composite_types: provider.supports_composite_types(),
            multi_schema: provider.supports_multi_schema(),
        })
    }
}

/// What a field's type names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum TypeKind {
    Scalar,
    Enum,
    Unsupported,
    Relation,
    Composite,
    Unknown,
}

fn type_kind(schema: &Schema, field: &Field) -> TypeKind {
    let Some(field_type) = &field.r#type else {
        return TypeKind::Unknown;
    };
    let name = field_type.name.text.as_str();
    if super::SCALAR_TYPES.contains(&name) {
        return TypeKind::Scalar;
    }
    if name == "Unsupported" && field_type.unsupported.is_some() {
        return TypeKind::Unsupported;
    }
    match schema.find_type(name).map(|b| b.kind) {
        Some(BlockKind::Enum) => TypeKind::Enum,
        Some(BlockKind::Model | BlockKind::View) => TypeKind::Relation,
        Some(BlockKind::CompositeType) => TypeKind::Composite,
        _ => TypeKind::Unknown,
    }
}

fn field_map(field: &Field) -> Option<(&str, &Attribute)> {
    let attribute = field.attribute("map")?;
    Some((map_name(attribute)?, attribute))
}

/// Two fields of one block that end up with the same database name through `@map`.
fn mapped_field_names(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
    if !block.fields.iter().any(|f| f.attribute("map").is_some()) {
        return;
    }
    let is_composite = block.kind == BlockKind::CompositeType;
    // Relation fields have no column; every other field has one.
    let counts = |field: &Field| is_composite || type_kind(schema, field) != TypeKind::Relation;
    // Blocks are short: linear lookups, unless the block is long.
    const LONG: usize = 32;
    let by_name: FxHashMap<&str, &Field> = if block.fields.len() > LONG {
        block
            .fields
            .iter()
            .rev()
            .map(|f| (f.name.text.as_str(), f))
            .collect()
    } else {
        FxHashMap::default()
    };
    let find = |name: &str| {
        if block.fields.len() > LONG {
            by_name.get(name).copied()
        } else {
            block.fields.iter().find(|f| f.name.text == name)
        }
    };
    let mut mapped: Vec<(&str, &Field)> = Vec::new();
    let mut mapped_index: FxHashMap<&str, &Field> = FxHashMap::default();
    for field in &block.fields {
        let Some((name, attribute)) = field_map(field) else {
            continue;
        };
        if !counts(field) {
            continue;
        }
        let earlier = if mapped.len() < LONG {
            mapped.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
        } else {
            mapped_index.get(name).copied()
        };
        let clash = match earlier {
            Some(first) => Some(first),
            None => {
                mapped.push((name, field));
                if mapped.len() == LONG {
                    mapped_index.extend(mapped.iter().copied());
                } else if mapped.len() > LONG {
                    mapped_index.insert(name, field);
                }
                find(name).filter(|other| {
                    !std::ptr::eq(*other, field)
                        && counts(other)
                        && field_map(other).is_none_or(|(other_name, _)| other_name == name)
                })
            }
        };
        if let Some(other) = clash {
            out.push(
                Diagnostic::error(
                    codes::NAME_DUPLICATE_DATABASE_NAME,
                    attribute.span,
                    format!(
                        "field `{}` is stored as `{name}`, which is already the database name of field `{}` in {} `{}`",
                        field.name.text,
                        other.name.text,
                        block.kind.describe(),
                        block.name.text
                    ),
                )
                .with_related(other.name.span, format!("`{}` is declared here", other.name.text)),
            );
        }
    }
}

/// Field types the provider does not support: scalar lists, `Json`, `Json[]`, `Decimal`.
fn field_types(
    schema: &Schema,
    block: &Block,
    capabilities: &Capabilities,
    out: &mut Vec<Diagnostic>,
) {
    for field in &block.fields {
        let Some(field_type) = &field.r#type else {
            continue;
        };
        let name = field_type.name.text.as_str();
        let is_list = field_type.arity() == Arity::List;
        if !is_list && !matches!(name, "Json" | "Decimal") {
            continue;
        }
        let kind = type_kind(schema, field);
        if !matches!(
            kind,
            TypeKind::Scalar | TypeKind::Enum | TypeKind::Unsupported
        ) {
            continue;
        }
        let describe = || {
            format!(
                "field `{}` of {} `{}`",
                field.name.text,
                block.kind.describe(),
                block.name.text
            )
        };
        if is_list && !capabilities.scalar_lists {
            out.push(Diagnostic::error(
                codes::CAPABILITY_SCALAR_LIST,
                field_type.span,
                format!(
                    "{}: {} has no lists of scalar or enum values",
                    describe(),
                    capabilities.name
                ),
            ));
        }
        let unsupported_type = match name {
            "Json" if !capabilities.json => Some("`Json`"),
            "Decimal" if !capabilities.decimal => Some("`Decimal`"),
            _ => None,
        };
        if let Some(type_name) = unsupported_type {
            out.push(Diagnostic::error(
                codes::CAPABILITY_TYPE,
                field_type.span,
                format!(
                    "{}: {} has no {type_name} type",
                    describe(),
                    capabilities.name
                ),
            ));
        }
        if name == "Json" && is_list && !capabilities.json_lists {
            out.push(Diagnostic::error(
                codes::CAPABILITY_TYPE,
                field_type.span,
                format!(
                    "{}: {} has no lists of `Json`",
                    describe(),
                    capabilities.name
                ),
            ));
        }
    }
}

/// MongoDB field names: no `.` inside, no `$` in front.
fn mongodb_field_names(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
    for field in &block.fields {
        let Some((name, attribute)) = field_map(field) else {
            continue;
        };
        // Composite-typed fields are stored under their name as well; relation fields are not.
        if type_kind(schema, field) == TypeKind::Relation {
            continue;
        }
        let problem = if name.starts_with('$') {
            "cannot start with `$`"
        } else if name.contains('.') {
            "cannot contain `.`"
        } else {
            continue;
        };
        out.push(Diagnostic::error(
            codes::MAP_INVALID_NAME,
            attribute.span,
            format!(
                "the MongoDB name `{name}` of field `{}` {problem}",
                field.name.text
            ),
        ));
    }
}

/// Two models or views (or two enums) with the same database name in the same schema,
/// through `@@map`.
fn database_names(schema: &Schema, out: &mut Vec<Diagnostic>) {
    let mut tables: FxHashMap<(Option<&str>, &str), &Block> = FxHashMap::default();
    let mut enums: FxHashMap<(Option<&str>, &str), &Block> = FxHashMap::default();
    for block in schema.blocks() {
        if block.name.is_missing() {
            continue;
        }
        let map = block
            .attributes_named("map")
            .next()
            .and_then(|a| map_name(a).map(|name| (name, a)));
        let key = (
            block_schema(block).map(|(name, _)| name),
            map.map_or(block.name.text.as_str(), |(name, _)| name),
        );
        let seen = match block.kind {
            BlockKind::Model | BlockKind::View => &mut tables,
            BlockKind::Enum => &mut enums,
            _ => continue,
        };
        let Some(first) = seen.get(&key).copied() else {
            seen.insert(key, block);
            continue;
        };
        let span = if block.kind == BlockKind::Enum {
            block.name.span
        } else if let Some((_, attribute)) = map {
            attribute.span
        } else if let Some(attribute) = first.attributes_named("map").next() {
            attribute.span
        } else {
            // Same name without `@@map`: a duplicate declaration, reported elsewhere.
            continue;
        };
        out.push(
            Diagnostic::error(
                codes::MAP_DUPLICATE_DATABASE_NAME,
                span,
                format!(
                    "{} `{}` and {} `{}` have the same database name `{}`",
                    first.kind.describe(),
                    first.name.text,
                    block.kind.describe(),
                    block.name.text,
                    key.1
                ),
            )
            .with_related(
                first.name.span,
                format!("`{}` is declared here", first.name.text),
            ),
        );
    }
}
