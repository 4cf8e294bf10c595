//! tenant/global-unique: unique constraints that hold across all tenants.

use super::super::Advisor;
use super::super::conventions::{self, advised_models, field_list, relation_scalar_fields};
use super::super::edits;
use crate::analysis::{Applicability, Diagnostic, Fix, TextEdit, codes};
use crate::model::{Attribute, Block, Expression, Field, Schema};
use rustc_hash::FxHashSet;

/// Whether the field's default generates a value unique by construction (`cuid()`, `uuid()`,
/// `autoincrement()`, …): such a column cannot collide across tenants.
pub(super) fn has_generated_default(field: &Field) -> bool {
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

/// Whether the column holds globally unique ids (a UUID column, `@db.Uuid`, or one named
/// `uuid`, `guid`, `cuid`, `nanoid`, `ulid`, `uid`): a unique constraint with it can never
/// collide across tenants, so it tells no tenant about another.
fn holds_unique_ids(field: &Field) -> bool {
    let uuid_column = field.attributes.iter().any(|a| {
        a.name
            .text
            .split_once('.')
            .is_some_and(|(_, native)| matches!(native, "Uuid" | "UniqueIdentifier"))
    });
    uuid_column
        || words(&field.name.text).iter().any(|w| {
            matches!(
                w.as_str(),
                "uuid" | "guid" | "cuid" | "nanoid" | "ulid" | "uid"
            )
        })
}

/// Whether the tenant key is unique in the model (`teamId @unique`, `@@unique([teamId])`,
/// `@id`): one row per tenant.
fn one_row_per_tenant(block: &Block, key: &str) -> bool {
    block.field(key).is_some_and(|f| {
        f.attributes
            .iter()
            .any(|a| matches!(a.name.text.as_str(), "unique" | "id"))
    }) || block
        .attributes
        .iter()
        .filter(|a| matches!(a.name.text.as_str(), "unique" | "id"))
        .any(|a| field_list(a, "fields", Some(0)) == [key])
}

/// Whether a column holds values unique across tenants by nature: identifiers issued by the
/// application or another system (`publicId`, `stripeCustomerId`), secrets and lookup tokens
/// (a request finds its row by them before it knows the tenant), domain names, URLs and public
/// links (the DNS and the web make them global).
pub(super) fn is_global_by_nature(column: &str) -> bool {
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
pub(super) fn words(name: &str) -> Vec<String> {
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
pub(super) fn field_set<'a>(fields: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut set: Vec<&str> = fields.into_iter().collect();
    set.sort_unstable();
    set.dedup();
    set
}

pub(super) fn global_unique(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let schema = advisor.schema;
    let settings = advisor.settings;
    let key = settings.tenant_key.as_str();
    // What other relations reference, by model: those uniques must stay as they are.
    for block in advised_models(schema) {
        let name = block.name.text.as_str();
        let Some(tenant_key) = conventions::tenant_key(settings, block) else {
            continue;
        };
        // A model whose rows need no tenant (an optional key: shared rows beside the
        // tenants') keeps one namespace on purpose; one with a row per tenant (a unique key:
        // the tenant's verified email, its domain) names the tenant itself, as its slug does.
        if name == settings.tenant_model
            || settings.is_global_model(name)
            || conventions::is_optional(tenant_key)
            || one_row_per_tenant(block, key)
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
            .filter(|f| {
                f.attribute("id").is_some() || has_generated_default(f) || holds_unique_ids(f)
            })
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
        let is_referenced = |columns: &[&str]| {
            let columns = field_set(columns.iter().copied());
            advisor
                .referenced()
                .of_model(name)
                .iter()
                .any(|set| field_set(set.iter().copied()) == columns)
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
pub(super) fn with_unsafe_fix(
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

/// `email String @unique(map: "x")` → `@@unique([email, tenantId], map: "x")`, or only the
/// deletion when the per-tenant constraint exists already.
pub(super) fn field_unique_fix(
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
pub(super) fn block_unique_fix(
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
