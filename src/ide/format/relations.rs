//! The relation pieces `prisma format` adds.
//!
//! Before laying a schema out, Prisma completes its one-to-one and one-to-many relations: the
//! missing opposite field, the missing `@relation(fields: …, references: …)` or its missing
//! arguments, and the scalar fields a generated `fields:` names. It does this only for a
//! schema that reads without error, by inserting text (before a model's `}`, after a field's
//! type, inside `@relation(…)`) and then formatting the result, so the new lines join the
//! last table of the block. We pair the fields and pick the side that holds the foreign key
//! as Prisma does.
//!
//! Where Prisma's result would not be valid, ours differs (`tests/format_conformance.rs`
//! lists the pairs): a field added opposite a named relation carries its name (without it
//! the sides never pair, and every run would add another field); a name the model already
//! has gets a number instead of a duplicate field; a new single foreign key of a one-to-one
//! relation is `@unique`. What is still invalid is caught by `format_file`, which then does
//! not complete the relations at all.

use crate::inflection;
use crate::model::{Arity, Attribute, Block, BlockKind, Expression, Field, FileId, Schema};
use rustc_hash::{FxHashMap, FxHashSet};

/// Text to insert at a byte position of one file.
pub(super) struct Insertion {
    pub(super) file: FileId,
    pub(super) position: usize,
    pub(super) content: String,
}

/// A field of a model or view whose type is a model or view.
struct RelationSide<'a> {
    model: &'a Block,
    field: &'a Field,
    target: &'a Block,
    /// The relation's name as written in `@relation("…")`.
    name: Option<&'a str>,
    /// The same name as a string literal, escapes included (`"ab"`), to copy onto an added
    /// opposite field.
    name_literal: Option<&'a str>,
    arity: Arity,
    relation: Option<&'a Attribute>,
    fields: Option<Vec<&'a str>>,
    references: Option<Vec<&'a str>>,
}

/// A one-to-one or one-to-many relation (indices into the relation fields): `forward` is
/// the side that holds the foreign key (`fields:`), `back` the other one; at least one is
/// present.
struct InlineRelation<'a> {
    forward: Option<usize>,
    back: Option<usize>,
    one_to_one: bool,
    /// The model with the foreign key, and the model it references.
    referencing: &'a Block,
    referenced: &'a Block,
}

fn is_relation_target(block: &Block) -> bool {
    matches!(block.kind, BlockKind::Model | BlockKind::View)
}

/// The names listed in an argument (`[a, b]`, or `a(sort: Desc)` items).
fn argument_names<'a>(attribute: &'a Attribute, name: &str) -> Option<Vec<&'a str>> {
    let value = attribute.argument(name, None)?.value.as_ref()?;
    Some(value.field_names().collect())
}

/// The relation fields of the schema, in Prisma's order (model by model, field by field), or
/// `None` when the schema does not read without the errors that stop Prisma from adding
/// anything: syntax errors, duplicate or unknown type names, unknown fields in
/// `fields:`/`references:`. (Prisma's reading stage rejects more; these are the ones that
/// make pairing meaningless.) One pass, one type lookup per field: this runs on every
/// formatting of the schema.
fn relation_sides(schema: &Schema) -> Option<Vec<RelationSide<'_>>> {
    for file in schema.file_ids() {
        let model = schema.file_model(file);
        if !model.syntax_errors().is_empty() || model.blocks.iter().any(|b| !b.closed) {
            return None;
        }
    }
    let mut sides = Vec::new();
    for model in schema.blocks() {
        if model.kind.is_type() && schema.declarations_of(&model.name.text).nth(1).is_some() {
            return None;
        }
        for field in &model.fields {
            let field_type = field.r#type.as_ref()?;
            if field_type.unsupported.is_some() || is_scalar_type(&field_type.name.text) {
                continue;
            }
            let target = schema.find_type(&field_type.name.text)?;
            if !is_relation_target(model) || !is_relation_target(target) {
                continue;
            }
            let relation = field.attribute("relation");
            let name_value = relation
                .and_then(|a| a.argument("name", Some(0)))
                .and_then(|a| a.value.as_ref())
                .filter(|value| value.as_str().is_some());
            let side = RelationSide {
                model,
                field,
                target,
                name: name_value.and_then(Expression::as_str),
                name_literal: name_value.map(|value| schema.text(value.span())),
                arity: field_type.arity(),
                relation,
                fields: relation.and_then(|a| argument_names(a, "fields")),
                references: relation.and_then(|a| argument_names(a, "references")),
            };
            let names_resolve = side
                .fields
                .iter()
                .flatten()
                .all(|name| model.field(name).is_some())
                && side
                    .references
                    .iter()
                    .flatten()
                    .all(|name| target.field(name).is_some());
            if !names_resolve {
                return None;
            }
            sides.push(side);
        }
    }
    Some(sides)
}

fn is_scalar_type(name: &str) -> bool {
    crate::analysis::SCALAR_TYPES.contains(&name)
}

/// The unique criteria of a model (`semantics::keys`, primary key first) whose fields it
/// all has: each a list of its fields.
fn unique_criteria(model: &Block) -> Vec<Vec<&Field>> {
    crate::semantics::keys::unique_criteria(model)
        .into_iter()
        .filter_map(|names| names.iter().map(|name| model.field(name)).collect())
        .collect()
}

/// Whether `fields` are exactly the fields of a unique index of the model (`@unique`,
/// `@@unique`; not the primary key, as Prisma decides it).
fn is_unique_index(model: &Block, fields: &[&str]) -> bool {
    if let [single] = fields
        && model
            .field(single)
            .is_some_and(|f| f.attribute("unique").is_some())
    {
        return true;
    }
    model
        .attributes_named("unique")
        .filter_map(|a| {
            let value = a.argument("fields", Some(0))?.value.as_ref()?;
            Some(value.field_names().collect::<Vec<_>>())
        })
        .any(|names| names == fields)
}

/// Pairs the relation fields and keeps the one-to-one and one-to-many relations, with the
/// side that holds the foreign key, in the order Prisma meets them.
fn inline_relations<'a>(sides: &[RelationSide<'a>]) -> Vec<InlineRelation<'a>> {
    // The relation fields by (model, target): a model that many others point to would
    // otherwise be searched once per field pointing to it.
    type Pair = (*const Block, *const Block);
    let mut by_models: FxHashMap<Pair, Vec<usize>> = FxHashMap::default();
    for (index, side) in sides.iter().enumerate() {
        by_models
            .entry((
                std::ptr::from_ref(side.model),
                std::ptr::from_ref(side.target),
            ))
            .or_default()
            .push(index);
    }
    let mut relations = Vec::new();
    for (index, side) in sides.iter().enumerate() {
        let self_relation = std::ptr::eq(side.model, side.target);
        let opposite = by_models
            .get(&(
                std::ptr::from_ref(side.target),
                std::ptr::from_ref(side.model),
            ))
            .into_iter()
            .flatten()
            .copied()
            .find(|&other| (!self_relation || other != index) && sides[other].name == side.name);
        let key = |s: &RelationSide<'_>| (s.model.name.text.clone(), s.field.name.text.clone());
        let both = |one_to_one| {
            Some(InlineRelation {
                forward: Some(index),
                back: opposite,
                one_to_one,
                referencing: side.model,
                referenced: side.target,
            })
        };
        let relation = match (side.arity, opposite.map(|o| (o, sides[o].arity))) {
            (Arity::List, Some((_, Arity::List))) => None,
            (Arity::Required, Some((_, Arity::Optional))) => both(true),
            (Arity::Required, Some((o, Arity::Required))) => {
                (key(side) <= key(&sides[o])).then(|| both(true)).flatten()
            }
            (Arity::Optional, Some((_, Arity::Required))) => None,
            (Arity::Optional, Some((o, Arity::Optional))) => {
                if side.fields.is_some()
                    || (sides[o].fields.is_none() && key(side) <= key(&sides[o]))
                {
                    both(true)
                } else {
                    None
                }
            }
            (Arity::List, Some(_)) => None,
            (Arity::List, None) => Some(InlineRelation {
                forward: None,
                back: Some(index),
                one_to_one: false,
                referencing: side.target,
                referenced: side.model,
            }),
            (_, Some(_)) => both(false),
            (_, None) => {
                let one_to_one = side
                    .fields
                    .as_deref()
                    .is_some_and(|fields| is_unique_index(side.model, fields));
                both(one_to_one)
            }
        };
        relations.extend(relation);
    }
    relations
}

/// The first character changed by `change`, the rest kept.
fn change_first(name: &str, upper: bool) -> String {
    let mut chars = name.chars();
    match chars.next() {
        None => String::new(),
        Some(first) if upper => first.to_uppercase().chain(chars).collect(),
        Some(first) => first.to_lowercase().chain(chars).collect(),
    }
}

/// A scalar field Prisma would add for a generated `fields:` argument.
struct InferredScalar<'a> {
    name: String,
    arity: Arity,
    /// The referenced field it copies (type, native type).
    blueprint: &'a Field,
}

/// The scalar fields a generated `fields:` names: one per field of the referenced model's
/// first unique criterion, named `modelField`.
fn inferred_scalars<'a>(
    sides: &[RelationSide<'a>],
    relation: &InlineRelation<'_>,
    referencing: &'a Block,
    referenced: &'a Block,
) -> Vec<InferredScalar<'a>> {
    let Some(criterion) = unique_criteria(referenced).into_iter().next() else {
        return Vec::new();
    };
    criterion
        .into_iter()
        .map(|field| {
            let name = format!(
                "{}{}",
                change_first(&referenced.name.text, false),
                change_first(&field.name.text, true)
            );
            let existing = referencing.field(&name).and_then(|f| f.r#type.as_ref());
            let arity = match existing {
                Some(field_type) => field_type.arity(),
                None => relation
                    .forward
                    .map_or(Arity::Optional, |forward| sides[forward].arity),
            };
            InferredScalar {
                name,
                arity,
                blueprint: field,
            }
        })
        .collect()
}

fn arity_suffix(arity: Arity) -> &'static str {
    match arity {
        Arity::Required => "",
        Arity::Optional => "?",
        Arity::List => "[]",
    }
}

/// Where the text before a block's closing `}` goes.
fn before_closing_brace(schema: &Schema, block: &Block) -> Option<usize> {
    let position = usize::try_from(block.body.end).ok()?.checked_sub(1)?;
    let text = &schema.file(block.file()).text;
    (text.as_bytes().get(position) == Some(&b'}')).then_some(position)
}

/// Every insertion Prisma's formatter makes to complete the relations, sorted by file and
/// position (insertions at one position in the order they were made).
pub(super) fn relation_insertions(schema: &Schema) -> Vec<Insertion> {
    let Some(sides) = relation_sides(schema) else {
        return Vec::new();
    };
    let relations = inline_relations(&sides);
    let mut insertions = Vec::new();
    // The models of each relation: the one with the foreign key, the one it references.
    fn models<'a>(relation: &InlineRelation<'a>) -> (&'a Block, &'a Block) {
        (relation.referencing, relation.referenced)
    }
    let fields_argument = |relation: &InlineRelation<'_>| {
        let (referencing, referenced) = models(relation);
        let names: Vec<String> = inferred_scalars(&sides, relation, referencing, referenced)
            .into_iter()
            .map(|s| s.name)
            .collect();
        format!("fields: [{}]", names.join(", "))
    };
    let references_argument = |relation: &InlineRelation<'_>| {
        let (_, referenced) = models(relation);
        let names: Vec<&str> = match relation.forward.and_then(|f| sides[f].references.clone()) {
            Some(names) => names,
            None => unique_criteria(referenced)
                .into_iter()
                .find(|criterion| {
                    criterion.iter().all(|f| {
                        f.r#type
                            .as_ref()
                            .is_some_and(|t| t.arity() == Arity::Required)
                    })
                })
                .unwrap_or_default()
                .into_iter()
                .map(|f| f.name.text.as_str())
                .collect(),
        };
        format!("references: [{}]", names.join(", "))
    };

    // The names of the fields added so far, by model: a name Prisma would give twice (or
    // that the model already has) gets a number instead of making a duplicate field.
    let mut added: FxHashSet<(*const Block, String)> = FxHashSet::default();
    let mut new_field_name = |model: &Block, base: &str| {
        let name = inflection::free_name(base, |candidate| {
            model.field(candidate).is_some()
                || added.contains(&(std::ptr::from_ref(model), candidate.to_string()))
        });
        added.insert((std::ptr::from_ref(model), name.clone()));
        name
    };
    // The name of the relation, for a field added opposite a named side: without it the two
    // sides would not pair, and every formatting would add another field (Prisma's formatter
    // does not copy it).
    let name_of = |side: Option<usize>| side.and_then(|s| sides[s].name_literal);

    // The missing fields: opposite relation fields, then the scalar fields of `fields:`.
    for relation in &relations {
        let (referencing, referenced) = models(relation);
        if relation.back.is_none()
            && let Some(position) = before_closing_brace(schema, referenced)
        {
            let model_name = &referencing.name.text;
            let ignore = if referencing.attributes_named("ignore").next().is_some() {
                "@ignore"
            } else {
                ""
            };
            let arity = if relation.one_to_one { "?" } else { "[]" };
            let name = new_field_name(
                referenced,
                &inflection::opposite_field_name(model_name, !relation.one_to_one),
            );
            let relation_attribute = name_of(relation.forward)
                .map(|name| format!("@relation({name})"))
                .unwrap_or_default();
            insertions.push(Insertion {
                file: referenced.file(),
                position,
                content: format!("{name} {model_name}{arity} {relation_attribute} {ignore}\n"),
            });
        }
        if relation.forward.is_none()
            && let Some(position) = before_closing_brace(schema, referencing)
        {
            let inferred = inferred_scalars(&sides, relation, referencing, referenced);
            let arity = if inferred.iter().any(|s| s.arity == Arity::Optional) {
                "?"
            } else {
                ""
            };
            let model_name = &referenced.name.text;
            let name = new_field_name(referencing, &inflection::field_name(model_name));
            insertions.push(Insertion {
                file: referencing.file(),
                position,
                content: format!(
                    "{name} {model_name}{arity} @relation({}{}, {})\n",
                    name_of(relation.back)
                        .map(|name| format!("{name}, "))
                        .unwrap_or_default(),
                    fields_argument(relation),
                    references_argument(relation)
                ),
            });
        }
        let has_fields = relation
            .forward
            .is_some_and(|forward| sides[forward].fields.is_some());
        if !has_fields && let Some(position) = before_closing_brace(schema, referencing) {
            let scalars = inferred_scalars(&sides, relation, referencing, referenced);
            // The single foreign key of a one-to-one relation must be unique, or the relation
            // is an error (Prisma's formatter leaves `@unique` out).
            let unique = if relation.one_to_one && scalars.len() == 1 {
                "@unique"
            } else {
                ""
            };
            for scalar in scalars {
                // Prisma skips a name that an existing scalar (or enum) field has.
                let exists = referencing.field(&scalar.name).is_some_and(|f| {
                    f.r#type.as_ref().is_some_and(|t| {
                        !schema
                            .find_type(&t.name.text)
                            .is_some_and(is_relation_target)
                    })
                });
                if exists {
                    continue;
                }
                let Some(field_type) = scalar
                    .blueprint
                    .r#type
                    .as_ref()
                    .map(|t| t.name.text.as_str())
                    .filter(|t| is_scalar_type(t))
                else {
                    break;
                };
                let native_type = scalar
                    .blueprint
                    .attributes
                    .iter()
                    .find(|a| a.name.text.contains('.'))
                    .map(|a| schema.text(a.span))
                    .unwrap_or_default();
                insertions.push(Insertion {
                    file: referencing.file(),
                    position,
                    content: format!(
                        "{} {field_type}{} {unique} {native_type}\n",
                        scalar.name,
                        arity_suffix(scalar.arity)
                    ),
                });
            }
        }
    }
    // The missing `@relation` attributes.
    for relation in &relations {
        let Some(forward) = relation.forward.map(|f| &sides[f]) else {
            continue;
        };
        if forward.relation.is_some() {
            continue;
        }
        let Some(field_type) = &forward.field.r#type else {
            continue;
        };
        let text = &schema.file(forward.model.file()).text;
        let type_end = field_type.name.span.end as usize;
        let position = type_end
            + text
                .get(type_end..)
                .unwrap_or_default()
                .find(|c| !matches!(c, '[' | ']' | '?' | '!'))
                .unwrap_or(0);
        insertions.push(Insertion {
            file: forward.model.file(),
            position,
            content: format!(
                " @relation({}, {})",
                fields_argument(relation),
                references_argument(relation)
            ),
        });
    }
    // The missing arguments of existing `@relation` attributes.
    for relation in &relations {
        let Some(forward) = relation.forward.map(|f| &sides[f]) else {
            continue;
        };
        let Some(attribute) = forward.relation else {
            continue;
        };
        let mut missing = Vec::new();
        if forward.fields.is_none() {
            missing.push(fields_argument(relation));
        }
        if forward.references.is_none() {
            missing.push(references_argument(relation));
        }
        if missing.is_empty() {
            continue;
        }
        let missing = missing.join(", ");
        let (position, content) = match &attribute.arguments {
            None => (attribute.span.end as usize, format!("({missing})")),
            Some(list) if list.items.is_empty() => {
                ((list.span.end as usize).saturating_sub(1), missing)
            }
            Some(list) => (
                (list.span.end as usize).saturating_sub(1),
                format!(", {missing}"),
            ),
        };
        insertions.push(Insertion {
            file: attribute.span.file,
            position,
            content,
        });
    }
    insertions.sort_by_key(|insertion| (insertion.file, insertion.position));
    insertions
}

/// `text` with the insertions made (sorted by position; all of this file).
pub(super) fn insert_all(text: &str, insertions: &[&Insertion]) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 256);
    let mut copied = 0;
    for insertion in insertions {
        out.push_str(text.get(copied..insertion.position)?);
        out.push_str(&insertion.content);
        copied = insertion.position;
    }
    out.push_str(text.get(copied..)?);
    Some(out)
}
