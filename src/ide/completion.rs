//! Completion: what may be typed at a position, in every context of a schema.
//!
//! The context comes from the text of the current statement up to the cursor, read by a
//! small scanner that only tracks brackets, strings, `@`/`@@`, `key:` and `key =`: it
//! works on the half-typed, broken lines where completion is used. The model supplies the
//! enclosing block, the field's type, the other models, enums and the provider.

use crate::catalog::{self, Item, Provider};
use crate::model::{Block, BlockKind, Expression, FileId, Schema};
use crate::semantics::{Config, RelationMode};
use crate::syntax;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Keyword,
    Property,
    Value,
    ScalarType,
    Model,
    Enum,
    CompositeType,
    View,
    Attribute,
    Function,
    Field,
    EnumValue,
    Argument,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompletionItem {
    pub label: String,
    pub kind: CompletionKind,
    pub detail: Option<String>,
    /// Markdown.
    pub documentation: Option<String>,
    /// What to insert instead of the label.
    pub insert_text: Option<String>,
    /// `insert_text` uses snippet syntax (`$1`, `${1:name}`, `$0`).
    pub is_snippet: bool,
}

impl CompletionItem {
    fn new(label: impl Into<String>, kind: CompletionKind) -> Self {
        CompletionItem {
            label: label.into(),
            kind,
            detail: None,
            documentation: None,
            insert_text: None,
            is_snippet: false,
        }
    }

    fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    fn doc(mut self, doc: &str) -> Self {
        if !doc.is_empty() {
            self.documentation = Some(doc.to_string());
        }
        self
    }

    fn insert(mut self, text: impl Into<String>) -> Self {
        self.insert_text = Some(text.into());
        self
    }

    fn snippet(mut self, text: impl Into<String>) -> Self {
        let text = text.into();
        self.is_snippet = text.contains('$');
        self.insert_text = Some(text);
        self
    }
}

/// Completion items at `offset` (bytes) of `file`.
pub fn complete(schema: &Schema, file: FileId, offset: usize) -> Vec<CompletionItem> {
    let model = schema.file_model(file);
    let text = &model.source.text;
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let context = Context::new(schema);
    let block = model.blocks.iter().find(|b| {
        (b.body.start as usize) < offset
            && offset <= b.span.end as usize
            && !is_after_close(b, offset)
    });
    let Some(block) = block else {
        let line_start = syntax::line_start(text, offset);
        let prefix = &text[line_start..offset];
        return if prefix.chars().all(|c| c.is_alphanumeric() || c == '_') {
            block_keywords()
        } else {
            Vec::new()
        };
    };
    let statement = statement_start(block, text, offset);
    let scan = Scan::new(&text[statement..offset]);
    let mut items = match block.kind {
        BlockKind::Datasource | BlockKind::Generator => context.config(block, &scan),
        BlockKind::Enum => context.enum_block(&scan),
        BlockKind::Model | BlockKind::View | BlockKind::CompositeType => {
            context.model_block(block, offset, &scan)
        }
    };
    // Only what continues the word being typed (`Cas` → `Cascade`); the client filters
    // further as typing goes on.
    let typed = scan
        .word
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    if !typed.is_empty() && !scan.in_string {
        items.retain(|item| {
            item.label
                .trim_start_matches('@')
                .to_lowercase()
                .starts_with(&typed)
        });
    }
    items
}

/// After the closing brace of a closed block.
fn is_after_close(block: &Block, offset: usize) -> bool {
    block.closed && offset >= block.span.end as usize
}

/// Where the statement around the cursor starts: the start of the field or block attribute
/// that contains it (it may span lines, like a multi-line `@@index([…])`), else the line.
fn statement_start(block: &Block, text: &str, offset: usize) -> usize {
    let line_start = syntax::line_start(text, offset);
    let spans = block
        .fields
        .iter()
        .map(|f| f.span)
        .chain(block.attributes.iter().map(|a| a.span));
    spans
        .filter(|span| (span.start as usize) < line_start && offset <= span.end as usize)
        .map(|span| span.start as usize)
        .min()
        .unwrap_or(line_start)
}

// ---------------------------------------------------------------------------------------
// Scanning the statement before the cursor

#[derive(Debug, Clone, PartialEq)]
enum FrameKind {
    /// `@name(` or `@@name(`.
    Attribute {
        name: String,
        block: bool,
    },
    /// `name(`.
    Call(String),
    List,
    Object,
}

#[derive(Debug, Clone)]
struct Frame {
    kind: FrameKind,
    /// The named argument being written (`fields` in `fields: [`).
    key: Option<String>,
    /// Words written in this frame (e.g. the fields already listed).
    words: Vec<String>,
    /// Named arguments already given.
    keys: Vec<String>,
    /// A first argument was given without a name (`@@index([a], …)`).
    positional_given: bool,
}

#[derive(Debug, Default)]
struct Scan {
    frames: Vec<Frame>,
    in_string: bool,
    /// The identifier (with dots) right before the cursor.
    word: String,
    /// The cursor is in an attribute name: after `@` (false) or `@@` (true).
    marker: Option<bool>,
    /// Words at depth 0 before the cursor (a field's name and type).
    top_words: Vec<String>,
    /// The key before `=` at depth 0.
    assigned: Option<String>,
    /// Attribute names given at depth 0 before the cursor.
    attributes: Vec<String>,
    /// Strings written in the innermost frame.
    strings: Vec<String>,
}

impl Scan {
    fn new(prefix: &str) -> Self {
        let mut scan = Scan::default();
        let mut marker_count = 0;
        let mut string = String::new();
        let mut chars = prefix.chars().peekable();
        while let Some(c) = chars.next() {
            if scan.in_string {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => {
                        scan.in_string = false;
                        scan.strings.push(std::mem::take(&mut string));
                    }
                    _ => string.push(c),
                }
                continue;
            }
            match c {
                c if c.is_alphanumeric() || c == '_' || c == '-' || c == '.' => scan.word.push(c),
                '@' => {
                    scan.finish_word();
                    marker_count += 1;
                    scan.marker = Some(marker_count >= 2);
                    continue;
                }
                '"' => {
                    scan.finish_word();
                    scan.in_string = true;
                    string.clear();
                }
                '(' => {
                    let word = std::mem::take(&mut scan.word);
                    let kind = match scan.marker.take() {
                        Some(block) => {
                            if scan.frames.is_empty() {
                                scan.attributes.push(word.clone());
                            }
                            FrameKind::Attribute { name: word, block }
                        }
                        None => FrameKind::Call(word),
                    };
                    scan.push(kind);
                }
                '[' => {
                    scan.finish_word();
                    scan.push(FrameKind::List);
                }
                '{' => {
                    scan.finish_word();
                    scan.push(FrameKind::Object);
                }
                ')' | ']' | '}' => {
                    scan.finish_word();
                    scan.frames.pop();
                    if let Some(parent) = scan.frames.last_mut()
                        && parent.key.is_none()
                    {
                        parent.positional_given = true;
                    }
                    scan.strings.clear();
                }
                ':' => {
                    let word = std::mem::take(&mut scan.word);
                    if let Some(frame) = scan.frames.last_mut() {
                        frame.keys.push(word.clone());
                        frame.key = Some(word);
                    }
                }
                ',' => {
                    scan.finish_word();
                    if let Some(frame) = scan.frames.last_mut() {
                        frame.key = None;
                    }
                }
                '=' => {
                    let word = std::mem::take(&mut scan.word);
                    if scan.frames.is_empty() {
                        scan.assigned = Some(word)
                            .filter(|w| !w.is_empty())
                            .or(scan.top_words.pop());
                    }
                }
                _ => scan.finish_word(),
            }
            marker_count = 0;
        }
        scan
    }

    fn push(&mut self, kind: FrameKind) {
        self.frames.push(Frame {
            kind,
            key: None,
            words: Vec::new(),
            keys: Vec::new(),
            positional_given: false,
        });
        self.strings.clear();
    }

    /// A word ended (at whitespace or punctuation).
    fn finish_word(&mut self) {
        let word = std::mem::take(&mut self.word);
        if self.marker.take().is_some() {
            // `@id ` — an attribute without arguments.
            if self.frames.is_empty() && !word.is_empty() {
                self.attributes.push(word);
            }
            return;
        }
        if word.is_empty() {
            return;
        }
        match self.frames.last_mut() {
            Some(frame) => {
                frame.positional_given |= frame.key.is_none();
                frame.words.push(word);
            }
            None => self.top_words.push(word),
        }
    }

    fn innermost(&self) -> Option<&Frame> {
        self.frames.last()
    }

    /// The attribute the cursor is inside, and the frames inside it.
    fn attribute(&self) -> Option<(&str, bool, &[Frame])> {
        let index = self
            .frames
            .iter()
            .rposition(|f| matches!(f.kind, FrameKind::Attribute { .. }))?;
        match &self.frames[index].kind {
            FrameKind::Attribute { name, block } => Some((name, *block, &self.frames[index..])),
            _ => None,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Items per context

struct Context<'a> {
    schema: &'a Schema,
    /// What validation reads too (`semantics::Config`): completion offers what it accepts.
    config: Config,
}

fn items(list: &[Item], kind: CompletionKind) -> Vec<CompletionItem> {
    list.iter()
        .map(|item| CompletionItem::new(item.name, kind).doc(item.doc))
        .collect()
}

fn block_keywords() -> Vec<CompletionItem> {
    catalog::BLOCK_KEYWORDS
        .iter()
        .map(|keyword| {
            let body = match keyword.name {
                "datasource" => "datasource ${1:db} {\n  provider = \"${2:postgresql}\"\n}",
                "generator" => "generator ${1:client} {\n  provider = \"${2:prisma-client-js}\"\n}",
                "enum" => "enum ${1:Name} {\n  ${2:VALUE}\n}",
                "type" => "type ${1:Name} {\n  ${2:field} ${3:String}\n}",
                "view" => "view ${1:Name} {\n  ${2:id} ${3:Int} @unique\n}",
                _ => "model ${1:Name} {\n  id ${2:Int} @id @default(autoincrement())\n  $0\n}",
            };
            CompletionItem::new(keyword.name, CompletionKind::Keyword)
                .doc(keyword.doc)
                .snippet(body)
        })
        .collect()
}

impl<'a> Context<'a> {
    fn new(schema: &'a Schema) -> Self {
        Context {
            schema,
            config: Config::of(schema),
        }
    }

    /// `datasource` and `generator` blocks: keys, and the values some keys take.
    fn config(&self, block: &Block, scan: &Scan) -> Vec<CompletionItem> {
        let is_datasource = block.kind == BlockKind::Datasource;
        let Some(key) = &scan.assigned else {
            if !scan.frames.is_empty() || scan.top_words.len() > 1 || scan.in_string {
                return Vec::new();
            }
            let keys: Vec<&Item> = if is_datasource {
                catalog::datasource_keys(self.config.provider)
                    .into_iter()
                    .filter(|k| match k.name {
                        // Only where they mean something: extensions need the preview
                        // feature, schemas a provider with several schemas.
                        "extensions" => self.config.has_preview_feature("postgresqlExtensions"),
                        "schemas" => self
                            .config
                            .provider
                            .is_some_and(Provider::supports_multi_schema),
                        _ => true,
                    })
                    .collect()
            } else {
                catalog::GENERATOR_KEYS.iter().collect()
            };
            let present: Vec<&str> = block
                .properties
                .iter()
                .map(|p| p.key.text.as_str())
                .collect();
            return keys
                .into_iter()
                .filter(|item| !present.contains(&item.name))
                .map(|item| {
                    CompletionItem::new(item.name, CompletionKind::Property)
                        .doc(item.doc)
                        .snippet(format!("{} = $0", item.name))
                })
                .collect();
        };
        let quote = |name: &str| {
            if scan.in_string {
                name.to_string()
            } else {
                format!("\"{name}\"")
            }
        };
        if is_datasource && catalog::is_datasource_url_key(key) {
            return self.url_values(key, scan);
        }
        let values: Vec<&Item> = match (is_datasource, key.as_str()) {
            (true, "provider") => catalog::DATASOURCE_PROVIDERS.iter().collect(),
            (true, "relationMode") => catalog::relation_modes(self.config.provider),
            (false, "provider") => catalog::GENERATOR_PROVIDERS.iter().collect(),
            (false, "previewFeatures") => {
                let present = &scan.strings;
                catalog::PREVIEW_FEATURES
                    .iter()
                    .filter(|f| !present.iter().any(|p| p.eq_ignore_ascii_case(f.name)))
                    .collect()
            }
            (false, key) => catalog::generator_key_values(key).iter().collect(),
            _ => Vec::new(),
        };
        if key == "previewFeatures" && scan.innermost().is_none() {
            // `previewFeatures = ` — open the list.
            return values
                .into_iter()
                .map(|item| {
                    CompletionItem::new(item.name, CompletionKind::Value)
                        .doc(item.doc)
                        .insert(format!("[\"{}\"]", item.name))
                })
                .collect();
        }
        values
            .into_iter()
            .map(|item| {
                CompletionItem::new(item.name, CompletionKind::Value)
                    .doc(item.doc)
                    .insert(quote(item.name))
            })
            .collect()
    }

    /// `url = ` → `env("…")` or a string; inside `env("` → the usual variable name.
    fn url_values(&self, key: &str, scan: &Scan) -> Vec<CompletionItem> {
        let in_env = scan
            .innermost()
            .is_some_and(|f| f.kind == FrameKind::Call("env".to_string()));
        if in_env {
            let variable = match key {
                "directUrl" => "DIRECT_URL",
                "shadowDatabaseUrl" => "SHADOW_DATABASE_URL",
                _ => "DATABASE_URL",
            };
            let item = CompletionItem::new(variable, CompletionKind::Value)
                .doc("The environment variable that holds the connection URL.");
            return vec![if scan.in_string {
                item
            } else {
                item.insert(format!("\"{variable}\""))
            }];
        }
        if !scan.frames.is_empty() || scan.in_string {
            return Vec::new();
        }
        vec![
            CompletionItem::new("env()", CompletionKind::Function)
                .doc("Reads the URL from an environment variable: `env(\"DATABASE_URL\")`.")
                .snippet("env(\"$1\")"),
            CompletionItem::new("\"\"", CompletionKind::Value)
                .doc("The URL as a string (it then lives in the schema file).")
                .snippet("\"$1\""),
        ]
    }

    fn enum_block(&self, scan: &Scan) -> Vec<CompletionItem> {
        match scan.marker {
            Some(true) => self.attribute_items(catalog::enum_attributes(), &[] as &[&str]),
            Some(false) => self.attribute_items(catalog::enum_value_attributes(), &scan.attributes),
            None => Vec::new(),
        }
    }

    fn model_block(&self, block: &Block, offset: usize, scan: &Scan) -> Vec<CompletionItem> {
        if scan.in_string {
            return Vec::new();
        }
        let field_type = scan
            .top_words
            .get(1)
            .map(|t| t.trim_end_matches(['?', '[', ']', '!']));
        if let Some((name, is_block, frames)) = scan.attribute() {
            return self.attribute_arguments(block, field_type, name, is_block, frames, offset);
        }
        match scan.marker {
            Some(true) if scan.top_words.is_empty() => {
                if block.kind == BlockKind::CompositeType {
                    return Vec::new();
                }
                let present: Vec<&str> = block
                    .attributes
                    .iter()
                    .map(|a| a.name.text.as_str())
                    .filter(|name| !matches!(*name, "index" | "unique" | "fulltext"))
                    .collect();
                self.attribute_items(catalog::block_attributes(), &present)
            }
            Some(false) if scan.top_words.len() >= 2 => {
                if scan.word.starts_with("db.") {
                    return self.native_types(field_type);
                }
                self.field_attributes(block.kind, field_type, &scan.attributes)
            }
            None if scan.frames.is_empty() && scan.top_words.len() == 1 => self.field_types(block),
            _ => Vec::new(),
        }
    }

    fn attribute_items<'s>(
        &self,
        attributes: impl Iterator<Item = &'s catalog::AttributeSpec>,
        present: &[impl AsRef<str>],
    ) -> Vec<CompletionItem> {
        attributes
            .filter(|a| a.supports(self.config.provider))
            .filter(|a| !present.iter().any(|p| p.as_ref() == a.name))
            .map(|a| {
                CompletionItem::new(
                    format!("{}{}", a.written_prefix(), a.name),
                    CompletionKind::Attribute,
                )
                .doc(a.doc)
                .snippet(a.snippet)
            })
            .collect()
    }

    /// Field attributes that make sense for a field of this type.
    fn field_attributes(
        &self,
        kind: BlockKind,
        field_type: Option<&str>,
        present: &[String],
    ) -> Vec<CompletionItem> {
        let type_name = field_type.unwrap_or_default();
        let is_relation = self.schema.find_model(type_name).is_some();
        let candidates = catalog::field_attributes().filter(|a| {
            (kind != BlockKind::CompositeType
                || catalog::COMPOSITE_TYPE_FIELD_ATTRIBUTES.contains(&a.name))
                && match a.name {
                    "relation" => is_relation,
                    "updatedAt" => type_name == "DateTime",
                    "default" | "id" | "unique" => !is_relation,
                    _ => true,
                }
        });
        let mut result = self.attribute_items(candidates, present);
        let native = self
            .config
            .provider
            .is_some_and(|p| !catalog::native_types_for(p, type_name).is_empty());
        if native && !is_relation && !present.iter().any(|p| p.starts_with("db.")) {
            result.push(
                CompletionItem::new("@db", CompletionKind::Attribute)
                    .detail("native database type")
                    .doc("The column type in the database, e.g. `@db.VarChar(255)`.")
                    .insert("db."),
            );
        }
        result
    }

    fn native_types(&self, field_type: Option<&str>) -> Vec<CompletionItem> {
        let Some(provider) = self.config.provider else {
            return Vec::new();
        };
        let types = match field_type {
            Some(scalar) if catalog::is_scalar_type(scalar) => {
                catalog::native_types_for(provider, scalar)
            }
            _ => catalog::native_types(provider).iter().collect(),
        };
        types
            .into_iter()
            .map(|native| {
                CompletionItem::new(native.name, CompletionKind::Function)
                    .detail(native.signature())
                    .doc(native.doc)
                    .snippet(native.snippet())
            })
            .collect()
    }

    /// Scalars, models, enums, composite types (and `Unsupported`) after a field name.
    fn field_types(&self, block: &Block) -> Vec<CompletionItem> {
        let mut result: Vec<CompletionItem> = catalog::SCALAR_TYPES
            .iter()
            .filter(|t| catalog::scalar_type_supported(t.name, self.config.provider))
            .map(|t| CompletionItem::new(t.name, CompletionKind::ScalarType).doc(t.doc))
            .collect();
        if block.kind != BlockKind::CompositeType {
            result.push(
                CompletionItem::new(catalog::UNSUPPORTED_TYPE.name, CompletionKind::ScalarType)
                    .doc(catalog::UNSUPPORTED_TYPE.doc)
                    .snippet("Unsupported(\"$1\")"),
            );
        }
        for declared in self
            .schema
            .blocks()
            .filter(|b| b.kind.is_type() && !b.name.is_missing())
        {
            // A composite type's fields cannot be relations.
            if block.kind == BlockKind::CompositeType
                && matches!(declared.kind, BlockKind::Model | BlockKind::View)
            {
                continue;
            }
            let kind = match declared.kind {
                BlockKind::Model => CompletionKind::Model,
                BlockKind::View => CompletionKind::View,
                BlockKind::Enum => CompletionKind::Enum,
                _ => CompletionKind::CompositeType,
            };
            let mut item = CompletionItem::new(declared.name.text.clone(), kind)
                .detail(declared.kind.describe());
            if let Some(doc) = &declared.doc {
                item = item.doc(doc);
            }
            result.push(item);
        }
        result
    }

    /// Inside `@name(…)` / `@@name(…)`.
    fn attribute_arguments(
        &self,
        block: &Block,
        field_type: Option<&str>,
        name: &str,
        is_block: bool,
        frames: &[Frame],
        offset: usize,
    ) -> Vec<CompletionItem> {
        let Some(attribute) = frames.first() else {
            return Vec::new();
        };
        let innermost = frames.last().unwrap_or(attribute);
        match (name, is_block) {
            ("relation", false) => self.relation_arguments(block, field_type, attribute, frames),
            ("default", false) => {
                if frames.len() == 1
                    && attribute.key.as_deref().is_none_or(|k| k == "value")
                    && attribute.words.is_empty()
                {
                    self.default_values(field_type)
                } else if frames.len() == 1 && attribute.key.is_none() {
                    argument_names(&[("map", "map: \"$1\"")], attribute)
                } else {
                    Vec::new()
                }
            }
            ("index" | "unique" | "id" | "fulltext", true) => {
                self.index_arguments(block, name, frames, innermost, offset)
            }
            ("id" | "unique", false) => match attribute.key.as_deref() {
                None if frames.len() == 1 => {
                    let mut names = vec![("map", "map: \"$1\"")];
                    if self.config.provider == Some(Provider::SqlServer) {
                        names.push(("clustered", "clustered: ${1|true,false|}"));
                        names.push(("sort", "sort: ${1|Asc,Desc|}"));
                    }
                    if self.config.provider == Some(Provider::MySql) {
                        names.push(("length", "length: $1"));
                    }
                    argument_names(&names, attribute)
                }
                Some("sort") => items(catalog::SORT_ORDERS, CompletionKind::Value),
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn relation_arguments(
        &self,
        block: &Block,
        field_type: Option<&str>,
        attribute: &Frame,
        frames: &[Frame],
    ) -> Vec<CompletionItem> {
        let in_list = frames.len() > 1 && frames.last().is_some_and(|f| f.kind == FrameKind::List);
        match (attribute.key.as_deref(), in_list) {
            (Some("fields"), true) => {
                let listed = &frames[frames.len() - 1].words;
                self.scalar_fields(block, listed)
                    .map(|f| self.field_item(f))
                    .collect()
            }
            (Some("references"), true) => {
                let listed = &frames[frames.len() - 1].words;
                let Some(target) = field_type.and_then(|t| self.schema.find_model(t)) else {
                    return Vec::new();
                };
                // Unique fields first: references must point at a unique criterion.
                let mut fields: Vec<_> = self.scalar_fields(target, listed).collect();
                fields.sort_by_key(|f| {
                    !(f.attribute("id").is_some() || f.attribute("unique").is_some())
                });
                fields.into_iter().map(|f| self.field_item(f)).collect()
            }
            (Some("onDelete" | "onUpdate"), false) => catalog::referential_actions(
                self.config.provider,
                self.config.relation_mode == RelationMode::Prisma,
            )
            .into_iter()
            .map(|action| {
                CompletionItem::new(action.name(), CompletionKind::EnumValue).doc(action.doc())
            })
            .collect(),
            (None, false) if frames.len() == 1 => argument_names(
                &[
                    ("fields", "fields: [$1]"),
                    ("references", "references: [$1]"),
                    ("onDelete", "onDelete: $1"),
                    ("onUpdate", "onUpdate: $1"),
                    ("name", "name: \"$1\""),
                    ("map", "map: \"$1\""),
                ],
                attribute,
            ),
            _ => Vec::new(),
        }
    }

    /// Operator classes that fit the index's type and the field (`ops:` in `@@index`), and
    /// `raw("…")` for any other.
    fn operator_classes(
        &self,
        block: &Block,
        field_name: &str,
        offset: usize,
    ) -> Vec<CompletionItem> {
        // The index's `type:` may come after the cursor: read it from the model.
        let index_type = block
            .attributes
            .iter()
            .find(|a| a.span.start as usize <= offset && offset <= a.span.end as usize)
            .and_then(|a| a.argument("type", None))
            .and_then(|a| a.value.as_ref())
            .and_then(|v| match v {
                Expression::Constant(ident) => Some(ident.text.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "BTree".to_string());
        let field = block.field(field_name);
        let field_type = field.and_then(|f| f.r#type.as_ref());
        let scalar = field_type.map_or("", |t| t.name.text.as_str());
        let is_list = field_type.is_some_and(|t| t.arity() == crate::model::Arity::List);
        let native = field
            .and_then(|f| f.attributes.iter().find(|a| a.name.text.starts_with("db.")))
            .map(|a| a.name.text.trim_start_matches("db."));
        let mut result: Vec<CompletionItem> = catalog::operator_classes_for_field(
            self.config.provider,
            &index_type,
            scalar,
            native,
            is_list,
        )
        .into_iter()
        .map(|op| CompletionItem::new(op.name, CompletionKind::Value).doc(op.doc))
        .collect();
        if self.config.provider == Some(Provider::PostgreSql) {
            result.push(
                CompletionItem::new(catalog::RAW_FUNCTION.name, CompletionKind::Function)
                    .doc(catalog::RAW_FUNCTION.doc)
                    .snippet("raw(\"$1\")"),
            );
        }
        result
    }

    /// The fields of `block` that are not relations, without those already `listed`.
    fn scalar_fields<'b>(
        &self,
        block: &'b Block,
        listed: &'b [String],
    ) -> impl Iterator<Item = &'b crate::model::Field> + use<'a, 'b> {
        let schema = self.schema;
        block
            .fields
            .iter()
            .filter(move |f| {
                f.r#type
                    .as_ref()
                    .is_some_and(|t| schema.find_model(&t.name.text).is_none())
            })
            .filter(move |f| !listed.contains(&f.name.text))
    }

    fn field_item(&self, field: &crate::model::Field) -> CompletionItem {
        let type_text = field
            .r#type
            .as_ref()
            .map(|t| t.name.text.clone())
            .unwrap_or_default();
        let mut item =
            CompletionItem::new(field.name.text.clone(), CompletionKind::Field).detail(type_text);
        if let Some(doc) = &field.doc {
            item = item.doc(doc);
        }
        item
    }

    /// `@default(` — functions valid for the type and provider, enum values, booleans.
    fn default_values(&self, field_type: Option<&str>) -> Vec<CompletionItem> {
        let type_name = field_type.unwrap_or_default();
        if let Some(enumeration) = self.schema.find_enum(type_name) {
            return enumeration
                .enum_values
                .iter()
                .map(|v| {
                    CompletionItem::new(v.name.text.clone(), CompletionKind::EnumValue)
                        .detail(type_name)
                })
                .collect();
        }
        let mut result: Vec<CompletionItem> =
            catalog::default_functions_for(type_name, self.config.provider)
                .into_iter()
                .map(|function| {
                    CompletionItem::new(format!("{}()", function.name), CompletionKind::Function)
                        .doc(function.doc)
                        .snippet(function.snippet)
                })
                .collect();
        if type_name == "Boolean" {
            result.extend(["true", "false"].map(|b| CompletionItem::new(b, CompletionKind::Value)));
        }
        result
    }

    /// `@@index(`, `@@unique(`, `@@id(`, `@@fulltext(`.
    fn index_arguments(
        &self,
        block: &Block,
        name: &str,
        frames: &[Frame],
        innermost: &Frame,
        offset: usize,
    ) -> Vec<CompletionItem> {
        let attribute = &frames[0];
        // In the field list: the model's fields not listed yet.
        let in_fields = frames.len() == 2
            && innermost.kind == FrameKind::List
            && attribute.key.as_deref().is_none_or(|k| k == "fields");
        if in_fields {
            return self
                .scalar_fields(block, &innermost.words)
                .map(|f| self.field_item(f))
                .collect();
        }
        // Inside `field(` within the list: the per-field arguments and their values.
        if frames.len() == 3 && matches!(innermost.kind, FrameKind::Call(_)) {
            return match innermost.key.as_deref() {
                Some("sort") => items(catalog::SORT_ORDERS, CompletionKind::Value),
                Some("ops") => {
                    let FrameKind::Call(field_name) = &innermost.kind else {
                        return Vec::new();
                    };
                    self.operator_classes(block, field_name, offset)
                }
                Some(_) => Vec::new(),
                None => {
                    let names: Vec<(&str, String)> = catalog::INDEX_FIELD_ARGUMENTS
                        .iter()
                        .filter(|a| a.name != "ops" || name == "index")
                        .map(|a| (a.name, format!("{}: $1", a.name)))
                        .collect();
                    let names: Vec<(&str, &str)> =
                        names.iter().map(|(n, s)| (*n, s.as_str())).collect();
                    argument_names(&names, innermost)
                }
            };
        }
        if frames.len() != 1 {
            return Vec::new();
        }
        match attribute.key.as_deref() {
            Some("type") => items(
                catalog::index_types(self.config.provider),
                CompletionKind::Value,
            ),
            Some("clustered") => ["true", "false"]
                .map(|b| CompletionItem::new(b, CompletionKind::Value))
                .to_vec(),
            Some(_) => Vec::new(),
            None => {
                let mut names = vec![("fields", "fields: [$1]"), ("map", "map: \"$1\"")];
                if name != "index" {
                    names.push(("name", "name: \"$1\""));
                }
                if name == "index" && !catalog::index_types(self.config.provider).is_empty() {
                    names.push(("type", "type: $1"));
                }
                if self.config.provider == Some(Provider::SqlServer) && name != "fulltext" {
                    names.push(("clustered", "clustered: ${1|true,false|}"));
                }
                if self
                    .config
                    .provider
                    .is_some_and(Provider::supports_partial_indexes)
                    && matches!(name, "index" | "unique")
                {
                    names.push(("where", "where: raw(\"$1\")"));
                }
                let names: Vec<(&str, &str)> = names
                    .into_iter()
                    .filter(|(n, _)| !(attribute.positional_given && *n == "fields"))
                    .collect();
                argument_names(&names, attribute)
            }
        }
    }
}

/// Named arguments not given yet, as `name: ` snippets.
fn argument_names(names: &[(&str, &str)], frame: &Frame) -> Vec<CompletionItem> {
    names
        .iter()
        .filter(|(name, _)| !frame.keys.iter().any(|k| k == name))
        .map(|(name, snippet)| {
            CompletionItem::new(format!("{name}:"), CompletionKind::Argument).snippet(*snippet)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scanner_tracks_attributes_lists_and_keys() {
        let scan = Scan::new("  author User @relation(fields: [authorId, ");
        let (name, is_block, frames) = scan.attribute().expect("in an attribute");
        assert_eq!((name, is_block), ("relation", false));
        assert_eq!(frames[0].key.as_deref(), Some("fields"));
        assert_eq!(frames[1].kind, FrameKind::List);
        assert_eq!(frames[1].words, ["authorId"]);
        assert_eq!(scan.top_words, ["author", "User"]);

        let scan = Scan::new("  @@");
        assert_eq!(scan.marker, Some(true));
        let scan = Scan::new("  email String @unique @db.Var");
        assert_eq!(scan.marker, Some(false));
        assert_eq!(scan.word, "db.Var");
        assert_eq!(scan.attributes, ["unique"]);
        let scan = Scan::new("  previewFeatures = [\"views\", \"");
        assert_eq!(scan.assigned.as_deref(), Some("previewFeatures"));
        assert!(scan.in_string);
        assert_eq!(scan.strings, ["views"]);
    }
}

#[cfg(test)]
mod relation_mode_tests {
    use super::*;

    fn actions_after_on_delete(datasource: &str) -> Vec<String> {
        let text = format!(
            "{datasource}\nmodel User {{\n  id    Int    @id\n  posts Post[]\n}}\n\nmodel Post {{\n  id       Int  @id\n  authorId Int\n  author   User @relation(fields: [authorId], references: [id], onDelete: "
        );
        let schema = Schema::parse("schema.prisma", text.clone());
        complete(&schema, FileId(0), text.len())
            .into_iter()
            .map(|item| item.label)
            .collect()
    }

    /// Completion reads the relation mode where validation does: the legacy
    /// `referentialIntegrity` key counts, so `SetDefault` (which emulated relations lack)
    /// is not offered.
    #[test]
    fn the_legacy_relation_mode_key_limits_the_actions_offered() {
        let legacy = actions_after_on_delete(
            "datasource db {\n  provider = \"mysql\"\n  referentialIntegrity = \"prisma\"\n}\n",
        );
        assert!(legacy.contains(&"Cascade".to_string()), "{legacy:?}");
        assert!(!legacy.contains(&"SetDefault".to_string()), "{legacy:?}");
        let foreign_keys = actions_after_on_delete("datasource db {\n  provider = \"mysql\"\n}\n");
        assert!(
            foreign_keys.contains(&"SetDefault".to_string()),
            "{foreign_keys:?}"
        );
    }
}
