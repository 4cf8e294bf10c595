//! Name checks: unknown types, duplicate declarations, fields, values, properties and
//! attributes.

use super::{Applicability, Diagnostic, Fix, TextEdit, codes};
use crate::model::{Attribute, Block, BlockKind, Schema, Span};
use rustc_hash::FxHashMap as HashMap;

/// Prisma's scalar types.
pub const SCALAR_TYPES: &[&str] = &[
    "String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes",
];

/// Block attributes that may appear more than once on a block.
const REPEATABLE_BLOCK_ATTRIBUTES: &[&str] = &["index", "unique", "fulltext"];

/// Name checks that depend on the block alone: duplicate members and attributes, invalid and
/// reserved names.
pub(super) fn check_block(block: &Block, out: &mut Vec<Diagnostic>) {
    duplicate_members(block, out);
    identifiers(block, out);
    for field in &block.fields {
        check_attribute_list(
            &field.attributes,
            &|| format!("field `{}`", field.name.text),
            out,
        );
    }
    for value in &block.enum_values {
        check_attribute_list(
            &value.attributes,
            &|| format!("value `{}`", value.name.text),
            out,
        );
    }
    let owner = || format!("{} `{}`", block.kind.describe(), block.name.text);
    check_attribute_list(&block.attributes, &owner, out);
}

/// Names Prisma Client cannot give to a model, view or enum: its own entry point and the
/// JavaScript reserved words (the client generates a type per model and enum).
pub(crate) const RESERVED_CLIENT_NAMES: &[&str] = &[
    "PrismaClient",
    "break",
    "case",
    "catch",
    "class",
    "const",
    "continue",
    "debugger",
    "default",
    "delete",
    "do",
    "else",
    "enum",
    "export",
    "extends",
    "false",
    "finally",
    "for",
    "function",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "interface",
    "let",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "super",
    "switch",
    "this",
    "throw",
    "true",
    "try",
    "typeof",
    "var",
    "void",
    "while",
    "with",
    "yield",
];

/// Names that Prisma rejects wherever they are declared: a block named like a scalar type or
/// a Prisma Client reserved word, names that start with `_`, and names of models, views,
/// enums, composite types, model and view fields and enum values that start with a digit or
/// contain `-`; an enum without values.
fn identifiers(block: &Block, out: &mut Vec<Diagnostic>) {
    let name = &block.name;
    if name.is_missing() {
        return;
    }
    if SCALAR_TYPES.contains(&name.text.as_str()) {
        out.push(Diagnostic::error(
            codes::NAME_RESERVED,
            name.span,
            format!(
                "`{}` is a built-in scalar type: {} cannot take its name",
                name.text,
                with_article(block.kind.describe())
            ),
        ));
    } else if matches!(
        block.kind,
        BlockKind::Model | BlockKind::View | BlockKind::Enum
    ) && RESERVED_CLIENT_NAMES.contains(&name.text.as_str())
    {
        out.push(Diagnostic::error(
            codes::NAME_RESERVED,
            name.span,
            format!(
                "`{}` is reserved by Prisma Client and cannot name {}: choose another name (`@@map` keeps the database name)",
                name.text,
                with_article(block.kind.describe())
            ),
        ));
    }
    match block.kind {
        BlockKind::Model | BlockKind::View => {
            identifier(name, block.kind.describe(), true, out);
            for field in &block.fields {
                identifier(&field.name, "field", true, out);
            }
        }
        BlockKind::CompositeType => {
            identifier(name, block.kind.describe(), true, out);
            for field in &block.fields {
                identifier(&field.name, "field", false, out);
            }
        }
        BlockKind::Enum => {
            identifier(name, block.kind.describe(), true, out);
            // A value Prisma cannot read (see `identifier`) does not count.
            let readable = block
                .enum_values
                .iter()
                .any(|v| !v.name.text.starts_with('_'));
            if !readable && block.closed {
                out.push(Diagnostic::error(
                    codes::ENUM_EMPTY,
                    name.span,
                    format!("enum `{}` has no values: declare at least one", name.text),
                ));
            }
            for value in &block.enum_values {
                identifier(&value.name, "enum value", true, out);
            }
        }
        BlockKind::Datasource | BlockKind::Generator => {
            identifier(name, block.kind.describe(), false, out);
        }
    }
}

fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// A name must not start with `_` (Prisma's grammar has no such identifiers) and, where
/// `strict`, neither with a digit nor contain `-`.
fn identifier(name: &crate::model::Ident, what: &str, strict: bool, out: &mut Vec<Diagnostic>) {
    let Some(first) = name.text.chars().next() else {
        return;
    };
    let problem = if first == '_' {
        "must start with a letter, not `_`"
    } else if !strict {
        return;
    } else if first.is_numeric() {
        "must not start with a digit"
    } else if name.text.contains('-') {
        "must not contain `-`"
    } else {
        return;
    };
    out.push(Diagnostic::error(
        codes::NAME_INVALID,
        name.span,
        format!("the {what} name `{}` {problem}", name.text),
    ));
}

/// Field types that name nothing declared (depends on the schema's type names).
pub(super) fn check_type_references(
    schema: &Schema,
    block: &Block,
    composite_types: bool,
    out: &mut Vec<Diagnostic>,
) {
    if block.kind.has_fields() {
        unknown_types(schema, block, composite_types, out);
    }
}

/// Checks across blocks: duplicate declarations.
pub(super) fn check_schema(schema: &Schema, out: &mut Vec<Diagnostic>) {
    duplicate_declarations(schema, out);
}

fn duplicate_declarations(schema: &Schema, out: &mut Vec<Diagnostic>) {
    // Type names (models, views, composite types, enums) share one namespace; datasources
    // and generators each have their own (Prisma accepts `datasource db` with `generator db`).
    let mut seen: HashMap<(BlockKind, &str), &Block> = HashMap::default();
    for block in schema.blocks() {
        if block.name.is_missing() {
            continue;
        }
        let namespace = if block.kind.is_type() {
            BlockKind::Model
        } else {
            block.kind
        };
        let key = (namespace, block.name.text.as_str());
        match seen.get(&key) {
            None => {
                seen.insert(key, block);
            }
            Some(first) => {
                let place = location(schema, first.name.span, block.name.span);
                out.push(
                    Diagnostic::error(
                        codes::NAME_DUPLICATE_DECLARATION,
                        block.name.span,
                        format!(
                            "`{}` is already declared as a {} ({place}): each {} needs its own name",
                            block.name.text,
                            first.kind.describe(),
                            if block.kind.is_type() {
                                "model, view, enum and composite type"
                            } else {
                                block.kind.describe()
                            },
                        ),
                    )
                    .with_related(first.name.span, format!("`{}` is first declared here", block.name.text)),
                );
            }
        }
    }
}

fn duplicate_members(block: &Block, out: &mut Vec<Diagnostic>) {
    let members = block
        .fields
        .iter()
        .map(|f| (&f.name, codes::NAME_DUPLICATE_FIELD, "field"))
        .chain(
            block
                .enum_values
                .iter()
                .map(|v| (&v.name, codes::NAME_DUPLICATE_ENUM_VALUE, "value")),
        )
        .chain(
            block
                .properties
                .iter()
                .map(|p| (&p.key, codes::NAME_DUPLICATE_PROPERTY, "property")),
        );
    let mut seen = FirstSeen::default();
    for (name, code, what) in members {
        if name.is_missing() {
            continue;
        }
        if let Some(first) = seen.first_or_insert(&name.text, name.span) {
            out.push(
                Diagnostic::error(
                    code,
                    name.span,
                    format!(
                        "{} `{}` already has a {what} named `{}`",
                        block.kind.describe(),
                        block.name.text,
                        name.text
                    ),
                )
                .with_related(first, format!("`{}` is first defined here", name.text)),
            );
        }
    }
}

/// Where each name was first seen. Blocks and attribute lists are short, so a list beats a
/// hash map here; it switches to one for the rare long block.
#[derive(Default)]
struct FirstSeen<'a> {
    list: Vec<(&'a str, Span)>,
    map: HashMap<&'a str, Span>,
}

impl<'a> FirstSeen<'a> {
    /// The span `name` was first seen at, or `None` (and remember it) the first time.
    fn first_or_insert(&mut self, name: &'a str, span: Span) -> Option<Span> {
        const LIST_LIMIT: usize = 32;
        if self.list.len() < LIST_LIMIT {
            if let Some(&(_, first)) = self.list.iter().find(|(seen, _)| *seen == name) {
                return Some(first);
            }
            self.list.push((name, span));
            if self.list.len() == LIST_LIMIT {
                self.map.extend(self.list.iter().copied());
            }
            return None;
        }
        match self.map.get(name) {
            Some(&first) => Some(first),
            None => {
                self.map.insert(name, span);
                None
            }
        }
    }
}

fn check_attribute_list(
    attributes: &[Attribute],
    owner: &dyn Fn() -> String,
    out: &mut Vec<Diagnostic>,
) {
    if attributes.len() < 2 {
        return;
    }
    let mut seen = FirstSeen::default();
    let mut reported_first: Vec<Span> = Vec::new();
    for attribute in attributes {
        let name = attribute.name.text.as_str();
        if name.is_empty() || (attribute.is_block && REPEATABLE_BLOCK_ATTRIBUTES.contains(&name)) {
            continue;
        }
        let marker = if attribute.is_block { "@@" } else { "@" };
        if let Some(first) = seen.first_or_insert(name, attribute.span) {
            // Every occurrence is wrong (Prisma reports each one): the first gets its own
            // diagnostic when the second is found.
            if !reported_first.contains(&first) {
                reported_first.push(first);
                out.push(
                    Diagnostic::error(
                        codes::ATTRIBUTE_DUPLICATE,
                        first,
                        format!(
                            "`{marker}{name}` is given more than once on {}: it may appear only once",
                            owner()
                        ),
                    )
                    .with_related(attribute.span, "given again here"),
                );
            }
            out.push(
                Diagnostic::error(
                    codes::ATTRIBUTE_DUPLICATE,
                    attribute.span,
                    format!(
                        "`{marker}{name}` is given twice on {}: it may appear only once",
                        owner()
                    ),
                )
                .with_related(first, "first given here"),
            );
        }
    }
}

fn unknown_types(schema: &Schema, block: &Block, composite_types: bool, out: &mut Vec<Diagnostic>) {
    for field in &block.fields {
        let Some(field_type) = &field.r#type else {
            continue;
        };
        let name = field_type.name.text.as_str();
        if name.is_empty()
            || SCALAR_TYPES.contains(&name)
            || (name == "Unsupported" && field_type.unsupported.is_some())
            || schema.find_type(name).is_some()
        {
            continue;
        }
        let mut diagnostic = Diagnostic::error(
            codes::NAME_UNKNOWN_TYPE,
            field_type.name.span,
            format!(
                "unknown type `{name}` for field `{}`: it is not a scalar type and no model, view, enum or composite type has this name",
                field.name.text
            ),
        );
        let candidates = SCALAR_TYPES.iter().copied().chain(
            schema
                .blocks()
                .filter(|b| b.kind.is_type())
                .map(|b| b.name.text.as_str()),
        );
        if let Some(suggestion) = closest_name(name, candidates) {
            diagnostic
                .message
                .push_str(&format!("; did you mean `{suggestion}`?"));
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Change the type to `{suggestion}`"),
                edits: vec![TextEdit {
                    span: field_type.name.span,
                    new_text: suggestion.to_string(),
                }],
                applicability: Applicability::Unsafe,
            });
        }
        // A misspelt scalar type (`Strng`) or `Unsupported` without its argument names no
        // block to create.
        let misspelt_scalar = closest_name(name, SCALAR_TYPES.iter().copied()).is_some();
        if !misspelt_scalar && name != "Unsupported" {
            for fix in create_missing_block(schema, block, name, composite_types) {
                diagnostic = diagnostic.with_fix(fix);
            }
        }
        out.push(diagnostic);
    }
}

/// Fixes that declare the unknown type `name` as an empty model, enum or (where the provider
/// has them) composite type, right after the block that refers to it, as Prisma does. The
/// insertion is anchored to that block, so it stays right when the diagnostic is cached with
/// the block and moved with it. A composite type cannot refer to a model: no model then.
fn create_missing_block(
    schema: &Schema,
    block: &Block,
    name: &str,
    composite_types: bool,
) -> Vec<Fix> {
    let is_identifier = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    let text = &schema.file(block.file()).text;
    let end = block.span.end as usize;
    if !is_identifier || !block.closed || text.get(end.wrapping_sub(1)..end) != Some("}") {
        return Vec::new();
    }
    let newline = if text.get(end..).is_some_and(|rest| rest.starts_with("\r\n")) {
        "\r\n"
    } else {
        "\n"
    };
    let mut kinds = Vec::new();
    if block.kind != BlockKind::CompositeType {
        kinds.push(("model", "model"));
    }
    kinds.push(("enum", "enum"));
    if composite_types {
        kinds.push(("type", "composite type"));
    }
    kinds
        .into_iter()
        .map(|(keyword, described)| Fix {
            title: format!("Create {described} `{name}`"),
            edits: vec![TextEdit {
                span: Span::new(block.file(), end..end),
                new_text: format!("{newline}{newline}{keyword} {name} {{{newline}}}"),
            }],
            applicability: Applicability::Unsafe,
        })
        .collect()
}

/// The candidate closest to `name` by case-insensitive edit distance, if close enough to be
/// a likely typo.
pub fn closest_name<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .filter(|c| !c.is_empty())
        .map(|c| (edit_distance(&lower, &c.to_lowercase()), c))
        .filter(|&(distance, _)| distance <= limit)
        .min_by_key(|&(distance, candidate)| (distance, candidate.len()))
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// `line N` (same file) or `file:N` (another file of the schema), for messages that mention
/// another place than the one they point at.
fn location(schema: &Schema, span: Span, from: Span) -> String {
    let file = schema.file(span.file);
    let line = file.line_index.line_of(span.start as usize) + 1;
    if span.file == from.file {
        format!("line {line}")
    } else {
        format!("{}:{line}", file.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["User", "Post", "String"];
        assert_eq!(closest_name("Usr", names.iter().copied()), Some("User"));
        assert_eq!(
            closest_name("string", names.iter().copied()),
            Some("String")
        );
        assert_eq!(closest_name("Banana", names.iter().copied()), None);
    }
}
