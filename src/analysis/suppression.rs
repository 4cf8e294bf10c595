//! Suppression comments: `// prisma-analyzer-ignore` on the line above a finding hides it;
//! `// prisma-analyzer-ignore code-or-prefix …` hides only the named codes (`index/redundant`,
//! or every `index/…` code with `index`). They hide warnings, information and hints: an error
//! is something Prisma itself rejects, and hiding it would not make the schema work.

use super::{Diagnostic, Severity};
use crate::model::Schema;

const MARKER: &str = "// prisma-analyzer-ignore";

/// Drops the findings a suppression comment on the line above hides.
pub(crate) fn apply(schema: &Schema, diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain(|diagnostic| {
        diagnostic.severity == Severity::Error || !suppressed(schema, diagnostic)
    });
}

fn suppressed(schema: &Schema, diagnostic: &Diagnostic) -> bool {
    let file = schema.file(diagnostic.span.file);
    let line = file.line_index.line_of(diagnostic.span.start as usize);
    let Some(above) = line.checked_sub(1) else {
        return false;
    };
    let Some(text) = file
        .line_index
        .line_range(&file.text, above)
        .and_then(|range| file.text.get(range))
    else {
        return false;
    };
    let Some(rest) = text.trim_start().strip_prefix(MARKER) else {
        return false;
    };
    // `// prisma-analyzer-ignored` is another word, not the marker.
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_') {
        return false;
    }
    let names: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|name| !name.is_empty())
        .collect();
    let code = diagnostic.code.as_str();
    names.is_empty()
        || names.iter().any(|name| {
            let prefix = name.trim_end_matches("/*").trim_end_matches('/');
            code == *name
                || code
                    .strip_prefix(prefix)
                    .is_some_and(|after| after.starts_with('/'))
        })
}
