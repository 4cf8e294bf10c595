//! Relations: every relation field needs exactly one opposite field, and the relations
//! between two models must be told apart by name.
//!
//! A relation's name is the string in `@relation("Name")` (or `name:`), else the default
//! Prisma gives it: the two model names in alphabetical order joined by `To`
//! (`PostToUser`). So an explicit `"ClubToUser"` and an unnamed relation between `Club`
//! and `User` are the same relation.

use super::{Diagnostic, codes};
use crate::model::{Arity, Attribute, Block, BlockKind, Expression, Field, Schema};
use rustc_hash::{FxHashMap, FxHashSet};

/// A field of a model or view whose type is a model or view, with what its `@relation`
/// says (read once: this runs on every analysis).
struct RelationField<'a> {
    model: &'a Block,
    field: &'a Field,
    target: &'a str,
    /// The name from `@relation("…")`, unless it is the default name anyway.
    explicit: Option<&'a str>,
    /// The name comes from `@relation("…")` (even if it equals the default).
    named: bool,
    list: bool,
    /// How many fields `fields:` / `references:` list, when given.
    fields: Option<usize>,
    references: Option<usize>,
}

impl<'a> RelationField<'a> {
    fn new(model: &'a Block, field: &'a Field, target: &'a str) -> Self {
        let relation = field.attribute("relation");
        let explicit = relation
            .and_then(|a| a.argument("name", Some(0)))
            .and_then(|a| a.value.as_ref())
            .and_then(Expression::as_str);
        let model_name = model.name.text.as_str();
        RelationField {
            model,
            field,
            target,
            explicit: explicit.filter(|name| !is_default_name(name, model_name, target)),
            named: explicit.is_some(),
            list: field
                .r#type
                .as_ref()
                .is_some_and(|t| t.arity() == Arity::List),
            fields: relation
                .and_then(|a| argument_list(a, "fields"))
                .map(<[_]>::len),
            references: relation
                .and_then(|a| argument_list(a, "references"))
                .map(<[_]>::len),
        }
    }
}

/// Whether `name` is Prisma's default name for a relation between these models: the two
/// names in alphabetical order joined by `To`. Checked without building it: this runs for
/// every relation field on every analysis.
fn is_default_name(name: &str, a: &str, b: &str) -> bool {
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    name.len() == first.len() + 2 + second.len()
        && name.starts_with(first)
        && name[first.len()..].starts_with("To")
        && name.ends_with(second)
}

impl RelationField<'_> {
    /// The relation's name as Prisma shows it.
    fn name(&self) -> String {
        match self.explicit {
            Some(name) => name.to_string(),
            None => {
                let (a, b) = (self.model.name.text.as_str(), self.target);
                if a <= b {
                    format!("{a}To{b}")
                } else {
                    format!("{b}To{a}")
                }
            }
        }
    }
}

/// The items of `@relation(<argument>: [...])`, if the argument is given.
fn argument_list<'a>(relation: &'a Attribute, argument: &str) -> Option<&'a [Expression]> {
    Some(relation.argument(argument, None)?.value.as_ref()?.as_list())
}

/// The model or view a field's type names, if any: the other side of a relation.
fn relation_target<'s>(schema: &'s Schema, field: &Field) -> Option<&'s Block> {
    let name = &field.r#type.as_ref()?.name.text;
    // Most fields are scalars: no need to look those up.
    if crate::catalog::is_scalar_type(name) {
        return None;
    }
    schema
        .find_type(name)
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))
}

/// Reports the names in `items` (from `argument`) that `model` has no field for.
fn report_unknown_names(
    argument: &str,
    items: &[Expression],
    model: &Block,
    at: crate::model::Span,
    out: &mut Vec<Diagnostic>,
) {
    let unknown = |item: &&Expression| matches!(item, Expression::Constant(name) if model.field(&name.text).is_none());
    if !items.iter().any(|item| unknown(&item)) {
        return;
    }
    let names: Vec<String> = items
        .iter()
        .filter(unknown)
        .filter_map(|item| match item {
            Expression::Constant(name) => Some(format!("`{}`", name.text)),
            _ => None,
        })
        .collect();
    out.push(Diagnostic::error(
        codes::RELATION_ARGUMENTS,
        at,
        format!(
            "`{argument}` names {}, which model `{}` does not have",
            names.join(", "),
            model.name.text
        ),
    ));
}

/// A fingerprint of what the relation pass reads from a block: its kind and name, and for
/// each relation field its name, type, modifiers and `@relation` text.
/// With the type names and the provider it determines the pass's result for the block.
///
/// Only fields whose type is a model or view count (a half-typed `Strin` is no relation).
/// Which fields those are also depends on the other blocks; but a change there changes
/// their revision or the declared type names, both part of the schema-wide fingerprint.
pub(super) fn fingerprint(
    schema: &Schema,
    source: &crate::model::SourceFile,
    block: &Block,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    (block.kind as u8).hash(&mut hasher);
    block.name.text.hash(&mut hasher);
    for field in &block.fields {
        let Some(field_type) = field
            .r#type
            .as_ref()
            .filter(|_| relation_target(schema, field).is_some())
        else {
            continue;
        };
        field.name.text.hash(&mut hasher);
        field_type.name.text.hash(&mut hasher);
        (field_type.arity() as u8).hash(&mut hasher);
        if let Some(relation) = field.attribute("relation") {
            source.slice(relation.span).hash(&mut hasher);
        }
    }
    hasher.finish()
}

pub(super) fn check(schema: &Schema, out: &mut Vec<Diagnostic>) {
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
            if let Some(target) = relation_target(schema, field) {
                relations.push(RelationField::new(model, field, &target.name.text));
            }
        }
    }

    let mongodb = super::config::provider_name(schema) == Some("mongodb");

    // Each relation's key (model, target, name) as small integers, and the relations sorted
    // by key (stable: source order within a key), so the fields of one relation are a run.
    let mut interned: FxHashMap<&str, u32> = FxHashMap::default();
    fn intern<'s>(table: &mut FxHashMap<&'s str, u32>, text: &'s str) -> u32 {
        let next = table.len() as u32 + 1;
        *table.entry(text).or_insert(next)
    }
    let keys: Vec<(u32, u32, u32)> = relations
        .iter()
        .map(|r| {
            let model = intern(&mut interned, r.model.name.text.as_str());
            let target = intern(&mut interned, r.target);
            // Names share the table with models; 0 is the default name.
            let name = r.explicit.map_or(0, |name| intern(&mut interned, name));
            (model, target, name)
        })
        .collect();
    let mut order: Vec<usize> = (0..relations.len()).collect();
    order.sort_by_key(|&i| keys[i]);
    // The run of `order` holding `key`.
    let run = |key: (u32, u32, u32)| -> &[usize] {
        let start = order.partition_point(|&i| keys[i] < key);
        let end = order.partition_point(|&i| keys[i] <= key);
        &order[start..end]
    };
    let pair = |(model, target, _): (u32, u32, u32)| (model.min(target), model.max(target));

    // Ambiguities first: a model pair with one gets no other relation error (as in Prisma,
    // which reports the ambiguity once per pair).
    let mut ambiguous_pairs: FxHashSet<(u32, u32)> = FxHashSet::default();
    for (index, relation) in relations.iter().enumerate() {
        let key = keys[index];
        let group = run(key);
        // A self-relation's two sides are in one group, and must be named explicitly.
        let too_many = if key.0 == key.1 {
            group.len() > 2 || (group.len() == 2 && !relation.named)
        } else {
            group.len() > 1
        };
        if too_many && group[0] == index && ambiguous_pairs.insert(pair(key)) {
            let members: Vec<&RelationField> = group.iter().map(|&i| &relations[i]).collect();
            out.push(ambiguous(relation, &members));
        }
    }
    for (index, relation) in relations.iter().enumerate() {
        let key = keys[index];
        if ambiguous_pairs.contains(&pair(key)) {
            continue;
        }
        let opposite = if key.0 == key.1 {
            run(key).iter().copied().find(|&i| i != index)
        } else {
            run((key.1, key.0, key.2)).first().copied()
        };
        match opposite {
            Some(opposite) => check_arguments(relation, &relations[opposite], mongodb, out),
            None => {
                let model = relation.model.name.text.as_str();
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
            first.name()
        ),
    );
    for other in &group[1..] {
        diagnostic = diagnostic.with_related(other.field.name.span, "also this relation");
    }
    diagnostic
}

/// `fields` and `references`: on which side they belong, and what they name. Called for each
/// side of a pair; reports about `relation`'s side only.
fn check_arguments(
    relation: &RelationField,
    opposite: &RelationField,
    mongodb: bool,
    out: &mut Vec<Diagnostic>,
) {
    let field = relation.field;
    let at = field.name.span;
    let model = relation.model.name.text.as_str();
    let (fields, references) = (&relation.fields, &relation.references);
    let (opposite_fields, opposite_references) = (&opposite.fields, &opposite.references);
    let error = |message: String| Diagnostic::error(codes::RELATION_ARGUMENTS, at, message);
    match (relation.list, opposite.list) {
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
    if let (Some(fields), Some(references)) = (*fields, *references)
        && fields != references
    {
        out.push(error(format!(
            "`fields` lists {fields} field{} but `references` lists {references}: they pair up one to one",
            if fields == 1 { "" } else { "s" },
        )));
    }
}

/// `@relation(fields: [...])` names fields of the model itself: checked with the block's own
/// checks (the result depends on the block alone).
pub(super) fn check_listed_fields(block: &Block, out: &mut Vec<Diagnostic>) {
    if !matches!(block.kind, BlockKind::Model | BlockKind::View) {
        return;
    }
    for field in &block.fields {
        if let Some(items) = field
            .attribute("relation")
            .and_then(|r| argument_list(r, "fields"))
        {
            report_unknown_names("fields", items, block, field.name.span, out);
        }
    }
}

/// `@relation(references: [...])` names fields of the related model: depends on that model,
/// so it runs on every analysis (a scan of the relation attributes, no allocation unless a
/// name is unknown).
pub(super) fn check_references(schema: &Schema, out: &mut Vec<Diagnostic>) {
    for block in schema
        .blocks()
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))
    {
        for field in &block.fields {
            let Some(items) = field
                .attribute("relation")
                .and_then(|r| argument_list(r, "references"))
            else {
                continue;
            };
            if let Some(target) = relation_target(schema, field) {
                report_unknown_names("references", items, target, field.name.span, out);
            }
        }
    }
}
