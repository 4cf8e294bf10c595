//! Applying one fix's edits to a text. Applying fixes as the user sees them (laid out, every
//! safe fix until none is left) is `ide::fixes`.

use super::TextEdit;

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
