//! Scaffolding actions: edits offered whatever the diagnostics say ("Add soft delete to this
//! model", "Add audit log", …), as `refactor`/`source` code actions in the editor.

use super::Advisor;
use crate::analysis::TextEdit;
use crate::model::{Block, Schema};

/// Where an action applies: to the block under the cursor, or to the whole schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionScope {
    /// A `refactor` action on the block under the cursor.
    Block,
    /// A `source` action on the whole schema.
    Schema,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub title: String,
    pub scope: ActionScope,
    pub edits: Vec<TextEdit>,
}

/// The actions offered with the cursor in `block` (if any). An action whose edits would be
/// empty (everything already there) is not offered.
pub fn actions(advisor: &Advisor<'_>, block: Option<&Block>) -> Vec<Action> {
    let mut actions = Vec::new();
    super::soft_delete::actions(advisor, block, &mut actions);
    super::tenant::actions(advisor, block, &mut actions);
    super::templates::actions(advisor, &mut actions);
    actions.retain(|action| !action.edits.is_empty());
    actions
}

/// The text of a new block appended at the end of the schema's first file (or of `file`),
/// separated by one blank line.
pub fn append_block(schema: &Schema, file: crate::model::FileId, block_text: &str) -> TextEdit {
    let text = &schema.file(file).text;
    let end = text.len();
    let separator = if text.is_empty() || text.ends_with("\n\n") {
        ""
    } else if text.ends_with('\n') {
        "\n"
    } else {
        "\n\n"
    };
    TextEdit {
        span: crate::model::Span::new(file, end..end),
        new_text: format!("{separator}{block_text}"),
    }
}
