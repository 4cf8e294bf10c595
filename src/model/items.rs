//! The items of the model: blocks, fields, attributes, arguments, expressions.

use super::{FileId, Span};
use crate::syntax::SyntaxError;

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
#[derive(Clone, Debug, PartialEq)]
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
    /// The syntax errors inside the block.
    pub syntax_errors: Vec<SyntaxError>,
    /// Whether the arguments of one of its attributes span several lines: our grammar reads
    /// them, Prisma does not (see `analysis::syntax`).
    pub multiline_attribute: bool,
    /// Identifies this lowering of the block for caches; kept while edits elsewhere move
    /// the block, new when it is lowered again.
    pub revision: Revision,
    /// Where the text that belongs to the block begins: the line above its `///` doc
    /// comment (or above the block). An edit from there to the end can change the block.
    pub(crate) leading: u32,
}

impl Block {
    /// The fields of this block that could be the opposite side of `field` (declared in the
    /// block named `owner`): typed `owner`, under the same relation name, not `field` itself.
    pub fn fields_pointing_back<'a>(
        &'a self,
        owner: &'a str,
        field: &'a Field,
    ) -> impl Iterator<Item = &'a Field> + 'a {
        let name = field.relation_name();
        self.fields.iter().filter(move |candidate| {
            !std::ptr::eq(*candidate, field)
                && candidate
                    .r#type
                    .as_ref()
                    .is_some_and(|t| t.name.text == owner)
                && candidate.relation_name() == name
        })
    }

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
#[derive(Clone, Debug, PartialEq)]
pub struct Field {
    pub name: Ident,
    /// `None` while the type has not been typed yet.
    pub r#type: Option<FieldType>,
    pub attributes: Vec<Attribute>,
    pub doc: Option<String>,
    pub span: Span,
}

impl Field {
    /// The name given in `@relation("name")` or `@relation(name: "name")`.
    pub fn relation_name(&self) -> Option<&str> {
        self.attribute("relation")?
            .argument("name", Some(0))?
            .value
            .as_ref()?
            .as_str()
    }

    pub fn attribute(&self, name: &str) -> Option<&Attribute> {
        self.attributes.iter().find(|a| a.name.text == name)
    }

    /// Where the field's declaration ends: after its last attribute, else its type, else its
    /// name (a trailing comment is not part of it).
    pub fn declaration_end(&self) -> u32 {
        self.attributes
            .iter()
            .map(|a| a.span.end)
            .chain(self.r#type.as_ref().map(|t| t.span.end))
            .max()
            .unwrap_or(self.name.span.end)
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

#[derive(Clone, Debug, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct EnumValue {
    pub name: Ident,
    pub attributes: Vec<Attribute>,
    pub doc: Option<String>,
    pub span: Span,
}

/// `key = value` in a datasource or generator.
#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    pub key: Ident,
    pub value: Option<Expression>,
    pub span: Span,
}

/// `@name(args)` on a field or enum value, or `@@name(args)` on a block.
#[derive(Clone, Debug, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub struct Argument {
    pub name: Option<Ident>,
    pub value: Option<Expression>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StringLiteral {
    /// The value with escapes resolved.
    pub value: String,
    pub span: Span,
    pub terminated: bool,
}

#[derive(Clone, Debug, PartialEq)]
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
    /// The field names of a field list, sort and length options dropped:
    /// `[a, b(sort: Desc)]` → `a`, `b`.
    pub fn field_names(&self) -> impl Iterator<Item = &str> {
        self.as_list().iter().filter_map(|item| match item {
            Expression::Constant(ident) => Some(ident.text.as_str()),
            Expression::Function { name, .. } => Some(name.text.as_str()),
            _ => None,
        })
    }

    /// The plain names of a list (`[a, b]`); `None` when it names none.
    pub fn listed_names(&self) -> Option<Vec<&str>> {
        let names: Vec<&str> = self
            .as_list()
            .iter()
            .filter_map(|item| match item {
                Expression::Constant(ident) => Some(ident.text.as_str()),
                _ => None,
            })
            .collect();
        (!names.is_empty()).then_some(names)
    }

    pub fn as_list(&self) -> &[Expression] {
        match self {
            Expression::Array { items, .. } => items,
            single => std::slice::from_ref(single),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ObjectEntry {
    pub key: Ident,
    pub value: Expression,
    pub span: Span,
}

/// A number that identifies one lowering of a block. Models compare equal whatever their
/// revisions: a revision says how a block was obtained, not what it is.
#[derive(Clone, Copy, Debug)]
pub struct Revision(u64);

impl Revision {
    /// A revision never handed out before (in this process).
    pub fn next() -> Self {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Revision(NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed))
    }

    pub fn get(self) -> u64 {
        self.0
    }
}

impl PartialEq for Revision {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Every span inside an item, for moving items when text before them changes (see
/// `FileModel::update`) and for renumbering files.
pub trait VisitSpans {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F);
}

impl VisitSpans for Span {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        f(self);
    }
}

impl VisitSpans for Ident {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        f(&mut self.span);
    }
}

impl<T: VisitSpans> VisitSpans for Vec<T> {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.iter_mut().for_each(|item| item.visit_spans(f));
    }
}

impl<T: VisitSpans> VisitSpans for Option<T> {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        if let Some(item) = self {
            item.visit_spans(f);
        }
    }
}

impl VisitSpans for Block {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.name.visit_spans(f);
        f(&mut self.span);
        f(&mut self.body);
        self.fields.visit_spans(f);
        self.enum_values.visit_spans(f);
        self.properties.visit_spans(f);
        self.attributes.visit_spans(f);
    }
}

impl VisitSpans for Field {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.name.visit_spans(f);
        self.r#type.visit_spans(f);
        self.attributes.visit_spans(f);
        f(&mut self.span);
    }
}

impl VisitSpans for FieldType {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.name.visit_spans(f);
        self.unsupported.visit_spans(f);
        self.modifiers.iter_mut().for_each(|(_, span)| f(span));
        f(&mut self.span);
    }
}

impl VisitSpans for EnumValue {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.name.visit_spans(f);
        self.attributes.visit_spans(f);
        f(&mut self.span);
    }
}

impl VisitSpans for Property {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.key.visit_spans(f);
        self.value.visit_spans(f);
        f(&mut self.span);
    }
}

impl VisitSpans for Attribute {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.name.visit_spans(f);
        self.arguments.visit_spans(f);
        f(&mut self.span);
    }
}

impl VisitSpans for ArgumentList {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.items.visit_spans(f);
        f(&mut self.span);
        self.trailing_comma.visit_spans(f);
    }
}

impl VisitSpans for Argument {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.name.visit_spans(f);
        self.value.visit_spans(f);
        f(&mut self.span);
    }
}

impl VisitSpans for StringLiteral {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        f(&mut self.span);
    }
}

impl VisitSpans for ObjectEntry {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        self.key.visit_spans(f);
        self.value.visit_spans(f);
        f(&mut self.span);
    }
}

impl VisitSpans for Expression {
    fn visit_spans<F: FnMut(&mut Span)>(&mut self, f: &mut F) {
        match self {
            Expression::String(literal) => literal.visit_spans(f),
            Expression::Constant(ident) => ident.visit_spans(f),
            Expression::Number { span, .. } | Expression::Boolean { span, .. } => f(span),
            Expression::Function {
                name,
                arguments,
                span,
            } => {
                name.visit_spans(f);
                arguments.visit_spans(f);
                f(span);
            }
            Expression::Array { items, span, .. } => {
                items.visit_spans(f);
                f(span);
            }
            Expression::Object { entries, span } => {
                entries.visit_spans(f);
                f(span);
            }
        }
    }
}

impl Block {
    /// Moves the block (and its syntax errors) by `delta` bytes.
    pub(crate) fn shift(&mut self, delta: i64) {
        if delta == 0 {
            return;
        }
        let moved = |offset: u32| u32::try_from(i64::from(offset) + delta).unwrap_or(0);
        self.visit_spans(&mut |span| {
            span.start = moved(span.start);
            span.end = moved(span.end);
        });
        self.leading = moved(self.leading);
        for error in &mut self.syntax_errors {
            error.shift(delta);
        }
    }

    /// Stamps every span with the file the block now belongs to.
    pub(crate) fn set_file(&mut self, file: FileId) {
        self.visit_spans(&mut |span| span.file = file);
    }
}
