//! Native database types (`@db.*`): known per provider, compatible with the field's scalar
//! type, argument counts and ranges, and where a type may not be used (keys, indexes).
//!
//! A native type attribute is any field attribute whose name holds a dot: `@db.VarChar(255)`.
//! The part before the dot must be the datasource's name, the part after it one of the
//! provider's native types (`catalog::native_types`). The checks follow the order in which
//! Prisma reports them: prefix, name, argument count, scalar type, argument values, ranges.
//! Only the first problem of an attribute is reported (the prefix excepted).

use super::{Context, Diagnostic, Fix, SCALAR_TYPES, closest_name, codes};
use crate::analysis::{Applicability, TextEdit};
use crate::catalog::{NativeType, Provider, find_native_type, native_types};
use crate::model::{Attribute, Block, BlockKind, Expression, Field, Schema, Span};
use rustc_hash::FxHashMap;

/// The native types of one block (they depend on the block, the provider, the datasource's
/// name and the kinds of the declared types only, so the result is cached per block).
/// Reading: a native type on a field that cannot take one, or two on one field. Validation:
/// everything else (Prisma validates native types with the rest of the schema).
pub(super) fn check_block(
    schema: &Schema,
    context: &Context,
    block: &Block,
    findings: &mut super::Findings,
) {
    if !block.kind.has_fields() {
        return;
    }
    let mut structure_errors = false;
    for field in &block.fields {
        structure_errors |= check_structure(schema, block, field, &mut findings.reading);
    }
    if structure_errors {
        return;
    }
    let out = &mut findings.validation;
    // A datasource with an unknown or missing provider is reported by the configuration
    // checks; native types cannot be judged without a provider.
    let target = match (&context.datasource_name, context.provider) {
        (None, _) => Target::NoDatasource,
        (Some(name), Some(provider)) => Target::Provider {
            provider,
            datasource: name.as_str(),
        },
        (Some(_), None) => return,
    };
    let mut restricted: FxHashMap<&str, Restricted> = FxHashMap::default();
    for field in &block.fields {
        if let Some(found) = check_field(schema, field, target, out) {
            restricted.insert(field.name.text.as_str(), found);
        }
        if let Target::Provider {
            provider,
            datasource,
        } = target
            && block.kind != BlockKind::CompositeType
        {
            unsupported_hint(field, provider, datasource, out);
        }
    }
    if let Target::Provider { provider, .. } = target
        && block.kind == BlockKind::Model
        && !restricted.is_empty()
    {
        check_keys(block, provider, &restricted, out);
    }
}

#[derive(Clone, Copy)]
enum Target<'a> {
    /// No datasource block: no native type is available.
    NoDatasource,
    Provider {
        provider: Provider,
        datasource: &'a str,
    },
}

/// The arguments of a native type, read as Prisma reads them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Args {
    None,
    One(u32),
    Max,
    Two(u32, u32),
}

/// A field whose native type may not be used (or only with `length:`) in keys and indexes.
struct Restricted {
    /// How the type is shown in messages, e.g. `Text`, `VarChar(Max)`.
    label: String,
    /// The native type attribute.
    span: Span,
}

/// The native type attributes of a field: every field attribute with a dot in its name.
fn scoped_attributes(field: &Field) -> impl Iterator<Item = &Attribute> {
    field
        .attributes
        .iter()
        .filter(|a| !a.is_block && a.name.text.contains('.') && !a.name.text.ends_with('.'))
}

/// Whether the field is of a built-in scalar type (the only fields that take native types).
fn scalar_type(field: &Field) -> Option<&str> {
    let field_type = field.r#type.as_ref()?;
    let name = field_type.name.text.as_str();
    (SCALAR_TYPES.contains(&name) && field_type.unsupported.is_none()).then_some(name)
}

/// Native type attributes on a field that cannot take one, and more than one native type on a
/// field. Returns whether it reported anything.
fn check_structure(
    schema: &Schema,
    block: &Block,
    field: &Field,
    out: &mut Vec<Diagnostic>,
) -> bool {
    let mut scoped = scoped_attributes(field);
    let Some(first) = scoped.next() else {
        return false;
    };
    let Some(field_type) = field.r#type.as_ref() else {
        return false;
    };
    let before = out.len();
    if scalar_type(field).is_none() {
        let type_name = field_type.name.text.as_str();
        // An unknown type is reported elsewhere.
        let what = if field_type.unsupported.is_some() || type_name == "Unsupported" {
            "an `Unsupported` type".to_string()
        } else {
            match schema.find_type(type_name).map(|b| b.kind) {
                Some(BlockKind::Enum) => format!("the enum `{type_name}`"),
                Some(BlockKind::CompositeType) => format!("the composite type `{type_name}`"),
                Some(BlockKind::Model | BlockKind::View) => {
                    format!("a relation to `{type_name}`")
                }
                _ => return false,
            }
        };
        for attribute in std::iter::once(first).chain(scoped) {
            out.push(Diagnostic::error(
                codes::NATIVE_TYPE_NOT_SCALAR,
                attribute.name.span,
                format!(
                    "native type attribute `@{}` on field `{}` of {} `{}`: native types apply only to fields of a built-in scalar type, and this field is of {what}",
                    attribute.name.text,
                    field.name.text,
                    block.kind.keyword(),
                    block.name.text,
                ),
            ));
        }
        return true;
    }
    let mut previous = first;
    for attribute in scoped {
        // The same name twice is reported by the general duplicate-attribute check.
        if attribute.name.text != previous.name.text {
            out.push(
                Diagnostic::error(
                    codes::NATIVE_TYPE_DUPLICATE,
                    attribute.span,
                    format!(
                        "field `{}` has more than one native type (`@{}` and `@{}`): a field maps to exactly one database type",
                        field.name.text, previous.name.text, attribute.name.text
                    ),
                )
                .with_related(previous.span, "the other native type"),
            );
        }
        previous = attribute;
    }
    out.len() > before
}

/// Checks the native type of one field (Prisma uses the last one when there are several);
/// returns what the key checks need to know when the type is restricted in keys.
fn check_field(
    schema: &Schema,
    field: &Field,
    target: Target,
    out: &mut Vec<Diagnostic>,
) -> Option<Restricted> {
    let chosen = scoped_attributes(field).last()?;
    let type_name = scalar_type(field)?;
    let Target::Provider {
        provider,
        datasource,
    } = target
    else {
        out.push(Diagnostic::error(
            codes::NATIVE_TYPE_UNKNOWN,
            chosen.span,
            format!(
                "native type `@{}` on field `{}` needs a datasource: without a `datasource` block there is no database and no native type",
                chosen.name.text, field.name.text
            ),
        ));
        return None;
    };
    check_attribute(schema, field, type_name, chosen, provider, datasource, out)
}

/// Checks a native type attribute; returns the type when it is one the provider keeps out of
/// keys (whatever else is wrong with it, as long as Prisma can read it).
fn check_attribute(
    schema: &Schema,
    field: &Field,
    scalar_type: &str,
    attribute: &Attribute,
    provider: Provider,
    datasource: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<Restricted> {
    report_attribute(
        schema,
        field,
        scalar_type,
        attribute,
        provider,
        datasource,
        out,
    );
    let (_, name) = attribute.name.text.split_once('.')?;
    let native = find_native_type(provider, name)?;
    let texts = attribute
        .arguments()
        .iter()
        .map(|a| a.value.as_ref().map(|v| argument_text(schema, v)))
        .collect::<Option<Vec<&str>>>()?;
    let args = read_leniently(native, &texts)?;
    restricted_in_keys(provider, name, args).then(|| Restricted {
        label: render(name, args),
        span: attribute.span,
    })
}

/// The checks of one native type attribute, in Prisma's order; the first problem found is
/// reported.
fn report_attribute(
    schema: &Schema,
    field: &Field,
    scalar_type: &str,
    attribute: &Attribute,
    provider: Provider,
    datasource: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some((prefix, name)) = attribute.name.text.split_once('.') else {
        return;
    };
    if prefix != datasource {
        let prefix_span = Span {
            end: (attribute.name.span.start + prefix.len() as u32).min(attribute.name.span.end),
            ..attribute.name.span
        };
        out.push(
            Diagnostic::error(
                codes::NATIVE_TYPE_PREFIX,
                attribute.name.span,
                format!(
                    "native type `@{prefix}.{name}` must be prefixed with the datasource's name `{datasource}`: write `@{datasource}.{name}`"
                ),
            )
            .with_fix(Fix {
                title: format!("Write `@{datasource}.{name}`"),
                edits: vec![TextEdit {
                    span: prefix_span,
                    new_text: datasource.to_string(),
                }],
                applicability: Applicability::Safe,
            }),
        );
    }
    let Some(native) = find_native_type(provider, name) else {
        let suggestion = usual_name(provider, name)
            .or_else(|| closest_name(name, native_types(provider).iter().map(|t| t.name)));
        let mut diagnostic = Diagnostic::error(
            codes::NATIVE_TYPE_UNKNOWN,
            attribute.name.span,
            match suggestion {
                _ if native_types(provider).is_empty() => format!(
                    "`{name}` is not a native type: {} has no native type attributes",
                    provider.display_name()
                ),
                Some(close) => format!(
                    "`{name}` is not a native type of {}: did you mean `@{datasource}.{close}`?",
                    provider.display_name()
                ),
                None => format!(
                    "`{name}` is not a native type of {}",
                    provider.display_name()
                ),
            },
        );
        if let Some(close) = suggestion {
            let name_span = Span {
                start: (attribute.name.span.end.saturating_sub(name.len() as u32))
                    .max(attribute.name.span.start),
                ..attribute.name.span
            };
            diagnostic = diagnostic.with_fix(Fix {
                title: format!("Write `@{datasource}.{close}`"),
                edits: vec![TextEdit {
                    span: name_span,
                    new_text: close.to_string(),
                }],
                applicability: Applicability::Unsafe,
            });
        }
        out.push(diagnostic);
        return;
    };

    let arguments = attribute.arguments();
    if arguments.iter().any(|a| a.value.is_none()) {
        // An argument being typed: the syntax checks speak.
        return;
    }
    let count = arguments.len();
    let required = usize::from(native.required_arguments);
    let optional = native.arguments.len() - required;
    if count < required || (count > required && optional == 0) {
        let takes = match required {
            0 => "takes no arguments".to_string(),
            1 => "takes exactly 1 argument".to_string(),
            n => format!("takes exactly {n} arguments"),
        };
        out.push(Diagnostic::error(
            codes::NATIVE_TYPE_ARGUMENTS,
            attribute.span,
            format!(
                "native type `{name}` {takes} ({}), but {count} {} given",
                native.signature(),
                if count == 1 { "is" } else { "are" }
            ),
        ));
        return;
    }
    if count > required + optional {
        out.push(Diagnostic::error(
            codes::NATIVE_TYPE_ARGUMENTS,
            attribute.span,
            format!(
                "native type `{name}` takes at most {} argument{} ({}), but {count} are given",
                required + optional,
                if required + optional == 1 { "" } else { "s" },
                native.signature(),
            ),
        ));
        return;
    }

    if !native.fits(scalar_type) {
        let expected = native
            .scalar_types
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(Diagnostic::error(
            codes::NATIVE_TYPE_INCOMPATIBLE,
            attribute.span,
            format!(
                "native type `@{datasource}.{name}` does not fit field `{}` of type `{scalar_type}`: it is for {expected} fields",
                field.name.text
            ),
        ));
        return;
    }

    let texts: Vec<&str> = arguments
        .iter()
        .filter_map(|a| a.value.as_ref())
        .map(|v| argument_text(schema, v))
        .collect();
    let Some(args) = parse_arguments(native, &texts) else {
        out.push(Diagnostic::error(
            codes::NATIVE_TYPE_ARGUMENTS,
            attribute.span,
            format!(
                "native type `{name}` takes {}, not `({})`",
                argument_description(native),
                texts.join(", ")
            ),
        ));
        return;
    };

    if let Some(problem) = range_problem(provider, name, args, scalar_type) {
        out.push(Diagnostic::error(
            codes::NATIVE_TYPE_OUT_OF_RANGE,
            attribute.span,
            format!(
                "`@{datasource}.{}` on {}: {problem}",
                render(name, args),
                provider.display_name()
            ),
        ));
    }
}

/// The provider's name for a database type often written under another name.
fn usual_name(provider: Provider, name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    let found = match (provider, lower.as_str()) {
        (Provider::MongoDb, "numeric") => return None,
        (_, "numeric") => "Decimal",
        (Provider::PostgreSql, "int" | "int4") => "Integer",
        (Provider::PostgreSql, "int2") => "SmallInt",
        (Provider::PostgreSql, "int8") => "BigInt",
        (Provider::PostgreSql, "bool") => "Boolean",
        (Provider::PostgreSql, "float8" | "double" | "float") => "DoublePrecision",
        (Provider::PostgreSql, "float4") => "Real",
        (Provider::PostgreSql, "bytes") => "ByteA",
        (Provider::PostgreSql, "string") => "Text",
        (Provider::CockroachDb, "varchar" | "text") => "String",
        (Provider::CockroachDb, "boolean") => "Bool",
        (Provider::CockroachDb, "int" | "bigint") => "Int8",
        (Provider::CockroachDb, "integer") => "Int4",
        (Provider::CockroachDb, "smallint") => "Int2",
        (Provider::CockroachDb, "real") => "Float4",
        (Provider::CockroachDb, "doubleprecision" | "double") => "Float8",
        (Provider::CockroachDb, "bytea") => "Bytes",
        (Provider::CockroachDb, "json") => "JsonB",
        (Provider::MySql, "integer") => "Int",
        (Provider::MySql, "boolean" | "bool") => "TinyInt",
        (Provider::MySql, "string") => "VarChar",
        (Provider::MySql, "jsonb") => "Json",
        (Provider::SqlServer, "integer") => "Int",
        (Provider::SqlServer, "boolean" | "bool") => "Bit",
        (Provider::SqlServer, "uuid") => "UniqueIdentifier",
        (Provider::SqlServer, "string") => "NVarChar",
        (Provider::SqlServer, "timestamp") => "DateTime2",
        (Provider::MongoDb, "boolean") => "Bool",
        (Provider::MongoDb, "bigint") => "Long",
        (Provider::MongoDb, "float") => "Double",
        (Provider::MongoDb, "bytes") => "BinData",
        (Provider::MongoDb, "datetime") => "Date",
        (Provider::MongoDb, "integer") => "Int",
        _ => return None,
    };
    Some(found)
}

/// The argument as Prisma renders it: the source text (strings keep their quotes).
fn argument_text<'a>(schema: &'a Schema, value: &'a Expression) -> &'a str {
    match value {
        Expression::Number { text, .. } => text,
        Expression::Constant(ident) => &ident.text,
        other => schema.text(other.span()),
    }
}

/// Reads the arguments the way Prisma does for this native type; `None` when they do not
/// parse (the count has been checked before).
fn parse_arguments(native: &NativeType, texts: &[&str]) -> Option<Args> {
    match (native.arguments.len(), texts) {
        (_, []) => Some(Args::None),
        (0, _) => Some(Args::None),
        (1, [text]) if native.accepts_max => {
            if text.eq_ignore_ascii_case("max") {
                Some(Args::Max)
            } else {
                text.parse::<u16>().ok().map(|n| Args::One(u32::from(n)))
            }
        }
        (1, [text]) => text.parse::<u32>().ok().map(Args::One),
        (2, [a, b]) => Some(Args::Two(a.parse().ok()?, b.parse().ok()?)),
        _ => None,
    }
}

/// Reads the arguments as Prisma does where it does not check their count first (keys,
/// `Unsupported` types): a type without arguments ignores any given.
fn read_leniently(native: &NativeType, texts: &[&str]) -> Option<Args> {
    if native.arguments.is_empty() {
        Some(Args::None)
    } else if native.required_arguments > 0 && texts.is_empty() {
        None
    } else {
        parse_arguments(native, texts)
    }
}

fn argument_description(native: &NativeType) -> &'static str {
    if native.accepts_max {
        "a length (a whole number) or `Max`"
    } else if native.arguments.len() == 2 {
        "either no arguments or two whole numbers (precision, scale)"
    } else {
        "a whole number of 0 or more"
    }
}

/// `Decimal(10,2)`, `VarChar(Max)`, `Text`.
fn render(name: &str, args: Args) -> String {
    match args {
        Args::None => name.to_string(),
        Args::One(n) => format!("{name}({n})"),
        Args::Max => format!("{name}(Max)"),
        Args::Two(a, b) => format!("{name}({a},{b})"),
    }
}

/// The provider's limits on native type arguments; the first one broken, if any.
fn range_problem(provider: Provider, name: &str, args: Args, scalar_type: &str) -> Option<String> {
    let decimal = |max_precision: u32, max_scale: Option<u32>, zero_precision_ok: bool| match args {
        Args::Two(precision, scale) if scale > precision => Some(format!(
            "the scale ({scale}) may not be larger than the precision ({precision})"
        )),
        Args::Two(precision, _)
            if precision > max_precision || (precision == 0 && !zero_precision_ok) =>
        {
            Some(format!(
                "the precision must be between 1 and {max_precision}, not {precision}"
            ))
        }
        Args::Two(_, scale) if max_scale.is_some_and(|max| scale > max) => Some(format!(
            "the scale must be between 0 and {}, not {scale}",
            max_scale.unwrap_or_default()
        )),
        _ => None,
    };
    let at_most = |limit: u32, what: &str, hint: &str| match args {
        Args::One(n) if n > limit => Some(format!(
            "the {what} must be between 1 and {limit}, not {n}{hint}"
        )),
        _ => None,
    };
    match provider {
        Provider::PostgreSql | Provider::CockroachDb => match (name, args) {
            ("Decimal", _) => decimal(1000, None, false),
            ("Bit" | "VarBit", Args::One(0)) => Some("the length must be at least 1".to_string()),
            ("Timestamp" | "Timestamptz" | "Time" | "Timetz", Args::One(p)) if p > 6 => Some(
                format!("the fractional-second precision must be between 0 and 6, not {p}"),
            ),
            _ => None,
        },
        Provider::MySql => match (name, args) {
            ("Decimal", _) => decimal(65, Some(30), true),
            ("Bit", Args::One(n)) if n == 0 || n > 64 => {
                Some(format!("the length must be between 1 and 64, not {n}"))
            }
            ("Char", Args::One(n)) if n > 255 => {
                Some(format!("the length must be between 0 and 255, not {n}"))
            }
            ("VarChar", Args::One(n)) if n > 65535 => {
                Some(format!("the length must be between 0 and 65535, not {n}"))
            }
            ("Bit", Args::One(n)) if n > 1 && scalar_type == "Boolean" => Some(
                "only `Bit(1)` can hold a `Boolean`; use `Bytes` for longer bit fields".to_string(),
            ),
            _ => None,
        },
        Provider::SqlServer => match (name, args) {
            ("Decimal", _) => decimal(38, Some(38), false),
            ("Float", Args::One(n)) if n == 0 || n > 53 => Some(format!(
                "the number of mantissa bits must be between 1 and 53, not {n}"
            )),
            ("NVarChar", _) => at_most(4000, "length", "; use `Max` for longer text"),
            ("VarChar", _) => at_most(8000, "length", "; use `Max` for longer text"),
            ("VarBinary", _) => at_most(8000, "length", "; use `Max` for longer data"),
            ("NChar", _) => at_most(4000, "length", ""),
            ("Char" | "Binary", _) => at_most(8000, "length", ""),
            _ => None,
        },
        Provider::Sqlite | Provider::MongoDb => None,
    }
}

/// Whether the native type is kept out of keys and indexes by the provider (MySQL: unless a
/// `length:` prefix is given).
fn restricted_in_keys(provider: Provider, name: &str, args: Args) -> bool {
    match provider {
        Provider::MySql => matches!(
            name,
            "TinyText"
                | "Text"
                | "MediumText"
                | "LongText"
                | "TinyBlob"
                | "Blob"
                | "MediumBlob"
                | "LongBlob"
        ),
        Provider::SqlServer => {
            matches!(name, "Text" | "NText" | "Image" | "Xml")
                || (matches!(name, "VarChar" | "NVarChar" | "VarBinary") && args == Args::Max)
        }
        Provider::PostgreSql => name == "Xml",
        _ => false,
    }
}

/// One field of an id, unique or index, as written.
struct KeyField<'a> {
    name: &'a str,
    has_length: bool,
}

/// Ids, uniques and indexes that use a native type the provider keeps out of them.
fn check_keys(
    block: &Block,
    provider: Provider,
    restricted: &FxHashMap<&str, Restricted>,
    out: &mut Vec<Diagnostic>,
) {
    let length_lifts = provider == Provider::MySql;
    let length_hint = if length_lifts {
        " unless the field is given a prefix length, e.g. `length: 100`"
    } else {
        ""
    };
    // Field-level `@id` and `@unique`.
    for field in &block.fields {
        let Some(found) = restricted.get(field.name.text.as_str()) else {
            continue;
        };
        for attribute in &field.attributes {
            let kind = match attribute.name.text.as_str() {
                "id" if provider != Provider::PostgreSql => "an id",
                "unique" => "a unique constraint",
                _ => continue,
            };
            if length_lifts && attribute.argument("length", None).is_some() {
                continue;
            }
            out.push(
                Diagnostic::error(
                    codes::NATIVE_TYPE_IN_KEY,
                    attribute.span,
                    format!(
                        "field `{}` has the native type `{}`, which {} does not allow in {kind}{length_hint}",
                        field.name.text,
                        found.label,
                        provider.display_name()
                    ),
                )
                .with_related(found.span, "the native type"),
            );
        }
    }

    // Block-level `@@id`, `@@unique` and `@@index` (full-text indexes take such types).
    for attribute in block.attributes.iter().filter(|a| a.is_block) {
        let kind = match attribute.name.text.as_str() {
            "id" if provider != Provider::PostgreSql => "an id",
            "unique" => "a unique constraint",
            "index" => "an index",
            _ => continue,
        };
        let Some(list) = attribute
            .argument("fields", Some(0))
            .and_then(|a| a.value.as_ref())
        else {
            continue;
        };
        // Prisma reports the first offending field of each key.
        let Some((name, found)) = list
            .as_list()
            .iter()
            .filter_map(key_field)
            .filter(|f| !(length_lifts && f.has_length))
            .find_map(|f| restricted.get(f.name).map(|r| (f.name, r)))
        else {
            continue;
        };
        let message = format!(
            "field `{name}` has the native type `{}`, which {} does not allow in {kind}{length_hint}",
            found.label,
            provider.display_name()
        );
        let diagnostic = if provider == Provider::PostgreSql {
            // Prisma points at the field's declaration.
            let Some(field) = block.field(name) else {
                continue;
            };
            Diagnostic::error(codes::NATIVE_TYPE_IN_KEY, field.span, message).with_related(
                attribute.span,
                format!(
                    "used in this {}",
                    &kind[kind.find(' ').map_or(0, |i| i + 1)..]
                ),
            )
        } else {
            Diagnostic::error(codes::NATIVE_TYPE_IN_KEY, attribute.span, message)
                .with_related(found.span, "the native type")
        };
        out.push(diagnostic);
    }
}

fn key_field(item: &Expression) -> Option<KeyField<'_>> {
    match item {
        Expression::Constant(ident) => Some(KeyField {
            name: &ident.text,
            has_length: false,
        }),
        Expression::Function {
            name, arguments, ..
        } => Some(KeyField {
            name: &name.text,
            has_length: arguments
                .items
                .iter()
                .any(|a| a.name.as_ref().is_some_and(|n| n.text == "length")),
        }),
        _ => None,
    }
}

/// `Unsupported("Text")` where the database type is one Prisma supports natively: Prisma
/// asks for the native type notation instead.
fn unsupported_hint(
    field: &Field,
    provider: Provider,
    datasource: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some(literal) = field.r#type.as_ref().and_then(|t| t.unsupported.as_ref()) else {
        return;
    };
    // MongoDB has no `Unsupported` types to map; SQLite has no native types.
    if matches!(provider, Provider::MongoDb | Provider::Sqlite) {
        return;
    }
    let text = literal.value.as_str();
    // `Name`, `Name(args)` or `Name(args) suffix`, as Prisma splits it.
    let (name, args) = match text.find('(') {
        Some(open) => {
            let after = &text[open + 1..];
            let args = match after.find(')') {
                Some(close) => after[..close].split(',').map(str::trim).collect(),
                None => Vec::new(),
            };
            (&text[..open], args)
        }
        None => (text, Vec::new()),
    };
    let name = name.trim();
    if name.is_empty() {
        return;
    }
    let Some(native) = find_native_type(provider, name) else {
        return;
    };
    let Some(parsed) = read_leniently(native, &args) else {
        return;
    };
    let scalar = scalar_type_of(provider, native, parsed);
    let notation = render(name, parsed);
    out.push(Diagnostic::error(
        codes::NATIVE_TYPE_UNSUPPORTED_KNOWN,
        field.r#type.as_ref().map_or(field.span, |t| t.span),
        format!(
            "field `{}` uses `Unsupported(\"{text}\")`, but Prisma supports this database type: write `{scalar} @{datasource}.{notation}` instead",
            field.name.text
        ),
    ));
}

/// The scalar type to suggest for a native type written as `Unsupported`.
fn scalar_type_of(provider: Provider, native: &NativeType, args: Args) -> &'static str {
    match (provider, native.name, args) {
        (Provider::MySql, "TinyInt" | "UnsignedTinyInt", _) => "Int",
        (Provider::MySql, "Bit", Args::One(n)) if n > 1 => "Bytes",
        _ => native.scalar_types.first().copied().unwrap_or("String"),
    }
}
