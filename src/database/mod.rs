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

pub mod findings;
pub mod names;
pub mod snapshot;

pub use findings::{
    add_fk_index_evidence, check, check_with_options, column_stats, fk_index_evidence, human_bytes,
    table_stats,
};
pub use snapshot::{Column, DatabaseSnapshot, ForeignKey, Index, Table};
