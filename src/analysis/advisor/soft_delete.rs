//! (to be written)

use super::Advisor;
use super::scaffold::Action;
use crate::analysis::Diagnostic;
use crate::model::Block;

pub(super) fn check(_advisor: &Advisor<'_>, _out: &mut Vec<Diagnostic>) {}

/// The scaffolding actions of this area (see `scaffold::actions`).
pub(super) fn actions(_advisor: &Advisor<'_>, _block: Option<&Block>, _out: &mut Vec<Action>) {}
