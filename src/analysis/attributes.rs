//! Field and block attributes other than indexes and relations: `@default` (functions and
//! literal values per type and provider), `@updatedAt`, `@ignore`/`@@ignore`, `@map`/`@@map`,
//! unknown attributes and their arguments.

use super::{Context, Diagnostic};
use crate::model::Schema;

pub(super) fn check(schema: &Schema, context: &Context, out: &mut Vec<Diagnostic>) {
    let _ = (schema, context, out);
}
