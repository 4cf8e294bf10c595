//! Scaffolding of whole models: audit log, event store (to be written).

use super::Advisor;
use super::scaffold::Action;

/// "Add audit log", "Add event store" (schema-wide `source` actions).
pub(super) fn actions(_advisor: &Advisor<'_>, _out: &mut Vec<Action>) {}
