//! Database-aware advice (layer between `analysis` and `ide`): a read-only look at a live
//! PostgreSQL database, turned into evidence about the schema.
//!
//! - `snapshot.rs`: what is read from the database (tables, columns, indexes, constraints,
//!   statistics, sizes), as plain data; the rest of the analyzer only sees this type, so
//!   the findings are testable without a database.
//! - `url.rs`: the connection string (`--database-url`, `DATABASE_URL`, `.env`), shown
//!   only with its password masked.
//! - `connect.rs`: a read-only session (`tokio-postgres`, TLS per `sslmode`), errors as one
//!   clear message each.
//! - `read.rs`: the snapshot, read from `pg_catalog` and the `pg_stat_*` views.
//! - `verify.rs`: `rls --verify`, the row-level-security SQL proven in a rolled-back
//!   transaction.

pub mod connect;
pub mod read;
pub mod snapshot;
pub mod url;
pub mod verify;

pub use connect::{ConnectOptions, DatabaseError, ErrorKind, Session, connect};
pub use read::read_snapshot;
pub use snapshot::{Column, DatabaseSnapshot, ForeignKey, Index, Table};
pub use url::{DatabaseUrl, SslMode, UrlError};
