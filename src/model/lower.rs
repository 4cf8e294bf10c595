//! Lowering: syntax tree → model items.

use super::*;
use crate::syntax::kind;
use tree_sitter::Node;

struct Lowering<'a> {
    file: FileId,
    source: &'a SourceFile,
}

pub(super) fn lower_file(file: FileId, source: &SourceFile, blocks: &mut Vec<Block>) {
    let lowering = Lowering { file, source };
    lowering.collect_declarations(source.tree.root_node(), blocks);
}

impl Lowering<'_> {
    /// Declarations are children of the root, or of an ERROR node the parser wrapped
    /// around them while recovering.
    fn collect_declarations(&self, node: Node, blocks: &mut Vec<Block>) {
        let mut cursor = node.walk();
        for child in node.named_children(&mut cursor) {
            if let Some(kind) = declaration_kind(child.kind()) {
                blocks.push(self.block(kind, child));
            } else if child.is_error() {
                self.collect_declarations(child, blocks);
            }
        }
    }

    fn span(&self, node: Node) -> Span {
        Span::new(self.file, node.byte_range())
    }

    fn text(&self, node: Node) -> &str {
        self.source.text.get(node.byte_range()).unwrap_or_default()
    }

    fn ident(&self, node: Option<Node>, fallback: Node) -> Ident {
        match node {
            Some(node) => Ident {
                text: self.text(node).to_string(),
                span: self.span(node),
            },
            // Where the parser assumed a name, an empty one just after the parent's start.
            None => Ident {
                text: String::new(),
                span: Span::new(self.file, fallback.end_byte()..fallback.end_byte()),
            },
        }
    }

    fn block(&self, kind: BlockKind, node: Node) -> Block {
        let name_node = node.child_by_field_name("name");
        let keyword = node.child(0).unwrap_or(node);
        let mut block = Block {
            kind,
            name: self.ident(name_node, keyword),
            span: self.span(node),
            body: Span::new(self.file, node.end_byte()..node.end_byte()),
            closed: false,
            doc: self.doc_comment(node),
            fields: Vec::new(),
            enum_values: Vec::new(),
            properties: Vec::new(),
            attributes: Vec::new(),
        };
        let Some(body) = node.child_by_field_name("body") else {
            return block;
        };
        block.body = self.span(body);
        let mut cursor = body.walk();
        for child in body.children(&mut cursor) {
            match child.kind() {
                "}" => block.closed = true,
                kind::FIELD_DECLARATION => block.fields.push(self.field(child)),
                kind::ENUM_VALUE => block.enum_values.push(self.enum_value(child)),
                kind::KEY_VALUE => block.properties.push(self.property(child)),
                kind::BLOCK_ATTRIBUTE => block.attributes.push(self.attribute(child, true)),
                _ => {}
            }
        }
        block
    }

    fn field(&self, node: Node) -> Field {
        let mut cursor = node.walk();
        let attributes = node
            .children_by_field_name("attribute", &mut cursor)
            .map(|a| self.attribute(a, false))
            .collect();
        Field {
            name: self.ident(node.child_by_field_name("name"), node),
            r#type: node.child_by_field_name("type").map(|t| self.field_type(t)),
            attributes,
            doc: self.doc_comment(node),
            span: self.trimmed_span(node),
        }
    }

    fn field_type(&self, node: Node) -> FieldType {
        let base = node.child_by_field_name("base");
        let (name, unsupported) = match base {
            Some(base) if base.kind() == kind::UNSUPPORTED_TYPE => (
                self.ident(base.child_by_field_name("name"), base),
                base.child_by_field_name("argument").map(|s| self.string(s)),
            ),
            other => (self.ident(other, node), None),
        };
        let mut cursor = node.walk();
        let modifiers = node
            .named_children(&mut cursor)
            .filter_map(|child| {
                let modifier = match child.kind() {
                    kind::LIST_MODIFIER => TypeModifier::List,
                    kind::OPTIONAL_MODIFIER => TypeModifier::Optional,
                    kind::REQUIRED_MODIFIER => TypeModifier::Required,
                    _ => return None,
                };
                Some((modifier, self.span(child)))
            })
            .collect();
        FieldType {
            name,
            unsupported,
            modifiers,
            span: self.span(node),
        }
    }

    fn enum_value(&self, node: Node) -> EnumValue {
        let mut cursor = node.walk();
        let attributes = node
            .children_by_field_name("attribute", &mut cursor)
            .map(|a| self.attribute(a, false))
            .collect();
        EnumValue {
            name: self.ident(node.child_by_field_name("name"), node),
            attributes,
            doc: self.doc_comment(node),
            span: self.trimmed_span(node),
        }
    }

    fn property(&self, node: Node) -> Property {
        Property {
            key: self.ident(node.child_by_field_name("key"), node),
            value: node
                .child_by_field_name("value")
                .and_then(|v| self.expression(v)),
            span: self.trimmed_span(node),
        }
    }

    fn attribute(&self, node: Node, is_block: bool) -> Attribute {
        let marker = node.child(0).unwrap_or(node);
        Attribute {
            name: self.ident(node.child_by_field_name("name"), marker),
            is_block,
            arguments: node
                .child_by_field_name("arguments")
                .map(|a| self.arguments(a)),
            span: self.span(node),
        }
    }

    fn arguments(&self, node: Node) -> ArgumentList {
        let mut items = Vec::new();
        let mut closed = false;
        let mut trailing_comma = None;
        let mut cursor = node.walk();
        for child in node.children(&mut cursor) {
            if !child.is_extra() {
                trailing_comma = (child.kind() == ",").then(|| self.span(child));
            }
            match child.kind() {
                ")" => closed = true,
                kind::NAMED_ARGUMENT => items.push(Argument {
                    name: Some(self.ident(child.child_by_field_name("name"), child)),
                    value: child
                        .child_by_field_name("value")
                        .and_then(|v| self.expression(v)),
                    span: self.span(child),
                }),
                _ if child.is_named() => {
                    if let Some(value) = self.expression(child) {
                        items.push(Argument {
                            name: None,
                            value: Some(value),
                            span: self.span(child),
                        });
                    }
                }
                _ => {}
            }
        }
        if closed {
            // `trailing_comma` was reset by the `)`: look at what precedes it instead.
            trailing_comma = node
                .child(node.child_count().saturating_sub(1))
                .and_then(|close| close.prev_sibling())
                .filter(|previous| previous.kind() == ",")
                .map(|comma| self.span(comma));
        }
        ArgumentList {
            items,
            span: self.span(node),
            closed,
            trailing_comma,
        }
    }

    fn expression(&self, node: Node) -> Option<Expression> {
        let span = self.span(node);
        Some(match node.kind() {
            kind::STRING => Expression::String(self.string(node)),
            kind::NUMBER => Expression::Number {
                text: self.text(node).to_string(),
                span,
            },
            kind::BOOLEAN => Expression::Boolean {
                value: self.text(node) == "true",
                span,
            },
            // `address.number` is one name: a path into a composite type.
            kind::IDENTIFIER | kind::PATH => Expression::Constant(self.ident(Some(node), node)),
            kind::FUNCTION_CALL => {
                let name = self.ident(node.child_by_field_name("name"), node);
                let arguments = match node.child_by_field_name("arguments") {
                    Some(arguments) => self.arguments(arguments),
                    None => ArgumentList {
                        items: Vec::new(),
                        span,
                        closed: false,
                        trailing_comma: None,
                    },
                };
                Expression::Function {
                    name,
                    arguments,
                    span,
                }
            }
            kind::ARRAY => {
                let mut cursor = node.walk();
                let items = node
                    .named_children(&mut cursor)
                    .filter_map(|item| self.expression(item))
                    .collect();
                let closed = node
                    .child(node.child_count().saturating_sub(1))
                    .is_some_and(|c| c.kind() == "]");
                Expression::Array {
                    items,
                    span,
                    closed,
                }
            }
            kind::OBJECT => {
                let mut cursor = node.walk();
                let entries = node
                    .named_children(&mut cursor)
                    .filter(|entry| entry.kind() == kind::OBJECT_ENTRY)
                    .filter_map(|entry| {
                        let key_node = entry.child_by_field_name("key")?;
                        let key = if key_node.kind() == kind::STRING {
                            Ident {
                                text: self.string(key_node).value,
                                span: self.span(key_node),
                            }
                        } else {
                            self.ident(Some(key_node), entry)
                        };
                        let value = self.expression(entry.child_by_field_name("value")?)?;
                        Some(ObjectEntry {
                            key,
                            value,
                            span: self.span(entry),
                        })
                    })
                    .collect();
                Expression::Object { entries, span }
            }
            _ => return None,
        })
    }

    fn string(&self, node: Node) -> StringLiteral {
        let raw = self.text(node);
        let terminated = node
            .child(node.child_count().saturating_sub(1))
            .is_some_and(|last| last.kind() == "\"" && last.start_byte() > node.start_byte());
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
        let index = &self.source.line_index;
        let text = &self.source.text;
        let mut line = node.start_position().row;
        let mut lines = Vec::new();
        while line > 0 {
            line -= 1;
            let Some(range) = index.line_range(text, line) else {
                break;
            };
            let Some(doc) = text[range].trim_start().strip_prefix("///") else {
                break;
            };
            lines.push(doc.strip_prefix(' ').unwrap_or(doc).trim_end());
        }
        if lines.is_empty() {
            return None;
        }
        lines.reverse();
        Some(lines.join("\n"))
    }
}

fn declaration_kind(node_kind: &str) -> Option<BlockKind> {
    Some(match node_kind {
        kind::MODEL_DECLARATION => BlockKind::Model,
        kind::VIEW_DECLARATION => BlockKind::View,
        kind::TYPE_DECLARATION => BlockKind::CompositeType,
        kind::ENUM_DECLARATION => BlockKind::Enum,
        kind::DATASOURCE_DECLARATION => BlockKind::Datasource,
        kind::GENERATOR_DECLARATION => BlockKind::Generator,
        _ => return None,
    })
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
