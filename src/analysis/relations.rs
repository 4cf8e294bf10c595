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
        if !has_opposite {
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
