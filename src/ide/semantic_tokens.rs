//! Semantic tokens: what each word of a file is, for the editor's colours.
//!
//! The syntax tree gives the shape (a keyword, an attribute, a named argument, a comment);
//! the schema says what a type name refers to (a model, an enum, a built-in scalar). The
//! tree is walked rather than the model because the model keeps no comments, keywords or
//! punctuation, and because tree-sitter's recovery keeps half-typed lines as nodes, so the
//! colours hold while the user types. Tokens never span a line break (LSP clients that do
//! not support multi-line tokens drop them): a block comment is cut into one token per line.

use crate::catalog;
use crate::model::{BlockKind, FileId, Schema, Span};
use crate::syntax::LineIndex;
use std::collections::HashMap;
use std::sync::OnceLock;
use tree_sitter::Node;

/// The kinds of token we emit. Their order is the legend the server advertises.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenType {
    /// `model`, `enum`, `type`, `view`, `datasource`, `generator`, `true`, `false`.
    Keyword,
    /// A model, view, composite type, enum or scalar type name.
    Type,
    /// An enum value, at its declaration and where it is used as a value.
    EnumMember,
    /// A field name, a configuration key, a field named in `fields: [...]` or an index.
    Property,
    /// `@id`, `@@index`, `@db.VarChar`: the `@` and the name.
    Decorator,
    /// `env`, `now`, `autoincrement`, `dbgenerated`…
    Function,
    String,
    Number,
    Comment,
    /// The name of a named argument (`fields:`, `onDelete:`).
    Parameter,
    /// The name of a datasource or generator.
    Variable,
}

impl TokenType {
    /// Every type, in legend order.
    pub const ALL: [TokenType; 11] = [
        TokenType::Keyword,
        TokenType::Type,
        TokenType::EnumMember,
        TokenType::Property,
        TokenType::Decorator,
        TokenType::Function,
        TokenType::String,
        TokenType::Number,
        TokenType::Comment,
        TokenType::Parameter,
        TokenType::Variable,
    ];

    /// The LSP name of the type (all are LSP's predefined ones).
    pub fn name(self) -> &'static str {
        match self {
            TokenType::Keyword => "keyword",
            TokenType::Type => "type",
            TokenType::EnumMember => "enumMember",
            TokenType::Property => "property",
            TokenType::Decorator => "decorator",
            TokenType::Function => "function",
            TokenType::String => "string",
            TokenType::Number => "number",
            TokenType::Comment => "comment",
            TokenType::Parameter => "parameter",
            TokenType::Variable => "variable",
        }
    }

    /// The index of the type in the legend.
    pub fn index(self) -> u32 {
        TokenType::ALL
            .iter()
            .position(|&t| t == self)
            .map_or(0, |i| i as u32)
    }
}

/// Token modifiers as a bit set; bit `i` is `MODIFIER_NAMES[i]`.
pub mod modifiers {
    /// Where the name is declared (a model's name after `model`, a field's name).
    pub const DECLARATION: u32 = 1 << 0;
    /// A `///` doc comment.
    pub const DOCUMENTATION: u32 = 1 << 1;
    /// A built-in scalar type (`String`, `Int`…).
    pub const DEFAULT_LIBRARY: u32 = 1 << 2;
}

/// The LSP names of the modifier bits, in bit order.
pub const MODIFIER_NAMES: [&str; 3] = ["declaration", "documentation", "defaultLibrary"];

/// One token: a byte range within one line, its type and modifier bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SemanticToken {
    pub span: Span,
    pub kind: TokenType,
    pub modifiers: u32,
}

/// Node kind ids this module needs beyond `syntax::grammar()` (resolved once).
struct Ids {
    keywords: [u16; 6],
    field_attribute: u16,
    block_attribute: u16,
    attribute_name: u16,
    field_declaration: u16,
    enum_value: u16,
    key_value: u16,
    named_argument: u16,
    function_call: u16,
    field_type: u16,
    unsupported_type: u16,
    array: u16,
    path: u16,
    object_entry: u16,
    identifier: u16,
    string: u16,
    number: u16,
    boolean: u16,
    comment: u16,
    doc_comment: u16,
    block_comment: u16,
    declarations: [(u16, BlockKind); 6],
    invalid_declaration: u16,
}

fn ids() -> &'static Ids {
    static IDS: OnceLock<Ids> = OnceLock::new();
    IDS.get_or_init(|| {
        let language = crate::syntax::language();
        let named = |name: &str| language.id_for_node_kind(name, true);
        let keyword = |name: &str| language.id_for_node_kind(name, false);
        Ids {
            keywords: ["model", "view", "type", "enum", "datasource", "generator"].map(keyword),
            field_attribute: named("field_attribute"),
            block_attribute: named("block_attribute"),
            attribute_name: named("attribute_name"),
            field_declaration: named("field_declaration"),
            enum_value: named("enum_value"),
            key_value: named("key_value"),
            named_argument: named("named_argument"),
            function_call: named("function_call"),
            field_type: named("field_type"),
            unsupported_type: named("unsupported_type"),
            array: named("array"),
            path: named("path"),
            object_entry: named("object_entry"),
            identifier: named("identifier"),
            string: named("string"),
            number: named("number"),
            boolean: named("boolean"),
            comment: named("comment"),
            doc_comment: named("doc_comment"),
            block_comment: named("block_comment"),
            declarations: [
                (named("model_declaration"), BlockKind::Model),
                (named("view_declaration"), BlockKind::View),
                (named("type_declaration"), BlockKind::CompositeType),
                (named("enum_declaration"), BlockKind::Enum),
                (named("datasource_declaration"), BlockKind::Datasource),
                (named("generator_declaration"), BlockKind::Generator),
            ],
            invalid_declaration: named("invalid_declaration"),
        }
    })
}

/// The tokens of one file of the schema, in source order, none overlapping another and
/// none crossing a line end.
pub fn semantic_tokens(schema: &Schema, file: FileId) -> Vec<SemanticToken> {
    semantic_tokens_cached(schema, file, &mut TokenCache::default())
}

/// The tokens of a file that touch `range` (bytes), for range requests: only the top-level
/// nodes that overlap it are walked (an editor asks for the visible lines first).
pub fn semantic_tokens_in(
    schema: &Schema,
    file: FileId,
    range: std::ops::Range<usize>,
) -> Vec<SemanticToken> {
    collect(
        schema,
        file,
        &mut TokenCache::default(),
        Some(range.clone()),
    )
    .into_iter()
    .filter(|t| (t.span.end as usize) > range.start && (t.span.start as usize) < range.end)
    .collect()
}

/// The tokens of the blocks of one file from the last request, by block revision and
/// relative to the block's start: a block that no edit touched keeps its revision (see
/// `model::Revision`) and its text, so its tokens are reused instead of walked again. The
/// kinds also depend on which scalar type names the schema redeclares, which is kept too.
#[derive(Default)]
pub struct TokenCache {
    redeclared_scalars: Vec<bool>,
    blocks: HashMap<u64, Vec<RelativeToken>>,
}

#[derive(Clone, Copy)]
struct RelativeToken {
    start: u32,
    end: u32,
    kind: TokenType,
    modifiers: u32,
}

/// `semantic_tokens`, reusing (and refreshing) what `cache` kept from the same file.
pub fn semantic_tokens_cached(
    schema: &Schema,
    file: FileId,
    cache: &mut TokenCache,
) -> Vec<SemanticToken> {
    collect(schema, file, cache, None)
}

fn collect(
    schema: &Schema,
    file: FileId,
    cache: &mut TokenCache,
    range: Option<std::ops::Range<usize>>,
) -> Vec<SemanticToken> {
    let source = schema.file(file);
    let redeclared: Vec<bool> = catalog::SCALAR_TYPES
        .iter()
        .map(|scalar| schema.find_type(scalar.name).is_some())
        .collect();
    if redeclared != cache.redeclared_scalars {
        cache.blocks.clear();
        cache.redeclared_scalars = redeclared;
    }
    let blocks = &schema.file_model(file).blocks;
    let mut collector = Collector {
        schema,
        file,
        text: &source.text,
        line_index: &source.line_index,
        ids: ids(),
        tokens: Vec::new(),
    };
    let mut kept = HashMap::new();
    let root = source.tree.root_node();
    let mut cursor = root.walk();
    let mut more = cursor.goto_first_child();
    while more {
        let node = cursor.node();
        more = cursor.goto_next_sibling();
        let wanted = range
            .as_ref()
            .is_none_or(|range| node.end_byte() >= range.start && node.start_byte() <= range.end);
        if !wanted {
            continue;
        }
        let start = node.start_byte();
        let block = blocks
            .binary_search_by_key(&start, |block| block.span.start as usize)
            .ok()
            .and_then(|index| blocks.get(index))
            .filter(|block| block.span.end as usize == node.end_byte());
        let Some(block) = block else {
            collector.walk_subtree(node, root.kind_id());
            continue;
        };
        let revision = block.revision.get();
        let relative = match cache.blocks.remove(&revision) {
            Some(relative) => relative,
            None => {
                let from = collector.tokens.len();
                collector.walk_subtree(node, root.kind_id());
                let fresh: Vec<RelativeToken> = collector
                    .tokens
                    .drain(from..)
                    .map(|token| RelativeToken {
                        start: token.span.start - start as u32,
                        end: token.span.end - start as u32,
                        kind: token.kind,
                        modifiers: token.modifiers,
                    })
                    .collect();
                fresh
            }
        };
        collector
            .tokens
            .extend(relative.iter().map(|token| SemanticToken {
                span: Span::new(
                    file,
                    start + token.start as usize..start + token.end as usize,
                ),
                kind: token.kind,
                modifiers: token.modifiers,
            }));
        kept.insert(revision, relative);
    }
    // Only what this request used stays: blocks edited away are forgotten. A range request
    // keeps the rest too.
    if range.is_some() {
        cache.blocks.extend(kept);
    } else {
        cache.blocks = kept;
    }
    let mut tokens = collector.tokens;
    // The walk emits in source order already; sorting and dropping overlaps keeps the
    // promise even if a recovered tree nests nodes in an unexpected way.
    tokens.sort_by_key(|t| (t.span.start, t.span.end));
    let mut end = 0;
    tokens.retain(|token| {
        let keep = token.span.start >= end && token.span.end > token.span.start;
        if keep {
            end = token.span.end;
        }
        keep
    });
    tokens
}

/// Where a node stands: its field in its parent, its parent's and grandparent's kinds.
#[derive(Clone, Copy, Default)]
struct Place {
    field: u16,
    parent_kind: u16,
    grandparent_kind: u16,
}

struct Collector<'a> {
    schema: &'a Schema,
    file: FileId,
    text: &'a str,
    line_index: &'a LineIndex,
    ids: &'static Ids,
    tokens: Vec<SemanticToken>,
}

impl Collector<'_> {
    /// Adds a token for `start..end`, cut at line ends.
    fn push(&mut self, start: usize, end: usize, kind: TokenType, modifiers: u32) {
        let end = end.min(self.text.len());
        let mut start = start;
        while start < end {
            let line = self.line_index.line_of(start);
            let line_end = self
                .line_index
                .line_range(self.text, line)
                .map_or(end, |range| range.end)
                .min(end);
            if line_end > start {
                self.tokens.push(SemanticToken {
                    span: Span::new(self.file, start..line_end),
                    kind,
                    modifiers,
                });
            }
            // Skip the line break (and a `\r` before it) to the next line's start.
            let next = self.line_index.line_range(self.text, line + 1);
            match next {
                Some(range) if range.start > start => start = range.start,
                _ => break,
            }
        }
    }

    fn push_node(&mut self, node: Node, kind: TokenType, modifiers: u32) {
        self.push(node.start_byte(), node.end_byte(), kind, modifiers);
    }

    /// Visits `node` and everything below it with one cursor, depth first, keeping the
    /// kinds of the ancestors on a stack: `Node::parent` searches from the root on every
    /// call, and a cursor per node allocates. `parent_kind` is the kind of `node`'s parent.
    fn walk_subtree(&mut self, node: Node, parent_kind: u16) {
        let mut cursor = node.walk();
        let mut ancestors: Vec<u16> = vec![parent_kind];
        loop {
            let node = cursor.node();
            let at = Place {
                field: cursor.field_id().map_or(0, u16::from),
                parent_kind: ancestors.last().copied().unwrap_or(0),
                grandparent_kind: ancestors
                    .len()
                    .checked_sub(2)
                    .and_then(|i| ancestors.get(i))
                    .copied()
                    .unwrap_or(0),
            };
            if self.visit(node, at) && cursor.goto_first_child() {
                ancestors.push(node.kind_id());
                continue;
            }
            loop {
                // The cursor starts at `node`: it has no siblings or parent to go to.
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    return;
                }
                ancestors.pop();
            }
        }
    }

    /// Emits the tokens of `node` itself; whether its children are to be visited.
    fn visit(&mut self, node: Node, at: Place) -> bool {
        let ids = self.ids;
        let kind = node.kind_id();
        let in_attribute =
            at.parent_kind == ids.field_attribute || at.parent_kind == ids.block_attribute;
        // `@`/`@@` and the attribute's name are part of the attribute's decorator token.
        if in_attribute && (!node.is_named() || kind == ids.attribute_name) {
            return false;
        }
        if !node.is_named() {
            if ids.keywords.contains(&kind) {
                self.push_node(node, TokenType::Keyword, 0);
            }
            return false;
        }
        if kind == ids.comment || kind == ids.block_comment {
            self.push_node(node, TokenType::Comment, 0);
            return false;
        }
        if kind == ids.doc_comment {
            self.push_node(node, TokenType::Comment, modifiers::DOCUMENTATION);
            return false;
        }
        if kind == ids.string {
            self.push_node(node, TokenType::String, 0);
            return false;
        }
        if kind == ids.number {
            self.push_node(node, TokenType::Number, 0);
            return false;
        }
        if kind == ids.boolean {
            self.push_node(node, TokenType::Keyword, 0);
            return false;
        }
        if kind == ids.identifier {
            self.identifier(node, at);
            return false;
        }
        if kind == ids.field_attribute || kind == ids.block_attribute {
            // `@` or `@@` and the name as one decorator token; the arguments follow.
            let mut cursor = node.walk();
            let decorator_end = node
                .children(&mut cursor)
                .filter(|c| !c.is_named() || c.kind_id() == ids.attribute_name)
                .map(|c| c.end_byte())
                .last();
            if let Some(end) = decorator_end {
                self.push(node.start_byte(), end, TokenType::Decorator, 0);
            }
        }
        true
    }

    /// An identifier, by where it stands.
    fn identifier(&mut self, node: Node, at: Place) {
        let ids = self.ids;
        let fields = &crate::syntax::grammar().fields;
        let parent_kind = at.parent_kind;
        let name = self.text.get(node.byte_range()).unwrap_or_default();
        if let Some(&(_, block_kind)) = ids.declarations.iter().find(|(id, _)| *id == parent_kind) {
            if at.field == fields.name {
                let kind = if block_kind.is_type() {
                    TokenType::Type
                } else {
                    TokenType::Variable
                };
                self.push_node(node, kind, modifiers::DECLARATION);
            }
            return;
        }
        if parent_kind == ids.invalid_declaration {
            // `modle User {`: the name still reads as a type being declared; the
            // misspelt keyword gets no colour (the diagnostic marks it).
            if at.field == fields.name {
                self.push_node(node, TokenType::Type, modifiers::DECLARATION);
            }
            return;
        }
        let (kind, modifiers) = if parent_kind == ids.field_declaration {
            (TokenType::Property, modifiers::DECLARATION)
        } else if parent_kind == ids.enum_value {
            (TokenType::EnumMember, modifiers::DECLARATION)
        } else if (parent_kind == ids.key_value || parent_kind == ids.object_entry)
            && at.field == fields.key
        {
            (TokenType::Property, 0)
        } else if parent_kind == ids.named_argument && at.field == fields.name {
            (TokenType::Parameter, 0)
        } else if parent_kind == ids.field_type {
            self.type_name(name)
        } else if parent_kind == ids.unsupported_type {
            (TokenType::Type, modifiers::DEFAULT_LIBRARY)
        } else if parent_kind == ids.function_call {
            // In a field list (`@@index([title(ops: …)])`) the "function" is a field.
            if at.grandparent_kind == ids.array {
                (TokenType::Property, 0)
            } else {
                (TokenType::Function, 0)
            }
        } else if parent_kind == ids.array || parent_kind == ids.path {
            // Field lists: `fields: [authorId]`, `@@index([a, b])`, `address.street`.
            (TokenType::Property, 0)
        } else {
            // A bare value: an enum value in `@default(USER)`, a referential action,
            // `Desc`, or a single field in `@@index(a)`.
            (TokenType::EnumMember, 0)
        };
        self.push_node(node, kind, modifiers);
    }

    fn type_name(&self, name: &str) -> (TokenType, u32) {
        if catalog::is_scalar_type(name) && self.schema.find_type(name).is_none() {
            (TokenType::Type, modifiers::DEFAULT_LIBRARY)
        } else {
            (TokenType::Type, 0)
        }
    }
}

/// The edit that turns `old` into `new` (LSP's semantic tokens delta): the start index, how
/// many numbers to delete, and the numbers to insert. One edit covering everything between
/// the common prefix and the common suffix; `None` when the arrays are equal.
pub fn tokens_delta(old: &[u32], new: &[u32]) -> Option<(u32, u32, Vec<u32>)> {
    if old == new {
        return None;
    }
    // Compare whole tokens (five numbers each) so an edit never splits one.
    let prefix_tokens = old
        .chunks(5)
        .zip(new.chunks(5))
        .take_while(|(a, b)| a == b)
        .count();
    let prefix = prefix_tokens * 5;
    let max_suffix = (old.len() - prefix).min(new.len() - prefix) / 5;
    let suffix_tokens = old
        .rchunks(5)
        .zip(new.rchunks(5))
        .take(max_suffix)
        .take_while(|(a, b)| a == b && a.len() == 5)
        .count();
    let suffix = suffix_tokens * 5;
    let start = prefix;
    let delete = old.len() - prefix - suffix;
    let insert = new[prefix..new.len() - suffix].to_vec();
    Some((start as u32, delete as u32, insert))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(String, &'static str, u32)> {
        let schema = Schema::parse("test.prisma", text);
        semantic_tokens(&schema, FileId(0))
            .into_iter()
            .map(|t| (schema.text(t.span).to_string(), t.kind.name(), t.modifiers))
            .collect()
    }

    fn kind_of(text: &str, word: &str) -> Option<(&'static str, u32)> {
        tokens(text)
            .into_iter()
            .find(|(t, _, _)| t == word)
            .map(|(_, kind, modifiers)| (kind, modifiers))
    }

    const SCHEMA: &str = r#"// a comment
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

/// A user.
model User {
  id    Int    @id @default(autoincrement())
  role  Role   @default(USER)
  posts Post[]
  @@index([role])
}

model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id], onDelete: Cascade)
  size     Decimal @db.Decimal(10, 2)
}

enum Role {
  USER
  ADMIN
}
"#;

    #[test]
    fn classifies_the_words_of_a_schema() {
        use modifiers::*;
        assert_eq!(kind_of(SCHEMA, "// a comment"), Some(("comment", 0)));
        assert_eq!(
            kind_of(SCHEMA, "/// A user."),
            Some(("comment", DOCUMENTATION))
        );
        assert_eq!(kind_of(SCHEMA, "datasource"), Some(("keyword", 0)));
        assert_eq!(kind_of(SCHEMA, "db"), Some(("variable", DECLARATION)));
        assert_eq!(kind_of(SCHEMA, "provider"), Some(("property", 0)));
        assert_eq!(kind_of(SCHEMA, "\"postgresql\""), Some(("string", 0)));
        assert_eq!(kind_of(SCHEMA, "env"), Some(("function", 0)));
        assert_eq!(kind_of(SCHEMA, "User"), Some(("type", DECLARATION)));
        assert_eq!(kind_of(SCHEMA, "id"), Some(("property", DECLARATION)));
        assert_eq!(kind_of(SCHEMA, "Int"), Some(("type", DEFAULT_LIBRARY)));
        assert_eq!(kind_of(SCHEMA, "@id"), Some(("decorator", 0)));
        assert_eq!(kind_of(SCHEMA, "autoincrement"), Some(("function", 0)));
        assert_eq!(kind_of(SCHEMA, "Role"), Some(("type", 0)));
        assert_eq!(kind_of(SCHEMA, "USER"), Some(("enumMember", 0)));
        assert_eq!(kind_of(SCHEMA, "@@index"), Some(("decorator", 0)));
        assert_eq!(kind_of(SCHEMA, "fields"), Some(("parameter", 0)));
        assert_eq!(kind_of(SCHEMA, "authorId"), Some(("property", DECLARATION)));
        assert_eq!(kind_of(SCHEMA, "Cascade"), Some(("enumMember", 0)));
        assert_eq!(kind_of(SCHEMA, "@db.Decimal"), Some(("decorator", 0)));
        assert_eq!(kind_of(SCHEMA, "10"), Some(("number", 0)));
        let all = tokens(SCHEMA);
        assert!(all.contains(&("ADMIN".into(), "enumMember", DECLARATION)));
        assert!(all.contains(&("role".into(), "property", 0)), "{all:?}");
        assert!(all.contains(&("authorId".into(), "property", 0)));
    }

    #[test]
    fn views_composite_types_and_index_arguments() {
        let text = "view V {\n  id Int @unique\n}\ntype Address {\n  street String\n  geo Unsupported(\"point\")\n  ok Boolean @default(true)\n}\nmodel M {\n  a String\n  addr Address\n  @@index([a(sort: Desc)], type: Hash)\n  @@unique([addr.street])\n}\n";
        let all = tokens(text);
        let has = |word: &str, kind: &str, modifiers: u32| {
            assert!(
                all.contains(&(word.to_string(), kind_name(kind), modifiers)),
                "{word} {kind}: {all:?}"
            );
        };
        fn kind_name(kind: &str) -> &'static str {
            TokenType::ALL
                .iter()
                .map(|t| t.name())
                .find(|name| *name == kind)
                .unwrap_or("?")
        }
        has("view", "keyword", 0);
        has("type", "keyword", 0);
        has("V", "type", modifiers::DECLARATION);
        has("Address", "type", modifiers::DECLARATION);
        has("Address", "type", 0);
        has("Unsupported", "type", modifiers::DEFAULT_LIBRARY);
        has("\"point\"", "string", 0);
        has("true", "keyword", 0);
        has("a", "property", 0);
        has("sort", "parameter", 0);
        has("Desc", "enumMember", 0);
        has("type", "parameter", 0);
        has("Hash", "enumMember", 0);
        has("addr", "property", 0);
        has("street", "property", 0);
    }

    #[test]
    fn block_comments_are_cut_at_line_ends() {
        let text = "/* one\r\n two */\nmodel A {\n  id Int @id\n}\n";
        let all = tokens(text);
        assert_eq!(all[0], ("/* one".into(), "comment", 0));
        assert_eq!(all[1], (" two */".into(), "comment", 0));
    }

    #[test]
    fn broken_text_still_gets_tokens_and_never_panics() {
        let texts = [
            "model User {\n  id Int @\n  name Str",
            "modle User {\n  id Int\n}\n",
            "model {\n  @@index([\n}\n",
            "datasource db {\n  url = env(\"X\n}\n",
            "model A { id Int @default(\"unterminated\n}",
            "",
            "@@@",
        ];
        for text in texts {
            let schema = Schema::parse("t.prisma", text);
            let all = semantic_tokens(&schema, FileId(0));
            let mut end = 0;
            for token in &all {
                assert!(token.span.start >= end, "{text:?}: {all:?}");
                assert!(!schema.text(token.span).contains('\n'));
                end = token.span.end;
            }
        }
        assert_eq!(
            kind_of("model User {\n  id Int @\n  name Str", "name"),
            Some(("property", modifiers::DECLARATION))
        );
        assert_eq!(
            kind_of("modle User {\n  id Int\n}\n", "User"),
            Some(("type", modifiers::DECLARATION))
        );
    }

    #[test]
    fn a_model_named_like_a_scalar_is_not_a_builtin() {
        // Prisma rejects it, but the colour should follow what the name resolves to.
        let text = "model A {\n  b Int\n}\nmodel Int {\n  id String @id\n}\n";
        assert_eq!(kind_of(text, "Int"), Some(("type", 0)));
        assert_eq!(
            kind_of(text, "String"),
            Some(("type", modifiers::DEFAULT_LIBRARY))
        );
    }

    #[test]
    fn delta_is_one_edit_between_prefix_and_suffix() {
        let old = [0, 0, 5, 1, 0, 1, 2, 3, 2, 0, 1, 0, 4, 3, 0];
        let new = [0, 0, 5, 1, 0, 1, 2, 6, 2, 0, 1, 0, 4, 3, 0];
        assert_eq!(tokens_delta(&old, &new), Some((5, 5, vec![1, 2, 6, 2, 0])));
        assert_eq!(tokens_delta(&old, &old), None);
        assert_eq!(tokens_delta(&old, &old[..10]), Some((10, 5, Vec::new())));
        assert_eq!(
            tokens_delta(&old[..5], &old),
            Some((5, 0, old[5..].to_vec()))
        );
        assert_eq!(
            tokens_delta(&[], &old[..5]),
            Some((0, 0, old[..5].to_vec()))
        );
        // Applying the edit gives the new array.
        let (start, delete, insert) = tokens_delta(&old, &new).unwrap_or_default();
        let mut applied = old.to_vec();
        applied.splice(
            start as usize..(start + delete) as usize,
            insert.iter().copied(),
        );
        assert_eq!(applied, new);
    }
}
