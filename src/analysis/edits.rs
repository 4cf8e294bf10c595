//! Building the text edits of fixes so that they touch only what they name: inserted lines
//! take the block's indentation and the neighbouring fields' column alignment, deleted
//! attributes take their line with them only when they were alone on it.

use crate::analysis::TextEdit;
use crate::model::{Attribute, Block, Field, Schema, Span};
use crate::syntax::{line_start, next_line_start};

/// The leading whitespace of the line that holds `offset`.
fn indentation_at(text: &str, offset: usize) -> &str {
    let start = line_start(text, offset);
    let line = text.get(start..).unwrap_or_default();
    let width = line.len() - line.trim_start_matches([' ', '\t']).len();
    &line[..width]
}

/// The indentation of the block's members: the first member's, else the block's own plus
/// two spaces.
pub fn member_indentation(schema: &Schema, block: &Block) -> String {
    let text = &schema.file(block.span.file).text;
    let first_member = block
        .fields
        .iter()
        .map(|f| f.span.start)
        .chain(block.attributes.iter().map(|a| a.span.start))
        .min();
    let block_line = line_start(text, block.span.start as usize);
    match first_member {
        // A member on a line of its own gives the indentation.
        Some(start) if line_start(text, start as usize) != block_line => {
            indentation_at(text, start as usize).to_string()
        }
        _ => format!("{}  ", indentation_at(text, block.span.start as usize)),
    }
}

/// The offset where a new line goes after the member that ends at `after`: the start of the
/// next line. `None` when the block's closing brace is on that same line (a one-line
/// block), where inserting whole lines would break the block.
fn line_after(schema: &Schema, block: &Block, after: u32) -> Option<usize> {
    let text = &schema.file(block.span.file).text;
    let next = next_line_start(text, after as usize);
    (next <= block.span.end as usize && next > after as usize && closing_brace(text, block) >= next)
        .then_some(next)
}

/// The offset of the block's closing brace (its last byte when closed).
fn closing_brace(text: &str, block: &Block) -> usize {
    let end = block.span.end as usize;
    if block.closed && text.as_bytes().get(end.wrapping_sub(1)) == Some(&b'}') {
        end - 1
    } else {
        end
    }
}

/// Inserts `line` (without indentation or newline) as a new member line after the member
/// that ends at `after`, or, when the block has no member, after the opening brace.
fn insert_line_after(schema: &Schema, block: &Block, after: Option<u32>, line: &str) -> TextEdit {
    let file = block.span.file;
    let text = &schema.file(file).text;
    let indentation = member_indentation(schema, block);
    let at = match after {
        Some(end) => line_after(schema, block, end),
        // No member: after the line of the opening brace.
        None => line_after(schema, block, block.body.start),
    };
    match at {
        Some(at) => TextEdit {
            span: Span::new(file, at..at),
            new_text: format!("{indentation}{line}\n"),
        },
        None => {
            // A one-line block: open a line before the closing brace.
            let brace = closing_brace(text, block);
            TextEdit {
                span: Span::new(file, brace..brace),
                new_text: format!("\n{indentation}{line}\n"),
            }
        }
    }
}

/// Inserts a block attribute line (`@@index([a, b])`): after the block's last block
/// attribute, else after its last field.
pub fn insert_block_attribute(schema: &Schema, block: &Block, attribute: &str) -> TextEdit {
    let after = block
        .attributes
        .iter()
        .map(|a| a.span.end)
        .max()
        .or_else(|| block.fields.iter().map(|f| f.span.end).max());
    insert_line_after(schema, block, after, attribute)
}

/// Inserts a field line after the block's last field, aligned like that field: the type in
/// the same column, and the attributes too when `attributes` is not empty.
pub fn insert_field(
    schema: &Schema,
    block: &Block,
    name: &str,
    field_type: &str,
    attributes: &str,
) -> TextEdit {
    let last = block.fields.iter().max_by_key(|f| f.span.end);
    let line = match last {
        Some(last) => aligned_field_line(last, name, field_type, attributes),
        None => plain_field_line(name, field_type, attributes),
    };
    let after = last.map(|f| f.span.end).or_else(|| {
        block
            .attributes
            .iter()
            .map(|a| a.span.start)
            .min()
            .map(|_| 0)
    });
    match after {
        // Fields go before the block attributes; without fields, before the first one.
        Some(0) => insert_before_first_block_attribute(schema, block, &line),
        _ => insert_line_after(schema, block, after, &line),
    }
}

/// Inserts several field lines at once (`createdAt` and `updatedAt`), each placed and aligned
/// as `insert_field` places one: a single edit, so that the lines stay in order and together.
pub fn insert_fields(schema: &Schema, block: &Block, fields: &[(&str, &str, &str)]) -> TextEdit {
    let mut edits = fields.iter().map(|(name, field_type, attributes)| {
        insert_field(schema, block, name, field_type, attributes)
    });
    let Some(mut combined) = edits.next() else {
        let at = block.body.start;
        return replace(Span::new(block.span.file, at as usize..at as usize), "");
    };
    for edit in edits {
        // Each edit is the same insertion point; a one-line block's edits open a line
        // (`\n  field\n`) that the previous edit already opened.
        let text = if combined.new_text.ends_with('\n') {
            edit.new_text.strip_prefix('\n').unwrap_or(&edit.new_text)
        } else {
            &edit.new_text
        };
        combined.new_text.push_str(text);
    }
    combined
}

fn insert_before_first_block_attribute(schema: &Schema, block: &Block, line: &str) -> TextEdit {
    let text = &schema.file(block.span.file).text;
    let first = block
        .attributes
        .iter()
        .map(|a| a.span.start)
        .min()
        .unwrap_or(block.body.start);
    let at = line_start(text, first as usize);
    TextEdit {
        span: Span::new(block.span.file, at..at),
        new_text: format!("{}{line}\n", member_indentation(schema, block)),
    }
}

fn plain_field_line(name: &str, field_type: &str, attributes: &str) -> String {
    if attributes.is_empty() {
        format!("{name} {field_type}")
    } else {
        format!("{name} {field_type} {attributes}")
    }
}

/// A field line with the columns of `like`: the type where its type starts, the attributes
/// where its attributes start (at least one space apart).
fn aligned_field_line(like: &Field, name: &str, field_type: &str, attributes: &str) -> String {
    let Some(like_type) = &like.r#type else {
        return plain_field_line(name, field_type, attributes);
    };
    let type_column = (like_type.span.start - like.name.span.start) as usize;
    let mut line = format!("{name:<width$}", width = type_column.saturating_sub(1));
    line.push(' ');
    line.push_str(field_type);
    if attributes.is_empty() {
        return line;
    }
    let attribute_column = like
        .attributes
        .first()
        .map(|a| (a.span.start - like.name.span.start) as usize);
    match attribute_column {
        Some(column) if column > line.len() => {
            line.push_str(&" ".repeat(column - line.len()));
        }
        _ => line.push(' '),
    }
    line.push_str(attributes);
    line
}

/// Appends a field attribute (`@unique`, `@updatedAt`) after the field's last attribute or
/// its type.
pub fn append_field_attribute(field: &Field, attribute: &str) -> TextEdit {
    let end = field.declaration_end();
    TextEdit {
        span: Span {
            start: end,
            end,
            ..field.span
        },
        new_text: format!(" {attribute}"),
    }
}

/// Deletes an attribute: its whole line when nothing else is on it (a trailing comment
/// included, since it spoke of the attribute), else the attribute and the spaces before it.
pub fn delete_attribute(schema: &Schema, attribute: &Attribute) -> TextEdit {
    let file = attribute.span.file;
    let text = &schema.file(file).text;
    let (start, end) = (attribute.span.start as usize, attribute.span.end as usize);
    let line_begin = line_start(text, start);
    let line_end = next_line_start(text, end);
    let before = text.get(line_begin..start).unwrap_or_default();
    let after = text.get(end..line_end).unwrap_or_default();
    let after_code = after.split("//").next().unwrap_or_default();
    if before.trim().is_empty() && after_code.trim().is_empty() {
        return TextEdit {
            span: Span::new(file, line_begin..line_end),
            new_text: String::new(),
        };
    }
    let spaces = before.len() - before.trim_end().len();
    TextEdit {
        span: Span::new(file, start - spaces..end),
        new_text: String::new(),
    }
}

/// Replaces the text of `span`.
pub fn replace(span: Span, new_text: impl Into<String>) -> TextEdit {
    TextEdit {
        span,
        new_text: new_text.into(),
    }
}

/// Replaces the text of `span` and keeps what follows on the line in its column: the spaces
/// after `span` shrink (to one at least) or grow by the change in length. A plain `replace`
/// when nothing follows on the line.
pub fn replace_keeping_columns(schema: &Schema, span: Span, new_text: &str) -> TextEdit {
    let text = &schema.file(span.file).text;
    let end = span.end as usize;
    let rest = text.get(end..).unwrap_or_default();
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    let next = rest[spaces..].chars().next();
    if spaces == 0 || next.is_none_or(|c| c == '\n' || c == '\r') {
        return replace(span, new_text);
    }
    let old_len = (span.end - span.start) as usize;
    let wanted = (old_len + spaces).saturating_sub(new_text.len()).max(1);
    TextEdit {
        span: Span::new(span.file, span.start as usize..end + spaces),
        new_text: format!("{new_text}{}", " ".repeat(wanted)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    fn apply(text: &str, edit: &TextEdit) -> String {
        let mut out = text.to_string();
        out.replace_range(
            edit.span.start as usize..edit.span.end as usize,
            &edit.new_text,
        );
        out
    }

    #[test]
    fn inserts_block_attributes_after_the_last_member_in_its_indentation() {
        let text =
            "model A {\n    id   Int @id // the key\n    name String\n\n    @@map(\"a\")\n}\n";
        let schema = Schema::parse("s.prisma", text);
        let block = schema.find_model("A").expect("model");
        let edit = insert_block_attribute(&schema, block, "@@index([name])");
        assert_eq!(
            apply(text, &edit),
            "model A {\n    id   Int @id // the key\n    name String\n\n    @@map(\"a\")\n    @@index([name])\n}\n"
        );
    }

    #[test]
    fn inserts_fields_aligned_with_the_last_field() {
        let text = "model A {\n  id        Int    @id\n  createdAt DateTime @default(now())\n  @@index([createdAt])\n}\n";
        let schema = Schema::parse("s.prisma", text);
        let block = schema.find_model("A").expect("model");
        let edit = insert_field(
            &schema,
            block,
            "deletedAt",
            "DateTime?",
            "@map(\"deleted_at\")",
        );
        assert_eq!(
            apply(text, &edit),
            "model A {\n  id        Int    @id\n  createdAt DateTime @default(now())\n  deletedAt DateTime? @map(\"deleted_at\")\n  @@index([createdAt])\n}\n"
        );
        let edit = insert_field(&schema, block, "x", "Int", "");
        assert!(apply(text, &edit).contains("\n  x         Int\n"));
    }

    #[test]
    fn inserts_several_fields_in_one_edit() {
        let text = "model A {\n  id Int @id\n}\nmodel B { id Int @id }\n";
        let schema = Schema::parse("s.prisma", text);
        let fields = [
            ("createdAt", "DateTime", "@default(now())"),
            ("updatedAt", "DateTime", "@updatedAt"),
        ];
        let a = schema.find_model("A").expect("model");
        assert_eq!(
            apply(text, &insert_fields(&schema, a, &fields)),
            "model A {\n  id Int @id\n  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n}\nmodel B { id Int @id }\n"
        );
        let b = schema.find_model("B").expect("model");
        assert_eq!(
            apply(text, &insert_fields(&schema, b, &fields)),
            "model A {\n  id Int @id\n}\nmodel B { id Int @id \n  createdAt DateTime @default(now())\n  updatedAt DateTime @updatedAt\n}\n"
        );
    }

    #[test]
    fn replaces_keeping_the_next_column() {
        let text = "model A {\n  id    Int   @id\n  price Float @default(1)\n  fee   Float\n}\n";
        let schema = Schema::parse("s.prisma", text);
        let block = schema.find_model("A").expect("model");
        let ty = |i: usize| block.fields[i].r#type.as_ref().expect("type").span;
        assert_eq!(
            apply(text, &replace_keeping_columns(&schema, ty(0), "BigInt")),
            "model A {\n  id    BigInt @id\n  price Float @default(1)\n  fee   Float\n}\n"
        );
        assert_eq!(
            apply(text, &replace_keeping_columns(&schema, ty(1), "Decimal")),
            "model A {\n  id    Int   @id\n  price Decimal @default(1)\n  fee   Float\n}\n"
        );
        assert_eq!(
            apply(text, &replace_keeping_columns(&schema, ty(2), "Decimal")),
            "model A {\n  id    Int   @id\n  price Float @default(1)\n  fee   Decimal\n}\n"
        );
        let text = "model A {\n  id    Int      @id\n}\n";
        let schema = Schema::parse("s.prisma", text);
        let block = schema.find_model("A").expect("model");
        let ty = block.fields[0].r#type.as_ref().expect("type").span;
        assert_eq!(
            apply(text, &replace_keeping_columns(&schema, ty, "Decimal")),
            "model A {\n  id    Decimal  @id\n}\n"
        );
    }

    #[test]
    fn handles_empty_and_one_line_blocks() {
        let text = "model A {\n}\nmodel B { id Int @id }\n";
        let schema = Schema::parse("s.prisma", text);
        let a = schema.find_model("A").expect("model");
        assert_eq!(
            apply(text, &insert_field(&schema, a, "id", "Int", "@id")),
            "model A {\n  id Int @id\n}\nmodel B { id Int @id }\n"
        );
        let b = schema.find_model("B").expect("model");
        assert_eq!(
            apply(text, &insert_block_attribute(&schema, b, "@@map(\"b\")")),
            "model A {\n}\nmodel B { id Int @id \n  @@map(\"b\")\n}\n"
        );
    }

    #[test]
    fn deletes_an_attribute_with_its_line_only_when_alone() {
        let text = "model A {\n  id Int @id @unique\n  @@index([id]) // old\n}\n";
        let schema = Schema::parse("s.prisma", text);
        let block = schema.find_model("A").expect("model");
        assert_eq!(
            apply(text, &delete_attribute(&schema, &block.attributes[0])),
            "model A {\n  id Int @id @unique\n}\n"
        );
        let unique = block.fields[0].attribute("unique").expect("unique");
        assert_eq!(
            apply(text, &delete_attribute(&schema, unique)),
            "model A {\n  id Int @id\n  @@index([id]) // old\n}\n"
        );
    }
}
