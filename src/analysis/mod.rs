//! Layer 3: analysis of a whole schema into diagnostics.
//!
//! `check` is the single entry point used by both the CLI and the server.

pub mod codes;
mod diagnostic;
mod names;
mod syntax;

pub use diagnostic::{Applicability, Code, Diagnostic, Fix, Related, Severity, TextEdit};
pub use names::{SCALAR_TYPES, closest_name};

use crate::model::Schema;

/// Every diagnostic of the schema, sorted by file and position.
pub fn check(schema: &Schema) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    syntax::check(schema, &mut diagnostics);
    names::check(schema, &mut diagnostics);
    diagnostics.sort_by(|a, b| {
        (a.span.file, a.span.start, a.span.end, a.code).cmp(&(
            b.span.file,
            b.span.start,
            b.span.end,
            b.code,
        ))
    });
    diagnostics
}
