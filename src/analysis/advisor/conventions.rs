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
        .map(|value| value.field_names().collect())
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
    schema.models().filter(|block| is_advised(block))
}

/// Whether the advisor looks at the block (see `advised_models`): a model that reads
/// without syntax errors (a line break inside an attribute counts: Prisma rejects it), is
/// not `@@ignore`d, and is not a database view declared as a model (`/// @view`, a
/// convention of schemas older than Prisma's `view` blocks: no index or foreign key
/// can be added to it).
pub fn is_advised(block: &Block) -> bool {
    block.kind == BlockKind::Model
        && block.syntax_errors.is_empty()
        && !block.multiline_attribute
        && block.closed
        && block.attributes_named("ignore").next().is_none()
        && !block
            .doc
            .as_deref()
            .is_some_and(|doc| doc.lines().any(|line| line.trim() == "@view"))
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

pub use crate::semantics::database_names::{column_name, table_name};

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

/// The lowercase words of a name: `unitPrice` → `unit`, `price`; `partner_IBAN` → `partner`,
/// `iban`; `APIKey` → `api`, `key`; `s3Key` → `s3`, `key`.
pub fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    for part in name.split(['_', '-', ' ']) {
        let chars: Vec<char> = part.chars().collect();
        let mut word = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let previous = i.checked_sub(1).map(|p| chars[p]);
            let next = chars.get(i + 1);
            let boundary = c.is_ascii_uppercase()
                && previous.is_some_and(|p| {
                    p.is_ascii_lowercase()
                        || p.is_ascii_digit()
                        // The last capital of an acronym starts the next word: `APIKey`.
                        || (p.is_ascii_uppercase() && next.is_some_and(char::is_ascii_lowercase))
                });
            if boundary && !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            word.push(c.to_ascii_lowercase());
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

/// The function that generates the schema's string ids (`uuid()`, `cuid(2)`, `nanoid(16)`…,
/// as written), the one most `String` ids use; `None` when no string id has a generated
/// default.
pub fn string_id_generator(schema: &Schema) -> Option<String> {
    let generators = advised_models(schema)
        .flat_map(|block| &block.fields)
        .filter(|field| type_name(field) == Some("String") && field.attribute("id").is_some())
        .filter_map(|field| match default_value(field)? {
            value @ Expression::Function { name, .. }
                if matches!(name.text.as_str(), "uuid" | "cuid" | "nanoid" | "ulid") =>
            {
                // As written, without spaces: `uuid(7)`.
                Some(
                    schema
                        .text(value.span())
                        .chars()
                        .filter(|c| !c.is_whitespace())
                        .collect::<String>(),
                )
            }
            _ => None,
        });
    most_common(generators)
}

/// The type of a model's single-field id, with its native type attribute as written (`String`,
/// `@db.Uuid`), for the fields that reference it (`userId String @db.Uuid`). `None` for a
/// composite id or a model without one.
pub fn id_type<'a>(schema: &'a Schema, block: &'a Block) -> Option<(&'a str, Option<&'a str>)> {
    let id = block.fields.iter().find(|f| f.attribute("id").is_some())?;
    let native = native_type_attribute(id).map(|a| schema.text(a.span));
    Some((type_name(id)?, native))
}

/// The id field of a new model (type and attributes), as the schema's models declare theirs:
/// on MongoDB an ObjectId (`String @id @default(auto()) @map("_id") @db.ObjectId`); else the
/// most common type and native type of single-field ids, with the most common default of
/// those (`Int @id @default(autoincrement())`, `String @id @default(uuid()) @db.Uuid`), or a
/// generated one when they have none (the application's generator is not the schema's to
/// know); `String @id @default(cuid())` without ids to follow.
pub fn new_model_id(schema: &Schema, context: &crate::analysis::Context) -> (String, String) {
    if context.is(crate::catalog::Provider::MongoDb) {
        let db = context.datasource_name.as_deref().unwrap_or("db");
        return (
            "String".to_string(),
            format!("@id @default(auto()) @map(\"_id\") @{db}.ObjectId"),
        );
    }
    let ids: Vec<(&str, Option<String>, Option<String>)> = advised_models(schema)
        .filter_map(|block| {
            let id = block.fields.iter().find(|f| f.attribute("id").is_some())?;
            if is_optional(id) || is_list(id) {
                return None;
            }
            let text = |a: &crate::model::Attribute| squeeze(schema.text(a.span));
            Some((
                type_name(id)?,
                native_type_attribute(id).map(text),
                id.attribute("default").map(text),
            ))
        })
        .collect();
    let Some((ty, native)) = most_common(ids.iter().map(|(ty, native, _)| (*ty, native.clone())))
    else {
        return ("String".to_string(), "@id @default(cuid())".to_string());
    };
    let written = most_common(
        ids.iter()
            .filter(|(t, n, _)| *t == ty && *n == native)
            .filter_map(|(_, _, default)| default.clone()),
    );
    let is_uuid = native
        .as_deref()
        .is_some_and(|n| n.ends_with(".Uuid") || n.ends_with(".UniqueIdentifier"));
    let default = match (written, ty) {
        (Some(written), _) => written,
        (None, "String") if is_uuid => "@default(uuid())".to_string(),
        (None, "String") => format!(
            "@default({})",
            string_id_generator(schema).unwrap_or_else(|| "cuid()".to_string())
        ),
        (None, "Int" | "BigInt") => "@default(autoincrement())".to_string(),
        _ => return ("String".to_string(), "@id @default(cuid())".to_string()),
    };
    let mut attributes = format!("@id {default}");
    if let Some(native) = native {
        attributes.push(' ');
        attributes.push_str(&native);
    }
    (ty.to_string(), attributes)
}

/// An attribute as written, on one line with single spaces.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether most models map their camelCase fields to snake_case columns (new models should).
pub fn schema_maps_to_snake_case(schema: &Schema) -> bool {
    let (mut mapped, mut total) = (0usize, 0usize);
    for block in advised_models(schema) {
        if block
            .fields
            .iter()
            .any(|f| f.name.text.chars().any(|c| c.is_ascii_uppercase()))
        {
            total += 1;
            if maps_to_snake_case(schema, block) {
                mapped += 1;
            }
        }
    }
    mapped * 2 > total
}

/// How the schema names its tables, for a new model `name`: `Some("audit_log")` or
/// `Some("audit_logs")` when most models are `@@map`ped to their snake_case name (plural when
/// most of those are plural), `None` when models keep their names.
pub fn new_table_name(schema: &Schema, name: &str) -> Option<String> {
    let (mut snake, mut plural, mut total) = (0usize, 0usize, 0usize);
    for block in advised_models(schema) {
        total += 1;
        let table = table_name(block);
        let singular = to_snake_case(&block.name.text);
        if table == singular {
            snake += usize::from(table != block.name.text);
        } else if table.strip_suffix('s') == Some(singular.as_str())
            || table.strip_suffix("es") == Some(singular.as_str())
        {
            snake += 1;
            plural += 1;
        }
    }
    if snake * 2 <= total {
        return None;
    }
    let table = to_snake_case(name);
    Some(if plural * 2 > snake {
        format!("{table}s")
    } else {
        table
    })
}

/// The value of the field's `@default(...)`.
pub fn default_value(field: &Field) -> Option<&Expression> {
    field
        .attribute("default")?
        .argument("value", Some(0))?
        .value
        .as_ref()
}

/// The field's native type attribute (`@db.Uuid`).
pub fn native_type_attribute(field: &Field) -> Option<&crate::model::Attribute> {
    field.attributes.iter().find(|a| a.name.text.contains('.'))
}

/// The value seen most often; the first seen among equals.
pub fn most_common<T: PartialEq>(values: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: Vec<(T, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(seen, _)| *seen == value) {
            Some((_, count)) => *count += 1,
            None => counts.push((value, 1)),
        }
    }
    let mut best: Option<(T, usize)> = None;
    for (value, count) in counts {
        if best.as_ref().is_none_or(|(_, most)| count > *most) {
            best = Some((value, count));
        }
    }
    best.map(|(value, _)| value)
}
