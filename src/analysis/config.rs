//! Datasource and generator blocks: the rules Prisma applies to them.

use super::{Applicability, Diagnostic, Fix, Severity, TextEdit, codes};
use crate::catalog::{self, PreviewFeatureStatus, Provider};
use crate::model::{Argument, Block, BlockKind, Expression, Property, Schema, Span};

pub(super) fn check(schema: &Schema, out: &mut Vec<Diagnostic>) {
    let datasources: Vec<&Block> = schema.blocks_of_kind(BlockKind::Datasource).collect();
    if datasources.len() > 1 {
        for datasource in &datasources {
            out.push(Diagnostic::error(
                codes::CONFIG_MULTIPLE_DATASOURCES,
                datasource.name.span,
                format!(
                    "datasource `{}` is one of {} datasources: a schema has exactly one",
                    datasource.name.text,
                    datasources.len()
                ),
            ));
        }
    }
    let provider = schema
        .datasource()
        .and_then(|d| d.property("provider"))
        .and_then(|p| p.value.as_ref())
        .and_then(Expression::as_str)
        .and_then(Provider::from_name);
    for datasource in &datasources {
        check_datasource(schema, datasource, out);
    }
    for generator in schema.blocks_of_kind(BlockKind::Generator) {
        check_generator(generator, provider, out);
    }
}

fn missing_provider(block: &Block, out: &mut Vec<Diagnostic>) {
    if block.property("provider").is_none() && !block.name.is_missing() {
        out.push(Diagnostic::error(
            codes::CONFIG_MISSING_PROVIDER,
            block.name.span,
            format!(
                "{} `{}` has no `provider`: add `provider = \"…\"`",
                block.kind.keyword(),
                block.name.text
            ),
        ));
    }
}

fn check_datasource(schema: &Schema, datasource: &Block, out: &mut Vec<Diagnostic>) {
    missing_provider(datasource, out);
    let mut provider = None;
    for property in &datasource.properties {
        let Some(value) = &property.value else {
            continue;
        };
        match property.key.text.as_str() {
            "provider" => provider = check_provider(datasource, value, out),
            "previewFeatures" => out.push(Diagnostic::error(
                codes::CONFIG_UNKNOWN_PROPERTY,
                property.span,
                "`previewFeatures` belongs in the generator block, not in the datasource",
            )),
            key if catalog::find_item(catalog::DATASOURCE_KEYS, key).is_some()
                || catalog::find_item(catalog::DEPRECATED_DATASOURCE_KEYS, key).is_some() => {}
            key => out.push(Diagnostic::error(
                codes::CONFIG_UNKNOWN_PROPERTY,
                property.key.span,
                format!("unknown datasource property `{key}`"),
            )),
        }
        if let Expression::Function {
            name, arguments, ..
        } = value
            && name.text == "env"
        {
            check_env_arguments(&arguments.items, value, out);
        }
        let key = property.key.text.as_str();
        let expected = match key {
            "url" | "directUrl" | "shadowDatabaseUrl"
                if value.as_str().is_none() && !is_env(value) =>
            {
                Some("a string or `env(\"VARIABLE\")`")
            }
            "relationMode" | "referentialIntegrity" if value.as_str().is_none() => {
                Some("a string, `\"foreignKeys\"` or `\"prisma\"`")
            }
            _ => None,
        };
        if let Some(expected) = expected {
            out.push(Diagnostic::error(
                codes::CONFIG_VALUE_TYPE,
                value.span(),
                format!("`{key}` is {expected}"),
            ));
        }
    }
    if let Some(schemas) = datasource.property("schemas") {
        check_schemas(schemas, provider, out);
    }
    check_relation_mode(datasource, provider, out);
    if let Some(extensions) = datasource.property("extensions") {
        check_extensions(schema, extensions, provider, out);
    }
    check_shadow_database(datasource, out);
}

/// The provider must be one known string literal; returns it.
fn check_provider(
    datasource: &Block,
    value: &Expression,
    out: &mut Vec<Diagnostic>,
) -> Option<Provider> {
    let mut span = value.span();
    let message = match value {
        Expression::String(literal) => match Provider::from_name(&literal.value) {
            Some(provider) => return Some(provider),
            None => format!(
                "unknown datasource provider `{}`: expected one of {}",
                literal.value,
                catalog::DATASOURCE_PROVIDERS
                    .iter()
                    .map(|p| format!("`{}`", p.name))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
        Expression::Function { name, .. } if name.text == "env" => {
            // Prisma points at the whole datasource for this one.
            if !datasource.name.is_missing() {
                span = datasource.name.span;
            }
            format!(
                "the provider of datasource `{}` cannot come from `env()`: write it as a string",
                datasource.name.text
            )
        }
        _ => "the datasource provider must be a string, such as `\"postgresql\"`".to_string(),
    };
    let mut diagnostic = Diagnostic::error(codes::CONFIG_INVALID_PROVIDER, span, message);
    if span != value.span() {
        diagnostic = diagnostic.with_related(value.span(), "the provider");
    }
    out.push(diagnostic);
    None
}

/// `env("NAME")`: exactly one unnamed string argument.
fn check_env_arguments(arguments: &[Argument], call: &Expression, out: &mut Vec<Diagnostic>) {
    let single_string = matches!(
        arguments,
        [Argument {
            name: None,
            value: Some(Expression::String(_)),
            ..
        }]
    );
    if single_string {
        return;
    }
    let named_string = matches!(
        arguments,
        [Argument {
            name: Some(_),
            value: Some(Expression::String(_)),
            ..
        }]
    );
    let (severity, message) = if named_string {
        (
            Severity::Warning,
            "`env()` takes the variable name without an argument name: `env(\"NAME\")`",
        )
    } else {
        (
            Severity::Error,
            "`env()` takes exactly one string, the variable's name: `env(\"NAME\")`",
        )
    };
    out.push(Diagnostic::new(
        codes::CONFIG_ENV_ARGUMENT,
        severity,
        call.span(),
        message,
    ));
}

fn check_schemas(property: &Property, provider: Option<Provider>, out: &mut Vec<Diagnostic>) {
    let Some(value) = &property.value else {
        return;
    };
    if provider.is_some_and(|p| !p.supports_multi_schema()) {
        out.push(Diagnostic::error(
            codes::CONFIG_SCHEMAS,
            property.span,
            "`schemas` is not supported by this provider: only PostgreSQL, CockroachDB and SQL Server have several schemas",
        ));
        return;
    }
    // A single string stands for a list of one.
    let items = match value {
        Expression::Array { items, .. } => items.as_slice(),
        Expression::String(_) => std::slice::from_ref(value),
        _ => {
            out.push(Diagnostic::error(
                codes::CONFIG_SCHEMAS,
                value.span(),
                "`schemas` is a list of schema names: `schemas = [\"public\"]`",
            ));
            return;
        }
    };
    if items.is_empty() {
        out.push(Diagnostic::error(
            codes::CONFIG_SCHEMAS,
            value.span(),
            "`schemas` cannot be empty: list at least one schema, or leave the property out",
        ));
    }
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        match item.as_str() {
            Some(name) if seen.contains(&name) => out.push(Diagnostic::error(
                codes::CONFIG_SCHEMAS,
                item.span(),
                format!("schema `{name}` is listed twice"),
            )),
            Some(name) => seen.push(name),
            None => out.push(Diagnostic::error(
                codes::CONFIG_VALUE_TYPE,
                item.span(),
                "schema names are strings, such as `\"public\"`",
            )),
        }
    }
}

/// `relationMode` takes `"foreignKeys"` or `"prisma"` (only `"prisma"` on MongoDB); the old
/// `referentialIntegrity` is deprecated and cannot be combined with it.
fn check_relation_mode(datasource: &Block, provider: Option<Provider>, out: &mut Vec<Diagnostic>) {
    let relation_mode = datasource.property("relationMode");
    let old = datasource.property("referentialIntegrity");
    if let Some(old) = old {
        let mut deprecated = Diagnostic::new(
            codes::CONFIG_RELATION_MODE,
            Severity::Warning,
            old.key.span,
            "`referentialIntegrity` is deprecated: it is now called `relationMode`",
        );
        if relation_mode.is_none() {
            deprecated = deprecated.with_fix(Fix {
                title: "Rename `referentialIntegrity` to `relationMode`".to_string(),
                edits: vec![TextEdit {
                    span: old.key.span,
                    new_text: "relationMode".to_string(),
                }],
                applicability: Applicability::Safe,
            });
        }
        out.push(deprecated);
        if let Some(relation_mode) = relation_mode {
            out.push(
                Diagnostic::error(
                    codes::CONFIG_RELATION_MODE,
                    old.span,
                    "`referentialIntegrity` and `relationMode` cannot both be set: keep only `relationMode`",
                )
                .with_related(relation_mode.span, "`relationMode` is set here"),
            );
        }
    }
    let Some(property) = relation_mode.or(old) else {
        return;
    };
    let Some(value) = property.value.as_ref().and_then(Expression::as_str) else {
        return;
    };
    let key = &property.key.text;
    match value {
        "prisma" => {}
        "foreignKeys" if provider == Some(Provider::MongoDb) => out.push(Diagnostic::error(
            codes::CONFIG_RELATION_MODE,
            property.span,
            format!("MongoDB has no foreign keys: `{key}` can only be `\"prisma\"` there"),
        )),
        "foreignKeys" => {}
        other => out.push(
            Diagnostic::error(
                codes::CONFIG_RELATION_MODE,
                // Prisma reports this one on the datasource as a whole.
                if datasource.name.is_missing() {
                    property.span
                } else {
                    datasource.name.span
                },
                format!(
                    "unknown `{key}` `{other}` in datasource `{}`: expected `\"foreignKeys\"` or `\"prisma\"`",
                    datasource.name.text
                ),
            )
            .with_related(property.span, "set here"),
        ),
    }
}

/// The PostgreSQL `extensions` list: PostgreSQL only, behind the `postgresqlExtensions` preview
/// feature; each entry a bare name or a call with named string arguments.
fn check_extensions(
    schema: &Schema,
    property: &Property,
    provider: Option<Provider>,
    out: &mut Vec<Diagnostic>,
) {
    if provider.is_some_and(|p| !p.supports_extensions()) {
        out.push(Diagnostic::error(
            codes::CONFIG_EXTENSIONS,
            property.key.span,
            "`extensions` is only available on PostgreSQL",
        ));
        return;
    }
    let enabled = schema
        .blocks_of_kind(BlockKind::Generator)
        .filter_map(|g| g.property("previewFeatures"))
        .filter_map(|p| p.value.as_ref())
        .flat_map(Expression::as_list)
        .filter_map(Expression::as_str)
        .any(|f| f.eq_ignore_ascii_case("postgresqlExtensions"));
    if !enabled {
        let mut diagnostic = Diagnostic::error(
            codes::EXTENSION_PREVIEW_FEATURE,
            property.span,
            "`extensions` needs the `postgresqlExtensions` preview feature in the generator's `previewFeatures`",
        );
        if let Some(fix) = enable_preview_feature(schema, "postgresqlExtensions") {
            diagnostic = diagnostic.with_fix(fix);
        }
        out.push(diagnostic);
        return;
    }
    let Some(value) = &property.value else {
        return;
    };
    for entry in value.as_list() {
        match entry {
            Expression::Constant(name) => extension_name(name, out),
            Expression::Function {
                name, arguments, ..
            } => {
                extension_name(name, out);
                extension_arguments(name, &arguments.items, out);
            }
            other => out.push(Diagnostic::error(
                codes::CONFIG_EXTENSIONS,
                other.span(),
                "an extension is written as a bare name, such as `postgis`, or a call such as `postgis(version: \"3.4\")`",
            )),
        }
    }
}

/// A fix that adds `feature` to the first generator's `previewFeatures` (creating the
/// property when there is none).
pub(super) fn enable_preview_feature(schema: &Schema, feature: &str) -> Option<Fix> {
    let generator = schema.blocks_of_kind(BlockKind::Generator).next()?;
    let edit = match generator.property("previewFeatures") {
        Some(property) => match property.value.as_ref()? {
            Expression::Array {
                items,
                span,
                closed: true,
            } => {
                let at = span.end.checked_sub(1)?;
                let separator = if items.is_empty() { "" } else { ", " };
                TextEdit {
                    span: Span {
                        file: span.file,
                        start: at,
                        end: at,
                    },
                    new_text: format!("{separator}\"{feature}\""),
                }
            }
            _ => return None,
        },
        None => {
            let last = generator.properties.last()?;
            let text = &schema.file(last.span.file).text;
            let line_start = crate::syntax::line_start(text, last.span.start as usize);
            let indent: String = text
                .get(line_start..last.span.start as usize)?
                .chars()
                .take_while(|c| c.is_whitespace())
                .collect();
            TextEdit {
                span: Span {
                    file: last.span.file,
                    start: last.span.end,
                    end: last.span.end,
                },
                new_text: format!("\n{indent}previewFeatures = [\"{feature}\"]"),
            }
        }
    };
    Some(Fix {
        title: format!("Enable the `{feature}` preview feature"),
        edits: vec![edit],
        applicability: Applicability::Safe,
    })
}

fn extension_name(name: &crate::model::Ident, out: &mut Vec<Diagnostic>) {
    if name.text.contains('-') {
        out.push(Diagnostic::error(
            codes::EXTENSION_NAME,
            name.span,
            format!(
                "extension name `{}` cannot contain `-`: write it without, and give the database name with `map: \"…\"`",
                name.text
            ),
        ));
    }
}

fn extension_arguments(
    extension: &crate::model::Ident,
    arguments: &[Argument],
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: Vec<&str> = Vec::new();
    for argument in arguments {
        let Some(name) = &argument.name else {
            out.push(Diagnostic::error(
                codes::CONFIG_EXTENSIONS,
                argument.span,
                format!(
                    "the arguments of extension `{}` are named: `version`, `schema` or `map`",
                    extension.text
                ),
            ));
            continue;
        };
        if catalog::find_item(catalog::EXTENSION_ARGUMENTS, &name.text).is_none() {
            out.push(Diagnostic::error(
                codes::CONFIG_EXTENSIONS,
                name.span,
                format!(
                    "unknown argument `{}` for extension `{}`: expected `version`, `schema` or `map`",
                    name.text, extension.text
                ),
            ));
            continue;
        }
        if seen.contains(&name.text.as_str()) {
            out.push(Diagnostic::error(
                codes::CONFIG_EXTENSIONS,
                argument.span,
                format!(
                    "argument `{}` is given twice for extension `{}`",
                    name.text, extension.text
                ),
            ));
            continue;
        }
        seen.push(&name.text);
        if let Some(value) = &argument.value
            && value.as_str().is_none()
        {
            out.push(Diagnostic::error(
                codes::CONFIG_VALUE_TYPE,
                value.span(),
                format!(
                    "argument `{}` of extension `{}` is a string, such as `\"1.0\"`",
                    name.text, extension.text
                ),
            ));
        }
    }
}

/// `shadowDatabaseUrl` must name another database than `url` and `directUrl`.
fn check_shadow_database(datasource: &Block, out: &mut Vec<Diagnostic>) {
    let literal = |key: &str| {
        datasource
            .property(key)
            .and_then(|p| p.value.as_ref())
            .and_then(|v| v.as_str().map(|s| (s, v.span())))
    };
    let Some((shadow, span)) = literal("shadowDatabaseUrl") else {
        return;
    };
    for other in ["url", "directUrl"] {
        if let Some((_, other_span)) =
            literal(other).filter(|(url, _)| *url == shadow && !url.is_empty())
        {
            out.push(
                Diagnostic::error(
                    codes::CONFIG_SHADOW_DATABASE,
                    other_span,
                    format!(
                        "`{other}` is also the `shadowDatabaseUrl`: migrations reset the shadow database, so it must be a separate one"
                    ),
                )
                .with_related(span, "the shadow database URL"),
            );
        }
    }
}

fn check_generator(generator: &Block, provider: Option<Provider>, out: &mut Vec<Diagnostic>) {
    missing_provider(generator, out);
    old_preview_features_key(generator, out);
    for property in &generator.properties {
        let Some(value) = &property.value else {
            continue;
        };
        match property.key.text.as_str() {
            "previewFeatures" => check_preview_features(value, provider, out),
            "engineType" if value.as_str().is_none() && !is_env(value) => {
                out.push(Diagnostic::error(
                    codes::CONFIG_VALUE_TYPE,
                    value.span(),
                    "`engineType` is a string, such as `\"library\"`",
                ))
            }
            "binaryTargets" => {
                for item in value.as_list() {
                    if item.as_str().is_none() && !is_env(item) {
                        out.push(Diagnostic::error(
                            codes::CONFIG_VALUE_TYPE,
                            item.span(),
                            "binary targets are strings, such as `\"native\"`",
                        ));
                    }
                }
            }
            key @ ("provider" | "output") if value.as_str().is_none() && !is_env(value) => out
                .push(Diagnostic::error(
                    codes::CONFIG_VALUE_TYPE,
                    value.span(),
                    format!("the generator's `{key}` is a string or `env(\"VARIABLE\")`"),
                )),
            _ => {}
        }
    }
}

/// `experimentalFeatures`, the name `previewFeatures` had in Prisma 2's betas: the generator
/// passes it on untouched, so the features it lists are not enabled. Renaming it is what was
/// meant, but it enables them (and has them checked): the author's call, so unsafe.
fn old_preview_features_key(generator: &Block, out: &mut Vec<Diagnostic>) {
    let Some(old) = generator.property("experimentalFeatures") else {
        return;
    };
    let mut diagnostic = Diagnostic::new(
        codes::CONFIG_PREVIEW_FEATURE,
        Severity::Warning,
        old.key.span,
        "`experimentalFeatures` is the old name of `previewFeatures`: the features it lists are not enabled",
    );
    if generator.property("previewFeatures").is_none() {
        diagnostic = diagnostic.with_fix(Fix {
            title: "Rename `experimentalFeatures` to `previewFeatures`".to_string(),
            edits: vec![TextEdit {
                span: old.key.span,
                new_text: "previewFeatures".to_string(),
            }],
            applicability: Applicability::Unsafe,
        });
    }
    out.push(diagnostic);
}

fn is_env(value: &Expression) -> bool {
    matches!(value, Expression::Function { name, .. } if name.text == "env")
}

fn check_preview_features(
    value: &Expression,
    provider: Option<Provider>,
    out: &mut Vec<Diagnostic>,
) {
    for feature in value.as_list() {
        let Some(name) = feature.as_str() else {
            out.push(Diagnostic::error(
                codes::CONFIG_VALUE_TYPE,
                feature.span(),
                "preview features are written as strings, such as `\"views\"`",
            ));
            continue;
        };
        match catalog::preview_feature_status(name, provider) {
            PreviewFeatureStatus::Unknown => {
                let known: Vec<&str> = catalog::PREVIEW_FEATURES.iter().map(|f| f.name).collect();
                let mut message = format!("unknown preview feature `{name}`");
                if let Some(suggestion) = super::closest_name(name, known.iter().copied()) {
                    message.push_str(&format!(": did you mean `{suggestion}`?"));
                } else {
                    message.push_str(&format!("; the current ones are {}", known.join(", ")));
                }
                out.push(Diagnostic::error(codes::CONFIG_PREVIEW_FEATURE, feature.span(), message));
            }
            PreviewFeatureStatus::Promoted => out.push(Diagnostic::new(
                codes::CONFIG_PREVIEW_FEATURE,
                Severity::Warning,
                feature.span(),
                format!("preview feature `{name}` is no longer needed: what it enabled is generally available; remove it"),
            )),
            PreviewFeatureStatus::Renamed { to } => out.push(Diagnostic::new(
                codes::CONFIG_PREVIEW_FEATURE,
                Severity::Warning,
                feature.span(),
                format!("preview feature `{name}` is called `{to}` for this provider"),
            )),
            PreviewFeatureStatus::Active => {}
        }
    }
}
