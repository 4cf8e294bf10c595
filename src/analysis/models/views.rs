//! Views: behind a preview feature, and without what only tables have.

use super::*;

/// Views: behind the `views` preview feature.
pub(super) fn view(schema: &Schema, block: &Block, context: &Context, out: &mut Vec<Diagnostic>) {
    if !context.has_preview_feature("views") {
        let mut diagnostic = Diagnostic::error(
            codes::VIEW_PREVIEW_FEATURE,
            block.name.span,
            format!(
                "view `{}` needs the `views` preview feature in the generator's `previewFeatures`",
                block.name.text
            ),
        );
        if let Some(fix) = super::super::config::enable_preview_feature(schema, "views") {
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
    }
    // What views cannot have (ids, indexes, database settings on uniques) is checked with the
    // keys (`indexes`).
}
