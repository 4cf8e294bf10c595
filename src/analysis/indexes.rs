//! Identifiers and indexes: `@id`/`@@id`, `@unique`/`@@unique`, `@@index`, `@@fulltext`: their
//! field lists and arguments (length, sort, clustering, index types, operator classes) per
//! provider, and clashes between constraint names.

use super::{Context, Diagnostic};
use crate::model::Schema;

pub(super) fn check(schema: &Schema, context: &Context, out: &mut Vec<Diagnostic>) {
    let _ = (schema, context, out);
}
