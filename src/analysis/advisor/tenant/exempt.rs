//! The models that stay out of tenant scoping whatever they hold, and why.

use super::super::Advisor;
use super::super::conventions::{self, field_list, relation_scalar_fields, type_name};
use super::*;
use crate::model::{Block, Field, Schema};
use rustc_hash::FxHashMap;

/// The models that stay out of tenant scoping whatever they hold, each with the reason: the
/// tenant model, the configured global models, the tenant model's own join tables, the models
/// the tenant model points to (a plan, its owner, and what they point to), and the members of
/// a tenant (the other side of a membership: a user belongs to several tenants).
/// Why a user model is exempt.
const USER: &str = "a user of the application (it signs in before picking a tenant)";

pub(in crate::analysis::advisor) struct Exempt<'a> {
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
            reasons.entry(member).or_insert(USER);
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

    /// Whether the model is a user of the application (see `USER`).
    pub fn is_user(&self, name: &str) -> bool {
        self.reasons.get(name) == Some(&USER)
    }

    /// Why the model is exempt, if it is.
    pub fn reason(&self, name: &str) -> Option<&'static str> {
        self.reasons.get(name).copied()
    }
}

/// Names of the catalogs every tenant shares.
pub(super) fn is_global_catalog(name: &str) -> bool {
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
pub(super) fn is_standalone_setting(schema: &Schema, block: &Block) -> bool {
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
pub(super) fn is_infrastructure(block: &Block) -> bool {
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
pub(super) fn membership_member<'a>(
    schema: &'a Schema,
    block: &'a Block,
    tenant: &str,
) -> Option<&'a str> {
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
