//! Go to definition, find references, document highlight and rename.
//!
//! Every place a name occurs is found by one walk over a block ([`occurrences`]): the
//! declarations of types, fields and enum values, field types, the field names inside
//! `fields:`/`references:` and the field lists of `@@id`/`@@unique`/`@@index`/`@@fulltext`/
//! `@@shardKey`, enum values in `@default(...)`, and the datasource name in `@db.X`. An
//! occurrence names its target by name; it is resolved only when its name is the one looked
//! for, so finding references is one linear pass over the blocks with hash lookups.

use crate::analysis::TextEdit;
use crate::analysis::names::{RESERVED_CLIENT_NAMES, SCALAR_TYPES};
use crate::model::{
    Attribute, Block, BlockId, BlockKind, Expression, Field, FileId, Ident, Schema, Span,
};
use crate::semantics::{implicit_many_to_many, is_side_a};
use crate::syntax;

/// A declared thing a name can refer to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolRef {
    /// A model, view, composite type or enum.
    Type(BlockId),
    /// A field of a model, view or composite type (`field` indexes `Block::fields`).
    Field { block: BlockId, field: u32 },
    /// A value of an enum (`value` indexes `Block::enum_values`).
    EnumValue { block: BlockId, value: u32 },
    /// The datasource, named by the `db` of `@db.VarChar`.
    Datasource(BlockId),
}

/// The block a name belongs to: known (a declaration) or named (a reference).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Owner<'a> {
    Id(BlockId),
    Named(&'a str),
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Target<'a> {
    Type(Owner<'a>),
    Field(Owner<'a>),
    EnumValue(Owner<'a>),
    Datasource,
}

/// One place where a name is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Occurrence<'a> {
    pub span: Span,
    pub name: &'a str,
    pub target: Target<'a>,
    pub declaration: bool,
}

/// What is under the cursor.
pub fn symbol_at(schema: &Schema, file: FileId, offset: u32) -> Option<SymbolRef> {
    let (symbol, _) = occurrence_at(schema, file, offset)?;
    Some(symbol)
}

/// The resolved name under the cursor and the span of that name.
pub(crate) fn occurrence_at(
    schema: &Schema,
    file: FileId,
    offset: u32,
) -> Option<(SymbolRef, Span)> {
    let (id, block) = block_at(schema, file, offset)?;
    let mut found = None;
    occurrences(schema, id, block, &mut |occurrence| {
        if found.is_none() && occurrence.span.contains(offset as usize) {
            found = Some(occurrence);
        }
    });
    let occurrence = found?;
    Some((resolve(schema, &occurrence)?, occurrence.span))
}

/// The declaration of what is under the cursor: the span of its name.
pub fn definition(schema: &Schema, file: FileId, offset: u32) -> Option<Span> {
    symbol_at(schema, file, offset).and_then(|symbol| declaration_span(schema, symbol))
}

/// Every place the symbol under the cursor is named, in every file (file order, then source
/// order).
pub fn references(
    schema: &Schema,
    file: FileId,
    offset: u32,
    include_declaration: bool,
) -> Vec<Span> {
    let Some(symbol) = symbol_at(schema, file, offset) else {
        return Vec::new();
    };
    occurrences_of(schema, symbol, None)
        .into_iter()
        .filter(|(_, declaration)| include_declaration || !declaration)
        .map(|(span, _)| span)
        .collect()
}

/// The places in this file that name the symbol under the cursor; `true` marks the
/// declaration.
pub fn highlights(schema: &Schema, file: FileId, offset: u32) -> Vec<(Span, bool)> {
    let Some(symbol) = symbol_at(schema, file, offset) else {
        return Vec::new();
    };
    occurrences_of(schema, symbol, Some(file))
}

/// The span of the name that would be renamed at the cursor, or why nothing can be.
pub fn prepare_rename(schema: &Schema, file: FileId, offset: u32) -> Result<Span, String> {
    occurrence_at(schema, file, offset)
        .map(|(_, span)| span)
        .ok_or_else(|| {
            "nothing to rename here: place the cursor on the name of a model, view, enum, composite type, field or enum value".to_string()
        })
}

/// The edits that rename the symbol under the cursor everywhere. When the old name was also
/// the database name, `@map`/`@@map` keeps it, so that the migration stays a no-op.
pub fn rename(
    schema: &Schema,
    file: FileId,
    offset: u32,
    new_name: &str,
) -> Result<Vec<TextEdit>, String> {
    let (symbol, _) = occurrence_at(schema, file, offset).ok_or_else(|| {
        "nothing to rename here: place the cursor on the name of a model, view, enum, composite type, field or enum value".to_string()
    })?;
    let old_name = symbol_name(schema, symbol).to_string();
    if old_name == new_name {
        return Ok(Vec::new());
    }
    check_new_name(schema, symbol, new_name)?;
    keep_join_table_columns(schema, symbol, new_name)?;
    let mut edits: Vec<TextEdit> = occurrences_of(schema, symbol, None)
        .into_iter()
        .map(|(span, _)| TextEdit {
            span,
            new_text: new_name.to_string(),
        })
        .collect();
    edits.extend(keep_database_name(schema, symbol, &old_name));
    if let SymbolRef::Type(id) = symbol {
        edits.extend(keep_join_tables(schema, id));
    }
    edits.sort_by_key(|edit| (edit.span.file, edit.span.start, edit.span.end));
    edits.dedup_by(|a, b| a.span == b.span && a.new_text == b.new_text);
    Ok(edits)
}

/// The declared name of a symbol.
pub fn symbol_name(schema: &Schema, symbol: SymbolRef) -> &str {
    match symbol {
        SymbolRef::Type(id) | SymbolRef::Datasource(id) => &schema.block(id).name.text,
        SymbolRef::Field { block, field } => schema
            .block(block)
            .fields
            .get(field as usize)
            .map_or("", |f| f.name.text.as_str()),
        SymbolRef::EnumValue { block, value } => schema
            .block(block)
            .enum_values
            .get(value as usize)
            .map_or("", |v| v.name.text.as_str()),
    }
}

/// The span of the declared name of a symbol.
pub fn declaration_span(schema: &Schema, symbol: SymbolRef) -> Option<Span> {
    match symbol {
        SymbolRef::Type(id) | SymbolRef::Datasource(id) => Some(schema.block(id).name.span),
        SymbolRef::Field { block, field } => schema
            .block(block)
            .fields
            .get(field as usize)
            .map(|f| f.name.span),
        SymbolRef::EnumValue { block, value } => schema
            .block(block)
            .enum_values
            .get(value as usize)
            .map(|v| v.name.span),
    }
}

/// The block of `file` that contains `offset` (blocks are in source order).
pub(crate) fn block_at(schema: &Schema, file: FileId, offset: u32) -> Option<(BlockId, &Block)> {
    if file.0 as usize >= schema.file_count() {
        return None;
    }
    let blocks = &schema.file_model(file).blocks;
    let index = blocks.partition_point(|b| b.span.end < offset);
    let block = blocks.get(index)?;
    if block.span.start > offset {
        return None;
    }
    let id = BlockId {
        file,
        index: u32::try_from(index).ok()?,
    };
    Some((id, block))
}

/// Every occurrence of the symbol, with whether it is the declaration; in one file or all.
fn occurrences_of(schema: &Schema, symbol: SymbolRef, only: Option<FileId>) -> Vec<(Span, bool)> {
    let name = symbol_name(schema, symbol);
    let mut found = Vec::new();
    if name.is_empty() {
        return found;
    }
    let owner = match symbol {
        SymbolRef::Field { block, .. } | SymbolRef::EnumValue { block, .. } => Some(block),
        SymbolRef::Type(_) | SymbolRef::Datasource(_) => None,
    };
    let owner_name = owner.map(|block| schema.block(block).name.text.as_str());
    let files: Vec<FileId> = match only {
        Some(file) if (file.0 as usize) < schema.file_count() => vec![file],
        Some(_) => Vec::new(),
        None => schema.file_ids().collect(),
    };
    let prefixes_name_it = matches!(symbol, SymbolRef::Datasource(_))
        && datasource_named(schema, name) == Some(symbol);
    for file in files {
        for (index, block) in schema.file_model(file).blocks.iter().enumerate() {
            let id = BlockId {
                file,
                index: u32::try_from(index).unwrap_or(u32::MAX),
            };
            // Most blocks cannot mention the symbol: a text search says so faster than
            // walking their names. A field or enum value is named outside its own block
            // only where its block's name is written too (a relation's type, an enum type).
            let text = schema.text(block.span);
            let owned_elsewhere = owner.is_some_and(|owner| owner != id);
            if !text.contains(name)
                || (owned_elsewhere && !owner_name.is_some_and(|owner| text.contains(owner)))
            {
                continue;
            }
            if let SymbolRef::Datasource(datasource) = symbol {
                if id == datasource {
                    found.push((block.name.span, true));
                } else if prefixes_name_it {
                    native_type_prefixes(block, name, &mut found);
                }
                continue;
            }
            occurrences(schema, id, block, &mut |occurrence| {
                if occurrence.name == name && resolve(schema, &occurrence) == Some(symbol) {
                    found.push((occurrence.span, occurrence.declaration));
                }
            });
        }
    }
    found
}

/// The `@name.` prefixes of native types in `block`. A schema has thousands of them, all
/// naming the same datasource, so this skips the general walk and its resolution per
/// occurrence (which searches the blocks).
fn native_type_prefixes(block: &Block, name: &str, found: &mut Vec<(Span, bool)>) {
    let attributes = block
        .fields
        .iter()
        .flat_map(|field| &field.attributes)
        .chain(block.enum_values.iter().flat_map(|value| &value.attributes));
    for attribute in attributes {
        datasource_prefix(attribute, &mut |occurrence| {
            if occurrence.name == name {
                found.push((occurrence.span, false));
            }
        });
    }
}

/// What an occurrence names, if it names something declared.
pub(crate) fn resolve(schema: &Schema, occurrence: &Occurrence) -> Option<SymbolRef> {
    let owner_id = |owner: Owner| match owner {
        Owner::Id(id) => Some(id),
        Owner::Named(name) => schema.find_type_id(name),
    };
    match occurrence.target {
        Target::Type(owner) => {
            let id = owner_id(owner)?;
            schema
                .block(id)
                .kind
                .is_type()
                .then_some(SymbolRef::Type(id))
        }
        Target::Field(owner) => {
            let block = owner_id(owner)?;
            let fields = &schema.block(block).fields;
            let field = fields.iter().position(|f| f.name.text == occurrence.name)?;
            Some(SymbolRef::Field {
                block,
                field: u32::try_from(field).ok()?,
            })
        }
        Target::EnumValue(owner) => {
            let block = owner_id(owner)?;
            let values = &schema.block(block).enum_values;
            let value = values.iter().position(|v| v.name.text == occurrence.name)?;
            Some(SymbolRef::EnumValue {
                block,
                value: u32::try_from(value).ok()?,
            })
        }
        Target::Datasource => datasource_named(schema, occurrence.name),
    }
}

/// The datasource `@name.` means: the first of that name.
fn datasource_named(schema: &Schema, name: &str) -> Option<SymbolRef> {
    schema.file_ids().find_map(|file| {
        let blocks = &schema.file_model(file).blocks;
        let index = blocks
            .iter()
            .position(|b| b.kind == BlockKind::Datasource && b.name.text == name)?;
        Some(SymbolRef::Datasource(BlockId {
            file,
            index: u32::try_from(index).ok()?,
        }))
    })
}

/// Block attributes whose `fields` argument (or first argument) lists fields of the block.
const FIELD_LIST_ATTRIBUTES: &[&str] = &["id", "unique", "index", "fulltext", "shardKey"];

/// Calls `f` for every name written in the block, in source order.
pub(crate) fn occurrences<'a>(
    schema: &'a Schema,
    id: BlockId,
    block: &'a Block,
    f: &mut dyn FnMut(Occurrence<'a>),
) {
    if block.name.is_missing() {
        return;
    }
    match block.kind {
        BlockKind::Datasource => f(Occurrence {
            span: block.name.span,
            name: &block.name.text,
            target: Target::Datasource,
            declaration: true,
        }),
        BlockKind::Generator => {}
        _ => f(Occurrence {
            span: block.name.span,
            name: &block.name.text,
            target: Target::Type(Owner::Id(id)),
            declaration: true,
        }),
    }
    for value in &block.enum_values {
        if !value.name.is_missing() {
            f(Occurrence {
                span: value.name.span,
                name: &value.name.text,
                target: Target::EnumValue(Owner::Id(id)),
                declaration: true,
            });
        }
        for attribute in &value.attributes {
            datasource_prefix(attribute, f);
        }
    }
    for field in &block.fields {
        if !field.name.is_missing() {
            f(Occurrence {
                span: field.name.span,
                name: &field.name.text,
                target: Target::Field(Owner::Id(id)),
                declaration: true,
            });
        }
        let type_name = field
            .r#type
            .as_ref()
            .map(|t| &t.name)
            .filter(|name| !name.is_missing() && !SCALAR_TYPES.contains(&name.text.as_str()));
        if let Some(type_name) = type_name {
            f(Occurrence {
                span: type_name.span,
                name: &type_name.text,
                target: Target::Type(Owner::Named(&type_name.text)),
                declaration: false,
            });
        }
        for attribute in &field.attributes {
            datasource_prefix(attribute, f);
            match attribute.name.text.as_str() {
                "relation" => {
                    if let Some(value) = argument_value(attribute, "fields", None) {
                        field_list(schema, Owner::Id(id), value, f);
                    }
                    if let (Some(value), Some(other)) =
                        (argument_value(attribute, "references", None), type_name)
                    {
                        field_list(schema, Owner::Named(&other.text), value, f);
                    }
                }
                "default" => {
                    let Some(value) = argument_value(attribute, "value", Some(0)) else {
                        continue;
                    };
                    let Some(enum_name) = type_name.filter(|t| schema.find_enum(&t.text).is_some())
                    else {
                        continue;
                    };
                    for item in value.as_list() {
                        if let Expression::Constant(ident) = item {
                            f(Occurrence {
                                span: ident.span,
                                name: &ident.text,
                                target: Target::EnumValue(Owner::Named(&enum_name.text)),
                                declaration: false,
                            });
                        }
                    }
                }
                _ => {}
            }
        }
    }
    for attribute in &block.attributes {
        if FIELD_LIST_ATTRIBUTES.contains(&attribute.name.text.as_str())
            && let Some(value) = argument_value(attribute, "fields", Some(0))
        {
            field_list(schema, Owner::Id(id), value, f);
        }
    }
}

fn argument_value<'a>(
    attribute: &'a Attribute,
    name: &str,
    position: Option<usize>,
) -> Option<&'a Expression> {
    attribute.argument(name, position)?.value.as_ref()
}

/// `db` in `@db.VarChar(255)`: a reference to the datasource.
fn datasource_prefix<'a>(attribute: &'a Attribute, f: &mut dyn FnMut(Occurrence<'a>)) {
    if let Some((prefix, _)) = attribute.name.text.split_once('.')
        && !prefix.is_empty()
    {
        let span = attribute.name.span;
        f(Occurrence {
            span: Span {
                end: span.start + prefix.len() as u32,
                ..span
            },
            name: prefix,
            target: Target::Datasource,
            declaration: false,
        });
    }
}

/// The field names of `[a, b(sort: Desc), address.street]`, owned by `owner`; each segment
/// of a path belongs to the composite type of the field before it.
fn field_list<'a>(
    schema: &'a Schema,
    owner: Owner<'a>,
    value: &'a Expression,
    f: &mut dyn FnMut(Occurrence<'a>),
) {
    for item in value.as_list() {
        let ident: &Ident = match item {
            Expression::Constant(ident) => ident,
            Expression::Function { name, .. } => name,
            _ => continue,
        };
        let mut owner = Some(owner);
        let mut start = 0usize;
        for segment in ident.text.split('.') {
            let Some(current) = owner else {
                break;
            };
            if !segment.is_empty() {
                let span = Span {
                    file: ident.span.file,
                    start: ident.span.start + start as u32,
                    end: ident.span.start + (start + segment.len()) as u32,
                };
                f(Occurrence {
                    span,
                    name: segment,
                    target: Target::Field(current),
                    declaration: false,
                });
            }
            start += segment.len() + 1;
            // The next segment is a field of this field's type.
            owner = owner_block(schema, current)
                .and_then(|block| block.field(segment))
                .and_then(|field| field.r#type.as_ref())
                .map(|t| Owner::Named(t.name.text.as_str()));
        }
    }
}

fn owner_block<'a>(schema: &'a Schema, owner: Owner<'a>) -> Option<&'a Block> {
    match owner {
        Owner::Id(id) => Some(schema.block(id)),
        Owner::Named(name) => schema.find_type(name),
    }
}

/// Refuses names Prisma would reject, or that another declaration already has.
fn check_new_name(schema: &Schema, symbol: SymbolRef, new_name: &str) -> Result<(), String> {
    let mut chars = new_name.chars();
    let Some(first) = chars.next() else {
        return Err("the new name is empty".to_string());
    };
    if !first.is_ascii_alphabetic() {
        return Err(format!(
            "`{new_name}` is not a valid name: it must start with a letter (A-Z, a-z)"
        ));
    }
    if let Some(bad) = chars.find(|c| !(c.is_ascii_alphanumeric() || *c == '_')) {
        return Err(format!(
            "`{new_name}` is not a valid name: `{bad}` is not allowed (only letters, digits and `_`)"
        ));
    }
    match symbol {
        SymbolRef::Type(id) => {
            let block = schema.block(id);
            if SCALAR_TYPES.contains(&new_name) || new_name == "Unsupported" {
                return Err(format!(
                    "`{new_name}` is a built-in type: a {} cannot take its name",
                    block.kind.describe()
                ));
            }
            if matches!(
                block.kind,
                BlockKind::Model | BlockKind::View | BlockKind::Enum
            ) && RESERVED_CLIENT_NAMES.contains(&new_name)
            {
                return Err(format!(
                    "`{new_name}` is reserved by Prisma Client and cannot name a {}",
                    block.kind.describe()
                ));
            }
            if let Some(other) = schema.find_type(new_name) {
                return Err(format!(
                    "a {} named `{new_name}` already exists",
                    other.kind.describe()
                ));
            }
        }
        SymbolRef::Field { block, .. } => {
            let block = schema.block(block);
            if block.field(new_name).is_some() {
                return Err(format!(
                    "{} `{}` already has a field named `{new_name}`",
                    block.kind.describe(),
                    block.name.text
                ));
            }
        }
        SymbolRef::EnumValue { block, .. } => {
            let block = schema.block(block);
            if block.enum_values.iter().any(|v| v.name.text == new_name) {
                return Err(format!(
                    "enum `{}` already has a value named `{new_name}`",
                    block.name.text
                ));
            }
        }
        SymbolRef::Datasource(_) => {}
    }
    Ok(())
}

/// `@map("old")` / `@@map("old")` when the old name was the database name.
fn keep_database_name(schema: &Schema, symbol: SymbolRef, old_name: &str) -> Option<TextEdit> {
    match symbol {
        SymbolRef::Type(id) => {
            let block = schema.block(id);
            let has_table = matches!(
                block.kind,
                BlockKind::Model | BlockKind::View | BlockKind::Enum
            );
            if !has_table || block.attributes_named("map").next().is_some() {
                return None;
            }
            Some(block_map_edit(schema, block, old_name))
        }
        SymbolRef::Field { block, field } => {
            let field = schema.block(block).fields.get(field as usize)?;
            // A relation field is not a column.
            let is_relation = field.r#type.as_ref().is_some_and(|t| {
                schema
                    .find_type(&t.name.text)
                    .is_some_and(|b| matches!(b.kind, BlockKind::Model | BlockKind::View))
            });
            if is_relation || field.attribute("map").is_some() {
                return None;
            }
            let at = field.declaration_end();
            Some(insert(
                field.span.file,
                at,
                format!(" @map(\"{old_name}\")"),
            ))
        }
        SymbolRef::EnumValue { block, value } => {
            let value = schema.block(block).enum_values.get(value as usize)?;
            if value.attributes.iter().any(|a| a.name.text == "map") {
                return None;
            }
            let at = value
                .attributes
                .iter()
                .map(|a| a.span.end)
                .max()
                .unwrap_or(value.name.span.end);
            Some(insert(
                value.span.file,
                at,
                format!(" @map(\"{old_name}\")"),
            ))
        }
        SymbolRef::Datasource(_) => None,
    }
}

/// Refuses a rename that swaps the columns `A` and `B` of the join table of an implicit
/// many-to-many relation, whatever the relation's name: which side is `A` follows the order
/// of the names (`semantics::is_side_a`), no attribute can set it, and the rows already in the
/// table would be read the other way round.
fn keep_join_table_columns(
    schema: &Schema,
    symbol: SymbolRef,
    new_name: &str,
) -> Result<(), String> {
    let (renamed_model, renamed_field) = match symbol {
        SymbolRef::Type(id) => (Some(schema.block(id)), None),
        SymbolRef::Field { block, field } => (None, schema.block(block).fields.get(field as usize)),
        SymbolRef::EnumValue { .. } | SymbolRef::Datasource(_) => return Ok(()),
    };
    let model_name = |model: &Block| {
        if renamed_model.is_some_and(|renamed| std::ptr::eq(renamed, model)) {
            new_name.to_string()
        } else {
            model.name.text.clone()
        }
    };
    let field_name = |field: &Field| {
        if renamed_field.is_some_and(|renamed| std::ptr::eq(renamed, field)) {
            new_name.to_string()
        } else {
            field.name.text.clone()
        }
    };
    for relation in implicit_many_to_many(schema) {
        let (model_a, field_a) = (model_name(relation.model_a), field_name(relation.field_a));
        let (model_b, field_b) = (model_name(relation.model_b), field_name(relation.field_b));
        if is_side_a(&model_a, &field_a, &model_b, &field_b) {
            continue;
        }
        let old_name = symbol_name(schema, symbol);
        // The name the new one must stay on the same side of.
        let (order, other) = if std::ptr::eq(relation.model_a, relation.model_b) {
            let other = if renamed_field.is_some_and(|f| std::ptr::eq(f, relation.field_a)) {
                &relation.field_b.name.text
            } else {
                &relation.field_a.name.text
            };
            (
                "in a relation of a model with itself they follow the alphabetical order of the field names",
                other,
            )
        } else {
            let other = if renamed_model.is_some_and(|m| std::ptr::eq(m, relation.model_a)) {
                &relation.model_b.name.text
            } else {
                &relation.model_a.name.text
            };
            (
                "they follow the alphabetical order of the model names",
                other,
            )
        };
        return Err(format!(
            "renaming `{old_name}` to `{new_name}` would swap the columns `A` and `B` of `{}`, the join table of the many-to-many relation between `{}.{}` and `{}.{}`: {order}, so the rows already there would be read the other way round. Choose a name that sorts on the same side of `{other}`",
            relation.table(),
            relation.model_a.name.text,
            relation.field_a.name.text,
            relation.model_b.name.text,
            relation.field_b.name.text,
        ));
    }
    Ok(())
}

/// An implicit many-to-many relation without a name is named after its two models
/// (`PostToTag`), and so is its join table (`_PostToTag`): renaming one of the models would
/// rename the table. Naming the relation after the old names keeps it.
fn keep_join_tables(schema: &Schema, id: BlockId) -> Vec<TextEdit> {
    let model = schema.block(id);
    let mut edits = Vec::new();
    for relation in implicit_many_to_many(schema) {
        let involved =
            std::ptr::eq(relation.model_a, model) || std::ptr::eq(relation.model_b, model);
        if !involved || relation.field_a.relation_name().is_some() {
            continue;
        }
        edits.extend(name_relation(relation.field_a, &relation.name));
        edits.extend(name_relation(relation.field_b, &relation.name));
    }
    edits
}

/// Gives the field's relation the name `relation`.
fn name_relation(field: &Field, relation: &str) -> Option<TextEdit> {
    let file = field.span.file;
    match field.attribute("relation") {
        Some(attribute) => match &attribute.arguments {
            Some(list) if list.items.is_empty() => Some(TextEdit {
                span: list.span,
                new_text: format!("(\"{relation}\")"),
            }),
            Some(list) => Some(insert(
                file,
                list.span.start + 1,
                format!("\"{relation}\", "),
            )),
            None => Some(insert(
                file,
                attribute.span.end,
                format!("(\"{relation}\")"),
            )),
        },
        None => {
            let end = field.r#type.as_ref()?.span.end;
            Some(insert(file, end, format!(" @relation(\"{relation}\")")))
        }
    }
}

fn insert(file: FileId, at: u32, new_text: String) -> TextEdit {
    TextEdit {
        span: Span {
            file,
            start: at,
            end: at,
        },
        new_text,
    }
}

/// Adds `@@map("old")` as the block's last line: after a blank line when the block has no
/// block attributes yet, as Prisma's formatter lays them out.
fn block_map_edit(schema: &Schema, block: &Block, old_name: &str) -> TextEdit {
    let text = &schema.file(block.file()).text;
    let body = block.body.range();
    let closing = text
        .get(body.clone())
        .filter(|body| block.closed && body.ends_with('}'))
        .map_or(block.body.end as usize, |_| body.end - 1);
    let line_start = syntax::line_start(text, closing);
    let indent = member_indent(text, block).unwrap_or("  ");
    let map = format!("{indent}@@map(\"{old_name}\")");
    let has_members = !block.fields.is_empty() || !block.enum_values.is_empty();
    let blank = if block.attributes.is_empty() && has_members {
        "\n"
    } else {
        ""
    };
    let closing_alone = line_start >= body.start
        && text
            .get(line_start..closing)
            .is_some_and(|before| before.trim().is_empty());
    if closing_alone {
        insert(block.file(), line_start as u32, format!("{blank}{map}\n"))
    } else {
        insert(block.file(), closing as u32, format!("\n{blank}{map}\n"))
    }
}

/// The indentation of the block's first member.
fn member_indent<'a>(text: &'a str, block: &Block) -> Option<&'a str> {
    let start = block
        .fields
        .first()
        .map(|f| f.span.start)
        .or_else(|| block.enum_values.first().map(|v| v.span.start))? as usize;
    let line_start = syntax::line_start(text, start);
    let indent = text.get(line_start..start)?;
    indent
        .chars()
        .all(|c| c == ' ' || c == '\t')
        .then_some(indent)
}
