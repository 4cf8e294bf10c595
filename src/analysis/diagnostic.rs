//! The one diagnostic type shared by the CLI and the server.

use crate::model::Span;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A stable rule code such as `syntax/unexpected` or `name/unknown-type`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Code(pub &'static str);

impl Code {
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

/// A second location that explains the first (the other declaration of a duplicate, …).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// Replace `span` with `new_text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEdit {
    pub span: Span,
    pub new_text: String,
}

/// Whether `check --fix` may apply a fix without asking: a safe fix keeps the meaning the
/// author evidently intended; an unsafe one is a guess (a "did you mean").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    Safe,
    Unsafe,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<TextEdit>,
    pub applicability: Applicability,
}

/// Text that belongs outside the schema, offered for the user to take: the SQL of a migration
/// that Prisma cannot express (a partial index without the preview feature, row-level
/// security). The server offers it as a new file next to the schema; the CLI prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// What the action says: "Write the SQL of a partial index to a file".
    pub title: String,
    /// The file name it suggests, next to the schema: `partial-indexes.sql`.
    pub file_name: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
    pub snippet: Option<Snippet>,
}

impl Diagnostic {
    pub fn new(code: Code, severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity,
            span,
            message: message.into(),
            related: Vec::new(),
            fixes: Vec::new(),
            snippet: None,
        }
    }

    pub fn error(code: Code, span: Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, span, message)
    }

    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }

    pub fn with_snippet(mut self, snippet: Snippet) -> Self {
        self.snippet = Some(snippet);
        self
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    /// Calls `f` on every span: the primary one, the related ones, the fixes' edits.
    pub(crate) fn for_each_span(&mut self, mut f: impl FnMut(&mut Span)) {
        f(&mut self.span);
        self.related.iter_mut().for_each(|r| f(&mut r.span));
        self.fixes
            .iter_mut()
            .flat_map(|fix| fix.edits.iter_mut())
            .for_each(|edit| f(&mut edit.span));
    }

    /// Moves every span by `delta` bytes into `file` (its block moved; see `Analyzer`).
    pub(crate) fn move_by(&mut self, delta: i64, file: crate::model::FileId) {
        let moved = |span: &mut Span| {
            span.start = u32::try_from(i64::from(span.start) + delta).unwrap_or(0);
            span.end = u32::try_from(i64::from(span.end) + delta).unwrap_or(0);
            span.file = file;
        };
        moved(&mut self.span);
        self.related.iter_mut().for_each(|r| moved(&mut r.span));
        self.fixes
            .iter_mut()
            .flat_map(|fix| fix.edits.iter_mut())
            .for_each(|edit| moved(&mut edit.span));
    }
}
