//! Syntax errors as a person would describe them, from the tree's ERROR and MISSING nodes
//! and from the recovery nodes the grammar's scanner inserts.

use super::kind;
use std::ops::Range;
use tree_sitter::{Node, Tree};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Text the grammar cannot place (a tree-sitter ERROR node).
    Unexpected,
    /// A token the parser had to assume (a tree-sitter MISSING node).
    Missing,
    /// A block, bracket or string that is never closed.
    Unclosed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub range: Range<usize>,
    pub message: String,
    /// A second place worth showing, e.g. where an unclosed block should have ended.
    pub related: Option<(Range<usize>, String)>,
    /// Text whose insertion at this offset closes what is open (`"`, `]`, `)`).
    pub insertion: Option<(usize, String)>,
}

/// All syntax errors of a tree, in source order. An ERROR node inside another is part of
/// the same mistake and is not reported again.
pub fn syntax_errors(tree: &Tree, text: &str) -> Vec<SyntaxError> {
    let mut errors: Vec<SyntaxError> = Vec::new();
    let mut cursor = tree.walk();
    'walk: loop {
        let node = cursor.node();
        let descend = match classify(node, text) {
            Some(error) => {
                // Brackets and strings closed at the same point are one mistake: the inner one
                // is reported, with every closer the line needs.
                match (errors.last_mut(), &error.insertion) {
                    (Some(previous), Some((offset, closer)))
                        if previous
                            .insertion
                            .as_ref()
                            .is_some_and(|(o, _)| o == offset) =>
                    {
                        previous.absorb_closer(closer);
                    }
                    _ => errors.push(error),
                }
                false
            }
            // Recovery nodes are not errors to tree-sitter, so `has_error` cannot prune
            // the walk; they only occur inside blocks, arguments and strings.
            None => node.child_count() > 0,
        };
        if descend && cursor.goto_first_child() {
            continue;
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                break 'walk;
            }
        }
    }
    errors
}

impl SyntaxError {
    fn absorb_closer(&mut self, closer: &str) {
        if let Some((_, closers)) = &mut self.insertion {
            closers.push_str(closer);
            self.message = match self.message.split_once(": add `") {
                Some((head, _)) => format!("{head}: add `{closers}`"),
                None => self.message.clone(),
            };
        }
    }
}

fn classify(node: Node, text: &str) -> Option<SyntaxError> {
    if node.is_error() {
        return Some(unexpected(node, text));
    }
    if node.is_missing() {
        return Some(missing(node, text));
    }
    match node.kind() {
        kind::INVALID_DECLARATION => {
            let keyword = node.child_by_field_name("keyword").unwrap_or(node);
            Some(SyntaxError {
                kind: SyntaxErrorKind::Unexpected,
                range: keyword.byte_range(),
                message: format!(
                    "`{}` is not a kind of block: a block starts with `model`, `enum`, `type`, `view`, `datasource` or `generator`",
                    token_text(keyword, text)
                ),
                related: None,
                insertion: None,
            })
        }
        kind::IMPLICIT_BLOCK_END => Some(unclosed_block(node, text)),
        kind::IMPLICIT_CLOSE => Some(unclosed_bracket(node, text)),
        kind::UNTERMINATED_STRING_END => {
            let string = node.parent().unwrap_or(node);
            Some(SyntaxError {
                kind: SyntaxErrorKind::Unclosed,
                range: string.byte_range(),
                message: "this string is not closed on its line: add `\"`".into(),
                related: None,
                insertion: Some((node.start_byte(), "\"".into())),
            })
        }
        _ => None,
    }
}

fn unexpected(node: Node, text: &str) -> SyntaxError {
    let first = first_leaf(node);
    let found = token_text(first, text);
    // Underline the unexpected line, not every line an ERROR node happens to swallow.
    let line_end = text[node.start_byte()..]
        .find('\n')
        .map_or(node.end_byte(), |i| node.start_byte() + i);
    let end = node.end_byte().min(line_end).max(first.end_byte());
    let context = enclosing_context(node);
    let first_line = token_text(node, text);
    let message = match context {
        Context::TopLevel if BLOCK_KEYWORDS.contains(&found.as_str()) => format!(
            "`{first_line}` has no body: expected `{{` after the name, then the block's contents and `}}`"
        ),
        Context::Field if found == ":" => {
            "field declarations take no `:`: write `name Type`".to_string()
        }
        Context::Field if found == "[" => {
            "to declare a list, write `Type[]`, not `[Type]`".to_string()
        }
        Context::TopLevel if is_identifier(&found) => format!(
            "unexpected `{found}` at the top level: a schema contains `model`, `enum`, `type`, `view`, `datasource` and `generator` blocks"
        ),
        Context::TopLevel => format!(
            "unexpected `{found}`: expected a block such as `model Name {{ … }}` or `enum Name {{ … }}`"
        ),
        _ => format!("unexpected `{found}` {}", context.describe()),
    };
    SyntaxError {
        kind: SyntaxErrorKind::Unexpected,
        range: node.start_byte()..end,
        message,
        related: None,
        insertion: None,
    }
}

fn missing(node: Node, text: &str) -> SyntaxError {
    let parent = node.parent();
    let what = match node.kind() {
        kind::IDENTIFIER => match parent.map(|p| p.kind()) {
            Some(kind::MODEL_DECLARATION) => "a model name after `model`".to_string(),
            Some(kind::VIEW_DECLARATION) => "a view name after `view`".to_string(),
            Some(kind::TYPE_DECLARATION) => "a type name after `type`".to_string(),
            Some(kind::ENUM_DECLARATION) => "an enum name after `enum`".to_string(),
            Some(kind::DATASOURCE_DECLARATION) => {
                "a datasource name after `datasource`".to_string()
            }
            Some(kind::GENERATOR_DECLARATION) => "a generator name after `generator`".to_string(),
            _ => "a name".to_string(),
        },
        kind::STRING => "a string".to_string(),
        token => format!("`{token}`"),
    };
    let previous = node
        .prev_sibling()
        .map(|p| token_text(last_leaf(p), text))
        .filter(|t| !t.is_empty());
    let message = match (previous, node.kind()) {
        (Some(previous), kind) if kind != kind::IDENTIFIER => {
            format!("expected {what} after `{previous}`")
        }
        _ => format!("expected {what}"),
    };
    SyntaxError {
        kind: SyntaxErrorKind::Missing,
        range: node.start_byte()..node.end_byte(),
        message,
        related: None,
        insertion: None,
    }
}

fn unclosed_block(node: Node, text: &str) -> SyntaxError {
    let block = node.parent().unwrap_or(node);
    let declaration = block.parent().unwrap_or(block);
    let keyword = declaration
        .child(0)
        .map(|k| token_text(k, text))
        .unwrap_or_default();
    let name = declaration
        .child_by_field_name("name")
        .map(|n| token_text(n, text))
        .unwrap_or_default();
    let opening = block.child(0).unwrap_or(block).byte_range();
    let at_end = node.start_byte() >= text.len();
    let message = if at_end {
        format!("{keyword} `{name}` is not closed: add `}}` at the end of the file")
    } else {
        format!("{keyword} `{name}` is not closed: add `}}` before the next block")
    };
    let related = (!at_end).then(|| {
        let next = node.start_byte();
        let next_line_end = text[next..].find('\n').map_or(text.len(), |i| next + i);
        (
            next..next_line_end,
            format!("the next block starts here, so `{name}` ends before it"),
        )
    });
    SyntaxError {
        kind: SyntaxErrorKind::Unclosed,
        range: opening,
        message,
        related,
        insertion: None,
    }
}

fn unclosed_bracket(node: Node, text: &str) -> SyntaxError {
    let container = node.parent().unwrap_or(node);
    let (open, close, what) = match container.kind() {
        kind::ARRAY => ("[", "]", "list"),
        kind::ARGUMENTS => ("(", ")", "argument list"),
        _ => ("(", ")", "type argument"),
    };
    let opening = (0..container.child_count())
        .filter_map(|i| container.child(i))
        .find(|c| c.kind() == open)
        .unwrap_or(container);
    // The closer goes at the end of the opening line's content, before any comment.
    let line_end = text[node.start_byte()..]
        .find('\n')
        .map_or(text.len(), |i| node.start_byte() + i);
    let content_end = node.start_byte() + text[node.start_byte()..line_end].trim_end().len();
    let at = if node.start_byte() < content_end {
        node.start_byte()
    } else {
        content_end
    };
    SyntaxError {
        kind: SyntaxErrorKind::Unclosed,
        range: opening.byte_range(),
        message: format!("this {what} is never closed: add `{close}`"),
        related: None,
        insertion: Some((at, close.to_string())),
    }
}

/// What the parser was reading when it met an ERROR: the innermost construct around it.
#[derive(Clone, Copy)]
enum Context {
    TopLevel,
    Model,
    Enum,
    Config,
    Field,
    EnumValue,
    Property,
    Attribute,
    Arguments,
    Array,
    Object,
    Other,
}

impl Context {
    fn describe(self) -> &'static str {
        match self {
            Context::TopLevel => "at the top level",
            Context::Model => {
                "in the block: expected a field (`name Type`) or a block attribute (`@@…`)"
            }
            Context::Enum => "in the enum: expected an enum value or a block attribute (`@@…`)",
            Context::Config => "in the block: expected a property (`key = value`)",
            Context::Field => {
                "in the field: expected `?`, `[]`, an attribute (`@…`) or the end of the line"
            }
            Context::EnumValue => {
                "after the enum value: expected an attribute (`@…`) or the end of the line"
            }
            Context::Property => "in the property: expected a single value after `=`",
            Context::Attribute => {
                "in the attribute: expected `(` with its arguments or the end of the attribute"
            }
            Context::Arguments => "in the arguments: expected a value, `name: value`, `,` or `)`",
            Context::Array => "in the list: expected a value, `,` or `]`",
            Context::Object => "in the object: expected `key: value`, `,` or `}`",
            Context::Other => "here",
        }
    }
}

fn enclosing_context(node: Node) -> Context {
    let mut current = node.parent();
    while let Some(parent) = current {
        let context = match parent.kind() {
            kind::SOURCE_FILE => Context::TopLevel,
            kind::MODEL_BLOCK => Context::Model,
            kind::ENUM_BLOCK => Context::Enum,
            kind::CONFIG_BLOCK => Context::Config,
            kind::FIELD_DECLARATION => Context::Field,
            kind::ENUM_VALUE => Context::EnumValue,
            kind::KEY_VALUE => Context::Property,
            kind::FIELD_ATTRIBUTE | kind::BLOCK_ATTRIBUTE => Context::Attribute,
            kind::ARGUMENTS => Context::Arguments,
            kind::ARRAY => Context::Array,
            kind::OBJECT => Context::Object,
            _ if parent.is_error() => Context::Other,
            _ => {
                current = parent.parent();
                continue;
            }
        };
        return context;
    }
    Context::TopLevel
}

const BLOCK_KEYWORDS: &[&str] = &["model", "enum", "type", "view", "datasource", "generator"];

fn first_leaf(mut node: Node) -> Node {
    while let Some(child) = node.child(0) {
        node = child;
    }
    node
}

fn last_leaf(mut node: Node) -> Node {
    while let Some(child) = node.child(node.child_count().saturating_sub(1)) {
        node = child;
    }
    node
}

/// The node's text, cut at the first line break and at 40 characters.
fn token_text(node: Node, text: &str) -> String {
    let raw = text.get(node.byte_range()).unwrap_or_default();
    let line = raw.lines().next().unwrap_or_default().trim_end();
    match line.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}
