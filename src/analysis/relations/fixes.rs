//! Quick fixes that complete a relation's `@relation(fields: [...], references: [...])`.

use super::{RelationField, listed_names, upper_first};
use crate::analysis::advisor::edits::{append_field_attribute, insert_fields, replace};
use crate::analysis::{Applicability, Fix};
use crate::model::{Arity, Block, Expression, Field, Schema};

/// Completes the foreign key of `forward`, the side of a relation that must hold it: the
/// arguments it lacks, `references` to the target's primary key unless given, and `fields`
/// named as `prisma format` names them (`author` + `id` → `authorId`), reusing the scalar
/// fields of those names that exist, else declaring them (the referenced field's type and
/// native type, optional when the relation field is). A new single foreign key of a
/// one-to-one relation is made `@unique`, as that relation requires. `None` when the
/// primary key is unknown, the names clash with other fields, or the `@relation` is broken.
pub(super) fn complete_relation(
    schema: &Schema,
    forward: &RelationField,
    one_to_one: bool,
) -> Option<Fix> {
    let model = forward.model;
    let given_fields: Vec<&str> = listed_names(forward.fields.unwrap_or_default())
        .map(|name| name.text.as_str())
        .collect();
    let given_references: Vec<&str> = listed_names(forward.references.unwrap_or_default())
        .map(|name| name.text.as_str())
        .collect();
    if !given_fields.is_empty() && !given_references.is_empty() {
        return None;
    }
    // (No test of the block's syntax errors: this pass is cached by a fingerprint that does
    // not see them, and its findings are shown only when the schema reads without errors.)
    forward.field.r#type.as_ref()?;
    let references: Vec<&str> = if given_references.is_empty() {
        primary_key(forward.target)?
    } else {
        given_references
    };
    let referenced: Vec<&Field> = references
        .iter()
        .map(|name| forward.target.field(name))
        .collect::<Option<_>>()?;
    let optional = forward
        .field
        .r#type
        .as_ref()
        .is_some_and(|t| t.arity() == Arity::Optional);
    // The scalar fields: as given, else by name (existing or new).
    let mut fields: Vec<String> = Vec::new();
    let mut new_fields: Vec<(String, String, String)> = Vec::new();
    if given_fields.is_empty() {
        for field in &referenced {
            let name = format!(
                "{}{}",
                forward.field.name.text,
                upper_first(&field.name.text)
            );
            match model.field(&name) {
                Some(existing) if same_type(existing, field) => {}
                Some(_) => return None,
                None => {
                    let scalar = field.r#type.as_ref()?;
                    let mut attributes: Vec<String> = field
                        .attributes
                        .iter()
                        .filter(|a| a.name.text.contains('.'))
                        .map(|a| schema.text(a.span).to_string())
                        .collect();
                    if one_to_one && referenced.len() == 1 {
                        attributes.insert(0, "@unique".to_string());
                    }
                    new_fields.push((
                        name.clone(),
                        format!("{}{}", scalar.name.text, if optional { "?" } else { "" }),
                        attributes.join(" "),
                    ));
                }
            }
            fields.push(name);
        }
    } else {
        if given_fields.len() != references.len() {
            return None;
        }
        fields = given_fields.iter().map(|name| name.to_string()).collect();
    }
    let fields_text = format!("fields: [{}]", fields.join(", "));
    let references_text = format!("references: [{}]", references.join(", "));
    let mut edits = Vec::new();
    match forward.relation {
        None => edits.push(append_field_attribute(
            forward.field,
            &format!("@relation({fields_text}, {references_text})"),
        )),
        Some(relation) => {
            let list = relation.arguments.as_ref();
            if list.is_some_and(|l| !l.closed || l.trailing_comma.is_some()) {
                return None;
            }
            // The arguments as written without `fields`/`references`, which go right after
            // the relation's name (or first).
            let mut arguments: Vec<String> = Vec::new();
            let mut after_name = 0;
            for argument in relation.arguments() {
                let name = argument.name.as_ref().map(|n| n.text.as_str());
                if matches!(name, Some("fields" | "references")) {
                    continue;
                }
                let is_name = match name {
                    Some(name) => name == "name",
                    None => argument
                        .value
                        .as_ref()
                        .and_then(Expression::as_str)
                        .is_some(),
                };
                arguments.push(schema.text(argument.span).to_string());
                if is_name && after_name == 0 {
                    after_name = arguments.len();
                }
            }
            arguments.insert(after_name, references_text.clone());
            arguments.insert(after_name, fields_text.clone());
            let marker = if relation.is_block { "@@" } else { "@" };
            edits.push(replace(
                relation.span,
                format!("{marker}relation({})", arguments.join(", ")),
            ));
        }
    }
    if !new_fields.is_empty() {
        let rows: Vec<(&str, &str, &str)> = new_fields
            .iter()
            .map(|(name, field_type, attributes)| {
                (name.as_str(), field_type.as_str(), attributes.as_str())
            })
            .collect();
        edits.push(insert_fields(schema, model, &rows));
    }
    Some(Fix {
        title: format!(
            "Add `@relation({fields_text}, {references_text})` to `{}`",
            forward.path()
        ),
        edits,
        // New columns are the author's decision; arguments over existing fields are not.
        applicability: if new_fields.is_empty() {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        },
    })
}

/// The fields of the model's primary key: the `@id` field, else those of `@@id([...])`.
fn primary_key(model: &Block) -> Option<Vec<&str>> {
    if let Some(id) = model.fields.iter().find(|f| f.attribute("id").is_some()) {
        return Some(vec![id.name.text.as_str()]);
    }
    let compound = model.attributes_named("id").next()?;
    let names: Vec<&str> = listed_names(
        compound
            .argument("fields", Some(0))?
            .value
            .as_ref()?
            .as_list(),
    )
    .map(|name| name.text.as_str())
    .collect();
    (!names.is_empty()).then_some(names)
}

/// Whether an existing scalar field can hold a foreign key to `referenced`: the same scalar
/// type (its optionality is the author's).
fn same_type(existing: &Field, referenced: &Field) -> bool {
    match (&existing.r#type, &referenced.r#type) {
        (Some(a), Some(b)) => a.name.text == b.name.text && a.arity() != Arity::List,
        _ => false,
    }
}

/// Makes `forward`, a singular relation field without `@relation`, a list: the relation
/// becomes an implicit many-to-many (Prisma's "Mark relation field as many"). Only where
/// that relation is possible: not on MongoDB, and both models have a single-field id.
pub(super) fn make_many(forward: &RelationField, mongodb: bool) -> Option<Fix> {
    if mongodb || forward.relation.is_some() {
        return None;
    }
    let single_id = |model: &Block| primary_key(model).is_some_and(|key| key.len() == 1);
    if !single_id(forward.model) || !single_id(forward.target) {
        return None;
    }
    let field_type = forward.field.r#type.as_ref()?;
    let list = format!("{}[]", field_type.name.text);
    Some(Fix {
        title: format!(
            "Make `{}` a list (`{list}`): a many-to-many relation",
            forward.path()
        ),
        edits: vec![replace(field_type.span, list)],
        applicability: Applicability::Unsafe,
    })
}
