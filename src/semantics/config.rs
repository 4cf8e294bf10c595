//! What the datasource and the generators say, read in one place: the provider, who
//! enforces relations (`relationMode`, or its legacy name `referentialIntegrity`), the
//! preview features, the declared database schemas. Validation (`analysis::Context`),
//! completion, hover, inlay hints and the database layer all read it from here.

use crate::catalog::Provider;
use crate::model::{BlockKind, Expression, Schema};

/// Who enforces relations: the database (foreign keys) or Prisma Client (`relationMode =
/// "prisma"`, the only mode on MongoDB).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RelationMode {
    #[default]
    ForeignKeys,
    Prisma,
}

/// The schema's configuration as Prisma reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Config {
    /// The datasource's provider; `None` without a datasource or with an unknown provider.
    pub provider: Option<Provider>,
    /// `relationMode`, else the legacy `referentialIntegrity`, else the provider's default.
    pub relation_mode: RelationMode,
    /// The generators' `previewFeatures`, as written.
    pub preview_features: Vec<String>,
    /// The datasource's `schemas = [...]`, as written.
    pub schemas: Vec<String>,
    /// The datasource's name (the prefix of native types: `@db.VarChar`): `Some` exactly when
    /// there is a datasource (its name may be empty while it is typed).
    pub datasource_name: Option<String>,
}

impl Config {
    pub fn of(schema: &Schema) -> Config {
        let datasource = schema.datasource();
        let string_property = |key: &str| {
            datasource
                .and_then(|d| d.property(key))
                .and_then(|p| p.value.as_ref())
                .and_then(Expression::as_str)
        };
        let provider = string_property("provider").and_then(Provider::from_name);
        let written_mode =
            string_property("relationMode").or_else(|| string_property("referentialIntegrity"));
        let relation_mode = match written_mode {
            Some("prisma") => RelationMode::Prisma,
            Some("foreignKeys") => RelationMode::ForeignKeys,
            _ if provider == Some(Provider::MongoDb) => RelationMode::Prisma,
            _ => RelationMode::ForeignKeys,
        };
        let preview_features = schema
            .blocks_of_kind(BlockKind::Generator)
            .filter_map(|g| g.property("previewFeatures"))
            .filter_map(|p| p.value.as_ref())
            .flat_map(string_items)
            .collect();
        let schemas = datasource
            .and_then(|d| d.property("schemas"))
            .and_then(|p| p.value.as_ref())
            .map(string_items)
            .unwrap_or_default();
        Config {
            provider,
            relation_mode,
            preview_features,
            schemas,
            datasource_name: datasource.map(|d| d.name.text.clone()),
        }
    }

    pub fn is(&self, provider: Provider) -> bool {
        self.provider == Some(provider)
    }

    pub fn has_preview_feature(&self, name: &str) -> bool {
        self.preview_features
            .iter()
            .any(|f| f.eq_ignore_ascii_case(name))
    }
}

fn string_items(value: &Expression) -> Vec<String> {
    value
        .as_list()
        .iter()
        .filter_map(Expression::as_str)
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(datasource: &str) -> Config {
        Config::of(&Schema::parse("schema.prisma", datasource.to_string()))
    }

    #[test]
    fn the_legacy_key_sets_the_relation_mode_too() {
        let legacy = config(
            "datasource db {\n  provider = \"mysql\"\n  referentialIntegrity = \"prisma\"\n}\n",
        );
        assert_eq!(legacy.relation_mode, RelationMode::Prisma);
        let both = config(
            "datasource db {\n  provider = \"mysql\"\n  relationMode = \"foreignKeys\"\n  referentialIntegrity = \"prisma\"\n}\n",
        );
        assert_eq!(both.relation_mode, RelationMode::ForeignKeys);
    }

    #[test]
    fn mongodb_defaults_to_prisma_and_others_to_foreign_keys() {
        let mongo = config("datasource db {\n  provider = \"mongodb\"\n}\n");
        assert_eq!(mongo.relation_mode, RelationMode::Prisma);
        assert!(mongo.is(Provider::MongoDb));
        let postgres = config("datasource db {\n  provider = \"postgresql\"\n}\n");
        assert_eq!(postgres.relation_mode, RelationMode::ForeignKeys);
        assert_eq!(postgres.datasource_name.as_deref(), Some("db"));
        assert_eq!(config("").provider, None);
    }
}
