//! The Prisma Schema Language grammar for [tree-sitter](https://tree-sitter.github.io/).
//!
//! ```
//! let mut parser = tree_sitter::Parser::new();
//! parser.set_language(&tree_sitter_prisma::LANGUAGE.into()).unwrap();
//! let tree = parser.parse("model User {\n  id Int @id\n}\n", None).unwrap();
//! assert!(!tree.root_node().has_error());
//! ```

use tree_sitter_language::LanguageFn;

unsafe extern "C" {
    fn tree_sitter_prisma() -> *const ();
}

/// The tree-sitter language of Prisma schemas.
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_prisma) };

/// The `node-types.json` of the grammar: every node kind and its fields.
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");

/// Syntax highlighting query (tree-sitter highlight capture names).
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");

/// Scopes and definitions/references for editors that use locals queries.
pub const LOCALS_QUERY: &str = include_str!("../../queries/locals.scm");

/// Foldable blocks.
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");
