//! Layer 2: a typed, span-carrying view of a schema, built from the syntax trees of its
//! files. A multi-file schema is one [`Schema`] whose items know their file.
//!
//! The model keeps everything the source says, including what is incomplete (a field
//! without a type, an attribute without a name), so that analysis can report it and the
//! editor features can work on half-typed text.

mod lower;
mod source;

pub use source::{FileId, SourceFile, Span};

use crate::syntax::SyntaxError;
use std::collections::HashMap;

/// A whole schema: one or more files and the declarations in them.
pub struct Schema {
    pub files: Vec<SourceFile>,
    pub blocks: Vec<Block>,
    /// Per file (by `FileId`), its syntax errors, found while lowering.
    syntax_errors: Vec<Vec<SyntaxError>>,
    /// Named top-level items (models, views, composite types, enums) by name, in source order.
    names: HashMap<String, Vec<BlockId>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct BlockId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BlockKind {
    Model,
    View,
    CompositeType,
    Enum,
    Datasource,
    Generator,
}

impl BlockKind {
    /// The keyword that starts the block.
    pub fn keyword(self) -> &'static str {
        match self {
            BlockKind::Model => "model",
            BlockKind::View => "view",
            BlockKind::CompositeType => "type",
            BlockKind::Enum => "enum",
            BlockKind::Datasource => "datasource",
            BlockKind::Generator => "generator",
        }
    }

    /// How the kind is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            BlockKind::CompositeType => "composite type",
            other => other.keyword(),
        }
    }

    /// Models, views, composite types and enums share one namespace of type names.
    pub fn is_type(self) -> bool {
        !matches!(self, BlockKind::Datasource | BlockKind::Generator)
    }

    /// Blocks whose body holds fields.
    pub fn has_fields(self) -> bool {
        matches!(
            self,
            BlockKind::Model | BlockKind::View | BlockKind::CompositeType
        )
    }
}

/// A name as written, with its span. A name the parser had to assume is empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub text: String,
    pub span: Span,
}

impl Ident {
    pub fn is_missing(&self) -> bool {
        self.text.is_empty()
    }
}

/// `model`, `view`, `type`, `enum`, `datasource` or `generator`.
#[derive(Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub name: Ident,
    pub span: Span,
    /// `{` to `}` (or to where the block was implicitly closed).
    pub body: Span,
    /// False when the file never closes the block with `}`.
    pub closed: bool,
    pub doc: Option<String>,
    pub fields: Vec<Field>,
    pub enum_values: Vec<EnumValue>,
    pub properties: Vec<Property>,
    pub attributes: Vec<Attribute>,
}

impl Block {
    pub fn file(&self) -> FileId {
        self.span.file
    }

    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name.text == name)
    }

    pub fn property(&self, key: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.key.text == key)
    }

    /// Block attributes with this name (without `@@`).
    pub fn attributes_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Attribute> {
        self.attributes.iter().filter(move |a| a.name.text == name)
    }
}

/// A field of a model, view or composite type.
#[derive(Debug)]
pub struct Field {
    pub name: Ident,
    /// `None` while the type has not been typed yet.
    pub r#type: Option<FieldType>,
    pub attributes: Vec<Attribute>,
    pub doc: Option<String>,
    pub span: Span,
}

impl Field {
    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name.text == name)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Arity {
    Required,
    Optional,
    List,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeModifier {
    /// `?`
    Optional,
    /// `[]`
    List,
    /// `!` (legacy)
    Required,
}

#[derive(Debug)]
pub struct FieldType {
    /// The type name: a scalar, a model, an enum… or `Unsupported`.
    pub name: Ident,
    /// The argument of `Unsupported("…")`.
    pub unsupported: Option<StringLiteral>,
    /// The modifiers in source order, each with its span.
    pub modifiers: Vec<(TypeModifier, Span)>,
    pub span: Span,
}

impl FieldType {
    /// What the modifiers amount to. Invalid combinations (`[]?`, `!`) are reported by
    /// analysis; here a list wins over optional.
    pub fn arity(&self) -> Arity {
        if self.modifiers.iter().any(|(m, _)| *m == TypeModifier::List) {
            Arity::List
        } else if self
            .modifiers
            .iter()
            .any(|(m, _)| *m == TypeModifier::Optional)
        {
            Arity::Optional
        } else {
            Arity::Required
        }
    }
}

#[derive(Debug)]
pub struct EnumValue {
    pub name: Ident,
    pub attributes: Vec<Attribute>,
    pub doc: Option<String>,
    pub span: Span,
}

/// `key = value` in a datasource or generator.
#[derive(Debug)]
pub struct Property {
    pub key: Ident,
    pub value: Option<Expression>,
    pub span: Span,
}

/// `@name(args)` on a field or enum value, or `@@name(args)` on a block.
#[derive(Debug)]
pub struct Attribute {
    /// The name without `@`/`@@`, e.g. `id`, `db.VarChar`; empty for a lone `@`.
    pub name: Ident,
    pub is_block: bool,
    /// `None` without parentheses; `Some(empty)` for `@unique()`.
    pub arguments: Option<ArgumentList>,
    pub span: Span,
}

impl Attribute {
    pub fn arguments(&self) -> &[Argument] {
        self.arguments
            .as_ref()
            .map_or(&[], |list| list.items.as_slice())
    }

    /// The named argument `name`, or else the positional argument at `position` (Prisma
    /// lets the first argument of most attributes be given without its name).
    pub fn argument(&self, name: &str, position: Option<usize>) -> Option<&Argument> {
        let arguments = self.arguments();
        arguments
            .iter()
            .find(|a| a.name.as_ref().is_some_and(|n| n.text == name))
            .or_else(|| position.and_then(|p| arguments.iter().filter(|a| a.name.is_none()).nth(p)))
    }
}

#[derive(Debug)]
pub struct ArgumentList {
    pub items: Vec<Argument>,
    pub span: Span,
    /// False when the closing `)` is missing.
    pub closed: bool,
    /// A `,` after the last argument (Prisma rejects it in arguments, not in lists).
    pub trailing_comma: Option<Span>,
}

/// A positional (`"x"`) or named (`map: "x"`) argument; a named argument may lack its value
/// while it is being typed.
#[derive(Debug)]
pub struct Argument {
    pub name: Option<Ident>,
    pub value: Option<Expression>,
    pub span: Span,
}

#[derive(Debug)]
pub struct StringLiteral {
    /// The value with escapes resolved.
    pub value: String,
    pub span: Span,
    pub terminated: bool,
}

#[derive(Debug)]
pub enum Expression {
    String(StringLiteral),
    Number {
        text: String,
        span: Span,
    },
    Boolean {
        value: bool,
        span: Span,
    },
    /// A bare name: an enum value, a field reference, `Cascade`, `Desc`, `null`…
    Constant(Ident),
    Function {
        name: Ident,
        arguments: ArgumentList,
        span: Span,
    },
    Array {
        items: Vec<Expression>,
        span: Span,
        closed: bool,
    },
    Object {
        entries: Vec<ObjectEntry>,
        span: Span,
    },
}

impl Expression {
    pub fn span(&self) -> Span {
        match self {
            Expression::String(s) => s.span,
            Expression::Constant(ident) => ident.span,
            Expression::Number { span, .. }
            | Expression::Boolean { span, .. }
            | Expression::Function { span, .. }
            | Expression::Array { span, .. }
            | Expression::Object { span, .. } => *span,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Expression::String(s) => Some(&s.value),
            _ => None,
        }
    }

    /// Items of an array; a single value counts as a one-item list (`@@index(userId)`).
    pub fn as_list(&self) -> &[Expression] {
        match self {
            Expression::Array { items, .. } => items,
            single => std::slice::from_ref(single),
        }
    }
}

#[derive(Debug)]
pub struct ObjectEntry {
    pub key: Ident,
    pub value: Expression,
    pub span: Span,
}

impl Schema {
    /// Builds the model of a schema made of these files.
    pub fn new(files: Vec<SourceFile>) -> Self {
        let mut blocks = Vec::new();
        let mut syntax_errors = Vec::with_capacity(files.len());
        for (index, file) in files.iter().enumerate() {
            let file_id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
            syntax_errors.push(lower::lower_file(file_id, file, &mut blocks));
        }
        let mut names: HashMap<String, Vec<BlockId>> = HashMap::new();
        for (index, block) in blocks.iter().enumerate() {
            if block.kind.is_type() && !block.name.is_missing() {
                let id = BlockId(u32::try_from(index).unwrap_or(u32::MAX));
                names.entry(block.name.text.clone()).or_default().push(id);
            }
        }
        Schema {
            files,
            blocks,
            syntax_errors,
            names,
        }
    }

    /// The syntax errors of one file.
    pub fn syntax_errors(&self, file: FileId) -> &[SyntaxError] {
        self.syntax_errors
            .get(file.0 as usize)
            .map_or(&[], Vec::as_slice)
    }

    /// Ids of the files, in order.
    pub fn file_ids(&self) -> impl Iterator<Item = FileId> + use<> {
        (0..self.files.len()).map(|index| FileId(u32::try_from(index).unwrap_or(u32::MAX)))
    }

    /// A one-file schema from text.
    pub fn parse(name: impl Into<String>, text: impl Into<String>) -> Self {
        Schema::new(vec![SourceFile::parse(name, text)])
    }

    pub fn file(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn block(&self, id: BlockId) -> &Block {
        &self.blocks[id.0 as usize]
    }

    /// The first model, view, composite type or enum with this name.
    pub fn find_type(&self, name: &str) -> Option<&Block> {
        self.names
            .get(name)
            .and_then(|ids| ids.first())
            .map(|&id| self.block(id))
    }

    /// Every model, view, composite type or enum declared with this name (more than one is
    /// an error).
    pub fn declarations_of<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a Block> + 'a {
        self.names
            .get(name)
            .into_iter()
            .flatten()
            .map(|&id| self.block(id))
    }

    pub fn find_model(&self, name: &str) -> Option<&Block> {
        self.find_type(name).filter(|b| b.kind == BlockKind::Model)
    }

    pub fn find_enum(&self, name: &str) -> Option<&Block> {
        self.find_type(name).filter(|b| b.kind == BlockKind::Enum)
    }

    pub fn find_composite_type(&self, name: &str) -> Option<&Block> {
        self.find_type(name)
            .filter(|b| b.kind == BlockKind::CompositeType)
    }

    pub fn blocks_of_kind(&self, kind: BlockKind) -> impl Iterator<Item = &Block> {
        self.blocks.iter().filter(move |b| b.kind == kind)
    }

    pub fn models(&self) -> impl Iterator<Item = &Block> {
        self.blocks_of_kind(BlockKind::Model)
    }

    pub fn enums(&self) -> impl Iterator<Item = &Block> {
        self.blocks_of_kind(BlockKind::Enum)
    }

    /// The first datasource (Prisma allows only one).
    pub fn datasource(&self) -> Option<&Block> {
        self.blocks_of_kind(BlockKind::Datasource).next()
    }

    /// The text of a span.
    pub fn text(&self, span: Span) -> &str {
        self.file(span.file).slice(span)
    }
}
