//! Hover: what a name under the cursor is.
//!
//! On a model, view, enum, composite type, field or enum value (declaration or reference):
//! its declaration, its `///` doc comment, its database name when `@map`/`@@map` sets one,
//! and for a relation field a one-line summary of the relation. On keywords, scalar types,
//! attributes, `@default` functions, native types, referential actions, argument names,
//! datasource/generator keys and preview features: the documentation of `crate::catalog`.

use super::navigation::{SymbolRef, block_at, occurrence_at};
use crate::catalog::{self, AttributeTarget, Provider, ReferentialAction};
use crate::model::{
    Argument, Attribute, Block, BlockKind, Expression, Field, FileId, Schema, Span,
};
use crate::semantics;

/// Markdown about the item under the cursor, and the span it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    pub markdown: String,
    pub span: Span,
}

pub fn hover(schema: &Schema, file: FileId, offset: u32) -> Option<Hover> {
    if let Some((symbol, span)) = occurrence_at(schema, file, offset) {
        let markdown = symbol_hover(schema, symbol, span, offset)?;
        return Some(Hover { markdown, span });
    }
    let (_, block) = block_at(schema, file, offset)?;
    catalog_hover(schema, block, offset)
}

fn symbol_hover(schema: &Schema, symbol: SymbolRef, span: Span, offset: u32) -> Option<String> {
    let mut parts = Vec::new();
    match symbol {
        SymbolRef::Type(id) => {
            let block = schema.block(id);
            parts.push(code(&format!(
                "{} {}",
                block.kind.keyword(),
                block.name.text
            )));
            parts.extend(block.doc.clone());
            if let Some(name) = crate::semantics::database_names::mapped_name(&block.attributes) {
                let what = if block.kind == BlockKind::Enum {
                    "type"
                } else {
                    block.kind.keyword()
                };
                parts.push(format!("Database {what}: `{name}` (`@@map`)"));
            }
            if block.kind == BlockKind::Enum && !block.enum_values.is_empty() {
                parts.push(enum_values_line(block));
            }
            // On the type of a relation field: the relation too.
            let (_, here) = block_at(schema, span.file, offset)?;
            if let Some(field) = here
                .fields
                .iter()
                .find(|f| f.r#type.as_ref().is_some_and(|t| t.name.span == span))
                && let Some(summary) = relation_summary(schema, here, field)
            {
                parts.push(format!(
                    "`{}.{}`: {summary}",
                    here.name.text, field.name.text
                ));
            }
        }
        SymbolRef::Field { block, field } => {
            let block = schema.block(block);
            let field = block.fields.get(field as usize)?;
            let declaration = Span {
                end: field.declaration_end(),
                ..field.span
            };
            parts.push(code(schema.text(declaration)));
            parts.push(format!(
                "Field of {} `{}`",
                block.kind.describe(),
                block.name.text
            ));
            parts.extend(field.doc.clone());
            if let Some(name) = crate::semantics::database_names::mapped_name(&field.attributes) {
                parts.push(format!("Database name: `{name}` (`@map`)"));
            }
            if let Some(summary) = relation_summary(schema, block, field) {
                parts.push(format!("Relation: {summary}"));
            }
        }
        SymbolRef::EnumValue { block, value } => {
            let block = schema.block(block);
            let value = block.enum_values.get(value as usize)?;
            parts.push(code(&value.name.text));
            parts.push(format!("Value of enum `{}`", block.name.text));
            parts.extend(value.doc.clone());
            if let Some(name) = crate::semantics::database_names::mapped_name(&value.attributes) {
                parts.push(format!("Database value: `{name}` (`@map`)"));
            }
        }
        SymbolRef::Datasource(id) => {
            let block = schema.block(id);
            parts.push(code(&format!("datasource {}", block.name.text)));
            parts.extend(block.doc.clone());
            let provider = block
                .property("provider")
                .and_then(|p| p.value.as_ref())
                .and_then(Expression::as_str);
            if let Some(provider) = provider {
                parts.push(format!("Provider: `{provider}`"));
            }
        }
    }
    Some(parts.join("\n\n---\n\n"))
}

/// "Values: `A`, `B`, …": at most a dozen, as a long enum would fill the screen.
fn enum_values_line(block: &Block) -> String {
    const SHOWN: usize = 12;
    let mut names: Vec<String> = block
        .enum_values
        .iter()
        .take(SHOWN)
        .map(|value| format!("`{}`", value.name.text))
        .collect();
    let rest = block.enum_values.len().saturating_sub(SHOWN);
    if rest > 0 {
        names.push(format!("and {rest} more"));
    }
    format!("Values: {}", names.join(", "))
}

fn code(text: &str) -> String {
    format!("```prisma\n{text}\n```")
}

/// "many `Post` via `Post.authorId` → `User.id`, onDelete: Cascade".
pub fn relation_summary(schema: &Schema, block: &Block, field: &Field) -> Option<String> {
    let field_type = field.r#type.as_ref()?;
    let other = schema
        .find_type(&field_type.name.text)
        .filter(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))?;
    let how_many = match field_type.arity() {
        crate::model::Arity::List => "many",
        crate::model::Arity::Optional => "an optional",
        crate::model::Arity::Required => "one",
    };
    let mut summary = format!("{how_many} `{}`", other.name.text);
    let opposite = other.fields_pointing_back(&block.name.text, field).next();
    // The side with `fields:` holds the foreign key.
    let keyed = [(block, Some(field)), (other, opposite)]
        .into_iter()
        .find_map(|(owner, side)| {
            let side = side?;
            let relation = side.attribute("relation")?;
            let fields = listed_names_of(relation.argument("fields", None))?;
            let references = listed_names_of(relation.argument("references", None))?;
            Some((owner, side, relation, fields, references))
        });
    let both_lists = field_type.arity() == crate::model::Arity::List
        && opposite
            .and_then(|o| o.r#type.as_ref())
            .is_some_and(|t| t.arity() == crate::model::Arity::List);
    match keyed {
        Some((owner, side, relation, fields, references)) => {
            if both_lists {
                summary.push_str(" (many-to-many)");
            }
            let target = side.r#type.as_ref().map_or("", |t| t.name.text.as_str());
            summary.push_str(&format!(
                " via {} → {}",
                qualified(&owner.name.text, &fields),
                qualified(target, &references)
            ));
            for action in ["onDelete", "onUpdate"] {
                if let Some(value) = relation
                    .argument(action, None)
                    .and_then(|a| a.value.as_ref())
                    && let Expression::Constant(ident) = value
                {
                    summary.push_str(&format!(", {action}: {}", ident.text));
                }
            }
        }
        None => {
            if both_lists {
                let table = semantics::join_table_name(&semantics::relation_name(
                    field,
                    &block.name.text,
                    &other.name.text,
                ));
                summary.push_str(&format!(", implicit many-to-many (join table `{table}`)"));
            }
        }
    }
    if let Some(opposite) = opposite {
        summary.push_str(&format!(
            "; opposite field `{}.{}`",
            other.name.text, opposite.name.text
        ));
    }
    Some(summary)
}

fn listed_names_of(argument: Option<&Argument>) -> Option<Vec<&str>> {
    argument?.value.as_ref()?.listed_names()
}

fn qualified(model: &str, fields: &[&str]) -> String {
    match fields {
        [one] => format!("`{model}.{one}`"),
        many => format!("`{model}.({})`", many.join(", ")),
    }
}

/// Documentation from the catalog for keywords and built-in names.
fn catalog_hover(schema: &Schema, block: &Block, offset: u32) -> Option<Hover> {
    let at = |span: Span| span.contains(offset as usize);
    let found = |doc: String, span: Span| {
        Some(Hover {
            markdown: doc,
            span,
        })
    };

    // The block keyword.
    let keyword = Span {
        end: block.span.start + block.kind.keyword().len() as u32,
        ..block.span
    };
    if at(keyword) && schema.text(keyword) == block.kind.keyword() {
        let item = catalog::find_item(catalog::BLOCK_KEYWORDS, block.kind.keyword())?;
        return found(item_doc(item.name, item.doc), keyword);
    }
    let provider = crate::semantics::Config::of(schema).provider;
    for property in &block.properties {
        if at(property.key.span) {
            let keys: &[catalog::Item] = match block.kind {
                BlockKind::Datasource => catalog::DATASOURCE_KEYS,
                _ => catalog::GENERATOR_KEYS,
            };
            let item = catalog::find_item(keys, &property.key.text)?;
            return found(item_doc(item.name, item.doc), property.key.span);
        }
        if let Some(value) = &property.value
            && at(value.span())
        {
            for item in value.as_list() {
                if let Expression::String(literal) = item
                    && at(literal.span)
                {
                    let items: &[catalog::Item] = match (block.kind, property.key.text.as_str()) {
                        (BlockKind::Datasource, "provider") => catalog::DATASOURCE_PROVIDERS,
                        (BlockKind::Datasource, "relationMode") => catalog::RELATION_MODES,
                        (BlockKind::Generator, key) => catalog::generator_key_values(key),
                        _ => &[],
                    };
                    let item = catalog::find_item(items, &literal.value)?;
                    return found(item_doc(item.name, item.doc), literal.span);
                }
            }
        }
    }
    for field in &block.fields {
        if let Some(field_type) = &field.r#type
            && at(field_type.name.span)
        {
            let item = catalog::SCALAR_TYPES
                .iter()
                .chain(std::iter::once(&catalog::UNSUPPORTED_TYPE))
                .find(|i| i.name == field_type.name.text)?;
            return found(item_doc(item.name, item.doc), field_type.name.span);
        }
        if let Some(hover) =
            attributes_hover(&field.attributes, AttributeTarget::Field, provider, offset)
        {
            return Some(hover);
        }
    }
    for value in &block.enum_values {
        if let Some(hover) = attributes_hover(
            &value.attributes,
            AttributeTarget::EnumValue,
            provider,
            offset,
        ) {
            return Some(hover);
        }
    }
    let target = if block.kind == BlockKind::Enum {
        AttributeTarget::Enum
    } else {
        AttributeTarget::Block
    };
    attributes_hover(&block.attributes, target, provider, offset)
}

fn attributes_hover(
    attributes: &[Attribute],
    target: AttributeTarget,
    provider: Option<Provider>,
    offset: u32,
) -> Option<Hover> {
    let at = |span: Span| span.contains(offset as usize);
    let attribute = attributes.iter().find(|a| at(a.span))?;
    let prefix = if attribute.is_block { "@@" } else { "@" };
    // The `@`/`@@` and the name.
    if offset <= attribute.name.span.end {
        if let Some((_, native)) = attribute.name.text.split_once('.') {
            let native_type = catalog::find_native_type(provider?, native)?;
            let markdown = item_doc(&format!("@{}", attribute.name.text), native_type.doc);
            return Some(Hover {
                markdown,
                span: attribute.name.span,
            });
        }
        let spec = catalog::find_attribute(&attribute.name.text, target)?;
        return Some(Hover {
            markdown: item_doc(&format!("{prefix}{}", spec.name), spec.doc),
            span: attribute.name.span,
        });
    }
    for argument in attribute.arguments() {
        if let Some(name) = &argument.name
            && at(name.span)
        {
            let items: &[catalog::Item] = match attribute.name.text.as_str() {
                "relation" => catalog::RELATION_ARGUMENTS,
                "index" | "unique" | "id" | "fulltext" => catalog::INDEX_ARGUMENTS,
                _ => &[],
            };
            let item = catalog::find_item(items, &name.text)?;
            return Some(Hover {
                markdown: item_doc(&format!("{}:", item.name), item.doc),
                span: name.span,
            });
        }
        let Some(value) = &argument.value else {
            continue;
        };
        if !at(value.span()) {
            continue;
        }
        match value {
            Expression::Function { name, .. } if at(name.span) => {
                let function = catalog::find_default_function(&name.text)?;
                return Some(Hover {
                    markdown: item_doc(&format!("{}()", function.name), function.doc),
                    span: name.span,
                });
            }
            Expression::Constant(ident) => {
                let action = ReferentialAction::from_name(&ident.text)?;
                return Some(Hover {
                    markdown: item_doc(action.name(), action.doc()),
                    span: ident.span,
                });
            }
            _ => {}
        }
    }
    None
}

fn item_doc(name: &str, doc: &str) -> String {
    format!("```prisma\n{name}\n```\n\n---\n\n{doc}")
}
