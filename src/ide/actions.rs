//! Code actions: the fixes of the diagnostics under the cursor (quick fixes), text to take
//! outside the schema (SQL snippets), and the advisor's scaffolding actions (refactor on the
//! block under the cursor, source on the whole schema).

use super::prisma_config::{self, NewPrismaConfig};
use crate::analysis::advisor::scaffold::{self, ActionScope};
use crate::analysis::advisor::{Advisor, rls};
use crate::analysis::{Applicability, Context, Diagnostic, Options, TextEdit};
use crate::model::{FileId, Schema, Span};
use crate::syntax;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActionKind {
    QuickFix,
    Refactor,
    Source,
}

/// A new file the action creates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFile {
    pub location: NewFileLocation,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewFileLocation {
    /// Next to the schema's first file, under this name or a free variant (`name-2.sql`).
    BesideSchema(String),
    /// Exactly here; the action is not offered when the file exists.
    At(std::path::PathBuf),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeAction {
    pub title: String,
    pub kind: ActionKind,
    /// The diagnostic it fixes (an index into the diagnostics given).
    pub diagnostic: Option<usize>,
    pub edits: Vec<TextEdit>,
    pub new_file: Option<NewFile>,
    /// The fix an editor may apply on its own ("fix all", auto-fix on save).
    pub preferred: bool,
}

/// What the editor asks code actions for.
#[derive(Clone, Copy, Debug)]
pub struct ActionRequest<'a> {
    /// The range (a cursor is an empty range).
    pub at: Span,
    /// Diagnostics the client names in its request (indices into the diagnostics given),
    /// wherever they are.
    pub named_diagnostics: &'a [usize],
    /// Where a `prisma.config.ts` could be created (None: the project has one).
    pub new_config: Option<&'a NewPrismaConfig>,
}

/// The actions for a request, given the schema's current diagnostics. A diagnostic's fixes
/// are offered anywhere on the lines it covers, as editors ask with the cursor's position,
/// which need not lie inside the diagnostic's span, and wherever it is when the client
/// names it.
pub fn code_actions(
    schema: &Schema,
    options: &Options,
    diagnostics: &[Diagnostic],
    request: ActionRequest<'_>,
) -> Vec<CodeAction> {
    let at = request.at;
    let mut actions = Vec::new();
    let lines = whole_lines(schema, at);
    for (index, diagnostic) in diagnostics.iter().enumerate() {
        let touches = diagnostic.span.file == lines.file
            && diagnostic.span.start <= lines.end
            && lines.start <= diagnostic.span.end;
        if !touches && !request.named_diagnostics.contains(&index) {
            continue;
        }
        if let Some(action) = request
            .new_config
            .and_then(|config| move_urls_to_config(schema, diagnostics, index, config))
        {
            actions.push(action);
        }
        for (position, fix) in diagnostic.fixes.iter().enumerate() {
            // One fix can repair several diagnostics (a relation's missing `fields` and
            // `references`): offer it once.
            let offered = actions.iter().any(|action: &CodeAction| {
                action.kind == ActionKind::QuickFix
                    && action.title == fix.title
                    && action.edits == fix.edits
            });
            if offered {
                continue;
            }
            actions.push(CodeAction {
                title: fix.title.clone(),
                kind: ActionKind::QuickFix,
                diagnostic: Some(index),
                edits: super::fixes::laid_out_in(schema, &fix.edits),
                new_file: None,
                preferred: position == 0 && fix.applicability == Applicability::Safe,
            });
        }
        if let Some(snippet) = &diagnostic.snippet {
            actions.push(CodeAction {
                title: snippet.title.clone(),
                kind: ActionKind::QuickFix,
                diagnostic: Some(index),
                edits: Vec::new(),
                new_file: Some(NewFile {
                    location: NewFileLocation::BesideSchema(snippet.file_name.clone()),
                    text: snippet.text.clone(),
                }),
                preferred: false,
            });
        }
    }
    let context = Context::new(schema, options);
    let advisor = Advisor::new(schema, &context, &options.advisor);
    let block = block_at(schema, at.file, at.start);
    for action in scaffold::actions(&advisor, block) {
        actions.push(CodeAction {
            title: action.title,
            kind: match action.scope {
                ActionScope::Block => ActionKind::Refactor,
                ActionScope::Schema => ActionKind::Source,
            },
            diagnostic: None,
            edits: action.edits,
            new_file: None,
            preferred: false,
        });
    }
    if let Ok(sql) = rls::sql(&advisor) {
        actions.push(CodeAction {
            title: "Generate row-level-security SQL (rls.sql)".to_string(),
            kind: ActionKind::Source,
            diagnostic: None,
            edits: Vec::new(),
            new_file: Some(NewFile {
                location: NewFileLocation::BesideSchema("rls.sql".to_string()),
                text: sql,
            }),
            preferred: false,
        });
    }
    actions
}

/// For a URL Prisma 7 rejects in the datasource: one action that writes all of the
/// datasource's URLs to a new `prisma.config.ts` and removes them from the schema (the
/// removals are the fixes of the datasource's `version/datasource-url` diagnostics).
fn move_urls_to_config(
    schema: &Schema,
    diagnostics: &[Diagnostic],
    index: usize,
    config: &NewPrismaConfig,
) -> Option<CodeAction> {
    let datasource = prisma_config::datasource_of(schema, diagnostics.get(index)?)?;
    let removals: Vec<TextEdit> = diagnostics
        .iter()
        .filter(|other| {
            prisma_config::datasource_of(schema, other)
                .is_some_and(|block| std::ptr::eq(block, datasource))
        })
        .filter_map(|other| other.fixes.first())
        .flat_map(|fix| fix.edits.iter().cloned())
        .collect();
    Some(CodeAction {
        title: "Move the connection URLs to a new prisma.config.ts".to_string(),
        kind: ActionKind::QuickFix,
        diagnostic: Some(index),
        edits: removals,
        new_file: Some(NewFile {
            location: NewFileLocation::At(config.path.clone()),
            text: prisma_config::config_text(schema, datasource, &config.schema_path),
        }),
        preferred: true,
    })
}

/// The block (of any kind) that contains `offset` in `file`.
fn block_at(schema: &Schema, file: FileId, offset: u32) -> Option<&crate::model::Block> {
    schema
        .file_model(file)
        .blocks
        .iter()
        .find(|block| block.span.start <= offset && offset <= block.span.end)
}

/// `span` widened to the whole lines it touches (without the last line break).
fn whole_lines(schema: &Schema, span: Span) -> Span {
    let text = &schema.file(span.file).text;
    let start = syntax::line_start(text, span.start as usize);
    let end = syntax::line_end(text, span.end as usize);
    Span::new(span.file, start..end)
}
