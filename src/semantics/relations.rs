//! Relation names and implicit many-to-many relations. Prisma names a relation
//! `@relation("…")`, else `{A}To{B}` (the models sorted); an implicit many-to-many relation
//! (two list fields pointing at each other without `fields:`) is kept in a table
//! `_{relation name}` with the columns `A` and `B`. Which side is `A` is decided by names
//! alone (no attribute sets it). Computed here once, for validation, the database names,
//! hover, the inlay hints and rename.

use crate::model::{Arity, Block, BlockKind, Field, Schema};

/// One implicit many-to-many relation.
pub struct ImplicitManyToMany<'a> {
    /// The side whose ids the join table's column `A` holds (see [`is_side_a`]).
    pub model_a: &'a Block,
    pub field_a: &'a Field,
    /// The side of column `B`.
    pub model_b: &'a Block,
    pub field_b: &'a Field,
    /// The relation's name: `@relation("…")`, else Prisma's default `{A}To{B}`.
    pub name: String,
}

impl ImplicitManyToMany<'_> {
    /// The join table's name.
    pub fn table(&self) -> String {
        join_table_name(&self.name)
    }
}

/// Whether the side `(model, field)` of an implicit many-to-many relation is side `A`
/// against the side `(other_model, other_field)`: its model's name sorts first; for a
/// self-relation, its field's name does (as Prisma orders them).
pub fn is_side_a(model: &str, field: &str, other_model: &str, other_field: &str) -> bool {
    match model.cmp(other_model) {
        std::cmp::Ordering::Less => true,
        std::cmp::Ordering::Greater => false,
        std::cmp::Ordering::Equal => field < other_field,
    }
}

/// The name of the relation `field` (of `model`) belongs to: its `@relation("…")`, else
/// Prisma's default for the two models.
pub fn relation_name(field: &Field, model: &str, other: &str) -> String {
    field
        .relation_name()
        .map_or_else(|| default_relation_name(model, other), str::to_string)
}

/// The join table of an implicit many-to-many relation, named after the relation.
pub fn join_table_name(relation: &str) -> String {
    format!("_{relation}")
}

/// Prisma's default name of a relation between two models: both names in alphabetical
/// order, joined by `To`.
pub fn default_relation_name(one: &str, other: &str) -> String {
    let (first, second) = if one <= other {
        (one, other)
    } else {
        (other, one)
    };
    format!("{first}To{second}")
}

/// Whether a field is a list relation field to a model without `fields:` (a side of an
/// implicit many-to-many relation, if the other side is one too): the model.
fn implicit_list_target<'a>(schema: &'a Schema, field: &Field) -> Option<&'a Block> {
    let field_type = field.r#type.as_ref()?;
    if field_type.arity() != Arity::List
        || field
            .attribute("relation")
            .is_some_and(|r| r.argument("fields", None).is_some())
    {
        return None;
    }
    schema
        .find_type(&field_type.name.text)
        .filter(|b| b.kind == BlockKind::Model)
}

/// The implicit many-to-many relations of the schema, each once (from side `A`), in the
/// order of their `A` fields.
pub fn implicit_many_to_many(schema: &Schema) -> Vec<ImplicitManyToMany<'_>> {
    let mut relations = Vec::new();
    for model in schema.models() {
        for field in &model.fields {
            let Some(other) = implicit_list_target(schema, field) else {
                continue;
            };
            let Some(back) = other
                .fields_pointing_back(&model.name.text, field)
                .find(|back| implicit_list_target(schema, back).is_some())
            else {
                continue;
            };
            if !is_side_a(
                &model.name.text,
                &field.name.text,
                &other.name.text,
                &back.name.text,
            ) {
                continue;
            }
            let name = field.relation_name().map_or_else(
                || default_relation_name(&model.name.text, &other.name.text),
                str::to_string,
            );
            relations.push(ImplicitManyToMany {
                model_a: model,
                field_a: field,
                model_b: other,
                field_b: back,
                name,
            });
        }
    }
    relations
}
