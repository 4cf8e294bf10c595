//! "Move the connection URLs to prisma.config.ts": Prisma 7 reads them from the project's
//! configuration file and rejects them in the schema (`version/datasource-url`). The action
//! writes a new `prisma.config.ts` with the datasource's URLs and removes them from the
//! schema in one edit; the server offers it only when the project has no configuration file
//! yet (editing someone's TypeScript is not ours to do).

use crate::analysis::{Diagnostic, codes};
use crate::model::{Block, BlockKind, Expression, Schema};
use std::path::PathBuf;

/// Where the new configuration file goes, and the `schema` path it names (relative to it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPrismaConfig {
    pub path: PathBuf,
    pub schema_path: String,
}

/// The datasource that holds the URL a `version/datasource-url` diagnostic points at.
pub(super) fn datasource_of<'a>(schema: &'a Schema, diagnostic: &Diagnostic) -> Option<&'a Block> {
    if diagnostic.code != codes::VERSION_DATASOURCE_URL {
        return None;
    }
    schema.blocks_of_kind(BlockKind::Datasource).find(|block| {
        block.span.file == diagnostic.span.file
            && block.span.start <= diagnostic.span.start
            && diagnostic.span.end <= block.span.end
    })
}

/// The text of `prisma.config.ts` for `datasource`'s URLs. Prisma 7's configuration has
/// `url` (what the CLI connects with: the direct URL when the schema had `directUrl`, as a
/// pooled connection cannot run migrations) and `shadowDatabaseUrl`.
pub(super) fn config_text(schema: &Schema, datasource: &Block, schema_path: &str) -> String {
    let value = |key: &str| {
        datasource
            .property(key)
            .and_then(|property| property.value.as_ref())
            .map(|value| typescript_value(schema, value))
    };
    let pooled = value("url");
    let direct = value("directUrl");
    let mut lines = Vec::new();
    if let (Some(pooled), Some(_)) = (&pooled, &direct) {
        lines.push(format!(
            "    // The CLI needs a direct connection. The pooled URL ({pooled}) now goes to your\n    // driver adapter."
        ));
    }
    if let Some(url) = direct.or(pooled) {
        lines.push(format!("    url: {url},"));
    }
    if let Some(shadow) = value("shadowDatabaseUrl") {
        lines.push(format!("    shadowDatabaseUrl: {shadow},"));
    }
    format!(
        "// Moved from `datasource {}` of the schema: Prisma 7 reads the connection here.\nimport \"dotenv/config\";\nimport {{ defineConfig, env }} from \"prisma/config\";\n\nexport default defineConfig({{\n  schema: {},\n  datasource: {{\n{}\n  }},\n}});\n",
        datasource.name.text,
        json_string(schema_path),
        lines.join("\n")
    )
}

/// `env("X")` stays a call of the config's own `env`; anything else becomes a string.
fn typescript_value(schema: &Schema, value: &Expression) -> String {
    if let Expression::Function {
        name, arguments, ..
    } = value
        && name.text == "env"
        && let Some(variable) = arguments
            .items
            .first()
            .and_then(|argument| argument.value.as_ref())
            .and_then(Expression::as_str)
    {
        return format!("env({})", json_string(variable));
    }
    json_string(value.as_str().unwrap_or_else(|| schema.text(value.span())))
}

fn json_string(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config_for(datasource: &str) -> String {
        let schema = Schema::parse("schema.prisma", datasource);
        let block = schema
            .blocks_of_kind(BlockKind::Datasource)
            .next()
            .expect("a datasource");
        config_text(&schema, block, "prisma/schema.prisma")
    }

    #[test]
    fn env_calls_stay_env_calls_and_literals_become_strings() {
        insta::assert_snapshot!(config_for(
            "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n  shadowDatabaseUrl = \"postgres://localhost/shadow\"\n}\n"
        ), @r#"
        // Moved from `datasource db` of the schema: Prisma 7 reads the connection here.
        import "dotenv/config";
        import { defineConfig, env } from "prisma/config";

        export default defineConfig({
          schema: "prisma/schema.prisma",
          datasource: {
            url: env("DATABASE_URL"),
            shadowDatabaseUrl: "postgres://localhost/shadow",
          },
        });
        "#);
    }

    #[test]
    fn with_a_direct_url_the_cli_gets_the_direct_one() {
        let text = config_for(
            "datasource db {\n  provider = \"postgresql\"\n  url = env(\"POOLED\")\n  directUrl = env(\"DIRECT\")\n}\n",
        );
        assert!(text.contains("    url: env(\"DIRECT\"),\n"), "{text}");
        assert!(text.contains("pooled URL (env(\"POOLED\"))"), "{text}");
        assert!(!text.contains("directUrl"), "{text}");
    }
}
