//! Source files of a schema and spans into them.

use crate::syntax::{self, LineCol, LineIndex, PositionEncoding};
use std::ops::Range;
use tree_sitter::Tree;

/// Index of a file within its [`Schema`](super::Schema).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize)]
pub struct FileId(pub u32);

/// A byte range in one file of the schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub file: FileId,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: FileId, range: Range<usize>) -> Self {
        Span {
            file,
            start: clamp_u32(range.start),
            end: clamp_u32(range.end),
        }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, offset: usize) -> bool {
        self.range().contains(&offset) || offset == self.end as usize
    }
}

fn clamp_u32(value: usize) -> u32 {
    u32::try_from(value).unwrap_or(u32::MAX)
}

/// One parsed `.prisma` file: its name, text, tree and line index.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// How the file is shown to the user: a path as given on the command line, or a URI.
    pub name: String,
    pub text: String,
    pub tree: Tree,
    pub line_index: LineIndex,
}

impl SourceFile {
    pub fn parse(name: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let tree = syntax::parse(&text, None);
        Self::from_parts(name, text, tree)
    }

    /// A file whose tree was already parsed (e.g. incrementally by the server).
    pub fn from_parts(name: impl Into<String>, text: String, tree: Tree) -> Self {
        let line_index = LineIndex::new(&text);
        Self::with_line_index(name, text, tree, line_index)
    }

    /// A file whose tree and line index are already up to date (the server keeps both).
    pub fn with_line_index(
        name: impl Into<String>,
        text: String,
        tree: Tree,
        line_index: LineIndex,
    ) -> Self {
        debug_assert_eq!(
            line_index,
            LineIndex::new(&text),
            "the line index matches the text"
        );
        SourceFile {
            name: name.into(),
            line_index,
            text,
            tree,
        }
    }

    pub fn line_col(&self, offset: usize, encoding: PositionEncoding) -> LineCol {
        self.line_index.line_col(&self.text, offset, encoding)
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }
}

/// Two sources are equal when their names and texts are (the trees follow from the text).
impl PartialEq for SourceFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && self.text == other.text
    }
}
