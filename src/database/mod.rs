//! Database-aware advice (layer between `analysis` and `ide`): a read-only look at a live
//! PostgreSQL database, turned into evidence about the schema.
//!
//! - `snapshot.rs`: what is read from the database (tables, columns, indexes, constraints,
//!   statistics, sizes), as plain data; the rest of the analyzer only sees this type, so
//!   the findings are testable without a database.

pub mod snapshot;

pub use snapshot::{Column, DatabaseSnapshot, ForeignKey, Index, Table};
