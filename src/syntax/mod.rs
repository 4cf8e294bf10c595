//! Layer 1: the tree-sitter parse, positions, and syntax errors.
//!
//! Everything here works on one file's text and tree; nothing knows about other files or
//! about Prisma's semantics.

mod errors;
mod line_index;

mod edit;

pub use edit::ByteEdit;
pub use errors::{
    Context, ErrorSite, MAX_NESTING, SyntaxError, SyntaxErrorKind, collect_error_sites,
    describe_errors, merge_line_errors,
};
pub use line_index::{
    LineCol, LineIndex, PositionEncoding, has_lone_carriage_return, is_line_break, line_end,
    line_start, lone_carriage_returns_as_newlines, next_line_start, split_lines,
};

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
///
/// Tree-sitter counts rows at `\n` only, and its error recovery weighs the lines it skips,
/// so a lone `\r` (a line break to Prisma, to LSP and to us) is shown to it as `\n`: the
/// same number of bytes, so every offset stays, and a file recovers from a mistake the
/// same way whichever line breaks it uses. Its points are then our lines
/// ([`LineIndex::point`]).
pub fn parse(text: &str, old: Option<&Tree>) -> Tree {
    let normalized;
    let text = if line_index::has_lone_carriage_return(text) {
        normalized = line_index::lone_carriage_returns_as_newlines(text);
        normalized.as_str()
    } else {
        text
    };
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

/// Declares the node kinds and fields the analyzer uses, resolved once to the grammar's
/// numeric ids: comparing `Node::kind_id()` with these is an integer compare, where
/// `Node::kind()` measures and validates a C string on every call.
macro_rules! grammar_ids {
    (
        named { $($kind:ident = $kind_name:literal,)* }
        anonymous { $($token:ident = $token_text:literal,)* }
        fields { $($field:ident = $field_name:literal,)* }
    ) => {
        /// Numeric ids of node kinds.
        #[derive(Debug)]
        pub struct Kinds { $(pub $kind: u16,)* $(pub $token: u16,)* }

        /// Numeric ids of fields (for `Node::child_by_field_id`).
        #[derive(Debug)]
        pub struct Fields { $(pub $field: u16,)* }

        impl Kinds {
            fn load(language: &Language) -> Self {
                Kinds {
                    $($kind: language.id_for_node_kind($kind_name, true),)*
                    $($token: language.id_for_node_kind($token_text, false),)*
                }
            }
        }

        impl Fields {
            fn load(language: &Language) -> Self {
                Fields {
                    $($field: language.field_id_for_name($field_name).map_or(0, u16::from),)*
                }
            }
        }
    };
}

grammar_ids! {
    named {
        source_file = "source_file",
        model_declaration = "model_declaration",
        view_declaration = "view_declaration",
        type_declaration = "type_declaration",
        enum_declaration = "enum_declaration",
        datasource_declaration = "datasource_declaration",
        generator_declaration = "generator_declaration",
        invalid_declaration = "invalid_declaration",
        model_block = "model_block",
        enum_block = "enum_block",
        config_block = "config_block",
        field_declaration = "field_declaration",
        field_type = "field_type",
        unsupported_type = "unsupported_type",
        list_modifier = "list_modifier",
        optional_modifier = "optional_modifier",
        required_modifier = "required_modifier",
        enum_value = "enum_value",
        key_value = "key_value",
        field_attribute = "field_attribute",
        block_attribute = "block_attribute",
        attribute_name = "attribute_name",
        arguments = "arguments",
        named_argument = "named_argument",
        function_call = "function_call",
        array = "array",
        object = "object",
        object_entry = "object_entry",
        string = "string",
        number = "number",
        boolean = "boolean",
        identifier = "identifier",
        path = "path",
        implicit_block_end = "implicit_block_end",
        implicit_close = "implicit_close",
        unterminated_string_end = "unterminated_string_end",
    }
    anonymous {
        close_brace = "}",
        close_paren = ")",
        close_bracket = "]",
        open_paren = "(",
        open_bracket = "[",
        comma = ",",
        quote = "\"",
    }
    fields {
        name = "name",
        body = "body",
        field_type = "type",
        base = "base",
        attribute = "attribute",
        arguments = "arguments",
        argument = "argument",
        key = "key",
        value = "value",
        keyword = "keyword",
    }
}

/// The grammar's node kind and field ids, resolved on first use.
pub struct Grammar {
    pub kinds: Kinds,
    pub fields: Fields,
}

/// The ids of the bundled grammar.
pub fn grammar() -> &'static Grammar {
    static GRAMMAR: std::sync::OnceLock<Grammar> = std::sync::OnceLock::new();
    GRAMMAR.get_or_init(|| {
        let language = language();
        Grammar {
            kinds: Kinds::load(&language),
            fields: Fields::load(&language),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name that is not in the grammar resolves to 0; every id we use must be real.
    #[test]
    fn every_kind_and_field_exists_in_the_grammar() {
        let debug = format!("{:?} {:?}", grammar().kinds, grammar().fields);
        assert!(
            !debug.contains(": 0,") && !debug.contains(": 0 }"),
            "{debug}"
        );
    }
}
