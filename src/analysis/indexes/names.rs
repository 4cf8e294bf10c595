//! Constraint names in the database: primary keys, indexes, unique constraints, foreign keys
//! (and SQL Server's default constraints) must not share a name within the scope the provider
//! requires (per table, or per schema), whether the name is given with `map:` or is the one
//! Prisma generates (`User_pkey`, `User_email_key`, `Post_authorId_idx`, `Post_authorId_fkey`,
//! cut to the provider's identifier length). Names given with `map:` must also fit that length.

use super::parse::{Key, KeyKind, ModelKeys, field_kind, mapped_name};
use super::{container, written};
use crate::analysis::{Context, Diagnostic, codes};
use crate::catalog::Provider;
use crate::model::{Attribute, BlockKind, Expression, Schema, Span};
use rustc_hash::FxHashMap;

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Kind {
    PrimaryKey,
    Index,
    ForeignKey,
    Default,
}

/// The namespaces in which a provider requires constraint names to be unique.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum Scope {
    GlobalIndexes,
    GlobalForeignKeys,
    GlobalPrimaryKeysAndIndexes,
    GlobalPrimaryKeysForeignKeysDefaults,
    ModelIndexes,
    ModelPrimaryKeyAndIndexes,
    ModelPrimaryKeyIndexesForeignKeys,
}

impl Scope {
    fn is_global(self) -> bool {
        matches!(
            self,
            Scope::GlobalIndexes
                | Scope::GlobalForeignKeys
                | Scope::GlobalPrimaryKeysAndIndexes
                | Scope::GlobalPrimaryKeysForeignKeysDefaults
        )
    }

    /// Which constraints share the namespace.
    fn holds(self, kind: Kind) -> bool {
        match self {
            Scope::GlobalIndexes | Scope::ModelIndexes => kind == Kind::Index,
            Scope::GlobalForeignKeys => kind == Kind::ForeignKey,
            Scope::GlobalPrimaryKeysAndIndexes | Scope::ModelPrimaryKeyAndIndexes => {
                matches!(kind, Kind::PrimaryKey | Kind::Index)
            }
            Scope::GlobalPrimaryKeysForeignKeysDefaults => {
                matches!(kind, Kind::PrimaryKey | Kind::ForeignKey | Kind::Default)
            }
            Scope::ModelPrimaryKeyIndexesForeignKeys => {
                matches!(kind, Kind::PrimaryKey | Kind::Index | Kind::ForeignKey)
            }
        }
    }

    /// Whether a clash in this namespace is reported on a constraint of this kind.
    fn reported_on(self, kind: Kind) -> bool {
        match kind {
            Kind::Index => matches!(
                self,
                Scope::GlobalIndexes
                    | Scope::GlobalPrimaryKeysAndIndexes
                    | Scope::ModelIndexes
                    | Scope::ModelPrimaryKeyAndIndexes
            ),
            Kind::PrimaryKey => matches!(
                self,
                Scope::GlobalPrimaryKeysForeignKeysDefaults
                    | Scope::GlobalPrimaryKeysAndIndexes
                    | Scope::ModelPrimaryKeyAndIndexes
                    | Scope::ModelPrimaryKeyIndexesForeignKeys
            ),
            Kind::ForeignKey => matches!(
                self,
                Scope::GlobalForeignKeys
                    | Scope::GlobalPrimaryKeysForeignKeysDefaults
                    | Scope::ModelPrimaryKeyIndexesForeignKeys
            ),
            Kind::Default => self == Scope::GlobalPrimaryKeysForeignKeysDefaults,
        }
    }

    fn describe(self, model: &str) -> String {
        match self {
            Scope::GlobalIndexes => "all indexes and unique constraints of the schema".into(),
            Scope::GlobalForeignKeys => "all foreign keys of the schema".into(),
            Scope::GlobalPrimaryKeysAndIndexes => {
                "all primary keys, indexes and unique constraints of the schema".into()
            }
            Scope::GlobalPrimaryKeysForeignKeysDefaults => {
                "all primary keys, foreign keys and default constraints of the schema".into()
            }
            Scope::ModelIndexes => format!("the indexes and unique constraints of `{model}`"),
            Scope::ModelPrimaryKeyAndIndexes => {
                format!("the primary key, indexes and unique constraints of `{model}`")
            }
            Scope::ModelPrimaryKeyIndexesForeignKeys => format!(
                "the primary key, indexes, unique constraints and foreign keys of `{model}`"
            ),
        }
    }
}

fn scopes(provider: Provider) -> &'static [Scope] {
    match provider {
        Provider::PostgreSql => &[
            Scope::GlobalPrimaryKeysAndIndexes,
            Scope::ModelPrimaryKeyIndexesForeignKeys,
        ],
        Provider::CockroachDb => &[Scope::ModelPrimaryKeyIndexesForeignKeys],
        Provider::MySql => &[Scope::GlobalForeignKeys, Scope::ModelIndexes],
        Provider::Sqlite => &[Scope::GlobalIndexes],
        Provider::SqlServer => &[
            Scope::GlobalPrimaryKeysForeignKeysDefaults,
            Scope::ModelPrimaryKeyAndIndexes,
        ],
        Provider::MongoDb => &[Scope::ModelIndexes],
    }
}

/// The longest identifier the database accepts, in bytes.
pub(crate) fn max_identifier_length(provider: Provider) -> usize {
    match provider {
        Provider::PostgreSql | Provider::CockroachDb => 63,
        Provider::MySql => 64,
        Provider::SqlServer => 128,
        Provider::MongoDb => 127,
        Provider::Sqlite => 10_000,
    }
}

/// A constraint with its name, where a clash is reported.
struct Constraint<'a> {
    kind: Kind,
    model: usize,
    name: String,
    span: Span,
    attribute: Option<&'a Attribute>,
}

/// `{prefix}{suffix}`, with the prefix cut (at a character boundary) so that the whole
/// fits the identifier limit, as Prisma generates names.
pub(crate) fn generated(prefix: String, suffix: &str, limit: usize) -> String {
    let mut name = prefix;
    let room = limit.saturating_sub(suffix.len());
    if name.len() >= room {
        let mut cut = room.min(name.len());
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
    }
    name.push_str(suffix);
    name
}

/// `{table}_{column}_{column}…`: the start of a generated index name.
fn index_name_prefix(table: &str, key: &Key<'_>) -> String {
    let mut name = String::with_capacity(table.len() + 8 + key.fields.len() * 12);
    name.push_str(table);
    for field in &key.fields {
        name.push('_');
        if field.path.contains('.') {
            name.push_str(field.path);
        } else {
            name.push_str(mapped_name(field.field).unwrap_or(field.path));
        }
    }
    name
}

/// The database name of an index or unique constraint: its `map:`, else the name Prisma
/// generates (`{table}_{columns}_idx` / `_key`, cut to the provider's identifier limit).
pub(crate) fn index_name(provider: Provider, table: &str, key: &Key<'_>) -> String {
    match key.map {
        Some((map, _)) => map.to_string(),
        None => {
            let suffix = if key.kind == KeyKind::Unique {
                "_key"
            } else {
                "_idx"
            };
            generated(
                index_name_prefix(table, key),
                suffix,
                max_identifier_length(provider),
            )
        }
    }
}

pub(super) fn check(
    schema: &Schema,
    context: &Context,
    models: &[ModelKeys<'_>],
    out: &mut Vec<Diagnostic>,
) {
    let Some(provider) = context.provider else {
        return;
    };
    let limit = max_identifier_length(provider);
    let mut constraints: Vec<Constraint<'_>> = Vec::new();
    let mut model_schemas: Vec<Option<&str>> = Vec::with_capacity(models.len());
    for (position, keys) in models.iter().enumerate() {
        let block = keys.block;
        model_schemas.push(keys.schema_name);
        let table = keys.table;
        if let Some(pk) = &keys.primary_key {
            check_length(keys, pk, limit, out);
            let name = match pk.map {
                Some((map, _)) => Some(map.to_string()),
                None if super::supports_named_primary_keys(provider) => {
                    Some(generated(table.to_string(), "_pkey", limit))
                }
                None => None,
            };
            if let Some(name) = name {
                constraints.push(Constraint {
                    kind: Kind::PrimaryKey,
                    model: position,
                    name,
                    span: pk.map.map_or(pk.attribute.span, |(_, span)| span),
                    attribute: Some(pk.attribute),
                });
            }
        }
        for index in &keys.indexes {
            check_length(keys, index, limit, out);
            let name = index_name(provider, table, index);
            let span = index
                .map
                .map(|(_, span)| span)
                .or_else(|| index.name.map(|(_, span)| span))
                .unwrap_or(index.attribute.span);
            constraints.push(Constraint {
                kind: Kind::Index,
                model: position,
                name,
                span,
                attribute: Some(index.attribute),
            });
        }
        if block.kind != BlockKind::Model {
            continue;
        }
        for &(field, relation) in &keys.relations {
            if let Some(listed) = relation
                .argument("fields", None)
                .and_then(|a| a.value.as_ref())
                .map(Expression::as_list)
                && !listed.is_empty()
                && matches!(field_kind(schema, field), super::parse::FieldKind::Relation)
            {
                let map = relation.argument("map", None).and_then(|a| {
                    a.value
                        .as_ref()
                        .and_then(Expression::as_str)
                        .map(|v| (v, a.span))
                });
                let name = match map {
                    Some((map, _)) => map.to_string(),
                    None => {
                        let mut prefix = String::with_capacity(table.len() + 16);
                        prefix.push_str(table);
                        for item in listed {
                            if let Expression::Constant(ident) = item {
                                prefix.push('_');
                                prefix.push_str(
                                    block
                                        .field(&ident.text)
                                        .and_then(mapped_name)
                                        .unwrap_or(&ident.text),
                                );
                            }
                        }
                        generated(prefix, "_fkey", limit)
                    }
                };
                if let Some((map, span)) = map
                    && map.len() > limit
                {
                    out.push(Diagnostic::error(
                        codes::CONSTRAINT_NAME_LENGTH,
                        span,
                        format!(
                            "The foreign key name `{map}` of relation field `{}` in model `{}` is {} bytes long; the provider allows at most {limit}.",
                            field.name.text,
                            block.name.text,
                            map.len()
                        ),
                    ));
                }
                constraints.push(Constraint {
                    kind: Kind::ForeignKey,
                    model: position,
                    name,
                    span: map.map_or(field.span, |(_, span)| span),
                    attribute: None,
                });
            }
        }
        for &(field, default) in &keys.defaults {
            let map = default.argument("map", None);
            let name = match map
                .and_then(|a| a.value.as_ref())
                .and_then(Expression::as_str)
            {
                Some(map) => map.to_string(),
                None => {
                    let column = mapped_name(field).unwrap_or(&field.name.text);
                    generated(format!("{table}_{column}"), "_df", limit)
                }
            };
            constraints.push(Constraint {
                kind: Kind::Default,
                model: position,
                name,
                span: map.map_or(default.span, |a| a.span),
                attribute: None,
            });
        }
    }
    for &scope in scopes(provider) {
        // (schema or model, name) -> constraints
        let mut groups: FxHashMap<(usize, Option<&str>, &str), Vec<usize>> = FxHashMap::default();
        for (index, constraint) in constraints.iter().enumerate() {
            if !scope.holds(constraint.kind) {
                continue;
            }
            let key = if scope.is_global() {
                (
                    usize::MAX,
                    model_schemas[constraint.model],
                    constraint.name.as_str(),
                )
            } else {
                (constraint.model, None, constraint.name.as_str())
            };
            groups.entry(key).or_default().push(index);
        }
        for members in groups.values() {
            if members.len() < 2 {
                continue;
            }
            for &member in members {
                let constraint = &constraints[member];
                if !scope.reported_on(constraint.kind) {
                    continue;
                }
                let keys = &models[constraint.model];
                let what = match (constraint.kind, constraint.attribute) {
                    (Kind::ForeignKey, _) => "The foreign key".to_string(),
                    (Kind::Default, _) => "The default constraint".to_string(),
                    (_, Some(attribute)) => format!("`{}`", written(attribute)),
                    _ => "The constraint".to_string(),
                };
                let other = members
                    .iter()
                    .find(|&&m| m != member)
                    .map(|&m| &constraints[m]);
                let mut diagnostic = Diagnostic::error(
                    codes::CONSTRAINT_NAME_CLASH,
                    constraint.span,
                    format!(
                        "{what} of {} `{}` is named `{}` in the database, and so is another constraint; names must be unique among {}. Choose another name with `map:`.",
                        container(keys.block),
                        keys.block.name.text,
                        constraint.name,
                        scope.describe(&keys.block.name.text)
                    ),
                );
                if let Some(other) = other {
                    diagnostic = diagnostic
                        .with_related(other.span, format!("`{}` is also used here", other.name));
                }
                out.push(diagnostic);
            }
        }
    }
}

/// A name given with `map:` must fit the provider's identifier length.
fn check_length(keys: &ModelKeys<'_>, key: &Key<'_>, limit: usize, out: &mut Vec<Diagnostic>) {
    let Some((name, _)) = key.map else {
        return;
    };
    if name.len() > limit {
        out.push(Diagnostic::error(
            codes::CONSTRAINT_NAME_LENGTH,
            key.attribute.span,
            format!(
                "The database name `{name}` of `{}` in {} `{}` is {} bytes long; the provider allows at most {limit}.",
                written(key.attribute),
                container(keys.block),
                keys.block.name.text,
                name.len()
            ),
        ));
    }
}
