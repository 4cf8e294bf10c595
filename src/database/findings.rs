//! The findings of database-aware advice: pure functions of a schema and a
//! [`DatabaseSnapshot`] (reading the database is `database::read`'s business).
//!
//! - `db/drift`: a table, column (by name, nullability, and type where Prisma's mapping is
//!   certain: see `names::expected_type`), primary key, unique constraint, index or foreign
//!   key (by name, columns, referenced table and columns, and referential actions) that the
//!   schema declares and the database lacks or has otherwise, and the reverse (tables of the
//!   schemas the Prisma schema covers, except `_prisma_migrations`, and columns, indexes
//!   and foreign keys of its tables that it does not declare).
//! - `db/unused-index`: an index never scanned since the statistics were reset; never a
//!   unique or primary-key index.
//! - `db/partial-index`: a partial index (`WHERE ...`) the schema does not declare with
//!   `where:`: Prisma's next migration would drop or rebuild it.
//! - Evidence for `index/missing-fk-index` from the child table's sequential scans.
//! - Hover text about a model's table and a field's column.

use super::names::{
    DatabaseNames, ForeignKeyNames, JoinTable, KeyNames, KeyRole, TableNames, database_names,
    model_span,
};
use super::snapshot::{DatabaseSnapshot, Index, Table};
use crate::analysis::{Diagnostic, Severity, codes, sort_by_position};
use crate::model::{Block, Field, Schema, Span};
use std::collections::HashSet;

/// Prisma's own bookkeeping table, never declared.
const MIGRATIONS_TABLE: &str = "_prisma_migrations";

/// `index/missing-fk-index` becomes an error when the child table holds more than this many
/// rows (`pg_class.reltuples`)...
pub const LARGE_TABLE_ROWS: f64 = 10_000.0;
/// ...and was read by more than this many sequential scans since the statistics were reset.
pub const FREQUENT_SEQ_SCANS: i64 = 1_000;

/// The PostgreSQL schema of models without `@@schema`: `public` when the database has the
/// tables of the schema's models there (or nowhere), else the schema holding most of them
/// (a connection URL with `?schema=app`).
pub fn default_schema(schema: &Schema, snapshot: &DatabaseSnapshot) -> String {
    let tables: HashSet<&str> = schema
        .models()
        .filter(|block| super::names::schema_name(block).is_none())
        .map(super::names::table_name)
        .collect();
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for table in &snapshot.tables {
        if tables.contains(table.name.as_str()) {
            match counts.iter_mut().find(|(s, _)| *s == table.schema) {
                Some((_, n)) => *n += 1,
                None => counts.push((&table.schema, 1)),
            }
        }
    }
    let public = counts
        .iter()
        .find(|(s, _)| *s == "public")
        .map_or(0, |(_, n)| *n);
    match counts.iter().max_by_key(|(_, n)| *n) {
        Some((best, n)) if *n > public => best.to_string(),
        _ => "public".to_string(),
    }
}

/// Every database finding of the schema against the snapshot, sorted by position. Empty on
/// providers other than PostgreSQL and CockroachDB. Severities are the rules' defaults; the
/// user's levels and suppression comments apply afterwards as for the advisor.
pub fn check(schema: &Schema, snapshot: &DatabaseSnapshot) -> Vec<Diagnostic> {
    let default = default_schema(schema, snapshot);
    let Some(names) = database_names(schema, &default) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut checker = Checker {
        schema,
        snapshot,
        names: &names,
        out: &mut out,
    };
    for table in &names.tables {
        checker.table(table);
    }
    for join in &names.join_tables {
        checker.join_table(join);
    }
    checker.undeclared_tables();
    sort_by_position(&mut out);
    out
}

/// [`check`] at the user's levels (`[rules]` in prisma-analyzer.toml: `"db/unused-index" =
/// "off"`, or `"db" = "off"` for all), without the findings hidden by
/// `// prisma-analyzer-ignore` comments.
pub fn check_with_options(
    schema: &Schema,
    snapshot: &DatabaseSnapshot,
    options: &crate::analysis::Options,
) -> Vec<Diagnostic> {
    let mut diagnostics = check(schema, snapshot);
    crate::analysis::advisor::apply_levels(&options.advisor, &mut diagnostics);
    crate::analysis::suppression::apply(schema, &mut diagnostics);
    diagnostics
}

struct Checker<'s, 'n> {
    schema: &'s Schema,
    snapshot: &'s DatabaseSnapshot,
    names: &'n DatabaseNames<'s>,
    out: &'n mut Vec<Diagnostic>,
}

fn qualified(schema: &str, table: &str) -> String {
    format!("{schema}.{table}")
}

fn list(columns: &[String]) -> String {
    columns.join(", ")
}

impl Checker<'_, '_> {
    fn drift(&mut self, span: Span, message: String) {
        self.out.push(Diagnostic::new(
            codes::DB_DRIFT,
            Severity::Warning,
            span,
            message,
        ));
    }

    fn table(&mut self, names: &TableNames<'_>) {
        let block = names.block;
        let model = &block.name.text;
        let where_ = qualified(&names.schema, &names.table);
        let Some(table) = self.snapshot.table(&names.schema, &names.table) else {
            self.drift(
                model_span(block),
                format!(
                    "model `{model}`: the database has no table `{where_}`; a migration was not applied? (`prisma migrate deploy`, or `prisma migrate status` to see which)"
                ),
            );
            return;
        };
        // Columns.
        for column in &names.columns {
            let span = column.field.name.span;
            let field = &column.field.name.text;
            let Some(found) = table.column(&column.column) else {
                self.drift(
                    span,
                    format!(
                        "field `{model}.{field}`: table `{where_}` has no column `{}`; a migration was not applied?",
                        column.column
                    ),
                );
                continue;
            };
            if !column.list && found.nullable != column.nullable {
                let (schema_says, database_says) = if column.nullable {
                    ("optional", "NOT NULL")
                } else {
                    ("required", "nullable")
                };
                self.drift(
                    span,
                    format!(
                        "field `{model}.{field}` is {schema_says}, but column `{where_}.{}` is {database_says} in the database; a migration was not applied, or the column was changed by hand?",
                        column.column
                    ),
                );
            }
            if let Some(expected) = &column.data_type
                && !same_type(expected, &found.data_type)
            {
                self.drift(
                    span,
                    format!(
                        "field `{model}.{field}` maps to `{expected}`, but column `{where_}.{}` is `{}` in the database; a migration was not applied, or the column was changed by hand?",
                        column.column, found.data_type
                    ),
                );
            }
        }
        for found in &table.columns {
            if !names.columns.iter().any(|c| c.column == found.name) {
                self.drift(
                    model_span(block),
                    format!(
                        "table `{where_}` has a column `{}` ({}) that model `{model}` does not declare; someone changed the database by hand? (`prisma db pull` shows it)",
                        found.name, found.data_type
                    ),
                );
            }
        }
        // Primary key, unique constraints, indexes.
        let mut matched: Vec<&str> = Vec::new();
        if let Some(pk) = &names.primary_key {
            self.key(names, table, pk, &mut matched);
        }
        for key in &names.indexes {
            self.key(names, table, key, &mut matched);
        }
        for index in &table.indexes {
            if matched.contains(&index.name.as_str()) {
                continue;
            }
            if let Some(predicate) = &index.predicate {
                self.out.push(Diagnostic::new(
                    codes::DB_PARTIAL_INDEX,
                    Severity::Warning,
                    model_span(block),
                    format!(
                        "table `{where_}` has a partial index `{}` on ({}) WHERE {predicate} that model `{model}` does not declare: Prisma's next migration would drop it. Declare it with `where:` (the `partialIndexes` preview feature), or keep it in a migration Prisma does not diff",
                        index.name,
                        list(&index.columns)
                    ),
                ));
            } else {
                let declare = declaration(names, index)
                    .map(|attribute| format!(" To keep it, declare it: `{attribute}`."))
                    .unwrap_or_default();
                self.drift(
                    model_span(block),
                    format!(
                        "table `{where_}` has {} `{}` on ({}) that model `{model}` does not declare; someone changed the database by hand? (`prisma db pull` shows it; Prisma's next migration drops it).{declare}",
                        index_kind(index),
                        index.name,
                        list(&index.columns)
                    ),
                );
            }
            self.unused(table, index, model_span(block), &where_, None);
        }
        // Foreign keys.
        if self.names.foreign_keys {
            let mut matched_fks: Vec<&str> = Vec::new();
            for fk in &names.foreign_keys {
                self.foreign_key(names, table, fk, &mut matched_fks);
            }
            for found in &table.foreign_keys {
                if !matched_fks.contains(&found.name.as_str()) {
                    self.drift(
                        model_span(block),
                        format!(
                            "table `{where_}` has a foreign key `{}` ({}) → `{}` ({}) that model `{model}` does not declare; someone changed the database by hand? (`prisma db pull` shows it)",
                            found.name,
                            list(&found.columns),
                            qualified(&found.referenced_schema, &found.referenced_table),
                            list(&found.referenced_columns)
                        ),
                    );
                }
            }
        }
    }

    /// A declared key against the table's indexes: found by name, else by columns (then
    /// only its name differs).
    fn key<'t>(
        &mut self,
        names: &TableNames<'_>,
        table: &'t Table,
        key: &KeyNames<'_>,
        matched: &mut Vec<&'t str>,
    ) {
        let model = &names.block.name.text;
        let where_ = qualified(&names.schema, &names.table);
        let written = self.schema.text(key.attribute.span).to_string();
        let span = key.attribute.span;
        let found = table
            .indexes
            .iter()
            .find(|index| index.name == key.name)
            .or_else(|| {
                table.indexes.iter().find(|index| {
                    !matched.contains(&index.name.as_str())
                        && index.columns == key.columns
                        && role_of(index) == key.role
                        && !names
                            .indexes
                            .iter()
                            .chain(names.primary_key.as_ref())
                            .any(|other| other.name == index.name)
                })
            });
        let Some(index) = found else {
            self.drift(
                span,
                format!(
                    "`{written}` of model `{model}`: table `{where_}` has no {} `{}` on ({}); a migration was not applied?",
                    role_name(key.role),
                    key.name,
                    list(&key.columns)
                ),
            );
            return;
        };
        matched.push(&index.name);
        if index.name != key.name {
            self.drift(
                span,
                format!(
                    "`{written}` of model `{model}` is named `{}` in the database, not `{}`; the next migration renames it (or add `map: \"{}\"`)",
                    index.name, key.name, index.name
                ),
            );
        }
        if index.columns != key.columns {
            self.drift(
                span,
                format!(
                    "`{written}` of model `{model}` covers ({}), but `{}` in the database covers ({}); a migration was not applied, or the index was changed by hand?",
                    list(&key.columns),
                    index.name,
                    list(&index.columns)
                ),
            );
        }
        let role = role_of(index);
        if role != key.role {
            self.drift(
                span,
                format!(
                    "`{written}` of model `{model}` is a {}, but `{}` in the database is a {}",
                    role_name(key.role),
                    index.name,
                    role_name(role)
                ),
            );
        }
        if let Some(predicate) = &index.predicate
            && !key.partial
        {
            self.out.push(Diagnostic::new(
                codes::DB_PARTIAL_INDEX,
                Severity::Warning,
                span,
                format!(
                    "`{written}` of model `{model}` has no `where:`, but `{}` in the database is partial (WHERE {predicate}): Prisma's next migration would rebuild it over every row. Add `where:` (the `partialIndexes` preview feature)",
                    index.name
                ),
            ));
        }
        self.unused(table, index, span, &where_, Some(&written));
    }

    /// `db/unused-index` for a plain index never scanned.
    fn unused(
        &mut self,
        table: &Table,
        index: &Index,
        span: Span,
        where_: &str,
        written: Option<&str>,
    ) {
        if index.unique || index.primary || index.scans != 0 {
            return;
        }
        {
            let since = self.snapshot.stats_reset.as_deref().map_or_else(
                || "since statistics began".to_string(),
                |at| format!("since the statistics were reset ({at})"),
            );
            let declared = written.map(|w| format!(" (`{w}`)")).unwrap_or_default();
            let fk = table
                .foreign_keys
                .iter()
                .find(|fk| !fk.columns.is_empty() && index.columns.starts_with(&fk.columns))
                .map(|fk| {
                    format!(
                        " It serves foreign key `{}`: deleting or updating rows of `{}` uses it, so keep it if those happen.",
                        fk.name, fk.referenced_table
                    )
                })
                .unwrap_or_default();
            self.out.push(Diagnostic::new(
                codes::DB_UNUSED_INDEX,
                Severity::Info,
                span,
                format!(
                    "index `{}`{declared} on `{where_}` has not been scanned {since}; it takes {} and slows every write.{fk}",
                    index.name,
                    human_bytes(index.bytes)
                ),
            ));
        }
    }

    fn foreign_key<'t>(
        &mut self,
        names: &TableNames<'_>,
        table: &'t Table,
        fk: &ForeignKeyNames<'_>,
        matched: &mut Vec<&'t str>,
    ) {
        let model = &names.block.name.text;
        let relation = format!("{model}.{}", fk.field.name.text);
        let where_ = qualified(&names.schema, &names.table);
        let span = fk.attribute.span;
        let found = table
            .foreign_keys
            .iter()
            .find(|found| found.name == fk.name)
            .or_else(|| {
                table.foreign_keys.iter().find(|found| {
                    !matched.contains(&found.name.as_str())
                        && found.columns == fk.columns
                        && !names
                            .foreign_keys
                            .iter()
                            .any(|other| other.name == found.name)
                })
            });
        let Some(found) = found else {
            self.drift(
                span,
                format!(
                    "relation `{relation}`: table `{where_}` has no foreign key `{}` on ({}); a migration was not applied?",
                    fk.name,
                    list(&fk.columns)
                ),
            );
            return;
        };
        matched.push(&found.name);
        if found.name != fk.name {
            self.drift(
                span,
                format!(
                    "the foreign key of relation `{relation}` is named `{}` in the database, not `{}`; the next migration renames it (or add `map: \"{}\"`)",
                    found.name, fk.name, found.name
                ),
            );
        }
        let expected = qualified(&fk.referenced_schema, &fk.referenced_table);
        let actual = qualified(&found.referenced_schema, &found.referenced_table);
        if found.columns != fk.columns
            || actual != expected
            || found.referenced_columns != fk.referenced_columns
        {
            self.drift(
                span,
                format!(
                    "relation `{relation}` links ({}) → `{expected}` ({}), but foreign key `{}` in the database links ({}) → `{actual}` ({})",
                    list(&fk.columns),
                    list(&fk.referenced_columns),
                    found.name,
                    list(&found.columns),
                    list(&found.referenced_columns)
                ),
            );
        }
        for (what, declared, actual) in [
            ("ON DELETE", fk.on_delete, found.on_delete.as_str()),
            ("ON UPDATE", fk.on_update, found.on_update.as_str()),
        ] {
            if !declared.eq_ignore_ascii_case(actual.trim()) {
                self.drift(
                    span,
                    format!(
                        "relation `{relation}` means {what} {declared}, but foreign key `{}` in the database has {what} {actual}",
                        found.name
                    ),
                );
            }
        }
    }

    fn join_table(&mut self, join: &JoinTable<'_>) {
        let where_ = qualified(&join.schema, &join.table);
        let span = join.field.name.span;
        let relation = format!(
            "many-to-many relation `{}.{}`",
            join.model_a.name.text, join.field.name.text
        );
        let Some(table) = self.snapshot.table(&join.schema, &join.table) else {
            self.drift(
                span,
                format!(
                    "{relation}: the database has no join table `{where_}`; a migration was not applied?"
                ),
            );
            return;
        };
        for column in ["A", "B"] {
            if table.column(column).is_none() {
                self.drift(
                    span,
                    format!("{relation}: join table `{where_}` has no column `{column}`"),
                );
            }
        }
        for found in &table.columns {
            if found.name != "A" && found.name != "B" {
                self.drift(
                    span,
                    format!(
                        "{relation}: join table `{where_}` has a column `{}` Prisma does not know; an implicit join table has only `A` and `B` (make the relation explicit with a model to keep it)",
                        found.name
                    ),
                );
            }
        }
        let both = ["A".to_string(), "B".to_string()];
        if !table
            .indexes
            .iter()
            .any(|index| (index.unique || index.primary) && index.columns == both)
        {
            self.drift(
                span,
                format!(
                    "{relation}: join table `{where_}` has no primary key or unique index on (A, B) (Prisma creates `{}_AB_pkey`)",
                    join.table
                ),
            );
        }
        if !table
            .indexes
            .iter()
            .any(|index| index.columns.first().is_some_and(|c| c == "B"))
        {
            self.drift(
                span,
                format!(
                    "{relation}: join table `{where_}` has no index on (B) (Prisma creates `{}_B_index`)",
                    join.table
                ),
            );
        }
        if self.names.foreign_keys {
            for (column, reference) in [("A", &join.references_a), ("B", &join.references_b)] {
                let Some((schema, referenced, id)) = reference else {
                    continue;
                };
                let ok = table.foreign_keys.iter().any(|fk| {
                    fk.columns == [column]
                        && fk.referenced_schema == *schema
                        && fk.referenced_table == *referenced
                        && fk.referenced_columns == [id.as_str()]
                });
                if !ok {
                    self.drift(
                        span,
                        format!(
                            "{relation}: join table `{where_}` has no foreign key from `{column}` to `{}` ({id})",
                            qualified(schema, referenced)
                        ),
                    );
                }
            }
        }
        for index in &table.indexes {
            self.unused(table, index, span, &where_, None);
        }
    }

    /// Tables of the covered schemas that no model, view or join table declares.
    fn undeclared_tables(&mut self) {
        let Some(datasource) = self.names.datasource else {
            return;
        };
        for table in &self.snapshot.tables {
            if table.name == MIGRATIONS_TABLE
                || !self.names.schemas.contains(&table.schema)
                || self.names.declares_table(&table.schema, &table.name)
            {
                continue;
            }
            let elsewhere = self
                .names
                .tables
                .iter()
                .find(|t| t.table == table.name)
                .map(|t| {
                    format!(
                        " Model `{}` expects it in `{}`: a `@@schema` changed?",
                        t.block.name.text, t.schema
                    )
                })
                .unwrap_or_default();
            self.drift(
                model_span(datasource),
                format!(
                    "the database has a table `{}` that no model declares; someone changed the database by hand, or a migration of another branch was applied? (`prisma db pull` adds it as a model).{elsewhere}",
                    qualified(&table.schema, &table.name)
                ),
            );
        }
    }
}

/// The attribute that declares a database index in the schema (`@@index([a, b], map:
/// "x")`), when its columns are the model's columns (not expressions).
fn declaration(names: &TableNames<'_>, index: &Index) -> Option<String> {
    let fields: Option<Vec<&str>> = index
        .columns
        .iter()
        .map(|column| {
            names
                .columns
                .iter()
                .find(|c| &c.column == column)
                .map(|c| c.field.name.text.as_str())
        })
        .collect();
    let fields = fields?;
    let attribute = match role_of(index) {
        KeyRole::Primary => "@@id",
        KeyRole::Unique => "@@unique",
        KeyRole::Index => "@@index",
    };
    let method = match index.method.as_str() {
        "" | "btree" => String::new(),
        "gin" => ", type: Gin".to_string(),
        "gist" => ", type: Gist".to_string(),
        "hash" => ", type: Hash".to_string(),
        "brin" => ", type: Brin".to_string(),
        "spgist" => ", type: SpGist".to_string(),
        _ => return None,
    };
    Some(format!(
        "{attribute}([{}]{method}, map: \"{}\")",
        fields.join(", "),
        index.name
    ))
}

fn role_of(index: &Index) -> KeyRole {
    if index.primary {
        KeyRole::Primary
    } else if index.unique {
        KeyRole::Unique
    } else {
        KeyRole::Index
    }
}

fn role_name(role: KeyRole) -> &'static str {
    match role {
        KeyRole::Primary => "primary key",
        KeyRole::Unique => "unique index",
        KeyRole::Index => "index",
    }
}

fn index_kind(index: &Index) -> &'static str {
    match role_of(index) {
        KeyRole::Primary => "a primary key",
        KeyRole::Unique => "a unique index",
        KeyRole::Index => "an index",
    }
}

/// Types compared without case and spaces around commas (`numeric(65, 30)`).
fn same_type(expected: &str, actual: &str) -> bool {
    let normal = |s: &str| s.to_ascii_lowercase().replace(", ", ",").trim().to_string();
    normal(expected) == normal(actual)
}

/// Bytes as `pg_size_pretty` shows them: `512 bytes`, `16 kB`, `1.5 MB` (1 kB = 1024 bytes).
pub fn human_bytes(bytes: i64) -> String {
    const UNITS: [&str; 5] = ["bytes", "kB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} bytes");
    }
    #[allow(clippy::cast_precision_loss)]
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if value >= 10.0 || value.fract() < 0.05 {
        format!("{value:.0} {}", UNITS[unit])
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// A count with thousands separators: `12,345`.
pub fn human_count(count: i64) -> String {
    let digits = count.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if count < 0 {
        out.push('-');
    }
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// `≈12,345 rows`, or `never analysed` for `reltuples = -1`.
fn rows(estimate: f64) -> String {
    if estimate < 0.0 {
        "row count unknown (never analysed)".to_string()
    } else {
        #[allow(clippy::cast_possible_truncation)]
        let rows = estimate.round() as i64;
        format!("≈{} rows", human_count(rows))
    }
}

/// The model and relation field an `index/missing-fk-index` finding is about: the one whose
/// `@relation(fields: ...)` list is the finding's span.
fn fk_finding_target<'a>(
    schema: &'a Schema,
    diagnostic: &Diagnostic,
) -> Option<(&'a Block, &'a Field)> {
    let span = diagnostic.span;
    schema.models().find_map(|block| {
        if block.span.file != span.file
            || block.span.start > span.start
            || block.span.end < span.end
        {
            return None;
        }
        block
            .fields
            .iter()
            .find(|field| {
                field
                    .attribute("relation")
                    .and_then(|r| r.argument("fields", None))
                    .and_then(|a| a.value.as_ref())
                    .is_some_and(|value| value.span() == span)
            })
            .map(|field| (block, field))
    })
}

/// The snapshot's table of a model (`None` on other providers or when the database lacks it).
fn table_of<'s>(
    schema: &Schema,
    snapshot: &'s DatabaseSnapshot,
    block: &Block,
) -> Option<&'s Table> {
    super::names::provider(schema)?;
    let default = default_schema(schema, snapshot);
    let schema_name = super::names::schema_name(block).unwrap_or(&default);
    snapshot.table(schema_name, super::names::table_name(block))
}

/// Evidence for an `index/missing-fk-index` finding: how the child table was read
/// ("the child table `public.Post` had 1,234 sequential scans reading 5,678,900 rows
/// (≈10,000 rows)"). `None` for other findings, or when the snapshot lacks the table.
pub fn fk_index_evidence(
    schema: &Schema,
    snapshot: &DatabaseSnapshot,
    diagnostic: &Diagnostic,
) -> Option<String> {
    if diagnostic.code != codes::ADVICE_MISSING_FK_INDEX {
        return None;
    }
    let (block, _) = fk_finding_target(schema, diagnostic)?;
    let table = table_of(schema, snapshot, block)?;
    Some(format!(
        "the child table `{}` had {} sequential scans reading {} rows ({}, {})",
        qualified(&table.schema, &table.name),
        human_count(table.seq_scans),
        human_count(table.seq_rows_read),
        rows(table.row_estimate),
        human_bytes(table.table_bytes)
    ))
}

/// Whether the evidence makes the missing index urgent: the table holds more than
/// [`LARGE_TABLE_ROWS`] rows and was read by more than [`FREQUENT_SEQ_SCANS`] sequential
/// scans.
fn urgent(table: &Table) -> bool {
    table.row_estimate > LARGE_TABLE_ROWS && table.seq_scans > FREQUENT_SEQ_SCANS
}

/// Appends the evidence to every `index/missing-fk-index` finding, and raises it to an
/// error when the child table is large and often scanned (see [`LARGE_TABLE_ROWS`] and
/// [`FREQUENT_SEQ_SCANS`]), unless the user chose another level than the default warning.
/// Run it on the advisor's findings after the user's levels (a rule switched off has no
/// finding to raise).
pub fn add_fk_index_evidence(
    schema: &Schema,
    snapshot: &DatabaseSnapshot,
    diagnostics: &mut [Diagnostic],
) {
    for diagnostic in diagnostics.iter_mut() {
        let Some(evidence) = fk_index_evidence(schema, snapshot, diagnostic) else {
            continue;
        };
        diagnostic.message = format!("{}; the database says: {evidence}", diagnostic.message);
        let table = fk_finding_target(schema, diagnostic)
            .and_then(|(block, _)| table_of(schema, snapshot, block));
        // Raised from the rule's default level only: a level the user chose stays.
        let at_default_level = crate::analysis::advisor::rules::rule(diagnostic.code.as_str())
            .is_some_and(|rule| {
                rule.default == crate::analysis::advisor::Level::On(diagnostic.severity)
            });
        if at_default_level && table.is_some_and(urgent) {
            diagnostic.severity = Severity::Error;
            diagnostic.message.push_str(&format!(
                " — large (over {} rows) and scanned often (over {} sequential scans): raised to an error",
                human_count(LARGE_TABLE_ROWS as i64),
                human_count(FREQUENT_SEQ_SCANS)
            ));
        }
    }
}

/// Markdown for hovering a model: its table's row estimate, sizes, scans and indexes.
pub fn table_stats(schema: &Schema, snapshot: &DatabaseSnapshot, block: &Block) -> Option<String> {
    let table = table_of(schema, snapshot, block)?;
    let mut text = format!(
        "**Database** `{}`: {} · table {} ({} with indexes and TOAST)\n\n{} sequential scans reading {} rows · {} index scans",
        qualified(&table.schema, &table.name),
        rows(table.row_estimate),
        human_bytes(table.table_bytes),
        human_bytes(table.total_bytes),
        human_count(table.seq_scans),
        human_count(table.seq_rows_read),
        human_count(table.index_scans),
    );
    if !table.indexes.is_empty() {
        text.push_str("\n\n| index | columns | size | scans |\n|---|---|---|---|");
        for index in &table.indexes {
            text.push_str(&format!(
                "\n| `{}`{} | {} | {} | {} |",
                index.name,
                match role_of(index) {
                    KeyRole::Primary => " (primary key)",
                    KeyRole::Unique => " (unique)",
                    KeyRole::Index => "",
                },
                list(&index.columns),
                human_bytes(index.bytes),
                human_count(index.scans)
            ));
        }
    }
    if let Some(at) = &snapshot.stats_reset {
        text.push_str(&format!("\n\nStatistics since {at}."));
    }
    Some(text)
}

/// Markdown for hovering a field: its column's type and nullability in the database and
/// the indexes that contain it.
pub fn column_stats(
    schema: &Schema,
    snapshot: &DatabaseSnapshot,
    block: &Block,
    field: &Field,
) -> Option<String> {
    let table = table_of(schema, snapshot, block)?;
    let name = super::names::column_name(field);
    let column = table.column(name)?;
    let mut text = format!(
        "**Database** column `{}.{}`: `{}`{}",
        qualified(&table.schema, &table.name),
        column.name,
        column.data_type,
        if column.nullable {
            ", nullable"
        } else {
            ", NOT NULL"
        }
    );
    let indexes: Vec<&Index> = table
        .indexes
        .iter()
        .filter(|index| index.columns.iter().any(|c| c == name))
        .collect();
    if indexes.is_empty() {
        text.push_str(&format!(
            "\n\nNo index contains it (the table: {}, {} sequential scans).",
            rows(table.row_estimate),
            human_count(table.seq_scans)
        ));
    } else {
        for index in indexes {
            let position = index.columns.iter().position(|c| c == name).unwrap_or(0);
            text.push_str(&format!(
                "\n\n- `{}` (column {} of {}): {} scans, {}",
                index.name,
                position + 1,
                index.columns.len(),
                human_count(index.scans),
                human_bytes(index.bytes)
            ));
        }
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_counts_read_like_pg_size_pretty() {
        assert_eq!(human_bytes(0), "0 bytes");
        assert_eq!(human_bytes(1023), "1023 bytes");
        assert_eq!(human_bytes(8192), "8 kB");
        assert_eq!(human_bytes(1536), "1.5 kB");
        assert_eq!(human_bytes(3 * 1024 * 1024 / 2), "1.5 MB");
        assert_eq!(human_bytes(40 * 1024 * 1024 * 1024), "40 GB");
        assert_eq!(human_count(0), "0");
        assert_eq!(human_count(999), "999");
        assert_eq!(human_count(1_000), "1,000");
        assert_eq!(human_count(1_080_250_000), "1,080,250,000");
        assert_eq!(human_count(-12_345), "-12,345");
        assert_eq!(rows(-1.0), "row count unknown (never analysed)");
        assert_eq!(rows(12_345.4), "≈12,345 rows");
    }

    #[test]
    fn types_compare_without_case_and_spaces() {
        assert!(same_type("numeric(65,30)", "numeric(65, 30)"));
        assert!(same_type("text", "TEXT"));
        assert!(!same_type("text", "character varying"));
    }

    #[test]
    fn the_default_schema_is_where_the_models_tables_are() {
        let schema = Schema::parse(
            "s.prisma",
            "datasource db {\n  provider = \"postgresql\"\n}\nmodel User {\n  id Int @id\n}\nmodel Post {\n  id Int @id\n}\n",
        );
        let table = |schema: &str, name: &str| Table {
            schema: schema.to_string(),
            name: name.to_string(),
            ..Table::default()
        };
        let mut snapshot = DatabaseSnapshot::default();
        assert_eq!(default_schema(&schema, &snapshot), "public");
        snapshot.tables = vec![
            table("app", "User"),
            table("app", "Post"),
            table("public", "User"),
        ];
        assert_eq!(default_schema(&schema, &snapshot), "app");
        snapshot.tables.push(table("public", "Post"));
        assert_eq!(default_schema(&schema, &snapshot), "public");
    }
}
