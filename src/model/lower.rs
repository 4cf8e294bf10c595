//! Lowering: syntax tree → model items, in one walk over the tree.
//!
//! The walk also collects the grammar's recovery nodes (an unclosed block, bracket or
//! string), so the syntax errors need no walk of their own. Each block keeps the syntax
//! errors inside it; errors between blocks belong to the file.

use super::*;
use crate::syntax::{self, Context, ErrorSite, Fields, Kinds, MAX_NESTING, SyntaxError, grammar};
use std::cell::RefCell;
use tree_sitter::{Node, TreeCursor};

pub(super) struct Lowering<'a> {
    file: FileId,
    source: &'a SourceFile,
    kinds: &'static Kinds,
    fields: &'static Fields,
    /// Recovery nodes and values nested too deep, met while lowering the current block.
    error_sites: RefCell<Vec<ErrorSite<'a>>>,
}

/// The children of a node with their field ids (0 for none), in one cursor pass: cheaper
/// than one `child_by_field_id` scan per field.
struct Children<'a> {
    cursor: TreeCursor<'a>,
    started: bool,
}

fn children(node: Node) -> Children {
    Children {
        cursor: node.walk(),
        started: false,
    }
}

impl<'a> Children<'a> {
    fn advance(&mut self) -> bool {
        if self.started {
            self.cursor.goto_next_sibling()
        } else {
            self.started = true;
            self.cursor.goto_first_child()
        }
    }

    /// The children alone: finding a child's field id walks up through the hidden nodes
    /// of a repetition (logarithmic in the number of siblings), so lists that need no
    /// field ids skip it.
    fn nodes(mut self) -> impl Iterator<Item = Node<'a>> {
        std::iter::from_fn(move || self.next_node())
    }

    fn next_node(&mut self) -> Option<Node<'a>> {
        self.advance().then(|| self.cursor.node())
    }
}

impl<'a> Iterator for Children<'a> {
    type Item = (Node<'a>, u16);

    fn next(&mut self) -> Option<Self::Item> {
        self.advance().then(|| {
            (
                self.cursor.node(),
                self.cursor.field_id().map_or(0, u16::from),
            )
        })
    }
}

/// What the top level of a file holds: its declarations (in order) and everything else.
pub(super) enum TopLevel<'a> {
    Declaration(Node<'a>, BlockKind),
    /// An ERROR or MISSING node, or an unknown block keyword.
    Error(ErrorSite<'a>),
    /// A declaration the parser wrapped in an ERROR node: lowered, but its own syntax
    /// errors are part of that ERROR's.
    DeclarationInError(Node<'a>, BlockKind),
}

impl<'a> Lowering<'a> {
    pub(super) fn new(file: FileId, source: &'a SourceFile) -> Self {
        Lowering {
            file,
            source,
            kinds: &grammar().kinds,
            fields: &grammar().fields,
            error_sites: RefCell::new(Vec::new()),
        }
    }

    /// The top-level nodes of the file, classified. Declarations inside top-level ERROR
    /// nodes are found too, however deep the ERROR nodes nest (a stack, no recursion).
    pub(super) fn top_level(&self) -> Vec<TopLevel<'a>> {
        let root = self.source.tree.root_node();
        let mut items = Vec::new();
        // Per open node: its children still to visit, whether it is inside an ERROR, and
        // the child visited last (the previous sibling of a MISSING node).
        let mut open = vec![(children(root), false, None::<Node<'a>>)];
        while let Some((siblings, in_error, previous)) = open.last_mut() {
            let Some(child) = siblings.next_node() else {
                open.pop();
                continue;
            };
            let in_error = *in_error;
            let before = previous.replace(child);
            let id = child.kind_id();
            if let Some(kind) = self.declaration_kind(id) {
                items.push(if in_error {
                    TopLevel::DeclarationInError(child, kind)
                } else {
                    TopLevel::Declaration(child, kind)
                });
            } else if child.is_error() {
                if !in_error {
                    items.push(TopLevel::Error(ErrorSite::Unexpected {
                        node: child,
                        context: Context::TopLevel,
                    }));
                }
                open.push((children(child), true, None));
            } else if in_error {
                continue;
            } else if child.is_missing() {
                items.push(TopLevel::Error(ErrorSite::Missing {
                    node: child,
                    parent_first: root.child(0),
                    previous: before,
                }));
            } else if id == self.kinds.invalid_declaration {
                items.push(TopLevel::Error(ErrorSite::InvalidDeclaration(child)));
            }
        }
        items
    }

    /// Lowers the whole file: its blocks and the syntax errors between them.
    pub(super) fn lower_all(&self) -> (Vec<Block>, Vec<SyntaxError>) {
        let mut blocks = Vec::new();
        let mut errors = Vec::new();
        for item in self.top_level() {
            match item {
                TopLevel::Declaration(node, kind) => blocks.push(self.block(kind, node, true)),
                TopLevel::DeclarationInError(node, kind) => {
                    blocks.push(self.block(kind, node, false))
                }
                TopLevel::Error(node) => errors.push(node),
            }
        }
        (blocks, syntax::describe_errors(&self.source.text, errors))
    }

    fn text_before(&self, offset: usize) -> &str {
        self.source.text.get(..offset).unwrap_or_default()
    }

    /// `next` starts on the line where a field, value or property ends. The error covers
    /// the rest of that line within the block body `body` (which ends with its `}`).
    fn same_line_error(&self, kind: BlockKind, next: Node, body: Node) -> SyntaxError {
        let what = match kind {
            BlockKind::Enum => "enum value",
            BlockKind::Datasource | BlockKind::Generator => "property",
            _ => "field",
        };
        let first = self
            .text(next)
            .split_whitespace()
            .next()
            .unwrap_or_default();
        let text = &self.source.text;
        let rest = next.start_byte()..body.end_byte();
        let line_end = match text
            .get(rest.clone())
            .and_then(|rest| rest.bytes().position(syntax::is_line_break))
        {
            Some(i) => rest.start + i,
            // The block ends on this line: up to its `}`.
            None => {
                let inside = text.get(rest.clone()).unwrap_or_default();
                rest.start + inside.strip_suffix('}').unwrap_or(inside).trim_end().len()
            }
        };
        SyntaxError::new(
            crate::syntax::SyntaxErrorKind::Unexpected,
            next.start_byte()..line_end.max(next.start_byte() + first.len()),
            format!(
                "unexpected `{first}` after the {what} on this line: each {what} goes on its own line"
            ),
        )
    }

    fn note(&self, site: ErrorSite<'a>) {
        self.error_sites.borrow_mut().push(site);
    }

    fn declaration_kind(&self, id: u16) -> Option<BlockKind> {
        let k = self.kinds;
        [
            (k.model_declaration, BlockKind::Model),
            (k.view_declaration, BlockKind::View),
            (k.type_declaration, BlockKind::CompositeType),
            (k.enum_declaration, BlockKind::Enum),
            (k.datasource_declaration, BlockKind::Datasource),
            (k.generator_declaration, BlockKind::Generator),
        ]
        .into_iter()
        .find_map(|(kind_id, kind)| (kind_id == id).then_some(kind))
    }

    fn span(&self, node: Node) -> Span {
        Span::new(self.file, node.byte_range())
    }

    fn text(&self, node: Node) -> &'a str {
        self.source.text.get(node.byte_range()).unwrap_or_default()
    }

    fn ident(&self, node: Node) -> Ident {
        Ident {
            text: self.text(node).to_string(),
            span: self.span(node),
        }
    }

    /// A name the parser had to assume: empty, just after `after`.
    fn missing_ident(&self, after: Node) -> Ident {
        Ident {
            text: String::new(),
            span: Span::new(self.file, after.end_byte()..after.end_byte()),
        }
    }

    /// Lowers one declaration, with the syntax errors inside it (unless `report_errors` is
    /// false: the declaration sits inside an ERROR node that is reported instead).
    pub(super) fn block(&self, kind: BlockKind, node: Node<'a>, report_errors: bool) -> Block {
        self.error_sites.borrow_mut().clear();
        let mut name = None;
        let mut body = None;
        let mut keyword = node;
        for (child, field) in children(node) {
            if field == self.fields.name {
                name = Some(self.ident(child));
            } else if field == self.fields.body {
                body = Some(child);
            } else if !child.is_extra() && keyword == node {
                keyword = child;
            }
        }
        let (doc, first_line) = self.doc_comment_and_first_line(node);
        let leading_line = first_line.saturating_sub(1);
        let index = &self.source.line_index;
        let leading = index
            .line_range(&self.source.text, leading_line)
            .map_or(node.start_byte(), |range| range.start);
        let mut block = Block {
            kind,
            name: name.unwrap_or_else(|| self.missing_ident(keyword)),
            span: self.span(node),
            body: Span::new(self.file, node.end_byte()..node.end_byte()),
            closed: false,
            doc,
            fields: Vec::new(),
            enum_values: Vec::new(),
            properties: Vec::new(),
            attributes: Vec::new(),
            syntax_errors: Vec::new(),
            multiline_attribute: false,
            revision: Revision::next(),
            leading: u32::try_from(leading).unwrap_or(u32::MAX),
        };
        // A line holds one field, enum value or property: the grammar lets the last one before
        // `}` go without a line break, so two on one line are caught here.
        let mut same_line = Vec::new();
        if let Some(body) = body {
            block.body = self.span(body);
            let k = self.kinds;
            let mut unterminated: Option<Node> = None;
            for child in children(body).nodes() {
                let id = child.kind_id();
                let is_member =
                    id == k.field_declaration || id == k.enum_value || id == k.key_value;
                let terminated = self.text_before(child.end_byte()).ends_with(['\n', '\r']);
                if is_member || id == k.block_attribute {
                    if let Some(previous) = unterminated.take() {
                        // The rest of the line is one mistake: reported once, and kept out
                        // of the model.
                        if !same_line_reported(&same_line, previous) {
                            same_line.push(self.same_line_error(block.kind, child, body));
                        }
                        if !terminated {
                            unterminated = Some(child);
                        }
                        continue;
                    }
                    if is_member && !terminated {
                        unterminated = Some(child);
                    }
                }
                if id == k.field_declaration {
                    block.fields.push(self.field(child));
                } else if id == k.enum_value {
                    block.enum_values.push(self.enum_value(child));
                } else if id == k.key_value {
                    block.properties.push(self.property(child));
                } else if id == k.block_attribute {
                    block.attributes.push(self.attribute(child, true));
                } else if id == k.close_brace {
                    block.closed = true;
                } else if id == k.implicit_block_end {
                    self.note(ErrorSite::UnclosedBlock {
                        node: child,
                        body,
                        declaration: node,
                    });
                }
            }
        }
        // Vectors grow by doubling; a schema keeps thousands of them, so give back the slack.
        block.fields.shrink_to_fit();
        block.enum_values.shrink_to_fit();
        block.properties.shrink_to_fit();
        block.attributes.shrink_to_fit();
        let lines = &self.source.line_index;
        block.multiline_attribute = block
            .fields
            .iter()
            .flat_map(|field| &field.attributes)
            .chain(&block.attributes)
            .filter_map(|attribute| attribute.arguments.as_ref())
            .any(|arguments| {
                lines.line_of(arguments.span.start as usize)
                    != lines.line_of(arguments.span.end as usize)
            });
        if report_errors {
            let mut sites = self.error_sites.take();
            syntax::collect_error_sites(node, Context::TopLevel, &mut sites);
            block.syntax_errors = syntax::describe_errors(&self.source.text, sites);
            block.syntax_errors.extend(same_line);
            block.syntax_errors.sort_by_key(|e| e.range.start);
            syntax::merge_line_errors(&self.source.text, &mut block.syntax_errors);
        }
        block
    }

    fn field(&self, node: Node<'a>) -> Field {
        let mut name = None;
        let mut field_type = None;
        let mut attributes = Vec::new();
        for (child, field) in children(node) {
            if field == self.fields.name {
                name = Some(self.ident(child));
            } else if field == self.fields.field_type {
                field_type = Some(self.field_type(child));
            } else if field == self.fields.attribute {
                attributes.push(self.attribute(child, false));
            }
        }
        attributes.shrink_to_fit();
        Field {
            name: name.unwrap_or_else(|| self.missing_ident(node)),
            r#type: field_type,
            attributes,
            doc: self.doc_comment(node),
            span: self.trimmed_span(node),
        }
    }

    fn field_type(&self, node: Node<'a>) -> FieldType {
        let k = self.kinds;
        let mut name = None;
        let mut unsupported = None;
        let mut modifiers = Vec::new();
        for (child, field) in children(node) {
            let id = child.kind_id();
            if field == self.fields.base && id == k.unsupported_type {
                for (part, part_field) in children(child) {
                    if part_field == self.fields.name {
                        name = Some(self.ident(part));
                    } else if part_field == self.fields.argument {
                        unsupported = Some(self.string(part));
                    } else if part.kind_id() == k.implicit_close {
                        self.note(ErrorSite::UnclosedBracket {
                            node: part,
                            container: child,
                        });
                    }
                }
            } else if field == self.fields.base {
                name = Some(self.ident(child));
            } else if id == k.list_modifier {
                modifiers.push((TypeModifier::List, self.span(child)));
            } else if id == k.optional_modifier {
                modifiers.push((TypeModifier::Optional, self.span(child)));
            } else if id == k.required_modifier {
                modifiers.push((TypeModifier::Required, self.span(child)));
            }
        }
        FieldType {
            name: name.unwrap_or_else(|| self.missing_ident(node)),
            unsupported,
            modifiers,
            span: self.span(node),
        }
    }

    fn enum_value(&self, node: Node<'a>) -> EnumValue {
        let mut name = None;
        let mut attributes = Vec::new();
        for (child, field) in children(node) {
            if field == self.fields.name {
                name = Some(self.ident(child));
            } else if field == self.fields.attribute {
                attributes.push(self.attribute(child, false));
            }
        }
        EnumValue {
            name: name.unwrap_or_else(|| self.missing_ident(node)),
            attributes,
            doc: self.doc_comment(node),
            span: self.trimmed_span(node),
        }
    }

    fn property(&self, node: Node<'a>) -> Property {
        let mut key = None;
        let mut value = None;
        for (child, field) in children(node) {
            if field == self.fields.key {
                key = Some(self.ident(child));
            } else if field == self.fields.value {
                value = self.expression(child, 0);
            }
        }
        Property {
            key: key.unwrap_or_else(|| self.missing_ident(node)),
            value,
            span: self.trimmed_span(node),
        }
    }

    fn attribute(&self, node: Node<'a>, is_block: bool) -> Attribute {
        let mut name = None;
        let mut arguments = None;
        let mut marker = node;
        for (child, field) in children(node) {
            if field == self.fields.name {
                name = Some(self.ident(child));
            } else if field == self.fields.arguments {
                arguments = Some(self.arguments(child, 0));
            } else if marker == node {
                marker = child;
            }
        }
        Attribute {
            name: name.unwrap_or_else(|| self.missing_ident(marker)),
            is_block,
            arguments,
            span: self.span(node),
        }
    }

    /// An argument list whose values stand `depth` containers deep.
    fn arguments(&self, node: Node<'a>, depth: usize) -> ArgumentList {
        let k = self.kinds;
        let mut items = Vec::new();
        let mut closed = false;
        // The last token before `)` (or the end): a `,` there is a trailing comma.
        let mut last_token: Option<Node> = None;
        for child in children(node).nodes() {
            let id = child.kind_id();
            if id == k.close_paren {
                closed = true;
                break;
            }
            if id == k.implicit_close {
                self.note(ErrorSite::UnclosedBracket {
                    node: child,
                    container: node,
                });
                break;
            }
            if !child.is_extra() {
                last_token = Some(child);
            }
            if id == k.named_argument {
                let mut name = None;
                let mut value = None;
                for (part, field) in children(child) {
                    if field == self.fields.name {
                        name = Some(self.ident(part));
                    } else if field == self.fields.value {
                        value = self.expression(part, depth);
                    }
                }
                items.push(Argument {
                    name: Some(name.unwrap_or_else(|| self.missing_ident(child))),
                    value,
                    span: self.span(child),
                });
            } else if let Some(value) = child
                .is_named()
                .then(|| self.expression(child, depth))
                .flatten()
            {
                items.push(Argument {
                    name: None,
                    value: Some(value),
                    span: self.span(child),
                });
            }
        }
        items.shrink_to_fit();
        ArgumentList {
            items,
            span: self.span(node),
            closed,
            trailing_comma: last_token
                .filter(|token| token.kind_id() == k.comma)
                .map(|comma| self.span(comma)),
        }
    }

    /// The value `node`, which stands inside `depth` containers (lists, calls, objects).
    /// A container deeper than [`MAX_NESTING`] is an error and is not read.
    fn expression(&self, node: Node<'a>, depth: usize) -> Option<Expression> {
        let k = self.kinds;
        let span = self.span(node);
        let id = node.kind_id();
        let is_container = id == k.array || id == k.function_call || id == k.object;
        if is_container && depth >= MAX_NESTING {
            self.note(ErrorSite::TooDeep(node));
            return None;
        }
        Some(if id == k.identifier || id == k.path {
            // `address.number` is one name: a path into a composite type.
            Expression::Constant(self.ident(node))
        } else if id == k.string {
            Expression::String(self.string(node))
        } else if id == k.number {
            Expression::Number {
                text: self.text(node).to_string(),
                span,
            }
        } else if id == k.boolean {
            Expression::Boolean {
                value: self.text(node) == "true",
                span,
            }
        } else if id == k.array {
            let mut items = Vec::new();
            let mut closed = false;
            for child in children(node).nodes() {
                let item_id = child.kind_id();
                if item_id == k.close_bracket {
                    closed = true;
                } else if item_id == k.implicit_close {
                    self.note(ErrorSite::UnclosedBracket {
                        node: child,
                        container: node,
                    });
                } else if child.is_named() {
                    items.extend(self.expression(child, depth + 1));
                }
            }
            Expression::Array {
                items,
                span,
                closed,
            }
        } else if id == k.function_call {
            let mut name = None;
            let mut arguments = None;
            for (child, field) in children(node) {
                if field == self.fields.name {
                    name = Some(self.ident(child));
                } else if field == self.fields.arguments {
                    arguments = Some(self.arguments(child, depth + 1));
                }
            }
            Expression::Function {
                name: name.unwrap_or_else(|| self.missing_ident(node)),
                arguments: arguments.unwrap_or(ArgumentList {
                    items: Vec::new(),
                    span,
                    closed: false,
                    trailing_comma: None,
                }),
                span,
            }
        } else if id == k.object {
            let entries = children(node)
                .nodes()
                .filter(|entry| entry.kind_id() == k.object_entry)
                .filter_map(|entry| self.object_entry(entry, depth + 1))
                .collect();
            Expression::Object { entries, span }
        } else {
            return None;
        })
    }

    fn object_entry(&self, entry: Node<'a>, depth: usize) -> Option<ObjectEntry> {
        let mut key = None;
        let mut value = None;
        for (child, field) in children(entry) {
            if field == self.fields.key && child.kind_id() == self.kinds.string {
                let literal = self.string(child);
                key = Some(Ident {
                    text: literal.value,
                    span: literal.span,
                });
            } else if field == self.fields.key {
                key = Some(self.ident(child));
            } else if field == self.fields.value {
                value = self.expression(child, depth);
            }
        }
        Some(ObjectEntry {
            key: key?,
            value: value?,
            span: self.span(entry),
        })
    }

    fn string(&self, node: Node<'a>) -> StringLiteral {
        let raw = self.text(node);
        // The opening quote is the first child; a closing one is the last, unless the string
        // ended at the line break.
        let mut quotes = 0;
        for child in children(node).nodes() {
            if child.kind_id() == self.kinds.quote {
                quotes += 1;
            } else if child.kind_id() == self.kinds.unterminated_string_end {
                self.note(ErrorSite::UnclosedString {
                    node: child,
                    string: node,
                });
            }
        }
        let terminated = quotes == 2;
        let inner = raw.strip_prefix('"').unwrap_or(raw);
        let inner = if terminated {
            inner.strip_suffix('"').unwrap_or(inner)
        } else {
            inner
        };
        StringLiteral {
            value: unescape(inner),
            span: self.span(node),
            terminated,
        }
    }

    /// The node's span without the line break the grammar makes part of it.
    fn trimmed_span(&self, node: Node) -> Span {
        let range = node.byte_range();
        let text = self.source.text.get(range.clone()).unwrap_or_default();
        let trimmed = text.trim_end();
        Span::new(self.file, range.start..range.start + trimmed.len())
    }

    /// The `///` lines directly above the node, without the slashes and one space.
    fn doc_comment(&self, node: Node) -> Option<String> {
        self.doc_comment_and_first_line(node).0
    }

    /// The doc comment, and the first line of the item including its doc comment.
    fn doc_comment_and_first_line(&self, node: Node) -> (Option<String>, usize) {
        let index = &self.source.line_index;
        let text = &self.source.text;
        let start_line = index.line_of(node.start_byte());
        let mut line = start_line;
        let mut lines = Vec::new();
        while line > 0 {
            let Some(range) = index.line_range(text, line - 1) else {
                break;
            };
            let Some(doc) = text[range].trim_start().strip_prefix("///") else {
                break;
            };
            line -= 1;
            lines.push(doc.strip_prefix(' ').unwrap_or(doc).trim_end());
        }
        if lines.is_empty() {
            return (None, start_line);
        }
        lines.reverse();
        (Some(lines.join("\n")), line)
    }
}

/// Resolves `\"`, `\\`, `\n`, `\t`, `\r` and `\uXXXX` (a UTF-16 surrogate pair written as two
/// escapes is one character); any other escaped character stands for itself. Invalid `\u`
/// escapes are kept as written: analysis reports them.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('u') => match decode_unicode_escape(chars.as_str()) {
                Some((decoded, consumed)) => {
                    out.push(decoded);
                    chars = chars.as_str()[consumed..].chars();
                }
                None => out.push_str("\\u"),
            },
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Decodes the `XXXX` (and, for a high surrogate, a following `\uYYYY`) after `\u`.
/// Returns the character and how many bytes of `rest` it used.
pub(crate) fn decode_unicode_escape(rest: &str) -> Option<(char, usize)> {
    let unit = |text: &str| -> Option<u32> {
        let hex = text.get(..4)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        u32::from_str_radix(hex, 16).ok()
    };
    let first = unit(rest)?;
    if (0xD800..0xDC00).contains(&first) {
        let low = rest.get(4..)?.strip_prefix("\\u").and_then(unit)?;
        if !(0xDC00..0xE000).contains(&low) {
            return None;
        }
        let combined = 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00);
        return char::from_u32(combined).map(|c| (c, 10));
    }
    char::from_u32(first).map(|c| (c, 4))
}

/// Whether the line that `previous` is on already has its same-line error (which spans to
/// the end of that line).
fn same_line_reported(errors: &[SyntaxError], previous: Node) -> bool {
    errors.last().is_some_and(|e| {
        e.range.start <= previous.start_byte() && previous.start_byte() <= e.range.end
    })
}

#[cfg(test)]
mod tests {
    use super::unescape;

    #[test]
    fn unescapes() {
        assert_eq!(unescape(r#"a\"b\\c\nd\u00e9\q"#), "a\"b\\c\nd\u{e9}q");
        assert_eq!(unescape(r"oh \ud83d\ude44!"), "oh \u{1F644}!");
        // Invalid escapes stay as written.
        assert_eq!(unescape(r"\u12 \uD802 \ut"), r"\u12 \uD802 \ut");
        assert_eq!(unescape("plain"), "plain");
    }
}
