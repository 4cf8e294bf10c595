//! What differs between the Prisma releases a schema may target (`prisma-version` in
//! `prisma-analyzer.toml`): Prisma 7 takes the connection URLs from `prisma.config.ts` and
//! rejects them in the schema; Prisma 6 requires `url` in the datasource. With the default
//! target (`any`) neither is reported.

use super::{Applicability, Context, Diagnostic, Fix, PrismaVersion, TextEdit, codes};
use crate::model::{BlockKind, Expression, Schema, Span};

/// Datasource properties Prisma 7 moved to `prisma.config.ts`.
const URL_KEYS: &[&str] = &["url", "directUrl", "shadowDatabaseUrl"];

/// Preview features Prisma 6 knows and Prisma 7 rejects as unknown.
const REMOVED_IN_PRISMA_7: &[&str] = &["metrics"];

pub(super) fn check(schema: &Schema, context: &Context, out: &mut Vec<Diagnostic>) {
    match context.prisma_version {
        PrismaVersion::Any => {}
        PrismaVersion::Six => url_required(schema, out),
        PrismaVersion::Seven => {
            urls_moved_out(schema, out);
            removed_preview_features(schema, out);
        }
    }
}

fn url_required(schema: &Schema, out: &mut Vec<Diagnostic>) {
    for datasource in schema.blocks_of_kind(BlockKind::Datasource) {
        if datasource.property("url").is_none() && !datasource.name.is_missing() {
            out.push(Diagnostic::error(
                codes::VERSION_URL_REQUIRED,
                datasource.name.span,
                format!(
                    "datasource `{}` has no `url`, which Prisma 6 requires: add `url = env(\"DATABASE_URL\")` (or set `prisma-version = \"7\"` in prisma-analyzer.toml if you use Prisma 7)",
                    datasource.name.text
                ),
            ));
        }
    }
}

fn urls_moved_out(schema: &Schema, out: &mut Vec<Diagnostic>) {
    for datasource in schema.blocks_of_kind(BlockKind::Datasource) {
        let source = schema.file(datasource.file());
        for property in &datasource.properties {
            let key = property.key.text.as_str();
            if !URL_KEYS.contains(&key) {
                continue;
            }
            let written = property
                .value
                .as_ref()
                .map_or(String::new(), |v| schema.text(v.span()).to_string());
            let config_value = match property.value.as_ref() {
                Some(Expression::Function {
                    name, arguments, ..
                }) if name.text == "env" => {
                    let variable = arguments
                        .items
                        .first()
                        .and_then(|a| a.value.as_ref())
                        .and_then(Expression::as_str)
                        .unwrap_or("DATABASE_URL");
                    format!("env(\"{variable}\")")
                }
                _ => written.clone(),
            };
            let line = whole_line(&source.text, property.span);
            // Prisma 7's configuration has no `directUrl`: its `url` is what the CLI
            // connects with, so it takes the direct URL.
            let message = if key == "directUrl" {
                format!(
                    "Prisma 7 no longer reads `directUrl` from the schema: the CLI connects with `url` of prisma.config.ts, so set that to this direct URL (`datasource: {{ url: {config_value} }}`), give the pooled URL to your driver adapter, and remove it here"
                )
            } else {
                format!(
                    "Prisma 7 no longer reads `{key}` from the schema: set it in prisma.config.ts (`datasource: {{ {key}: {config_value} }}`) and remove it here"
                )
            };
            out.push(
                Diagnostic::error(codes::VERSION_DATASOURCE_URL, property.key.span, message)
                    .with_fix(Fix {
                        title: format!("Remove `{key}` (after moving it to prisma.config.ts)"),
                        edits: vec![TextEdit {
                            span: line,
                            new_text: String::new(),
                        }],
                        // The value must be carried over by hand first.
                        applicability: Applicability::Unsafe,
                    }),
            );
        }
    }
}

/// The span of the line holding `span`, with its line break.
fn whole_line(text: &str, span: Span) -> Span {
    let start = crate::syntax::line_start(text, span.start as usize);
    let end = crate::syntax::next_line_start(text, span.end as usize);
    Span {
        file: span.file,
        start: start as u32,
        end: end as u32,
    }
}

fn removed_preview_features(schema: &Schema, out: &mut Vec<Diagnostic>) {
    for generator in schema.blocks_of_kind(BlockKind::Generator) {
        let Some(value) = generator
            .property("previewFeatures")
            .and_then(|p| p.value.as_ref())
        else {
            continue;
        };
        for feature in value.as_list() {
            if let Some(name) = feature.as_str()
                && REMOVED_IN_PRISMA_7
                    .iter()
                    .any(|r| r.eq_ignore_ascii_case(name))
            {
                out.push(Diagnostic::error(
                    codes::VERSION_REMOVED_PREVIEW_FEATURE,
                    feature.span(),
                    format!("Prisma 7 no longer has the preview feature `{name}`: remove it"),
                ));
            }
        }
    }
}
