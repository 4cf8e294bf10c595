//! The design advisor (spec/ADVISOR_RULES.md): advice beyond what Prisma validates —
//! indexes the database will need, one soft-delete convention, tenant isolation, money and
//! secrets stored sanely — each with a stable code, a default level the user can change,
//! and, where safe, a fix that keeps the schema valid.
//!
//! The advisor looks only at blocks that read without syntax errors, so that a fix never
//! lands in a broken block.

pub mod conventions;
mod duplicate_unique;
use super::edits;
mod index;
mod integrity;
mod money;
mod references;
pub mod rls;
pub mod rules;
pub mod scaffold;
mod settings;
mod soft_delete;
mod strings;
mod templates;
mod tenant;
mod types;

pub use settings::{AdvisorSettings, Level};

use super::{Applicability, Code, Context, Diagnostic, Fix, Severity, TextEdit};
use crate::model::{Schema, Span};

/// What every rule reads: the schema, its context and the user's settings.
pub struct Advisor<'a> {
    pub schema: &'a Schema,
    pub context: &'a Context,
    pub settings: &'a AdvisorSettings,
    referenced: crate::semantics::ReferencedSets<'a>,
}

impl<'a> Advisor<'a> {
    pub fn new(schema: &'a Schema, context: &'a Context, settings: &'a AdvisorSettings) -> Self {
        Advisor {
            schema,
            context,
            settings,
            referenced: crate::semantics::ReferencedSets::of(schema),
        }
    }

    /// The field sets relations reference, by model (one pass over the fields, per run).
    pub fn referenced(&self) -> &crate::semantics::ReferencedSets<'a> {
        &self.referenced
    }

    /// The level of an advisor rule: the user's choice, else the rule's default.
    pub fn level(&self, code: Code) -> Level {
        self.settings
            .chosen_level(code)
            .unwrap_or_else(|| rules::rule(code.as_str()).map_or(Level::Off, |rule| rule.default))
    }

    pub fn enabled(&self, code: Code) -> bool {
        self.level(code) != Level::Off
    }

    /// A finding of `code` at its level, or `None` when the rule is off.
    pub fn diagnostic(
        &self,
        code: Code,
        span: Span,
        message: impl Into<String>,
    ) -> Option<Diagnostic> {
        match self.level(code) {
            Level::Off => None,
            Level::On(severity) => Some(Diagnostic::new(code, severity, span, message)),
        }
    }
}

/// A fix `check --fix` applies on its own.
pub fn safe_fix(title: impl Into<String>, edits: Vec<TextEdit>) -> Fix {
    Fix {
        title: title.into(),
        edits,
        applicability: Applicability::Safe,
    }
}

/// Every advisor finding of the schema.
pub(super) fn advise(
    schema: &Schema,
    context: &Context,
    settings: &AdvisorSettings,
    out: &mut Vec<Diagnostic>,
) {
    let advisor = Advisor::new(schema, context, settings);
    let first = out.len();
    index::check(&advisor, out);
    soft_delete::check(&advisor, out);
    tenant::check(&advisor, out);
    types::check(&advisor, out);
    duplicate_unique::check(&advisor, out);
    references::check(&advisor, out);
    integrity::check(&advisor, out);
    strings::check(&advisor, out);
    // Whether a fix is applied by `check --fix` is the rule's, from the judged evidence.
    for finding in &mut out[first..] {
        if !rules::fix_is_safe(finding.code) {
            for fix in &mut finding.fixes {
                fix.applicability = Applicability::Unsafe;
            }
        }
    }
}

/// Severity of a finding after the user's levels: `None` when switched off. Errors stay
/// errors: they are what Prisma rejects, and a quieter level would not make the schema work.
pub(crate) fn apply_levels(settings: &AdvisorSettings, diagnostics: &mut Vec<Diagnostic>) {
    if settings.levels.is_empty() {
        return;
    }
    diagnostics.retain_mut(|diagnostic| {
        if diagnostic.severity == Severity::Error && rules::rule(diagnostic.code.as_str()).is_none()
        {
            return true;
        }
        match settings.chosen_level(diagnostic.code) {
            None => true,
            Some(Level::Off) => false,
            Some(Level::On(severity)) => {
                diagnostic.severity = severity;
                true
            }
        }
    });
}
