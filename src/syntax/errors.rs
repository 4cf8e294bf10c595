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
    /// Values nested beyond [`MAX_NESTING`].
    TooDeep,
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
}

const BLOCK_KEYWORDS: &[&str] = &["model", "enum", "type", "view", "datasource", "generator"];

/// How deep values may nest (`f(f(…))`, `[[…]]`, objects). Real schemas nest three or four
/// levels; the bound keeps every walk over a value (lowering, analysis, formatting, hover)
/// within a small stack however hostile the input.
pub const MAX_NESTING: usize = 64;

/// A node that marks a syntax error, with the surroundings its description needs. The
/// walk that finds the node records them: `Node::parent` searches down from the root on
/// every call, so asking the tree per error is quadratic on deep or wide input.
#[derive(Clone, Copy, Debug)]
pub enum ErrorSite<'tree> {
    /// An ERROR node, and what the parser was reading around it.
    Unexpected { node: Node<'tree>, context: Context },
    /// A MISSING node, its parent's first token (a block keyword, for a missing name) and
    /// the node before it.
    Missing {
        node: Node<'tree>,
        parent_first: Option<Node<'tree>>,
        previous: Option<Node<'tree>>,
    },
    /// An unknown block keyword (`modle User {`).
    InvalidDeclaration(Node<'tree>),
    /// The grammar's `implicit_block_end` inside `body`, the body of `declaration`.
    UnclosedBlock {
        node: Node<'tree>,
        body: Node<'tree>,
        declaration: Node<'tree>,
    },
    /// The grammar's `implicit_close` of `container` (arguments, a list, `Unsupported(`).
    UnclosedBracket {
        node: Node<'tree>,
        container: Node<'tree>,
    },
    /// The grammar's `unterminated_string_end` of `string`.
    UnclosedString {
        node: Node<'tree>,
        string: Node<'tree>,
    },
    /// A value nested deeper than [`MAX_NESTING`]: nothing inside it is read.
    TooDeep(Node<'tree>),
}

impl<'tree> ErrorSite<'tree> {
    fn node(&self) -> Node<'tree> {
        match *self {
            ErrorSite::Unexpected { node, .. }
            | ErrorSite::Missing { node, .. }
            | ErrorSite::InvalidDeclaration(node)
            | ErrorSite::UnclosedBlock { node, .. }
            | ErrorSite::UnclosedBracket { node, .. }
            | ErrorSite::UnclosedString { node, .. }
            | ErrorSite::TooDeep(node) => node,
        }
    }

    fn is_unexpected(&self) -> bool {
        matches!(self, ErrorSite::Unexpected { .. })
    }
}

/// Describes error sites as syntax errors, in source order. Sites inside an ERROR node are
/// part of that error and not reported again.
///
/// Tree-sitter does not count recovery nodes as errors, so finding them needs a walk over
/// the tree; the model's lowering does that walk anyway and collects them (see
/// `model::lower`). ERROR and MISSING nodes come from [`collect_error_sites`].
pub fn describe_errors(text: &str, mut sites: Vec<ErrorSite>) -> Vec<SyntaxError> {
    // Stable: sites at one offset keep their order, innermost bracket first; an ERROR
    // before what it contains.
    sites.sort_by_key(|site| (site.node().start_byte(), !site.is_unexpected()));
    // In start order, a site lies inside some ERROR node exactly when it ends before the
    // furthest end of the ERROR nodes that started before it.
    let mut error_end = 0;
    let mut errors: Vec<SyntaxError> = Vec::new();
    for site in sites {
        let range = site.node().byte_range();
        if site.is_unexpected() {
            error_end = error_end.max(range.end);
        } else if range.start < error_end && range.end <= error_end {
            continue;
        }
        let Some(error) = classify(site, text) else {
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
                if let Some((_, closers)) = &mut previous.insertion {
                    closers.push_str(closer);
                }
            }
            _ => errors.push(error),
        }
    }
    // The messages name every closer, written once they are all known.
    for error in &mut errors {
        if let Some((_, closers)) = &error.insertion
            && closers.chars().nth(1).is_some()
            && let Some((head, _)) = error.message.split_once(": add `")
        {
            error.message = format!("{head}: add `{closers}`");
        }
    }
    errors
}

/// Unexpected text that goes on along one line is one mistake: errors after the first on a
/// line are folded into it (its range grows to cover them). `errors` must be sorted.
pub fn merge_line_errors(text: &str, errors: &mut Vec<SyntaxError>) {
    let mut merged: Vec<SyntaxError> = Vec::with_capacity(errors.len());
    // How far the text after the last merged error's start is known to hold no line
    // break: each byte is searched once, however many errors share a line.
    let mut no_break_until = 0;
    for error in errors.drain(..) {
        if let Some(previous) = merged.last_mut()
            && previous.kind == SyntaxErrorKind::Unexpected
            && error.kind == SyntaxErrorKind::Unexpected
            && previous.range.start <= error.range.start
        {
            let from = no_break_until.max(previous.range.start);
            let same_line = text
                .get(from..error.range.start)
                .is_none_or(|between| !between.bytes().any(super::is_line_break));
            if same_line {
                no_break_until = no_break_until.max(error.range.start);
                previous.range.end = previous.range.end.max(error.range.end);
                continue;
            }
        }
        no_break_until = error.range.start;
        merged.push(error);
    }
    *errors = merged;
}

/// The ERROR and MISSING nodes under `root` (itself included), without descending into
/// subtrees free of them or into ERROR nodes (whatever is inside is part of that error).
/// `outer` is the context `root` stands in. One cursor and a stack of the ancestors: no
/// recursion, however deep the tree.
pub fn collect_error_sites<'tree>(
    root: Node<'tree>,
    outer: Context,
    out: &mut Vec<ErrorSite<'tree>>,
) {
    struct Ancestor<'tree> {
        node: Node<'tree>,
        context: Context,
    }
    let mut cursor = root.walk();
    let mut ancestors: Vec<Ancestor<'tree>> = Vec::new();
    let mut previous: Option<Node<'tree>> = None;
    loop {
        let node = cursor.node();
        let parent = ancestors.last();
        let context = parent.map_or(outer, |a| a.context);
        let descend = if node.is_error() {
            out.push(ErrorSite::Unexpected { node, context });
            false
        } else if node.is_missing() {
            out.push(ErrorSite::Missing {
                node,
                parent_first: parent.and_then(|a| a.node.child(0)),
                previous,
            });
            false
        } else {
            node.has_error()
        };
        if descend && cursor.goto_first_child() {
            ancestors.push(Ancestor {
                node,
                context: Context::of(node.kind_id()).unwrap_or(context),
            });
            previous = None;
            continue;
        }
        // On to the next sibling, climbing while there is none.
        let mut left = node;
        loop {
            if ancestors.is_empty() {
                return;
            }
            if cursor.goto_next_sibling() {
                previous = Some(left);
                break;
            }
            cursor.goto_parent();
            let Some(ancestor) = ancestors.pop() else {
                return;
            };
            left = ancestor.node;
        }
    }
}

fn classify(site: ErrorSite, text: &str) -> Option<SyntaxError> {
    Some(match site {
        ErrorSite::Unexpected { node, context } => unexpected(node, context, text),
        ErrorSite::Missing {
            node,
            parent_first,
            previous,
        } => missing(node, parent_first, previous, text),
        ErrorSite::InvalidDeclaration(node) => {
            let keyword = node
                .child_by_field_id(grammar().fields.keyword)
                .unwrap_or(node);
            SyntaxError::new(
                SyntaxErrorKind::Unexpected,
                keyword.byte_range(),
                format!(
                    "`{}` is not a kind of block: a block starts with `model`, `enum`, `type`, `view`, `datasource` or `generator`",
                    token_text(keyword, text)
                ),
            )
        }
        ErrorSite::UnclosedBlock {
            node,
            body,
            declaration,
        } => unclosed_block(node, body, declaration, text),
        ErrorSite::UnclosedBracket { node, container } => unclosed_bracket(node, container),
        ErrorSite::UnclosedString { node, string } => {
            let mut error = SyntaxError::new(
                SyntaxErrorKind::Unclosed,
                string.byte_range(),
                "this string is not closed on its line: add `\"`".into(),
            );
            error.insertion = Some((node.start_byte(), "\"".into()));
            error
        }
        ErrorSite::TooDeep(node) => SyntaxError::new(
            SyntaxErrorKind::TooDeep,
            node.start_byte()..line_end_within(text, node.byte_range()),
            format!(
                "values nest more than {MAX_NESTING} levels deep here: Prisma schemas nest a few levels at most, and nothing deeper is read"
            ),
        ),
    })
}

/// The end of the first line of `range` (or its end): searches only inside the range, so
/// that errors on one long line cost the length of their own text.
fn line_end_within(text: &str, range: Range<usize>) -> usize {
    text.get(range.clone())
        .and_then(|inside| inside.bytes().position(super::is_line_break))
        .map_or(range.end, |i| range.start + i)
}

fn unexpected(node: Node, context: Context, text: &str) -> SyntaxError {
    let first = first_leaf(node);
    let found = token_text(first, text);
    // Underline the unexpected line, not every line an ERROR node happens to swallow.
    let end = line_end_within(text, node.byte_range()).max(first.end_byte());
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

fn missing(
    node: Node,
    parent_first: Option<Node>,
    previous: Option<Node>,
    text: &str,
) -> SyntaxError {
    let kinds = &grammar().kinds;
    let is_identifier = node.kind_id() == kinds.identifier;
    let what = if is_identifier {
        // A missing name: say after which keyword (the parent's first token).
        match parent_first.map(|k| token_text(k, text)) {
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
    let previous = previous
        .and_then(last_leaf)
        .map(|p| token_text(p, text))
        .filter(|t| !t.is_empty());
    let message = match previous {
        Some(previous) if !is_identifier => format!("expected {what} after `{previous}`"),
        _ => format!("expected {what}"),
    };
    SyntaxError::new(SyntaxErrorKind::Missing, node.byte_range(), message)
}

fn unclosed_block(node: Node, body: Node, declaration: Node, text: &str) -> SyntaxError {
    let keyword = declaration
        .child(0)
        .map(|k| token_text(k, text))
        .unwrap_or_default();
    let name = declaration
        .child_by_field_id(grammar().fields.name)
        .map(|n| token_text(n, text))
        .unwrap_or_default();
    let opening = body.child(0).unwrap_or(body).byte_range();
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
        // The next block's header: its first line, looked for in a bounded stretch.
        let next = node.start_byte();
        let window = next..next.saturating_add(200).min(text.len());
        let next_line_end = floor_char_boundary(text, line_end_within(text, window));
        error.related = Some((
            next..next_line_end,
            format!("the next block starts here, so `{name}` ends before it"),
        ));
    }
    error
}

fn unclosed_bracket(node: Node, container: Node) -> SyntaxError {
    let kinds = &grammar().kinds;
    let (open, close, what) = match container.kind_id() {
        id if id == kinds.array => (kinds.open_bracket, "]", "list"),
        id if id == kinds.arguments => (kinds.open_paren, ")", "argument list"),
        _ => (kinds.open_paren, ")", "type argument"),
    };
    let mut cursor = container.walk();
    let opening = container
        .children(&mut cursor)
        .find(|c| c.kind_id() == open)
        .unwrap_or(container);
    let mut error = SyntaxError::new(
        SyntaxErrorKind::Unclosed,
        opening.byte_range(),
        format!("this {what} is never closed: add `{close}`"),
    );
    // The scanner places the implicit close at the end of the line's content, before any
    // comment: the closer goes there.
    error.insertion = Some((node.start_byte(), close.to_string()));
    error
}

/// The largest char boundary at or before `offset`.
fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// What the parser was reading when it met an ERROR: the innermost construct around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Context {
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

impl Context {
    /// The context a node of this kind opens, if it opens one.
    fn of(kind: u16) -> Option<Context> {
        let k = &grammar().kinds;
        [
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
        ]
        .into_iter()
        .find_map(|(id, context)| (id == kind).then_some(context))
    }
}

fn first_leaf(mut node: Node) -> Node {
    while let Some(child) = node.child(0) {
        node = child;
    }
    node
}

/// The last token of `node`, unless it lies deeper than a few levels: a description does
/// not need it badly enough to walk a hostile tree's depth for every error.
fn last_leaf(mut node: Node) -> Option<Node> {
    for _ in 0..32 {
        match node.child(node.child_count().saturating_sub(1)) {
            Some(child) => node = child,
            None => return Some(node),
        }
    }
    None
}

/// The node's text, cut at the first line break and at 40 characters (reading no further
/// than that, however long the node).
fn token_text(node: Node, text: &str) -> String {
    let raw = text.get(node.byte_range()).unwrap_or_default();
    let mut shown = String::new();
    for (count, c) in raw.chars().enumerate() {
        if c == '\n' || c == '\r' {
            break;
        }
        if count == 40 {
            return format!("{shown}…");
        }
        shown.push(c);
    }
    shown.trim_end().to_string()
}

fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}
