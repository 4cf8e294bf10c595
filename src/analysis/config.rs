//! Datasource and generator blocks: the rules Prisma applies to them.

use super::{Diagnostic, Severity, codes};
use crate::catalog::{self, PreviewFeatureStatus, Provider};
use crate::model::{Argument, Block, BlockKind, Expression, Property, Schema};

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
        check_datasource(datasource, out);
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

fn check_datasource(datasource: &Block, out: &mut Vec<Diagnostic>) {
    missing_provider(datasource, out);
    let mut provider = None;
    for property in &datasource.properties {
        let Some(value) = &property.value else {
            continue;
        };
        match property.key.text.as_str() {
            "provider" => provider = check_provider(value, out),
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
    }
    if let Some(schemas) = datasource.property("schemas") {
        check_schemas(schemas, provider, out);
    }
    check_shadow_database(datasource, out);
}

/// The provider must be one known string literal; returns it.
fn check_provider(value: &Expression, out: &mut Vec<Diagnostic>) -> Option<Provider> {
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
            "the datasource provider cannot come from `env()`: write it as a string".to_string()
        }
        _ => "the datasource provider must be a string, such as `\"postgresql\"`".to_string(),
    };
    out.push(Diagnostic::error(
        codes::CONFIG_INVALID_PROVIDER,
        value.span(),
        message,
    ));
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
    let Expression::Array { items, .. } = value else {
        out.push(Diagnostic::error(
            codes::CONFIG_SCHEMAS,
            value.span(),
            "`schemas` is a list of schema names: `schemas = [\"public\"]`",
        ));
        return;
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
            _ => {}
        }
    }
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
