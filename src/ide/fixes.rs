//! Fixes as the user gets them: each leaves the blocks it touches laid out as `prisma
//! format` lays them out (`laid_out`: a quick fix in the editor, a round of `check --fix`),
//! and `fix_all` applies every safe fix of a schema until none is left (what `check --fix`
//! does, and what the fix-safety tests check).
//!
//! Fixes are built (in `analysis`) as the smallest edits that do the job; laying them out
//! here, when they are applied, costs one scan of the file per fix applied instead of one
//! per finding reported.

use super::format::{block_ranges, lay_out_block};
use crate::analysis::fixes::apply_edits;
use crate::analysis::{self, Applicability, Diagnostic, Fix, Options, Severity, TextEdit};
use crate::model::{FileId, Schema, SourceFile, Span};
use std::ops::Range;

/// `edits` (in one file, whose text is `text`) with every block they touch laid out: the
/// edits inside one block become one edit of that block, whose new text is the block with
/// those edits applied, laid out (`lay_out_block`) and cut to what changed. Edits outside
/// blocks or across their edges, and blocks that do not lay out (syntax errors), stay as
/// given; so do all edits when they overlap.
pub fn laid_out(text: &str, edits: &[TextEdit]) -> Vec<TextEdit> {
    let Some(blocks) = block_ranges(text) else {
        return edits
            .iter()
            .map(|edit| without_trailing_blanks(text, edit))
            .collect();
    };
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    sorted.sort_by_key(|edit| (edit.span.start, edit.span.end));
    let mut out = Vec::with_capacity(edits.len());
    let mut index = 0;
    while index < sorted.len() {
        let edit = sorted[index];
        let Some(block) = block_holding(&blocks, edit) else {
            out.push(without_trailing_blanks(text, edit));
            index += 1;
            continue;
        };
        let group_end = index
            + sorted[index..]
                .iter()
                .take_while(|e| block_holding(&blocks, e) == Some(block.clone()))
                .count();
        let group = &sorted[index..group_end];
        index = group_end;
        match lay_out_edited_block(text, block.clone(), group) {
            Some(edit) => out.extend(edit),
            None => out.extend(group.iter().map(|edit| without_trailing_blanks(text, edit))),
        }
    }
    out
}

/// A fix's edits (in any of the schema's files) laid out as `laid_out` lays out those of one
/// file: what a quick fix applies in the editor.
pub fn laid_out_in(schema: &Schema, edits: &[TextEdit]) -> Vec<TextEdit> {
    let mut files: Vec<FileId> = edits.iter().map(|edit| edit.span.file).collect();
    files.sort_unstable();
    files.dedup();
    files
        .into_iter()
        .flat_map(|file| {
            let here: Vec<TextEdit> = edits
                .iter()
                .filter(|edit| edit.span.file == file)
                .cloned()
                .collect();
            laid_out(&schema.file(file).text, &here)
        })
        .collect()
}

/// `edit`, taking along the blanks before it when its text starts a new line: they would end
/// a line, and `format` removes blanks at the end of every line it does not lay out.
fn without_trailing_blanks(text: &str, edit: &TextEdit) -> TextEdit {
    let start = edit.span.start as usize;
    if !edit.new_text.starts_with(['\n', '\r']) {
        return edit.clone();
    }
    let before = text.get(..start).unwrap_or_default();
    let blanks = before.len() - before.trim_end_matches([' ', '\t']).len();
    let mut widened = edit.clone();
    widened.span.start -= blanks as u32;
    widened
}

/// The block (of `blocks`, sorted) that holds all of `edit`: an insertion right after a
/// block's closing line is outside it.
fn block_holding(blocks: &[Range<usize>], edit: &TextEdit) -> Option<Range<usize>> {
    let (start, end) = (edit.span.start as usize, edit.span.end as usize);
    let candidate = blocks.partition_point(|block| block.end <= start);
    blocks
        .get(candidate)
        .filter(|block| block.start <= start && end <= block.end)
        .cloned()
}

/// The one edit that turns `block` of `text` into its laid-out text with `edits` applied, or
/// `None` when it does not lay out; `Some(None)` when nothing changes at all.
fn lay_out_edited_block(
    text: &str,
    block: Range<usize>,
    edits: &[&TextEdit],
) -> Option<Option<TextEdit>> {
    let file = edits.first()?.span.file;
    let relative: Vec<TextEdit> = edits
        .iter()
        .map(|edit| TextEdit {
            span: Span {
                file,
                start: edit.span.start - block.start as u32,
                end: edit.span.end - block.start as u32,
            },
            new_text: edit.new_text.clone(),
        })
        .collect();
    let original = text.get(block.clone())?;
    let edited = apply_edits(original, &relative)?;
    let laid_out = lay_out_block(&edited)?;
    Some(smallest_edit(file, original, &laid_out, block.start))
}

/// The edit replacing `before` (found at byte `offset` of its file) by `after`, cut to the
/// bytes that differ (on character boundaries), or `None` when they are equal.
fn smallest_edit(file: FileId, before: &str, after: &str, offset: usize) -> Option<TextEdit> {
    if before == after {
        return None;
    }
    let prefix = before
        .char_indices()
        .zip(after.chars())
        .find(|((_, a), b)| a != b)
        .map_or(before.len().min(after.len()), |((at, _), _)| at);
    let suffix = before[prefix..]
        .chars()
        .rev()
        .zip(after[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    let to_u32 = |at: usize| u32::try_from(offset + at).unwrap_or(u32::MAX);
    Some(TextEdit {
        span: Span {
            file,
            start: to_u32(prefix),
            end: to_u32(before.len() - suffix),
        },
        new_text: after[prefix..after.len() - suffix].to_string(),
    })
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
        analysis::check_with(&schema, options.clone())
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
    code: analysis::Code,
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

/// The texts with `fixes` applied, the blocks they touch laid out, or `None` when nothing
/// changes.
fn apply_fixes<'a>(
    texts: &[String],
    fixes: impl IntoIterator<Item = &'a Fix>,
) -> Option<Vec<String>> {
    let fixes: Vec<&Fix> = fixes.into_iter().collect();
    let mut changed = false;
    let mut out = Vec::with_capacity(texts.len());
    for (index, text) in texts.iter().enumerate() {
        let edits: Vec<TextEdit> = fixes
            .iter()
            .flat_map(|fix| &fix.edits)
            .filter(|edit| edit.span.file.0 as usize == index)
            .cloned()
            .collect();
        if edits.is_empty() {
            out.push(text.clone());
            continue;
        }
        match apply_edits(text, &laid_out(text, &edits)) {
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
            .filter(|d| d.severity == Severity::Error)
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
