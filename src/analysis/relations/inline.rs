//! One-to-one and one-to-many relations: the "forward" side holds the foreign key
//! (`fields`/`references`), the "back" side only points back.

use super::{RelationField, codes, is_relation_field, listed_names, same_key_type};
use crate::analysis::{Context, Diagnostic, Severity};
use crate::catalog::{Provider, ReferentialAction};
use crate::model::{Arity, Expression, Field, Schema};
use crate::semantics::keys::is_unique_criterion;

/// `forward` is the singular side of a one-to-many relation, `back` the list side.
pub(super) fn check_one_to_many(
    schema: &Schema,
    forward: &RelationField,
    back: &RelationField,
    context: &Context,
    out: &mut Vec<Diagnostic>,
) {
    let first = out.len();
    let completions = super::fixes::complete_relation(schema, forward, false);
    let make_many = (back.fields.is_none() && back.references.is_none())
        .then(|| super::fixes::make_many(forward, context.is(Provider::MongoDb)))
        .flatten();
    for (argument, given) in [
        ("fields", forward.fields.is_some_and(|f| !f.is_empty())),
        (
            "references",
            forward.references.is_some_and(|r| !r.is_empty()),
        ),
    ] {
        if !given {
            let mut diagnostic = forward.error(
                codes::RELATION_ARGUMENTS,
                format!(
                    "relation field `{}` on model `{}` needs `{argument}` in its `@relation`: this side of the one-to-many relation holds the foreign key",
                    forward.field.name.text, forward.model.name.text
                ),
            );
            for fix in &completions {
                diagnostic = diagnostic.with_fix(fix.clone());
            }
            if let Some(fix) = &make_many {
                diagnostic = diagnostic.with_fix(fix.clone());
            }
            out.push(diagnostic);
        }
    }
    if back.fields.is_some() || back.references.is_some() {
        out.push(back.error(
            codes::RELATION_ARGUMENTS,
            format!(
                "`fields` and `references` belong on the other side of this one-to-many relation, `{}`",
                forward.path()
            ),
        ));
    }
    if back.has_actions() {
        out.push(back.error(
            codes::RELATION_REFERENTIAL_ACTION,
            format!(
                "`onDelete`/`onUpdate` belong on `{}`, the side of this one-to-many relation that holds the foreign key (the list side `{}` has none)",
                forward.path(),
                back.path()
            ),
        ));
    }
    relate_sides(&mut out[first..], forward, back);
}

/// Checks a one-to-one relation between `a` and `b`; returns its forward side.
pub(super) fn check_one_to_one<'r, 'a>(
    schema: &Schema,
    a: &'r RelationField<'a>,
    b: &'r RelationField<'a>,
    out: &mut Vec<Diagnostic>,
) -> &'r RelationField<'a> {
    // The forward side: the required one when only one is required, else the one that
    // gives `fields` (or `references`).
    let (forward, back) = if a.required != b.required {
        if a.required { (a, b) } else { (b, a) }
    } else if b.fields.is_some() && a.fields.is_none()
        || (a.fields.is_none() && b.fields.is_none() && b.references.is_some())
    {
        (b, a)
    } else {
        (a, b)
    };
    let errors_before = out.len();
    let first = errors_before;
    let gives = |side: &RelationField, argument: &str| match argument {
        "fields" => side.fields.is_some_and(|f| !f.is_empty()),
        _ => side.references.is_some_and(|r| !r.is_empty()),
    };
    for argument in ["fields", "references"] {
        let completions = match (gives(forward, argument), gives(back, argument)) {
            (false, false) if !gives(back, "fields") && !gives(back, "references") => {
                super::fixes::complete_relation(schema, forward, true)
            }
            _ => Vec::new(),
        };
        let message = match (gives(forward, argument), gives(back, argument)) {
            (false, false) => format!(
                "neither `{}` nor `{}` gives `{argument}`: one side of this one-to-one relation must (the side that holds the foreign key)",
                forward.path(),
                back.path()
            ),
            (true, true) => format!(
                "both `{}` and `{}` give `{argument}`: only the side that holds the foreign key of this one-to-one relation may",
                forward.path(),
                back.path()
            ),
            _ => continue,
        };
        let mut on_forward = forward.error(codes::RELATION_ARGUMENTS, message.clone());
        let mut on_back = back.error(codes::RELATION_ARGUMENTS, message);
        for fix in completions {
            on_forward = on_forward.with_fix(fix.clone());
            on_back = on_back.with_fix(fix);
        }
        out.push(on_forward);
        out.push(on_back);
    }
    if forward.has_actions() && back.has_actions() {
        let message = format!(
            "both `{}` and `{}` set `onDelete`/`onUpdate`: only the side that holds the foreign key may",
            forward.path(),
            back.path()
        );
        out.push(forward.error(codes::RELATION_REFERENTIAL_ACTION, message.clone()));
        out.push(back.error(codes::RELATION_REFERENTIAL_ACTION, message));
    } else if back.has_actions() {
        out.push(back.error(
            codes::RELATION_REFERENTIAL_ACTION,
            format!(
                "`onDelete`/`onUpdate` belong on `{}`, the side of this one-to-one relation that holds the foreign key",
                forward.path()
            ),
        ));
    }
    if gives(forward, "fields") && gives(back, "references") {
        let message = format!(
            "`{}` gives `fields` and `{}` gives `references`: both belong on the same side (the one that holds the foreign key)",
            forward.path(),
            back.path()
        );
        out.push(forward.error(codes::RELATION_ARGUMENTS, message.clone()));
        out.push(back.error(codes::RELATION_ARGUMENTS, message));
    } else if gives(forward, "references") && gives(back, "fields") {
        out.push(forward.error(
            codes::RELATION_ARGUMENTS,
            format!(
                "`{}` gives `references` and `{}` gives `fields`: both belong on the same side (the one that holds the foreign key)",
                forward.path(),
                back.path()
            ),
        ));
    }
    if gives(forward, "fields") {
        one_to_one_foreign_key_is_unique(schema, forward, out);
    }
    // The arity rules only make sense once the arguments are in place.
    if out.len() == errors_before {
        if back.required {
            out.push(back.error(
                codes::RELATION_OPTIONALITY,
                format!(
                    "`{}` must be optional (`{}?`): the database cannot require that a `{}` points to this record; only the side holding the foreign key, `{}`, can be required",
                    back.path(),
                    forward.model.name.text,
                    forward.model.name.text,
                    forward.path()
                ),
            ));
        } else if forward.required && (back.fields.is_some() || back.references.is_some()) {
            out.push(back.error(
                codes::RELATION_ARGUMENTS,
                format!(
                    "`fields`/`references` must be on the required side `{}`, not on `{}`: move them there, or make `{}` optional",
                    forward.path(),
                    back.path(),
                    forward.path()
                ),
            ));
        }
    }
    relate_sides(&mut out[first..], forward, back);
    forward
}

/// Points each finding on one side of a relation at the other side.
fn relate_sides(found: &mut [Diagnostic], forward: &RelationField, back: &RelationField) {
    for diagnostic in found {
        let other = if diagnostic.span == forward.field.name.span {
            back
        } else if diagnostic.span == back.field.name.span {
            forward
        } else {
            continue;
        };
        if diagnostic.related.is_empty() {
            diagnostic.related.push(crate::analysis::Related {
                span: other.field.name.span,
                message: format!("the other side of the relation, `{}`", other.path()),
            });
        }
    }
}

/// A one-to-one foreign key must be unique, or two records could point to the same one.
fn one_to_one_foreign_key_is_unique(
    schema: &Schema,
    forward: &RelationField,
    out: &mut Vec<Diagnostic>,
) {
    let Some(items) = forward.fields else {
        return;
    };
    let names: Vec<&str> = listed_names(items).map(|n| n.text.as_str()).collect();
    if names.is_empty() || names.iter().any(|n| forward.model.field(n).is_none()) {
        return;
    }
    if forward
        .referencing_fields()
        .iter()
        .any(|f| is_relation_field(schema, f))
    {
        return;
    }
    if is_unique_criterion(forward.model, &names) {
        return;
    }
    let suggestion = if names.len() == 1 {
        format!("add `@unique` to `{}`", names[0])
    } else {
        let written: Vec<&str> = listed_names(items).map(|n| n.text.as_str()).collect();
        format!(
            "add `@@unique([{}])` to model `{}`",
            written.join(", "),
            forward.model.name.text
        )
    };
    let written: Vec<&str> = listed_names(items).map(|n| n.text.as_str()).collect();
    let mut diagnostic = forward.error(
        codes::RELATION_ONE_TO_ONE_NOT_UNIQUE,
        format!(
            "the foreign key of the one-to-one relation `{}` is not unique, so several records could point to the same `{}`: {suggestion}, or make the relation one-to-many",
            forward.path(),
            forward.target_name()
        ),
    );
    if let Some(fix) = make_unique(schema, forward.model, &written) {
        diagnostic = diagnostic.with_fix(fix);
    }
    out.push(diagnostic);
}

/// Makes these fields of the model unique together: `@unique` on a single field, else an
/// `@@unique([...])` line. A guess (`Unsafe`): the database may already hold duplicates, and
/// the author may prefer another shape of relation.
fn make_unique(
    schema: &Schema,
    model: &crate::model::Block,
    names: &[&str],
) -> Option<crate::analysis::Fix> {
    // Never an edit inside a block that does not read.
    if !model.syntax_errors.is_empty() || model.multiline_attribute {
        return None;
    }
    let (title, edit) = match names {
        [] => return None,
        [single] => {
            let field = model.field(single)?;
            (
                format!("Add `@unique` to `{}.{single}`", model.name.text),
                crate::analysis::edits::append_field_attribute(field, "@unique"),
            )
        }
        several => {
            let attribute = format!("@@unique([{}])", several.join(", "));
            (
                format!("Add `{attribute}` to `{}`", model.name.text),
                crate::analysis::edits::insert_block_attribute(schema, model, &attribute),
            )
        }
    };
    Some(crate::analysis::Fix {
        title,
        edits: vec![edit],
        applicability: crate::analysis::Applicability::Unsafe,
    })
}

/// While reading: `fields` and `references` must name scalar fields (the foreign key
/// columns), not relation fields.
pub(super) fn read_forward(schema: &Schema, forward: &RelationField, out: &mut Vec<Diagnostic>) {
    for (argument, fields, model) in [
        ("fields", forward.referencing_fields(), forward.model),
        ("references", forward.referenced_fields(), forward.target),
    ] {
        let relations: Vec<String> = fields
            .iter()
            .filter(|f| is_relation_field(schema, f))
            .map(|f| format!("`{}`", f.name.text))
            .collect();
        if !relations.is_empty() {
            out.push(forward.error(
                codes::RELATION_NON_SCALAR,
                format!(
                    "`{argument}` of `{}` names the relation field{} {} of model `{}`: it must list scalar fields (the foreign key columns)",
                    forward.path(),
                    if relations.len() == 1 { "" } else { "s" },
                    relations.join(", "),
                    model.name.text
                ),
            ));
        }
    }
}

/// The rules of the side that holds the foreign key: what `fields` and `references` name,
/// and how they fit together.
pub(super) fn check_forward(
    schema: &Schema,
    forward: &RelationField,
    context: &Context,
    out: &mut Vec<Diagnostic>,
) {
    let referencing = forward.referencing_fields();
    let referenced = forward.referenced_fields();
    // Relation fields where scalar fields belong: reported while reading (`read_forward`).
    let mut structural_error = referencing
        .iter()
        .chain(&referenced)
        .any(|f| is_relation_field(schema, f));
    if let (Some(fields), Some(references)) = (forward.fields, forward.references)
        && fields.len() != references.len()
    {
        structural_error = true;
        out.push(forward.error(
            codes::RELATION_ARGUMENTS,
            format!(
                "`fields` lists {} field{} but `references` lists {}: they pair up one to one",
                fields.len(),
                if fields.len() == 1 { "" } else { "s" },
                references.len()
            ),
        ));
    }
    let all_known = |items: Option<&[Expression]>, found: usize| {
        items.is_some_and(|items| !items.is_empty() && listed_names(items).count() == found)
    };
    if structural_error
        || !all_known(forward.fields, referencing.len())
        || !all_known(forward.references, referenced.len())
    {
        return;
    }
    references_a_unique_criterion(schema, forward, &referenced, out);
    // A required relation needs every foreign key field.
    if forward.required {
        let optional: Vec<&str> = referencing
            .iter()
            .filter(|f| arity(f) == Some(Arity::Optional))
            .map(|f| f.name.text.as_str())
            .collect();
        if !optional.is_empty() {
            out.push(forward.error(
                codes::RELATION_OPTIONALITY,
                format!(
                    "`{}` is required but its foreign key {} optional: make it `{}?`, or make {} required",
                    forward.path(),
                    if optional.len() == 1 {
                        format!("field `{}` is", optional[0])
                    } else {
                        format!("fields {} are", quoted(&optional))
                    },
                    forward.target_name(),
                    if optional.len() == 1 { "that field" } else { "those fields" }
                ),
            ));
        }
    }
    for (from, to) in referencing.iter().zip(&referenced) {
        let type_of = |f: &Field| f.r#type.as_ref().map(|t| t.name.text.clone());
        // An unknown type is reported already.
        let known = |f: &Field| {
            f.r#type.as_ref().is_some_and(|t| {
                crate::catalog::is_scalar_type(&t.name.text)
                    || schema.find_type(&t.name.text).is_some()
            })
        };
        if known(from) && known(to) && !same_key_type(from, to) {
            out.push(forward.error(
                codes::RELATION_TYPE_MISMATCH,
                format!(
                    "`{}.{}` is a `{}` but the field it references, `{}.{}`, is a `{}`: a foreign key has the type of the key it points to",
                    forward.model.name.text,
                    from.name.text,
                    type_of(from).unwrap_or_default(),
                    forward.target_name(),
                    to.name.text,
                    type_of(to).unwrap_or_default()
                ),
            )
            .with_related(to.name.span, "the referenced field"));
        }
    }
    set_null_on_required(forward, &referencing, context, out);
    constraint_name(forward, context, out);
}

fn arity(field: &Field) -> Option<Arity> {
    field.r#type.as_ref().map(|t| t.arity())
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `references` must name an `@id`, `@unique`, `@@id` or `@@unique` of the target.
fn references_a_unique_criterion(
    schema: &Schema,
    forward: &RelationField,
    referenced: &[&Field],
    out: &mut Vec<Diagnostic>,
) {
    let written: Vec<&str> = referenced.iter().map(|f| f.name.text.as_str()).collect();
    if is_unique_criterion(forward.target, &written) {
        return;
    }
    let suggestion = if written.len() == 1 {
        format!(
            "add `@unique` to `{}.{}`",
            forward.target_name(),
            written[0]
        )
    } else {
        format!(
            "add `@@unique([{}])` to model `{}`",
            written.join(", "),
            forward.target_name()
        )
    };
    let mut diagnostic = forward
        .error(
            codes::RELATION_REFERENCES_NOT_UNIQUE,
            format!(
                "`references` of `{}` must name a unique key of `{}` (`@id`, `@unique`, `@@id` or `@@unique`), and {} is none: {suggestion}",
                forward.path(),
                forward.target_name(),
                quoted(&written)
            ),
        )
        .with_related(forward.target.name.span, "the referenced model");
    if let Some(fix) = make_unique(schema, forward.target, &written) {
        diagnostic = diagnostic.with_fix(fix);
    }
    out.push(diagnostic);
}

/// `SetNull` cannot set a required foreign key field to null. PostgreSQL with foreign keys
/// accepts the schema (the database fails at run time): a warning there.
fn set_null_on_required(
    forward: &RelationField,
    referencing: &[&Field],
    context: &Context,
    out: &mut Vec<Diagnostic>,
) {
    let required: Vec<&str> = referencing
        .iter()
        .filter(|f| arity(f) == Some(Arity::Required))
        .map(|f| f.name.text.as_str())
        .collect();
    if required.is_empty() {
        return;
    }
    let severity = if context.is(Provider::PostgreSql)
        && context.relation_mode == crate::analysis::RelationMode::ForeignKeys
    {
        Severity::Warning
    } else {
        Severity::Error
    };
    for (argument, value) in [
        ("onDelete", forward.on_delete),
        ("onUpdate", forward.on_update),
    ] {
        let Some(value) = value.and_then(|a| a.value.as_ref()) else {
            continue;
        };
        let Expression::Constant(action) = value else {
            continue;
        };
        if ReferentialAction::from_name(&action.text) != Some(ReferentialAction::SetNull) {
            continue;
        }
        out.push(Diagnostic::new(
            codes::RELATION_REFERENTIAL_ACTION,
            severity,
            action.span,
            format!(
                "`{argument}: SetNull` on `{}` cannot work: the foreign key {} required (not null); choose another action or make {} optional",
                forward.path(),
                if required.len() == 1 {
                    format!("field `{}` is", required[0])
                } else {
                    format!("fields {} are", quoted(&required))
                },
                if required.len() == 1 { "it" } else { "them" }
            ),
        ));
    }
}

/// `@relation(map: "…")`: only where foreign keys can be named (their length is checked with
/// the other constraint names, in `indexes`).
fn constraint_name(forward: &RelationField, context: &Context, out: &mut Vec<Diagnostic>) {
    let Some(argument) = forward.relation.and_then(|r| r.argument("map", None)) else {
        return;
    };
    let Some(provider) = context.provider else {
        return;
    };
    if !provider.supports_named_foreign_keys() {
        out.push(Diagnostic::error(
            codes::RELATION_CONSTRAINT_NAME,
            argument.span,
            format!(
                "{} does not support named foreign keys: remove `map` from the `@relation` of `{}`",
                provider.display_name(),
                forward.path()
            ),
        ));
    }
}
