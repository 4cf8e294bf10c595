//! Fields that reference another model's rows without a relation: a scalar named and typed
//! like a foreign key (`userId`, `workspace_id`, `threadId`) whose name, less its `Id`/`_id`,
//! is a model of the schema, and whose type is that model's id type, with no `@relation`
//! holding it.
//!
//! - `index/unindexed-reference`: no index starts with it, so every lookup and join by it
//!   scans the table (the database indexes nothing it does not know to be a key);
//! - `integrity/missing-relation`: it has an index, but no foreign key checks that the row
//!   it names exists, and deleting that row leaves the id dangling.
//!
//! Reported once per field: the missing index is the more urgent. Left alone: ids of other
//! systems (`stripeCustomerId`: no model `StripeCustomer`), a model's own name
//! (`Account.accountId` is the provider's id), polymorphic references (`resourceId` beside
//! `resourceType`), fields with a literal default (a sentinel such as `0` is no row), and
//! lists. Without foreign keys (MongoDB, `relationMode = "prisma"`) only the index advice
//! stands.

use super::conventions::{self, advised_models, is_list, is_relation_field, type_name};
use super::{Advisor, edits};
use crate::analysis::codes::{
    ADVICE_MISSING_RELATION, ADVICE_TENANT_MISSING_INDEX, ADVICE_UNINDEXED_REFERENCE,
};
use crate::analysis::indexes::parse::{KeyKind, model_keys};
use crate::analysis::{Applicability, Diagnostic, Fix, RelationMode};
use crate::catalog::Provider;
use crate::model::{Block, Expression, Field, Schema};
use rustc_hash::FxHashMap;

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let context = advisor.context;
    let unindexed = advisor.enabled(ADVICE_UNINDEXED_REFERENCE);
    // Without foreign keys a relation adds no integrity the database checks.
    let foreign_keys =
        !context.is(Provider::MongoDb) && context.relation_mode == RelationMode::ForeignKeys;
    let missing_relation = advisor.enabled(ADVICE_MISSING_RELATION) && foreign_keys;
    if !unindexed && !missing_relation {
        return;
    }
    let models = ModelsByName::new(advisor.schema);
    let mut problems = Vec::new();
    // Logs keep ids of rows that may be gone, on purpose, and are read by time rather than
    // by what they mention.
    for block in advised_models(advisor.schema).filter(|b| !conventions::is_append_only_log(b)) {
        let references: Vec<Reference<'_>> = block
            .fields
            .iter()
            .filter_map(|field| reference(advisor.schema, &models, block, field))
            .collect();
        if references.is_empty() {
            continue;
        }
        problems.clear();
        let keys = model_keys(advisor.schema, context, block, &mut problems);
        for reference in references {
            let name = reference.field.name.text.as_str();
            let indexed = keys.primary_key.iter().chain(&keys.indexes).any(|key| {
                key.kind != KeyKind::Fulltext
                    && key.predicate.is_none()
                    && key.fields.first().is_some_and(|first| first.path == name)
            });
            if !indexed {
                // `tenant/missing-index` reports an unindexed tenant key itself.
                let tenant_rule = name == advisor.settings.tenant_key
                    && advisor.enabled(ADVICE_TENANT_MISSING_INDEX);
                if unindexed && !tenant_rule {
                    report_unindexed(advisor, block, &reference, foreign_keys, out);
                }
            } else if missing_relation {
                report_missing_relation(advisor, block, &reference, out);
            }
        }
    }
}

/// A field that names the rows of another model.
struct Reference<'a> {
    field: &'a Field,
    target: &'a Block,
    /// The target's id field.
    id: &'a Field,
}

/// The schema's models by their name in lower case without `_` (`ContactBook`, `contact_book`
/// → `contactbook`), and by that name less a plural `s` (`users` → `user`).
struct ModelsByName<'a> {
    by_key: FxHashMap<String, &'a Block>,
}

impl<'a> ModelsByName<'a> {
    fn new(schema: &'a Schema) -> Self {
        let mut by_key = FxHashMap::default();
        for block in advised_models(schema) {
            let key = name_key(&block.name.text);
            if let Some(singular) = key.strip_suffix('s') {
                by_key.entry(singular.to_string()).or_insert(block);
            }
            // The exact name wins over a plural's singular.
            by_key.insert(key, block);
        }
        ModelsByName { by_key }
    }

    fn find(&self, base: &str) -> Option<&'a Block> {
        self.by_key.get(&name_key(base)).copied()
    }
}

fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What a foreign-key-like name refers to: `userId`, `userID`, `user_id` → `user`.
fn referenced_name(name: &str) -> Option<&str> {
    let base = name
        .strip_suffix("Id")
        .or_else(|| name.strip_suffix("ID"))
        .or_else(|| name.strip_suffix("_id"))?;
    // `Id` must start a word: `paid`, `void` and `uuid` end in `id` but name nothing.
    let base = base.strip_suffix('_').unwrap_or(base);
    (!base.is_empty()
        && base
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric()))
    .then_some(base)
}

fn reference<'a>(
    schema: &'a Schema,
    models: &ModelsByName<'a>,
    block: &'a Block,
    field: &'a Field,
) -> Option<Reference<'a>> {
    let name = field.name.text.as_str();
    if is_list(field)
        || is_relation_field(schema, field)
        || field.attribute("default").is_some_and(has_literal_default)
    {
        return None;
    }
    let base = referenced_name(name)?;
    let target = models.find(base)?;
    // `Account.accountId`, `Calendar.calendarId`: another system's id for this row.
    if std::ptr::eq(target, block) {
        return None;
    }
    if is_sign_in_session(target) || doc_says_external(schema, field) {
        return None;
    }
    let id = crate::semantics::keys::single_id_field(target)?;
    if type_name(id)? != type_name(field)? || !same_object_id(id, field) {
        return None;
    }
    let held_by_relation = block
        .fields
        .iter()
        .any(|other| conventions::relation_scalar_fields(other).contains(&name));
    if held_by_relation || is_polymorphic(block, base) {
        return None;
    }
    Some(Reference { field, target, id })
}

/// A sign-in library's session (`token`/`sessionToken` and an expiry): a `sessionId` of a
/// business row is a payment provider's checkout session far more often than a sign-in.
fn is_sign_in_session(block: &Block) -> bool {
    let has = |name: &str| block.field(name).is_some();
    block.name.text.ends_with("Session")
        && (has("token") || has("sessionToken") || has("session_token"))
        && (has("expires") || has("expiresAt") || has("expires_at"))
}

/// A doc comment, or the comment after the field, that says the id comes from elsewhere
/// ("Browserbase context ID from their API", "the Stripe price", `// Label ID (Gmail)`).
fn doc_says_external(schema: &Schema, field: &Field) -> bool {
    let comments = super::money::comments(schema, field);
    [
        "external",
        "third-party",
        "third party",
        " api",
        "stripe",
        "provider",
        "upstream",
        "remote",
        "their ",
        "gmail",
        "outlook",
        "google",
        "microsoft",
        "github",
        "slack",
    ]
    .iter()
    .any(|word| comments.contains(word))
}

/// A MongoDB ObjectId is referenced by ObjectIds: a plain string beside it names something
/// else (another system's id).
fn same_object_id(id: &Field, field: &Field) -> bool {
    let object_id = |f: &Field| {
        conventions::native_type_attribute(f).is_some_and(|a| a.name.text.ends_with(".ObjectId"))
    };
    object_id(id) == object_id(field)
}

/// `@default(0)`, `@default("")`: a value that names no row, so no foreign key could hold it.
fn has_literal_default(default: &crate::model::Attribute) -> bool {
    matches!(
        default
            .argument("value", Some(0))
            .and_then(|argument| argument.value.as_ref()),
        Some(Expression::Number { .. } | Expression::String(_))
    )
}

/// `resourceId` beside `resourceType` (or `…Kind`, `…Model`, `…Table`): the id of a row in
/// one of several models.
fn is_polymorphic(block: &Block, base: &str) -> bool {
    let base = name_key(base);
    block.fields.iter().any(|field| {
        let key = name_key(&field.name.text);
        ["type", "kind", "model", "table"]
            .iter()
            .any(|suffix| key.strip_prefix(base.as_str()) == Some(suffix))
    })
}

fn report_unindexed(
    advisor: &Advisor<'_>,
    block: &Block,
    reference: &Reference<'_>,
    foreign_keys: bool,
    out: &mut Vec<Diagnostic>,
) {
    let name = reference.field.name.text.as_str();
    let attribute = format!("@@index([{name}])");
    let relation = if foreign_keys {
        format!(
            " (and a relation to `{}`, so that the database checks the ids)",
            reference.target.name.text
        )
    } else {
        String::new()
    };
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_UNINDEXED_REFERENCE,
        reference.field.name.span,
        format!(
            "`{}.{name}` holds ids of `{}` with no relation and no index: every lookup or join by it scans the table; add `{attribute}`{relation}",
            block.name.text, reference.target.name.text
        ),
    ) else {
        return;
    };
    // Unsafe: the reference is read from a name, and an index costs every write of a
    // column that may not be what the name says (another system's id).
    let insert = edits::insert_block_attribute(advisor.schema, block, &attribute);
    out.push(
        diagnostic
            .with_related(reference.id.name.span, "the id it holds")
            .with_fix(Fix {
                title: format!("Add `{attribute}`"),
                edits: vec![insert],
                applicability: Applicability::Unsafe,
            }),
    );
}

fn report_missing_relation(
    advisor: &Advisor<'_>,
    block: &Block,
    reference: &Reference<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let name = reference.field.name.text.as_str();
    let target = reference.target.name.text.as_str();
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_MISSING_RELATION,
        reference.field.name.span,
        format!(
            "`{}.{name}` holds ids of `{target}` without a relation: the database does not check that the `{target}` exists, and deleting it leaves the id dangling; declare the relation (`@relation(fields: [{name}], references: [{}])`)",
            block.name.text, reference.id.name.text
        ),
    ) else {
        return;
    };
    out.push(diagnostic.with_related(reference.id.name.span, "the id it holds"));
}
