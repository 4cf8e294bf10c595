//! tenant/missing-index and tenant/no-cascade: the tenant key's index and the relation to
//! the tenant.

use super::super::conventions::{
    self, advised_models, field_list, is_list, is_optional, relation_scalar_fields, type_name,
};
use super::super::edits;
use super::super::{Advisor, safe_fix};
use super::*;
use crate::analysis::{Diagnostic, RelationMode, codes};
use crate::catalog::Provider;
use crate::model::{Block, Expression, Schema};

/// Whether a key-like constraint of the model starts with `column`.
pub(super) fn leads_an_index(block: &Block, column: &str) -> bool {
    let on_field = block.field(column).is_some_and(|f| {
        f.attributes
            .iter()
            .any(|a| matches!(a.name.text.as_str(), "id" | "unique"))
    });
    on_field
        || block
            .attributes
            .iter()
            .filter(|a| matches!(a.name.text.as_str(), "id" | "unique" | "index"))
            .any(|a| field_list(a, "fields", Some(0)).first() == Some(&column))
}

pub(super) fn missing_index(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    if !advisor.enabled(codes::ADVICE_TENANT_MISSING_INDEX) {
        return;
    }
    let settings = advisor.settings;
    let key = settings.tenant_key.as_str();
    // MySQL's InnoDB indexes a foreign key itself (as `index/missing-fk-index` says).
    let mysql_indexes_keys = advisor.context.is(Provider::MySql)
        && advisor.context.relation_mode == RelationMode::ForeignKeys;
    for block in advised_models(advisor.schema) {
        let name = block.name.text.as_str();
        if name == settings.tenant_model || settings.is_global_model(name) {
            continue;
        }
        let Some(field) = conventions::tenant_key(settings, block) else {
            continue;
        };
        if leads_an_index(block, key)
            || (mysql_indexes_keys
                && block
                    .fields
                    .iter()
                    .any(|f| relation_scalar_fields(f) == [key]))
        {
            continue;
        }
        let Some(diagnostic) = advisor.diagnostic(
            codes::ADVICE_TENANT_MISSING_INDEX,
            field.name.span,
            format!(
                "no index of `{name}` starts with the tenant key `{key}`, which every tenant-scoped query filters on: add `@@index([{key}])`"
            ),
        ) else {
            return;
        };
        let edit =
            edits::insert_block_attribute(advisor.schema, block, &format!("@@index([{key}])"));
        out.push(diagnostic.with_fix(safe_fix(format!("Add `@@index([{key}])`"), vec![edit])));
    }
}

pub(super) fn no_cascade(advisor: &Advisor<'_>, scoping: &Scoping<'_>, out: &mut Vec<Diagnostic>) {
    if !advisor.enabled(codes::ADVICE_TENANT_NO_CASCADE) {
        return;
    }
    let Some(tenant) = scoping.tenant else {
        return;
    };
    let settings = advisor.settings;
    let key = settings.tenant_key.as_str();
    let tenant_name = tenant.name.text.as_str();
    let context = advisor.context;
    // Where cascades are checked for cycles and multiple paths, a relation that cascaded
    // nothing (both actions written as `NoAction`/`Restrict`) must stay so.
    let cascades_checked =
        context.is(Provider::SqlServer) || context.relation_mode == RelationMode::Prisma;
    for block in advised_models(advisor.schema) {
        let name = block.name.text.as_str();
        if name == tenant_name || settings.is_global_model(name) {
            continue;
        }
        for field in &block.fields {
            let Some(relation) = field.attribute("relation") else {
                continue;
            };
            let fields = relation_scalar_fields(field);
            // The relation that makes the model the tenant's: through the tenant key, or the
            // required relation that scopes a model without the key.
            let scoping_relation = fields.contains(&key)
                || matches!(scoping.scope(name), Some(Scope::Tenant(f)) if std::ptr::eq(f, field));
            if type_name(field) != Some(tenant_name)
                || is_list(field)
                || !scoping_relation
                || relation.argument("onDelete", None).is_some()
            {
                continue;
            }
            let consequence = if is_optional(field) {
                "leaves its rows without a tenant"
            } else {
                "fails while it has rows here"
            };
            let Some(diagnostic) = advisor.diagnostic(
                codes::ADVICE_TENANT_NO_CASCADE,
                relation.span,
                format!(
                    "the relation `{name}.{}` to the tenant has no `onDelete`, so deleting a `{tenant_name}` {consequence}: add `onDelete: Cascade`",
                    field.name.text
                ),
            ) else {
                return;
            };
            let on_update_stops = matches!(
                relation.argument("onUpdate", None).and_then(|a| a.value.as_ref()),
                Some(Expression::Constant(action)) if matches!(action.text.as_str(), "NoAction" | "Restrict")
            );
            let last = relation.arguments().last();
            let diagnostic = match last {
                Some(last) if !(cascades_checked && on_update_stops) => {
                    let at = crate::model::Span {
                        start: last.span.end,
                        end: last.span.end,
                        ..last.span
                    };
                    let argument = next_argument(advisor.schema, last.span, "onDelete: Cascade");
                    diagnostic.with_fix(safe_fix(
                        "Add `onDelete: Cascade`",
                        vec![edits::replace(at, argument)],
                    ))
                }
                _ => diagnostic,
            };
            out.push(diagnostic);
        }
    }
}

/// The text that adds `argument` after the argument at `last`: on a line of its own, indented
/// like it, when the last argument starts its own line; else `, argument`.
pub(super) fn next_argument(schema: &Schema, last: crate::model::Span, argument: &str) -> String {
    let text = &schema.file(last.file).text;
    let start = last.start as usize;
    let line_start = crate::syntax::line_start(text, start);
    let before = &text[line_start..start];
    if before.trim().is_empty() && line_start > 0 {
        format!(",\n{before}{argument}")
    } else {
        format!(", {argument}")
    }
}
