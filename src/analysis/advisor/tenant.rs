//! tenant/*: multi-tenant isolation (spec/ADVISOR_RULES.md).
//!
//! A model is *tenant-scoped* when it has the tenant key (`tenantId`), when a required
//! relation leads straight to the tenant model, or when a required relation leads to a
//! tenant-scoped model (transitively). `Scoping` works this out once for the whole schema
//! (a breadth-first walk from the models that hold the key down their required children),
//! so that every rule and the row-level-security SQL (`rls.rs`) read it in constant time.

use super::conventions::{
    self, advised_models, field_list, is_list, is_optional, relation_scalar_fields, type_name,
};
use super::edits;
use super::scaffold::{Action, ActionScope};
use super::{Advisor, safe_fix};
use crate::analysis::{Applicability, Diagnostic, Fix, RelationMode, TextEdit, codes};
use crate::catalog::Provider;
use crate::model::{Attribute, Block, Expression, Field, Schema};
use rustc_hash::{FxHashMap, FxHashSet};
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

/// The models that stay out of tenant scoping whatever they hold, each with the reason: the
/// tenant model, the configured global models, the tenant model's own join tables, the models
/// the tenant model points to (a plan, its owner, and what they point to), and the members of
/// a tenant (the other side of a membership: a user belongs to several tenants).
pub(super) struct Exempt<'a> {
    reasons: FxHashMap<&'a str, &'static str>,
}

impl<'a> Exempt<'a> {
    pub fn new(advisor: &Advisor<'a>, scoping: &Scoping<'a>) -> Self {
        let (schema, settings) = (advisor.schema, advisor.settings);
        let mut reasons: FxHashMap<&'a str, &'static str> = FxHashMap::default();
        reasons.insert(settings.tenant_model.as_str(), "the tenant model");
        for name in &settings.global_models {
            reasons.entry(name.as_str()).or_insert("a global model");
        }
        let tenant_name = scoping.tenant.map(|t| t.name.text.as_str());
        // What the tenant model points to, and what that points to, is above the tenants.
        let mut above: Vec<&'a Block> = Vec::new();
        let mut stack: Vec<&'a Block> = scoping.tenant.into_iter().collect();
        while let Some(block) = stack.pop() {
            for field in &block.fields {
                if relation_scalar_fields(field).is_empty() {
                    continue;
                }
                if let Some(target) = target(schema, field)
                    && !reasons.contains_key(target.name.text.as_str())
                {
                    reasons.insert(
                        target.name.text.as_str(),
                        "above the tenants (the tenant model points to it)",
                    );
                    above.push(target);
                    stack.push(target);
                }
            }
        }
        // The users: the members of a membership, whom sign-in sessions and accounts belong
        // to, a model named `User`. A person signs in before picking a tenant, and may belong
        // to several.
        let mut members: Vec<&'a str> = Vec::new();
        for block in schema.models() {
            let name = block.name.text.as_str();
            if name == "User" || name == "Users" {
                members.push(name);
            }
            if let Some(member) =
                tenant_name.and_then(|tenant| membership_member(schema, block, tenant))
            {
                members.push(member);
            }
            if is_infrastructure(block) {
                members.extend(
                    block
                        .fields
                        .iter()
                        .filter(|f| is_required_reference(f))
                        .filter_map(|f| type_name(f)),
                );
            }
        }
        // What belongs to a model above the tenants (an organisation's subscription, a plan's
        // features) lives at that level too; not what belongs to a user who owns a tenant.
        above.retain(|block| !members.contains(&block.name.text.as_str()));
        if !above.is_empty() {
            let mut children: FxHashMap<&'a str, Vec<&'a Block>> = FxHashMap::default();
            for block in schema.models() {
                if scoping.is_scoped(&block.name.text) {
                    continue;
                }
                for field in block.fields.iter().filter(|f| is_required_reference(f)) {
                    if let Some(parent) = type_name(field) {
                        children.entry(parent).or_default().push(block);
                    }
                }
            }
            while let Some(parent) = above.pop() {
                for &child in children
                    .get(parent.name.text.as_str())
                    .into_iter()
                    .flatten()
                {
                    let name = child.name.text.as_str();
                    if Some(name) != tenant_name
                        && !members.contains(&name)
                        && !reasons.contains_key(name)
                    {
                        reasons.insert(name, "owned by a model above the tenants");
                        above.push(child);
                    }
                }
            }
        }
        for &member in &members {
            reasons
                .entry(member)
                .or_insert("a user of the application (it signs in before picking a tenant)");
        }
        for block in schema.models() {
            let name = block.name.text.as_str();
            if let Some(tenant) = tenant_name
                && conventions::is_join_table(schema, block)
                && block.fields.iter().any(|f| type_name(f) == Some(tenant))
            {
                reasons
                    .entry(name)
                    .or_insert("a join table of the tenant model");
            }
            if is_global_catalog(name) {
                reasons
                    .entry(name)
                    .or_insert("a catalog shared by all tenants (plans, prices, countries, …)");
            } else if is_infrastructure(block) {
                reasons
                    .entry(name)
                    .or_insert("sign-in or bookkeeping data, which belongs to no tenant");
            } else if is_standalone_setting(schema, block) {
                reasons
                    .entry(name)
                    .or_insert("application-wide settings (named so, and related to nothing)");
            } else if block.fields.iter().any(|f| {
                is_required_reference(f)
                    && type_name(f).is_some_and(|m| {
                        members.contains(&m) && name.len() > m.len() && name.starts_with(m)
                    })
            }) {
                // `UserSettings`, `UserPassword`: a member's own data.
                reasons
                    .entry(name)
                    .or_insert("a member's own data (named after and owned by a member model)");
            }
        }
        Exempt { reasons }
    }

    /// Why the model is exempt, if it is.
    pub fn reason(&self, name: &str) -> Option<&'static str> {
        self.reasons.get(name).copied()
    }
}

/// Names of the catalogs every tenant shares.
fn is_global_catalog(name: &str) -> bool {
    const NAMES: &[&str] = &[
        "Plan",
        "Price",
        "PricingTier",
        "Coupon",
        "Feature",
        "Country",
        "Currency",
        "Language",
        "Locale",
        "Timezone",
    ];
    // A template without the tenant key is a shared catalog (a tenant's own templates have
    // the key, or a required relation to what has it).
    NAMES.contains(&name) || name.contains("Template")
}

/// A model named like settings, configuration or a counter that relates to nothing: the
/// application's own (`SiteSettings`, `AppSetting`, `Counter`), not a tenant's, which would
/// relate to the tenant or to what it owns.
fn is_standalone_setting(schema: &Schema, block: &Block) -> bool {
    const SUFFIXES: &[&str] = &["Setting", "Settings", "Config", "Configuration", "Counter"];
    let name = block.name.text.as_str();
    SUFFIXES.iter().any(|suffix| name.ends_with(suffix))
        && !block
            .fields
            .iter()
            .any(|f| conventions::is_relation_field(schema, f))
}

/// Models of the sign-in libraries (Auth.js, better-auth, Lucia: accounts, sessions,
/// verification tokens, passkeys, OAuth clients and tokens) and bookkeeping (migrations, cron
/// jobs, rate limits, received webhook events), which no tenant owns.
fn is_infrastructure(block: &Block) -> bool {
    const NAMES: &[&str] = &[
        "Session",
        "VerificationToken",
        "Verification",
        "Authenticator",
        "Passkey",
        "TwoFactor",
        "Jwks",
    ];
    const PARTS: &[&str] = &[
        "PasswordReset",
        "ResetPassword",
        "VerificationToken",
        "Migration",
        "WebhookEvent",
        "BackgroundJob",
        "CronJob",
        "RateLimit",
    ];
    let name = block.name.text.as_str();
    NAMES.contains(&name)
        || PARTS.iter().any(|part| name.contains(part))
        || name.eq_ignore_ascii_case("jwks")
        || name.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("oauth"))
        // An account of a sign-in provider (not a business account).
        || (name == "Account"
            && ["provider", "providerId", "providerAccountId"]
                .iter()
                .any(|f| block.field(f).is_some()))
}

/// If the model is a membership (a required relation to the tenant model and one to another
/// model, unique together: `@@unique([userId, tenantId])` or `@@id([…])`), the other model.
fn membership_member<'a>(schema: &'a Schema, block: &'a Block, tenant: &str) -> Option<&'a str> {
    let relations: Vec<&Field> = block
        .fields
        .iter()
        .filter(|f| is_required_reference(f) && target(schema, f).is_some())
        .collect();
    let to_tenant = relations
        .iter()
        .find(|f| type_name(f) == Some(tenant))
        .map(|f| relation_scalar_fields(f))?;
    relations
        .iter()
        .filter(|f| type_name(f) != Some(tenant))
        .find(|member| {
            let mut pair: Vec<&str> = relation_scalar_fields(member);
            pair.extend(&to_tenant);
            pair.sort_unstable();
            block
                .attributes
                .iter()
                .filter(|a| matches!(a.name.text.as_str(), "unique" | "id"))
                .any(|a| {
                    let mut fields = field_list(a, "fields", Some(0));
                    fields.sort_unstable();
                    fields == pair
                })
        })
        .and_then(|member| type_name(member))
}

fn missing_key(advisor: &Advisor<'_>, scoping: &Scoping<'_>, out: &mut Vec<Diagnostic>) {
    let exempt = Exempt::new(advisor, scoping);
    let fixer = KeyFixer::new(advisor, scoping);
    let key = advisor.settings.tenant_key.as_str();
    for block in advised_models(advisor.schema) {
        let name = block.name.text.as_str();
        if scoping.is_scoped(name) || exempt.reason(name).is_some() {
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
                "model `{name}` has no tenant key and no required relation to a tenant-scoped model, so its rows belong to no tenant: add `{key}`{target}"
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

/// Builds the edits that give a model the tenant key (the missing-key fix and the "Add tenant
/// key" action): the key, the relation to the tenant model with its back-relation, an index.
/// Without a tenant model: the key (typed like the schema's other tenant keys) and the index.
struct KeyFixer<'a, 'b> {
    advisor: &'b Advisor<'a>,
    tenant: Option<TenantTarget<'a>>,
    /// The type of the key when there is no tenant model: the first required tenant key's.
    key_type: Option<(&'a str, Option<&'a str>)>,
}

struct TenantTarget<'a> {
    block: &'a Block,
    id: &'a Field,
    /// The referential actions the new relation gets (`None`: no valid one, no fix).
    actions: Option<&'static str>,
    /// Models reached from the tenant model along its foreign keys (for cycles).
    reachable: FxHashSet<&'a str>,
}

/// The native type attribute of a field (`@db.Uuid`), as written.
fn native_type_text<'a>(schema: &'a Schema, field: &Field) -> Option<&'a str> {
    field
        .attributes
        .iter()
        .find(|a| a.name.text.contains('.'))
        .map(|a| schema.text(a.span))
}

/// Whether the relation's `onDelete` and `onUpdate` are both written and neither changes
/// the child rows (so that it carries no cascade).
fn never_cascades(relation: &Attribute) -> bool {
    ["onDelete", "onUpdate"].iter().all(|name| {
        matches!(
            relation.argument(name, None).and_then(|a| a.value.as_ref()),
            Some(Expression::Constant(action)) if matches!(action.text.as_str(), "NoAction" | "Restrict")
        )
    })
}

/// Models reachable from `start` along foreign keys that may cascade.
fn reachable_by_cascades<'a>(schema: &'a Schema, start: &'a Block) -> FxHashSet<&'a str> {
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
    fn new(advisor: &'b Advisor<'a>, scoping: &Scoping<'a>) -> Self {
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

    fn edits(&self, block: &Block) -> Option<Vec<TextEdit>> {
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
fn lower_camel(name: &str) -> String {
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
fn plural_lower_camel(name: &str) -> String {
    crate::inflection::plural(&lower_camel(name))
}

/// The first candidate the block has no field of, else the first numbered one.
fn free_field_name(block: &Block, candidates: &[String]) -> String {
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

/// Whether the field's default generates a value unique by construction (`cuid()`, `uuid()`,
/// `autoincrement()`, …): such a column cannot collide across tenants.
fn has_generated_default(field: &Field) -> bool {
    const GENERATORS: &[&str] = &[
        "cuid",
        "uuid",
        "nanoid",
        "ulid",
        "autoincrement",
        "auto",
        "dbgenerated",
        "sequence",
    ];
    field
        .attribute("default")
        .and_then(|d| d.argument("value", Some(0)))
        .and_then(|a| a.value.as_ref())
        .is_some_and(|value| {
            matches!(value, Expression::Function { name, .. } if GENERATORS.contains(&name.text.as_str()))
        })
}

/// Whether a column holds values unique across tenants by nature: identifiers issued by the
/// application or another system (`publicId`, `stripeCustomerId`), secrets and lookup tokens
/// (a request finds its row by them before it knows the tenant), domain names, URLs and public
/// links (the DNS and the web make them global).
fn is_global_by_nature(column: &str) -> bool {
    const WORDS: &[&str] = &[
        "id",
        "uuid",
        "guid",
        "identifier",
        "token",
        "hash",
        "hashed",
        "secret",
        "key",
        "nonce",
        "domain",
        "url",
        "uri",
        "host",
        "hostname",
        "link",
    ];
    column == "state"
        || words(column)
            .iter()
            .any(|word| WORDS.contains(&word.as_str()))
}

/// The lowercase words of a camelCase or snake_case name (`hashedKey` → `hashed`, `key`;
/// `ID` and `URL` stay one word).
fn words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut previous: Option<char> = None;
    for c in name.chars() {
        let starts_word = match previous {
            None => true,
            Some(p) => {
                !c.is_ascii_alphanumeric()
                    || !p.is_ascii_alphanumeric()
                    || (c.is_ascii_uppercase() && !p.is_ascii_uppercase())
            }
        };
        if c.is_ascii_alphanumeric() {
            if starts_word || words.is_empty() {
                words.push(String::new());
            }
            if let Some(word) = words.last_mut() {
                word.push(c.to_ascii_lowercase());
            }
        }
        previous = Some(c);
    }
    words
}

/// The sorted field set of a list.
fn field_set<'a>(fields: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut set: Vec<&str> = fields.into_iter().collect();
    set.sort_unstable();
    set.dedup();
    set
}

fn global_unique(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let schema = advisor.schema;
    let settings = advisor.settings;
    let key = settings.tenant_key.as_str();
    // What other relations reference, by model: those uniques must stay as they are.
    let mut referenced: Option<FxHashMap<&str, Vec<Vec<&str>>>> = None;
    for block in advised_models(schema) {
        let name = block.name.text.as_str();
        if name == settings.tenant_model
            || settings.is_global_model(name)
            || conventions::tenant_key(settings, block).is_none()
        {
            continue;
        }
        // A unique with a foreign key is unique within the parent row (a one-to-one, or a
        // name within a project or a user), not across the whole database.
        let foreign_keys: FxHashSet<&str> = block
            .fields
            .iter()
            .flat_map(|f| relation_scalar_fields(f))
            .collect();
        let id_fields: Vec<&str> = block
            .fields
            .iter()
            .filter(|f| f.attribute("id").is_some() || has_generated_default(f))
            .map(|f| f.name.text.as_str())
            .collect();
        let unique_sets: Vec<Vec<&str>> = block
            .attributes_named("unique")
            .map(|a| field_set(field_list(a, "fields", Some(0))))
            .collect();
        // Tokens and OAuth data are looked up before the tenant is known; domains and links
        // are public addresses, unique on the web.
        let lookup_model = ["Token", "OAuth", "Oauth"].iter().any(|p| name.contains(p))
            || words(name)
                .iter()
                .any(|w| matches!(w.as_str(), "domain" | "link" | "url"));
        let global = |columns: &[&str]| {
            !columns.is_empty()
                && !lookup_model
                && !columns.contains(&key)
                && !columns
                    .iter()
                    .any(|c| id_fields.contains(c) || foreign_keys.contains(c))
                && !columns.iter().all(|c| is_global_by_nature(c))
        };
        let mut is_referenced = |columns: &[&str]| {
            let map = referenced.get_or_insert_with(|| referenced_sets(schema));
            map.get(name)
                .is_some_and(|sets| sets.contains(&field_set(columns.iter().copied())))
        };
        for field in &block.fields {
            let Some(unique) = field.attribute("unique") else {
                continue;
            };
            let column = field.name.text.as_str();
            if !global(&[column]) || conventions::is_relation_field(schema, field) {
                continue;
            }
            let Some(diagnostic) = advisor.diagnostic(
                codes::ADVICE_TENANT_GLOBAL_UNIQUE,
                unique.span,
                format!(
                    "`{name}.{column}` is unique across all tenants, so two tenants cannot both use a value: make it unique per tenant with `@@unique([{column}, {key}])`"
                ),
            ) else {
                return;
            };
            let fix = (!is_referenced(&[column]))
                .then(|| field_unique_fix(schema, block, field, unique, key, &unique_sets))
                .flatten();
            out.push(with_unsafe_fix(
                diagnostic,
                format!("Make `{column}` unique per tenant"),
                fix,
            ));
        }
        for unique in block.attributes_named("unique") {
            let columns = field_list(unique, "fields", Some(0));
            if !global(&columns) {
                continue;
            }
            let list = columns.join(", ");
            let Some(diagnostic) = advisor.diagnostic(
                codes::ADVICE_TENANT_GLOBAL_UNIQUE,
                unique.span,
                format!(
                    "`@@unique([{list}])` of `{name}` holds across all tenants, so two tenants cannot both use a value: add the tenant key, `@@unique([{list}, {key}])`"
                ),
            ) else {
                return;
            };
            let fix = (!is_referenced(&columns))
                .then(|| block_unique_fix(schema, unique, &columns, key, &unique_sets))
                .flatten();
            out.push(with_unsafe_fix(
                diagnostic,
                format!("Add `{key}` to the unique constraint"),
                fix,
            ));
        }
    }
}

/// Attaches a fix that changes the generated client (the unique inputs of `findUnique`), so
/// `check --fix` leaves it to the user.
fn with_unsafe_fix(
    diagnostic: Diagnostic,
    title: String,
    edits: Option<Vec<TextEdit>>,
) -> Diagnostic {
    match edits {
        Some(edits) => diagnostic.with_fix(Fix {
            title,
            edits,
            applicability: Applicability::Unsafe,
        }),
        None => diagnostic,
    }
}

/// For each model, the field sets other models' `references:` name (Prisma requires each to
/// be unique).
fn referenced_sets(schema: &Schema) -> FxHashMap<&str, Vec<Vec<&str>>> {
    let mut map: FxHashMap<&str, Vec<Vec<&str>>> = FxHashMap::default();
    for block in schema.models() {
        for field in &block.fields {
            let Some(relation) = field.attribute("relation") else {
                continue;
            };
            let references = field_list(relation, "references", None);
            if let (Some(target), false) = (type_name(field), references.is_empty()) {
                map.entry(target).or_default().push(field_set(references));
            }
        }
    }
    map
}

/// `email String @unique(map: "x")` → `@@unique([email, tenantId], map: "x")`, or only the
/// deletion when the per-tenant constraint exists already.
fn field_unique_fix(
    schema: &Schema,
    block: &Block,
    field: &Field,
    unique: &Attribute,
    key: &str,
    unique_sets: &[Vec<&str>],
) -> Option<Vec<TextEdit>> {
    let column = field.name.text.as_str();
    let mut delete = vec![edits::delete_attribute(schema, unique)];
    if unique_sets.contains(&field_set([column, key])) {
        return Some(delete);
    }
    let (mut on_field, mut on_block) = (Vec::new(), Vec::new());
    for argument in unique.arguments() {
        let name = argument.name.as_ref()?.text.as_str();
        let text = schema.text(argument.span);
        match name {
            "sort" | "length" => on_field.push(text),
            "map" | "clustered" => on_block.push(text),
            _ => return None,
        }
    }
    let item = if on_field.is_empty() {
        column.to_string()
    } else {
        format!("{column}({})", on_field.join(", "))
    };
    let extra: String = on_block.iter().map(|a| format!(", {a}")).collect();
    delete.push(edits::insert_block_attribute(
        schema,
        block,
        &format!("@@unique([{item}, {key}]{extra})"),
    ));
    Some(delete)
}

/// `@@unique([a, b])` → `@@unique([a, b, tenantId])` (its other arguments kept), or its
/// deletion when that constraint exists already.
fn block_unique_fix(
    schema: &Schema,
    unique: &Attribute,
    columns: &[&str],
    key: &str,
    unique_sets: &[Vec<&str>],
) -> Option<Vec<TextEdit>> {
    if unique_sets.contains(&field_set(columns.iter().copied().chain([key]))) {
        return Some(vec![edits::delete_attribute(schema, unique)]);
    }
    let list = unique.argument("fields", Some(0))?.value.as_ref()?;
    match list {
        Expression::Array {
            items,
            closed: true,
            ..
        } => {
            let last = items.last()?.span();
            Some(vec![edits::replace(
                crate::model::Span {
                    start: last.end,
                    end: last.end,
                    ..last
                },
                format!(", {key}"),
            )])
        }
        single @ Expression::Constant(_) => Some(vec![edits::replace(
            single.span(),
            format!("[{}, {key}]", schema.text(single.span())),
        )]),
        _ => None,
    }
}

/// Whether a key-like constraint of the model starts with `column`.
fn leads_an_index(block: &Block, column: &str) -> bool {
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

fn missing_index(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
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

fn no_cascade(advisor: &Advisor<'_>, scoping: &Scoping<'_>, out: &mut Vec<Diagnostic>) {
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
fn next_argument(schema: &Schema, last: crate::model::Span, argument: &str) -> String {
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

/// The scaffolding actions of this area (see `scaffold::actions`): "Add tenant key to
/// <Model>" on a model without it, "Add tenant model" when the schema has none.
pub(super) fn actions(advisor: &Advisor<'_>, block: Option<&Block>, out: &mut Vec<Action>) {
    let schema = advisor.schema;
    let settings = advisor.settings;
    if let Some(block) = block
        && block.name.text != settings.tenant_model
        && block.field(&settings.tenant_key).is_none()
        && conventions::is_advised(block)
    {
        let scoping = Scoping::new(advisor);
        if let Some(edits) = KeyFixer::new(advisor, &scoping).edits(block) {
            out.push(Action {
                title: format!("Add tenant key to {}", block.name.text),
                scope: ActionScope::Block,
                edits,
            });
        }
    }
    if schema.find_type(&settings.tenant_model).is_none() {
        let file = advised_models(schema)
            .next()
            .map_or_else(|| schema.file_ids().next(), |b| Some(b.file()));
        if let Some(file) = file {
            let text = tenant_model_text(advisor);
            out.push(Action {
                title: "Add tenant model".to_string(),
                scope: ActionScope::Schema,
                edits: vec![super::scaffold::append_block(schema, file, &text)],
            });
        }
    }
}

/// `model Tenant { … }` in the schema's conventions: the id like most models' ids (the
/// MongoDB form on MongoDB), snake_case columns and table name when most models map so.
fn tenant_model_text(advisor: &Advisor<'_>) -> String {
    let schema = advisor.schema;
    let name = advisor.settings.tenant_model.as_str();
    let models: Vec<&Block> = advised_models(schema).collect();
    let id_line = if advisor.context.is(Provider::MongoDb) {
        "String @id @default(auto()) @map(\"_id\") @db.ObjectId".to_string()
    } else {
        common_id(schema, &models)
    };
    let snake_columns = models
        .iter()
        .filter(|b| conventions::maps_to_snake_case(schema, b))
        .count()
        * 2
        > models.len()
        && !models.is_empty();
    let mapped_tables: Vec<&str> = models
        .iter()
        .filter(|b| b.attributes_named("map").next().is_some())
        .map(|b| conventions::table_name(b))
        .collect();
    let table = (mapped_tables.len() * 2 > models.len()).then(|| {
        let plural =
            mapped_tables.iter().filter(|t| t.ends_with('s')).count() * 2 > mapped_tables.len();
        let base = if plural {
            plural_lower_camel(name)
        } else {
            lower_camel(name)
        };
        conventions::to_snake_case(&base)
    });
    let column = |field: &str, rest: &str| {
        let snake = conventions::to_snake_case(field);
        if snake_columns && snake != field {
            format!("{rest} @map(\"{snake}\")")
        } else {
            rest.to_string()
        }
    };
    let (id_type, id_attributes) = id_line.split_once(' ').unwrap_or((&id_line, ""));
    let rows = [
        ("id", id_type.to_string(), id_attributes.to_string()),
        ("name", "String".to_string(), String::new()),
        ("slug", "String".to_string(), "@unique".to_string()),
        (
            "createdAt",
            "DateTime".to_string(),
            column("createdAt", "@default(now())"),
        ),
        (
            "updatedAt",
            "DateTime".to_string(),
            column("updatedAt", "@updatedAt"),
        ),
    ];
    let name_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    let type_width = rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
    let mut text = format!("model {name} {{\n");
    for (field, field_type, attributes) in &rows {
        let line = format!("  {field:<name_width$} {field_type:<type_width$} {attributes}");
        text.push_str(line.trim_end());
        text.push('\n');
    }
    if let Some(table) = table {
        text.push_str(&format!("\n  @@map(\"{table}\")\n"));
    }
    text.push_str("}\n");
    text
}

/// The most common single-field id of the models (`String @id @default(cuid())`), as
/// written; `String @id @default(cuid())` when there is none.
fn common_id(schema: &Schema, models: &[&Block]) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for block in models {
        let Some(id) = block.fields.iter().find(|f| f.attribute("id").is_some()) else {
            continue;
        };
        let Some(id_type) = type_name(id) else {
            continue;
        };
        if !crate::catalog::is_scalar_type(id_type) || is_optional(id) || is_list(id) {
            continue;
        }
        let mut line = format!("{id_type} @id");
        for attribute in &id.attributes {
            if attribute.name.text == "default" || attribute.name.text.contains('.') {
                line.push(' ');
                line.push_str(schema.text(attribute.span));
            }
        }
        match counts.iter_mut().find(|(l, _)| *l == line) {
            Some((_, n)) => *n += 1,
            None => counts.push((line, 1)),
        }
    }
    // The first of the most common (max_by_key keeps the last of equals).
    counts.iter().rev().max_by_key(|(_, n)| *n).map_or_else(
        || "String @id @default(cuid())".to_string(),
        |(l, _)| l.clone(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::advisor::AdvisorSettings;
    use crate::analysis::{Context, Options, Severity, fixes};
    use crate::model::SourceFile;

    fn options(settings: AdvisorSettings) -> Options {
        Options {
            advisor: std::sync::Arc::new(settings),
            ..Options::default()
        }
    }

    fn findings(schema: &Schema, settings: AdvisorSettings) -> Vec<Diagnostic> {
        crate::analysis::check_with(schema, options(settings))
            .into_iter()
            .filter(|d| d.code.as_str().starts_with("tenant/"))
            .collect()
    }

    fn errors(name: &str, text: &str) -> Vec<String> {
        crate::analysis::check(&Schema::parse(name, text))
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.message)
            .collect()
    }

    fn organization_settings() -> AdvisorSettings {
        AdvisorSettings {
            tenant_key: "organizationId".to_string(),
            tenant_model: "Organization".to_string(),
            global_models: vec!["Country".to_string()],
            ..AdvisorSettings::default()
        }
    }

    const ORGANIZATION: &str = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Organization {\n  id       Int       @id @default(autoincrement())\n  projects Project[]\n}\n\nmodel Project {\n  id             Int          @id @default(autoincrement())\n  organizationId Int\n  organization   Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)\n\n  @@index([organizationId])\n}\n\nmodel Country {\n  code String @id\n}\n\nmodel Invoice {\n  id Int @id\n}\n";

    #[test]
    fn the_tenant_key_model_and_global_models_are_configurable() {
        let schema = Schema::parse("schema.prisma", ORGANIZATION);
        let found = findings(&schema, organization_settings());
        let codes: Vec<(&str, &str)> = found
            .iter()
            .map(|d| (d.code.as_str(), schema.text(d.span)))
            .collect();
        assert_eq!(codes, [("tenant/missing-key", "Invoice")]);
        let fixed = fixes::apply_edits(ORGANIZATION, &found[0].fixes[0].edits).expect("edits");
        assert!(fixed.contains("  invoices Invoice[]\n}"), "{fixed}");
        assert!(
            fixed.contains("organizationId Int\n  organization Organization @relation(fields: [organizationId], references: [id], onDelete: Cascade)\n  @@index([organizationId])"),
            "{fixed}"
        );
        assert!(errors("schema.prisma", &fixed).is_empty(), "{fixed}");
        // With the default settings the schema is not multi-tenant.
        assert!(findings(&schema, AdvisorSettings::default()).is_empty());
    }

    #[test]
    fn the_back_relation_goes_into_the_tenant_models_file() {
        let tenant = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Tenant {\n  id String @id @default(uuid()) @db.Uuid\n}\n";
        let invoice = "model Invoice {\n  id String @id\n}\n";
        let schema = Schema::new(vec![
            SourceFile::parse("tenant.prisma", tenant),
            SourceFile::parse("invoice.prisma", invoice),
        ]);
        let found = findings(&schema, AdvisorSettings::default());
        assert_eq!(found.len(), 1, "{found:?}");
        let edits = &found[0].fixes[0].edits;
        let texts = [tenant, invoice].map(String::from);
        let fixed: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(index, text)| {
                fixes::apply_edits(
                    text,
                    edits.iter().filter(|e| e.span.file.0 as usize == index),
                )
                .expect("edits")
            })
            .collect();
        assert!(fixed[0].contains("  invoices Invoice[]\n}"), "{}", fixed[0]);
        assert!(
            fixed[1].contains("tenantId String @db.Uuid\n"),
            "{}",
            fixed[1]
        );
        let schema = Schema::new(vec![
            SourceFile::parse("tenant.prisma", fixed[0].clone()),
            SourceFile::parse("invoice.prisma", fixed[1].clone()),
        ]);
        assert!(
            crate::analysis::check(&schema)
                .iter()
                .all(|d| d.severity != Severity::Error)
        );
    }

    fn actions_for(text: &str, block: Option<&str>) -> Vec<Action> {
        let schema = Schema::parse("schema.prisma", text);
        let settings = AdvisorSettings::default();
        let context = Context::new(&schema, &Options::default());
        let advisor = Advisor::new(&schema, &context, &settings);
        let block = block.and_then(|name| schema.find_model(name));
        // The other areas' actions are tested with their rules.
        super::super::scaffold::actions(&advisor, block)
            .into_iter()
            .filter(|action| action.title.contains("tenant"))
            .collect()
    }

    fn apply_action(text: &str, action: &Action) -> String {
        let fixed = fixes::apply_edits(text, &action.edits).expect("edits");
        assert!(errors("schema.prisma", &fixed).is_empty(), "{fixed}");
        fixed
    }

    #[test]
    fn adds_a_tenant_model_in_the_schemas_conventions() {
        let text = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Post {\n  id        Int      @id @default(autoincrement())\n  createdAt DateTime @default(now()) @map(\"created_at\")\n\n  @@map(\"posts\")\n}\n";
        let actions = actions_for(text, Some("Post"));
        let titles: Vec<&str> = actions.iter().map(|a| a.title.as_str()).collect();
        assert!(titles.contains(&"Add tenant model"), "{titles:?}");
        // No tenant model and no tenant key anywhere: no key to add yet.
        assert!(!titles.contains(&"Add tenant key to Post"), "{titles:?}");
        let action = actions
            .iter()
            .find(|a| a.title == "Add tenant model")
            .expect("action");
        let fixed = apply_action(text, action);
        assert!(
            fixed.ends_with("}\n\nmodel Tenant {\n  id        Int      @id @default(autoincrement())\n  name      String\n  slug      String   @unique\n  createdAt DateTime @default(now()) @map(\"created_at\")\n  updatedAt DateTime @updatedAt @map(\"updated_at\")\n\n  @@map(\"tenants\")\n}\n"),
            "{fixed}"
        );
        // Then the key can be added to every model.
        let actions = actions_for(&fixed, Some("Post"));
        let add_key = actions
            .iter()
            .find(|a| a.title == "Add tenant key to Post")
            .expect("add key");
        assert_eq!(add_key.scope, ActionScope::Block);
        let keyed = apply_action(&fixed, add_key);
        assert!(
            keyed.contains("tenantId  Int      @map(\"tenant_id\")"),
            "{keyed}"
        );
        assert!(actions_for(&keyed, Some("Post")).is_empty());
    }

    #[test]
    fn the_tenant_model_of_a_mongodb_schema_has_an_object_id() {
        let text = "datasource db {\n  provider = \"mongodb\"\n}\n\nmodel Post {\n  id String @id @default(auto()) @map(\"_id\") @db.ObjectId\n}\n";
        let actions = actions_for(text, None);
        let fixed = apply_action(text, &actions[0]);
        assert!(
            fixed
                .contains("  id        String   @id @default(auto()) @map(\"_id\") @db.ObjectId\n"),
            "{fixed}"
        );
    }

    #[test]
    fn no_key_is_added_where_a_cascade_would_come_back_to_the_tenant() {
        // With relationMode = "prisma", a relation from `Plan` to the tenant would close the
        // cycle Tenant → Plan → Tenant.
        let text = "datasource db {\n  provider     = \"postgresql\"\n  relationMode = \"prisma\"\n}\n\nmodel Tenant {\n  id     String @id\n  planId String\n  plan   Plan   @relation(fields: [planId], references: [id])\n\n  @@index([planId])\n}\n\nmodel Plan {\n  id      String   @id\n  tenants Tenant[]\n}\n";
        let titles: Vec<String> = actions_for(text, Some("Plan"))
            .into_iter()
            .map(|a| a.title)
            .collect();
        assert!(
            !titles.iter().any(|t| t.starts_with("Add tenant key")),
            "{titles:?}"
        );
    }

    #[test]
    fn scoping_is_linear_on_long_chains() {
        // 3,000 models, each the required child of the previous one: one walk scopes them all.
        let mut text = String::from(
            "model Tenant {\n  id String @id\n}\nmodel M0 {\n  id String @id\n  tenantId String\n  children M1[]\n}\n",
        );
        for i in 1..3000 {
            text.push_str(&format!(
                "model M{i} {{\n  id String @id\n  parentId String\n  parent M{} @relation(fields: [parentId], references: [id])\n  children M{}[]\n}}\n",
                i - 1,
                i + 1
            ));
        }
        text.push_str("model M3000 {\n  id String @id\n  parentId String\n  parent M2999 @relation(fields: [parentId], references: [id])\n}\n");
        let schema = Schema::parse("schema.prisma", text);
        let settings = AdvisorSettings::default();
        let context = Context::new(&schema, &Options::default());
        let advisor = Advisor::new(&schema, &context, &settings);
        let scoping = Scoping::new(&advisor);
        assert!((0..=3000).all(|i| scoping.is_scoped(&format!("M{i}"))));
        assert!(
            matches!(scoping.scope("M3000"), Some(Scope::Parent(_, parent)) if parent.name.text == "M2999")
        );
        let mut out = Vec::new();
        missing_key(&advisor, &scoping, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn names() {
        assert_eq!(lower_camel("Tenant"), "tenant");
        assert_eq!(lower_camel("APIKey"), "apiKey");
        assert_eq!(lower_camel("URL"), "url");
        assert_eq!(plural_lower_camel("Invoice"), "invoices");
        assert_eq!(plural_lower_camel("Category"), "categories");
        assert_eq!(plural_lower_camel("Survey"), "surveys");
        assert_eq!(plural_lower_camel("Address"), "addresses");
        assert_eq!(plural_lower_camel("Match"), "matches");
        assert_eq!(words("hashedKey"), ["hashed", "key"]);
        assert_eq!(words("stripeCustomerID"), ["stripe", "customer", "id"]);
        assert_eq!(words("short_link"), ["short", "link"]);
        assert_eq!(words("apiURL"), ["api", "url"]);
        assert!(is_global_by_nature("publicId"));
        assert!(is_global_by_nature("customDomain"));
        assert!(!is_global_by_nature("email"));
        assert!(!is_global_by_nature("slug"));
        assert!(!is_global_by_nature("monkey"));
    }
}
