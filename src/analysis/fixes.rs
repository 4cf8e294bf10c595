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

/// At most this many rounds of fixing: a fix that touches the same place as another waits
/// for the next round. The limit only stops fixes that would go on uncovering new findings
/// forever (as ruff's does); every round applies at least one fix that resolved its finding.
const MAX_ROUNDS: usize = 100;

/// Applies every safe fix of the schema made of `files` (name, text), analysing again after
/// each round so that every fix sees the schema as the previous ones left it. Fixes whose
/// edits touch the same place as an earlier fix of the round wait for the next round.
///
/// A round is kept only when every fix in it resolved its own finding and the schema has no
/// more errors than before. Otherwise each fix of the round is tried alone: one that fails
/// alone is refused for good (never applied, so fixing twice equals fixing once), and the
/// round keeps the first that holds.
pub fn fix_all(files: &[(String, String)], options: &Options) -> Fixed {
    let analyse = |texts: &[String]| {
        let schema = Schema::new(
            files
                .iter()
                .zip(texts)
                .map(|((name, _), text)| SourceFile::parse(name.clone(), text.clone()))
                .collect(),
        );
        super::check_with(&schema, options.clone())
    };
    let mut texts: Vec<String> = files.iter().map(|(_, text)| text.clone()).collect();
    let mut current = analyse(&texts);
    let mut applied = Vec::new();
    let mut refused: Vec<FixIdentity> = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let chosen = non_overlapping_safe_fixes(&current, &refused);
        let Some(candidate) = apply_fixes(&texts, chosen.iter().map(|(_, fix)| *fix)) else {
            break;
        };
        let next = analyse(&candidate);
        if holds(&current, &next, &chosen) {
            applied.extend(chosen.iter().map(|(_, fix)| fix.title.clone()));
            texts = candidate;
            current = next;
            continue;
        }
        // Something in the round did not hold: find out which fix, alone.
        let mut kept = None;
        for &(finding, fix) in &chosen {
            let alone = apply_fixes(&texts, [fix])
                .map(|text| {
                    let analysis = analyse(&text);
                    (text, analysis)
                })
                .filter(|(_, analysis)| holds(&current, analysis, &[(finding, fix)]));
            match alone {
                Some(result) if kept.is_none() => kept = Some((fix.title.clone(), result)),
                Some(_) => {}
                None => refused.push(FixIdentity::of(finding, fix)),
            }
        }
        let Some((title, (text, analysis))) = kept else {
            // No fix holds alone; each is refused, and the next round takes the rest.
            continue;
        };
        applied.push(title);
        texts = text;
        current = analysis;
    }
    Fixed { texts, applied }
}

/// A fix by what it is for, across rounds (its spans move as other fixes apply).
#[derive(PartialEq, Eq)]
struct FixIdentity {
    code: super::Code,
    message: String,
    title: String,
}

impl FixIdentity {
    fn of(finding: &Diagnostic, fix: &Fix) -> Self {
        FixIdentity {
            code: finding.code,
            message: finding.message.clone(),
            title: fix.title.clone(),
        }
    }
}

/// The texts with `fixes` applied, or `None` when nothing changes.
fn apply_fixes<'a>(
    texts: &[String],
    fixes: impl IntoIterator<Item = &'a Fix>,
) -> Option<Vec<String>> {
    let fixes: Vec<&Fix> = fixes.into_iter().collect();
    let mut changed = false;
    let mut out = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let edits = fixes
            .iter()
            .flat_map(|fix| &fix.edits)
            .filter(|edit| edit.span.file.0 as usize == index);
        match apply_edits(text, edits) {
            Some(new_text) if new_text != *text => {
                changed = true;
                out.push(new_text);
            }
            _ => out.push(text.clone()),
        }
    }
    changed.then_some(out)
}

/// Whether applying `fixes` (to the schema analysed as `before`, giving `after`) did what
/// they are for: each resolved its finding (fewer findings with its code and message remain)
/// and no error was added.
fn holds(before: &[Diagnostic], after: &[Diagnostic], fixes: &[(&Diagnostic, &Fix)]) -> bool {
    let errors = |diagnostics: &[Diagnostic]| {
        diagnostics
            .iter()
            .filter(|d| d.severity == super::Severity::Error)
            .count()
    };
    let count = |diagnostics: &[Diagnostic], finding: &Diagnostic| {
        diagnostics
            .iter()
            .filter(|d| d.code == finding.code && d.message == finding.message)
            .count()
    };
    errors(after) <= errors(before)
        && fixes.iter().all(|(finding, _)| {
            let fixed_here = fixes
                .iter()
                .filter(|(other, _)| other.code == finding.code && other.message == finding.message)
                .count();
            count(after, finding) + fixed_here <= count(before, finding)
        })
}

/// The safe fixes to apply in one round, with their findings: in the order of the
/// diagnostics, each taken only if none of its edits overlaps or touches an edit already
/// taken, never the same fix twice (two findings can offer the same edit), and never one
/// refused before.
fn non_overlapping_safe_fixes<'d>(
    diagnostics: &'d [Diagnostic],
    refused: &[FixIdentity],
) -> Vec<(&'d Diagnostic, &'d Fix)> {
    let mut taken: Vec<(&Diagnostic, &Fix)> = Vec::new();
    let mut spans: Vec<(u32, u32, u32)> = Vec::new();
    for (finding, fix) in diagnostics
        .iter()
        .filter_map(|d| d.fixes.first().map(|fix| (d, fix)))
        .filter(|(_, fix)| fix.applicability == Applicability::Safe && !fix.edits.is_empty())
    {
        if taken.iter().any(|(_, t)| t.edits == fix.edits)
            || refused.contains(&FixIdentity::of(finding, fix))
        {
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
        taken.push((finding, fix));
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
