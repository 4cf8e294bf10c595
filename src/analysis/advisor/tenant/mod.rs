//! tenant/*: multi-tenant isolation (spec/ADVISOR_RULES.md).
//!
//! A model is *tenant-scoped* when it has the tenant key (`tenantId`), when a required
//! relation leads straight to the tenant model, or when a required relation leads to a
//! tenant-scoped model (transitively). `Scoping` works this out once for the whole schema
//! (a breadth-first walk from the models that hold the key down their required children),
//! so that every rule and the row-level-security SQL (`rls.rs`) read it in constant time.

mod exempt;
mod index;
mod missing_key;
mod scaffold;
#[cfg(test)]
mod tests;
mod unique;

pub(super) use exempt::Exempt;
use index::{missing_index, no_cascade};
use missing_key::missing_key;
pub(super) use scaffold::actions;
use unique::global_unique;

use super::Advisor;
use super::conventions::{self, is_list, is_optional, relation_scalar_fields, type_name};
use crate::analysis::{Diagnostic, codes};
use crate::model::{Block, Field, Schema};
use rustc_hash::FxHashMap;
use std::collections::VecDeque;

/// How a tenant-scoped model reaches its tenant.
#[derive(Clone, Copy, Debug)]
pub(super) enum Scope<'a> {
    /// The model has the tenant key.
    Key(&'a Field),
    /// A required relation (this field) leads straight to the tenant model.
    Tenant(&'a Field),
    /// A required relation (this field) leads to a tenant-scoped model.
    Parent(&'a Field, &'a Block),
}

/// Which models are tenant-scoped, and how (computed once per analysis, linear in the
/// number of fields).
pub(super) struct Scoping<'a> {
    /// The tenant model, if the schema declares it.
    pub tenant: Option<&'a Block>,
    scopes: FxHashMap<&'a str, Scope<'a>>,
}

/// The model a relation field points to, if the field is a relation.
fn target<'a>(schema: &'a Schema, field: &Field) -> Option<&'a Block> {
    type_name(field).and_then(|name| schema.find_model(name))
}

/// Whether the field holds a required foreign key: a required (not optional, not list)
/// relation field with `fields:`.
fn is_required_reference(field: &Field) -> bool {
    !is_optional(field) && !is_list(field) && !relation_scalar_fields(field).is_empty()
}

impl<'a> Scoping<'a> {
    pub fn new(advisor: &Advisor<'a>) -> Self {
        let (schema, settings) = (advisor.schema, advisor.settings);
        let tenant = conventions::tenant_model(schema, settings);
        let tenant_name = settings.tenant_model.as_str();
        let mut scopes: FxHashMap<&'a str, Scope<'a>> = FxHashMap::default();
        // For each model, the required relations of other models that lead to it.
        let mut children: FxHashMap<&'a str, Vec<(&'a Block, &'a Field)>> = FxHashMap::default();
        let mut queue: VecDeque<&'a Block> = VecDeque::new();
        for block in schema.models() {
            let name = block.name.text.as_str();
            if name == tenant_name || settings.is_global_model(name) || scopes.contains_key(name) {
                continue;
            }
            if let Some(key) = conventions::tenant_key(settings, block) {
                scopes.insert(name, Scope::Key(key));
                queue.push_back(block);
                continue;
            }
            for field in block.fields.iter().filter(|f| is_required_reference(f)) {
                let Some(parent) = type_name(field) else {
                    continue;
                };
                if parent == tenant_name {
                    if !scopes.contains_key(name) {
                        scopes.insert(name, Scope::Tenant(field));
                        queue.push_back(block);
                    }
                } else if parent != name {
                    children.entry(parent).or_default().push((block, field));
                }
            }
        }
        while let Some(parent) = queue.pop_front() {
            let Some(list) = children.get(parent.name.text.as_str()) else {
                continue;
            };
            for &(child, field) in list {
                let name = child.name.text.as_str();
                if !scopes.contains_key(name) {
                    scopes.insert(name, Scope::Parent(field, parent));
                    queue.push_back(child);
                }
            }
        }
        Scoping { tenant, scopes }
    }

    /// How the model reaches its tenant; `None` when it does not (or is the tenant model or a
    /// global model).
    pub fn scope(&self, model: &str) -> Option<Scope<'a>> {
        self.scopes.get(model).copied()
    }

    pub fn is_scoped(&self, model: &str) -> bool {
        self.scopes.contains_key(model)
    }
}

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let rules = [
        codes::ADVICE_TENANT_MISSING_KEY,
        codes::ADVICE_TENANT_GLOBAL_UNIQUE,
        codes::ADVICE_TENANT_MISSING_INDEX,
        codes::ADVICE_TENANT_NO_CASCADE,
    ];
    if !rules.iter().any(|&code| advisor.enabled(code))
        || !conventions::is_multi_tenant(advisor.schema, advisor.settings)
    {
        return;
    }
    let scoping = Scoping::new(advisor);
    if advisor.enabled(codes::ADVICE_TENANT_MISSING_KEY) {
        missing_key(advisor, &scoping, out);
    }
    if advisor.enabled(codes::ADVICE_TENANT_GLOBAL_UNIQUE) {
        global_unique(advisor, out);
    }
    missing_index(advisor, out);
    no_cascade(advisor, &scoping, out);
}
