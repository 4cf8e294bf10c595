//! One soft-delete convention, applied everywhere: markers of the right type, on every model
//! that should have one, and unique constraints that let a deleted row's values be reused.
//!
//! The schema's convention is its most used marker (name, type and native type); without one,
//! the first configured marker name. Models that should not be soft-deleted: join tables,
//! append-only logs, the models the user exempts, and the rows an authentication library
//! manages (sessions, verification tokens, OAuth accounts).

use super::conventions::{
    self, advised_models, column_name, is_list, is_optional, is_relation_field, name_words,
    relation_scalar_fields, soft_delete_marker, type_name,
};
use super::scaffold::{Action, ActionScope};
use super::{Advisor, edits, safe_fix};
use crate::analysis::codes::{
    ADVICE_SOFT_DELETE_MISSING, ADVICE_SOFT_DELETE_UNIQUE, ADVICE_SOFT_DELETE_WRONG_TYPE,
};
use crate::analysis::indexes::parse::{Key, KeyKind, model_keys};
use crate::analysis::{Applicability, Diagnostic, Fix, Snippet, TextEdit};
use crate::catalog::Provider;
use crate::model::{Attribute, Block, Expression, Field};
use rustc_hash::{FxHashMap, FxHashSet};

/// How a marker says "deleted": a timestamp that is set (`deletedAt DateTime?`), or a flag
/// that is true (`isDeleted Boolean @default(false)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum MarkerKind {
    Timestamp,
    Flag,
}

impl MarkerKind {
    /// The object form of a live-rows filter: `{ deletedAt: null }`.
    fn live_filter(self, field: &str) -> String {
        match self {
            MarkerKind::Timestamp => format!("{{ {field}: null }}"),
            MarkerKind::Flag => format!("{{ {field}: false }}"),
        }
    }
}

/// The kind of a well-typed marker; `None` for a marker of the wrong type.
fn marker_kind(field: &Field) -> Option<MarkerKind> {
    if is_list(field) {
        return None;
    }
    match type_name(field)? {
        "DateTime" if is_optional(field) => Some(MarkerKind::Timestamp),
        "Boolean" if has_default_false(field) => Some(MarkerKind::Flag),
        _ => None,
    }
}

fn has_default_false(field: &Field) -> bool {
    matches!(
        conventions::default_value(field),
        Some(Expression::Boolean { value: false, .. })
    )
}

/// The marker new models get: name, kind and the native type attribute to copy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Convention {
    pub name: String,
    pub kind: MarkerKind,
    /// The native type of the schema's markers, as written (`@db.Timestamptz(6)`).
    pub native: Option<String>,
}

impl Convention {
    /// `deletedAt DateTime?`, `isDeleted Boolean @default(false)`.
    fn declaration(&self) -> String {
        match self.kind {
            MarkerKind::Timestamp => format!("{} DateTime?", self.name),
            MarkerKind::Flag => format!("{} Boolean @default(false)", self.name),
        }
    }
}

/// The schema's soft-delete convention: its most used well-typed marker; without one, the
/// first configured marker name (a `DateTime?` when it names a time, else a boolean).
pub(crate) fn convention(advisor: &Advisor<'_>) -> Convention {
    let markers = advised_models(advisor.schema).filter_map(|block| {
        let marker = soft_delete_marker(advisor.settings, block)?;
        Some(Convention {
            name: marker.name.text.clone(),
            kind: marker_kind(marker)?,
            native: conventions::native_type_attribute(marker)
                .map(|a| advisor.schema.text(a.span).to_string()),
        })
    });
    if let Some(found) = conventions::most_common(markers) {
        return found;
    }
    let name = advisor
        .settings
        .soft_delete_markers
        .first()
        .map_or("deletedAt", String::as_str);
    let names_time = name_words(name)
        .last()
        .is_some_and(|w| matches!(w.as_str(), "at" | "on" | "date" | "time" | "timestamp"));
    Convention {
        name: name.to_string(),
        kind: if names_time {
            MarkerKind::Timestamp
        } else {
            MarkerKind::Flag
        },
        native: None,
    }
}

/// The edit that gives `block` the convention's marker (`deletedAt DateTime?`, with
/// `@map("deleted_at")` when the model maps its fields to snake_case), aligned with the
/// model's last field. `None` when the block has a marker, or a field or column of that name.
pub(crate) fn add_marker(
    advisor: &Advisor<'_>,
    convention: &Convention,
    block: &Block,
) -> Option<TextEdit> {
    if soft_delete_marker(advisor.settings, block).is_some() {
        return None;
    }
    let name = convention.name.as_str();
    let snake = conventions::to_snake_case(name);
    let mapped = snake != name && conventions::maps_to_snake_case(advisor.schema, block);
    let column = if mapped { snake.as_str() } else { name };
    if block
        .fields
        .iter()
        .any(|f| f.name.text == name || column_name(f) == column)
    {
        return None;
    }
    let mut attributes = Vec::new();
    let field_type = match convention.kind {
        MarkerKind::Timestamp => "DateTime?",
        MarkerKind::Flag => {
            attributes.push("@default(false)".to_string());
            "Boolean"
        }
    };
    if mapped {
        attributes.push(format!("@map(\"{snake}\")"));
    }
    attributes.extend(convention.native.clone());
    Some(edits::insert_field(
        advisor.schema,
        block,
        name,
        field_type,
        &attributes.join(" "),
    ))
}

/// Whether the model should not be soft-deleted: exempt by configuration, a join table, or
/// rows nobody restores (see `never_restored`).
fn exempt(advisor: &Advisor<'_>, block: &Block) -> bool {
    advisor.settings.is_soft_delete_exempt(&block.name.text)
        || conventions::is_join_table(advisor.schema, block)
        || conventions::is_append_only_log(block)
        || is_ephemeral(block)
        || never_restored(block)
        || is_singleton(block)
        || is_association(advisor.schema, block)
}

/// An association: two or more required relations and no content of its own (a vote, a
/// role assignment, a link between two records), created and removed with the link.
fn is_association(schema: &crate::model::Schema, block: &Block) -> bool {
    block
        .fields
        .iter()
        .filter(|f| is_required_reference(f) && is_relation_field(schema, f))
        .count()
        >= 2
        && !holds_content(block)
}

/// Words of the models that contain others (users, organizations, projects): the application
/// reaches their rows through them, so a soft-deleted container hides its children already,
/// and their rows need no marker of their own.
const CONTAINER_WORDS: &[&str] = &[
    "user",
    "users",
    "account",
    "accounts",
    "member",
    "customer",
    "customers",
    "profile",
    "organization",
    "organizations",
    "organisation",
    "organisations",
    "org",
    "orgs",
    "workspace",
    "workspaces",
    "team",
    "teams",
    "project",
    "projects",
    "tenant",
    "tenants",
    "company",
    "companies",
    "environment",
    "environments",
    "space",
    "spaces",
    "site",
    "sites",
];

fn is_container(name: &str) -> bool {
    name_words(name)
        .last()
        .is_some_and(|w| CONTAINER_WORDS.contains(&w.as_str()))
}

/// Whether a marker says "deleted" rather than "archived": an archived row's children stay
/// readable with it, so they are no evidence of a missing marker.
fn marks_deletion(marker: &Field) -> bool {
    !name_words(&marker.name.text)
        .iter()
        .any(|w| w.starts_with("archive"))
}

/// Sessions, verification and reset tokens, OAuth accounts: rows that expire or are replaced,
/// which nobody restores.
fn is_ephemeral(block: &Block) -> bool {
    let words = name_words(&block.name.text);
    let last = words.last().map_or("", String::as_str);
    matches!(
        last,
        "session" | "sessions" | "token" | "tokens" | "verification" | "otp" | "cache" | "lock"
    ) || (block.field("provider").is_some() && block.field("providerAccountId").is_some())
}

/// Words of a model's name that say its rows are never soft-deleted: records kept as they are
/// (ledgers, payments, versions, runs, metrics), configuration, invitations (accepted or
/// revoked, never restored), memberships (a member is removed and invited again), partitions
/// and notifications. On real schemas reviewers rejected every suggestion to soft-delete them.
const NEVER_RESTORED_WORDS: &[&str] = &[
    "ledger",
    "journal",
    "transaction",
    "transactions",
    "payment",
    "payments",
    "payout",
    "payouts",
    "invoice",
    "invoices",
    "charge",
    "charges",
    "refund",
    "refunds",
    "receipt",
    "receipts",
    "credit",
    "credits",
    "order",
    "orders",
    "subscription",
    "subscriptions",
    "version",
    "versions",
    "revision",
    "revisions",
    "snapshot",
    "snapshots",
    "run",
    "runs",
    "execution",
    "executions",
    "attempt",
    "attempts",
    "delivery",
    "deliveries",
    "job",
    "jobs",
    "queue",
    "stat",
    "stats",
    "statistic",
    "statistics",
    "metric",
    "metrics",
    "usage",
    "usages",
    "counter",
    "analytics",
    "rollup",
    "config",
    "configs",
    "configuration",
    "configurations",
    "setting",
    "settings",
    "preference",
    "preferences",
    "option",
    "options",
    "flag",
    "flags",
    "invite",
    "invites",
    "invitation",
    "invitations",
    "member",
    "members",
    "membership",
    "memberships",
    "assignment",
    "assignments",
    "partition",
    "partitions",
    "notification",
    "notifications",
    "error",
    "errors",
];

fn never_restored(block: &Block) -> bool {
    name_words(&block.name.text)
        .iter()
        .any(|word| NEVER_RESTORED_WORDS.contains(&word.as_str()))
}

/// A singleton: its id defaults to a constant (`id Int @id @default(1)`), so it has one row.
fn is_singleton(block: &Block) -> bool {
    block.fields.iter().any(|field| {
        field.attribute("id").is_some()
            && matches!(
                conventions::default_value(field),
                Some(Expression::Number { .. } | Expression::String { .. })
            )
    })
}

/// Names of fields that hold what users write (not keys, flags or bookkeeping).
const CONTENT_FIELDS: &[&str] = &[
    "title",
    "name",
    "body",
    "content",
    "text",
    "description",
    "note",
    "notes",
    "message",
    "comment",
    "summary",
    "subject",
    "html",
    "markdown",
    "caption",
];

/// Whether the model holds user content: a `String` or `Json` field named like it.
fn holds_content(block: &Block) -> bool {
    block.fields.iter().any(|field| {
        matches!(type_name(field), Some("String" | "Json"))
            && name_words(&field.name.text)
                .last()
                .is_some_and(|w| CONTENT_FIELDS.contains(&w.as_str()))
    })
}

/// Whether the relation's foreign key is unique in the model: a one-to-one, whose row is part
/// of its parent's and is read through it.
fn is_one_to_one(block: &Block, relation: &Field) -> bool {
    let mut fields = relation_scalar_fields(relation);
    fields.sort_unstable();
    if let [single] = fields.as_slice()
        && block
            .field(single)
            .is_some_and(|f| f.attribute("unique").is_some() || f.attribute("id").is_some())
    {
        return true;
    }
    block
        .attributes
        .iter()
        .filter(|a| matches!(a.name.text.as_str(), "unique" | "id"))
        .any(|a| {
            let mut key = conventions::field_list(a, "fields", Some(0));
            key.sort_unstable();
            key == fields
        })
}

/// Whether the relation deletes the child rows with their parent (`onDelete: Cascade`).
fn cascades(relation: &Field) -> bool {
    relation
        .attribute("relation")
        .and_then(|r| r.argument("onDelete", None))
        .and_then(|a| a.value.as_ref())
        .is_some_and(|v| matches!(v, Expression::Constant(action) if action.text == "Cascade"))
}

/// Whether the relation field holds a required foreign key (not optional, not a list, with
/// `fields:`).
fn is_required_reference(field: &Field) -> bool {
    !is_optional(field) && !is_list(field) && !relation_scalar_fields(field).is_empty()
}

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let missing = advisor.enabled(ADVICE_SOFT_DELETE_MISSING);
    let wrong_type = advisor.enabled(ADVICE_SOFT_DELETE_WRONG_TYPE);
    let unique = advisor.enabled(ADVICE_SOFT_DELETE_UNIQUE)
        && advisor
            .context
            .provider
            .is_some_and(supports_partial_unique);
    if !(missing || wrong_type || unique) {
        return;
    }
    let mut marked: Vec<(&Block, &Field)> = Vec::new();
    let mut unmarked: Vec<&Block> = Vec::new();
    for block in advised_models(advisor.schema) {
        let marker = soft_delete_marker(advisor.settings, block)
            .filter(|field| !is_relation_field(advisor.schema, field));
        match marker {
            Some(marker) => marked.push((block, marker)),
            None if missing => unmarked.push(block),
            None => {}
        }
    }
    if marked.is_empty() {
        return;
    }
    if wrong_type {
        for (block, marker) in &marked {
            check_marker_type(advisor, block, marker, out);
        }
    }
    if unique {
        for (block, marker) in &marked {
            if let Some(kind) = marker_kind(marker) {
                check_unique_conflicts(advisor, block, marker, kind, out);
            }
        }
    }
    if missing {
        // Soft delete is an update: where the soft-deleted models keep an `updatedAt`, a
        // model without one is never updated (an insert-only record: a build, a commit,
        // event data), so never soft-deleted either.
        let updated = |block: &Block| {
            block.field("updatedAt").is_some() || block.field("updated_at").is_some()
        };
        let insert_only =
            marked.iter().filter(|(block, _)| updated(block)).count() * 2 > marked.len();
        unmarked.retain(|block| !exempt(advisor, block) && (!insert_only || updated(block)));
        if unmarked.is_empty() {
            return;
        }
        let convention = convention(advisor);
        let parents = Parents::new(advisor, &marked);
        for block in unmarked {
            if let Some(evidence) = parents.evidence(advisor, block) {
                report_missing(advisor, &convention, block, &evidence, out);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// soft-delete/missing
// ---------------------------------------------------------------------------------------------

/// Why a model without a marker should have one.
enum Evidence<'a> {
    /// It holds user content and belongs to a soft-deleted parent (not a container: a user,
    /// an organization, a project) through a relation that cascades deletes: the schema
    /// means the rows to go with the parent, and a soft delete of the parent leaves them live.
    CascadingParent {
        relation: &'a Field,
        parent: &'a str,
    },
    /// It holds user content under a parent whose other children are soft-deleted (at least
    /// half of them, and at least `SIBLINGS`).
    Siblings {
        parent: &'a str,
        siblings: Vec<&'a str>,
    },
}

/// How many soft-deleted siblings make a convention under one parent: one is a feature of
/// that model.
const SIBLINGS: usize = 2;

/// For each model, the models whose rows belong to it through a required relation, and
/// which models are soft-deleted.
struct Parents<'a> {
    soft_deleted: FxHashSet<&'a str>,
    /// Parent model → the names of its required children that are not exempt.
    children: FxHashMap<&'a str, Vec<&'a str>>,
}

impl<'a> Parents<'a> {
    fn new(advisor: &Advisor<'a>, marked: &[(&'a Block, &'a Field)]) -> Self {
        let soft_deleted: FxHashSet<&str> = marked
            .iter()
            .filter(|(_, marker)| marks_deletion(marker))
            .map(|(b, _)| b.name.text.as_str())
            .collect();
        let mut children: FxHashMap<&str, Vec<&str>> = FxHashMap::default();
        for block in advised_models(advisor.schema) {
            let name = block.name.text.as_str();
            if !soft_deleted.contains(name) && exempt(advisor, block) {
                continue;
            }
            for field in block.fields.iter().filter(|f| is_required_reference(f)) {
                if let Some(parent) = type_name(field).filter(|p| *p != name) {
                    let list = children.entry(parent).or_default();
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
            }
        }
        Parents {
            soft_deleted,
            children,
        }
    }

    fn evidence(&self, advisor: &Advisor<'a>, block: &'a Block) -> Option<Evidence<'a>> {
        let name = block.name.text.as_str();
        let relations = || {
            block.fields.iter().filter(|f| {
                is_required_reference(f)
                    && !is_one_to_one(block, f)
                    && type_name(f).is_some_and(|p| p != name)
                    && is_relation_field(advisor.schema, f)
            })
        };
        // Rows without content of their own (filters, quotas, settings of the parent) are
        // read through their parent only.
        if !holds_content(block) {
            return None;
        }
        if let Some(relation) = relations().find(|f| {
            cascades(f)
                && type_name(f).is_some_and(|p| self.soft_deleted.contains(p) && !is_container(p))
        }) {
            return Some(Evidence::CascadingParent {
                relation,
                parent: type_name(relation)?,
            });
        }
        relations().find_map(|relation| {
            let parent = type_name(relation)?;
            let others: Vec<&str> = self
                .children
                .get(parent)?
                .iter()
                .copied()
                .filter(|c| *c != name)
                .collect();
            let siblings: Vec<&str> = others
                .iter()
                .copied()
                .filter(|c| self.soft_deleted.contains(c))
                .collect();
            (siblings.len() >= SIBLINGS && siblings.len() * 2 >= others.len())
                .then_some(Evidence::Siblings { parent, siblings })
        })
    }
}

fn report_missing(
    advisor: &Advisor<'_>,
    convention: &Convention,
    block: &Block,
    evidence: &Evidence<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let name = block.name.text.as_str();
    let marker = convention.declaration();
    let message = match evidence {
        Evidence::CascadingParent { relation, parent } => format!(
            "`{name}` belongs to `{parent}`, which is soft-deleted, through `{}` with `onDelete: Cascade`: a deleted `{parent}` no longer takes its `{name}` rows with it, and they stay live; add `{marker}` and set it with the parent's (or read `{name}` only through live `{parent}` rows)",
            relation.name.text
        ),
        Evidence::Siblings { parent, siblings } => {
            let mut names: Vec<String> =
                siblings.iter().take(3).map(|s| format!("`{s}`")).collect();
            if siblings.len() > 3 {
                names.push(format!("{} more", siblings.len() - 3));
            }
            let listed = match names.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                None => String::new(),
            };
            format!(
                "`{name}` holds user content under `{parent}` beside {listed}, which {} soft-deleted: deleting one of those can be undone, deleting a `{name}` cannot; add `{marker}` if it should be restorable too",
                if siblings.len() == 1 { "is" } else { "are" }
            )
        }
    };
    let Some(diagnostic) = advisor.diagnostic(ADVICE_SOFT_DELETE_MISSING, block.name.span, message)
    else {
        return;
    };
    // Unsafe: whether rows should be restorable is the application's decision, and the
    // marker does nothing until every query filters on it.
    out.push(match add_marker(advisor, convention, block) {
        Some(edit) => diagnostic.with_fix(Fix {
            title: format!("Add `{}` to `{name}`", convention.name),
            edits: vec![edit],
            applicability: Applicability::Unsafe,
        }),
        None => diagnostic,
    });
}

// ---------------------------------------------------------------------------------------------
// soft-delete/wrong-type
// ---------------------------------------------------------------------------------------------

fn check_marker_type(
    advisor: &Advisor<'_>,
    block: &Block,
    marker: &Field,
    out: &mut Vec<Diagnostic>,
) {
    if marker_kind(marker).is_some() {
        return;
    }
    let Some(ty) = &marker.r#type else {
        return;
    };
    let name = marker.name.text.as_str();
    let written = ty.name.text.as_str();
    let (message, fix) = if is_list(marker) {
        (
            format!("the soft-delete marker `{name}` is a list; make it `DateTime?`"),
            None,
        )
    } else {
        match written {
            "DateTime" => (
                format!(
                    "the soft-delete marker `{name}` is required, so no row can be live; make it `DateTime?`"
                ),
                optional_marker_fix(advisor, block, marker),
            ),
            "Boolean" => match marker.attribute("default") {
                None => (
                    format!(
                        "the soft-delete marker `{name}` has no default, so every insert must set it; add `@default(false)`"
                    ),
                    Some(safe_fix(
                        format!("Add `@default(false)` to `{name}`"),
                        vec![edits::append_field_attribute(marker, "@default(false)")],
                    )),
                ),
                Some(_) => (
                    format!(
                        "the soft-delete marker `{name}` does not default to `false`, so new rows start deleted; use `@default(false)`"
                    ),
                    default_false_fix(name, marker),
                ),
            },
            _ => (
                format!(
                    "the soft-delete marker `{name}` is a `{written}`; make it `DateTime?` (or a `Boolean @default(false)`)"
                ),
                retype_fix(advisor, block, marker),
            ),
        }
    };
    let Some(diagnostic) = advisor.diagnostic(ADVICE_SOFT_DELETE_WRONG_TYPE, ty.span, message)
    else {
        return;
    };
    out.push(match fix {
        Some(fix) => diagnostic.with_fix(fix),
        None => diagnostic,
    });
}

/// Whether a relation of the model uses the field as a foreign key.
fn is_foreign_key(block: &Block, field: &Field) -> bool {
    block
        .fields
        .iter()
        .any(|f| relation_scalar_fields(f).contains(&field.name.text.as_str()))
}

/// `DateTime` → `DateTime?`.
fn optional_marker_fix(advisor: &Advisor<'_>, block: &Block, marker: &Field) -> Option<Fix> {
    if crate::semantics::keys::in_primary_key(block, marker) || is_foreign_key(block, marker) {
        return None;
    }
    let ty = marker.r#type.as_ref()?;
    Some(safe_fix(
        format!("Make `{}` optional", marker.name.text),
        vec![edits::replace_keeping_columns(
            advisor.schema,
            ty.span,
            "DateTime?",
        )],
    ))
}

/// `@default(true)` → `@default(false)`: unsafe, it changes what new rows are.
fn default_false_fix(name: &str, marker: &Field) -> Option<Fix> {
    let Expression::Boolean { span, .. } = conventions::default_value(marker)? else {
        return None;
    };
    Some(Fix {
        title: format!("Make `{name}` default to `false`"),
        edits: vec![edits::replace(*span, "false")],
        applicability: Applicability::Unsafe,
    })
}

/// `String`/`Int`/… → `DateTime?`, only for a field with no attribute that depends on its type
/// (`@map` aside). Unsafe: the column's data must be migrated.
fn retype_fix(advisor: &Advisor<'_>, block: &Block, marker: &Field) -> Option<Fix> {
    if marker.attributes.iter().any(|a| a.name.text != "map")
        || crate::semantics::keys::in_primary_key(block, marker)
        || is_foreign_key(block, marker)
    {
        return None;
    }
    let ty = marker.r#type.as_ref()?;
    Some(Fix {
        title: format!("Make `{}` a `DateTime?`", marker.name.text),
        edits: vec![edits::replace_keeping_columns(
            advisor.schema,
            ty.span,
            "DateTime?",
        )],
        applicability: Applicability::Unsafe,
    })
}

// ---------------------------------------------------------------------------------------------
// soft-delete/unique-conflict
// ---------------------------------------------------------------------------------------------

/// Partial unique indexes: PostgreSQL, CockroachDB, SQLite, SQL Server (filtered indexes).
/// MySQL has none; MongoDB's partial filters cannot test for null.
fn supports_partial_unique(provider: Provider) -> bool {
    matches!(
        provider,
        Provider::PostgreSql | Provider::CockroachDb | Provider::Sqlite | Provider::SqlServer
    )
}

/// Default functions whose values are never reused.
const GENERATED: &[&str] = &[
    "uuid",
    "cuid",
    "nanoid",
    "ulid",
    "autoincrement",
    "sequence",
    "dbgenerated",
    "auto",
];

fn is_generated(field: &Field) -> bool {
    matches!(
        conventions::default_value(field),
        Some(Expression::Function { name, .. }) if GENERATED.contains(&name.text.as_str())
    )
}

/// Hashes and digests are reused only with the same content: on their own they hold no
/// business value a new row would want back.
fn holds_digest(field: &Field) -> bool {
    name_words(&field.name.text)
        .last()
        .is_some_and(|w| matches!(w.as_str(), "hash" | "digest"))
}

/// Whether the column holds a value no new row ever takes again: a generated key
/// (`@default(uuid())`), a random one by its name (`token`, `uid`, `nonce`, `secret`,
/// `apiKey`, `idempotencyKey`, an iCal `uid`), or a reference to an object of another system
/// (`externalRef`, `externalId`), which an import should find and restore, deleted or not,
/// rather than insert again. One such column makes the whole constraint conflict-free.
fn never_reused(field: &Field) -> bool {
    if is_generated(field) {
        return true;
    }
    let words = name_words(&field.name.text);
    let Some(last) = words.last().map(String::as_str) else {
        return false;
    };
    let before_last = words
        .len()
        .checked_sub(2)
        .and_then(|i| words.get(i))
        .map(String::as_str);
    matches!(
        last,
        "token" | "uuid" | "guid" | "ulid" | "uid" | "uids" | "nonce" | "secret"
    ) || (last == "key"
        && matches!(
            before_last,
            Some("api" | "idempotency" | "access" | "secret" | "license")
        ))
        // Not a bare `ref`: a git ref or a document's reference number comes back.
        || words
            .iter()
            .any(|w| matches!(w.as_str(), "external" | "idempotency"))
}

fn is_identifier(name: &str) -> bool {
    name_words(name)
        .last()
        .is_some_and(|w| matches!(w.as_str(), "id" | "ids"))
}

fn check_unique_conflicts(
    advisor: &Advisor<'_>,
    block: &Block,
    marker: &Field,
    kind: MarkerKind,
    out: &mut Vec<Diagnostic>,
) {
    let mut scratch = Vec::new();
    let keys = model_keys(advisor.schema, advisor.context, block, &mut scratch);
    let primary: FxHashSet<&str> = keys
        .primary_key
        .iter()
        .flat_map(|pk| pk.fields.iter().map(|f| f.path))
        .collect();
    let foreign_keys: Vec<Vec<&str>> = block
        .fields
        .iter()
        .map(relation_scalar_fields)
        .filter(|fields| !fields.is_empty())
        .collect();
    let same_fields =
        |a: &[&str], b: &[&str]| a.len() == b.len() && a.iter().all(|name| b.contains(name));
    for key in keys.indexes.iter().filter(|k| k.kind == KeyKind::Unique) {
        if key.attribute.argument("where", None).is_some() || key.fields.is_empty() {
            continue;
        }
        let names: Vec<&str> = key.fields.iter().map(|f| f.path).collect();
        let conflict_free = key.fields.iter().any(|f| {
            f.path.contains('.')
                || f.path == marker.name.text
                || primary.contains(f.path)
                || is_relation_field(advisor.schema, f.field)
        }) || key.fields.iter().any(|f| never_reused(f.field))
            || key.fields.iter().all(|f| holds_digest(f.field))
            // One identifier (`customerId`, `externalId`) names one thing, which does not
            // come back after its row is deleted.
            || (names.len() == 1 && is_identifier(names[0]))
            || foreign_keys.iter().any(|fk| same_fields(fk, &names))
            || advisor
                .referenced()
                .of_model(&block.name.text)
                .iter()
                .any(|list| same_fields(list, &names));
        if conflict_free {
            continue;
        }
        report_unique_conflict(advisor, &keys, key, marker, kind, out);
    }
}

fn report_unique_conflict(
    advisor: &Advisor<'_>,
    keys: &crate::analysis::indexes::parse::ModelKeys<'_>,
    key: &Key<'_>,
    marker: &Field,
    kind: MarkerKind,
    out: &mut Vec<Diagnostic>,
) {
    let block = keys.block;
    let fields: Vec<&str> = key.fields.iter().map(|f| f.path).collect();
    let filter = kind.live_filter(&marker.name.text);
    let described = fields
        .iter()
        .map(|f| format!("`{f}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_SOFT_DELETE_UNIQUE,
        key.attribute.span,
        format!(
            "a deleted `{}` keeps its {described}, so no new row can take {}; make the unique constraint cover live rows only (`where: {filter}`)",
            block.name.text,
            if fields.len() == 1 { "the value again" } else { "the same values again" }
        ),
    ) else {
        return;
    };
    let Some(provider) = advisor.context.provider else {
        return;
    };
    if advisor.context.has_preview_feature("partialIndexes") {
        if let Some(edit) = add_where(key.attribute, &filter) {
            out.push(diagnostic.with_fix(Fix {
                title: format!("Make the unique constraint on {described} cover live rows only"),
                edits: vec![edit],
                applicability: Applicability::Unsafe,
            }));
            return;
        }
        out.push(diagnostic);
        return;
    }
    let index = crate::analysis::indexes::names::index_name(provider, keys.table, key);
    let columns: Vec<(&str, bool)> = key
        .fields
        .iter()
        .map(|f| (column_name(f.field), f.sort_order() == "Desc"))
        .collect();
    let text = partial_unique_sql(
        provider,
        keys.schema_name,
        keys.table,
        &index,
        &columns,
        column_name(marker),
        kind,
    );
    out.push(diagnostic.with_snippet(Snippet {
        title: format!("Copy the SQL that makes `{index}` cover live rows only"),
        file_name: format!("{index}_live.sql"),
        text,
    }));
}

/// Adds `where: <filter>` to a `@unique`/`@@unique`.
fn add_where(attribute: &Attribute, filter: &str) -> Option<TextEdit> {
    let argument = format!("where: {filter}");
    let Some(list) = &attribute.arguments else {
        let end = attribute.span.end;
        return Some(edits::replace(
            crate::model::Span {
                start: end,
                end,
                ..attribute.span
            },
            format!("({argument})"),
        ));
    };
    if !list.closed {
        return None;
    }
    // After the last argument (and its trailing comma), else inside the empty parentheses.
    let (at, text) = match (list.items.last(), &list.trailing_comma) {
        (None, _) => (list.span.end - 1, argument),
        (Some(_), Some(comma)) => (comma.end, format!(" {argument}")),
        (Some(last), None) => (last.span.end, format!(", {argument}")),
    };
    Some(edits::replace(
        crate::model::Span {
            start: at,
            end: at,
            ..list.span
        },
        text,
    ))
}

/// The SQL that replaces a unique index by one over live rows, with the database's names.
fn partial_unique_sql(
    provider: Provider,
    schema_name: Option<&str>,
    table: &str,
    index: &str,
    columns: &[(&str, bool)],
    marker: &str,
    kind: MarkerKind,
) -> String {
    let sql_server = provider == Provider::SqlServer;
    let quote = |name: &str| {
        if sql_server {
            format!("[{}]", name.replace(']', "]]"))
        } else {
            format!("\"{}\"", name.replace('"', "\"\""))
        }
    };
    let qualified_table = match (schema_name, sql_server) {
        (Some(schema), _) => format!("{}.{}", quote(schema), quote(table)),
        (None, true) => format!("[dbo].{}", quote(table)),
        (None, false) => quote(table),
    };
    let column_list = columns
        .iter()
        .map(|(column, desc)| {
            if *desc {
                format!("{} DESC", quote(column))
            } else {
                quote(column)
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let predicate = match (kind, provider) {
        (MarkerKind::Timestamp, _) => format!("{} IS NULL", quote(marker)),
        (MarkerKind::Flag, Provider::SqlServer | Provider::Sqlite) => {
            format!("{} = 0", quote(marker))
        }
        (MarkerKind::Flag, _) => format!("{} = false", quote(marker)),
    };
    let drop = match provider {
        Provider::SqlServer => format!(
            "ALTER TABLE {qualified_table} DROP CONSTRAINT {};",
            quote(index)
        ),
        Provider::CockroachDb => format!("DROP INDEX {qualified_table}@{};", quote(index)),
        _ => match schema_name {
            Some(schema) => format!("DROP INDEX {}.{};", quote(schema), quote(index)),
            None => format!("DROP INDEX {};", quote(index)),
        },
    };
    let create = if sql_server {
        "CREATE UNIQUE NONCLUSTERED INDEX"
    } else {
        "CREATE UNIQUE INDEX"
    };
    format!(
        "-- Unique among live rows only: deleted rows no longer hold their values.\n\
         {drop}\n\
         {create} {} ON {qualified_table}({column_list}) WHERE {predicate};\n",
        quote(index)
    )
}

// ---------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------

/// "Add soft delete to <Model>" on a model without a marker, and "Add soft delete to all
/// models" for every model that should have one and has not.
pub(super) fn actions(advisor: &Advisor<'_>, block: Option<&Block>, out: &mut Vec<Action>) {
    let convention = convention(advisor);
    if let Some(block) = block.filter(|b| conventions::is_advised(b))
        && let Some(edit) = add_marker(advisor, &convention, block)
    {
        out.push(Action {
            title: format!("Add soft delete to {}", block.name.text),
            scope: ActionScope::Block,
            edits: vec![edit],
        });
    }
    let edits: Vec<TextEdit> = advised_models(advisor.schema)
        .filter(|block| !exempt(advisor, block))
        .filter_map(|block| add_marker(advisor, &convention, block))
        .collect();
    out.push(Action {
        title: "Add soft delete to all models".to_string(),
        scope: ActionScope::Schema,
        edits,
    });
}

#[cfg(test)]
mod tests {
    use crate::analysis::{self, codes};
    use crate::model::Schema;

    /// The SQL offered with each `soft-delete/unique-conflict` finding.
    fn snippets(text: &str) -> Vec<(String, String)> {
        let settings = crate::analysis::advisor::AdvisorSettings::default().with_rules_on(
            &[codes::ADVICE_SOFT_DELETE_UNIQUE],
            crate::analysis::Severity::Info,
        );
        let options = analysis::Options {
            advisor: std::sync::Arc::new(settings),
            ..analysis::Options::default()
        };
        analysis::check_with(&Schema::parse("schema.prisma", text), options)
            .into_iter()
            .filter(|d| d.code == codes::ADVICE_SOFT_DELETE_UNIQUE)
            .map(|d| {
                let snippet = d.snippet.expect("a snippet");
                (snippet.file_name, snippet.text)
            })
            .collect()
    }

    fn schema(provider: &str, models: &str) -> String {
        format!(
            "datasource db {{\n  provider = \"{provider}\"\n  url      = env(\"DATABASE_URL\")\n}}\n{models}"
        )
    }

    const MODELS: &str = "
model User {
  id        String    @id @default(cuid())
  email     String    @unique @map(\"email_address\")
  handle    String    @unique(map: \"user_handle\")
  deletedAt DateTime? @map(\"deleted_at\")

  @@map(\"users\")
}

model Member {
  id          String  @id @default(cuid())
  workspaceId String
  name        String
  isDeleted   Boolean @default(false)

  @@unique([workspaceId, name(sort: Desc)])
}
";

    #[test]
    fn partial_unique_sql_uses_database_names() {
        assert_eq!(
            snippets(&schema("postgresql", MODELS)),
            [
                (
                    "users_email_address_key_live.sql".to_string(),
                    "-- Unique among live rows only: deleted rows no longer hold their values.\nDROP INDEX \"users_email_address_key\";\nCREATE UNIQUE INDEX \"users_email_address_key\" ON \"users\"(\"email_address\") WHERE \"deleted_at\" IS NULL;\n".to_string()
                ),
                (
                    "user_handle_live.sql".to_string(),
                    "-- Unique among live rows only: deleted rows no longer hold their values.\nDROP INDEX \"user_handle\";\nCREATE UNIQUE INDEX \"user_handle\" ON \"users\"(\"handle\") WHERE \"deleted_at\" IS NULL;\n".to_string()
                ),
                (
                    "Member_workspaceId_name_key_live.sql".to_string(),
                    "-- Unique among live rows only: deleted rows no longer hold their values.\nDROP INDEX \"Member_workspaceId_name_key\";\nCREATE UNIQUE INDEX \"Member_workspaceId_name_key\" ON \"Member\"(\"workspaceId\", \"name\" DESC) WHERE \"isDeleted\" = false;\n".to_string()
                ),
            ]
        );
    }

    #[test]
    fn partial_unique_sql_per_provider() {
        let sql_server = snippets(&schema("sqlserver", MODELS));
        assert_eq!(
            sql_server[2].1,
            "-- Unique among live rows only: deleted rows no longer hold their values.\nALTER TABLE [dbo].[Member] DROP CONSTRAINT [Member_workspaceId_name_key];\nCREATE UNIQUE NONCLUSTERED INDEX [Member_workspaceId_name_key] ON [dbo].[Member]([workspaceId], [name] DESC) WHERE [isDeleted] = 0;\n"
        );
        let sqlite = snippets(&schema("sqlite", MODELS));
        assert!(
            sqlite[2].1.ends_with("WHERE \"isDeleted\" = 0;\n"),
            "{}",
            sqlite[2].1
        );
        let cockroach = snippets(&schema("cockroachdb", MODELS));
        assert!(
            cockroach[0]
                .1
                .contains("DROP INDEX \"users\"@\"users_email_address_key\";"),
            "{}",
            cockroach[0].1
        );
        assert!(snippets(&schema("mysql", MODELS)).is_empty());
        let multi_schema = schema(
            "postgresql",
            &MODELS.replace("@@map(\"users\")", "@@map(\"users\")\n  @@schema(\"auth\")"),
        )
        .replace(
            "env(\"DATABASE_URL\")",
            "env(\"DATABASE_URL\")\n  schemas  = [\"auth\", \"public\"]",
        )
        .replace("model Member {", "model Member {\n  @@schema(\"public\")");
        let sql = snippets(&multi_schema);
        assert!(
            sql[0].1.contains("DROP INDEX \"auth\".\"users_email_address_key\";\nCREATE UNIQUE INDEX \"users_email_address_key\" ON \"auth\".\"users\"(\"email_address\")"),
            "{}",
            sql[0].1
        );
    }
}
