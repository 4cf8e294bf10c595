//! What the schema's configuration decides for every other check: the provider, the relation
//! mode, the preview features, the declared schemas. Read once per analysis.

use crate::catalog::Provider;
use crate::model::{Block, BlockKind, Expression, Schema};

/// Who enforces relations: the database (foreign keys) or Prisma Client (`relationMode =
/// "prisma"`, the only mode on MongoDB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationMode {
    ForeignKeys,
    Prisma,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Context {
    /// The datasource's provider; `None` without a datasource or with an unknown provider
    /// (then provider-specific checks stay silent).
    pub provider: Option<Provider>,
    pub relation_mode: RelationMode,
    /// `relationMode` (or the old `referentialIntegrity`) was written explicitly.
    pub relation_mode_explicit: bool,
    /// The generator's `previewFeatures`, as written.
    pub preview_features: Vec<String>,
    /// The datasource's `schemas = [...]`, as written.
    pub schemas: Vec<String>,
}

impl Context {
    pub fn new(schema: &Schema) -> Self {
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
        Context {
            provider,
            relation_mode,
            relation_mode_explicit: written_mode.is_some(),
            preview_features,
            schemas,
        }
    }

    pub fn is(&self, provider: Provider) -> bool {
        self.provider == Some(provider)
    }

    /// Whether the provider is PostgreSQL or CockroachDB (which share most SQL rules).
    pub fn is_postgres_family(&self) -> bool {
        matches!(
            self.provider,
            Some(Provider::PostgreSql | Provider::CockroachDb)
        )
    }

    pub fn has_preview_feature(&self, name: &str) -> bool {
        self.preview_features
            .iter()
            .any(|f| f.eq_ignore_ascii_case(name))
    }

    /// A fingerprint of the context, for caches that depend on it.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        self.hash(&mut hasher);
        hasher.finish()
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

/// The `@@schema("…")` of a block, if any.
pub fn block_schema(block: &Block) -> Option<&str> {
    block
        .attributes_named("schema")
        .next()
        .and_then(|a| a.argument("map", Some(0)))
        .and_then(|a| a.value.as_ref())
        .and_then(Expression::as_str)
}
