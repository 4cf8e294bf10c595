//! The `datasource` block: provider values, keys (and which Prisma versions accept them),
//! `relationMode` values and the arguments of a PostgreSQL extension entry.

use super::{Item, Provider, item};

/// Datasource provider values (with "postgres" NOT listed; it is an alias), each with a one-line doc.
pub const DATASOURCE_PROVIDERS: &[Item] = &[
    item(
        "postgresql",
        "PostgreSQL (also accepted as `postgres`). Supports enums, scalar lists, native types, multi-schema and extensions.",
    ),
    item(
        "mysql",
        "MySQL or MariaDB (also PlanetScale). Supports enums, full-text indexes and index `length`; no scalar lists.",
    ),
    item(
        "sqlite",
        "SQLite file database. No native types or scalar lists; enums and `Json` are emulated since Prisma 6.2.",
    ),
    item(
        "sqlserver",
        "Microsoft SQL Server or Azure SQL. No enums, no `Json` and no scalar lists; supports clustered indexes.",
    ),
    item(
        "mongodb",
        "MongoDB. Uses composite `type` blocks and `@db.ObjectId` ids; relations are always emulated by Prisma.",
    ),
    item(
        "cockroachdb",
        "CockroachDB, which speaks the PostgreSQL protocol but has its own native types and index types.",
    ),
];

/// Datasource keys. `url`, `directUrl` and `shadowDatabaseUrl` are only accepted by Prisma 6 and
/// earlier; Prisma 7 rejects them in the schema (they live in `prisma.config.ts`).
pub const DATASOURCE_KEYS: &[Item] = &[
    item(
        "provider",
        "Required. The database connector: `postgresql`, `mysql`, `sqlite`, `sqlserver`, `mongodb` or `cockroachdb`. Must be a plain string, not `env()`.",
    ),
    item(
        "url",
        "Connection URL, e.g. `url = env(\"DATABASE_URL\")`. Prisma 6 and earlier only: Prisma 7 rejects it in the schema; set `datasource.url` in `prisma.config.ts` instead.",
    ),
    item(
        "directUrl",
        "Direct (non-pooled) connection URL used by Migrate, e.g. behind a connection pooler. Prisma 6 and earlier only: Prisma 7 moved it to `prisma.config.ts`.",
    ),
    item(
        "shadowDatabaseUrl",
        "URL of the shadow database used by `prisma migrate dev`; must differ from `url`. Prisma 6 and earlier only: Prisma 7 moved it to `prisma.config.ts`.",
    ),
    item(
        "relationMode",
        "How relations are enforced: `\"foreignKeys\"` (default for SQL databases) or `\"prisma\"` (emulated by Prisma Client; the only mode for MongoDB).",
    ),
    item(
        "extensions",
        "PostgreSQL extensions to manage, e.g. `extensions = [pgcrypto, postgis(version: \"3.4\")]`. Needs the `postgresqlExtensions` preview feature.",
    ),
    item(
        "schemas",
        "Database schemas to use, e.g. `schemas = [\"public\", \"auth\"]`; every model and enum then needs `@@schema`. PostgreSQL, CockroachDB and SQL Server.",
    ),
];

/// Datasource keys that are still recognised but deprecated.
pub const DEPRECATED_DATASOURCE_KEYS: &[Item] = &[item(
    "referentialIntegrity",
    "Old name of `relationMode` (warning). It cannot be combined with `relationMode`.",
)];

/// The datasource keys that apply to `provider` (None = unknown: all keys).
pub fn datasource_keys(provider: Option<Provider>) -> Vec<&'static Item> {
    DATASOURCE_KEYS
        .iter()
        .filter(|k| match (k.name, provider) {
            (_, None) => true,
            ("extensions", Some(p)) => p.supports_extensions(),
            ("schemas", Some(p)) => p.supports_multi_schema(),
            _ => true,
        })
        .collect()
}

/// Whether `key` is a datasource key that Prisma 7 no longer accepts in the schema file.
pub fn is_datasource_url_key(key: &str) -> bool {
    matches!(key, "url" | "directUrl" | "shadowDatabaseUrl")
}

/// relationMode values: "foreignKeys", "prisma".
pub const RELATION_MODES: &[Item] = &[
    item(
        "foreignKeys",
        "Default for SQL databases: the database enforces relations with foreign key constraints and runs the referential actions.",
    ),
    item(
        "prisma",
        "Prisma Client emulates relations and referential actions; no foreign keys are created. Add `@@index` on relation scalar fields yourself. Always used by MongoDB.",
    ),
];

/// The relationMode values that `provider` accepts (MongoDB only accepts `"prisma"`).
pub fn relation_modes(provider: Option<Provider>) -> Vec<&'static Item> {
    RELATION_MODES
        .iter()
        .filter(|m| !(provider == Some(Provider::MongoDb) && m.name == "foreignKeys"))
        .collect()
}

/// Named arguments of an entry in the PostgreSQL `extensions` list,
/// e.g. `postgis(schema: "gis", version: "3.4", map: "postgis")`.
pub const EXTENSION_ARGUMENTS: &[Item] = &[
    item("schema", "Database schema the extension is installed into."),
    item("version", "Extension version to install, as a string."),
    item(
        "map",
        "The extension's name in the database, when it differs from the identifier.",
    ),
];
