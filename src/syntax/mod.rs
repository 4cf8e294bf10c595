//! Layer 1: the tree-sitter parse, positions, and syntax errors.
//!
//! Everything here works on one file's text and tree; nothing knows about other files or
//! about Prisma's semantics.

mod errors;
mod line_index;

pub use errors::{SyntaxError, SyntaxErrorKind, syntax_errors};
pub use line_index::{LineCol, LineIndex, PositionEncoding};

use std::cell::RefCell;
use tree_sitter::{Language, Parser, Tree};

/// The tree-sitter language of Prisma schemas.
pub fn language() -> Language {
    tree_sitter_prisma::LANGUAGE.into()
}

thread_local! {
    // A parser is cheap to keep and not free to create; one per thread is enough.
    static PARSER: RefCell<Option<Parser>> = const { RefCell::new(None) };
}

/// Parses `text`, reusing `old` (already edited with `Tree::edit`) for an incremental parse.
pub fn parse(text: &str, old: Option<&Tree>) -> Tree {
    PARSER.with(|cell| {
        let mut slot = cell.borrow_mut();
        let parser = slot.get_or_insert_with(new_parser);
        // `parse` only returns None without a language, or when cancelled or timed out,
        // none of which we configure.
        parser
            .parse(text, old)
            .expect("a parser with a language and no timeout always returns a tree")
    })
}

fn new_parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&language())
        .expect("the bundled grammar matches the tree-sitter ABI it was generated for");
    parser
}

/// Node kinds of the grammar, named once so a typo is a compile error.
pub mod kind {
    pub const SOURCE_FILE: &str = "source_file";
    pub const MODEL_DECLARATION: &str = "model_declaration";
    pub const VIEW_DECLARATION: &str = "view_declaration";
    pub const TYPE_DECLARATION: &str = "type_declaration";
    pub const ENUM_DECLARATION: &str = "enum_declaration";
    pub const DATASOURCE_DECLARATION: &str = "datasource_declaration";
    pub const GENERATOR_DECLARATION: &str = "generator_declaration";
    pub const INVALID_DECLARATION: &str = "invalid_declaration";
    pub const MODEL_BLOCK: &str = "model_block";
    pub const ENUM_BLOCK: &str = "enum_block";
    pub const CONFIG_BLOCK: &str = "config_block";
    pub const FIELD_DECLARATION: &str = "field_declaration";
    pub const FIELD_TYPE: &str = "field_type";
    pub const UNSUPPORTED_TYPE: &str = "unsupported_type";
    pub const LIST_MODIFIER: &str = "list_modifier";
    pub const OPTIONAL_MODIFIER: &str = "optional_modifier";
    pub const REQUIRED_MODIFIER: &str = "required_modifier";
    pub const ENUM_VALUE: &str = "enum_value";
    pub const KEY_VALUE: &str = "key_value";
    pub const FIELD_ATTRIBUTE: &str = "field_attribute";
    pub const BLOCK_ATTRIBUTE: &str = "block_attribute";
    pub const ATTRIBUTE_NAME: &str = "attribute_name";
    pub const ARGUMENTS: &str = "arguments";
    pub const NAMED_ARGUMENT: &str = "named_argument";
    pub const FUNCTION_CALL: &str = "function_call";
    pub const ARRAY: &str = "array";
    pub const OBJECT: &str = "object";
    pub const OBJECT_ENTRY: &str = "object_entry";
    pub const STRING: &str = "string";
    pub const ESCAPE_SEQUENCE: &str = "escape_sequence";
    pub const NUMBER: &str = "number";
    pub const BOOLEAN: &str = "boolean";
    pub const IDENTIFIER: &str = "identifier";
    pub const PATH: &str = "path";
    pub const COMMENT: &str = "comment";
    pub const DOC_COMMENT: &str = "doc_comment";
    pub const IMPLICIT_BLOCK_END: &str = "implicit_block_end";
    pub const IMPLICIT_CLOSE: &str = "implicit_close";
    pub const UNTERMINATED_STRING_END: &str = "unterminated_string_end";
}
