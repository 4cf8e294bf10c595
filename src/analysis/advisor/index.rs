//! (to be written)

use super::Advisor;
use crate::analysis::Diagnostic;

pub(super) fn check(_advisor: &Advisor<'_>, _out: &mut Vec<Diagnostic>) {}
