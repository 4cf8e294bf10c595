//! Relations: every relation field needs exactly one opposite field, and the relations
//! between two models must be told apart by name.
//!
//! A relation's name is the string in `@relation("Name")` (or `name:`), else the default
//! Prisma gives it: the two model names in alphabetical order joined by `To`
//! (`PostToUser`). So an explicit `"ClubToUser"` and an unnamed relation between `Club`
//! and `User` are the same relation.

use super::{Diagnostic, codes};
use crate::model::{Block, BlockKind, Expression, Field, Schema};
use rustc_hash::FxHashMap;

/// A field of a model or view whose type is a model or view.
struct RelationField<'a> {
    model: &'a Block,
    field: &'a Field,
    target: &'a str,
    name: String,
    /// The name comes from `@relation("…")`, not Prisma's default.
    named: bool,
}

fn explicit_name(field: &Field) -> Option<&str> {
    field
        .attribute("relation")
        .and_then(|a| a.argument("name", Some(0)))
        .and_then(|a| a.value.as_ref())
        .and_then(Expression::as_str)
}

fn relation_name(field: &Field, model: &str, target: &str) -> String {
    match explicit_name(field) {
        Some(name) => name.to_string(),
        None if model <= target => format!("{model}To{target}"),
        None => format!("{target}To{model}"),
    }
}

pub(super) fn check(schema: &Schema, out: &mut Vec<Diagnostic>) {
    let is_relation_target = |name: &str| {
        schema
            .find_type(name)
            .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))
    };
    let mut relations: Vec<RelationField> = Vec::new();
    for model in schema
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View) && !b.name.is_missing())
    {
        // A name declared twice is already an error; its relations would only add noise.
        if schema.declarations_of(&model.name.text).nth(1).is_some() {
            continue;
        }
        for field in &model.fields {
            let Some(field_type) = &field.r#type else {
                continue;
            };
            let Some(target) = is_relation_target(&field_type.name.text) else {
                continue;
            };
            relations.push(RelationField {
                model,
                field,
                target: &target.name.text,
                name: relation_name(field, &model.name.text, &target.name.text),
                named: explicit_name(field).is_some(),
            });
        }
    }

    // Fields by (model, target, relation name).
    let mut groups: FxHashMap<(&str, &str, &str), Vec<&RelationField>> = FxHashMap::default();
    for relation in &relations {
        groups
            .entry((&relation.model.name.text, relation.target, &relation.name))
            .or_default()
            .push(relation);
    }

    // Ambiguities first: a model pair with one gets no other relation error (as in Prisma,
    // which reports the ambiguity once per pair).
    let pair = |a: &'_ str, b: &'_ str| {
        if a <= b {
            (a.to_string(), b.to_string())
        } else {
            (b.to_string(), a.to_string())
        }
    };
    let mut ambiguous_pairs: Vec<(String, String)> = Vec::new();
    for relation in &relations {
        let model = relation.model.name.text.as_str();
        let group = &groups[&(model, relation.target, relation.name.as_str())];
        let self_relation = model == relation.target;
        // A self-relation's two sides are in one group, and must be named explicitly.
        let too_many = if self_relation {
            group.len() > 2 || (group.len() == 2 && !relation.named)
        } else {
            group.len() > 1
        };
        let key = pair(model, relation.target);
        if too_many && std::ptr::eq(group[0], relation) && !ambiguous_pairs.contains(&key) {
            out.push(ambiguous(relation, group));
            ambiguous_pairs.push(key);
        }
    }
    for relation in &relations {
        let model = relation.model.name.text.as_str();
        if ambiguous_pairs.contains(&pair(model, relation.target)) {
            continue;
        }
        let group = &groups[&(model, relation.target, relation.name.as_str())];
        let has_opposite = if model == relation.target {
            group.len() == 2
        } else {
            groups.contains_key(&(relation.target, model, relation.name.as_str()))
        };
        if has_opposite {
            let opposite = if model == relation.target {
                group
                    .iter()
                    .find(|other| !std::ptr::eq(**other, relation))
                    .copied()
            } else {
                groups[&(relation.target, model, relation.name.as_str())]
                    .first()
                    .copied()
            };
            if let Some(opposite) = opposite {
                check_arguments(schema, relation, opposite, out);
            }
        } else {
            out.push(Diagnostic::error(
                codes::RELATION_MISSING_OPPOSITE,
                relation.field.name.span,
                format!(
                    "relation field `{}` on model `{model}` has no opposite field on `{}`: add a field of type `{model}` to `{}` (or run `prisma format`)",
                    relation.field.name.text, relation.target, relation.target
                ),
            ));
        }
    }
}

fn ambiguous(first: &RelationField, group: &[&RelationField]) -> Diagnostic {
    let names: Vec<String> = group
        .iter()
        .map(|r| format!("`{}`", r.field.name.text))
        .collect();
    let mut diagnostic = Diagnostic::error(
        codes::RELATION_AMBIGUOUS,
        first.field.name.span,
        format!(
            "ambiguous relations: {} in model `{}` all refer to `{}` as relation `{}`; give each its own name with `@relation(\"…\")`",
            names.join(" and "),
            first.model.name.text,
            first.target,
            first.name
        ),
    );
    for other in &group[1..] {
        diagnostic = diagnostic.with_related(other.field.name.span, "also this relation");
    }
    diagnostic
}

/// The fields listed in `@relation(<argument>: [...])`, if the argument is given.
fn listed<'a>(field: &'a Field, argument: &str) -> Option<Vec<&'a crate::model::Ident>> {
    let value = field
        .attribute("relation")?
        .argument(argument, None)?
        .value
        .as_ref()?;
    Some(
        value
            .as_list()
            .iter()
            .filter_map(|item| match item {
                Expression::Constant(ident) => Some(ident),
                _ => None,
            })
            .collect(),
    )
}

fn is_list(field: &Field) -> bool {
    field
        .r#type
        .as_ref()
        .is_some_and(|t| t.arity() == crate::model::Arity::List)
}

/// `fields` and `references`: on which side they belong, and what they name. Called for each
/// side of a pair; reports about `relation`'s side only.
fn check_arguments(
    schema: &Schema,
    relation: &RelationField,
    opposite: &RelationField,
    out: &mut Vec<Diagnostic>,
) {
    let field = relation.field;
    let at = field.name.span;
    let model = relation.model.name.text.as_str();
    let (fields, references) = (listed(field, "fields"), listed(field, "references"));
    let (opposite_fields, opposite_references) = (
        listed(opposite.field, "fields"),
        listed(opposite.field, "references"),
    );
    let mongodb = schema
        .datasource()
        .and_then(|d| d.property("provider"))
        .and_then(|p| p.value.as_ref())
        .and_then(Expression::as_str)
        == Some("mongodb");
    let error = |message: String| Diagnostic::error(codes::RELATION_ARGUMENTS, at, message);
    match (is_list(field), is_list(opposite.field)) {
        (true, true) => {
            // MongoDB's many-to-many relations list their ids on both sides.
            if !mongodb && references.is_some() {
                out.push(error(format!(
                    "`{}` is part of an implicit many-to-many relation, which takes no `references`: remove it (or make the relation one-to-many)",
                    field.name.text
                )));
            }
            return;
        }
        (true, false) => {
            if fields.is_some() || references.is_some() {
                out.push(error(format!(
                    "`fields` and `references` belong on the other side of this one-to-many relation, `{}.{}`",
                    opposite.model.name.text, opposite.field.name.text
                )));
            }
            return;
        }
        (false, true) => {
            for (argument, given) in [
                ("fields", fields.is_some()),
                ("references", references.is_some()),
            ] {
                if !given {
                    out.push(error(format!(
                        "relation field `{}` on model `{model}` needs `{argument}` in its `@relation`: this side of the one-to-many relation holds the foreign key",
                        field.name.text
                    )));
                }
            }
        }
        (false, false) => {
            for (argument, here, there) in [
                ("fields", fields.is_some(), opposite_fields.is_some()),
                (
                    "references",
                    references.is_some(),
                    opposite_references.is_some(),
                ),
            ] {
                let message = match (here, there) {
                    (false, false) => format!(
                        "neither `{}` nor `{}.{}` gives `{argument}`: one side of this one-to-one relation must (the side that holds the foreign key)",
                        field.name.text, opposite.model.name.text, opposite.field.name.text
                    ),
                    (true, true) => format!(
                        "both `{}` and `{}.{}` give `{argument}`: only the side that holds the foreign key of this one-to-one relation may",
                        field.name.text, opposite.model.name.text, opposite.field.name.text
                    ),
                    _ => continue,
                };
                out.push(error(message));
            }
        }
    }
    // What the lists name.
    let own_fields = |block: &Block, names: &[&crate::model::Ident]| -> Vec<String> {
        names
            .iter()
            .filter(|name| block.field(&name.text).is_none())
            .map(|name| format!("`{}`", name.text))
            .collect()
    };
    if let Some(fields) = &fields {
        let unknown = own_fields(relation.model, fields);
        if !unknown.is_empty() {
            out.push(error(format!(
                "`fields` names {}, which model `{model}` does not have",
                unknown.join(", ")
            )));
        }
    }
    if let (Some(references), Some(target)) = (&references, schema.find_type(relation.target)) {
        let unknown = own_fields(target, references);
        if !unknown.is_empty() {
            out.push(error(format!(
                "`references` names {}, which model `{}` does not have",
                unknown.join(", "),
                relation.target
            )));
        }
    }
    if let (Some(fields), Some(references)) = (&fields, &references)
        && fields.len() != references.len()
    {
        out.push(error(format!(
            "`fields` lists {} field{} but `references` lists {}: they pair up one to one",
            fields.len(),
            if fields.len() == 1 { "" } else { "s" },
            references.len()
        )));
    }
}
