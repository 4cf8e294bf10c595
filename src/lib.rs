//! prisma-analyzer: a language server and CI checker for Prisma schema files.
//!
//! The layers, each depending only on those above it (see ARCHITECTURE.md):
//! [`syntax`] → [`model`] → [`analysis`] → [`cli`] (and, later, `ide` and `server`).

pub mod analysis;
pub mod cli;
pub mod model;
pub mod syntax;
