//! What the rules need to know about a schema's conventions: which field is a model's
//! soft-delete marker or tenant key, which models are join tables or logs, how a model maps
//! its names. Shared by the rules, the fixes and the scaffolding actions.

use super::settings::AdvisorSettings;
use crate::model::{Block, BlockKind, Expression, Field, Schema};

/// Whether the field's type is a model (a relation field).
pub fn is_relation_field(schema: &Schema, field: &Field) -> bool {
    field
        .r#type
        .as_ref()
        .is_some_and(|t| schema.find_model(&t.name.text).is_some())
}

/// The type name of a field, as written (without `?`/`[]`).
pub fn type_name(field: &Field) -> Option<&str> {
    field.r#type.as_ref().map(|t| t.name.text.as_str())
}

/// Whether the field is optional (`?`).
pub fn is_optional(field: &Field) -> bool {
    field
        .r#type
        .as_ref()
        .is_some_and(|t| t.arity() == crate::model::Arity::Optional)
}

/// Whether the field is a list (`[]`).
pub fn is_list(field: &Field) -> bool {
    field
        .r#type
        .as_ref()
        .is_some_and(|t| t.arity() == crate::model::Arity::List)
}

/// The names in a list argument of an attribute (`fields: [a, b]`), as written.
pub fn field_list<'a>(
    attribute: &'a crate::model::Attribute,
    name: &str,
    position: Option<usize>,
) -> Vec<&'a str> {
    attribute
        .argument(name, position)
        .and_then(|a| a.value.as_ref())
        .map(|value| {
            value
                .as_list()
                .iter()
                .filter_map(|item| match item {
                    Expression::Constant(ident) => Some(ident.text.as_str()),
                    Expression::Function { name, .. } => Some(name.text.as_str()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The scalar fields of a relation field's `@relation(fields: [...])`.
pub fn relation_scalar_fields(field: &Field) -> Vec<&str> {
    field
        .attribute("relation")
        .map(|relation| field_list(relation, "fields", None))
        .unwrap_or_default()
}

/// The models the advisor looks at: models (not views) that read without syntax errors and
/// are not `@@ignore`d.
pub fn advised_models(schema: &Schema) -> impl Iterator<Item = &Block> {
    schema.models().filter(|block| {
        block.kind == BlockKind::Model
            && block.syntax_errors.is_empty()
            && block.closed
            && block.attributes_named("ignore").next().is_none()
    })
}

/// The model's soft-delete marker: its first field named like one of the configured markers.
pub fn soft_delete_marker<'a>(settings: &AdvisorSettings, block: &'a Block) -> Option<&'a Field> {
    settings
        .soft_delete_markers
        .iter()
        .find_map(|marker| block.field(marker))
}

/// Whether any model of the schema has a soft-delete marker.
pub fn uses_soft_delete(schema: &Schema, settings: &AdvisorSettings) -> bool {
    advised_models(schema).any(|block| soft_delete_marker(settings, block).is_some())
}

/// The model's tenant key field.
pub fn tenant_key<'a>(settings: &AdvisorSettings, block: &'a Block) -> Option<&'a Field> {
    block.field(&settings.tenant_key)
}

/// The tenant model, if declared.
pub fn tenant_model<'a>(schema: &'a Schema, settings: &AdvisorSettings) -> Option<&'a Block> {
    schema.find_model(&settings.tenant_model)
}

/// Whether the schema is multi-tenant: the tenant model exists or a model has the tenant key
/// as a required field. A key that is optional everywhere names something else (a partner's
/// id in a third-party system), not the owner of every row.
pub fn is_multi_tenant(schema: &Schema, settings: &AdvisorSettings) -> bool {
    tenant_model(schema, settings).is_some()
        || advised_models(schema)
            .any(|block| tenant_key(settings, block).is_some_and(|key| !is_optional(key)))
}

/// Whether the model is the join table of an explicit many-to-many relation: exactly two
/// required relation fields to models, and every scalar field is one of their foreign keys
/// or a bookkeeping column (id, timestamps, an "assigned by" column).
pub fn is_join_table(schema: &Schema, block: &Block) -> bool {
    let relations: Vec<&Field> = block
        .fields
        .iter()
        .filter(|f| is_relation_field(schema, f) && !is_list(f))
        .collect();
    if relations.len() != 2
        || block
            .fields
            .iter()
            .any(|f| is_relation_field(schema, f) && is_list(f))
    {
        return false;
    }
    let keys: Vec<&str> = relations
        .iter()
        .flat_map(|f| relation_scalar_fields(f))
        .collect();
    if keys.is_empty() {
        return false;
    }
    block
        .fields
        .iter()
        .filter(|f| !is_relation_field(schema, f))
        .all(|f| {
            let name = f.name.text.as_str();
            keys.contains(&name)
                || f.attribute("id").is_some()
                || matches!(type_name(f), Some("DateTime"))
                || name.to_ascii_lowercase().ends_with("by")
        })
}

/// Whether the model is an append-only log: named like one (`AuditLog`, `Event`,
/// `…History`, `…Log`, …), where rows are never deleted nor edited.
pub fn is_append_only_log(block: &Block) -> bool {
    let name = block.name.text.as_str();
    const SUFFIXES: &[&str] = &[
        "Log", "Logs", "Event", "Events", "History", "Audit", "Outbox",
    ];
    name == "Event"
        || SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
        || name.to_ascii_lowercase().contains("audit")
}

/// The database name of a model: `@@map`, else its name.
pub fn table_name(block: &Block) -> &str {
    block
        .attributes_named("map")
        .next()
        .and_then(|map| map.argument("name", Some(0)))
        .and_then(|a| a.value.as_ref())
        .and_then(Expression::as_str)
        .unwrap_or(&block.name.text)
}

/// The database name of a field: `@map`, else its name.
pub fn column_name(field: &Field) -> &str {
    field
        .attribute("map")
        .and_then(|map| map.argument("name", Some(0)))
        .and_then(|a| a.value.as_ref())
        .and_then(Expression::as_str)
        .unwrap_or(&field.name.text)
}

/// Whether the model maps its camelCase fields to snake_case columns (most of its mapped
/// fields say `@map("snake_case")`), so that new fields should too.
pub fn maps_to_snake_case(schema: &Schema, block: &Block) -> bool {
    let mut mapped = 0;
    let mut camel = 0;
    for field in block
        .fields
        .iter()
        .filter(|f| !is_relation_field(schema, f))
    {
        let name = field.name.text.as_str();
        if name.chars().any(|c| c.is_ascii_uppercase()) {
            camel += 1;
            if column_name(field) == to_snake_case(name) {
                mapped += 1;
            }
        }
    }
    camel > 0 && mapped * 2 > camel
}

/// `createdAt` → `created_at`.
pub fn to_snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
