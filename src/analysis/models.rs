//! Rules about models, views, enums and composite types as a whole that depend on the
//! provider: capabilities (enums, scalar lists, composite types), views, `@@schema` with
//! multiple schemas, PostgreSQL extensions, reserved names.

use super::{Context, Diagnostic};
use crate::model::Schema;

pub(super) fn check(schema: &Schema, context: &Context, out: &mut Vec<Diagnostic>) {
    let _ = (schema, context, out);
}
