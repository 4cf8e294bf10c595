//! `integrity/*`: what the schema lets the data do that its authors did not mean.
//!
//! - `integrity/delete-blocked`: a required relation left at the default `onDelete`
//!   (`Restrict`; `NoAction` on SQL Server) to a model whose rows are meant to be deleted:
//!   other relations to it cascade (or set null), or it is itself deleted by a cascade. Once
//!   such a child row exists, deleting the parent fails. An `onDelete` written out, even
//!   `Restrict`, is a decision and is left alone.
//! - `integrity/duplicate-link`: a model that links two models (two required relations and
//!   little else) with no unique constraint over the pair, or an external identity (a
//!   provider and the provider's id of an account) with no unique constraint over both: the
//!   same link can be stored twice.

use super::conventions::{
    self, advised_models, is_list, is_optional, is_relation_field, relation_scalar_fields,
    type_name,
};
use super::{Advisor, edits};
use crate::analysis::codes::{
    ADVICE_DELETE_BLOCKED, ADVICE_DUPLICATE_LINK, ADVICE_TENANT_NO_CASCADE,
};
use crate::analysis::indexes::parse::{KeyKind, model_keys};
use crate::analysis::{Applicability, Diagnostic, Fix, RelationMode, TextEdit};
use crate::catalog::{self, Provider};
use crate::model::{Attribute, Block, Expression, Field, Schema, Span};
use rustc_hash::FxHashMap;

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    if advisor.enabled(ADVICE_DELETE_BLOCKED) {
        delete_blocked(advisor, out);
    }
    if advisor.enabled(ADVICE_DUPLICATE_LINK) {
        duplicate_links(advisor, out);
    }
}

// ---------------------------------------------------------------------------------------------
// integrity/delete-blocked
// ---------------------------------------------------------------------------------------------

/// A relation with its foreign key in `child` (`@relation(fields: [...])`).
struct ForeignKey<'a> {
    child: &'a Block,
    field: &'a Field,
    relation: &'a Attribute,
    parent: &'a str,
    /// The `onDelete` written, if any (as written).
    on_delete: Option<&'a str>,
    /// The relation field and its foreign-key fields are required: by default, deleting the
    /// parent is refused while this row points to it.
    required: bool,
}

impl ForeignKey<'_> {
    /// Whether deleting the parent changes this child (it is deleted or loses its key), as
    /// the schema says in so many words: the parent's rows are meant to be deleted.
    fn follows_deletes(&self) -> bool {
        matches!(self.on_delete, Some("Cascade" | "SetNull" | "SetDefault"))
    }
}

fn foreign_keys<'a>(schema: &'a Schema) -> Vec<ForeignKey<'a>> {
    let mut keys = Vec::new();
    for child in advised_models(schema) {
        for field in &child.fields {
            let Some(relation) = field.attribute("relation") else {
                continue;
            };
            let fields = relation_scalar_fields(field);
            if fields.is_empty() || is_list(field) || !is_relation_field(schema, field) {
                continue;
            }
            let Some(parent) = type_name(field) else {
                continue;
            };
            let on_delete = match relation
                .argument("onDelete", None)
                .and_then(|argument| argument.value.as_ref())
            {
                Some(Expression::Constant(action)) => Some(action.text.as_str()),
                // Anything else written is validation's business; it is written.
                Some(_) => Some(""),
                None => None,
            };
            let keys_required = fields
                .iter()
                .any(|name| child.field(name).is_some_and(|f| !is_optional(f)));
            keys.push(ForeignKey {
                child,
                field,
                relation,
                parent,
                on_delete,
                required: !is_optional(field) && keys_required,
            });
        }
    }
    keys
}

fn delete_blocked(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let context = advisor.context;
    let prisma_mode = context.relation_mode == RelationMode::Prisma;
    let default = catalog::default_on_delete(context.provider, prisma_mode, true);
    let keys = foreign_keys(advisor.schema);
    // The keys by parent and by child model, in schema order (a scan of every key per key
    // was quadratic: seconds at 10,000 models).
    let mut by_parent: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_child: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (position, key) in keys.iter().enumerate() {
        by_parent.entry(key.parent).or_default().push(position);
        by_child
            .entry(key.child.name.text.as_str())
            .or_default()
            .push(position);
    }
    fn of<'i>(index: &'i FxHashMap<&str, Vec<usize>>, model: &str) -> &'i [usize] {
        index.get(model).map_or(&[], Vec::as_slice)
    }
    let settings = advisor.settings;
    for (position, key) in keys.iter().enumerate() {
        if key.on_delete.is_some() || !key.required {
            continue;
        }
        // The relation that scopes a row to its tenant is `tenant/no-cascade`'s. A tenant
        // is never deleted as a side effect: its owner's deletion is refused, and rightly.
        let scopes_to_tenant = advisor.enabled(ADVICE_TENANT_NO_CASCADE)
            && key.parent == settings.tenant_model
            && relation_scalar_fields(key.field).contains(&settings.tenant_key.as_str());
        if scopes_to_tenant || key.child.name.text == settings.tenant_model {
            continue;
        }
        // Why the parent's rows are deleted: another relation to it follows its deletes, or
        // it follows the deletes of its own parent (deleting that one cascades into it).
        let same_parent = of(&by_parent, key.parent);
        let sibling = same_parent
            .iter()
            .find(|&&other| other != position && keys[other].follows_deletes())
            .map(|&other| &keys[other]);
        let cascade_into_parent = of(&by_child, key.parent)
            .iter()
            .map(|&upstream| &keys[upstream])
            .find(|upstream| {
                upstream.on_delete == Some("Cascade") && upstream.parent != key.parent
            });
        let (reason, related) = match (sibling, cascade_into_parent) {
            (Some(sibling), _) => {
                let more = same_parent
                    .iter()
                    .filter(|&&other| keys[other].follows_deletes())
                    .count()
                    - 1;
                let more = match more {
                    0 => String::new(),
                    1 => format!(
                        " (and 1 more relation to `{}` follows its deletes)",
                        key.parent
                    ),
                    n => format!(
                        " (and {n} more relations to `{}` follow its deletes)",
                        key.parent
                    ),
                };
                (
                    format!(
                        "while `{}.{}` {}{more}",
                        sibling.child.name.text,
                        sibling.field.name.text,
                        match sibling.on_delete {
                            Some("Cascade") => "cascades",
                            _ => "is set to null",
                        }
                    ),
                    sibling.relation.span,
                )
            }
            (None, Some(upstream)) => (
                format!(
                    "and deleting {} `{}` deletes its `{}` rows through `{}.{}` (`onDelete: Cascade`), so that delete fails too",
                    article(upstream.parent),
                    upstream.parent,
                    key.parent,
                    upstream.child.name.text,
                    upstream.field.name.text
                ),
                upstream.relation.span,
            ),
            (None, None) => continue,
        };
        let record = is_record(key.child);
        let advice = if record {
            format!(
                "write `onDelete: {}` if `{}` rows must outlive their `{}` (records are kept), else `onDelete: Cascade`",
                default.name(),
                key.child.name.text,
                key.parent
            )
        } else {
            format!(
                "add `onDelete: Cascade`, or write `onDelete: {}` if such deletes must be refused",
                default.name()
            )
        };
        let Some(diagnostic) = advisor.diagnostic(
            ADVICE_DELETE_BLOCKED,
            key.relation.span,
            format!(
                "deleting {a} `{parent}` fails while {another} `{child}` points to it: `{child}.{field}` is required and has no `onDelete` (so `{action}`), {reason}; {advice}",
                a = article(key.parent),
                parent = key.parent,
                another = article(&key.child.name.text),
                child = key.child.name.text,
                field = key.field.name.text,
                action = default.name(),
            ),
        ) else {
            continue;
        };
        let mut diagnostic = diagnostic.with_related(related, "this relation expects deletes");
        // Both choices are offered, neither applied by `check --fix`: which one is right is
        // the owner's decision. A record of money or of what happened is kept, not deleted
        // with its parent: for those, refusing comes first.
        let mut fixes = [
            action_fix(advisor, key, "Cascade"),
            action_fix(advisor, key, default.name()),
        ];
        if record {
            fixes.reverse();
        }
        for fix in fixes.into_iter().flatten() {
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
}

/// `a` or `an` before a model's name, by how it is read: `an Invoice`, `a User` (a `U`
/// before a consonant and a vowel sounds like "you"), `a European…`.
fn article(name: &str) -> &'static str {
    let letters: Vec<char> = name
        .chars()
        .take(3)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiou".contains(*c));
    let sounds_like_you = match letters.as_slice() {
        ['u', second, third] => !vowel(Some(second)) && vowel(Some(third)),
        ['e', 'u', ..] => true,
        _ => false,
    };
    if vowel(letters.first()) && !sounds_like_you {
        "an"
    } else {
        "a"
    }
}

/// A model whose rows record money or what happened (`Invoice`, `OrderItem`, `Payout`,
/// `Commission`, `Purchase`): kept for the books even when what they mention goes.
fn is_record(block: &Block) -> bool {
    const WORDS: &[&str] = &[
        "invoice",
        "invoices",
        "order",
        "orders",
        "payment",
        "payments",
        "payout",
        "payouts",
        "commission",
        "commissions",
        "purchase",
        "purchases",
        "transaction",
        "transactions",
        "charge",
        "charges",
        "refund",
        "refunds",
        "receipt",
        "receipts",
        "ledger",
        "sale",
        "sales",
        "booking",
        "bookings",
    ];
    conventions::name_words(&block.name.text)
        .iter()
        .any(|word| WORDS.contains(&word.as_str()))
}

/// Writes `onDelete: <action>`. `Cascade` deletes the children with their parent; the
/// default action written out (`Restrict`, `NoAction` on SQL Server) keeps refusing, said so.
/// Unsafe either way: the choice is the owner's. A cascade is not offered where cascades are
/// checked for cycles and multiple paths (SQL Server, `relationMode = "prisma"`) when
/// `onUpdate` stops them: there the relation carries no cascade yet, and one may close a
/// cycle.
fn action_fix(advisor: &Advisor<'_>, key: &ForeignKey<'_>, action: &str) -> Option<Fix> {
    let context = advisor.context;
    let cascades_checked =
        context.is(Provider::SqlServer) || context.relation_mode == RelationMode::Prisma;
    let on_update_stops = matches!(
        key.relation.argument("onUpdate", None).and_then(|a| a.value.as_ref()),
        Some(Expression::Constant(action)) if matches!(action.text.as_str(), "NoAction" | "Restrict")
    );
    if action == "Cascade" && cascades_checked && on_update_stops {
        return None;
    }
    let last = key.relation.arguments().last()?;
    let at = Span {
        start: last.span.end,
        end: last.span.end,
        ..last.span
    };
    let argument = format!("onDelete: {action}");
    let title = if action == "Cascade" {
        format!(
            "Add `{argument}` (deleting {} `{}` deletes its `{}` rows)",
            article(key.parent),
            key.parent,
            key.child.name.text
        )
    } else {
        format!(
            "Add `{argument}` (deleting {} `{}` stays refused)",
            article(key.parent),
            key.parent
        )
    };
    Some(Fix {
        title,
        edits: vec![edits::replace(
            at,
            argument_after(advisor.schema, last.span, &argument),
        )],
        applicability: Applicability::Unsafe,
    })
}

/// The text that adds `argument` after the argument at `last`: on a line of its own,
/// indented like it, when the last argument starts its own line; else `, argument`.
fn argument_after(schema: &Schema, last: Span, argument: &str) -> String {
    let text = &schema.file(last.file).text;
    let start = last.start as usize;
    let line_start = crate::syntax::line_start(text, start);
    let before = text.get(line_start..start).unwrap_or_default();
    if before.trim().is_empty() && line_start > 0 {
        format!(",\n{before}{argument}")
    } else {
        format!(", {argument}")
    }
}

// ---------------------------------------------------------------------------------------------
// integrity/duplicate-link
// ---------------------------------------------------------------------------------------------

fn duplicate_links(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let schema = advisor.schema;
    let mut problems = Vec::new();
    for block in advised_models(schema) {
        let Some(pair) = link_pair(schema, block).or_else(|| identity_pair(block)) else {
            continue;
        };
        problems.clear();
        let keys = model_keys(schema, advisor.context, block, &mut problems);
        // Unique over the pair or part of it: no two rows link the same pair. Unique over
        // the pair and more (`[userId, teamId, role]`): two links differ on purpose.
        let decided = keys
            .primary_key
            .iter()
            .chain(&keys.indexes)
            .filter(|key| matches!(key.kind, KeyKind::Id | KeyKind::Unique))
            .any(|key| {
                let paths: Vec<&str> = key.fields.iter().map(|f| f.path).collect();
                paths.iter().all(|path| pair.columns.contains(path))
                    || pair.columns.iter().all(|column| paths.contains(column))
            });
        if decided {
            continue;
        }
        report_duplicate_link(advisor, block, &pair, out);
    }
}

/// What a model links, and the columns that say it.
struct Pair<'a> {
    columns: Vec<&'a str>,
    /// `links `Post` and `Tag``, `stores an identity of provider `provider``.
    what: String,
}

/// The two relations of a link table: exactly two relations, both required, with their
/// foreign keys in this model, no list of other rows, and no other column but an id,
/// timestamps, who did it (`…By`, `…ById`), and what kind of link it is (a `role`, a
/// `status`, a `type`, an enum, a flag). A column such as `position` or `quantity` makes the
/// same pair twice meaningful (a song twice in a playlist).
fn link_pair<'a>(schema: &'a Schema, block: &'a Block) -> Option<Pair<'a>> {
    let mut relations = Vec::new();
    for field in block.fields.iter().filter(|f| is_relation_field(schema, f)) {
        let fields = relation_scalar_fields(field);
        if is_list(field) || fields.is_empty() {
            // A list of other rows, or the other side of a one-to-one: an entity, not a link.
            return None;
        }
        relations.push((field, fields));
    }
    let [(first, first_columns), (second, second_columns)] = relations.as_slice() else {
        return None;
    };
    // One side named for who did it (`impersonatedBy`, `addedBy`): a row per event, not a
    // link. Items and entries (`OrderItem`, `LedgerEntry`) repeat a pair as their quantity.
    let names_an_actor = |field: &Field| {
        conventions::name_words(&field.name.text)
            .last()
            .is_some_and(|word| word == "by")
    };
    let words = conventions::name_words(&block.name.text);
    let is_item = words.last().is_some_and(|word| {
        matches!(
            word.as_str(),
            "item" | "items" | "line" | "lines" | "entry" | "entries"
        )
    });
    if names_an_actor(first) || names_an_actor(second) || is_item {
        return None;
    }
    let keys_required = |columns: &[&str]| {
        columns
            .iter()
            .all(|name| block.field(name).is_some_and(|f| !is_optional(f)))
    };
    if is_optional(first)
        || is_optional(second)
        || !keys_required(first_columns)
        || !keys_required(second_columns)
    {
        return None;
    }
    let mut columns: Vec<&str> = first_columns.clone();
    columns.extend(second_columns.iter().filter(|c| !first_columns.contains(c)));
    let bookkeeping = |field: &Field| {
        let name = field.name.text.as_str();
        let words = conventions::name_words(name);
        let last = words.last().map(String::as_str);
        field.attribute("id").is_some()
            || matches!(type_name(field), Some("DateTime" | "Boolean"))
            || matches!(
                last,
                Some("by" | "role" | "roles" | "status" | "type" | "kind")
            )
            || (matches!(last, Some("id")) && words.iter().rev().nth(1).is_some_and(|w| w == "by"))
            || schema
                .find_type(type_name(field).unwrap_or_default())
                .is_some_and(|b| b.kind == crate::model::BlockKind::Enum)
    };
    let extra = block
        .fields
        .iter()
        .filter(|f| !is_relation_field(schema, f) && !columns.contains(&f.name.text.as_str()))
        .any(|f| !bookkeeping(f));
    if extra {
        return None;
    }
    let (a, b) = (type_name(first)?, type_name(second)?);
    let what = if a == b {
        format!("links two `{a}` rows")
    } else {
        format!("links `{a}` and `{b}`")
    };
    Some(Pair { columns, what })
}

/// An external identity: the provider and the provider's id of an account (`provider` and
/// `providerAccountId` of Auth.js, `providerId` and `accountId` of better-auth).
fn identity_pair(block: &Block) -> Option<Pair<'_>> {
    const PAIRS: &[(&[&str], &[&str])] = &[
        (
            &["provider", "providerName", "provider_name"],
            &[
                "providerAccountId",
                "provider_account_id",
                "providerUserId",
                "provider_user_id",
                "providerId",
                "provider_id",
                "externalId",
                "external_id",
            ],
        ),
        (
            &["providerId", "provider_id"],
            &[
                "accountId",
                "account_id",
                "providerAccountId",
                "provider_account_id",
            ],
        ),
    ];
    // Sign-in accounts and identities; a calendar or messaging connection may link one
    // provider account to several rows of the application on purpose.
    let words = conventions::name_words(&block.name.text);
    let identity_like = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "account"
                | "accounts"
                | "identity"
                | "identities"
                | "login"
                | "logins"
                | "oauth"
                | "sso"
        )
    });
    if !identity_like {
        return None;
    }
    PAIRS.iter().find_map(|(providers, ids)| {
        let provider = providers.iter().find_map(|name| block.field(name))?;
        let id = ids
            .iter()
            .filter(|name| **name != provider.name.text)
            .find_map(|name| block.field(name))?;
        Some(Pair {
            columns: vec![provider.name.text.as_str(), id.name.text.as_str()],
            what: format!(
                "stores external identities (`{}` and `{}`)",
                provider.name.text, id.name.text
            ),
        })
    })
}

fn report_duplicate_link(
    advisor: &Advisor<'_>,
    block: &Block,
    pair: &Pair<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let list = pair.columns.join(", ");
    let attribute = format!("@@unique([{list}])");
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_DUPLICATE_LINK,
        block.name.span,
        format!(
            "`{}` {} with no unique constraint over `[{list}]`: the same pair can be stored twice; add `{attribute}`",
            block.name.text, pair.what
        ),
    ) else {
        return;
    };
    // Unsafe: rows that already repeat a pair make the migration fail.
    let insert: TextEdit = edits::insert_block_attribute(advisor.schema, block, &attribute);
    out.push(diagnostic.with_fix(Fix {
        title: format!("Add `{attribute}`"),
        edits: vec![insert],
        applicability: Applicability::Unsafe,
    }));
}
