//! What the schema's configuration decides for every other check: the provider, the relation
//! mode, the preview features, the declared schemas. Read once per analysis.

use crate::catalog::Provider;
use crate::model::{BlockKind, Expression, Schema};

/// Who enforces relations: the database (foreign keys) or Prisma Client (`relationMode =
/// "prisma"`, the only mode on MongoDB).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RelationMode {
    ForeignKeys,
    Prisma,
}

/// The Prisma release a schema is checked against. Prisma 7 moved the connection URLs out of
/// the schema (into `prisma.config.ts`), which Prisma 6 requires in it; most schemas in the
/// wild are Prisma 6 schemas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum PrismaVersion {
    /// Accept what either release accepts (the default): no error for `url` in the
    /// datasource, nor for its absence.
    #[default]
    Any,
    Six,
    Seven,
}

impl PrismaVersion {
    /// From the configuration value: `"6"`, `"7"` or `"any"`.
    pub fn from_name(name: &str) -> Option<PrismaVersion> {
        match name.trim() {
            "any" => Some(PrismaVersion::Any),
            "6" => Some(PrismaVersion::Six),
            "7" => Some(PrismaVersion::Seven),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PrismaVersion::Any => "any",
            PrismaVersion::Six => "6",
            PrismaVersion::Seven => "7",
        }
    }
}

/// What the user chose about how schemas are checked.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Options {
    pub prisma_version: PrismaVersion,
    /// The advisor's settings (shared: the server hands them to every analysis).
    pub advisor: std::sync::Arc<super::advisor::AdvisorSettings>,
    /// A live database to compare with, as the user chose it (the editor's `databaseUrl`,
    /// or what `settings::database_url_to_read` decided): a URL, or `env` for
    /// `DATABASE_URL`; off when `None`. Read by the server and `check` (the flag wins).
    pub database_url: Option<String>,
    /// The `database-url` of a project's `prisma-analyzer.toml`: read only when the user
    /// allowed it (`settings::database_url_to_read`), since the repository chose it.
    pub project_database_url: Option<String>,
    /// The user allows project files' `database-url` (the editor's
    /// `allowProjectDatabaseUrl`; a project file cannot set it).
    pub allow_project_database_url: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Context {
    pub prisma_version: PrismaVersion,
    /// The datasource's provider; `None` without a datasource or with an unknown provider
    /// (then provider-specific checks stay silent).
    pub provider: Option<Provider>,
    pub relation_mode: RelationMode,
    /// The generator's `previewFeatures`, as written.
    pub preview_features: Vec<String>,
    /// The datasource's `schemas = [...]`, as written.
    pub schemas: Vec<String>,
    /// The datasource's name (the prefix of native types: `@db.VarChar`), if there is one.
    pub datasource_name: Option<String>,
}

impl Context {
    pub fn new(schema: &Schema, options: &Options) -> Self {
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
            prisma_version: options.prisma_version,
            provider,
            relation_mode,
            datasource_name: datasource.map(|d| d.name.text.clone()),
            preview_features,
            schemas,
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
