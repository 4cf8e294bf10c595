//! Syntax errors as a person would describe them, from the tree's ERROR and MISSING nodes
//! and from the recovery nodes the grammar's scanner inserts.

use super::grammar;
use std::ops::Range;
use tree_sitter::Node;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// Text the grammar cannot place (a tree-sitter ERROR node, an unknown block keyword).
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

impl SyntaxError {
    pub(crate) fn new(kind: SyntaxErrorKind, range: Range<usize>, message: String) -> Self {
        SyntaxError {
            kind,
            range,
            message,
            related: None,
            insertion: None,
        }
    }

    /// Moves the error by `delta` bytes (its text moved, see `model::FileModel::update`).
    pub fn shift(&mut self, delta: i64) {
        let moved = |offset: usize| usize::try_from(offset as i64 + delta).unwrap_or(0);
        self.range = moved(self.range.start)..moved(self.range.end);
        if let Some((range, _)) = &mut self.related {
            *range = moved(range.start)..moved(range.end);
        }
        if let Some((offset, _)) = &mut self.insertion {
            *offset = moved(*offset);
        }
    }

    fn absorb_closer(&mut self, closer: &str) {
        if let Some((_, closers)) = &mut self.insertion {
            closers.push_str(closer);
            if let Some((head, _)) = self.message.split_once(": add `") {
                self.message = format!("{head}: add `{closers}`");
            }
        }
    }
}

const BLOCK_KEYWORDS: &[&str] = &["model", "enum", "type", "view", "datasource", "generator"];

/// Describes error nodes (ERROR, MISSING, and the grammar's recovery nodes:
/// `invalid_declaration`, `implicit_block_end`, `implicit_close`, `unterminated_string_end`)
/// as syntax errors, in source order. Recovery nodes inside an ERROR node are part of that
/// error and not reported again.
///
/// Tree-sitter does not count recovery nodes as errors, so finding them needs a walk over
/// the tree; the model's lowering does that walk anyway and collects them (see
/// `model::lower`). ERROR and MISSING nodes come from [`collect_error_nodes`].
pub fn describe_errors(text: &str, mut nodes: Vec<Node>) -> Vec<SyntaxError> {
    let error_ranges: Vec<Range<usize>> = nodes
        .iter()
        .filter(|n| n.is_error())
        .map(|n| n.byte_range())
        .collect();
    nodes.retain(|node| {
        node.is_error()
            || !error_ranges
                .iter()
                .any(|r| r.start <= node.start_byte() && node.end_byte() <= r.end)
    });
    // Stable: nodes at one offset keep their order, innermost bracket first.
    nodes.sort_by_key(|n| n.start_byte());

    let mut errors: Vec<SyntaxError> = Vec::new();
    for node in nodes {
        let Some(error) = classify(node, text) else {
            continue;
        };
        // Brackets and strings closed at the same point are one mistake: the inner one is
        // reported, with every closer the line needs.
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
    }
    errors
}

/// Unexpected text that goes on along one line is one mistake: errors after the first on a
/// line are folded into it (its range grows to cover them). `errors` must be sorted.
pub fn merge_line_errors(text: &str, errors: &mut Vec<SyntaxError>) {
    let mut merged: Vec<SyntaxError> = Vec::with_capacity(errors.len());
    for error in errors.drain(..) {
        if let Some(previous) = merged.last_mut()
            && previous.kind == SyntaxErrorKind::Unexpected
            && error.kind == SyntaxErrorKind::Unexpected
            && previous.range.start <= error.range.start
            && !text[previous.range.start..error.range.start].contains('\n')
        {
            previous.range.end = previous.range.end.max(error.range.end);
            continue;
        }
        merged.push(error);
    }
    *errors = merged;
}

/// ERROR and MISSING nodes under `node`, without descending into subtrees free of them or
/// into ERROR nodes (whatever is inside is part of that error).
pub fn collect_error_nodes<'tree>(node: Node<'tree>, out: &mut Vec<Node<'tree>>) {
    if node.is_error() || node.is_missing() {
        out.push(node);
        return;
    }
    if !node.has_error() {
        return;
    }
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect_error_nodes(child, out);
    }
}

fn classify(node: Node, text: &str) -> Option<SyntaxError> {
    if node.is_error() {
        return Some(unexpected(node, text));
    }
    if node.is_missing() {
        return Some(missing(node, text));
    }
    let kinds = &grammar().kinds;
    let id = node.kind_id();
    if id == kinds.invalid_declaration {
        let keyword = node
            .child_by_field_id(grammar().fields.keyword)
            .unwrap_or(node);
        Some(SyntaxError::new(
            SyntaxErrorKind::Unexpected,
            keyword.byte_range(),
            format!(
                "`{}` is not a kind of block: a block starts with `model`, `enum`, `type`, `view`, `datasource` or `generator`",
                token_text(keyword, text)
            ),
        ))
    } else if id == kinds.implicit_block_end {
        Some(unclosed_block(node, text))
    } else if id == kinds.implicit_close {
        Some(unclosed_bracket(node, text))
    } else if id == kinds.unterminated_string_end {
        let string = node.parent().unwrap_or(node);
        let mut error = SyntaxError::new(
            SyntaxErrorKind::Unclosed,
            string.byte_range(),
            "this string is not closed on its line: add `\"`".into(),
        );
        error.insertion = Some((node.start_byte(), "\"".into()));
        Some(error)
    } else {
        None
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
    SyntaxError::new(SyntaxErrorKind::Unexpected, node.start_byte()..end, message)
}

fn missing(node: Node, text: &str) -> SyntaxError {
    let kinds = &grammar().kinds;
    let is_identifier = node.kind_id() == kinds.identifier;
    let what = if is_identifier {
        // A missing name: say after which keyword (the parent's first token).
        match node
            .parent()
            .and_then(|p| p.child(0))
            .map(|k| token_text(k, text))
        {
            Some(keyword) if BLOCK_KEYWORDS.contains(&keyword.as_str()) => {
                let article = if keyword == "enum" { "an" } else { "a" };
                format!("{article} {keyword} name after `{keyword}`")
            }
            _ => "a name".to_string(),
        }
    } else if node.kind_id() == kinds.string {
        "a string".to_string()
    } else {
        format!("`{}`", node.kind())
    };
    let previous = node
        .prev_sibling()
        .map(|p| token_text(last_leaf(p), text))
        .filter(|t| !t.is_empty());
    let message = match previous {
        Some(previous) if !is_identifier => format!("expected {what} after `{previous}`"),
        _ => format!("expected {what}"),
    };
    SyntaxError::new(SyntaxErrorKind::Missing, node.byte_range(), message)
}

fn unclosed_block(node: Node, text: &str) -> SyntaxError {
    let block = node.parent().unwrap_or(node);
    let declaration = block.parent().unwrap_or(block);
    let keyword = declaration
        .child(0)
        .map(|k| token_text(k, text))
        .unwrap_or_default();
    let name = declaration
        .child_by_field_id(grammar().fields.name)
        .map(|n| token_text(n, text))
        .unwrap_or_default();
    let opening = block.child(0).unwrap_or(block).byte_range();
    let at_end = node.start_byte() >= text.len();
    let mut error = SyntaxError::new(
        SyntaxErrorKind::Unclosed,
        opening,
        if at_end {
            format!("{keyword} `{name}` is not closed: add `}}` at the end of the file")
        } else {
            format!("{keyword} `{name}` is not closed: add `}}` before the next block")
        },
    );
    if !at_end {
        let next = node.start_byte();
        let next_line_end = text[next..].find('\n').map_or(text.len(), |i| next + i);
        error.related = Some((
            next..next_line_end,
            format!("the next block starts here, so `{name}` ends before it"),
        ));
    }
    error
}

fn unclosed_bracket(node: Node, text: &str) -> SyntaxError {
    let kinds = &grammar().kinds;
    let container = node.parent().unwrap_or(node);
    let (open, close, what) = match container.kind_id() {
        id if id == kinds.array => (kinds.open_bracket, "]", "list"),
        id if id == kinds.arguments => (kinds.open_paren, ")", "argument list"),
        _ => (kinds.open_paren, ")", "type argument"),
    };
    let opening = (0..container.child_count())
        .filter_map(|i| container.child(i))
        .find(|c| c.kind_id() == open)
        .unwrap_or(container);
    // The closer goes at the end of the opening line's content, before any comment.
    let line_end = text[node.start_byte()..]
        .find('\n')
        .map_or(text.len(), |i| node.start_byte() + i);
    let content_end = node.start_byte() + text[node.start_byte()..line_end].trim_end().len();
    let mut error = SyntaxError::new(
        SyntaxErrorKind::Unclosed,
        opening.byte_range(),
        format!("this {what} is never closed: add `{close}`"),
    );
    error.insertion = Some((node.start_byte().min(content_end), close.to_string()));
    error
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
    let k = &grammar().kinds;
    let contexts = [
        (k.source_file, Context::TopLevel),
        (k.model_block, Context::Model),
        (k.enum_block, Context::Enum),
        (k.config_block, Context::Config),
        (k.field_declaration, Context::Field),
        (k.enum_value, Context::EnumValue),
        (k.key_value, Context::Property),
        (k.field_attribute, Context::Attribute),
        (k.block_attribute, Context::Attribute),
        (k.arguments, Context::Arguments),
        (k.array, Context::Array),
        (k.object, Context::Object),
    ];
    let mut current = node.parent();
    while let Some(parent) = current {
        if let Some((_, context)) = contexts.iter().find(|(id, _)| *id == parent.kind_id()) {
            return *context;
        }
        if parent.is_error() {
            return Context::Other;
        }
        current = parent.parent();
    }
    Context::TopLevel
}

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
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}
