//! The tenant scaffolding actions: "Add tenant key to <Model>", "Add tenant model".

use super::super::Advisor;
use super::super::conventions::{self, advised_models, is_list, is_optional, type_name};
use super::super::scaffold::{Action, ActionScope};
use super::missing_key::{KeyFixer, lower_camel, plural_lower_camel};
use super::*;
use crate::catalog::Provider;
use crate::model::{Block, Schema};

/// The scaffolding actions of this area (see `scaffold::actions`): "Add tenant key to
/// <Model>" on a model without it, "Add tenant model" when the schema has none.
pub(in crate::analysis::advisor) fn actions(
    advisor: &Advisor<'_>,
    block: Option<&Block>,
    out: &mut Vec<Action>,
) {
    let schema = advisor.schema;
    let settings = advisor.settings;
    if let Some(block) = block
        && block.name.text != settings.tenant_model
        && block.field(&settings.tenant_key).is_none()
        && conventions::is_advised(block)
    {
        let scoping = Scoping::new(advisor);
        if let Some(edits) = KeyFixer::new(advisor, &scoping).edits(block) {
            out.push(Action {
                title: format!("Add tenant key to {}", block.name.text),
                scope: ActionScope::Block,
                edits,
            });
        }
    }
    if schema.find_type(&settings.tenant_model).is_none() {
        let file = advised_models(schema)
            .next()
            .map_or_else(|| schema.file_ids().next(), |b| Some(b.file()));
        if let Some(file) = file {
            let text = tenant_model_text(advisor);
            out.push(Action {
                title: "Add tenant model".to_string(),
                scope: ActionScope::Schema,
                edits: vec![super::super::scaffold::append_block(schema, file, &text)],
            });
        }
    }
}

/// `model Tenant { … }` in the schema's conventions: the id like most models' ids (the
/// MongoDB form on MongoDB), snake_case columns and table name when most models map so.
pub(super) fn tenant_model_text(advisor: &Advisor<'_>) -> String {
    let schema = advisor.schema;
    let name = advisor.settings.tenant_model.as_str();
    let models: Vec<&Block> = advised_models(schema).collect();
    let id_line = if advisor.context.is(Provider::MongoDb) {
        "String @id @default(auto()) @map(\"_id\") @db.ObjectId".to_string()
    } else {
        common_id(schema, &models)
    };
    let snake_columns = models
        .iter()
        .filter(|b| conventions::maps_to_snake_case(schema, b))
        .count()
        * 2
        > models.len()
        && !models.is_empty();
    let mapped_tables: Vec<&str> = models
        .iter()
        .filter(|b| b.attributes_named("map").next().is_some())
        .map(|b| conventions::table_name(b))
        .collect();
    let table = (mapped_tables.len() * 2 > models.len()).then(|| {
        let plural =
            mapped_tables.iter().filter(|t| t.ends_with('s')).count() * 2 > mapped_tables.len();
        let base = if plural {
            plural_lower_camel(name)
        } else {
            lower_camel(name)
        };
        conventions::to_snake_case(&base)
    });
    let column = |field: &str, rest: &str| {
        let snake = conventions::to_snake_case(field);
        if snake_columns && snake != field {
            format!("{rest} @map(\"{snake}\")")
        } else {
            rest.to_string()
        }
    };
    let (id_type, id_attributes) = id_line.split_once(' ').unwrap_or((&id_line, ""));
    let rows = [
        ("id", id_type.to_string(), id_attributes.to_string()),
        ("name", "String".to_string(), String::new()),
        ("slug", "String".to_string(), "@unique".to_string()),
        (
            "createdAt",
            "DateTime".to_string(),
            column("createdAt", "@default(now())"),
        ),
        (
            "updatedAt",
            "DateTime".to_string(),
            column("updatedAt", "@updatedAt"),
        ),
    ];
    let name_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let type_width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
    let mut text = format!("model {name} {{\n");
    for (field, field_type, attributes) in &rows {
        let line = format!("  {field:<name_width$} {field_type:<type_width$} {attributes}");
        text.push_str(line.trim_end());
        text.push('\n');
    }
    if let Some(table) = table {
        text.push_str(&format!("\n  @@map(\"{table}\")\n"));
    }
    text.push_str("}\n");
    text
}

/// The most common single-field id of the models (`String @id @default(cuid())`), as
/// written; `String @id @default(cuid())` when there is none.
pub(super) fn common_id(schema: &Schema, models: &[&Block]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for block in models {
        let Some(id) = block.fields.iter().find(|f| f.attribute("id").is_some()) else {
            continue;
        };
        let Some(id_type) = type_name(id) else {
            continue;
        };
        if !crate::catalog::is_scalar_type(id_type) || is_optional(id) || is_list(id) {
            continue;
        }
        let mut line = format!("{id_type} @id");
        for attribute in &id.attributes {
            if attribute.name.text == "default" || attribute.name.text.contains('.') {
                line.push(' ');
                line.push_str(schema.text(attribute.span));
            }
        }
        match counts.iter_mut().find(|(l, _)| *l == line) {
            Some((_, n)) => *n += 1,
            None => counts.push((line, 1)),
        }
    }
    // The first of the most common (max_by_key keeps the last of equals).
    counts.iter().rev().max_by_key(|(_, n)| *n).map_or_else(
        || "String @id @default(cuid())".to_string(),
        |(l, _)| l.clone(),
    )
}
