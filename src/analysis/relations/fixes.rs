//! Quick fixes that complete a relation's `@relation(fields: [...], references: [...])`.

use super::{RelationField, listed_names, same_key_type, upper_first};
use crate::analysis::edits::{append_field_attribute, insert_fields, replace};
use crate::analysis::{Applicability, Fix};
use crate::model::{Arity, Block, Expression, Field, Schema};
use crate::semantics::keys::{primary_key, unique_criteria};

/// Completes the foreign key of `forward`, the side of a relation that must hold it: the
/// arguments it lacks, and the scalar fields `fields` names, named as `prisma format` names
/// them (`author` + `id` → `authorId`), reusing the scalar fields of those names that exist,
/// else declaring them (the referenced field's type and native type, optional when the
/// relation field is). A new single foreign key of a one-to-one relation is made `@unique`,
/// as that relation requires.
///
/// `references`, unless given, names a unique key of the target: the primary key, else
/// another `@unique`/`@@unique`. With `fields` given, only the keys whose types match the
/// foreign key's field for field are offered (a mismatch is an error of its own), each as a
/// fix of its own: the primary key first, then the others in the order of the model. The
/// first is the preferred one. None when no key fits, the names clash with other fields, or
/// the `@relation` is broken.
pub(super) fn complete_relation(
    schema: &Schema,
    forward: &RelationField,
    one_to_one: bool,
) -> Vec<Fix> {
    let given_fields: Vec<&str> = listed_names(forward.fields.unwrap_or_default())
        .map(|name| name.text.as_str())
        .collect();
    let given_references: Vec<&str> = listed_names(forward.references.unwrap_or_default())
        .map(|name| name.text.as_str())
        .collect();
    if !given_fields.is_empty() && !given_references.is_empty() {
        return Vec::new();
    }
    // (No test of the block's syntax errors: this pass is cached by a fingerprint that does
    // not see them, and its findings are shown only when the schema reads without errors.)
    if forward.field.r#type.is_none() {
        return Vec::new();
    }
    if !given_references.is_empty() {
        return completion(schema, forward, one_to_one, &given_fields, given_references)
            .into_iter()
            .collect();
    }
    let keys = unique_criteria(forward.target);
    if given_fields.is_empty() {
        // New foreign key fields take the key's types: the first key that fits the names.
        return keys
            .into_iter()
            .find_map(|key| completion(schema, forward, one_to_one, &given_fields, key))
            .into_iter()
            .collect();
    }
    let Some(foreign_key) = given_fields
        .iter()
        .map(|name| forward.model.field(name))
        .collect::<Option<Vec<&Field>>>()
    else {
        return Vec::new();
    };
    let fits = |key: &[&str]| {
        key.len() == foreign_key.len()
            && key.iter().zip(&foreign_key).all(|(name, field)| {
                forward
                    .target
                    .field(name)
                    .is_some_and(|referenced| same_key_type(field, referenced))
            })
    };
    let mut fixes: Vec<Fix> = keys
        .into_iter()
        .filter(|key| fits(key))
        .filter_map(|key| completion(schema, forward, one_to_one, &given_fields, key))
        .collect();
    // One choice is what the author evidently meant; the others are offered, not applied.
    for fix in fixes.iter_mut().skip(1) {
        fix.applicability = Applicability::Unsafe;
    }
    fixes
}

/// The fix that completes `forward` with `fields` (as given, or generated when empty) and
/// these `references`.
fn completion(
    schema: &Schema,
    forward: &RelationField,
    one_to_one: bool,
    given_fields: &[&str],
    references: Vec<&str>,
) -> Option<Fix> {
    let model = forward.model;
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

/// Whether an existing scalar field can hold a foreign key to `referenced`: the same scalar
/// type, not a list (its optionality is the author's).
fn same_type(existing: &Field, referenced: &Field) -> bool {
    same_key_type(existing, referenced)
        && existing
            .r#type
            .as_ref()
            .is_some_and(|t| t.arity() != Arity::List)
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

/// Declares the fields that `fields` names and the model lacks (a foreign key field that was
/// removed, or never written): each typed like the field it references (type and native
/// type), optional when the relation field is, and `@unique` when it is the single key of a
/// one-to-one relation (as that relation requires). The referenced field is the one at the
/// same place in `references`, or in the target's primary key when `references` is missing.
/// `None` when a name cannot be paired with a scalar field, for a list side (MongoDB's
/// arrays of ids), and in a block that does not read.
pub(super) fn add_missing_foreign_keys(schema: &Schema, relation: &RelationField) -> Option<Fix> {
    let model = relation.model;
    if relation.list || !model.syntax_errors.is_empty() || model.multiline_attribute {
        return None;
    }
    let fields: Vec<&str> = listed_names(relation.fields?)
        .map(|name| name.text.as_str())
        .collect();
    let references: Vec<&str> = match relation.references {
        Some(items) => listed_names(items).map(|name| name.text.as_str()).collect(),
        None => primary_key(relation.target)?,
    };
    if fields.len() != references.len() {
        return None;
    }
    let optional = !relation.required;
    // A one-to-one relation: the other side points back with a single (not list) field.
    let mut opposites = relation
        .target
        .fields_pointing_back(&model.name.text, relation.field);
    let one_to_one = match (opposites.next(), opposites.next()) {
        (Some(opposite), None) => opposite
            .r#type
            .as_ref()
            .is_some_and(|t| t.arity() != Arity::List),
        _ => false,
    };
    let mut rows: Vec<(String, String, String)> = Vec::new();
    for (name, reference) in fields.iter().zip(&references) {
        if model.field(name).is_some() {
            continue;
        }
        let referenced = relation.target.field(reference)?;
        let scalar = referenced.r#type.as_ref()?;
        if scalar.arity() == Arity::List || super::is_relation_field(schema, referenced) {
            return None;
        }
        let mut attributes: Vec<String> = referenced
            .attributes
            .iter()
            .filter(|a| a.name.text.contains('.'))
            .map(|a| schema.text(a.span).to_string())
            .collect();
        if one_to_one && fields.len() == 1 {
            attributes.insert(0, "@unique".to_string());
        }
        rows.push((
            name.to_string(),
            format!("{}{}", scalar.name.text, if optional { "?" } else { "" }),
            attributes.join(" "),
        ));
    }
    if rows.is_empty() {
        return None;
    }
    let declared: Vec<String> = rows
        .iter()
        .map(|(name, field_type, _)| format!("`{name} {field_type}`"))
        .collect();
    let table: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|(name, field_type, attributes)| {
            (name.as_str(), field_type.as_str(), attributes.as_str())
        })
        .collect();
    Some(Fix {
        title: format!(
            "Add the foreign key field{} {} to `{}`",
            if rows.len() == 1 { "" } else { "s" },
            declared.join(", "),
            model.name.text
        ),
        edits: vec![insert_fields(schema, model, &table)],
        // A new column is the author's decision.
        applicability: Applicability::Unsafe,
    })
}
