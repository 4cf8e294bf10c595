//! `check --statistics`: how many findings each rule has, as ruff prints them, so that a user
//! sees at once what dominates a report (and which rule to configure first).

use super::output::OutputFormat;
use crate::analysis::{Applicability, Code, Diagnostic, Severity};
use crate::model::Schema;
use serde_json::json;
use std::collections::BTreeMap;

/// One rule's findings over every schema checked.
struct RuleCount {
    count: usize,
    /// How many carry a safe fix (`--fix` would resolve them).
    fixable: usize,
    /// The most severe level it was reported at (levels can be configured per schema).
    severity: Severity,
}

fn count(checked: &[(Schema, Vec<Diagnostic>)]) -> Vec<(Code, RuleCount)> {
    let mut counts: BTreeMap<Code, RuleCount> = BTreeMap::new();
    for diagnostic in checked.iter().flat_map(|(_, diagnostics)| diagnostics) {
        let entry = counts.entry(diagnostic.code).or_insert(RuleCount {
            count: 0,
            fixable: 0,
            severity: diagnostic.severity,
        });
        entry.count += 1;
        entry.severity = entry.severity.max(diagnostic.severity);
        let safe = diagnostic
            .fixes
            .first()
            .is_some_and(|fix| fix.applicability == Applicability::Safe);
        entry.fixable += usize::from(safe);
    }
    let mut counts: Vec<(Code, RuleCount)> = counts.into_iter().collect();
    // Most findings first; then by code, for a stable order.
    counts.sort_by(|(a, x), (b, y)| y.count.cmp(&x.count).then(a.cmp(b)));
    counts
}

/// The statistics as a table (human) or a JSON array.
pub fn render(format: OutputFormat, checked: &[(Schema, Vec<Diagnostic>)]) -> String {
    let counts = count(checked);
    if format == OutputFormat::Json {
        let rows: Vec<_> = counts
            .iter()
            .map(|(code, rule)| {
                json!({
                    "code": code.as_str(),
                    "count": rule.count,
                    "fixable": rule.fixable,
                    "severity": rule.severity.as_str(),
                })
            })
            .collect();
        return format!(
            "{}\n",
            serde_json::to_string_pretty(&rows).unwrap_or_else(|_| "[]".to_string())
        );
    }
    if counts.is_empty() {
        return "No findings.\n".to_string();
    }
    let width = counts
        .iter()
        .map(|(code, _)| code.as_str().len())
        .max()
        .unwrap_or(0);
    let digits = counts
        .iter()
        .map(|(_, rule)| rule.count.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = String::new();
    for (code, rule) in &counts {
        let fixable = if rule.fixable > 0 {
            format!(", {} fixable", rule.fixable)
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{:>digits$}  {:<width$}  [{}{fixable}]\n",
            rule.count,
            code.as_str(),
            rule.severity.as_str(),
        ));
    }
    let total: usize = counts.iter().map(|(_, rule)| rule.count).sum();
    out.push_str(&format!(
        "{total} finding{} from {} rule{}\n",
        super::output::plural(total),
        counts.len(),
        super::output::plural(counts.len())
    ));
    out
}
