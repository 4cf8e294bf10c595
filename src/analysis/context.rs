//! What every check reads besides the schema: its configuration (read by `semantics::Config`)
//! and the user's options (the target Prisma release, the advisor's settings, the database).

use crate::model::Schema;
pub use crate::semantics::{Config, RelationMode};

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

/// What every check reads besides the schema: the schema's configuration
/// (`semantics::Config`, reached through `Deref`: `context.provider`) and the target release.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Context {
    pub prisma_version: PrismaVersion,
    pub config: Config,
}

impl std::ops::Deref for Context {
    type Target = Config;

    fn deref(&self) -> &Config {
        &self.config
    }
}

impl Context {
    pub fn new(schema: &Schema, options: &Options) -> Self {
        Context {
            prisma_version: options.prisma_version,
            config: Config::of(schema),
        }
    }

    /// A fingerprint of the context, for caches that depend on it.
    pub fn fingerprint(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = rustc_hash::FxHasher::default();
        self.hash(&mut hasher);
        hasher.finish()
    }
}
