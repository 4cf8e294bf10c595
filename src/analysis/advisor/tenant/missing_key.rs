//! tenant/missing-key, and the edits that give a model the tenant key (its fix and the
//! "Add tenant key" action).

use super::super::Advisor;
use super::super::conventions::{
    self, advised_models, is_list, is_optional, relation_scalar_fields, type_name,
};
use super::super::edits;
use super::*;
use crate::analysis::{Applicability, Diagnostic, Fix, RelationMode, TextEdit, codes};
use crate::catalog::Provider;
use crate::model::{Attribute, Block, Expression, Field, Schema};
use rustc_hash::FxHashSet;

pub(super) fn missing_key(advisor: &Advisor<'_>, scoping: &Scoping<'_>, out: &mut Vec<Diagnostic>) {
    let exempt = Exempt::new(advisor, scoping);
    let fixer = KeyFixer::new(advisor, scoping);
    let key = advisor.settings.tenant_key.as_str();
    for block in advised_models(advisor.schema) {
        let name = block.name.text.as_str();
        if scoping.is_scoped(name) || exempt.reason(name).is_some() {
            continue;
        }
        // A model with no path to tenant data is global infrastructure (a dispatcher, a
        // ticker, a library's store); one that belongs to a user is that user's (a session),
        // and users are above the tenants.
        let Some((field, data)) = link_to_tenant_data(advisor.schema, scoping, block) else {
            continue;
        };
        if belongs_to_user(&exempt, block) {
            continue;
        }
        let target = match scoping.tenant {
            Some(tenant) => format!(" with a relation to `{}`", tenant.name.text),
            None => String::new(),
        };
        let Some(diagnostic) = advisor.diagnostic(
            codes::ADVICE_TENANT_MISSING_KEY,
            block.name.span,
            format!(
                "model `{name}` holds tenant data (`{}` leads to `{data}`) but has no tenant key and no required relation to a tenant-scoped model, so its rows belong to no tenant: add `{key}`{target}",
                field.name.text
            ),
        ) else {
            return;
        };
        let diagnostic = match fixer.edits(block) {
            Some(edits) => diagnostic.with_fix(Fix {
                title: format!("Add `{key}` to `{name}`"),
                edits,
                // A new required column needs a value for the rows already there.
                applicability: Applicability::Unsafe,
            }),
            None => diagnostic,
        };
        out.push(diagnostic);
    }
}

/// The relation by which the model's rows lead to tenant data, with the model it leads to:
/// a relation whose foreign key the model holds (an optional one, or the model would be
/// scoped) to the tenant model or a tenant-scoped model, or an implicit many-to-many with a
/// tenant-scoped model. A model that is only pointed to (a catalog, a plan) leads nowhere.
fn link_to_tenant_data<'a>(
    schema: &'a Schema,
    scoping: &Scoping<'_>,
    block: &'a Block,
) -> Option<(&'a Field, &'a str)> {
    let tenant = scoping.tenant.map(|t| t.name.text.as_str());
    block.fields.iter().find_map(|field| {
        let target = type_name(field)?;
        if target == block.name.text || !(Some(target) == tenant || scoping.is_scoped(target)) {
            return None;
        }
        let holds_key = !relation_scalar_fields(field).is_empty();
        let many_to_many = is_list(field)
            && schema.find_model(target).is_some_and(|other| {
                other
                    .fields
                    .iter()
                    .any(|back| type_name(back) == Some(block.name.text.as_str()) && is_list(back))
            });
        (holds_key || many_to_many).then_some((field, target))
    })
}

/// Whether the model belongs to a user (a required relation to a user model): a session, a
/// user's token or preference, which lives above the tenants with its user.
fn belongs_to_user(exempt: &Exempt<'_>, block: &Block) -> bool {
    block
        .fields
        .iter()
        .filter(|f| is_required_reference(f))
        .filter_map(|f| type_name(f))
        .any(|target| exempt.is_user(target))
}

/// Builds the edits that give a model the tenant key (the missing-key fix and the "Add tenant
/// key" action): the key, the relation to the tenant model with its back-relation, an index.
/// Without a tenant model: the key (typed like the schema's other tenant keys) and the index.
pub(super) struct KeyFixer<'a, 'b> {
    advisor: &'b Advisor<'a>,
    tenant: Option<TenantTarget<'a>>,
    /// The type of the key when there is no tenant model: the first required tenant key's.
    key_type: Option<(&'a str, Option<&'a str>)>,
}

pub(super) struct TenantTarget<'a> {
    block: &'a Block,
    id: &'a Field,
    /// The referential actions the new relation gets (`None`: no valid one, no fix).
    actions: Option<&'static str>,
    /// Models reached from the tenant model along its foreign keys (for cycles).
    reachable: FxHashSet<&'a str>,
}

/// The native type attribute of a field (`@db.Uuid`), as written.
pub(super) fn native_type_text<'a>(schema: &'a Schema, field: &Field) -> Option<&'a str> {
    field
        .attributes
        .iter()
        .find(|a| a.name.text.contains('.'))
        .map(|a| schema.text(a.span))
}

/// Whether the relation's `onDelete` and `onUpdate` are both written and neither changes
/// the child rows (so that it carries no cascade).
pub(super) fn never_cascades(relation: &Attribute) -> bool {
    ["onDelete", "onUpdate"].iter().all(|name| {
        matches!(
            relation.argument(name, None).and_then(|a| a.value.as_ref()),
            Some(Expression::Constant(action)) if matches!(action.text.as_str(), "NoAction" | "Restrict")
        )
    })
}

/// Models reachable from `start` along foreign keys that may cascade.
pub(super) fn reachable_by_cascades<'a>(
    schema: &'a Schema,
    start: &'a Block,
) -> FxHashSet<&'a str> {
    let mut seen: FxHashSet<&'a str> = FxHashSet::default();
    let mut stack = vec![start];
    while let Some(block) = stack.pop() {
        for field in &block.fields {
            let Some(relation) = field.attribute("relation") else {
                continue;
            };
            if relation_scalar_fields(field).is_empty() || never_cascades(relation) {
                continue;
            }
            if let Some(next) = target(schema, field)
                && seen.insert(next.name.text.as_str())
            {
                stack.push(next);
            }
        }
    }
    seen
}

impl<'a, 'b> KeyFixer<'a, 'b> {
    pub(super) fn new(advisor: &'b Advisor<'a>, scoping: &Scoping<'a>) -> Self {
        let schema = advisor.schema;
        let tenant = scoping
            .tenant
            .filter(|t| conventions::is_advised(t))
            .and_then(|block| {
                let ids: Vec<&Field> = block
                    .fields
                    .iter()
                    .filter(|f| f.attribute("id").is_some())
                    .collect();
                let [id] = ids.as_slice() else {
                    return None;
                };
                let context = advisor.context;
                let prisma_mode = context.relation_mode == RelationMode::Prisma;
                let actions = if context.is(Provider::SqlServer) && !prisma_mode {
                    // SQL Server rejects a second cascading path to a table: a relation that
                    // cascades nothing can never make one.
                    Some("onDelete: NoAction, onUpdate: NoAction")
                } else {
                    Some("onDelete: Cascade")
                };
                // Prisma's emulation rejects cascade cycles (SQL Server with foreign keys gets a
                // relation that cascades nothing, which closes no cycle).
                let reachable = if prisma_mode {
                    reachable_by_cascades(schema, block)
                } else {
                    FxHashSet::default()
                };
                Some(TenantTarget {
                    block,
                    id,
                    actions,
                    reachable,
                })
            });
        let key_type = advised_models(schema)
            .filter_map(|b| conventions::tenant_key(advisor.settings, b))
            .find(|f| !is_optional(f))
            .and_then(|f| Some((type_name(f)?, native_type_text(schema, f))));
        KeyFixer {
            advisor,
            tenant,
            key_type,
        }
    }

    pub(super) fn edits(&self, block: &Block) -> Option<Vec<TextEdit>> {
        let schema = self.advisor.schema;
        let key = self.advisor.settings.tenant_key.as_str();
        if block.field(key).is_some() {
            return None;
        }
        let (key_type, native) = match &self.tenant {
            Some(tenant) => (type_name(tenant.id)?, native_type_text(schema, tenant.id)),
            None => self.key_type?,
        };
        let mut key_attributes: Vec<String> = native.map(str::to_string).into_iter().collect();
        let snake = conventions::to_snake_case(key);
        let column = if snake != key && conventions::maps_to_snake_case(schema, block) {
            key_attributes.push(format!("@map(\"{snake}\")"));
            snake.as_str()
        } else {
            key
        };
        // Another field stored in that column (`orgId @map("organization_id")`): no room.
        if block
            .fields
            .iter()
            .any(|f| conventions::column_name(f) == column)
        {
            return None;
        }
        let mut field_edits = vec![edits::insert_field(
            schema,
            block,
            key,
            key_type,
            &key_attributes.join(" "),
        )];
        let mut other_edits = Vec::new();
        if let Some(tenant) = &self.tenant {
            let (relation, back) = self.relation_edits(tenant, block)?;
            field_edits.push(relation);
            other_edits.push(back);
        }
        let mut fields = field_edits.remove(0);
        for edit in field_edits {
            fields.new_text.push_str(&edit.new_text);
        }
        let index = edits::insert_block_attribute(schema, block, &format!("@@index([{key}])"));
        let mut result = vec![fields];
        if index.span == result[0].span {
            result[0].new_text.push_str(&index.new_text);
        } else {
            result.push(index);
        }
        result.extend(other_edits);
        Some(result)
    }

    /// The relation field of `block` to the tenant, and the back-relation on the tenant model.
    fn relation_edits(
        &self,
        tenant: &TenantTarget<'_>,
        block: &Block,
    ) -> Option<(TextEdit, TextEdit)> {
        let schema = self.advisor.schema;
        let name = block.name.text.as_str();
        let tenant_name = tenant.block.name.text.as_str();
        if name == tenant_name || tenant.reachable.contains(name) {
            // A cascade from the tenant would come back to the tenant: a cycle.
            return None;
        }
        let key = self.advisor.settings.tenant_key.as_str();
        let actions = tenant.actions?;
        // A second relation between the two models needs a name to tell them apart.
        let ambiguous = block
            .fields
            .iter()
            .any(|f| type_name(f) == Some(tenant_name))
            || tenant
                .block
                .fields
                .iter()
                .any(|f| type_name(f) == Some(name));
        let relation_name = ambiguous.then(|| format!("{name}{tenant_name}"));
        let named = relation_name
            .as_ref()
            .map(|n| format!("\"{n}\", "))
            .unwrap_or_default();
        let base = key
            .strip_suffix("Id")
            .or_else(|| key.strip_suffix("_id"))
            .filter(|b| !b.is_empty())
            .map_or_else(|| lower_camel(tenant_name), str::to_string);
        let field_name = free_field_name(block, &[base, lower_camel(tenant_name)]);
        let relation = edits::insert_field(
            schema,
            block,
            &field_name,
            tenant_name,
            &format!(
                "@relation({named}fields: [{key}], references: [{}], {actions})",
                tenant.id.name.text
            ),
        );
        let plural = plural_lower_camel(name);
        let mut qualified = field_name.clone();
        let mut chars = plural.chars();
        qualified.extend(chars.next().map(|c| c.to_ascii_uppercase()));
        qualified.push_str(chars.as_str());
        let back_name = free_field_name(tenant.block, &[plural, qualified]);
        let back_attribute = relation_name
            .map(|n| format!("@relation(\"{n}\")"))
            .unwrap_or_default();
        let back = edits::insert_field(
            schema,
            tenant.block,
            &back_name,
            &format!("{name}[]"),
            &back_attribute,
        );
        Some((relation, back))
    }
}

/// `Tenant` → `tenant`, `APIKey` → `apiKey`.
pub(super) fn lower_camel(name: &str) -> String {
    let upper = name.chars().take_while(char::is_ascii_uppercase).count();
    let lowered = match upper {
        0 => 0,
        n if n == name.len() => n,
        1 => 1,
        // `APIKey`: the last capital starts the next word.
        n => n - 1,
    };
    let (head, tail) = name.split_at(lowered);
    format!("{}{tail}", head.to_ascii_lowercase())
}

/// `Invoice` → `invoices`, `Category` → `categories`, `Person` → `people` (Prisma's plurals).
pub(super) fn plural_lower_camel(name: &str) -> String {
    crate::inflection::plural(&lower_camel(name))
}

/// The first candidate the block has no field of, else the first numbered one.
pub(super) fn free_field_name(block: &Block, candidates: &[String]) -> String {
    candidates
        .iter()
        .find(|c| block.field(c).is_none())
        .cloned()
        .unwrap_or_else(|| {
            (2..)
                .map(|n| format!("{}{n}", candidates[0]))
                .find(|c| block.field(c).is_none())
                .unwrap_or_default()
        })
}
