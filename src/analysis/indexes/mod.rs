//! Identifiers and indexes: `@id`/`@@id`, `@unique`/`@@unique`, `@@index`, `@@fulltext` and
//! shard keys: their field lists and arguments (length, sort, clustering, index types,
//! operator classes) per provider, and clashes between constraint names.
//!
//! Works in two passes, as Prisma does. The first reads every key attribute of every model
//! and view (arguments, field lists) and reports what is malformed. The second, which runs
//! only when the schema has no error so far (so that a typo does not cascade into a dozen
//! follow-up reports), checks the keys against each other and against the provider.

pub(crate) mod names;
mod operator_classes;
pub(crate) mod parse;

use super::{Applicability, Context, Diagnostic, Fix, TextEdit, codes};
use crate::catalog::Provider;
use crate::model::{Arity, Attribute, Block, BlockKind, Schema, Span};
use parse::{Key, KeyKind, ModelKeys};

/// What this module reads from a block, for the cache of its results (with the context and
/// the declared types, see `analysis::Analyzer`): the block's kind, name, syntax health and
/// block attributes; the fields that carry a key or relation attribute (and, on SQL Server,
/// whose default constraints are named, a default) or that a key or `@relation(fields: …)`
/// names, or that is named like a compound key's client name. Typing a plain field elsewhere
/// keeps it. Returns the fingerprint for other
/// providers and the one for SQL Server.
pub(super) fn fingerprint(source: &crate::model::SourceFile, block: &Block) -> [u64; 2] {
    [
        block_fingerprint(source, block, false),
        block_fingerprint(source, block, true),
    ]
}

fn block_fingerprint(source: &crate::model::SourceFile, block: &Block, sql_server: bool) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = rustc_hash::FxHasher::default();
    (block.kind as u8).hash(&mut hasher);
    block.name.text.hash(&mut hasher);
    block.syntax_errors.is_empty().hash(&mut hasher);
    let mut named: Vec<&str> = Vec::new();
    // Client names of compound keys (`a_b`, or their `name:`): a field of that name clashes.
    let mut client_names: Vec<String> = Vec::new();
    for attribute in &block.attributes {
        source.slice(attribute.span).hash(&mut hasher);
        if let Some(value) = attribute
            .argument("fields", Some(0))
            .and_then(|a| a.value.as_ref())
        {
            let list: Vec<&str> = value
                .as_list()
                .iter()
                .filter_map(|item| match item {
                    crate::model::Expression::Constant(name) => Some(name.text.as_str()),
                    crate::model::Expression::Function { name, .. } => Some(name.text.as_str()),
                    _ => None,
                })
                .collect();
            if list.len() > 1 {
                client_names.push(list.join("_"));
                if let Some(name) = attribute
                    .argument("name", None)
                    .and_then(|a| a.value.as_ref())
                    .and_then(crate::model::Expression::as_str)
                {
                    client_names.push(name.to_string());
                }
            }
            named.extend(list);
        }
    }
    for field in &block.fields {
        for relation in field
            .attributes
            .iter()
            .filter(|a| a.name.text == "relation")
        {
            if let Some(value) = relation
                .argument("fields", None)
                .and_then(|a| a.value.as_ref())
            {
                named.extend(value.as_list().iter().filter_map(|item| match item {
                    crate::model::Expression::Constant(name) => Some(name.text.as_str()),
                    _ => None,
                }));
            }
        }
    }
    for field in &block.fields {
        let relevant = named.contains(&field.name.text.as_str())
            || client_names.contains(&field.name.text)
            || field.attributes.iter().any(|a| match a.name.text.as_str() {
                "id" | "unique" | "shardKey" | "relation" => true,
                "default" => sql_server,
                _ => false,
            });
        if relevant {
            source.slice(field.span).hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// Reading: the key attributes' field lists and arguments. Validation (only when every key
/// reads): the provider's rules, operator classes, clustering, constraint names, and the
/// unique criteria every model needs.
pub(super) fn check(schema: &Schema, context: &Context, findings: &mut super::Findings) {
    let out = &mut findings.reading;
    let mut models: Vec<ModelKeys<'_>> = Vec::new();
    let mut malformed = false;
    for block in schema.blocks() {
        if !matches!(block.kind, BlockKind::Model | BlockKind::View) || block.name.is_missing() {
            continue;
        }
        // A block being typed (with syntax errors) would only yield follow-up reports.
        if !block.syntax_errors.is_empty() {
            malformed = true;
            continue;
        }
        let before = out.len();
        let keys = parse::model_keys(schema, context, block, out);
        malformed |= out.len() > before;
        models.push(keys);
    }
    if malformed {
        return;
    }
    let out = &mut findings.validation;
    for keys in &models {
        check_model(schema, context, keys, out);
    }
    names::check(schema, context, &models, out);
}

/// The line-preserving narrowing of a span: `inner` when it starts on the same line as
/// `outer` (so the diagnostic stays on the line Prisma reports), else `outer`.
fn narrow(schema: &Schema, outer: Span, inner: Span) -> Span {
    let file = schema.file(outer.file);
    let lines = &file.line_index;
    if inner.file == outer.file
        && lines.line_of(inner.start as usize) == lines.line_of(outer.start as usize)
    {
        inner
    } else {
        outer
    }
}

/// How the attribute is written, for messages: `@id`, `@@unique`, …
fn written(attribute: &Attribute) -> String {
    let at = if attribute.is_block { "@@" } else { "@" };
    format!("{at}{}", attribute.name.text)
}

fn container(block: &Block) -> &'static str {
    if block.kind == BlockKind::View {
        "view"
    } else {
        "model"
    }
}

/// Checks of the second pass that concern one model or view.
fn check_model(
    schema: &Schema,
    context: &Context,
    keys: &ModelKeys<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let block = keys.block;
    let provider = context.provider;
    if block.kind == BlockKind::View {
        check_view(keys, out);
        return;
    }
    if let Some(pk) = &keys.primary_key {
        check_primary_key(schema, context, keys, pk, out);
    }
    if block.kind == BlockKind::Model && !keys.ignored {
        check_unique_criteria(keys, out);
    }
    if provider == Some(Provider::MongoDb) && block.kind == BlockKind::Model {
        check_mongo_id(keys, out);
    }
    let mut fulltext_count = 0;
    for index in &keys.indexes {
        check_index(schema, context, keys, index, out);
        if index.kind == KeyKind::Fulltext {
            fulltext_count += 1;
        }
    }
    if fulltext_count > 1 && provider == Some(Provider::MongoDb) {
        for index in keys.indexes.iter().filter(|i| i.kind == KeyKind::Fulltext) {
            out.push(Diagnostic::error(
                codes::INDEX_FULLTEXT,
                index.attribute.span,
                format!(
                    "MongoDB allows only one `@@fulltext` index per collection, and model `{}` has {fulltext_count}.",
                    block.name.text
                ),
            ));
        }
    }
    check_custom_names(keys, out);
    check_clustering(context, keys, out);
    if let Some(shard_key) = &keys.shard_key {
        check_shard_key(context, shard_key, out);
    }
}

/// Views have no primary key and no indexes in the database: their `@@unique`s only tell
/// Prisma Client what is unique, so they take no database-side settings.
fn check_view(keys: &ModelKeys<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(pk) = &keys.primary_key {
        out.push(Diagnostic::error(
            codes::VIEW_KEY,
            pk.attribute.span,
            format!(
                "Views cannot have a primary key: use `@unique` or `@@unique` instead of `{}`.",
                written(pk.attribute)
            ),
        ));
    }
    for index in &keys.indexes {
        let attribute = index.attribute;
        let label = written(attribute);
        if index.kind != KeyKind::Unique {
            out.push(Diagnostic::error(
                codes::VIEW_KEY,
                attribute.span,
                format!("Views cannot have indexes such as `{label}`."),
            ));
            continue;
        }
        let mut unsupported = Vec::new();
        if index.clustered.is_some() {
            unsupported.push("`clustered:`");
        }
        if index.map.is_some() {
            unsupported.push("`map:`");
        }
        if index
            .fields
            .iter()
            .any(|f| f.sort.is_some() || f.length.is_some() || f.ops.is_some())
        {
            unsupported.push("field arguments (`sort:`, `length:`)");
        }
        if !unsupported.is_empty() {
            out.push(Diagnostic::error(
                codes::VIEW_KEY,
                attribute.span,
                format!(
                    "A `{label}` on a view has no index in the database behind it, so it takes no {}.",
                    unsupported.join(" or ")
                ),
            ));
        }
    }
}

fn check_primary_key(
    schema: &Schema,
    context: &Context,
    keys: &ModelKeys<'_>,
    pk: &Key<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let block = keys.block;
    let attribute = pk.attribute;
    let label = written(attribute);
    let provider = context.provider;
    if pk.fields.is_empty() {
        out.push(Diagnostic::error(
            codes::ID_EMPTY,
            attribute.span,
            format!("`{label}` needs at least one field in its list."),
        ));
        return;
    }
    if pk.fields.len() > 1
        && let Some(clash) = keys.field_named_like(pk)
    {
        let generated = &clash.name.text;
        out.push(Diagnostic::error(
            codes::ID_NAME_CLASH,
            attribute.span,
            format!(
                "Prisma Client names this compound id `{generated}`, which is already the name of a field of {} `{}`. Give the id another name with `name: \"...\"`.",
                container(block),
                block.name.text
            ),
        ));
    }
    if let Some((name, _)) = pk.name
        && block.field(name).is_some()
    {
        out.push(Diagnostic::error(
            codes::ID_NAME_CLASH,
            block.name.span,
            format!(
                "The name `{name}` given to `{label}` is already the name of a field of {} `{}`; choose another one.",
                container(block),
                block.name.text
            ),
        ));
    }
    let Some(provider) = provider else {
        return;
    };
    if pk.fields.iter().any(|f| f.length.is_some()) && !provider.supports_index_length() {
        out.push(Diagnostic::error(
            codes::INDEX_LENGTH,
            attribute.span,
            format!(
                "{} does not support a `length:` prefix in a primary key.",
                provider.display_name()
            ),
        ));
    }
    if pk.fields.iter().any(|f| f.sort.is_some()) && !provider.supports_primary_key_sort() {
        out.push(Diagnostic::error(
            codes::INDEX_SORT,
            attribute.span,
            format!(
                "{} does not support a `sort:` order in a primary key.",
                provider.display_name()
            ),
        ));
    }
    if pk.map.is_some() && !supports_named_primary_keys(provider) {
        out.push(Diagnostic::error(
            codes::ID_MAP,
            block.name.span,
            format!(
                "{} does not support naming the primary key: remove `map:` from `{label}` of {} `{}`.",
                provider.display_name(),
                container(block),
                block.name.text
            ),
        ));
    }
    if pk.fields.len() > 1 && provider == Provider::MongoDb {
        out.push(Diagnostic::error(
            codes::ID_COMPOUND,
            attribute.span,
            "MongoDB does not support compound ids: a document has a single `_id` field.",
        ));
    }
    if provider.supports_index_length() {
        check_length_types(pk, out);
    }
    if provider == Provider::SqlServer
        && let Some(field) = pk.fields.iter().find(|f| f.scalar_type() == Some("Bytes"))
    {
        out.push(Diagnostic::error(
            codes::ID_TYPE,
            narrow(schema, attribute.span, field.span),
            format!(
                "SQL Server does not allow a `Bytes` field such as `{}` in a primary key.",
                field.path
            ),
        ));
    }
    if pk.clustered.is_some() && !provider.supports_clustering() {
        out.push(Diagnostic::error(
            codes::INDEX_CLUSTERED,
            attribute.span,
            format!(
                "{} does not support choosing clustering (`clustered:` is for SQL Server).",
                provider.display_name()
            ),
        ));
    }
}

/// Whether the provider lets the primary key constraint be named (`map:`).
fn supports_named_primary_keys(provider: Provider) -> bool {
    matches!(
        provider,
        Provider::PostgreSql | Provider::CockroachDb | Provider::SqlServer
    )
}

/// `length:` is only meaningful for strings and bytes (checked where the provider allows it).
fn check_length_types(key: &Key<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(field) = key.fields.iter().find(|f| {
        f.length.is_some()
            && !f.is_unsupported()
            && !matches!(f.scalar_type(), Some("String" | "Bytes"))
    }) {
        out.push(Diagnostic::error(
            codes::INDEX_LENGTH,
            key.attribute.span,
            format!(
                "`length:` only applies to `String` and `Bytes` fields, not to `{}` in `{}`.",
                field.path,
                written(key.attribute)
            ),
        ));
    }
}

/// Every model needs a primary key or a unique constraint over required fields only.
fn check_unique_criteria(keys: &ModelKeys<'_>, out: &mut Vec<Diagnostic>) {
    let criteria = keys
        .primary_key
        .iter()
        .chain(keys.indexes.iter().filter(|i| i.kind == KeyKind::Unique));
    let mut loose = Vec::new();
    for key in criteria {
        if key.fields.iter().any(|f| f.is_unsupported()) {
            continue;
        }
        // A list is not optional: Prisma counts a unique list as a strict criterion.
        if key.fields.iter().all(|f| f.arity() != Arity::Optional) {
            return;
        }
        loose.push(
            key.fields
                .iter()
                .map(|f| f.path)
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    let block = keys.block;
    let mut message = format!(
        "Model `{}` has no unique criteria over required fields only: mark a required field with `@id` or `@unique`, or add `@@id([...])` or `@@unique([...])`.",
        block.name.text
    );
    if !loose.is_empty() {
        message.push_str(" These do not count because some of their fields are optional: ");
        message.push_str(
            &loose
                .iter()
                .map(|l| format!("[{l}]"))
                .collect::<Vec<_>>()
                .join(", "),
        );
        message.push('.');
    }
    out.push(Diagnostic::error(
        codes::ID_MISSING,
        block.name.span,
        message,
    ));
}

/// MongoDB: every model needs an `@id`, and a single-field id must be stored as `_id`.
fn check_mongo_id(keys: &ModelKeys<'_>, out: &mut Vec<Diagnostic>) {
    let block = keys.block;
    // `@default(auto())` off the id is reported with the other defaults (`attributes`).
    let Some(pk) = &keys.primary_key else {
        out.push(Diagnostic::error(
            codes::ID_MISSING,
            block.name.span,
            format!(
                "MongoDB models need exactly one `@id` field, and model `{}` has none.",
                block.name.text
            ),
        ));
        return;
    };
    if pk.fields.len() != 1 {
        return;
    }
    let field = pk.fields[0].field;
    if field.name.text == "_id" {
        return;
    }
    let mapped = parse::mapped_name(field);
    if mapped == Some("_id") {
        return;
    }
    let message = match mapped {
        Some(other) => format!(
            "On MongoDB the id field `{}` must be stored as `_id`: use `@map(\"_id\")` instead of `@map(\"{other}\")`.",
            field.name.text
        ),
        None => format!(
            "On MongoDB the id field `{}` must be stored as `_id`: add `@map(\"_id\")`.",
            field.name.text
        ),
    };
    let mut diagnostic = Diagnostic::error(codes::ID_MONGO_MAP, field.name.span, message);
    // `@map("_id")` added, or the other `@map` argument replaced.
    let edit = match field.attribute("map") {
        Some(map) => map
            .argument("name", Some(0))
            .and_then(|argument| argument.value.as_ref())
            .map(|value| TextEdit {
                span: value.span(),
                new_text: "\"_id\"".to_string(),
            }),
        None => Some(crate::analysis::edits::append_field_attribute(
            field,
            "@map(\"_id\")",
        )),
    };
    if let Some(edit) = edit
        && block.syntax_errors.is_empty()
    {
        diagnostic = diagnostic.with_fix(Fix {
            title: "Store the id as `_id`: `@map(\"_id\")`".to_string(),
            edits: vec![edit],
            applicability: Applicability::Safe,
        });
    }
    out.push(diagnostic);
}

fn check_index(
    schema: &Schema,
    context: &Context,
    keys: &ModelKeys<'_>,
    index: &Key<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let block = keys.block;
    let attribute = index.attribute;
    let label = written(attribute);
    if index.fields.is_empty() {
        out.push(Diagnostic::error(
            codes::INDEX_EMPTY,
            attribute.span,
            format!("`{label}` needs at least one field in its list."),
        ));
        return;
    }
    // A compound unique gets a client name made of its fields; it must not be a field's name.
    if index.kind == KeyKind::Unique
        && index.fields.len() > 1
        && let Some(clash) = keys.field_named_like(index)
    {
        let generated = &clash.name.text;
        out.push(Diagnostic::error(
            codes::INDEX_NAME_CLASH,
            attribute.span,
            format!(
                "Prisma Client names this compound unique `{generated}`, which is already the name of a field of {} `{}`. Give it another name with `name: \"...\"`.",
                container(block),
                block.name.text
            ),
        ));
    }
    if index.kind == KeyKind::Unique
        && let Some((name, _)) = index.name
        && block.field(name).is_some()
    {
        out.push(Diagnostic::error(
            codes::INDEX_NAME_CLASH,
            block.name.span,
            format!(
                "The name `{name}` given to `{label}` is already the name of a field of {} `{}`; choose another one.",
                container(block),
                block.name.text
            ),
        ));
    }
    if index.kind == KeyKind::Unique
        && index.fields.len() > 1
        && let Some(field) = index.fields.iter().find(|f| f.composite_leaf())
    {
        out.push(Diagnostic::error(
            codes::INDEX_COMPOSITE,
            attribute.span,
            format!(
                "Prisma does not support composite-type fields such as `{}` in a unique constraint over several fields; list its scalar fields instead (`{}.field`).",
                field.path, field.path
            ),
        ));
    }
    if index.kind != KeyKind::Index && index.fields.iter().any(|f| f.ops.is_some()) {
        out.push(Diagnostic::error(
            codes::INDEX_OPS,
            attribute.span,
            format!("Operator classes (`ops:`) are only allowed in `@@index`, not in `{label}`."),
        ));
    }
    let Some(provider) = context.provider else {
        return;
    };
    let has_length = index.fields.iter().any(|f| f.length.is_some());
    if has_length && !provider.supports_index_length() {
        out.push(Diagnostic::error(
            codes::INDEX_LENGTH,
            attribute.span,
            format!(
                "{} does not support a `length:` prefix in an index.",
                provider.display_name()
            ),
        ));
    }
    if provider.supports_index_length() {
        check_length_types(index, out);
    }
    if index.kind == KeyKind::Fulltext {
        if !provider.supports_fulltext_index() {
            out.push(Diagnostic::error(
                codes::INDEX_FULLTEXT,
                attribute.span,
                format!(
                    "{} does not support `@@fulltext` indexes (only MySQL and MongoDB do).",
                    provider.display_name()
                ),
            ));
        } else {
            if has_length && provider.supports_index_length() {
                out.push(Diagnostic::error(
                    codes::INDEX_LENGTH,
                    attribute.span,
                    "`length:` is not allowed in a `@@fulltext` index.",
                ));
            }
            let has_sort = index.fields.iter().any(|f| f.sort.is_some());
            if provider == Provider::MongoDb {
                check_fulltext_adjacent(index, out);
            } else if has_sort {
                out.push(Diagnostic::error(
                    codes::INDEX_SORT,
                    attribute.span,
                    format!(
                        "{} does not support a `sort:` order in a `@@fulltext` index.",
                        provider.display_name()
                    ),
                ));
            }
        }
    }
    if let Some((algorithm, span)) = index.algorithm {
        if !index_type_supported(provider, algorithm) {
            out.push(Diagnostic::error(
                codes::INDEX_TYPE,
                span,
                format!(
                    "{} does not support index type `{algorithm}`.",
                    provider.display_name()
                ),
            ));
        } else if algorithm == "Hash" && index.fields.iter().any(|f| f.sort.is_some()) {
            out.push(Diagnostic::error(
                codes::INDEX_SORT,
                attribute.span,
                "A `Hash` index has no order: remove `sort:` from its fields.",
            ));
        }
    }
    if index.clustered.is_some() && !provider.supports_clustering() {
        out.push(Diagnostic::error(
            codes::INDEX_CLUSTERED,
            attribute.span,
            format!(
                "{} does not support choosing clustering (`clustered:` is for SQL Server).",
                provider.display_name()
            ),
        ));
    }
    match provider {
        Provider::PostgreSql => operator_classes::check_postgres(schema, index, out),
        Provider::CockroachDb => operator_classes::check_cockroach(index, out),
        Provider::MongoDb => check_mongo_index(keys, index, out),
        _ => {}
    }
}

/// MongoDB wants the text fields of a fulltext index listed together (fields with a sort
/// order may come before and after them).
fn check_fulltext_adjacent(index: &Key<'_>, out: &mut Vec<Diagnostic>) {
    // 0: only sorted fields so far; 1: in the text fields; 2: sorted fields after them.
    let mut state = 0;
    for field in &index.fields {
        let sorted = field.sort.is_some();
        state = match (state, sorted) {
            (0, true) => 0,
            (0 | 1, false) => 1,
            (1 | 2, true) => 2,
            _ => {
                out.push(Diagnostic::error(
                    codes::INDEX_FULLTEXT,
                    index.attribute.span,
                    "MongoDB needs the text fields of a `@@fulltext` index listed next to each other (sorted fields may only come before or after them).",
                ));
                return;
            }
        };
    }
}

/// MongoDB: no two indexes over the same fields, and no unique constraint on the id field.
fn check_mongo_index(keys: &ModelKeys<'_>, index: &Key<'_>, out: &mut Vec<Diagnostic>) {
    let same_fields = |other: &Key<'_>| {
        other.fields.len() == index.fields.len()
            && other
                .fields
                .iter()
                .zip(&index.fields)
                .all(|(a, b)| a.path == b.path && a.sort_order() == b.sort_order())
    };
    if keys
        .indexes
        .iter()
        .any(|other| !std::ptr::eq(other, index) && same_fields(other))
    {
        out.push(Diagnostic::error(
            codes::INDEX_DUPLICATE,
            index.attribute.span,
            format!(
                "Model `{}` already has an index over these fields.",
                keys.block.name.text
            ),
        ));
    }
    if index.kind == KeyKind::Unique
        && index.fields.len() == 1
        && let Some(pk) = &keys.primary_key
        && pk.fields.len() == 1
        && pk.fields[0].path == index.fields[0].path
    {
        out.push(Diagnostic::error(
            codes::INDEX_DUPLICATE,
            index.attribute.span,
            format!(
                "On MongoDB the id field `{}` is unique already: remove this unique constraint.",
                index.fields[0].path
            ),
        ));
    }
}

/// Which `type:` values each provider accepts.
fn index_type_supported(provider: Provider, algorithm: &str) -> bool {
    match provider {
        Provider::PostgreSql => true,
        Provider::CockroachDb => matches!(algorithm, "BTree" | "Gin"),
        _ => algorithm == "BTree",
    }
}

/// The client names (`name:`) of a model's id and compound uniques must differ.
fn check_custom_names(keys: &ModelKeys<'_>, out: &mut Vec<Diagnostic>) {
    let named: Vec<(&str, Span, &Attribute)> = keys
        .primary_key
        .iter()
        .chain(keys.indexes.iter().filter(|i| i.kind == KeyKind::Unique))
        .filter_map(|k| k.name.map(|(name, span)| (name, span, k.attribute)))
        .collect();
    if named.len() < 2 {
        return;
    }
    for (name, span, attribute) in &named {
        if named.iter().filter(|(other, ..)| other == name).count() > 1 {
            out.push(Diagnostic::error(
                codes::INDEX_NAME_CLASH,
                *span,
                format!(
                    "Another id or unique constraint of {} `{}` is also named `{name}`; the `name:` of `{}` must be unique within the model.",
                    container(keys.block),
                    keys.block.name.text,
                    written(attribute)
                ),
            ));
        }
    }
}

/// SQL Server: at most one clustered index or key per table; the primary key is clustered
/// unless it says `clustered: false`.
fn check_clustering(context: &Context, keys: &ModelKeys<'_>, out: &mut Vec<Diagnostic>) {
    if !context.provider.is_some_and(Provider::supports_clustering) {
        return;
    }
    let clustered_indexes: Vec<&Key<'_>> = keys
        .indexes
        .iter()
        .filter(|i| i.clustered == Some(true))
        .collect();
    if clustered_indexes.is_empty() {
        return;
    }
    let pk_clustered = keys
        .primary_key
        .as_ref()
        .filter(|pk| pk.clustered != Some(false));
    if let Some(pk) = pk_clustered {
        out.push(Diagnostic::error(
            codes::INDEX_CLUSTERED,
            pk.attribute.span,
            format!(
                "The primary key of {} `{}` is clustered, and so is another index: a table can have only one clustered index. Add `clustered: false` here or remove it there.",
                container(keys.block),
                keys.block.name.text
            ),
        ));
    }
    for index in &clustered_indexes {
        let message = if pk_clustered.is_some() {
            "The primary key is clustered already (it is unless it says `clustered: false`): a table can have only one clustered index."
        } else if clustered_indexes.len() > 1 {
            "Only one index of a table can be clustered."
        } else {
            continue;
        };
        out.push(Diagnostic::error(
            codes::INDEX_CLUSTERED,
            index.attribute.span,
            message,
        ));
    }
}

fn check_shard_key(context: &Context, key: &Key<'_>, out: &mut Vec<Diagnostic>) {
    let attribute = key.attribute;
    if attribute.is_block && key.fields.is_empty() {
        out.push(Diagnostic::error(
            codes::SHARD_KEY,
            attribute.span,
            "`@@shardKey` needs at least one field in its list.",
        ));
    }
    if !context.has_preview_feature("shardKeys") {
        out.push(Diagnostic::error(
            codes::SHARD_KEY,
            attribute.span,
            "Shard keys need the `shardKeys` preview feature in the generator's `previewFeatures`.",
        ));
    }
    if let Some(provider) = context.provider
        && !provider.supports_shard_keys()
    {
        out.push(Diagnostic::error(
            codes::SHARD_KEY,
            attribute.span,
            format!(
                "{} does not support shard keys (they are for PlanetScale/Vitess MySQL).",
                provider.display_name()
            ),
        ));
    }
}
