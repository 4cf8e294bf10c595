//! Document links for `env("X")`: from the variable's name to the `.env` file that defines
//! it, at the defining line when there is one.

use crate::model::{Expression, FileModel, Span};
use std::path::{Path, PathBuf};

/// One `env("X")` of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvReference {
    /// The variable's name inside the quotes (what the link underlines).
    pub span: Span,
    pub variable: String,
}

/// A link from an `env("X")` to a `.env` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvLink {
    pub span: Span,
    pub variable: String,
    pub target: PathBuf,
    /// The zero-based line that defines the variable, when the file defines it.
    pub line: Option<u32>,
}

/// Every `env("X")` in the file's datasource and generator values (the only places Prisma
/// reads environment variables).
pub fn env_references(file: &FileModel) -> Vec<EnvReference> {
    let mut found = Vec::new();
    for block in &file.blocks {
        for property in &block.properties {
            if let Some(value) = &property.value {
                collect(value, &mut found);
            }
        }
    }
    found
}

fn collect(expression: &Expression, found: &mut Vec<EnvReference>) {
    match expression {
        Expression::Function {
            name, arguments, ..
        } if name.text == "env" => {
            let literal = arguments.items.first().and_then(|argument| {
                match (&argument.name, &argument.value) {
                    (None, Some(Expression::String(literal))) => Some(literal),
                    _ => None,
                }
            });
            if let Some(literal) = literal.filter(|l| !l.value.is_empty()) {
                // Inside the quotes; an unterminated string has no closing quote.
                let start = literal.span.start + 1;
                let end = if literal.terminated {
                    literal.span.end.saturating_sub(1)
                } else {
                    literal.span.end
                };
                if end > start {
                    found.push(EnvReference {
                        span: Span {
                            file: literal.span.file,
                            start,
                            end,
                        },
                        variable: literal.value.clone(),
                    });
                }
            }
        }
        Expression::Function { arguments, .. } => {
            for argument in &arguments.items {
                if let Some(value) = &argument.value {
                    collect(value, found);
                }
            }
        }
        Expression::Array { items, .. } => items.iter().for_each(|item| collect(item, found)),
        Expression::Object { entries, .. } => entries
            .iter()
            .for_each(|entry| collect(&entry.value, found)),
        _ => {}
    }
}

/// The links of a file's `env("X")`s to `dotenv` (its path and text), each at the line that
/// defines the variable when there is one.
pub fn env_links(file: &FileModel, dotenv: &Path, dotenv_text: &str) -> Vec<EnvLink> {
    env_references(file)
        .into_iter()
        .map(|reference| EnvLink {
            line: crate::semantics::dotenv::definition(dotenv_text, &reference.variable)
                .map(|definition| definition.line),
            span: reference.span,
            variable: reference.variable,
            target: dotenv.to_path_buf(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Schema;

    const SCHEMA: &str = "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n  directUrl = env(\"DIRECT\")\n  shadowDatabaseUrl = \"postgres://x\"\n}\ngenerator client {\n  provider = \"prisma-client-js\"\n  output = env(\"OUT\n}\nmodel A {\n  id String @id @default(env(\"NOT_CONFIG\"))\n}\n";

    #[test]
    fn finds_env_calls_in_configuration_values() {
        let schema = Schema::parse("s.prisma", SCHEMA);
        let found = env_references(schema.file_model(crate::model::FileId(0)));
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|r| (r.variable.as_str(), schema.text(r.span)))
            .collect();
        assert_eq!(
            names,
            [
                ("DATABASE_URL", "DATABASE_URL"),
                ("DIRECT", "DIRECT"),
                ("OUT", "OUT")
            ]
        );
    }
}
