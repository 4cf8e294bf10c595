//! Applying fixes: one fix's edits to a text, and every safe fix of a schema until none is
//! left (what `check --fix` does, and what the fix-safety tests check).

use super::{Applicability, Diagnostic, Fix, Options, TextEdit};
use crate::model::{Schema, SourceFile};

/// Applies edits to one file's text, or `None` when two of them overlap or one lies outside
/// the text (then nothing is applied).
pub fn apply_edits<'a>(
    text: &str,
    edits: impl IntoIterator<Item = &'a TextEdit>,
) -> Option<String> {
    let mut edits: Vec<&TextEdit> = edits.into_iter().collect();
    edits.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let mut out = String::with_capacity(text.len());
    let mut at = 0usize;
    for edit in edits {
        let (start, end) = (edit.span.start as usize, edit.span.end as usize);
        if start < at || end < start {
            return None;
        }
        out.push_str(text.get(at..start)?);
        out.push_str(&edit.new_text);
        at = end;
    }
    out.push_str(text.get(at..)?);
    Some(out)
}

/// The result of fixing a schema.
#[derive(Debug)]
pub struct Fixed {
    /// Each file's text after the fixes, in the order of the input.
    pub texts: Vec<String>,
    /// The fixes applied, by title, in the order they were applied.
    pub applied: Vec<String>,
}

/// At most this many rounds of fixing: a fix that touches the same place as another (the
/// same insertion point: every `@@index` a model lacks goes before its closing brace) waits
/// for the next round, so a model with 20 missing indexes takes 20 rounds. The limit only
/// stops two fixes that would undo each other forever (as ruff's does).
const MAX_ROUNDS: usize = 100;

/// Applies every safe fix of the schema made of `files` (name, text), analysing again after
/// each round so that every fix sees the schema as the previous ones left it. Fixes whose
/// edits touch the same place as an earlier fix of the round wait for the next round.
pub fn fix_all(files: &[(String, String)], options: &Options) -> Fixed {
    let mut texts: Vec<String> = files.iter().map(|(_, text)| text.clone()).collect();
    let mut applied = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let schema = Schema::new(
            files
                .iter()
                .zip(&texts)
                .map(|((name, _), text)| SourceFile::parse(name.clone(), text.clone()))
                .collect(),
        );
        let diagnostics = super::check_with(&schema, options.clone());
        let chosen = non_overlapping_safe_fixes(&diagnostics);
        if chosen.is_empty() {
            break;
        }
        let mut changed = false;
        for (index, text) in texts.iter_mut().enumerate() {
            let edits = chosen
                .iter()
                .flat_map(|fix| &fix.edits)
                .filter(|edit| edit.span.file.0 as usize == index);
            if let Some(new_text) = apply_edits(text, edits)
                && new_text != *text
            {
                *text = new_text;
                changed = true;
            }
        }
        applied.extend(chosen.iter().map(|fix| fix.title.clone()));
        if !changed {
            break;
        }
    }
    Fixed { texts, applied }
}

/// The safe fixes to apply in one round: in the order of their diagnostics, each taken only
/// if none of its edits overlaps or touches an edit already taken, and never the same fix
/// twice (two findings can offer the same edit).
fn non_overlapping_safe_fixes(diagnostics: &[Diagnostic]) -> Vec<&Fix> {
    let mut taken: Vec<&Fix> = Vec::new();
    let mut spans: Vec<(u32, u32, u32)> = Vec::new();
    for fix in diagnostics
        .iter()
        .flat_map(|d| d.fixes.iter().take(1))
        .filter(|fix| fix.applicability == Applicability::Safe && !fix.edits.is_empty())
    {
        if taken.iter().any(|t| t.edits == fix.edits) {
            continue;
        }
        let clashes = fix.edits.iter().any(|edit| {
            spans.iter().any(|&(file, start, end)| {
                file == edit.span.file.0 && clash((start, end), (edit.span.start, edit.span.end))
            })
        });
        if clashes {
            continue;
        }
        spans.extend(
            fix.edits
                .iter()
                .map(|e| (e.span.file.0, e.span.start, e.span.end)),
        );
        taken.push(fix);
    }
    taken
}

/// Whether two edits' ranges conflict: they overlap, or an insertion falls strictly inside
/// a replaced range. Insertions at the same offset do not (they apply in order, each
/// adding its own line), nor does an insertion at the edge of a replacement.
fn clash(a: (u32, u32), b: (u32, u32)) -> bool {
    let overlap = a.0 < b.1 && b.0 < a.1;
    let inside = |point: u32, (start, end): (u32, u32)| start < point && point < end;
    overlap || (a.0 == a.1 && inside(a.0, b)) || (b.0 == b.1 && inside(b.0, a))
}

/// A unified diff of a file's text before and after fixing (empty when unchanged).
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    if before == after {
        return String::new();
    }
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insertions_at_one_offset_do_not_clash_overlaps_do() {
        assert!(!clash((5, 5), (5, 5)));
        assert!(!clash((5, 5), (5, 9)));
        assert!(!clash((9, 9), (5, 9)));
        assert!(clash((6, 6), (5, 9)));
        assert!(clash((4, 6), (5, 9)));
        assert!(!clash((1, 5), (5, 9)));
    }
}
