//! Many-to-many relations: implicit ones (Prisma keeps a join table; SQL databases) and
//! MongoDB's embedded ones (each side lists the other's ids in an array field).

use super::{RelationField, codes, listed_names};
use crate::analysis::{Context, Diagnostic};
use crate::catalog::Provider;
use crate::model::{Arity, BlockKind, Expression, Field, Schema};
use crate::semantics::keys::single_id_field;

pub(super) fn check(
    schema: &Schema,
    a: &RelationField,
    b: &RelationField,
    context: &Context,
    out: &mut Vec<Diagnostic>,
) {
    if a.fields.is_some() || b.fields.is_some() {
        embedded(a, b, context, out);
    } else {
        implicit(schema, a, b, context, out);
    }
}

fn implicit(
    _schema: &Schema,
    a: &RelationField,
    b: &RelationField,
    context: &Context,
    out: &mut Vec<Diagnostic>,
) {
    if context.is(Provider::MongoDb) {
        for side in [a, b] {
            out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "MongoDB has no implicit many-to-many relations: give `{}` an array of ids and `@relation(fields: […], references: [id])` on both sides",
                    side.path()
                ),
            ));
        }
        return;
    }
    let views = a.model.kind == BlockKind::View || b.model.kind == BlockKind::View;
    if views {
        for side in [a, b] {
            out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "`{}` is part of an implicit many-to-many relation with a view, which Prisma does not support: use an explicit join model",
                    side.path()
                ),
            ));
        }
    }
    for side in [a, b] {
        match single_id_field(side.target) {
            None => out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "`{}` is part of an implicit many-to-many relation, but `{}` has no single-field `@id` for the join table to reference: add one, or use an explicit join model",
                    side.path(),
                    side.target_name()
                ),
            )),
            Some(_) if side.references.is_some() => out.push(side.error(
                codes::RELATION_ARGUMENTS,
                format!(
                    "`{}` is part of an implicit many-to-many relation, which takes no `references`: remove it (or make the relation one-to-many)",
                    side.path()
                ),
            )),
            Some(_) => {}
        }
        for action in [side.on_delete, side.on_update].into_iter().flatten() {
            out.push(Diagnostic::error(
                codes::RELATION_REFERENTIAL_ACTION,
                action.span,
                format!(
                    "`{}` is part of an implicit many-to-many relation, which takes no referential actions: use an explicit join model to control them",
                    side.path()
                ),
            ));
        }
    }
}

fn embedded(a: &RelationField, b: &RelationField, context: &Context, out: &mut Vec<Diagnostic>) {
    if !context.is(Provider::MongoDb) {
        let database = context
            .provider
            .map_or("this database", |p| p.display_name());
        for side in [a, b] {
            out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "{database} does not support many-to-many relations through `fields` arrays (a MongoDB feature): remove `fields`/`references` from both sides to get an implicit many-to-many relation",
                ),
            ));
        }
        return;
    }
    for side in [a, b] {
        let one = |items: Option<&[Expression]>| items.is_some_and(|i| i.len() == 1);
        if !one(side.references) {
            out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "`{}` needs `references: [id]`, naming exactly one field (the id of `{}`), on both sides of this many-to-many relation",
                    side.path(),
                    side.target_name()
                ),
            ));
        }
        if !one(side.fields) {
            out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "`{}` needs `fields: [...]`, naming exactly one array field of ids, on both sides of this many-to-many relation",
                    side.path()
                ),
            ));
        }
        let referenced = side
            .references
            .and_then(|items| listed_names(items).next())
            .and_then(|name| side.target.field(&name.text));
        if let Some(referenced) = referenced
            && single_id_field(side.target).map(|f| &f.name.text) != Some(&referenced.name.text)
        {
            out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "`references` of `{}` must name the `@id` field of `{}`, not `{}`",
                    side.path(),
                    side.target_name(),
                    referenced.name.text
                ),
            ));
        }
        let referencing = side
            .fields
            .and_then(|items| listed_names(items).next())
            .and_then(|name| side.model.field(&name.text));
        if let (Some(referencing), Some(referenced)) = (referencing, referenced)
            && !is_array_of(referencing, referenced)
        {
            out.push(side.error(
                codes::RELATION_MANY_TO_MANY,
                format!(
                    "`fields` of `{}` must name an array of the referenced id's type (`{}[]`{}), but `{}` is not",
                    side.path(),
                    type_name(referenced),
                    native_type_attribute(referenced)
                        .map(|n| format!(" with `@{n}`"))
                        .unwrap_or_default(),
                    referencing.name.text
                ),
            ));
        }
        for action in [side.on_delete, side.on_update].into_iter().flatten() {
            out.push(Diagnostic::error(
                codes::RELATION_REFERENTIAL_ACTION,
                action.span,
                "MongoDB's many-to-many relations take no referential actions",
            ));
        }
    }
}

fn type_name(field: &Field) -> &str {
    field.r#type.as_ref().map_or("", |t| t.name.text.as_str())
}

/// The native type attribute's name, with the datasource prefix (`db.ObjectId`).
fn native_type_attribute(field: &Field) -> Option<&str> {
    field
        .attributes
        .iter()
        .map(|a| a.name.text.as_str())
        .find(|name| name.contains('.'))
}

/// The native type without the datasource prefix (`ObjectId`).
fn native_type(field: &Field) -> Option<&str> {
    native_type_attribute(field).and_then(|name| name.split_once('.').map(|(_, n)| n))
}

fn is_array_of(array: &Field, element: &Field) -> bool {
    array
        .r#type
        .as_ref()
        .is_some_and(|t| t.arity() == Arity::List)
        && element
            .r#type
            .as_ref()
            .is_some_and(|t| t.arity() != Arity::List)
        && type_name(array) == type_name(element)
        && native_type(array) == native_type(element)
}
