//! Field and block attributes other than indexes and relations: which attributes exist where,
//! their arguments, `@default` (functions and literal values per type and provider),
//! `@updatedAt`, `@ignore`/`@@ignore`, `@map` on relation fields and MongoDB field names,
//! `@relation` on scalar fields.
//!
//! Prisma checks attributes in two rounds: first each attribute on its own (known attribute,
//! arguments, value kinds), then, only for a schema that passed the first round, what depends
//! on the provider (named defaults, `autoincrement()` and `auto()` restrictions, literals that
//! must parse, relations to ignored models). This module reports the first round as reading
//! findings and the second as validation findings (see `analysis::Findings`).

mod arguments;
mod default;
mod literals;

use super::{Applicability, Context, Diagnostic, Fix, TextEdit, codes};
use crate::catalog::{self, AttributeTarget};
use crate::model::{Arity, Attribute, Block, BlockKind, Field, Schema, Span};

/// The attributes of one block. What they read beyond the block (enum values, composite
/// types, which models are `@@ignore`d) is part of the key of the per-block cache (see
/// `analysis::declaration_fingerprints`).
pub(super) fn check_block(
    schema: &Schema,
    context: &Context,
    block: &Block,
    findings: &mut super::Findings,
) {
    let cx = Cx { schema, context };
    let mut out = Out {
        now: &mut findings.reading,
        late: &mut findings.validation,
    };
    match block.kind {
        BlockKind::Model | BlockKind::View => check_model(&cx, block, &mut out),
        BlockKind::CompositeType => check_composite_type(&cx, block, &mut out),
        BlockKind::Enum => check_enum(block, out.now),
        BlockKind::Datasource | BlockKind::Generator => {}
    }
}

/// Where findings go: `now` (reading) for the checks of each attribute on its own, `late`
/// (validation) for the checks Prisma makes only once the schema reads (provider
/// capabilities, literals that must parse).
struct Out<'a> {
    now: &'a mut Vec<Diagnostic>,
    late: &'a mut Vec<Diagnostic>,
}

impl Out<'_> {
    fn now(&mut self, diagnostic: Diagnostic) {
        self.now.push(diagnostic);
    }

    fn late(&mut self, diagnostic: Diagnostic) {
        self.late.push(diagnostic);
    }
}

/// What every check reads.
struct Cx<'s> {
    schema: &'s Schema,
    context: &'s Context,
}

/// Prisma's built-in scalar types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scalar {
    String,
    Boolean,
    Int,
    BigInt,
    Float,
    Decimal,
    DateTime,
    Json,
    Bytes,
}

impl Scalar {
    fn from_name(name: &str) -> Option<Scalar> {
        Some(match name {
            "String" => Scalar::String,
            "Boolean" => Scalar::Boolean,
            "Int" => Scalar::Int,
            "BigInt" => Scalar::BigInt,
            "Float" => Scalar::Float,
            "Decimal" => Scalar::Decimal,
            "DateTime" => Scalar::DateTime,
            "Json" => Scalar::Json,
            "Bytes" => Scalar::Bytes,
            _ => return None,
        })
    }

    fn name(self) -> &'static str {
        match self {
            Scalar::String => "String",
            Scalar::Boolean => "Boolean",
            Scalar::Int => "Int",
            Scalar::BigInt => "BigInt",
            Scalar::Float => "Float",
            Scalar::Decimal => "Decimal",
            Scalar::DateTime => "DateTime",
            Scalar::Json => "Json",
            Scalar::Bytes => "Bytes",
        }
    }
}

/// What a field's type resolves to.
#[derive(Clone, Copy)]
enum FieldKind<'s> {
    Scalar(Scalar),
    Enum(&'s Block),
    Composite(&'s Block),
    /// A model or view: a relation field.
    Relation(&'s Block),
    Unsupported,
}

/// The field's type, or `None` when it is missing or names nothing (reported elsewhere; Prisma
/// then does not look at the field's attributes).
fn field_kind<'s>(schema: &'s Schema, field: &Field) -> Option<FieldKind<'s>> {
    let field_type = field.r#type.as_ref()?;
    let name = field_type.name.text.as_str();
    if let Some(scalar) = Scalar::from_name(name) {
        return Some(FieldKind::Scalar(scalar));
    }
    if name == "Unsupported" && field_type.unsupported.is_some() {
        return Some(FieldKind::Unsupported);
    }
    let block = schema.find_type(name)?;
    Some(match block.kind {
        BlockKind::Enum => FieldKind::Enum(block),
        BlockKind::CompositeType => FieldKind::Composite(block),
        BlockKind::Model | BlockKind::View => FieldKind::Relation(block),
        BlockKind::Datasource | BlockKind::Generator => return None,
    })
}

fn arity(field: &Field) -> Arity {
    field.r#type.as_ref().map_or(Arity::Required, |t| t.arity())
}

/// Whether the attribute is the only one of its name in the list (a repeated one is reported
/// as a duplicate, and Prisma then does not look into it).
fn is_single(attributes: &[Attribute], attribute: &Attribute) -> bool {
    attributes
        .iter()
        .filter(|a| a.name.text == attribute.name.text)
        .nth(1)
        .is_none()
}

/// A native type attribute (`@db.VarChar`), checked by the native types module.
fn is_native_type(attribute: &Attribute) -> bool {
    attribute.name.text.contains('.')
}

/// Whether the block is `@@ignore`d.
fn is_ignored(block: &Block) -> bool {
    block.attributes_named("ignore").next().is_some()
}

fn check_model(cx: &Cx, block: &Block, out: &mut Out) {
    let model_ignored = is_ignored(block);
    for field in &block.fields {
        let Some(kind) = field_kind(cx.schema, field) else {
            continue;
        };
        check_model_field(cx, block, field, kind, model_ignored, out);
    }
    for attribute in &block.attributes {
        if attribute.name.is_missing() || is_native_type(attribute) {
            continue;
        }
        match catalog::find_attribute(&attribute.name.text, AttributeTarget::Block) {
            None => out.now(unknown_attribute(attribute, AttributeTarget::Block)),
            Some(spec) => {
                let repeatable = matches!(spec.name, "index" | "unique" | "fulltext");
                if repeatable || is_single(&block.attributes, attribute) {
                    arguments::check(attribute, spec, out.now);
                }
            }
        }
    }
    default::check_autoincrement(cx, block, out);
}

fn check_model_field(
    cx: &Cx,
    block: &Block,
    field: &Field,
    kind: FieldKind,
    model_ignored: bool,
    out: &mut Out,
) {
    for attribute in &field.attributes {
        if attribute.name.is_missing() || is_native_type(attribute) {
            continue;
        }
        let name = attribute.name.text.as_str();
        let spec = catalog::find_attribute(name, AttributeTarget::Field);
        let known = match kind {
            // Prisma looks only for these on relation fields.
            FieldKind::Relation(_) => {
                matches!(
                    name,
                    "relation" | "id" | "ignore" | "default" | "map" | "unique"
                )
            }
            _ => spec.is_some(),
        };
        let Some(spec) = spec.filter(|_| known) else {
            if spec.is_some() {
                out.now(Diagnostic::error(
                    codes::ATTRIBUTE_UNKNOWN,
                    attribute.span,
                    format!(
                        "`@{name}` cannot be used on relation field `{}`",
                        field.name.text
                    ),
                ));
            } else {
                out.now(unknown_attribute(attribute, AttributeTarget::Field));
            }
            continue;
        };
        if !is_single(&field.attributes, attribute) {
            continue;
        }
        if let FieldKind::Relation(_) = kind {
            match name {
                "default" => out.now(Diagnostic::error(
                    codes::DEFAULT_NOT_ALLOWED,
                    attribute.span,
                    format!(
                        "`{}` is a relation field and cannot have a `@default`: set defaults on the scalar fields that hold the foreign key",
                        field.name.text
                    ),
                )),
                "map" => {
                    out.now(Diagnostic::error(
                        codes::ATTRIBUTE_MISPLACED,
                        attribute.span,
                        format!(
                            "`@map` cannot be used on relation field `{}`: a relation field has no column of its own (map the scalar fields of `@relation(fields: …)` instead)",
                            field.name.text
                        ),
                    ));
                    arguments::check_missing_default(attribute, spec, out.now);
                }
                // `@id`/`@unique` on a relation field are reported with the indexes.
                "id" | "unique" => {}
                _ => {
                    arguments::check(attribute, spec, out.now);
                }
            }
            continue;
        }
        if name == "relation" {
            // Prisma does not look into the arguments of a misplaced `@relation`.
            out.now(Diagnostic::error(
                codes::ATTRIBUTE_MISPLACED,
                attribute.span,
                format!(
                    "`@relation` belongs on relation fields, and `{}` is a scalar field (its type is not a model)",
                    field.name.text
                ),
            ));
            continue;
        }
        if !arguments::check(attribute, spec, out.now) {
            continue;
        }
        match name {
            "default" => default::check_model_field(cx, block, field, kind, attribute, out),
            "updatedAt" => check_updated_at(field, kind, attribute, out),
            "ignore" => {
                if let FieldKind::Unsupported = kind {
                    out.now(
                        Diagnostic::error(
                            codes::ATTRIBUTE_IGNORE,
                            attribute.span,
                            format!(
                                "`{}` has an `Unsupported` type and is left out of Prisma Client already: remove `@ignore`",
                                field.name.text
                            ),
                        )
                        .with_fix(removal(cx, attribute.span, "Remove `@ignore`")),
                    );
                } else if model_ignored {
                    out.now(
                        Diagnostic::error(
                            codes::ATTRIBUTE_IGNORE,
                            field.span,
                            format!(
                                "`{}` is in {} `{}`, which is ignored as a whole: remove the field's `@ignore`",
                                field.name.text,
                                block.kind.describe(),
                                block.name.text
                            ),
                        )
                        .with_fix(removal(cx, attribute.span, "Remove `@ignore`")),
                    );
                }
            }
            _ => {}
        }
    }
    if let FieldKind::Relation(target) = kind
        && !model_ignored
        && is_ignored(target)
        && field.attribute("ignore").is_none()
    {
        let end = field.declaration_end();
        out.late(
            Diagnostic::error(
                codes::ATTRIBUTE_IGNORE,
                field.span,
                format!(
                    "relation field `{}` points to {} `{}`, which is `@@ignore`d: add `@ignore` to the field too",
                    field.name.text,
                    target.kind.describe(),
                    target.name.text
                ),
            )
            .with_fix(Fix {
                title: "Add `@ignore`".into(),
                edits: vec![TextEdit {
                    span: Span {
                        start: end,
                        ..field.span
                    },
                    new_text: " @ignore".into(),
                }],
                applicability: Applicability::Safe,
            }),
        );
    }
}

fn check_updated_at(field: &Field, kind: FieldKind, attribute: &Attribute, out: &mut Out) {
    if !matches!(kind, FieldKind::Scalar(Scalar::DateTime)) {
        out.now(Diagnostic::error(
            codes::ATTRIBUTE_UPDATED_AT,
            attribute.span,
            format!(
                "`@updatedAt` needs a `DateTime` field, but `{}` is of type `{}`",
                field.name.text,
                field.r#type.as_ref().map_or("", |t| t.name.text.as_str())
            ),
        ));
    }
    if arity(field) == Arity::List {
        out.now(Diagnostic::error(
            codes::ATTRIBUTE_UPDATED_AT,
            attribute.span,
            format!(
                "`@updatedAt` cannot be used on the list field `{}`: it sets a single timestamp",
                field.name.text
            ),
        ));
    }
}

fn check_composite_type(cx: &Cx, block: &Block, out: &mut Out) {
    for field in &block.fields {
        let Some(kind) = field_kind(cx.schema, field) else {
            continue;
        };
        for attribute in &field.attributes {
            if attribute.name.is_missing() || is_native_type(attribute) {
                continue;
            }
            let name = attribute.name.text.as_str();
            let spec = catalog::COMPOSITE_TYPE_FIELD_ATTRIBUTES
                .contains(&name)
                .then(|| catalog::find_attribute(name, AttributeTarget::Field))
                .flatten();
            let Some(spec) = spec else {
                out.now(unknown_in_composite_type(attribute));
                continue;
            };
            if !is_single(&field.attributes, attribute)
                || !arguments::check(attribute, spec, out.now)
            {
                continue;
            }
            if name == "default" {
                default::check_composite_field(field, kind, attribute, out);
            }
        }
    }
}

fn check_enum(block: &Block, out: &mut Vec<Diagnostic>) {
    for value in &block.enum_values {
        for attribute in &value.attributes {
            if attribute.name.is_missing() || is_native_type(attribute) {
                continue;
            }
            match catalog::find_attribute(&attribute.name.text, AttributeTarget::EnumValue) {
                None => out.push(unknown_attribute(attribute, AttributeTarget::EnumValue)),
                Some(spec) => {
                    if is_single(&value.attributes, attribute) {
                        arguments::check(attribute, spec, out);
                    }
                }
            }
        }
    }
    for attribute in &block.attributes {
        if attribute.name.is_missing() || is_native_type(attribute) {
            continue;
        }
        match catalog::find_attribute(&attribute.name.text, AttributeTarget::Enum) {
            None => out.push(unknown_attribute(attribute, AttributeTarget::Enum)),
            Some(spec) => {
                if is_single(&block.attributes, attribute) {
                    arguments::check(attribute, spec, out);
                }
            }
        }
    }
}

fn unknown_attribute(attribute: &Attribute, target: AttributeTarget) -> Diagnostic {
    let marker = if attribute.is_block { "@@" } else { "@" };
    let on = match target {
        AttributeTarget::Field => "a field",
        AttributeTarget::Block => "a model or view",
        AttributeTarget::EnumValue => "an enum value",
        AttributeTarget::Enum => "an enum",
    };
    let mut message = format!(
        "`{marker}{}` is not an attribute Prisma knows on {on}",
        attribute.name.text
    );
    let candidates = catalog::ATTRIBUTES
        .iter()
        .filter(|spec| spec.applies_to(target))
        .map(|spec| spec.name);
    let suggestion = super::closest_name(&attribute.name.text, candidates);
    if let Some(suggestion) = suggestion {
        message.push_str(&format!("; did you mean `{marker}{suggestion}`?"));
    }
    let diagnostic = Diagnostic::error(codes::ATTRIBUTE_UNKNOWN, attribute.span, message);
    match suggestion {
        Some(suggestion) => diagnostic.with_fix(replacement(
            attribute.name.span,
            suggestion,
            format!("Change to `{marker}{suggestion}`"),
        )),
        None => diagnostic,
    }
}

/// A guessed replacement of `span` by `text` ("did you mean").
fn replacement(span: Span, text: &str, title: String) -> Fix {
    Fix {
        title,
        edits: vec![TextEdit {
            span,
            new_text: text.to_string(),
        }],
        applicability: Applicability::Unsafe,
    }
}

/// A fix that removes `span` with the spaces before it.
fn removal(cx: &Cx, span: Span, title: &str) -> Fix {
    let text = &cx.schema.file(span.file).text;
    let before = text.get(..span.start as usize).unwrap_or_default();
    let start = before.trim_end_matches([' ', '\t']).len();
    Fix {
        title: title.to_string(),
        edits: vec![TextEdit {
            span: Span {
                start: u32::try_from(start).unwrap_or(span.start),
                ..span
            },
            new_text: String::new(),
        }],
        applicability: Applicability::Safe,
    }
}

/// An attribute other than `@map`, `@default` and native types on a composite type field.
fn unknown_in_composite_type(attribute: &Attribute) -> Diagnostic {
    Diagnostic::error(
        codes::ATTRIBUTE_UNKNOWN,
        attribute.span,
        format!(
            "`@{}` cannot be used in a composite type: its fields take only `@map`, `@default` and native types",
            attribute.name.text
        ),
    )
}
