//! Rules about models, views, enums and composite types as a whole that depend on the
//! provider: capabilities (enums, scalar lists, composite types), views, `@@schema` with
//! multiple schemas, PostgreSQL extensions, reserved names.
//!
//! Prisma checks a schema in two stages: while reading it (names, attribute arguments, …) and,
//! only when that found no error, against the provider's capabilities. The second stage stays
//! quiet here too while an error of the first stage is present, so that a broken schema does
//! not drown in follow-up errors.

use super::{Context, Diagnostic, Severity, codes};
use crate::catalog::Provider;
use crate::model::{Arity, Attribute, Block, BlockKind, Expression, Field, Schema, Span};
use rustc_hash::FxHashMap;

pub(super) fn check(schema: &Schema, context: &Context, out: &mut Vec<Diagnostic>) {
    string_escapes(schema, out);
    for block in schema.blocks() {
        match block.kind {
            BlockKind::Model | BlockKind::View => {
                mapped_field_names(schema, block, out);
                relation_field_maps(schema, block, out);
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
    if out.iter().any(stops_validation) || composite_type_errors(schema, out) {
        return;
    }
    let capabilities = Capabilities::of(schema, context);
    composite_types(schema, capabilities.as_ref(), out);
    for block in schema.blocks() {
        match block.kind {
            BlockKind::Model | BlockKind::View => {
                if let Some(capabilities) = &capabilities {
                    field_types(schema, block, capabilities, out);
                    if block.kind == BlockKind::Model {
                        autoincrement(block, capabilities, out);
                    }
                }
                if block.kind == BlockKind::View {
                    view(block, context, out);
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
    if let Some(capabilities) = &capabilities {
        multi_schema(schema, context, capabilities, out);
    }
    database_names(schema, out);
}

/// Whether a diagnostic comes from the first stage of Prisma's checks (see the module doc).
fn stops_validation(diagnostic: &Diagnostic) -> bool {
    if diagnostic.severity != Severity::Error {
        return false;
    }
    let code = diagnostic.code.as_str();
    ["syntax/", "name/", "config/"]
        .iter()
        .any(|prefix| code.starts_with(prefix))
        || diagnostic.code == codes::ATTRIBUTE_DUPLICATE
        || diagnostic.code == codes::COMPOSITE_ATTRIBUTE
        || diagnostic.code == codes::SCHEMA_ARGUMENT
        || diagnostic.code == codes::COMPOSITE_RELATION_FIELD
        || diagnostic.code == codes::MAP_RELATION_FIELD
        || diagnostic.code == codes::ENUM_EMPTY
        || diagnostic.code == codes::STRING_INVALID_ESCAPE
}

/// Whether another check reported an error inside a composite type or on a field of one:
/// Prisma reads composite types (their attributes and defaults) in its first stage.
fn composite_type_errors(schema: &Schema, out: &[Diagnostic]) -> bool {
    if schema
        .blocks_of_kind(BlockKind::CompositeType)
        .next()
        .is_none()
        || !out.iter().any(|d| d.severity == Severity::Error)
    {
        return false;
    }
    let mut spans: Vec<Span> = Vec::new();
    for block in schema.blocks() {
        match block.kind {
            BlockKind::CompositeType => spans.push(block.span),
            BlockKind::Model | BlockKind::View => spans.extend(
                block
                    .fields
                    .iter()
                    .filter(|f| type_kind(schema, f) == TypeKind::Composite)
                    .map(|f| f.span),
            ),
            _ => {}
        }
    }
    if spans.is_empty() {
        return false;
    }
    spans.sort_unstable_by_key(|s| (s.file, s.start));
    out.iter().any(|d| {
        if d.severity != Severity::Error {
            return false;
        }
        let index = spans.partition_point(|s| (s.file, s.start) <= (d.span.file, d.span.start));
        index
            .checked_sub(1)
            .and_then(|i| spans.get(i))
            .is_some_and(|s| s.file == d.span.file && d.span.end <= s.end)
    })
}

/// Escapes in string literals: the JSON ones (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`
/// and `\uXXXX`, surrogates only in pairs), nothing else.
fn string_escapes(schema: &Schema, out: &mut Vec<Diagnostic>) {
    // Backslashes are rare: only blocks whose text holds one are looked at.
    for file_id in schema.file_ids() {
        let text = schema.file(file_id).text.as_str();
        if !text.contains('\\') {
            continue;
        }
        for block in &schema.file_model(file_id).blocks {
            if text
                .get(block.span.start as usize..block.span.end as usize)
                .is_some_and(|body| body.contains('\\'))
            {
                block_strings(schema, block, out);
            }
        }
    }
}

fn block_strings(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
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

fn attribute_strings(schema: &Schema, list: &[Attribute], out: &mut Vec<Diagnostic>) {
    for attribute in list {
        for argument in attribute.arguments() {
            if let Some(value) = &argument.value {
                expression_strings(schema, value, out);
            }
        }
    }
}

fn expression_strings(schema: &Schema, value: &Expression, out: &mut Vec<Diagnostic>) {
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

fn string(schema: &Schema, literal: &crate::model::StringLiteral, out: &mut Vec<Diagnostic>) {
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
    autoincrement: bool,
    autoincrement_on_non_id: bool,
    autoincrement_several: bool,
    autoincrement_not_indexed: bool,
}

impl Capabilities {
    fn of(schema: &Schema, context: &Context) -> Option<Capabilities> {
        let Some(provider) = context.provider else {
            return schema.datasource().is_none().then_some(Capabilities {
                name: "a schema without datasource (Prisma then assumes the fewest features)",
                enums: true,
                scalar_lists: false,
                json: true,
                json_lists: false,
                decimal: false,
                composite_types: false,
                multi_schema: false,
                autoincrement: true,
                autoincrement_on_non_id: false,
                autoincrement_several: false,
                autoincrement_not_indexed: false,
            });
        };
        use Provider::*;
        Some(Capabilities {
            name: provider.display_name(),
            enums: provider.supports_enums(),
            scalar_lists: provider.supports_scalar_lists(),
            json: provider.supports_json(),
            json_lists: provider.supports_json_lists(),
            decimal: provider.supports_decimal(),
            composite_types: provider.supports_composite_types(),
            multi_schema: provider.supports_multi_schema(),
            autoincrement: provider.supports_autoincrement(),
            autoincrement_on_non_id: provider != Sqlite,
            autoincrement_several: matches!(provider, PostgreSql | CockroachDb | SqlServer),
            autoincrement_not_indexed: matches!(provider, PostgreSql | CockroachDb | SqlServer),
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

/// The string argument of `@map("…")` / `@@map("…")`.
fn map_name(attribute: &Attribute) -> Option<&str> {
    attribute
        .argument("name", Some(0))
        .and_then(|a| a.value.as_ref())
        .and_then(Expression::as_str)
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

/// A relation field is no column: `@map` belongs on its scalar fields.
fn relation_field_maps(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
    for field in &block.fields {
        let Some(attribute) = field.attribute("map") else {
            continue;
        };
        if type_kind(schema, field) != TypeKind::Relation {
            continue;
        }
        out.push(Diagnostic::error(
            codes::MAP_RELATION_FIELD,
            attribute.span,
            format!(
                "relation field `{}` is not stored in the database, so it takes no `@map`: map the scalar fields of its `fields:` instead",
                field.name.text
            ),
        ));
    }
}

/// The `@@schema` argument: a string.
fn schema_argument(block: &Block, out: &mut Vec<Diagnostic>) {
    for attribute in block.attributes_named("schema") {
        match schema_value(attribute) {
            None => out.push(Diagnostic::error(
                codes::SCHEMA_ARGUMENT,
                attribute.span,
                "`@@schema` needs the name of a database schema: `@@schema(\"public\")`",
            )),
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
fn schema_value(attribute: &Attribute) -> Option<&Expression> {
    attribute
        .argument("map", Some(0))
        .and_then(|a| a.value.as_ref())
}

/// The `@@schema` of a block, with the span of its value.
fn block_schema(block: &Block) -> Option<(&str, Span)> {
    let value = schema_value(block.attributes_named("schema").next()?)?;
    Some((value.as_str()?, value.span()))
}

/// Attributes a composite type and its fields cannot have: a composite type is stored inside
/// a document, so ids, indexes and database names belong to the model that embeds it.
fn composite_type_attributes(block: &Block, out: &mut Vec<Diagnostic>) {
    for field in &block.fields {
        for attribute in &field.attributes {
            let name = attribute.name.text.as_str();
            if name.is_empty()
                || crate::catalog::COMPOSITE_TYPE_FIELD_ATTRIBUTES.contains(&name)
                || name.starts_with("db.")
            {
                continue;
            }
            let message = match name {
                "id" | "unique" => format!(
                    "`@{name}` is not allowed on field `{}` of composite type `{}`: define it on the model that embeds the type",
                    field.name.text, block.name.text
                ),
                _ => format!(
                    "`@{name}` is not allowed on field `{}` of composite type `{}`: only `@map`, `@default` and native types are",
                    field.name.text, block.name.text
                ),
            };
            out.push(Diagnostic::error(
                codes::COMPOSITE_ATTRIBUTE,
                attribute.span,
                message,
            ));
        }
    }
    for attribute in &block.attributes {
        let name = attribute.name.text.as_str();
        let message = match name {
            "" => continue,
            "id" => format!(
                "composite type `{}` cannot have an id: only models have ids",
                block.name.text
            ),
            "index" | "unique" | "fulltext" => format!(
                "`@@{name}` cannot be defined on composite type `{}`: define it on the model that embeds the type",
                block.name.text
            ),
            "map" => format!(
                "composite type `{}` needs no `@@map`: its name is not stored in the database",
                block.name.text
            ),
            _ => format!(
                "`@@{name}` is not allowed on composite type `{}`",
                block.name.text
            ),
        };
        out.push(Diagnostic::error(
            codes::COMPOSITE_ATTRIBUTE,
            attribute.span,
            message,
        ));
    }
}

/// A composite type cannot point to a model or view: it is stored inside a document.
fn composite_relation_fields(schema: &Schema, block: &Block, out: &mut Vec<Diagnostic>) {
    for field in &block.fields {
        if type_kind(schema, field) != TypeKind::Relation {
            continue;
        }
        let Some(field_type) = &field.r#type else {
            continue;
        };
        out.push(Diagnostic::error(
            codes::COMPOSITE_RELATION_FIELD,
            field_type.name.span,
            format!(
                "field `{}` of composite type `{}` has the type of {} `{}`: composite types cannot hold relations (embed another composite type instead)",
                field.name.text,
                block.name.text,
                schema
                    .find_type(&field_type.name.text)
                    .map_or("model", |b| b.kind.describe()),
                field_type.name.text
            ),
        ));
    }
}

/// Composite types: supported by the provider, at least one field, no cycle of required
/// fields (a document cannot contain itself forever).
fn composite_types(
    schema: &Schema,
    capabilities: Option<&Capabilities>,
    out: &mut Vec<Diagnostic>,
) {
    let types: Vec<&Block> = schema
        .blocks_of_kind(BlockKind::CompositeType)
        .filter(|b| !b.name.is_missing())
        .collect();
    if types.is_empty() {
        return;
    }
    let before = out.len();
    if let Some(capabilities) = capabilities
        && !capabilities.composite_types
    {
        for block in &types {
            out.push(Diagnostic::error(
                codes::CAPABILITY_COMPOSITE_TYPE,
                block.name.span,
                format!(
                    "composite type `{}`: composite types are only supported on MongoDB, not on {}",
                    block.name.text, capabilities.name
                ),
            ));
        }
    }
    composite_cycles(schema, &types, out);
    if out.len() > before {
        return;
    }
    for block in &types {
        if block.fields.is_empty() {
            out.push(Diagnostic::error(
                codes::COMPOSITE_EMPTY,
                block.name.span,
                format!(
                    "composite type `{}` has no fields: declare at least one",
                    block.name.text
                ),
            ));
        }
    }
}

/// A required field whose composite type leads back, through required composite fields, to
/// the type that holds the field.
fn composite_cycles(schema: &Schema, types: &[&Block], out: &mut Vec<Diagnostic>) {
    let index: FxHashMap<&str, usize> = types
        .iter()
        .enumerate()
        .map(|(i, b)| (b.name.text.as_str(), i))
        .collect();
    // Required composite fields as edges: owner → (target, field).
    let edges: Vec<Vec<(usize, &Field)>> = types
        .iter()
        .map(|block| {
            block
                .fields
                .iter()
                .filter_map(|field| {
                    let field_type = field.r#type.as_ref()?;
                    if field_type.arity() != Arity::Required {
                        return None;
                    }
                    let target = *index.get(field_type.name.text.as_str())?;
                    // Only the first declaration of a name is the type (duplicates are
                    // reported elsewhere).
                    schema
                        .find_type(&field_type.name.text)
                        .is_some_and(|b| b.kind == BlockKind::CompositeType)
                        .then_some((target, field))
                })
                .collect()
        })
        .collect();
    for (owner, block) in types.iter().enumerate() {
        for &(target, field) in &edges[owner] {
            if target == owner {
                out.push(Diagnostic::error(
                    codes::COMPOSITE_CYCLE,
                    field.name.span,
                    format!(
                        "field `{}` of composite type `{}` is required and of the same type, which never ends: make it optional or a list",
                        field.name.text, block.name.text
                    ),
                ));
            } else if let Some(path) = path_between(&edges, target, owner) {
                let names: Vec<String> = std::iter::once(owner)
                    .chain(path)
                    .map(|i| format!("`{}`", types[i].name.text))
                    .collect();
                out.push(Diagnostic::error(
                    codes::COMPOSITE_CYCLE,
                    field.name.span,
                    format!(
                        "field `{}` of composite type `{}` closes a cycle of required fields ({}), which never ends: make one of them optional or a list",
                        field.name.text,
                        block.name.text,
                        names.join(" → ")
                    ),
                ));
            }
        }
    }
}

/// A path of type indexes from `from` to `to` (both included), breadth first.
fn path_between(edges: &[Vec<(usize, &Field)>], from: usize, to: usize) -> Option<Vec<usize>> {
    let mut previous: Vec<Option<usize>> = vec![None; edges.len()];
    let mut seen = vec![false; edges.len()];
    let mut queue = std::collections::VecDeque::from([from]);
    seen[from] = true;
    while let Some(current) = queue.pop_front() {
        if current == to {
            let mut path = vec![to];
            let mut at = to;
            while let Some(before) = previous[at] {
                path.push(before);
                at = before;
            }
            path.reverse();
            return Some(path);
        }
        for &(next, _) in &edges[current] {
            if !seen[next] {
                seen[next] = true;
                previous[next] = Some(current);
                queue.push_back(next);
            }
        }
    }
    None
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

fn is_autoincrement(attribute: &Attribute) -> bool {
    matches!(
        attribute.argument("value", Some(0)).and_then(|a| a.value.as_ref()),
        Some(Expression::Function { name, .. }) if name.text == "autoincrement"
    )
}

/// The first field of each index, unique constraint and id of a model: the columns the
/// database can find an auto-increment value by.
fn leading_index_fields(block: &Block) -> Vec<&str> {
    block
        .attributes
        .iter()
        .filter(|a| matches!(a.name.text.as_str(), "id" | "unique" | "index" | "fulltext"))
        .filter_map(|a| a.argument("fields", Some(0)))
        .filter_map(|a| a.value.as_ref())
        .filter_map(|v| v.as_list().first())
        .filter_map(|first| match first {
            Expression::Constant(name) => Some(name.text.as_str()),
            Expression::Function { name, .. } => Some(name.text.as_str()),
            _ => None,
        })
        .collect()
}

/// `@default(autoincrement())` where the provider limits it.
fn autoincrement(block: &Block, capabilities: &Capabilities, out: &mut Vec<Diagnostic>) {
    if capabilities.autoincrement
        && capabilities.autoincrement_on_non_id
        && capabilities.autoincrement_several
        && capabilities.autoincrement_not_indexed
    {
        return;
    }
    let fields: Vec<(&Field, &Attribute)> = block
        .fields
        .iter()
        .filter_map(|f| {
            f.attributes
                .iter()
                .find(|a| a.name.text == "default" && is_autoincrement(a))
                .map(|a| (f, a))
        })
        .collect();
    if fields.is_empty() {
        return;
    }
    if !capabilities.autoincrement {
        for (field, attribute) in &fields {
            out.push(Diagnostic::error(
                codes::CAPABILITY_AUTOINCREMENT,
                attribute.span,
                format!(
                    "field `{}`: {} has no `autoincrement()`",
                    field.name.text, capabilities.name
                ),
            ));
        }
        return;
    }
    if fields.len() > 1 && !capabilities.autoincrement_several {
        out.push(Diagnostic::error(
            codes::CAPABILITY_AUTOINCREMENT,
            block.name.span,
            format!(
                "model `{}` has {} `autoincrement()` fields: {} allows only one per table",
                block.name.text,
                fields.len(),
                capabilities.name
            ),
        ));
    }
    let compound_id: Vec<&str> = block
        .attributes_named("id")
        .filter_map(|a| a.argument("fields", Some(0)))
        .filter_map(|a| a.value.as_ref())
        .flat_map(Expression::as_list)
        .filter_map(|v| match v {
            Expression::Constant(name) => Some(name.text.as_str()),
            Expression::Function { name, .. } => Some(name.text.as_str()),
            _ => None,
        })
        .collect();
    let leading = leading_index_fields(block);
    for (field, _) in &fields {
        let name = field.name.text.as_str();
        let is_single_id = field.attribute("id").is_some() || compound_id == [name];
        if !capabilities.autoincrement_on_non_id && !is_single_id {
            out.push(Diagnostic::error(
                codes::CAPABILITY_AUTOINCREMENT,
                field.name.span,
                format!(
                    "field `{name}` is not the id: {} allows `autoincrement()` only on the id field",
                    capabilities.name
                ),
            ));
        }
        let indexed = field.attribute("id").is_some()
            || field.attribute("unique").is_some()
            || leading.contains(&name);
        if !capabilities.autoincrement_not_indexed && !indexed {
            out.push(Diagnostic::error(
                codes::CAPABILITY_AUTOINCREMENT,
                field.name.span,
                format!(
                    "field `{name}` has no index: {} needs an `autoincrement()` field to be the id, unique or the first field of an index",
                    capabilities.name
                ),
            ));
        }
    }
}

/// Views: behind the `views` preview feature; no primary key, no index, and their `@unique`
/// constraints exist only for Prisma Client (no database name, no clustering, no arguments).
fn view(block: &Block, context: &Context, out: &mut Vec<Diagnostic>) {
    if !context.has_preview_feature("views") {
        out.push(Diagnostic::error(
            codes::VIEW_PREVIEW_FEATURE,
            block.name.span,
            format!(
                "view `{}` needs the `views` preview feature in the generator's `previewFeatures`",
                block.name.text
            ),
        ));
    }
    let unique_arguments = |attribute: &Attribute, out: &mut Vec<Diagnostic>| {
        for argument in ["map", "clustered"] {
            if let Some(found) = attribute.argument(argument, None) {
                out.push(Diagnostic::error(
                    codes::VIEW_CONSTRAINT,
                    found.span,
                    format!(
                        "`{argument}:` is not allowed on a unique constraint of view `{}`: it is not backed by a database index",
                        block.name.text
                    ),
                ));
            }
        }
    };
    for field in &block.fields {
        for attribute in &field.attributes {
            match attribute.name.text.as_str() {
                "id" => out.push(Diagnostic::error(
                    codes::VIEW_CONSTRAINT,
                    attribute.span,
                    format!(
                        "view `{}` cannot have a primary key: use `@unique` to identify its rows",
                        block.name.text
                    ),
                )),
                "unique" => {
                    unique_arguments(attribute, out);
                    if let Some(argument) = ["sort", "length"]
                        .into_iter()
                        .find_map(|name| attribute.argument(name, None))
                    {
                        out.push(Diagnostic::error(
                            codes::VIEW_CONSTRAINT,
                            argument.span,
                            format!(
                                "the `@unique` of field `{}` on view `{}` takes no `sort:` or `length:`",
                                field.name.text, block.name.text
                            ),
                        ));
                    }
                }
                _ => {}
            }
        }
    }
    for attribute in &block.attributes {
        match attribute.name.text.as_str() {
            "id" => out.push(Diagnostic::error(
                codes::VIEW_CONSTRAINT,
                attribute.span,
                format!(
                    "view `{}` cannot have a primary key: use `@@unique` to identify its rows",
                    block.name.text
                ),
            )),
            "index" | "fulltext" => out.push(Diagnostic::error(
                codes::VIEW_CONSTRAINT,
                attribute.span,
                format!("view `{}` cannot have indexes", block.name.text),
            )),
            "unique" => {
                unique_arguments(attribute, out);
                let fields = attribute
                    .argument("fields", Some(0))
                    .and_then(|a| a.value.as_ref());
                if let Some(with_arguments) = fields.into_iter().flat_map(Expression::as_list).find(
                    |item| matches!(item, Expression::Function { arguments, .. } if !arguments.items.is_empty()),
                ) {
                    out.push(Diagnostic::error(
                        codes::VIEW_CONSTRAINT,
                        with_arguments.span(),
                        format!(
                            "the fields of a `@@unique` on view `{}` take no arguments",
                            block.name.text
                        ),
                    ));
                }
            }
            _ => {}
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

/// `@@schema` and the datasource's `schemas`: only where the provider has schemas, each one
/// listed, and on every model, view and enum once `schemas` is set.
fn multi_schema(
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
                out.push(Diagnostic::error(
                    codes::SCHEMA_MISSING,
                    block.name.span,
                    format!(
                        "{} `{}` has no `@@schema`: with `schemas` in the datasource, every model, view and enum says which schema it belongs to",
                        block.kind.describe(),
                        block.name.text
                    ),
                ));
            }
            None => {}
        }
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
