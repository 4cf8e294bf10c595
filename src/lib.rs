//! prisma-analyzer: a language server and CI checker for Prisma schema files.
//!
//! The layers, each depending only on those above it (see ARCHITECTURE.md):
//! [`syntax`] → [`model`] → [`semantics`] → [`analysis`] → [`ide`] → [`server`] and [`cli`];
//! [`workspace`] finds the files that make a schema, for both front ends.

pub mod analysis;
pub mod catalog;
pub mod cli;
pub mod database;
pub mod ide;
pub mod inflection;
pub mod model;
pub mod semantics;
pub mod server;
pub mod settings;
pub mod syntax;
pub mod workspace;
