//! Database-aware advice (layer between `analysis` and `ide`): a read-only look at a live
//! PostgreSQL database, turned into evidence about the schema.
//!
//! - `snapshot.rs`: what is read from the database (tables, columns, indexes, constraints,
//!   statistics, sizes), as plain data; the rest of the analyzer only sees this type, so
//!   the findings are testable without a database.
//! - `names.rs`: the schema with the database's names (tables, columns, constraint names
//!   Prisma generates, implicit many-to-many join tables).
//! - `findings.rs`: `db/drift`, `db/unused-index`, `db/partial-index`, evidence for
//!   `index/missing-fk-index`, and hover text: pure functions of a schema and a snapshot.
//! - `url.rs`: the connection string (`--database-url`, `DATABASE_URL`, `.env`), shown
//!   only with its password masked.
//! - `connect.rs`: a read-only session (`tokio-postgres`, TLS per `sslmode`), errors as one
//!   clear message each.
//! - `read.rs`: the snapshot, read from `pg_catalog` and the `pg_stat_*` views.
//! - `verify.rs`: `rls --verify`, the row-level-security SQL proven in a rolled-back
//!   transaction.

pub mod connect;
pub mod findings;
pub mod names;
pub mod read;
pub mod snapshot;
pub mod url;
pub mod verify;

pub use connect::{ConnectOptions, DatabaseError, ErrorKind, Session, connect};
pub use findings::{
    add_fk_index_evidence, check, check_with_options, column_stats, fk_index_evidence, human_bytes,
    table_stats,
};
pub use read::read_snapshot;
pub use snapshot::{Column, DatabaseSnapshot, ForeignKey, Index, Table};
pub use url::{DatabaseUrl, SslMode, UrlError};

use crate::analysis::{Diagnostic, Options, Severity, codes};
use crate::model::{Schema, Span};

/// The database's part of a schema's analysis, for `check` and the server alike: evidence
/// from the child tables' statistics added to the advisor's `index/missing-fk-index`, and
/// the findings on the snapshot at the levels of `options`.
pub fn advise(
    schema: &Schema,
    snapshot: &DatabaseSnapshot,
    options: &Options,
    diagnostics: &mut Vec<Diagnostic>,
) {
    findings::add_fk_index_evidence(schema, snapshot, diagnostics);
    diagnostics.extend(findings::check_with_options(schema, snapshot, options));
}

/// The one diagnostic for a database that could not be read, on the datasource's name.
pub fn unavailable(schema: &Schema, error: &DatabaseError) -> Diagnostic {
    let span = schema
        .datasource()
        .map_or_else(Span::default, |block| block.name.span);
    Diagnostic::new(
        codes::DB_UNAVAILABLE,
        Severity::Warning,
        span,
        format!("the database was not checked: {error}; the static analysis still ran"),
    )
}

/// What to read for `schema`: the URL `setting` names (a URL, or `env`: `DATABASE_URL`
/// from the environment or the `.env` beside the schema's first file), and the PostgreSQL
/// schemas its models live in: the datasource's `schemas`, else the URL's `?schema=`, else
/// `public`.
pub fn target(schema: &Schema, setting: &str) -> Result<(DatabaseUrl, Vec<String>), DatabaseError> {
    let first = schema.file(crate::model::FileId(0)).name.clone();
    let url = url::resolve(setting, Some(std::path::Path::new(&first)))
        .map_err(|e| DatabaseError::new(ErrorKind::Url, e.to_string()))?;
    let declared = crate::semantics::Config::of(schema).schemas;
    let schemas = if declared.is_empty() {
        vec![url.schema.clone().unwrap_or_else(|| "public".to_string())]
    } else {
        declared
    };
    Ok((url, schemas))
}

/// Connects (read-only) and reads the snapshot of `schemas`.
pub async fn read_target(
    url: &DatabaseUrl,
    schemas: &[String],
    options: &ConnectOptions,
) -> Result<DatabaseSnapshot, DatabaseError> {
    let session = connect(url, options).await?;
    read_snapshot(&session, schemas).await
}
