//! The first pass: reading the key attributes of a model or view (`@id`, `@@id`, `@unique`,
//! `@@unique`, `@@index`, `@@fulltext`, `@shardKey`, `@@shardKey`) into `Key`s, reporting
//! malformed arguments and field lists on the way.

use super::{container, narrow, written};
use crate::analysis::{Applicability, Diagnostic, Fix, TextEdit, codes};
use crate::catalog::{self, OperatorClassInfo};
use crate::model::{Arity, Attribute, Block, BlockKind, Expression, Field, Schema, Span};

use crate::semantics::Config;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum KeyKind {
    Id,
    Unique,
    Index,
    Fulltext,
    ShardKey,
}

/// What a field's type is.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FieldKind<'a> {
    Scalar(&'a str),
    Enum,
    Composite(&'a Block),
    Relation,
    Unsupported,
    /// An unknown type (reported elsewhere).
    Unknown,
}

pub(crate) fn field_kind<'a>(schema: &'a Schema, field: &'a Field) -> FieldKind<'a> {
    let Some(ty) = &field.r#type else {
        return FieldKind::Unknown;
    };
    let name = ty.name.text.as_str();
    if catalog::is_scalar_type(name) {
        return FieldKind::Scalar(name);
    }
    if name == "Unsupported" {
        return FieldKind::Unsupported;
    }
    match schema.find_type(name) {
        Some(b) if matches!(b.kind, BlockKind::Model | BlockKind::View) => FieldKind::Relation,
        Some(b) if b.kind == BlockKind::Enum => FieldKind::Enum,
        Some(b) if b.kind == BlockKind::CompositeType => FieldKind::Composite(b),
        _ => FieldKind::Unknown,
    }
}

/// An operator class given with `ops:`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ops {
    Known(&'static OperatorClassInfo),
    /// `raw("...")`: passed through unchecked.
    Raw,
}

/// One entry of a key's field list.
#[derive(Clone, Debug)]
pub(crate) struct KeyField<'a> {
    /// The path as written: `a`, or `a.b` into a composite type.
    pub path: &'a str,
    pub span: Span,
    /// The model field the path starts at.
    pub field: &'a Field,
    /// The field the path ends at (the model field itself, or a composite type's field).
    pub leaf: &'a Field,
    pub leaf_kind: FieldKind<'a>,
    pub sort: Option<(&'a str, Span)>,
    pub length: Option<Span>,
    pub ops: Option<Ops>,
}

impl KeyField<'_> {
    pub fn scalar_type(&self) -> Option<&str> {
        match self.leaf_kind {
            FieldKind::Scalar(name) => Some(name),
            _ => None,
        }
    }

    pub fn is_unsupported(&self) -> bool {
        matches!(self.leaf_kind, FieldKind::Unsupported)
    }

    pub fn composite_leaf(&self) -> bool {
        matches!(self.leaf_kind, FieldKind::Composite(_))
    }

    pub fn is_list(&self) -> bool {
        self.arity() == Arity::List
    }

    pub fn arity(&self) -> Arity {
        self.leaf
            .r#type
            .as_ref()
            .map_or(Arity::Required, |t| t.arity())
    }

    /// `Desc` or `Asc` (the default).
    pub fn sort_order(&self) -> &str {
        self.sort.map_or("Asc", |(s, _)| s)
    }

    /// The `@db.X` native type of the leaf field, without arguments.
    pub fn native_type(&self) -> Option<&str> {
        native_type(self.leaf)
    }
}

/// The native type name of a field (`VarChar` for `@db.VarChar(20)`).
pub(crate) fn native_type(field: &Field) -> Option<&str> {
    field
        .attributes
        .iter()
        .find_map(|a| a.name.text.split_once('.').map(|(_, name)| name))
        .filter(|name| !name.is_empty())
}

pub(crate) use crate::semantics::database_names::field_map as mapped_name;

/// A primary key, unique constraint, index or shard key.
#[derive(Debug)]
pub(crate) struct Key<'a> {
    pub kind: KeyKind,
    pub attribute: &'a Attribute,
    /// The field it is written on (`@id`, `@unique`), if any.
    pub on_field: Option<&'a Field>,
    pub fields: Vec<KeyField<'a>>,
    /// The client name (`name:` of `@@id`/`@@unique`).
    pub name: Option<(&'a str, Span)>,
    /// The database name (`map:`, or the legacy `name:` of `@@index`).
    pub map: Option<(&'a str, Span)>,
    pub clustered: Option<bool>,
    /// `type:` of `@@index`.
    pub algorithm: Option<(&'a str, Span)>,
    /// `where:` of a partial index or unique constraint (`partialIndexes` preview), as
    /// written; read, not checked.
    pub predicate: Option<&'a Expression>,
}

/// The keys of one model or view.
pub(crate) struct ModelKeys<'a> {
    pub block: &'a Block,
    pub ignored: bool,
    pub primary_key: Option<Key<'a>>,
    /// Field `@unique`s in field order, then `@@index`, `@@unique` and `@@fulltext`.
    pub indexes: Vec<Key<'a>>,
    pub shard_key: Option<Key<'a>>,
    schema: &'a Schema,
    /// The table name: `@@map`, or the model's name.
    pub table: &'a str,
    /// `@@schema`.
    pub schema_name: Option<&'a str>,
    /// Fields with `@relation`.
    pub relations: Vec<(&'a Field, &'a Attribute)>,
    /// Fields with `@default` (collected on SQL Server only, where defaults are named
    /// constraints).
    pub defaults: Vec<(&'a Field, &'a Attribute)>,
}

impl ModelKeys<'_> {
    pub fn is_relation(&self, field: &Field) -> bool {
        matches!(field_kind(self.schema, field), FieldKind::Relation)
    }

    /// The scalar field named like the client name Prisma generates for a compound key
    /// (its field names joined by `_`, paths into composite types included), if any.
    pub fn field_named_like(&self, key: &Key<'_>) -> Option<&Field> {
        let length = key.fields.iter().map(|f| f.path.len() + 1).sum::<usize>() - 1;
        self.block.fields.iter().find(|f| {
            let name = f.name.text.as_str();
            name.len() == length
                && name
                    .split('_')
                    .eq(key.fields.iter().flat_map(|k| k.path.split(['_', '.'])))
                && !self.is_relation(f)
        })
    }
}

pub(crate) fn model_keys<'a>(
    schema: &'a Schema,
    config: &Config,
    block: &'a Block,
    out: &mut Vec<Diagnostic>,
) -> ModelKeys<'a> {
    let collect_defaults = config.is(crate::catalog::Provider::SqlServer);
    let ignored = block.attributes_named("ignore").next().is_some();
    let mut keys = ModelKeys {
        block,
        ignored,
        table: crate::semantics::database_names::table_name(block),
        schema_name: crate::semantics::database_names::schema_name(block),
        relations: Vec::new(),
        defaults: Vec::new(),
        primary_key: None,
        indexes: Vec::new(),
        shard_key: None,
        schema,
    };
    let reader = Reader { schema, block };
    let mut field_id_seen = false;
    let mut field_shard_seen = false;
    for field in &block.fields {
        // One pass over the field's attributes: most fields have none of these.
        let (mut id, mut unique, mut shard) = (None, None, None);
        for attribute in &field.attributes {
            match attribute.name.text.as_str() {
                "id" => id = id.or(Some(attribute)),
                "unique" => unique = unique.or(Some(attribute)),
                "shardKey" => shard = shard.or(Some(attribute)),
                "relation" => keys.relations.push((field, attribute)),
                "default" if collect_defaults => keys.defaults.push((field, attribute)),
                _ => {}
            }
        }
        if id.is_none() && unique.is_none() && shard.is_none() {
            continue;
        }
        let kind = field_kind(schema, field);
        let is_relation = matches!(kind, FieldKind::Relation);
        if let Some(attribute) = id {
            if is_relation {
                out.push(Diagnostic::error(
                    codes::ID_RELATION_FIELD,
                    attribute.span,
                    format!(
                        "`{}` is a relation field and cannot be the id; mark a scalar field with `@id` instead.",
                        field.name.text
                    ),
                ));
            } else if field_id_seen {
                out.push(Diagnostic::error(
                    codes::ID_MULTIPLE,
                    block.name.span,
                    format!(
                        "{} `{}` marks more than one field with `@id`; use `@@id([...])` for a compound id.",
                        capitalized(container(block)),
                        block.name.text
                    ),
                ));
            } else {
                field_id_seen = true;
                if let Some(key) = reader.field_key(KeyKind::Id, field, kind, attribute, out) {
                    keys.primary_key = Some(key);
                }
            }
        }
        if let Some(attribute) = unique {
            if is_relation {
                let suggestion = relation_scalar_fields(field);
                let hint = match suggestion.len() {
                    0 => String::new(),
                    1 => format!(" Did you mean to put it on `{}`?", suggestion[0]),
                    _ => format!(" Did you mean `@@unique([{}])`?", suggestion.join(", ")),
                };
                out.push(Diagnostic::error(
                    codes::INDEX_RELATION_FIELD,
                    attribute.span,
                    format!(
                        "`{}` is a relation field and cannot be `@unique`: only scalar fields can.{hint}",
                        field.name.text
                    ),
                ));
            } else if let Some(key) = reader.field_key(KeyKind::Unique, field, kind, attribute, out)
            {
                keys.indexes.push(key);
            }
        }
        if let Some(attribute) = shard {
            if field_shard_seen {
                out.push(Diagnostic::error(
                    codes::SHARD_KEY,
                    block.name.span,
                    format!(
                        "{} `{}` marks more than one field with `@shardKey`; use `@@shardKey([...])` for a shard key over several fields.",
                        capitalized(container(block)),
                        block.name.text
                    ),
                ));
            } else if !is_relation {
                field_shard_seen = true;
                if !ignored
                    && field
                        .r#type
                        .as_ref()
                        .is_some_and(|t| t.arity() != Arity::Required)
                {
                    out.push(Diagnostic::error(
                        codes::SHARD_KEY,
                        attribute.span,
                        format!(
                            "The shard key field `{}` must be required.",
                            field.name.text
                        ),
                    ));
                }
                keys.shard_key = Some(Key {
                    kind: KeyKind::ShardKey,
                    attribute,
                    on_field: Some(field),
                    fields: vec![KeyField {
                        path: &field.name.text,
                        span: field.name.span,
                        field,
                        leaf: field,
                        leaf_kind: kind,
                        sort: None,
                        length: None,
                        ops: None,
                    }],
                    name: None,
                    map: None,
                    clustered: None,
                    algorithm: None,
                    predicate: None,
                });
            }
        }
    }
    // The arity of a field-level id (not when the model is ignored).
    if !ignored
        && let Some(pk) = &keys.primary_key
        && let Some(field) = pk.on_field
        && field
            .r#type
            .as_ref()
            .is_some_and(|t| t.arity() != Arity::Required)
    {
        out.push(Diagnostic::error(
            codes::ID_OPTIONAL,
            pk.attribute.span,
            format!(
                "The id field `{}` must be required (not optional or a list).",
                field.name.text
            ),
        ));
    }
    for attribute in &block.attributes {
        let kind = match attribute.name.text.as_str() {
            "id" => KeyKind::Id,
            "unique" => KeyKind::Unique,
            "index" => KeyKind::Index,
            "fulltext" => KeyKind::Fulltext,
            "shardKey" => KeyKind::ShardKey,
            _ => continue,
        };
        let Some(key) = reader.block_key(kind, attribute, ignored, out) else {
            continue;
        };
        // A field attribute and its block form together (`@id` and `@@id`): one too many.
        let both = |attribute: &str, code| {
            Diagnostic::error(
                code,
                block.name.span,
                format!(
                    "{} `{}` has both a field marked `@{attribute}` and `@@{attribute}`; keep only one of them.",
                    capitalized(container(block)),
                    block.name.text
                ),
            )
        };
        match kind {
            KeyKind::Id => {
                if keys.primary_key.is_some() {
                    out.push(both("id", codes::ID_MULTIPLE));
                }
                keys.primary_key = Some(key);
            }
            KeyKind::ShardKey => {
                if keys.shard_key.is_some() {
                    out.push(both("shardKey", codes::SHARD_KEY));
                }
                keys.shard_key = Some(key);
            }
            _ => keys.indexes.push(key),
        }
    }
    // Prisma orders block-level indexes as `@@index`, `@@unique`, `@@fulltext`; order only
    // matters for which of two clashing names is reported first, so keep source order.
    keys
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The scalar fields a relation field's `@relation(fields: [...])` lists.
fn relation_scalar_fields(field: &Field) -> Vec<&str> {
    field
        .attribute("relation")
        .and_then(|a| a.argument("fields", None))
        .and_then(|a| a.value.as_ref())
        .map(|v| {
            v.as_list()
                .iter()
                .filter_map(|e| match e {
                    Expression::Constant(ident) => Some(ident.text.as_str()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The `where:` argument of a key attribute, if any.
fn predicate(attribute: &Attribute) -> Option<&Expression> {
    attribute
        .argument("where", None)
        .and_then(|a| a.value.as_ref())
}

/// Why a listed name does not resolve to a scalar field.
enum Resolution<'a> {
    /// Names what does not exist.
    Unknown(String),
    Relation(&'a Field),
}

struct Reader<'a> {
    schema: &'a Schema,
    block: &'a Block,
}

/// Describes a value for "expected X, found Y" messages.
fn describe(value: &Expression) -> &'static str {
    match value {
        Expression::String(_) => "a string",
        Expression::Number { .. } => "a number",
        Expression::Boolean { .. } => "a boolean",
        Expression::Constant(_) => "a name",
        Expression::Function { .. } => "a function call",
        Expression::Array { .. } => "a list",
        Expression::Object { .. } => "an object",
    }
}

impl<'a> Reader<'a> {
    /// `@id` or `@unique` on a scalar field.
    fn field_key(
        &self,
        kind: KeyKind,
        field: &'a Field,
        field_kind: FieldKind<'a>,
        attribute: &'a Attribute,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Key<'a>> {
        // Malformed arguments are reported, and the key is still recorded (as Prisma does), so
        // that later checks know the model has it.
        let map = self.string_argument(attribute, "map", out);
        let length = self.length_argument(attribute, out);
        let sort = self.sort_argument(attribute, out);
        let clustered = self.bool_argument(attribute, "clustered", out);
        Some(Key {
            kind,
            attribute,
            on_field: Some(field),
            fields: vec![KeyField {
                path: &field.name.text,
                span: field.name.span,
                field,
                leaf: field,
                leaf_kind: field_kind,
                sort,
                length,
                ops: None,
            }],
            name: None,
            map,
            clustered,
            algorithm: None,
            predicate: predicate(attribute),
        })
    }

    /// `@@id`, `@@unique`, `@@index`, `@@fulltext` or `@@shardKey`.
    fn block_key(
        &self,
        kind: KeyKind,
        attribute: &'a Attribute,
        ignored: bool,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Key<'a>> {
        let label = written(attribute);
        let Some(fields_value) = attribute
            .argument("fields", Some(0))
            .and_then(|a| a.value.as_ref())
        else {
            out.push(Diagnostic::error(
                codes::INDEX_ARGUMENT,
                attribute.span,
                format!("`{label}` needs a list of fields, e.g. `{label}([a, b])`."),
            ));
            return None;
        };
        let fields = self.field_list(kind, attribute, fields_value, out);
        // The other arguments are read (and their errors reported) even when the list failed.
        let mut name = None;
        let mut map = None;
        let mut clustered = None;
        let mut algorithm = None;
        match kind {
            KeyKind::Id | KeyKind::Unique => {
                map = self.string_argument(attribute, "map", out);
                name = self.string_argument(attribute, "name", out);
                if let Some((value, _)) = name
                    && !value.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
                {
                    out.push(Diagnostic::error(
                        codes::INDEX_ARGUMENT,
                        attribute.span,
                        format!(
                            "The `name` of `{label}` becomes part of Prisma Client's API and may only contain letters, digits and `_`; `{value}` does not qualify."
                        ),
                    ));
                }
                clustered = self.bool_argument(attribute, "clustered", out);
            }
            KeyKind::Index => {
                let legacy = self.string_argument(attribute, "name", out);
                map = self.string_argument(attribute, "map", out);
                if legacy.is_some() && map.is_some() {
                    out.push(Diagnostic::error(
                        codes::INDEX_ARGUMENT,
                        attribute.span,
                        "`@@index` takes `name:` only as an old spelling of `map:`; give only `map:`.",
                    ));
                    map = None;
                } else if map.is_none() {
                    map = legacy;
                }
                algorithm = self.index_type(attribute, out);
                clustered = self.bool_argument(attribute, "clustered", out);
            }
            KeyKind::Fulltext => {
                map = self.string_argument(attribute, "map", out);
            }
            KeyKind::ShardKey => {}
        }
        let fields = fields?;
        if kind == KeyKind::Id && !ignored {
            let optional: Vec<&str> = fields
                .iter()
                .filter(|f| f.arity() != Arity::Required)
                .map(|f| f.path)
                .collect();
            if !optional.is_empty() {
                out.push(Diagnostic::error(
                    codes::ID_OPTIONAL,
                    attribute.span,
                    format!(
                        "The fields of an id must be required; {} not.",
                        quoted_list(&optional, "is", "are")
                    ),
                ));
            }
        }
        if kind == KeyKind::ShardKey
            && !ignored
            && let Some(optional) = fields.iter().find(|f| f.arity() != Arity::Required)
        {
            out.push(Diagnostic::error(
                codes::SHARD_KEY,
                attribute.span,
                format!("The shard key field `{}` must be required.", optional.path),
            ));
        }
        Some(Key {
            kind,
            attribute,
            on_field: None,
            fields,
            name,
            map,
            clustered,
            algorithm,
            predicate: predicate(attribute),
        })
    }

    /// Reads and resolves a field list; `None` when it is malformed (errors reported).
    fn field_list(
        &self,
        kind: KeyKind,
        attribute: &'a Attribute,
        value: &'a Expression,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Vec<KeyField<'a>>> {
        let label = written(attribute);
        // 1. Every item must be a field name, optionally with arguments.
        struct Item<'a> {
            name: &'a str,
            span: Span,
            sort: Option<(&'a str, Span)>,
            length: Option<Span>,
            ops: Option<Ops>,
        }
        let mut items = Vec::new();
        let mut malformed = false;
        for item in value.as_list() {
            match item {
                Expression::Constant(ident) => items.push(Item {
                    name: &ident.text,
                    span: ident.span,
                    sort: None,
                    length: None,
                    ops: None,
                }),
                Expression::Function {
                    name, arguments, ..
                } if kind != KeyKind::ShardKey => {
                    let mut entry = Item {
                        name: &name.text,
                        span: name.span,
                        sort: None,
                        length: None,
                        ops: None,
                    };
                    for argument in &arguments.items {
                        let (Some(key), Some(value)) = (&argument.name, &argument.value) else {
                            continue;
                        };
                        match key.text.as_str() {
                            "sort" => match self.sort_value(value, out) {
                                Ok(sort) => entry.sort = sort,
                                Err(()) => malformed = true,
                            },
                            "length" => match value {
                                Expression::Number { text, span }
                                    if text.parse::<u32>().is_ok() =>
                                {
                                    entry.length = Some(*span);
                                }
                                other => {
                                    out.push(Diagnostic::error(
                                        codes::INDEX_ARGUMENT,
                                        other.span(),
                                        format!(
                                            "`length:` takes a whole number, not {}.",
                                            describe(other)
                                        ),
                                    ));
                                    malformed = true;
                                }
                            },
                            "ops" => match self.ops_value(value, out) {
                                Some(ops) => entry.ops = Some(ops),
                                None => malformed = true,
                            },
                            _ => {}
                        }
                    }
                    items.push(entry);
                }
                Expression::String(literal) => {
                    let mut diagnostic = Diagnostic::error(
                        codes::INDEX_STRING_FIELD,
                        literal.span,
                        format!(
                            "Fields in `{label}` are written as names, not strings: write `{}` instead of `\"{}\"`.",
                            literal.value, literal.value
                        ),
                    );
                    if is_identifier_path(&literal.value) {
                        diagnostic = diagnostic.with_fix(unquote(literal));
                    }
                    out.push(diagnostic);
                    malformed = true;
                }
                other => {
                    out.push(Diagnostic::error(
                        codes::INDEX_ARGUMENT,
                        other.span(),
                        if kind == KeyKind::ShardKey {
                            format!(
                                "`{label}` takes plain field names, without arguments; found {}.",
                                describe(other)
                            )
                        } else {
                            format!(
                                "Expected a field name in `{label}`, found {}.",
                                describe(other)
                            )
                        },
                    ));
                    malformed = true;
                }
            }
        }
        if malformed {
            return None;
        }
        // 2. Resolve the names.
        let follow_composites =
            matches!(kind, KeyKind::Unique | KeyKind::Index | KeyKind::Fulltext);
        let mut resolved: Vec<KeyField<'a>> = Vec::with_capacity(items.len());
        let mut unknown: Vec<(String, Span)> = Vec::new();
        let mut relations: Vec<&'a Field> = Vec::new();
        for item in items {
            let found = if item.name.contains('.') {
                if follow_composites {
                    self.resolve_path(item.name)
                } else {
                    Err(Resolution::Unknown(item.name.to_string()))
                }
            } else {
                match self.block.field(item.name) {
                    None => Err(Resolution::Unknown(item.name.to_string())),
                    Some(field) => match field_kind(self.schema, field) {
                        FieldKind::Relation => Err(Resolution::Relation(field)),
                        kind => Ok((field, field, kind)),
                    },
                }
            };
            match found {
                Ok((field, leaf, leaf_kind)) => {
                    if resolved.iter().any(|f| f.path == item.name) {
                        out.push(Diagnostic::error(
                            codes::INDEX_DUPLICATE_FIELD,
                            narrow(self.schema, attribute.span, item.span),
                            format!("`{label}` lists the field `{}` twice.", item.name),
                        ));
                        return None;
                    }
                    resolved.push(KeyField {
                        path: item.name,
                        span: item.span,
                        field,
                        leaf,
                        leaf_kind,
                        sort: item.sort,
                        length: item.length,
                        ops: item.ops,
                    });
                }
                Err(Resolution::Unknown(name)) => unknown.push((name, item.span)),
                Err(Resolution::Relation(field)) => relations.push(field),
            }
        }
        if !unknown.is_empty() {
            let names: Vec<&str> = unknown.iter().map(|(n, _)| n.as_str()).collect();
            let reference = match kind {
                KeyKind::Id | KeyKind::ShardKey => value.span(),
                _ => attribute.span,
            };
            out.push(Diagnostic::error(
                codes::INDEX_UNKNOWN_FIELD,
                narrow(self.schema, reference, unknown[0].1),
                format!(
                    "`{label}` of {} `{}` lists {}.",
                    container(self.block),
                    self.block.name.text,
                    unknown_list(&names)
                ),
            ));
        }
        if !relations.is_empty() {
            let names: Vec<&str> = relations.iter().map(|f| f.name.text.as_str()).collect();
            let suggested: Vec<&str> = relations
                .iter()
                .flat_map(|f| relation_scalar_fields(f))
                .collect();
            let hint = if suggested.is_empty() || !matches!(kind, KeyKind::Unique | KeyKind::Index)
            {
                String::new()
            } else {
                format!(" Did you mean `{label}([{}])`?", suggested.join(", "))
            };
            out.push(Diagnostic::error(
                codes::INDEX_RELATION_FIELD,
                attribute.span,
                format!(
                    "`{label}` can only list scalar fields, and {} a relation field.{hint}",
                    quoted_list(&names, "is", "are")
                ),
            ));
        }
        if !unknown.is_empty() || !relations.is_empty() {
            return None;
        }
        Some(resolved)
    }

    /// Resolves `a.b.c` through composite types: the model field, the leaf field and its
    /// kind.
    #[allow(clippy::type_complexity)]
    fn resolve_path(
        &self,
        path: &'a str,
    ) -> Result<(&'a Field, &'a Field, FieldKind<'a>), Resolution<'a>> {
        let mut segments = path.split('.');
        let first = segments.next().unwrap_or_default();
        let Some(field) = self.block.field(first) else {
            return Err(Resolution::Unknown(first.to_string()));
        };
        let mut kind = field_kind(self.schema, field);
        let mut composite = match kind {
            FieldKind::Composite(block) => block,
            FieldKind::Relation => return Err(Resolution::Relation(field)),
            _ => return Err(Resolution::Unknown(path.to_string())),
        };
        let mut leaf = field;
        let mut rest = segments.peekable();
        while let Some(segment) = rest.next() {
            let Some(next) = composite.field(segment) else {
                return Err(Resolution::Unknown(format!(
                    "{segment} (in composite type `{}`)",
                    composite.name.text
                )));
            };
            leaf = next;
            kind = field_kind(self.schema, next);
            match kind {
                FieldKind::Composite(block) => composite = block,
                _ if rest.peek().is_some() => return Err(Resolution::Unknown(path.to_string())),
                _ => {}
            }
        }
        Ok((field, leaf, kind))
    }

    fn string_argument(
        &self,
        attribute: &'a Attribute,
        name: &str,
        out: &mut Vec<Diagnostic>,
    ) -> Option<(&'a str, Span)> {
        let argument = attribute.argument(name, None)?;
        let value = argument.value.as_ref()?;
        match value {
            Expression::String(literal) if literal.value.is_empty() => {
                out.push(Diagnostic::error(
                    codes::INDEX_ARGUMENT,
                    argument.span,
                    format!("`{name}:` of `{}` cannot be empty.", written(attribute)),
                ));
                None
            }
            Expression::String(literal) => Some((&literal.value, argument.span)),
            other => {
                out.push(Diagnostic::error(
                    codes::INDEX_ARGUMENT,
                    other.span(),
                    format!("`{name}:` takes a string, not {}.", describe(other)),
                ));
                None
            }
        }
    }

    fn bool_argument(
        &self,
        attribute: &Attribute,
        name: &str,
        out: &mut Vec<Diagnostic>,
    ) -> Option<bool> {
        let value = attribute.argument(name, None)?.value.as_ref()?;
        match value {
            Expression::Boolean { value, .. } => Some(*value),
            other => {
                out.push(Diagnostic::error(
                    codes::INDEX_ARGUMENT,
                    other.span(),
                    format!(
                        "`{name}:` takes `true` or `false`, not {}.",
                        describe(other)
                    ),
                ));
                None
            }
        }
    }

    fn length_argument(&self, attribute: &Attribute, out: &mut Vec<Diagnostic>) -> Option<Span> {
        let value = attribute.argument("length", None)?.value.as_ref()?;
        match value {
            Expression::Number { text, span } if text.parse::<u32>().is_ok() => Some(*span),
            other => {
                out.push(Diagnostic::error(
                    codes::INDEX_ARGUMENT,
                    other.span(),
                    format!("`length:` takes a whole number, not {}.", describe(other)),
                ));
                None
            }
        }
    }

    fn sort_argument(
        &self,
        attribute: &'a Attribute,
        out: &mut Vec<Diagnostic>,
    ) -> Option<(&'a str, Span)> {
        let value = attribute.argument("sort", None)?.value.as_ref()?;
        self.sort_value(value, out).ok().flatten()
    }

    #[allow(clippy::result_unit_err)]
    fn sort_value(
        &self,
        value: &'a Expression,
        out: &mut Vec<Diagnostic>,
    ) -> Result<Option<(&'a str, Span)>, ()> {
        match value {
            Expression::Constant(ident) if matches!(ident.text.as_str(), "Asc" | "Desc") => {
                Ok(Some((&ident.text, ident.span)))
            }
            Expression::Constant(ident) => {
                out.push(Diagnostic::error(
                    codes::INDEX_SORT,
                    ident.span,
                    format!("`sort:` is `Asc` or `Desc`, not `{}`.", ident.text),
                ));
                Err(())
            }
            Expression::String(literal) => {
                let mut diagnostic = Diagnostic::error(
                    codes::INDEX_SORT,
                    literal.span,
                    format!(
                        "`sort:` takes `Asc` or `Desc` without quotes, not the string \"{}\".",
                        literal.value
                    ),
                );
                if matches!(literal.value.as_str(), "Asc" | "Desc") {
                    diagnostic = diagnostic.with_fix(unquote(literal));
                }
                out.push(diagnostic);
                Err(())
            }
            other => {
                out.push(Diagnostic::error(
                    codes::INDEX_SORT,
                    other.span(),
                    format!("`sort:` is `Asc` or `Desc`, not {}.", describe(other)),
                ));
                Err(())
            }
        }
    }

    fn ops_value(&self, value: &Expression, out: &mut Vec<Diagnostic>) -> Option<Ops> {
        match value {
            Expression::Constant(ident) => match catalog::operator_class_info(&ident.text) {
                Some(info) => Some(Ops::Known(info)),
                None => {
                    out.push(Diagnostic::error(
                        codes::INDEX_OPS,
                        ident.span,
                        format!(
                            "`{}` is not an operator class Prisma knows; use `raw(\"...\")` for others.",
                            ident.text
                        ),
                    ));
                    None
                }
            },
            Expression::Function {
                name, arguments, ..
            } if name.text == "raw"
                && arguments.items.len() == 1
                && arguments.items[0]
                    .value
                    .as_ref()
                    .is_some_and(|v| v.as_str().is_some()) =>
            {
                Some(Ops::Raw)
            }
            other => {
                out.push(Diagnostic::error(
                    codes::INDEX_OPS,
                    other.span(),
                    format!(
                        "`ops:` takes an operator class name or `raw(\"...\")`, not {}.",
                        describe(other)
                    ),
                ));
                None
            }
        }
    }

    fn index_type(
        &self,
        attribute: &'a Attribute,
        out: &mut Vec<Diagnostic>,
    ) -> Option<(&'a str, Span)> {
        let argument = attribute.argument("type", None)?;
        let value = argument.value.as_ref()?;
        match value {
            Expression::Constant(ident)
                if matches!(
                    ident.text.as_str(),
                    "BTree" | "Hash" | "Gist" | "Gin" | "SpGist" | "Brin"
                ) =>
            {
                Some((&ident.text, argument.span))
            }
            Expression::Constant(ident) => {
                out.push(Diagnostic::error(
                    codes::INDEX_TYPE,
                    ident.span,
                    format!(
                        "`{}` is not an index type; use `BTree`, `Hash`, `Gist`, `Gin`, `SpGist` or `Brin`.",
                        ident.text
                    ),
                ));
                None
            }
            other => {
                out.push(Diagnostic::error(
                    codes::INDEX_TYPE,
                    other.span(),
                    format!("`type:` takes an index type name, not {}.", describe(other)),
                ));
                None
            }
        }
    }
}

/// Whether a string could be written as a field name or path (`a`, `a.b`).
fn is_identifier_path(text: &str) -> bool {
    !text.is_empty()
        && text.split('.').all(|part| {
            part.chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
}

/// The fix that writes a quoted name without its quotes.
fn unquote(literal: &crate::model::StringLiteral) -> Fix {
    Fix {
        title: format!("Write `{}` without quotes", literal.value),
        edits: vec![TextEdit {
            span: literal.span,
            new_text: literal.value.clone(),
        }],
        applicability: Applicability::Safe,
    }
}

/// "the unknown field `a`" / "the unknown fields `a`, `b`".
fn unknown_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    if names.len() == 1 {
        format!("a field that does not exist: {}", quoted[0])
    } else {
        format!("fields that do not exist: {}", quoted.join(", "))
    }
}

/// "`a` is" / "`a`, `b` are".
fn quoted_list(names: &[&str], singular: &str, plural: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    if names.len() == 1 {
        format!("{} {singular}", quoted[0])
    } else {
        format!("{} {plural}", quoted.join(", "))
    }
}
