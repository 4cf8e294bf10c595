//! Prisma's vocabulary: providers, keys, attributes, functions, native types, actions.
//!
//! Everything here is plain data about the Prisma Schema Language as accepted by Prisma 6.x and
//! 7.x, plus small lookup helpers used by completion, hover and validation. The descriptions are
//! our own. Where a fact is not obvious, a comment names the source that settled it:
//! * "conformance psl/..." or "psl-rust/..." — a validation case under `shared/conformance`;
//! * "completion scenario X" — `shared/conformance/prisma-fmt/text_document_completion/scenarios/X`;
//! * "engines source" — the prisma-engines connector code (read for facts only).

// ---------------------------------------------------------------------------------------------
// Providers
// ---------------------------------------------------------------------------------------------

/// A datasource connector.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Provider {
    PostgreSql,
    CockroachDb,
    MySql,
    Sqlite,
    SqlServer,
    MongoDb,
}

impl Provider {
    /// Every provider, in the order Prisma's docs list them.
    pub const ALL: [Provider; 6] = [
        Provider::PostgreSql,
        Provider::MySql,
        Provider::Sqlite,
        Provider::SqlServer,
        Provider::MongoDb,
        Provider::CockroachDb,
    ];

    /// From the datasource `provider` string ("postgresql", "postgres", "mysql", "sqlite",
    /// "sqlserver", "mongodb", "cockroachdb"); None for anything else.
    ///
    /// The match is exact (case-sensitive), as in Prisma; `postgres` is an alias of `postgresql`.
    pub fn from_name(name: &str) -> Option<Provider> {
        match name {
            "postgresql" | "postgres" => Some(Provider::PostgreSql),
            "cockroachdb" => Some(Provider::CockroachDb),
            "mysql" => Some(Provider::MySql),
            "sqlite" => Some(Provider::Sqlite),
            "sqlserver" => Some(Provider::SqlServer),
            "mongodb" => Some(Provider::MongoDb),
            _ => None,
        }
    }

    /// The canonical provider string.
    pub fn name(self) -> &'static str {
        match self {
            Provider::PostgreSql => "postgresql",
            Provider::CockroachDb => "cockroachdb",
            Provider::MySql => "mysql",
            Provider::Sqlite => "sqlite",
            Provider::SqlServer => "sqlserver",
            Provider::MongoDb => "mongodb",
        }
    }

    /// The database's usual name, for messages ("PostgreSQL", "SQL Server", ...).
    pub fn display_name(self) -> &'static str {
        match self {
            Provider::PostgreSql => "PostgreSQL",
            Provider::CockroachDb => "CockroachDB",
            Provider::MySql => "MySQL",
            Provider::Sqlite => "SQLite",
            Provider::SqlServer => "SQL Server",
            Provider::MongoDb => "MongoDB",
        }
    }

    /// Whether `enum` blocks are allowed. SQL Server is the only provider without enums;
    /// SQLite gained them (emulated as text) in Prisma 6.2.0.
    /// Source: psl-rust capabilities/sqlserver.rs::enum_support; engines source (SQLite
    /// capabilities include `Enums`); Prisma 6.2.0 release notes.
    pub fn supports_enums(self) -> bool {
        !matches!(self, Provider::SqlServer)
    }

    /// Whether lists of scalars (`String[]`, `Int[]`, enum lists) are allowed: PostgreSQL,
    /// CockroachDB and MongoDB. Source: psl-rust capabilities/mysql.rs::scalar_list_support and
    /// capabilities/sqlite.rs::scalar_list_support.
    pub fn supports_scalar_lists(self) -> bool {
        matches!(
            self,
            Provider::PostgreSql | Provider::CockroachDb | Provider::MongoDb
        )
    }

    /// Whether `Json[]` is allowed: only PostgreSQL and MongoDB (CockroachDB has scalar lists
    /// but no Json lists). Source: psl-rust base/base_types.rs::json_list_type_must_work_for_some_connectors.
    pub fn supports_json_lists(self) -> bool {
        matches!(self, Provider::PostgreSql | Provider::MongoDb)
    }

    /// Whether the `Json` scalar type is allowed: every provider except SQL Server
    /// (SQLite since Prisma 6.2.0). Source: psl-rust capabilities/sqlserver.rs::json_support.
    pub fn supports_json(self) -> bool {
        !matches!(self, Provider::SqlServer)
    }

    /// Whether the `Decimal` scalar type is allowed: every provider except MongoDB.
    pub fn supports_decimal(self) -> bool {
        !matches!(self, Provider::MongoDb)
    }

    /// Whether `@db.X` native type attributes exist. SQLite has none.
    pub fn supports_native_types(self) -> bool {
        !matches!(self, Provider::Sqlite)
    }

    /// Whether composite `type` blocks are allowed (MongoDB only).
    pub fn supports_composite_types(self) -> bool {
        matches!(self, Provider::MongoDb)
    }

    /// Whether the datasource `schemas` list and `@@schema` are allowed:
    /// PostgreSQL, CockroachDB and SQL Server.
    pub fn supports_multi_schema(self) -> bool {
        matches!(
            self,
            Provider::PostgreSql | Provider::CockroachDb | Provider::SqlServer
        )
    }

    /// Whether the datasource `extensions` list is allowed (PostgreSQL, with the
    /// `postgresqlExtensions` preview feature).
    pub fn supports_extensions(self) -> bool {
        matches!(self, Provider::PostgreSql)
    }

    /// Whether `@default(autoincrement())` is allowed at all (not on MongoDB).
    pub fn supports_autoincrement(self) -> bool {
        !matches!(self, Provider::MongoDb)
    }

    /// Whether the database enforces relations with foreign keys. MongoDB never does:
    /// its relation mode is always `prisma`.
    pub fn supports_foreign_keys(self) -> bool {
        !matches!(self, Provider::MongoDb)
    }

    /// Whether `@relation(map: "...")` (a named foreign key) is allowed. SQLite and MongoDB
    /// have no named foreign keys. Source: engines source (`NamedForeignKeys` capability).
    pub fn supports_named_foreign_keys(self) -> bool {
        matches!(
            self,
            Provider::PostgreSql | Provider::CockroachDb | Provider::MySql | Provider::SqlServer
        )
    }

    /// Whether `@default(..., map: "...")` (a named default constraint) is allowed: SQL Server
    /// only. Source: completion scenarios default_map_mssql and no_default_map_on_postgres.
    pub fn supports_named_defaults(self) -> bool {
        matches!(self, Provider::SqlServer)
    }

    /// Whether `@@fulltext` is allowed: MySQL and MongoDB.
    pub fn supports_fulltext_index(self) -> bool {
        matches!(self, Provider::MySql | Provider::MongoDb)
    }

    /// Whether `@shardKey` / `@@shardKey` are allowed (MySQL, i.e. PlanetScale/Vitess, with the
    /// `shardKeys` preview feature). Source: conformance psl/attributes/shard_key/*.
    pub fn supports_shard_keys(self) -> bool {
        matches!(self, Provider::MySql)
    }

    /// Whether the `where:` argument for partial indexes is allowed (`partialIndexes` preview,
    /// Prisma 7.4+): PostgreSQL, CockroachDB, SQLite and SQL Server; not MySQL or MongoDB.
    /// Source: prisma.io docs "Indexes", section on partial indexes.
    pub fn supports_partial_indexes(self) -> bool {
        matches!(
            self,
            Provider::PostgreSql | Provider::CockroachDb | Provider::Sqlite | Provider::SqlServer
        )
    }

    /// Whether `clustered:` is allowed on ids, uniques and indexes (SQL Server only).
    pub fn supports_clustering(self) -> bool {
        matches!(self, Provider::SqlServer)
    }

    /// Whether the per-field `length:` index argument is allowed (MySQL only).
    pub fn supports_index_length(self) -> bool {
        matches!(self, Provider::MySql)
    }

    /// Whether `sort:` is allowed on `@id` / `@@id` fields (SQL Server only; every provider
    /// accepts it on `@unique`, `@@unique` and `@@index`).
    pub fn supports_primary_key_sort(self) -> bool {
        matches!(self, Provider::SqlServer)
    }

    /// Whether implicit many-to-many relations (`Post[]` on both sides) are allowed.
    /// MongoDB uses an explicit list of ids instead.
    pub fn supports_implicit_many_to_many(self) -> bool {
        !matches!(self, Provider::MongoDb)
    }

    /// Whether `@default(auto())` is allowed (MongoDB only).
    pub fn supports_auto_default(self) -> bool {
        matches!(self, Provider::MongoDb)
    }
}

// ---------------------------------------------------------------------------------------------
// Small documented items
// ---------------------------------------------------------------------------------------------

/// A documented keyword/value for completion and hover.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub name: &'static str,
    pub doc: &'static str,
}

const fn item(name: &'static str, doc: &'static str) -> Item {
    Item { name, doc }
}

/// Finds an item by exact name.
pub fn find_item(items: &'static [Item], name: &str) -> Option<&'static Item> {
    items.iter().find(|i| i.name == name)
}

// ---------------------------------------------------------------------------------------------
// Datasource block
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Generator block
// ---------------------------------------------------------------------------------------------

/// Generator provider values: "prisma-client-js", "prisma-client" (Prisma 7's new generator), with docs.
pub const GENERATOR_PROVIDERS: &[Item] = &[
    item(
        "prisma-client",
        "The ESM-first client generator (added in Prisma 6.6, the default in Prisma 7). Writes plain TypeScript into `output`, which is required.",
    ),
    item(
        "prisma-client-js",
        "The classic client generated into `node_modules/.prisma/client`. The default up to Prisma 6; deprecated in Prisma 7.",
    ),
];

/// Generator keys. Generators may take extra keys of their own, so unknown keys are not errors.
pub const GENERATOR_KEYS: &[Item] = &[
    item(
        "provider",
        "Required. Which generator to run: `prisma-client`, `prisma-client-js`, or a path/command of a custom generator.",
    ),
    item(
        "output",
        "Directory for the generated code, relative to the schema file. Required for `prisma-client`.",
    ),
    item(
        "previewFeatures",
        "List of preview feature flags to enable, e.g. `previewFeatures = [\"views\"]`.",
    ),
    item(
        "binaryTargets",
        "`prisma-client-js` with the Rust engine (Prisma 6 and earlier): platforms to download query engines for, e.g. `[\"native\", \"debian-openssl-3.0.x\"]`.",
    ),
    item(
        "engineType",
        "`prisma-client-js` only, Prisma 6 and earlier: `\"library\"` (default), `\"binary\"` or `\"client\"` (no Rust engine). Removed in Prisma 7.",
    ),
    item(
        "runtime",
        "`prisma-client` only: target runtime, e.g. `\"nodejs\"` (default), `\"deno\"`, `\"bun\"`, `\"workerd\"`, `\"vercel-edge\"` or `\"react-native\"`.",
    ),
    item(
        "moduleFormat",
        "`prisma-client` only: `\"esm\"` or `\"cjs\"` for the generated code; inferred from the project when omitted.",
    ),
    item(
        "generatedFileExtension",
        "`prisma-client` only: extension of the generated files: `\"ts\"` (default), `\"mts\"` or `\"cts\"`.",
    ),
    item(
        "importFileExtension",
        "`prisma-client` only: extension used in generated import paths: `\"ts\"`, `\"mts\"`, `\"cts\"`, `\"js\"`, `\"mjs\"`, `\"cjs\"` or `\"\"` (bare).",
    ),
    item(
        "compilerBuild",
        "Which query compiler build the client bundles: `\"fast\"` (default, larger) or `\"small\"` (smaller, a bit slower).",
    ),
];

/// Values of the `prisma-client` generator's `runtime` key.
pub const GENERATOR_RUNTIMES: &[Item] = &[
    item("nodejs", "Node.js (the default)."),
    item("deno", "Deno."),
    item("bun", "Bun."),
    item("workerd", "Cloudflare Workers (alias `cloudflare`)."),
    item("cloudflare", "Alias of `workerd`."),
    item("vercel-edge", "Vercel Edge Functions (alias `edge-light`)."),
    item("edge-light", "Alias of `vercel-edge`."),
    item("react-native", "React Native."),
];

/// Values of the `moduleFormat` key.
pub const MODULE_FORMATS: &[Item] = &[
    item("esm", "ES modules (`import`); recommended."),
    item("cjs", "CommonJS (`require`)."),
];

/// Values of the `generatedFileExtension` key.
pub const GENERATED_FILE_EXTENSIONS: &[Item] = &[
    item("ts", "`.ts` files (the default)."),
    item("mts", "`.mts` files."),
    item("cts", "`.cts` files."),
];

/// Values of the `importFileExtension` key.
pub const IMPORT_FILE_EXTENSIONS: &[Item] = &[
    item("ts", "Imports end in `.ts`."),
    item("mts", "Imports end in `.mts`."),
    item("cts", "Imports end in `.cts`."),
    item("js", "Imports end in `.js`."),
    item("mjs", "Imports end in `.mjs`."),
    item("cjs", "Imports end in `.cjs`."),
    item("", "Bare imports without an extension."),
];

/// Values of the `compilerBuild` key.
pub const COMPILER_BUILDS: &[Item] = &[
    item(
        "fast",
        "Faster query compilation, larger bundle (the default).",
    ),
    item(
        "small",
        "Smallest bundle, slightly slower query compilation.",
    ),
];

/// Values of the `engineType` key (`prisma-client-js`, Prisma 6 and earlier).
pub const ENGINE_TYPES: &[Item] = &[
    item(
        "library",
        "Node-API library query engine loaded in-process (the default).",
    ),
    item("binary", "Query engine run as a separate executable."),
    item(
        "client",
        "No Rust query engine: queries are compiled in TypeScript and sent through a driver adapter (Prisma 6.16+).",
    ),
];

/// Common `binaryTargets` values (`native` means the current machine).
pub const BINARY_TARGETS: &[Item] = &[
    item(
        "native",
        "The platform `prisma generate` runs on (the default).",
    ),
    item("darwin", "macOS on Intel."),
    item("darwin-arm64", "macOS on Apple silicon."),
    item("windows", "Windows."),
    item(
        "debian-openssl-1.0.x",
        "glibc Linux (Debian, Ubuntu, Mint, Arch) with OpenSSL 1.0.",
    ),
    item(
        "debian-openssl-1.1.x",
        "glibc Linux (Debian, Ubuntu, Mint, Arch) with OpenSSL 1.1.",
    ),
    item(
        "debian-openssl-3.0.x",
        "glibc Linux (Debian 12, Ubuntu 22.04+) with OpenSSL 3.",
    ),
    item("rhel-openssl-1.0.x", "RHEL/CentOS/Fedora with OpenSSL 1.0."),
    item("rhel-openssl-1.1.x", "RHEL/CentOS/Fedora with OpenSSL 1.1."),
    item("rhel-openssl-3.0.x", "RHEL/Fedora with OpenSSL 3."),
    item("linux-musl", "Alpine Linux (x86_64) with OpenSSL 1.1."),
    item(
        "linux-musl-openssl-3.0.x",
        "Alpine Linux 3.17+ (x86_64) with OpenSSL 3.",
    ),
    item(
        "linux-musl-arm64-openssl-1.1.x",
        "Alpine Linux (ARM64) with OpenSSL 1.1.",
    ),
    item(
        "linux-musl-arm64-openssl-3.0.x",
        "Alpine Linux 3.17+ (ARM64) with OpenSSL 3.",
    ),
    item(
        "linux-arm64-openssl-1.0.x",
        "glibc Linux on ARM64 with OpenSSL 1.0.",
    ),
    item(
        "linux-arm64-openssl-1.1.x",
        "glibc Linux on ARM64 with OpenSSL 1.1.",
    ),
    item(
        "linux-arm64-openssl-3.0.x",
        "glibc Linux on ARM64 with OpenSSL 3.",
    ),
];

/// The documented values of a generator key (empty for free-form keys like `output`).
pub fn generator_key_values(key: &str) -> &'static [Item] {
    match key {
        "provider" => GENERATOR_PROVIDERS,
        "previewFeatures" => PREVIEW_FEATURES,
        "binaryTargets" => BINARY_TARGETS,
        "engineType" => ENGINE_TYPES,
        "runtime" => GENERATOR_RUNTIMES,
        "moduleFormat" => MODULE_FORMATS,
        "generatedFileExtension" => GENERATED_FILE_EXTENSIONS,
        "importFileExtension" => IMPORT_FILE_EXTENSIONS,
        "compilerBuild" => COMPILER_BUILDS,
        _ => &[],
    }
}

/// Whether a generator key only makes sense for one built-in generator provider:
/// returns that provider's name, or None for keys every generator may use.
pub fn generator_key_owner(key: &str) -> Option<&'static str> {
    match key {
        "runtime" | "moduleFormat" | "generatedFileExtension" | "importFileExtension" => {
            Some("prisma-client")
        }
        "binaryTargets" | "engineType" => Some("prisma-client-js"),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Preview features
// ---------------------------------------------------------------------------------------------

// Source: engines source `psl-core/src/common/preview_features.rs` (Prisma 7 era: active =
// nativeDistinct, postgresqlExtensions, relationJoins, schemaEngineDriverAdapters, shardKeys,
// strictUndefinedChecks, views; fullTextSearchPostgres only on PostgreSQL; typedSql and
// reactNative hidden), the list in psl-rust config/generators.rs::nice_error_for_unknown_generator_preview_feature
// (late Prisma 6, which still had `metrics`), and the prisma.io "Prisma Client & Prisma schema"
// preview-features page (adds `partialIndexes`, 7.4.0). Feature names are matched
// case-insensitively by Prisma.

/// Preview feature names currently accepted by Prisma (6.x and 7.x, union), with docs.
pub const PREVIEW_FEATURES: &[Item] = &[
    item(
        "views",
        "Enables `view` blocks, which map read-only database views (since 4.9.0).",
    ),
    item(
        "relationJoins",
        "Lets Prisma Client load relations with database JOINs (`relationLoadStrategy: \"join\"`) on PostgreSQL, CockroachDB and MySQL (since 5.7.0).",
    ),
    item(
        "nativeDistinct",
        "Runs `distinct` queries in the database (`DISTINCT ON`) instead of in memory, where supported (since 5.7.0).",
    ),
    item(
        "typedSql",
        "Generates typed functions from `.sql` files in `prisma/sql` (since 5.19.0). Accepted but hidden from Prisma's own completion.",
    ),
    item(
        "strictUndefinedChecks",
        "Makes explicitly passing `undefined` in a query an error; use `Prisma.skip` to omit a value (since 5.20.0).",
    ),
    item(
        "fullTextSearchPostgres",
        "Full-text `search` filters on PostgreSQL (since 6.0.0, replacing `fullTextSearch` there). Only valid with `provider = \"postgresql\"`.",
    ),
    item(
        "shardKeys",
        "Enables `@shardKey` and `@@shardKey` for PlanetScale/Vitess MySQL databases (since 6.10.0).",
    ),
    item(
        "partialIndexes",
        "Enables `where:` on `@@index`, `@@unique` and `@unique` for partial indexes (since 7.4.0). Not on MySQL or MongoDB.",
    ),
    item(
        "postgresqlExtensions",
        "Enables the datasource `extensions` list for managing PostgreSQL extensions (since 4.5.0).",
    ),
    item(
        "schemaEngineDriverAdapters",
        "Lets Migrate and introspection connect through the driver adapter configured in `prisma.config.ts`.",
    ),
    item(
        "metrics",
        "Prisma Client metrics (`$metrics`). Prisma 6 only: Prisma 7 no longer knows this flag and rejects it.",
    ),
];

/// Valid preview features that Prisma hides from tooling (completion and error lists).
pub const HIDDEN_PREVIEW_FEATURES: &[Item] = &[item(
    "reactNative",
    "Internal flag for React Native support; accepted but not advertised.",
)];

/// Preview features that were promoted to general availability (or folded into other
/// behaviour). Prisma still accepts them but warns that the flag is no longer needed.
/// Source: conformance psl/preview_features/full_text_index/mysql.prisma (warning text) and the
/// engines `stabilized` set.
pub const PROMOTED_PREVIEW_FEATURES: &[Item] = &[
    item(
        "aggregateApi",
        "Aggregations; generally available for a long time.",
    ),
    item(
        "atomicNumberOperations",
        "Atomic `increment`/`decrement` updates; generally available.",
    ),
    item(
        "clientExtensions",
        "Prisma Client extensions (`$extends`); generally available since 4.16.0.",
    ),
    item(
        "cockroachdb",
        "The CockroachDB connector; generally available.",
    ),
    item(
        "connectOrCreate",
        "Nested `connectOrCreate`; generally available.",
    ),
    item("createMany", "`createMany`; generally available."),
    item("dataProxy", "Data Proxy support; no longer a flag."),
    item("deno", "Deno support; no longer a flag."),
    item("distinct", "`distinct` queries; generally available."),
    item(
        "driverAdapters",
        "Driver adapters; generally available since 6.16.0.",
    ),
    item(
        "extendedIndexes",
        "Index `length`, `sort`, `type`, `ops` and `clustered`; generally available since 4.0.0.",
    ),
    item(
        "extendedWhereUnique",
        "Non-unique filters in `WhereUniqueInput`; generally available since 5.0.0.",
    ),
    item(
        "fieldReference",
        "Comparing columns of the same table; generally available since 5.0.0.",
    ),
    item(
        "filteredRelationCount",
        "Filtered `_count` of relations; generally available since 4.16.0.",
    ),
    item(
        "filterJson",
        "Filtering on `Json` fields; generally available since 4.0.0.",
    ),
    item(
        "fullTextIndex",
        "`@@fulltext` on MySQL and MongoDB; no longer needs a flag.",
    ),
    item(
        "fullTextSearch",
        "Full-text search on MySQL; no longer needs a flag. On PostgreSQL it was renamed to `fullTextSearchPostgres`.",
    ),
    item("groupBy", "`groupBy` queries; generally available."),
    item(
        "improvedQueryRaw",
        "Typed results for raw queries; generally available since 4.0.0.",
    ),
    item(
        "interactiveTransactions",
        "Interactive transactions; generally available since 4.7.0.",
    ),
    item(
        "jsonProtocol",
        "The JSON wire protocol; generally available since 5.0.0.",
    ),
    item(
        "microsoftSqlServer",
        "The SQL Server connector; generally available.",
    ),
    item(
        "middlewares",
        "Prisma Client middlewares; no longer a flag.",
    ),
    item("mongoDb", "The MongoDB connector; generally available."),
    item(
        "multiSchema",
        "Multiple database schemas (`schemas`, `@@schema`); generally available since 6.13.0.",
    ),
    item(
        "namedConstraints",
        "Custom constraint names with `map:`; generally available.",
    ),
    item(
        "nApi",
        "The Node-API query engine library; the default since long ago.",
    ),
    item(
        "nativeTypes",
        "`@db.X` native type attributes; generally available.",
    ),
    item(
        "omitApi",
        "The `omit` query option; generally available since 6.2.0.",
    ),
    item(
        "orderByAggregateGroup",
        "Ordering `groupBy` by aggregates; generally available.",
    ),
    item(
        "orderByNulls",
        "`nulls: first/last` ordering; generally available since 4.16.0.",
    ),
    item(
        "orderByRelation",
        "Ordering by relation fields; generally available.",
    ),
    item(
        "prismaSchemaFolder",
        "Schemas split over several `.prisma` files; generally available since 6.7.0.",
    ),
    item(
        "queryCompiler",
        "The TypeScript query compiler that replaces the Rust engine; no longer a flag.",
    ),
    item(
        "referentialActions",
        "`onDelete`/`onUpdate`; generally available.",
    ),
    item(
        "referentialIntegrity",
        "Became the `relationMode` datasource setting (4.7.0).",
    ),
    item(
        "selectRelationCount",
        "`_count` of relations; generally available.",
    ),
    item(
        "tracing",
        "OpenTelemetry tracing; generally available since 6.1.0.",
    ),
    item("transactionApi", "`$transaction`; generally available."),
    item(
        "uncheckedScalarInputs",
        "Writing relation scalar fields directly; generally available.",
    ),
];

/// How Prisma treats a name in `previewFeatures`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewFeatureStatus {
    /// A current preview feature (possibly hidden from tooling).
    Active,
    /// Promoted or retired: accepted with a "no longer needed" warning.
    Promoted,
    /// Renamed for this provider: accepted with a warning pointing at the new name.
    Renamed { to: &'static str },
    /// Not known: an error.
    Unknown,
}

/// Classifies a `previewFeatures` entry. `provider` None = unknown (provider-specific flags are
/// then assumed valid). Names compare case-insensitively, as in Prisma.
pub fn preview_feature_status(name: &str, provider: Option<Provider>) -> PreviewFeatureStatus {
    let is = |s: &str| name.eq_ignore_ascii_case(s);

    // On PostgreSQL, `fullTextSearch` was renamed rather than promoted. Source: conformance
    // psl/preview_features/old_full_text_search/postgresql.prisma.
    if is("fullTextSearch") && provider == Some(Provider::PostgreSql) {
        return PreviewFeatureStatus::Renamed {
            to: "fullTextSearchPostgres",
        };
    }
    if is("fullTextSearchPostgres") {
        return match provider {
            None | Some(Provider::PostgreSql) => PreviewFeatureStatus::Active,
            Some(_) => PreviewFeatureStatus::Unknown,
        };
    }
    if PREVIEW_FEATURES
        .iter()
        .chain(HIDDEN_PREVIEW_FEATURES)
        .any(|f| is(f.name))
    {
        return PreviewFeatureStatus::Active;
    }
    if PROMOTED_PREVIEW_FEATURES.iter().any(|f| is(f.name)) {
        return PreviewFeatureStatus::Promoted;
    }
    PreviewFeatureStatus::Unknown
}

// ---------------------------------------------------------------------------------------------
// Top-level blocks and scalar types
// ---------------------------------------------------------------------------------------------

/// The top-level block keywords: model, enum, type, view, datasource, generator, with docs and a short example each.
pub const BLOCK_KEYWORDS: &[Item] = &[
    item(
        "model",
        "A model: a database table (or MongoDB collection) and a Prisma Client API. Needs a unique criterion. Example: `model User { id Int @id }`",
    ),
    item(
        "enum",
        "An enum: a fixed set of values usable as a field type. Not on SQL Server. Example: `enum Role { USER ADMIN }`",
    ),
    item(
        "type",
        "A composite type: an embedded document, MongoDB only. Example: `type Address { street String }`",
    ),
    item(
        "view",
        "A read-only database view, needs the `views` preview feature; no `@id` or indexes. Example: `view UserInfo { id Int @unique }`",
    ),
    item(
        "datasource",
        "The one database connection of the schema. Example: `datasource db { provider = \"postgresql\" }`",
    ),
    item(
        "generator",
        "A code generator run by `prisma generate`. Example: `generator client { provider = \"prisma-client\" output = \"./generated\" }`",
    ),
];

/// Scalar types: String, Boolean, Int, BigInt, Float, Decimal, DateTime, Json, Bytes (+ doc each).
pub const SCALAR_TYPES: &[Item] = &[
    item(
        "String",
        "Text of variable length. Defaults: `text` on PostgreSQL, `varchar(191)` on MySQL, `nvarchar(1000)` on SQL Server.",
    ),
    item(
        "Boolean",
        "`true` or `false`. Example: `published Boolean @default(false)`",
    ),
    item(
        "Int",
        "32-bit signed integer. Example: `id Int @id @default(autoincrement())`",
    ),
    item("BigInt", "64-bit signed integer, a `bigint` in JavaScript."),
    item(
        "Float",
        "Floating point number (`double precision` on PostgreSQL, `double` on MySQL).",
    ),
    item(
        "Decimal",
        "Exact decimal number, e.g. for money; `Decimal(65,30)` by default on PostgreSQL and MySQL. Not on MongoDB.",
    ),
    item(
        "DateTime",
        "Point in time. Example: `createdAt DateTime @default(now())`",
    ),
    item(
        "Json",
        "A JSON value (`jsonb` on PostgreSQL). Not on SQL Server; emulated on SQLite since Prisma 6.2.",
    ),
    item(
        "Bytes",
        "Binary data, a `Uint8Array` in Prisma 6+ clients. Literal defaults are base64 strings.",
    ),
];

/// The `Unsupported("db_type")` field type for columns Prisma cannot represent.
pub const UNSUPPORTED_TYPE: Item = item(
    "Unsupported",
    "A database type Prisma has no scalar for, e.g. `Unsupported(\"circle\")`. Such fields are left out of the client and only accept `@default(dbgenerated(...))`.",
);

/// Whether `name` is one of the built-in scalar types.
pub fn is_scalar_type(name: &str) -> bool {
    SCALAR_TYPES.iter().any(|t| t.name == name)
}

/// Whether the provider supports this scalar type at all (None = unknown: all).
pub fn scalar_type_supported(scalar_type: &str, provider: Option<Provider>) -> bool {
    match (scalar_type, provider) {
        (_, None) => is_scalar_type(scalar_type),
        ("Json", Some(p)) => p.supports_json(),
        ("Decimal", Some(p)) => p.supports_decimal(),
        (t, Some(_)) => is_scalar_type(t),
    }
}

// ---------------------------------------------------------------------------------------------
// Attributes
// ---------------------------------------------------------------------------------------------

/// Where an attribute may appear.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttributeTarget {
    /// A field of a model or view (`@x`).
    Field,
    /// A model or view (`@@x`).
    Block,
    /// A value inside an enum (`@x`).
    EnumValue,
    /// An enum block (`@@x`).
    Enum,
}

impl AttributeTarget {
    /// Whether the attribute is written with `@@` (block level) rather than `@`.
    pub fn is_block_level(self) -> bool {
        matches!(self, AttributeTarget::Block | AttributeTarget::Enum)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct AttributeSpec {
    /// Without the `@`/`@@`: "id", "default", "unique", "relation", "map", "updatedAt",
    /// "ignore", "index", "fulltext", "schema", "shardKey".
    pub name: &'static str,
    pub targets: &'static [AttributeTarget],
    /// Arguments it accepts. The first one listed in `default_argument` may also be written
    /// without its name (e.g. `@@index([a])` is `@@index(fields: [a])`).
    pub arguments: &'static [&'static str],
    /// A snippet in LSP snippet syntax for completion, without the leading @.
    pub snippet: &'static str,
    pub doc: &'static str,
    /// Providers it is limited to (empty = all).
    pub providers: &'static [Provider],
    /// The argument an unnamed first argument stands for, if any.
    pub default_argument: Option<&'static str>,
}

impl AttributeSpec {
    /// Whether the attribute is valid on `provider` (None = unknown: yes).
    pub fn supports(&self, provider: Option<Provider>) -> bool {
        match provider {
            None => true,
            Some(p) => self.providers.is_empty() || self.providers.contains(&p),
        }
    }

    /// Whether the attribute may appear on `target`.
    pub fn applies_to(&self, target: AttributeTarget) -> bool {
        self.targets.contains(&target)
    }

    /// The attribute as written in a schema, e.g. `@@index` or `@id`.
    pub fn written_prefix(&self) -> &'static str {
        if self.targets.iter().any(|t| t.is_block_level()) {
            "@@"
        } else {
            "@"
        }
    }
}

const FIELD: &[AttributeTarget] = &[AttributeTarget::Field];
const BLOCK: &[AttributeTarget] = &[AttributeTarget::Block];
const FIELD_AND_ENUM_VALUE: &[AttributeTarget] =
    &[AttributeTarget::Field, AttributeTarget::EnumValue];
const BLOCK_AND_ENUM: &[AttributeTarget] = &[AttributeTarget::Block, AttributeTarget::Enum];

const MULTI_SCHEMA_PROVIDERS: &[Provider] = &[
    Provider::PostgreSql,
    Provider::CockroachDb,
    Provider::SqlServer,
];
const FULLTEXT_PROVIDERS: &[Provider] = &[Provider::MySql, Provider::MongoDb];
const SHARD_KEY_PROVIDERS: &[Provider] = &[Provider::MySql];

// Argument names come from the engines' attribute visitors (`parser-database/src/attributes.rs`)
// and the prisma.io "Indexes" page (`where`, Prisma 7.4+). `@unique(where:)` is the field-level
// form added by prisma-engines PR #5774.
pub const ATTRIBUTES: &[AttributeSpec] = &[
    // ----- field attributes -----
    AttributeSpec {
        name: "id",
        targets: FIELD,
        arguments: &["map", "length", "sort", "clustered"],
        snippet: "id",
        doc: "Makes the field the model's primary key; it must be required. Example: `id Int @id @default(autoincrement())`. On MongoDB also add `@map(\"_id\")`.",
        providers: &[],
        default_argument: None,
    },
    AttributeSpec {
        name: "default",
        targets: FIELD,
        arguments: &["value", "map"],
        snippet: "default($0)",
        doc: "Default value of the field: a literal (`@default(0)`, `@default(\"x\")`, an enum value, `[]`) or a function such as `now()`, `uuid()` or `autoincrement()`. `map:` names the constraint (SQL Server only).",
        providers: &[],
        default_argument: Some("value"),
    },
    AttributeSpec {
        name: "unique",
        targets: FIELD,
        arguments: &["map", "length", "sort", "clustered", "where"],
        snippet: "unique",
        doc: "Adds a unique constraint on this field. Example: `email String @unique`. `where:` makes it partial (`partialIndexes` preview).",
        providers: &[],
        default_argument: None,
    },
    AttributeSpec {
        name: "relation",
        targets: FIELD,
        arguments: &[
            "name",
            "fields",
            "references",
            "onDelete",
            "onUpdate",
            "map",
        ],
        snippet: "relation(fields: [$1], references: [$2])",
        doc: "Configures a relation: `fields` are this model's foreign key fields, `references` the fields they point to; `onDelete`/`onUpdate` set referential actions. Example: `author User @relation(fields: [authorId], references: [id])`",
        providers: &[],
        default_argument: Some("name"),
    },
    AttributeSpec {
        name: "map",
        targets: FIELD_AND_ENUM_VALUE,
        arguments: &["name"],
        snippet: "map(\"$0\")",
        doc: "Maps the field (or enum value) to a different name in the database. Example: `firstName String @map(\"first_name\")`. Not allowed on relation fields.",
        providers: &[],
        default_argument: Some("name"),
    },
    AttributeSpec {
        name: "updatedAt",
        targets: FIELD,
        arguments: &[],
        snippet: "updatedAt",
        doc: "Prisma Client sets this `DateTime` field to the current time whenever the record is updated. Example: `updatedAt DateTime @updatedAt`",
        providers: &[],
        default_argument: None,
    },
    AttributeSpec {
        name: "ignore",
        targets: FIELD,
        arguments: &[],
        snippet: "ignore",
        doc: "Leaves the field out of Prisma Client while keeping it in the database schema. A required ignored field needs a default for inserts to work.",
        providers: &[],
        default_argument: None,
    },
    AttributeSpec {
        name: "shardKey",
        targets: FIELD,
        arguments: &[],
        snippet: "shardKey",
        doc: "Marks the field as the shard key (PlanetScale/Vitess MySQL, `shardKeys` preview). The field must be required; at most one per model.",
        providers: SHARD_KEY_PROVIDERS,
        default_argument: None,
    },
    // ----- block attributes -----
    AttributeSpec {
        name: "id",
        targets: BLOCK,
        arguments: &["fields", "name", "map", "clustered"],
        snippet: "id([$0])",
        doc: "A compound primary key over several fields. Example: `@@id([postId, tagId])`. Per-field `sort:`/`length:` go inside the list.",
        providers: &[],
        default_argument: Some("fields"),
    },
    AttributeSpec {
        name: "unique",
        targets: BLOCK,
        arguments: &["fields", "name", "map", "clustered", "where"],
        snippet: "unique([$0])",
        doc: "A compound unique constraint. Example: `@@unique([firstName, lastName])`. `name:` sets the client name, `map:` the database name.",
        providers: &[],
        default_argument: Some("fields"),
    },
    AttributeSpec {
        name: "index",
        targets: BLOCK,
        arguments: &["fields", "name", "map", "type", "clustered", "where"],
        snippet: "index([$0])",
        doc: "A database index. Example: `@@index([authorId])`. `type:` picks the index method (PostgreSQL, CockroachDB); `name:` is a legacy alias of `map:`.",
        providers: &[],
        default_argument: Some("fields"),
    },
    AttributeSpec {
        name: "fulltext",
        targets: BLOCK,
        arguments: &["fields", "map"],
        snippet: "fulltext([$0])",
        doc: "A full-text index (MySQL and MongoDB). Example: `@@fulltext([title, content])`. MongoDB allows one per model.",
        providers: FULLTEXT_PROVIDERS,
        default_argument: Some("fields"),
    },
    AttributeSpec {
        name: "map",
        targets: BLOCK_AND_ENUM,
        arguments: &["name"],
        snippet: "map(\"$0\")",
        doc: "Maps the model (or enum) to a different table (or type) name in the database. Example: `@@map(\"users\")`",
        providers: &[],
        default_argument: Some("name"),
    },
    AttributeSpec {
        name: "ignore",
        targets: BLOCK,
        arguments: &[],
        snippet: "ignore",
        doc: "Leaves the whole model out of Prisma Client; relation fields pointing to it must be `@ignore` too.",
        providers: &[],
        default_argument: None,
    },
    AttributeSpec {
        name: "schema",
        targets: BLOCK_AND_ENUM,
        // Prisma names the argument `map` (`@@schema(map: "auth")`); conformance
        // psl/attributes/schema/bad_schema_attribute.prisma ("Argument \"map\" is missing").
        arguments: &["map"],
        snippet: "schema(\"$0\")",
        doc: "Puts the model or enum in one of the datasource's `schemas`. Example: `@@schema(\"auth\")`. PostgreSQL, CockroachDB and SQL Server.",
        providers: MULTI_SCHEMA_PROVIDERS,
        default_argument: Some("map"),
    },
    AttributeSpec {
        name: "shardKey",
        targets: BLOCK,
        arguments: &["fields"],
        snippet: "shardKey([$0])",
        doc: "A shard key over several fields (PlanetScale/Vitess MySQL, `shardKeys` preview). Example: `@@shardKey([region, tenant])`",
        providers: SHARD_KEY_PROVIDERS,
        default_argument: Some("fields"),
    },
];

/// Attributes written on fields (`@x`).
pub fn field_attributes() -> impl Iterator<Item = &'static AttributeSpec> {
    ATTRIBUTES
        .iter()
        .filter(|a| a.applies_to(AttributeTarget::Field))
}

/// Attributes written on models and views (`@@x`).
pub fn block_attributes() -> impl Iterator<Item = &'static AttributeSpec> {
    ATTRIBUTES
        .iter()
        .filter(|a| a.applies_to(AttributeTarget::Block))
}

/// Attributes written on enum blocks (`@@map`, `@@schema`).
pub fn enum_attributes() -> impl Iterator<Item = &'static AttributeSpec> {
    ATTRIBUTES
        .iter()
        .filter(|a| a.applies_to(AttributeTarget::Enum))
}

/// Attributes written on enum values (`@map`).
pub fn enum_value_attributes() -> impl Iterator<Item = &'static AttributeSpec> {
    ATTRIBUTES
        .iter()
        .filter(|a| a.applies_to(AttributeTarget::EnumValue))
}

/// Looks up an attribute by name (without `@`/`@@`) for a target.
pub fn find_attribute(name: &str, target: AttributeTarget) -> Option<&'static AttributeSpec> {
    ATTRIBUTES
        .iter()
        .find(|a| a.name == name && a.applies_to(target))
}

/// Field attributes allowed inside a composite `type` block (MongoDB): only these, plus
/// native type attributes. `@id`, `@unique`, `@relation` and indexes are rejected there.
pub const COMPOSITE_TYPE_FIELD_ATTRIBUTES: &[&str] = &["map", "default"];

/// Per-field arguments inside the field list of `@@id`, `@@unique`, `@@index` and
/// `@@fulltext`, e.g. `@@index([title(sort: Desc, length: 10)])`.
pub const INDEX_FIELD_ARGUMENTS: &[Item] = &[
    item(
        "sort",
        "Sort order of the field in the index: `Asc` or `Desc`. On `@id`/`@@id` only for SQL Server.",
    ),
    item(
        "length",
        "Index only the first N characters/bytes of a `String` or `Bytes` field. MySQL only.",
    ),
    item(
        "ops",
        "PostgreSQL operator class, e.g. `ops: JsonbPathOps`, or `ops: raw(\"name\")` for one Prisma does not know. Only in `@@index`.",
    ),
];

/// `@relation` arguments with their docs (for hover on argument names).
pub const RELATION_ARGUMENTS: &[Item] = &[
    item(
        "name",
        "Relation name; needed to tell apart several relations between the same two models. May be the first unnamed argument: `@relation(\"Author\")`.",
    ),
    item(
        "fields",
        "This model's scalar fields that hold the foreign key, e.g. `fields: [authorId]`.",
    ),
    item(
        "references",
        "The fields of the other model that `fields` point to, usually its id: `references: [id]`.",
    ),
    item(
        "onDelete",
        "Referential action when the referenced record is deleted. Defaults: `SetNull` for optional relations, `Restrict` (SQL Server: `NoAction`) for required ones.",
    ),
    item(
        "onUpdate",
        "Referential action when the referenced fields change. Default: `Cascade`.",
    ),
    item(
        "map",
        "Name of the foreign key constraint in the database. Not on SQLite or MongoDB.",
    ),
];

/// Index/constraint arguments with their docs.
pub const INDEX_ARGUMENTS: &[Item] = &[
    item(
        "fields",
        "The indexed fields, e.g. `fields: [a, b]` or simply `[a, b]`.",
    ),
    item(
        "name",
        "On `@@id`/`@@unique`: the name used in Prisma Client's compound-key input. On `@@index`: a legacy alias of `map`.",
    ),
    item("map", "The index or constraint name in the database."),
    item(
        "type",
        "Index method of `@@index`: `BTree` (default), `Hash`, `Gist`, `Gin`, `SpGist`, `Brin` on PostgreSQL; `BTree` or `Gin` on CockroachDB.",
    ),
    item(
        "clustered",
        "SQL Server only: `true` or `false`. At most one clustered index per table; `@id` is clustered by default.",
    ),
    item(
        "where",
        "Partial index condition (`partialIndexes` preview, Prisma 7.4+): `where: raw(\"\\\"deletedAt\\\" IS NULL\")` or `where: { active: true }`. Not on MySQL.",
    ),
];

// ---------------------------------------------------------------------------------------------
// @default functions
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
pub struct DefaultFunction {
    /// "autoincrement", "cuid", "uuid", "nanoid", "ulid", "now", "dbgenerated", "sequence", "auto".
    pub name: &'static str,
    /// e.g. "uuid()", "dbgenerated(\"$1\")".
    pub snippet: &'static str,
    /// Field types it is valid for; empty = any field type (including enums and `Unsupported`).
    pub scalar_types: &'static [&'static str],
    /// Providers it is limited to (empty = all providers).
    pub providers: &'static [Provider],
    /// What it does, with the arguments it accepts.
    pub doc: &'static str,
}

const NOT_MONGODB: &[Provider] = &[
    Provider::PostgreSql,
    Provider::CockroachDb,
    Provider::MySql,
    Provider::Sqlite,
    Provider::SqlServer,
];

// Argument rules from conformance psl/attributes/{cuid,uuid,nanoid,ulid}/* and
// psl-rust attributes/default_negative.rs; `sequence` from psl-rust attributes/cockroachdb_sequence.rs.
pub const DEFAULT_FUNCTIONS: &[DefaultFunction] = &[
    DefaultFunction {
        name: "autoincrement",
        snippet: "autoincrement()",
        scalar_types: &["Int", "BigInt"],
        providers: NOT_MONGODB,
        doc: "A database-generated increasing integer: `@default(autoincrement())`. No arguments. SQLite allows it only on the id; MySQL once per table on an indexed column; CockroachDB only on `BigInt` (use `sequence()` for `Int`).",
    },
    DefaultFunction {
        name: "sequence",
        snippet: "sequence()",
        scalar_types: &["Int", "BigInt"],
        providers: &[Provider::CockroachDb],
        doc: "A CockroachDB sequence: `@default(sequence())`. Optional named arguments: `virtual`, `cache`, `increment`, `minValue`, `maxValue`, `start`.",
    },
    DefaultFunction {
        name: "uuid",
        snippet: "uuid()",
        scalar_types: &["String"],
        providers: &[],
        doc: "A UUID generated by Prisma: `@default(uuid())` is version 4; `uuid(7)` gives time-ordered version 7. Only 4 or 7 are accepted.",
    },
    DefaultFunction {
        name: "cuid",
        snippet: "cuid()",
        scalar_types: &["String"],
        providers: &[],
        doc: "A CUID generated by Prisma: `@default(cuid())` is CUID v1; `cuid(2)` gives CUID2. Only 1 or 2 are accepted.",
    },
    DefaultFunction {
        name: "nanoid",
        snippet: "nanoid()",
        scalar_types: &["String"],
        providers: &[],
        doc: "A Nano ID generated by Prisma: `@default(nanoid())` is 21 characters; `nanoid(16)` sets the length (2 to 255).",
    },
    DefaultFunction {
        name: "ulid",
        snippet: "ulid()",
        scalar_types: &["String"],
        providers: &[],
        doc: "A ULID (sortable unique id) generated by Prisma: `@default(ulid())`. No arguments.",
    },
    DefaultFunction {
        name: "now",
        snippet: "now()",
        scalar_types: &["DateTime"],
        providers: &[],
        doc: "The time the record is created: `@default(now())`. No arguments.",
    },
    DefaultFunction {
        name: "dbgenerated",
        snippet: "dbgenerated(\"$1\")",
        scalar_types: &[],
        providers: NOT_MONGODB,
        doc: "A default computed by the database from an SQL expression, e.g. `@default(dbgenerated(\"gen_random_uuid()\"))`. Takes one non-empty string, or nothing. Any field type, including `Unsupported`; not on MongoDB.",
    },
    DefaultFunction {
        name: "auto",
        snippet: "auto()",
        // `@db.ObjectId` maps to `String` or `Bytes` (engines source, mongodb_types.rs).
        scalar_types: &["String", "Bytes"],
        providers: &[Provider::MongoDb],
        doc: "MongoDB only: an ObjectId generated by the database. Needs `@id` and `@db.ObjectId`: `id String @id @default(auto()) @map(\"_id\") @db.ObjectId`. No arguments.",
    },
];

/// Looks up a default function by name.
pub fn find_default_function(name: &str) -> Option<&'static DefaultFunction> {
    DEFAULT_FUNCTIONS.iter().find(|f| f.name == name)
}

/// The @default functions valid for this field type and provider (provider None = unknown: allow all).
pub fn default_functions_for(
    scalar_type: &str,
    provider: Option<Provider>,
) -> Vec<&'static DefaultFunction> {
    DEFAULT_FUNCTIONS
        .iter()
        .filter(|f| f.scalar_types.is_empty() || f.scalar_types.contains(&scalar_type))
        .filter(|f| match provider {
            None => true,
            Some(p) => f.providers.is_empty() || f.providers.contains(&p),
        })
        // CockroachDB rejects autoincrement() on Int. Source: engines source
        // cockroach_datamodel_connector/validations.rs (autoincrement_validations).
        .filter(|f| {
            !(f.name == "autoincrement"
                && provider == Some(Provider::CockroachDb)
                && scalar_type == "Int")
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Native types (`@db.X`)
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug)]
pub struct NativeType {
    /// e.g. "VarChar".
    pub name: &'static str,
    /// Argument names in order, e.g. ["length"], ["precision", "scale"], [] for none.
    pub arguments: &'static [&'static str],
    /// How many of the arguments are required; the rest are optional.
    pub required_arguments: u8,
    /// Prisma scalar types it maps to, e.g. ["String"].
    pub scalar_types: &'static [&'static str],
    pub doc: &'static str,
    /// When true, the optional arguments go together: either none or all of them
    /// (`Decimal` takes `()` or `(p, s)`, never just `(p)`).
    pub all_or_none: bool,
    /// When true, the single argument may be the keyword `Max` instead of a number
    /// (SQL Server `VarChar(Max)`, `NVarChar(Max)`, `VarBinary(Max)`).
    pub accepts_max: bool,
}

impl NativeType {
    /// Whether Prisma accepts this many arguments.
    pub fn accepts_argument_count(&self, count: usize) -> bool {
        let required = usize::from(self.required_arguments);
        let total = self.arguments.len();
        if self.all_or_none {
            count == required || count == total
        } else {
            count >= required && count <= total
        }
    }

    /// Whether the native type fits this Prisma scalar type.
    pub fn fits(&self, scalar_type: &str) -> bool {
        self.scalar_types.contains(&scalar_type)
    }

    /// A completion snippet: `Bit($1)` when arguments are required, else just the name.
    pub fn snippet(&self) -> String {
        if self.required_arguments == 0 {
            return self.name.to_string();
        }
        let placeholders: Vec<String> = (1..=self.arguments.len())
            .map(|i| format!("${i}"))
            .collect();
        format!("{}({})", self.name, placeholders.join(", "))
    }

    /// A readable signature with optional parts in brackets, e.g. `VarChar[(length)]`,
    /// `Decimal[(precision, scale)]`, `Bit(length)`, `NVarChar[(length | Max)]`.
    pub fn signature(&self) -> String {
        if self.arguments.is_empty() {
            return self.name.to_string();
        }
        let mut args = self.arguments.join(", ");
        if self.accepts_max {
            args.push_str(" | Max");
        }
        if self.required_arguments == 0 {
            format!("{}[({args})]", self.name)
        } else {
            format!("{}({args})", self.name)
        }
    }
}

/// A native type with these arguments, `required` of which must be given.
const fn native(
    name: &'static str,
    arguments: &'static [&'static str],
    required_arguments: u8,
    scalar_types: &'static [&'static str],
    doc: &'static str,
) -> NativeType {
    NativeType {
        name,
        arguments,
        required_arguments,
        scalar_types,
        doc,
        all_or_none: false,
        accepts_max: false,
    }
}

/// No arguments.
const fn plain(
    name: &'static str,
    scalar_types: &'static [&'static str],
    doc: &'static str,
) -> NativeType {
    native(name, &[], 0, scalar_types, doc)
}

/// One optional argument.
const fn opt1(
    name: &'static str,
    arg: &'static [&'static str],
    scalar_types: &'static [&'static str],
    doc: &'static str,
) -> NativeType {
    native(name, arg, 0, scalar_types, doc)
}

/// One required argument.
const fn req1(
    name: &'static str,
    arg: &'static [&'static str],
    scalar_types: &'static [&'static str],
    doc: &'static str,
) -> NativeType {
    native(name, arg, 1, scalar_types, doc)
}

/// `(precision, scale)` given together or not at all.
const fn decimal(doc: &'static str) -> NativeType {
    NativeType {
        all_or_none: true,
        ..native("Decimal", &["precision", "scale"], 0, DECIMAL, doc)
    }
}

/// One optional argument that may also be `Max` (SQL Server).
const fn opt_max(
    name: &'static str,
    scalar_types: &'static [&'static str],
    doc: &'static str,
) -> NativeType {
    NativeType {
        accepts_max: true,
        ..native(name, LENGTH, 0, scalar_types, doc)
    }
}

const STRING: &[&str] = &["String"];
const BOOLEAN: &[&str] = &["Boolean"];
const INT: &[&str] = &["Int"];
const BIGINT: &[&str] = &["BigInt"];
const FLOAT: &[&str] = &["Float"];
const DECIMAL: &[&str] = &["Decimal"];
const DATETIME: &[&str] = &["DateTime"];
const JSON: &[&str] = &["Json"];
const BYTES: &[&str] = &["Bytes"];
const LENGTH: &[&str] = &["length"];
const PRECISION: &[&str] = &["precision"];

// Lists and scalar mappings: engines source `*_datamodel_connector/native_types.rs`.
// Geometry/Geography exist only on an unreleased engines branch (PostGIS PR still open in 2026),
// so they are left out. Argument ranges: the connectors' `validate_native_type_arguments` and
// psl-rust types/*_native_types__*.

const POSTGRES_NATIVE_TYPES: &[NativeType] = &[
    plain("SmallInt", INT, "`smallint`: 2-byte signed integer."),
    plain(
        "Integer",
        INT,
        "`integer`: 4-byte signed integer; the default for `Int`.",
    ),
    plain(
        "BigInt",
        BIGINT,
        "`bigint`: 8-byte signed integer; the default for `BigInt`.",
    ),
    decimal(
        "`decimal(p,s)`: exact number. Precision 1 to 1000, scale at most the precision; the default is `Decimal(65,30)`.",
    ),
    plain(
        "Money",
        DECIMAL,
        "`money`: currency amount with locale-dependent formatting.",
    ),
    plain(
        "Inet",
        STRING,
        "`inet`: IPv4 or IPv6 host address with optional netmask.",
    ),
    plain("Oid", INT, "`oid`: PostgreSQL object identifier."),
    plain(
        "Citext",
        STRING,
        "`citext`: case-insensitive text; needs the `citext` extension.",
    ),
    plain("Real", FLOAT, "`real`: 4-byte floating point."),
    plain(
        "DoublePrecision",
        FLOAT,
        "`double precision`: 8-byte floating point; the default for `Float`.",
    ),
    opt1(
        "VarChar",
        LENGTH,
        STRING,
        "`varchar(n)`: text with an optional maximum length, e.g. `@db.VarChar(255)`.",
    ),
    opt1(
        "Char",
        LENGTH,
        STRING,
        "`char(n)`: fixed-length, blank-padded text.",
    ),
    plain(
        "Text",
        STRING,
        "`text`: text of any length; the default for `String`.",
    ),
    plain(
        "ByteA",
        BYTES,
        "`bytea`: binary data; the default for `Bytes`.",
    ),
    opt1(
        "Timestamp",
        PRECISION,
        DATETIME,
        "`timestamp(p)` without time zone; precision 0 to 6. The default for `DateTime` is `Timestamp(3)`.",
    ),
    opt1(
        "Timestamptz",
        PRECISION,
        DATETIME,
        "`timestamptz(p)`: timestamp with time zone; precision 0 to 6.",
    ),
    plain("Date", DATETIME, "`date`: calendar date without time."),
    opt1(
        "Time",
        PRECISION,
        DATETIME,
        "`time(p)`: time of day without time zone; precision 0 to 6.",
    ),
    opt1(
        "Timetz",
        PRECISION,
        DATETIME,
        "`timetz(p)`: time of day with time zone; precision 0 to 6.",
    ),
    plain("Boolean", BOOLEAN, "`boolean`; the default for `Boolean`."),
    opt1(
        "Bit",
        LENGTH,
        STRING,
        "`bit(n)`: fixed-length bit string, written as a `String` of 0s and 1s; length at least 1.",
    ),
    opt1(
        "VarBit",
        LENGTH,
        STRING,
        "`varbit(n)`: variable-length bit string; length at least 1.",
    ),
    plain(
        "Uuid",
        STRING,
        "`uuid`: a UUID stored in 16 bytes. Pair with `@default(uuid())` or `dbgenerated(\"gen_random_uuid()\")`.",
    ),
    plain(
        "Xml",
        STRING,
        "`xml`: XML document. Cannot be used in a unique constraint or index.",
    ),
    plain(
        "Json",
        JSON,
        "`json`: JSON stored as text. Cannot take the `JsonbOps`/`JsonbPathOps` operator classes.",
    ),
    plain(
        "JsonB",
        JSON,
        "`jsonb`: binary JSON; the default for `Json`.",
    ),
];

const COCKROACH_NATIVE_TYPES: &[NativeType] = &[
    opt1(
        "Bit",
        LENGTH,
        STRING,
        "`BIT(n)`: fixed-length bit string as a `String`; length at least 1.",
    ),
    plain("Bool", BOOLEAN, "`BOOL`; the default for `Boolean`."),
    plain(
        "Bytes",
        BYTES,
        "`BYTES`: binary data; the default for `Bytes`.",
    ),
    opt1("Char", LENGTH, STRING, "`CHAR(n)`: fixed-length text."),
    plain("Date", DATETIME, "`DATE`: calendar date."),
    decimal("`DECIMAL(p,s)`: exact number. Precision 1 to 1000, scale at most the precision."),
    plain("Float4", FLOAT, "`FLOAT4`: 4-byte floating point."),
    plain(
        "Float8",
        FLOAT,
        "`FLOAT8`: 8-byte floating point; the default for `Float`.",
    ),
    plain("Inet", STRING, "`INET`: IPv4 or IPv6 address."),
    plain("Int2", INT, "`INT2`: 2-byte integer."),
    plain(
        "Int4",
        INT,
        "`INT4`: 4-byte integer; the default for `Int`.",
    ),
    // Only BigInt: CockroachDB's plain `INT` is 8 bytes. Source: engines source.
    plain(
        "Int8",
        BIGINT,
        "`INT8` (CockroachDB's `INT`): 8-byte integer; the default for `BigInt`.",
    ),
    plain(
        "JsonB",
        JSON,
        "`JSONB`: JSON document; the default for `Json`.",
    ),
    plain("Oid", INT, "`OID`: object identifier."),
    plain(
        "CatalogSingleChar",
        STRING,
        "`\"char\"`: the single-byte internal character type.",
    ),
    opt1(
        "String",
        LENGTH,
        STRING,
        "`STRING(n)` (also `TEXT`, `VARCHAR`): text with an optional maximum length; the default for `String`.",
    ),
    opt1(
        "Time",
        PRECISION,
        DATETIME,
        "`TIME(p)`: time of day; precision 0 to 6.",
    ),
    opt1(
        "Timestamp",
        PRECISION,
        DATETIME,
        "`TIMESTAMP(p)`; precision 0 to 6. The default for `DateTime` is `Timestamp(3)`.",
    ),
    opt1(
        "Timestamptz",
        PRECISION,
        DATETIME,
        "`TIMESTAMPTZ(p)`: timestamp with time zone; precision 0 to 6.",
    ),
    opt1(
        "Timetz",
        PRECISION,
        DATETIME,
        "`TIMETZ(p)`: time of day with time zone; precision 0 to 6.",
    ),
    plain("Uuid", STRING, "`UUID`."),
    opt1(
        "VarBit",
        LENGTH,
        STRING,
        "`VARBIT(n)`: variable-length bit string; length at least 1.",
    ),
];

const MYSQL_NATIVE_TYPES: &[NativeType] = &[
    plain(
        "Int",
        INT,
        "`INT`: 4-byte signed integer; the default for `Int`.",
    ),
    plain("UnsignedInt", INT, "`INT UNSIGNED`."),
    plain("SmallInt", INT, "`SMALLINT`: 2-byte signed integer."),
    plain("UnsignedSmallInt", INT, "`SMALLINT UNSIGNED`."),
    plain(
        "TinyInt",
        &["Boolean", "Int"],
        "`TINYINT`: 1-byte integer; `TINYINT(1)` is also how `Boolean` is stored (the default for `Boolean`).",
    ),
    plain(
        "UnsignedTinyInt",
        &["Boolean", "Int"],
        "`TINYINT UNSIGNED`.",
    ),
    plain("MediumInt", INT, "`MEDIUMINT`: 3-byte signed integer."),
    plain("UnsignedMediumInt", INT, "`MEDIUMINT UNSIGNED`."),
    plain(
        "BigInt",
        BIGINT,
        "`BIGINT`: 8-byte signed integer; the default for `BigInt`.",
    ),
    decimal(
        "`DECIMAL(p,s)`: exact number. Precision 1 to 65, scale 0 to 30 and at most the precision; the default is `Decimal(65,30)`.",
    ),
    plain("UnsignedBigInt", BIGINT, "`BIGINT UNSIGNED`."),
    plain("Float", FLOAT, "`FLOAT`: 4-byte floating point."),
    plain(
        "Double",
        FLOAT,
        "`DOUBLE`: 8-byte floating point; the default for `Float`.",
    ),
    // Bit takes a required length; only Bit(1) may back a Boolean (psl-rust
    // types/mysql_native_types__should_fail_on_argument_out_of_range_for_bit*).
    req1(
        "Bit",
        LENGTH,
        &["Boolean", "Bytes"],
        "`BIT(n)`: bit field, n from 1 to 64. Use `Bit(1)` for `Boolean`, larger sizes for `Bytes`.",
    ),
    req1(
        "Char",
        LENGTH,
        STRING,
        "`CHAR(n)`: fixed-length text, n from 0 to 255.",
    ),
    req1(
        "VarChar",
        LENGTH,
        STRING,
        "`VARCHAR(n)`: variable-length text, n from 0 to 65535. The default for `String` is `VarChar(191)`.",
    ),
    req1(
        "Binary",
        LENGTH,
        BYTES,
        "`BINARY(n)`: fixed-length binary data.",
    ),
    req1(
        "VarBinary",
        LENGTH,
        BYTES,
        "`VARBINARY(n)`: variable-length binary data.",
    ),
    plain(
        "TinyBlob",
        BYTES,
        "`TINYBLOB`: up to 255 bytes. Needs `length:` in ids, uniques and indexes.",
    ),
    plain(
        "Blob",
        BYTES,
        "`BLOB`: up to 64 KB. Needs `length:` in ids, uniques and indexes.",
    ),
    plain(
        "MediumBlob",
        BYTES,
        "`MEDIUMBLOB`: up to 16 MB. Needs `length:` in ids, uniques and indexes.",
    ),
    plain(
        "LongBlob",
        BYTES,
        "`LONGBLOB`: up to 4 GB; the default for `Bytes`. Needs `length:` in ids, uniques and indexes.",
    ),
    plain(
        "TinyText",
        STRING,
        "`TINYTEXT`: up to 255 bytes. Needs `length:` in ids, uniques and indexes.",
    ),
    plain(
        "Text",
        STRING,
        "`TEXT`: up to 64 KB. Needs `length:` in ids, uniques and indexes.",
    ),
    plain(
        "MediumText",
        STRING,
        "`MEDIUMTEXT`: up to 16 MB. Needs `length:` in ids, uniques and indexes.",
    ),
    plain(
        "LongText",
        STRING,
        "`LONGTEXT`: up to 4 GB. Needs `length:` in ids, uniques and indexes.",
    ),
    plain("Date", DATETIME, "`DATE`: calendar date."),
    opt1(
        "Time",
        PRECISION,
        DATETIME,
        "`TIME(fsp)`: time of day with optional fractional-second precision.",
    ),
    opt1(
        "DateTime",
        PRECISION,
        DATETIME,
        "`DATETIME(fsp)`: date and time; the default for `DateTime` is `DateTime(3)`.",
    ),
    opt1(
        "Timestamp",
        PRECISION,
        DATETIME,
        "`TIMESTAMP(fsp)`: UTC timestamp with optional fractional-second precision.",
    ),
    plain("Year", INT, "`YEAR`: a four-digit year."),
    plain("Json", JSON, "`JSON`; the default for `Json`."),
];

const SQLSERVER_NATIVE_TYPES: &[NativeType] = &[
    plain(
        "TinyInt",
        INT,
        "`tinyint`: 1-byte unsigned integer (0 to 255).",
    ),
    plain("SmallInt", INT, "`smallint`: 2-byte integer."),
    plain("Int", INT, "`int`: 4-byte integer; the default for `Int`."),
    plain(
        "BigInt",
        BIGINT,
        "`bigint`: 8-byte integer; the default for `BigInt`.",
    ),
    decimal(
        "`decimal(p,s)`: exact number. Precision 1 to 38, scale 0 to 38 and at most the precision; the default is `Decimal(32,16)`.",
    ),
    // Money maps to Float here (not Decimal as on PostgreSQL). Source: engines source.
    plain(
        "Money",
        FLOAT,
        "`money`: 8-byte currency value, read as a `Float`.",
    ),
    plain(
        "SmallMoney",
        FLOAT,
        "`smallmoney`: 4-byte currency value, read as a `Float`.",
    ),
    plain(
        "Bit",
        &["Boolean", "Int"],
        "`bit`: 0 or 1; the default for `Boolean`.",
    ),
    opt1(
        "Float",
        &["bits"],
        FLOAT,
        "`float(n)`: floating point with n mantissa bits, 1 to 53 (24 or less is 4-byte). The default for `Float` is `Float(53)`.",
    ),
    plain("Real", FLOAT, "`real`: same as `float(24)`."),
    plain("Date", DATETIME, "`date`: calendar date."),
    plain("Time", DATETIME, "`time`: time of day."),
    plain(
        "DateTime",
        DATETIME,
        "`datetime`: legacy date and time with 1/300 s accuracy; prefer `DateTime2`.",
    ),
    plain(
        "DateTime2",
        DATETIME,
        "`datetime2`: date and time with 100 ns accuracy; the default for `DateTime`.",
    ),
    plain(
        "DateTimeOffset",
        DATETIME,
        "`datetimeoffset`: `datetime2` plus a time zone offset.",
    ),
    plain(
        "SmallDateTime",
        DATETIME,
        "`smalldatetime`: legacy date and time accurate to the minute.",
    ),
    opt1(
        "Char",
        LENGTH,
        STRING,
        "`char(n)`: fixed-length non-Unicode text, n from 1 to 8000.",
    ),
    opt1(
        "NChar",
        LENGTH,
        STRING,
        "`nchar(n)`: fixed-length Unicode text, n from 1 to 4000.",
    ),
    opt_max(
        "VarChar",
        STRING,
        "`varchar(n|max)`: variable-length non-Unicode text, n from 1 to 8000, or `Max`. `VarChar(Max)` cannot be indexed, unique or an id.",
    ),
    plain(
        "Text",
        STRING,
        "`text`: deprecated large non-Unicode text; cannot be indexed, unique or an id.",
    ),
    opt_max(
        "NVarChar",
        STRING,
        "`nvarchar(n|max)`: variable-length Unicode text, n from 1 to 4000, or `Max`. The default for `String` is `NVarChar(1000)`.",
    ),
    plain(
        "NText",
        STRING,
        "`ntext`: deprecated large Unicode text; cannot be indexed, unique or an id.",
    ),
    opt1(
        "Binary",
        LENGTH,
        BYTES,
        "`binary(n)`: fixed-length binary data, n from 1 to 8000.",
    ),
    opt_max(
        "VarBinary",
        BYTES,
        "`varbinary(n|max)`: variable-length binary data, n from 1 to 8000, or `Max`; the default for `Bytes` is `VarBinary(Max)`.",
    ),
    plain(
        "Image",
        BYTES,
        "`image`: deprecated large binary data; cannot be indexed, unique or an id.",
    ),
    plain(
        "Xml",
        STRING,
        "`xml`: XML document; cannot be indexed, unique or an id.",
    ),
    plain(
        "UniqueIdentifier",
        STRING,
        "`uniqueidentifier`: a GUID (UUID).",
    ),
];

const MONGODB_NATIVE_TYPES: &[NativeType] = &[
    plain("String", STRING, "BSON string; the default for `String`."),
    plain("Double", FLOAT, "BSON double; the default for `Float`."),
    plain(
        "BinData",
        BYTES,
        "BSON binary data; the default for `Bytes`.",
    ),
    plain(
        "ObjectId",
        &["String", "Bytes"],
        "BSON ObjectId. Required on `@default(auto())` ids and on fields that reference them.",
    ),
    plain("Bool", BOOLEAN, "BSON boolean; the default for `Boolean`."),
    plain("Date", DATETIME, "BSON date; the default for `DateTime`."),
    plain("Int", INT, "BSON 32-bit integer."),
    plain(
        "Timestamp",
        DATETIME,
        "BSON timestamp (MongoDB's internal replication timestamp).",
    ),
    plain(
        "Long",
        &["Int", "BigInt"],
        "BSON 64-bit integer; the default for `Int` and `BigInt`.",
    ),
    plain(
        "Json",
        JSON,
        "An embedded document or array; the default for `Json`.",
    ),
];

/// All native types of a provider (`@db.X`). SQLite has none.
pub fn native_types(provider: Provider) -> &'static [NativeType] {
    match provider {
        Provider::PostgreSql => POSTGRES_NATIVE_TYPES,
        Provider::CockroachDb => COCKROACH_NATIVE_TYPES,
        Provider::MySql => MYSQL_NATIVE_TYPES,
        Provider::Sqlite => &[],
        Provider::SqlServer => SQLSERVER_NATIVE_TYPES,
        Provider::MongoDb => MONGODB_NATIVE_TYPES,
    }
}

/// The native types of `provider` that fit the scalar type.
pub fn native_types_for(provider: Provider, scalar_type: &str) -> Vec<&'static NativeType> {
    native_types(provider)
        .iter()
        .filter(|t| t.fits(scalar_type))
        .collect()
}

/// Looks up a native type by its exact name (names are case-sensitive in Prisma).
pub fn find_native_type(provider: Provider, name: &str) -> Option<&'static NativeType> {
    native_types(provider).iter().find(|t| t.name == name)
}

// ---------------------------------------------------------------------------------------------
// Referential actions
// ---------------------------------------------------------------------------------------------

/// What the database (or Prisma, with `relationMode = "prisma"`) does to referencing records
/// when the referenced record is deleted (`onDelete:`) or its key changes (`onUpdate:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferentialAction {
    Cascade,
    Restrict,
    NoAction,
    SetNull,
    SetDefault,
}

impl ReferentialAction {
    /// All actions, in the order Prisma's completion lists them
    /// (completion scenario referential_actions_relation_mode_fk_mysql).
    pub const ALL: [ReferentialAction; 5] = [
        ReferentialAction::Cascade,
        ReferentialAction::Restrict,
        ReferentialAction::NoAction,
        ReferentialAction::SetNull,
        ReferentialAction::SetDefault,
    ];

    /// The name as written in `onDelete:` / `onUpdate:`.
    pub fn name(self) -> &'static str {
        match self {
            ReferentialAction::Cascade => "Cascade",
            ReferentialAction::Restrict => "Restrict",
            ReferentialAction::NoAction => "NoAction",
            ReferentialAction::SetNull => "SetNull",
            ReferentialAction::SetDefault => "SetDefault",
        }
    }

    /// A short description for hover and completion.
    pub fn doc(self) -> &'static str {
        match self {
            ReferentialAction::Cascade => {
                "Deleting the referenced record deletes the records that point to it; updating its key updates their foreign keys."
            }
            ReferentialAction::Restrict => {
                "Refuses to delete or update the referenced record while other records point to it. Not available on SQL Server (use `NoAction`)."
            }
            ReferentialAction::NoAction => {
                "Like `Restrict`, but some databases check at the end of the statement or transaction (PostgreSQL can defer it). With `relationMode = \"prisma\"` it is not offered on PostgreSQL and SQLite."
            }
            ReferentialAction::SetNull => {
                "Sets the referencing foreign key fields to NULL, so they must be optional. Example: `onDelete: SetNull`"
            }
            ReferentialAction::SetDefault => {
                "Sets the referencing foreign key fields to their `@default` value. Not with `relationMode = \"prisma\"`; MySQL treats it like `NoAction` (Prisma warns)."
            }
        }
    }

    /// Parses an action name (exact, case-sensitive).
    pub fn from_name(name: &str) -> Option<ReferentialAction> {
        ReferentialAction::ALL
            .into_iter()
            .find(|a| a.name() == name)
    }
}

/// The actions Prisma allows for this provider and relation mode.
///
/// * Foreign keys (the default for SQL providers): all five, except SQL Server which has no
///   `Restrict` (completion scenario referential_actions_mssql; psl-rust
///   relations/referential_actions__restrict_should_not_work_on_sql_server).
/// * `relationMode = "prisma"` (always the case for MongoDB): `Cascade`, `Restrict`, `NoAction`,
///   `SetNull` — no `SetDefault` (scenarios referential_actions_relation_mode_prisma_mysql and
///   _mongodb; psl-rust ...__set_default_action_should_not_work_on_prisma_level_relation_mode).
///   PostgreSQL and SQLite also drop `NoAction` there (psl-rust
///   ...__on_delete_no_action_should_not_work_on_postgres_with_prisma_relation_mode and the
///   sqlite twin).
/// * Unknown provider: the foreign-key list (all five), or the generic emulated list.
pub fn referential_actions(
    provider: Option<Provider>,
    relation_mode_prisma: bool,
) -> Vec<ReferentialAction> {
    use ReferentialAction::*;
    let emulated = relation_mode_prisma || provider == Some(Provider::MongoDb);
    let actions: &[ReferentialAction] = match (provider, emulated) {
        (Some(Provider::PostgreSql | Provider::Sqlite), true) => &[Cascade, Restrict, SetNull],
        (_, true) => &[Cascade, Restrict, NoAction, SetNull],
        (Some(Provider::SqlServer), false) => &[Cascade, NoAction, SetNull, SetDefault],
        (_, false) => &ReferentialAction::ALL,
    };
    actions.to_vec()
}

/// The action Prisma uses when `onDelete` is omitted: `SetNull` for optional relations;
/// `Restrict` for required ones, or `NoAction` where `Restrict` is unavailable (SQL Server).
pub fn default_on_delete(
    provider: Option<Provider>,
    relation_mode_prisma: bool,
    required: bool,
) -> ReferentialAction {
    if !required {
        ReferentialAction::SetNull
    } else if referential_actions(provider, relation_mode_prisma)
        .contains(&ReferentialAction::Restrict)
    {
        ReferentialAction::Restrict
    } else {
        ReferentialAction::NoAction
    }
}

/// The action Prisma uses when `onUpdate` is omitted.
pub fn default_on_update() -> ReferentialAction {
    ReferentialAction::Cascade
}

/// A warning (not an error) Prisma gives for an allowed action, if any: MySQL with foreign keys
/// accepts `SetDefault` but InnoDB does not implement it. Source: conformance
/// psl/mysql/set_default_warning.prisma.
pub fn referential_action_warning(
    provider: Option<Provider>,
    relation_mode_prisma: bool,
    action: ReferentialAction,
) -> Option<&'static str> {
    match (provider, relation_mode_prisma, action) {
        (Some(Provider::MySql), false, ReferentialAction::SetDefault) => Some(
            "MySQL does not really support `SetDefault`: it behaves like `NoAction` and can fail at runtime. Consider another action.",
        ),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Index types, sort orders, operator classes
// ---------------------------------------------------------------------------------------------

const POSTGRES_INDEX_TYPES: &[Item] = &[
    item(
        "BTree",
        "The default B-tree index: equality and range queries on sortable values.",
    ),
    item(
        "Hash",
        "Hash index: fast equality (`=`) lookups only, no ordering or ranges.",
    ),
    item(
        "Gist",
        "Generalized Search Tree: a framework for geometric, network (`InetOps`) and other custom data types.",
    ),
    item(
        "Gin",
        "Generalized Inverted Index: for values with many parts, like arrays (`ArrayOps`) and `jsonb` (`JsonbOps`, `JsonbPathOps`).",
    ),
    item(
        "SpGist",
        "Space-partitioned GiST: for non-balanced structures such as text prefixes (`TextOps`) and IP ranges; one column only.",
    ),
    item(
        "Brin",
        "Block Range Index: tiny summaries of physically ordered data (e.g. timestamps of append-only tables).",
    ),
];

// CockroachDB supports only B-tree and inverted (GIN) indexes. Source: completion scenario
// extended_indexes_types_cockroach.
const COCKROACH_INDEX_TYPES: &[Item] = &[
    item(
        "BTree",
        "The default index: equality and range queries on sortable values.",
    ),
    item(
        "Gin",
        "Inverted index for arrays and `Json` (a `Json` column must be the last field). Custom `ops:` are not allowed on CockroachDB.",
    ),
];

/// Values of `@@index(type: ...)` for a provider. Only PostgreSQL and CockroachDB accept `type`
/// (completion scenarios extended_indexes_types_*); unknown provider = the PostgreSQL list.
pub fn index_types(provider: Option<Provider>) -> &'static [Item] {
    match provider {
        None | Some(Provider::PostgreSql) => POSTGRES_INDEX_TYPES,
        Some(Provider::CockroachDb) => COCKROACH_INDEX_TYPES,
        Some(_) => &[],
    }
}

/// Values of the `sort:` argument.
pub const SORT_ORDERS: &[Item] = &[
    item("Asc", "Ascending order (the default)."),
    item("Desc", "Descending order."),
];

/// The `raw("...")` escape hatch accepted by `ops:` (and by `where:` for partial indexes).
pub const RAW_FUNCTION: Item = item(
    "raw",
    "Passes a name or SQL expression through unchecked, e.g. `ops: raw(\"gist_trgm_ops\")` or `where: raw(\"status = 'active'\")`.",
);

/// Facts about one PostgreSQL operator class.
#[derive(Clone, Copy, Debug)]
pub struct OperatorClassInfo {
    pub name: &'static str,
    /// Index types (`type:` values) it works with.
    pub index_types: &'static [&'static str],
    /// PostgreSQL native types (`@db.X`) it accepts.
    pub native_types: &'static [&'static str],
    /// The Prisma scalar type it also accepts when the field has no `@db.X` attribute.
    pub scalar_type_without_native: Option<&'static str>,
    /// True when it only applies to scalar list fields (`ArrayOps`).
    pub list_only: bool,
    /// True when it is the database's default class for its type, so it may be omitted.
    pub is_default: bool,
}

const fn opclass(
    name: &'static str,
    index_types: &'static [&'static str],
    native_types: &'static [&'static str],
    scalar_type_without_native: Option<&'static str>,
    list_only: bool,
    is_default: bool,
) -> OperatorClassInfo {
    OperatorClassInfo {
        name,
        index_types,
        native_types,
        scalar_type_without_native,
        list_only,
        is_default,
    }
}

// Names: engines source (`OperatorClass` in parser-database, mirrored by the SQL schema
// describer). Which index type, native type and field type each fits: engines source
// postgres_datamodel_connector/validations.rs (generalized_index_validations), checked against
// psl-rust attributes/postgres_indices__* and completion scenarios extended_indexes_operators_*.

/// PostgreSQL operator classes for the `ops:` argument of an `@@index` field.
const POSTGRES_OPERATOR_CLASSES: &[Item] = &[
    item(
        "InetOps",
        "IP address operators for a `String @db.Inet` field, with `Gist` or `SpGist`. It is the default class only for `SpGist`; with `Gist` you must name it.",
    ),
    item(
        "JsonbOps",
        "Default `Gin` class for `Json` (`@db.JsonB`): indexes keys and values, so `?`, `?|`, `?&` and `@>` can use the index.",
    ),
    item(
        "JsonbPathOps",
        "`Gin` class for `Json` (`@db.JsonB`) that only supports containment (`@>`); smaller and faster than `JsonbOps` for that case.",
    ),
    item(
        "ArrayOps",
        "Default `Gin` class for scalar list fields (e.g. `Int[]`): speeds up array containment and overlap checks.",
    ),
    item(
        "TextOps",
        "Default `SpGist` class for `String` (`@db.Text`, `@db.VarChar`, `@db.Char`): helps prefix searches such as `LIKE 'abc%'`.",
    ),
    item(
        "BitMinMaxOps",
        "Default `Brin` class for `String @db.Bit`: keeps the minimum and maximum of each block range.",
    ),
    item(
        "VarBitMinMaxOps",
        "Default `Brin` class for `String @db.VarBit`: keeps the minimum and maximum of each block range.",
    ),
    item(
        "BpcharBloomOps",
        "`Brin` bloom-filter class for `@db.Char`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "BpcharMinMaxOps",
        "`Brin` min/max class for `@db.Char`; the default `Brin` class for this type.",
    ),
    item(
        "ByteaBloomOps",
        "`Brin` bloom-filter class for `Bytes` (`@db.ByteA`); only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "ByteaMinMaxOps",
        "`Brin` min/max class for `Bytes` (`@db.ByteA`); the default `Brin` class for this type.",
    ),
    item(
        "DateBloomOps",
        "`Brin` bloom-filter class for `@db.Date`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "DateMinMaxOps",
        "`Brin` min/max class for `@db.Date`; the default `Brin` class for this type.",
    ),
    item(
        "DateMinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Date`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "Float4BloomOps",
        "`Brin` bloom-filter class for `@db.Real`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "Float4MinMaxOps",
        "`Brin` min/max class for `@db.Real`; the default `Brin` class for this type.",
    ),
    item(
        "Float4MinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Real`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "Float8BloomOps",
        "`Brin` bloom-filter class for `Float` (`@db.DoublePrecision`); only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "Float8MinMaxOps",
        "`Brin` min/max class for `Float` (`@db.DoublePrecision`); the default `Brin` class for this type.",
    ),
    item(
        "Float8MinMaxMultiOps",
        "`Brin` multi-range min/max class for `Float` (`@db.DoublePrecision`); tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "InetInclusionOps",
        "Default `Brin` class for `@db.Inet`: stores the smallest network that covers each block range, for containment queries.",
    ),
    item(
        "InetBloomOps",
        "`Brin` bloom-filter class for `@db.Inet`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "InetMinMaxOps",
        "`Brin` min/max class for `@db.Inet`; suits range queries on naturally ordered data.",
    ),
    item(
        "InetMinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Inet`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "Int2BloomOps",
        "`Brin` bloom-filter class for `@db.SmallInt`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "Int2MinMaxOps",
        "`Brin` min/max class for `@db.SmallInt`; the default `Brin` class for this type.",
    ),
    item(
        "Int2MinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.SmallInt`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "Int4BloomOps",
        "`Brin` bloom-filter class for `Int` (`@db.Integer`); only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "Int4MinMaxOps",
        "`Brin` min/max class for `Int` (`@db.Integer`); the default `Brin` class for this type.",
    ),
    item(
        "Int4MinMaxMultiOps",
        "`Brin` multi-range min/max class for `Int` (`@db.Integer`); tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "Int8BloomOps",
        "`Brin` bloom-filter class for `BigInt` (`@db.BigInt`); only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "Int8MinMaxOps",
        "`Brin` min/max class for `BigInt` (`@db.BigInt`); the default `Brin` class for this type.",
    ),
    item(
        "Int8MinMaxMultiOps",
        "`Brin` multi-range min/max class for `BigInt` (`@db.BigInt`); tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "NumericBloomOps",
        "`Brin` bloom-filter class for `Decimal` (`@db.Decimal`); only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "NumericMinMaxOps",
        "`Brin` min/max class for `Decimal` (`@db.Decimal`); the default `Brin` class for this type.",
    ),
    item(
        "NumericMinMaxMultiOps",
        "`Brin` multi-range min/max class for `Decimal` (`@db.Decimal`); tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "OidBloomOps",
        "`Brin` bloom-filter class for `@db.Oid`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "OidMinMaxOps",
        "`Brin` min/max class for `@db.Oid`; the default `Brin` class for this type.",
    ),
    item(
        "OidMinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Oid`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "TextBloomOps",
        "`Brin` bloom-filter class for `String` (`@db.Text`, `@db.VarChar`); only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "TextMinMaxOps",
        "`Brin` min/max class for `String` (`@db.Text`, `@db.VarChar`); the default `Brin` class for this type.",
    ),
    item(
        "TimestampBloomOps",
        "`Brin` bloom-filter class for `DateTime` (`@db.Timestamp`); only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "TimestampMinMaxOps",
        "`Brin` min/max class for `DateTime` (`@db.Timestamp`); the default `Brin` class for this type.",
    ),
    item(
        "TimestampMinMaxMultiOps",
        "`Brin` multi-range min/max class for `DateTime` (`@db.Timestamp`); tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "TimestampTzBloomOps",
        "`Brin` bloom-filter class for `@db.Timestamptz`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "TimestampTzMinMaxOps",
        "`Brin` min/max class for `@db.Timestamptz`; the default `Brin` class for this type.",
    ),
    item(
        "TimestampTzMinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Timestamptz`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "TimeBloomOps",
        "`Brin` bloom-filter class for `@db.Time`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "TimeMinMaxOps",
        "`Brin` min/max class for `@db.Time`; the default `Brin` class for this type.",
    ),
    item(
        "TimeMinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Time`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "TimeTzBloomOps",
        "`Brin` bloom-filter class for `@db.Timetz`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "TimeTzMinMaxOps",
        "`Brin` min/max class for `@db.Timetz`; the default `Brin` class for this type.",
    ),
    item(
        "TimeTzMinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Timetz`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
    item(
        "UuidBloomOps",
        "`Brin` bloom-filter class for `@db.Uuid`; only equality lookups can use it (PostgreSQL 14+).",
    ),
    item(
        "UuidMinMaxOps",
        "`Brin` min/max class for `@db.Uuid`; the default `Brin` class for this type.",
    ),
    item(
        "UuidMinMaxMultiOps",
        "`Brin` multi-range min/max class for `@db.Uuid`; tolerates outliers better than plain min/max (PostgreSQL 14+).",
    ),
];

/// Which index types, native types and field types each PostgreSQL operator class fits, in the
/// same order as `POSTGRES_OPERATOR_CLASSES` (a test checks this).
#[rustfmt::skip]
pub const POSTGRES_OPERATOR_CLASS_INFO: &[OperatorClassInfo] = &[
    opclass("InetOps", &["Gist", "SpGist"], &["Inet"], None, false, false),
    opclass("JsonbOps", &["Gin"], &["JsonB"], Some("Json"), false, true),
    opclass("JsonbPathOps", &["Gin"], &["JsonB"], Some("Json"), false, false),
    opclass("ArrayOps", &["Gin"], &[], None, true, true),
    opclass("TextOps", &["SpGist"], &["Text", "VarChar", "Char"], Some("String"), false, true),
    opclass("BitMinMaxOps", &["Brin"], &["Bit"], None, false, true),
    opclass("VarBitMinMaxOps", &["Brin"], &["VarBit"], None, false, true),
    opclass("BpcharBloomOps", &["Brin"], &["Char"], None, false, false),
    opclass("BpcharMinMaxOps", &["Brin"], &["Char"], None, false, true),
    opclass("ByteaBloomOps", &["Brin"], &["ByteA"], Some("Bytes"), false, false),
    opclass("ByteaMinMaxOps", &["Brin"], &["ByteA"], Some("Bytes"), false, true),
    opclass("DateBloomOps", &["Brin"], &["Date"], None, false, false),
    opclass("DateMinMaxOps", &["Brin"], &["Date"], None, false, true),
    opclass("DateMinMaxMultiOps", &["Brin"], &["Date"], None, false, false),
    opclass("Float4BloomOps", &["Brin"], &["Real"], None, false, false),
    opclass("Float4MinMaxOps", &["Brin"], &["Real"], None, false, true),
    opclass("Float4MinMaxMultiOps", &["Brin"], &["Real"], None, false, false),
    opclass("Float8BloomOps", &["Brin"], &["DoublePrecision"], Some("Float"), false, false),
    opclass("Float8MinMaxOps", &["Brin"], &["DoublePrecision"], Some("Float"), false, true),
    opclass("Float8MinMaxMultiOps", &["Brin"], &["DoublePrecision"], Some("Float"), false, false),
    opclass("InetInclusionOps", &["Brin"], &["Inet"], None, false, true),
    opclass("InetBloomOps", &["Brin"], &["Inet"], None, false, false),
    opclass("InetMinMaxOps", &["Brin"], &["Inet"], None, false, false),
    opclass("InetMinMaxMultiOps", &["Brin"], &["Inet"], None, false, false),
    opclass("Int2BloomOps", &["Brin"], &["SmallInt"], None, false, false),
    opclass("Int2MinMaxOps", &["Brin"], &["SmallInt"], None, false, true),
    opclass("Int2MinMaxMultiOps", &["Brin"], &["SmallInt"], None, false, false),
    opclass("Int4BloomOps", &["Brin"], &["Integer"], Some("Int"), false, false),
    opclass("Int4MinMaxOps", &["Brin"], &["Integer"], Some("Int"), false, true),
    opclass("Int4MinMaxMultiOps", &["Brin"], &["Integer"], Some("Int"), false, false),
    opclass("Int8BloomOps", &["Brin"], &["BigInt"], Some("BigInt"), false, false),
    opclass("Int8MinMaxOps", &["Brin"], &["BigInt"], Some("BigInt"), false, true),
    opclass("Int8MinMaxMultiOps", &["Brin"], &["BigInt"], Some("BigInt"), false, false),
    opclass("NumericBloomOps", &["Brin"], &["Decimal"], Some("Decimal"), false, false),
    opclass("NumericMinMaxOps", &["Brin"], &["Decimal"], Some("Decimal"), false, true),
    opclass("NumericMinMaxMultiOps", &["Brin"], &["Decimal"], Some("Decimal"), false, false),
    opclass("OidBloomOps", &["Brin"], &["Oid"], None, false, false),
    opclass("OidMinMaxOps", &["Brin"], &["Oid"], None, false, true),
    opclass("OidMinMaxMultiOps", &["Brin"], &["Oid"], None, false, false),
    opclass("TextBloomOps", &["Brin"], &["Text", "VarChar"], Some("String"), false, false),
    opclass("TextMinMaxOps", &["Brin"], &["Text", "VarChar"], Some("String"), false, true),
    opclass("TimestampBloomOps", &["Brin"], &["Timestamp"], Some("DateTime"), false, false),
    opclass("TimestampMinMaxOps", &["Brin"], &["Timestamp"], Some("DateTime"), false, true),
    opclass("TimestampMinMaxMultiOps", &["Brin"], &["Timestamp"], Some("DateTime"), false, false),
    opclass("TimestampTzBloomOps", &["Brin"], &["Timestamptz"], None, false, false),
    opclass("TimestampTzMinMaxOps", &["Brin"], &["Timestamptz"], None, false, true),
    opclass("TimestampTzMinMaxMultiOps", &["Brin"], &["Timestamptz"], None, false, false),
    opclass("TimeBloomOps", &["Brin"], &["Time"], None, false, false),
    opclass("TimeMinMaxOps", &["Brin"], &["Time"], None, false, true),
    opclass("TimeMinMaxMultiOps", &["Brin"], &["Time"], None, false, false),
    opclass("TimeTzBloomOps", &["Brin"], &["Timetz"], None, false, false),
    opclass("TimeTzMinMaxOps", &["Brin"], &["Timetz"], None, false, true),
    opclass("TimeTzMinMaxMultiOps", &["Brin"], &["Timetz"], None, false, false),
    opclass("UuidBloomOps", &["Brin"], &["Uuid"], None, false, false),
    opclass("UuidMinMaxOps", &["Brin"], &["Uuid"], None, false, true),
    opclass("UuidMinMaxMultiOps", &["Brin"], &["Uuid"], None, false, false),
];

/// Operator classes for `ops:` in an `@@index` field. PostgreSQL only: CockroachDB rejects
/// custom operator classes (completion scenario extended_indexes_operators_cockroach_gin), and the
/// other providers have none. Unknown provider = the PostgreSQL list. See also [`RAW_FUNCTION`].
pub fn operator_classes(provider: Option<Provider>) -> &'static [Item] {
    match provider {
        None | Some(Provider::PostgreSql) => POSTGRES_OPERATOR_CLASSES,
        Some(_) => &[],
    }
}

/// Details of a PostgreSQL operator class by name.
pub fn operator_class_info(name: &str) -> Option<&'static OperatorClassInfo> {
    POSTGRES_OPERATOR_CLASS_INFO.iter().find(|c| c.name == name)
}

/// The operator classes of `provider` usable with an index type (e.g. "Gin").
pub fn operator_classes_for_index_type(
    provider: Option<Provider>,
    index_type: &str,
) -> Vec<&'static Item> {
    operator_classes(provider)
        .iter()
        .filter(|c| {
            operator_class_info(c.name).is_some_and(|info| info.index_types.contains(&index_type))
        })
        .collect()
}

/// The operator classes that fit one indexed field: its index type, its Prisma scalar type,
/// its `@db.X` native type name (if any) and whether it is a list. This mirrors what Prisma's
/// completion offers (e.g. `Float @db.Real` in a `Brin` index gives the three `Float4*` classes).
pub fn operator_classes_for_field(
    provider: Option<Provider>,
    index_type: &str,
    scalar_type: &str,
    native_type: Option<&str>,
    is_list: bool,
) -> Vec<&'static Item> {
    operator_classes(provider)
        .iter()
        .filter(|c| {
            let Some(info) = operator_class_info(c.name) else {
                return false;
            };
            if !info.index_types.contains(&index_type) {
                return false;
            }
            if info.list_only {
                return is_list;
            }
            match native_type {
                Some(nt) => info.native_types.contains(&nt),
                None => info.scalar_type_without_native == Some(scalar_type),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn assert_unique<'a>(what: &str, names: impl IntoIterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for name in names {
            assert!(seen.insert(name), "duplicate name `{name}` in {what}");
        }
    }

    fn names(items: &[Item]) -> Vec<&'static str> {
        items.iter().map(|i| i.name).collect()
    }

    fn action_names(actions: &[ReferentialAction]) -> Vec<&'static str> {
        actions.iter().map(|a| a.name()).collect()
    }

    #[test]
    fn providers_round_trip_through_their_names() {
        for p in Provider::ALL {
            assert_eq!(Provider::from_name(p.name()), Some(p));
        }
        assert_eq!(Provider::from_name("postgres"), Some(Provider::PostgreSql));
        assert_eq!(Provider::PostgreSql.name(), "postgresql");
        assert_eq!(Provider::from_name("PostgreSQL"), None);
        assert_eq!(Provider::from_name("mysql2"), None);
        assert_eq!(Provider::from_name(""), None);
    }

    #[test]
    fn datasource_providers_match_the_provider_enum() {
        let listed = names(DATASOURCE_PROVIDERS);
        assert!(
            !listed.contains(&"postgres"),
            "postgres is an alias, not a listed value"
        );
        assert_eq!(listed.len(), Provider::ALL.len());
        for p in Provider::ALL {
            assert!(listed.contains(&p.name()), "{} missing", p.name());
        }
    }

    #[test]
    fn capabilities() {
        assert!(!Provider::SqlServer.supports_enums());
        assert!(Provider::Sqlite.supports_enums());
        assert!(Provider::MySql.supports_enums());
        assert!(Provider::PostgreSql.supports_scalar_lists());
        assert!(Provider::CockroachDb.supports_scalar_lists());
        assert!(Provider::MongoDb.supports_scalar_lists());
        assert!(!Provider::MySql.supports_scalar_lists());
        assert!(!Provider::Sqlite.supports_scalar_lists());
        assert!(!Provider::SqlServer.supports_scalar_lists());
        assert!(!Provider::CockroachDb.supports_json_lists());
        assert!(!Provider::SqlServer.supports_json());
        assert!(!Provider::MongoDb.supports_decimal());
        assert!(scalar_type_supported("Json", Some(Provider::Sqlite)));
        assert!(!scalar_type_supported("Json", Some(Provider::SqlServer)));
        assert!(!scalar_type_supported("Strin", None));
    }

    #[test]
    fn datasource_keys_per_provider() {
        let pg: Vec<_> = datasource_keys(Some(Provider::PostgreSql))
            .iter()
            .map(|k| k.name)
            .collect();
        assert!(pg.contains(&"extensions") && pg.contains(&"schemas"));
        let my: Vec<_> = datasource_keys(Some(Provider::MySql))
            .iter()
            .map(|k| k.name)
            .collect();
        assert!(!my.contains(&"extensions") && !my.contains(&"schemas"));
        assert!(my.contains(&"relationMode") && my.contains(&"url"));
        assert_eq!(datasource_keys(None).len(), DATASOURCE_KEYS.len());
        assert!(is_datasource_url_key("directUrl") && !is_datasource_url_key("provider"));
        let url = find_item(DATASOURCE_KEYS, "url")
            .map(|i| i.doc)
            .unwrap_or("");
        assert!(url.contains("Prisma 7") && url.contains("prisma.config.ts"));
        let mongo: Vec<_> = relation_modes(Some(Provider::MongoDb))
            .iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(mongo, ["prisma"]);
        assert_eq!(relation_modes(None).len(), 2);
    }

    #[test]
    fn generator_values() {
        assert_eq!(
            names(GENERATOR_PROVIDERS),
            ["prisma-client", "prisma-client-js"]
        );
        for key in [
            "runtime",
            "moduleFormat",
            "generatedFileExtension",
            "importFileExtension",
        ] {
            assert_eq!(generator_key_owner(key), Some("prisma-client"));
            assert!(!generator_key_values(key).is_empty());
            assert!(find_item(GENERATOR_KEYS, key).is_some());
        }
        assert!(generator_key_values("output").is_empty());
        assert!(names(IMPORT_FILE_EXTENSIONS).contains(&""));
    }

    #[test]
    fn preview_features() {
        use PreviewFeatureStatus::*;
        assert_eq!(preview_feature_status("views", None), Active);
        assert_eq!(
            preview_feature_status("VIEWS", None),
            Active,
            "case-insensitive"
        );
        assert_eq!(
            preview_feature_status("partialIndexes", Some(Provider::PostgreSql)),
            Active
        );
        assert_eq!(preview_feature_status("multiSchema", None), Promoted);
        assert_eq!(
            preview_feature_status("fullTextIndex", Some(Provider::MySql)),
            Promoted
        );
        assert_eq!(
            preview_feature_status("fullTextSearch", Some(Provider::MySql)),
            Promoted
        );
        assert_eq!(
            preview_feature_status("fullTextSearch", Some(Provider::PostgreSql)),
            Renamed {
                to: "fullTextSearchPostgres"
            }
        );
        assert_eq!(
            preview_feature_status("fullTextSearchPostgres", Some(Provider::PostgreSql)),
            Active
        );
        assert_eq!(
            preview_feature_status("fullTextSearchPostgres", Some(Provider::MySql)),
            Unknown
        );
        assert_eq!(preview_feature_status("foo", None), Unknown);
        assert_eq!(preview_feature_status("reactNative", None), Active);
        // No name is both current and promoted.
        for f in PREVIEW_FEATURES {
            assert!(
                !PROMOTED_PREVIEW_FEATURES
                    .iter()
                    .any(|p| p.name.eq_ignore_ascii_case(f.name))
            );
        }
    }

    #[test]
    fn names_are_unique_within_each_list() {
        let lists: &[(&str, &[Item])] = &[
            ("DATASOURCE_PROVIDERS", DATASOURCE_PROVIDERS),
            ("DATASOURCE_KEYS", DATASOURCE_KEYS),
            ("GENERATOR_PROVIDERS", GENERATOR_PROVIDERS),
            ("GENERATOR_KEYS", GENERATOR_KEYS),
            ("RELATION_MODES", RELATION_MODES),
            ("PREVIEW_FEATURES", PREVIEW_FEATURES),
            ("PROMOTED_PREVIEW_FEATURES", PROMOTED_PREVIEW_FEATURES),
            ("BLOCK_KEYWORDS", BLOCK_KEYWORDS),
            ("SCALAR_TYPES", SCALAR_TYPES),
            ("SORT_ORDERS", SORT_ORDERS),
            ("GENERATOR_RUNTIMES", GENERATOR_RUNTIMES),
            ("IMPORT_FILE_EXTENSIONS", IMPORT_FILE_EXTENSIONS),
            ("BINARY_TARGETS", BINARY_TARGETS),
            ("INDEX_FIELD_ARGUMENTS", INDEX_FIELD_ARGUMENTS),
            ("RELATION_ARGUMENTS", RELATION_ARGUMENTS),
            ("INDEX_ARGUMENTS", INDEX_ARGUMENTS),
            ("POSTGRES_OPERATOR_CLASSES", POSTGRES_OPERATOR_CLASSES),
            ("POSTGRES_INDEX_TYPES", POSTGRES_INDEX_TYPES),
            ("COCKROACH_INDEX_TYPES", COCKROACH_INDEX_TYPES),
        ];
        for (what, items) in lists {
            assert_unique(what, items.iter().map(|i| i.name));
            for i in items.iter() {
                assert!(!i.doc.is_empty(), "{what}: `{}` has no doc", i.name);
            }
        }
        assert_unique("field attributes", field_attributes().map(|a| a.name));
        assert_unique("block attributes", block_attributes().map(|a| a.name));
        assert_unique("enum attributes", enum_attributes().map(|a| a.name));
        assert_unique(
            "enum value attributes",
            enum_value_attributes().map(|a| a.name),
        );
        assert_unique(
            "default functions",
            DEFAULT_FUNCTIONS.iter().map(|f| f.name),
        );
        for p in Provider::ALL {
            assert_unique(p.name(), native_types(p).iter().map(|t| t.name));
        }
    }

    #[test]
    fn every_attribute_snippet_starts_with_its_name() {
        for a in ATTRIBUTES {
            assert!(
                a.snippet.starts_with(a.name),
                "snippet `{}` of `{}`",
                a.snippet,
                a.name
            );
            assert!(!a.targets.is_empty() && !a.doc.is_empty());
            if let Some(d) = a.default_argument {
                assert!(
                    a.arguments.contains(&d),
                    "`{}`: default argument `{d}` not listed",
                    a.name
                );
            }
        }
    }

    #[test]
    fn attribute_lookup() {
        let rel = find_attribute("relation", AttributeTarget::Field);
        assert!(
            rel.is_some_and(|r| r.arguments.contains(&"onDelete") && r.arguments.contains(&"map"))
        );
        let index = find_attribute("index", AttributeTarget::Block);
        assert!(
            index.is_some_and(|i| i.arguments.contains(&"where") && i.arguments.contains(&"type"))
        );
        assert!(find_attribute("index", AttributeTarget::Field).is_none());
        assert!(find_attribute("map", AttributeTarget::EnumValue).is_some());
        assert!(find_attribute("schema", AttributeTarget::Enum).is_some());
        assert_eq!(
            find_attribute("id", AttributeTarget::Block).map(|a| a.written_prefix()),
            Some("@@")
        );
        assert_eq!(
            find_attribute("id", AttributeTarget::Field).map(|a| a.written_prefix()),
            Some("@")
        );
        let fulltext = find_attribute("fulltext", AttributeTarget::Block);
        assert!(fulltext.is_some_and(|f| f.supports(Some(Provider::MySql))
            && f.supports(Some(Provider::MongoDb))
            && !f.supports(Some(Provider::PostgreSql))
            && f.supports(None)));
        let field_names: Vec<_> = field_attributes().map(|a| a.name).collect();
        for n in [
            "id",
            "default",
            "unique",
            "relation",
            "map",
            "updatedAt",
            "ignore",
            "shardKey",
        ] {
            assert!(field_names.contains(&n), "missing @{n}");
        }
        let block_names: Vec<_> = block_attributes().map(|a| a.name).collect();
        for n in [
            "id", "unique", "index", "fulltext", "map", "ignore", "schema", "shardKey",
        ] {
            assert!(block_names.contains(&n), "missing @@{n}");
        }
    }

    #[test]
    fn default_functions_by_type_and_provider() {
        let dt: Vec<_> = default_functions_for("DateTime", Some(Provider::PostgreSql))
            .iter()
            .map(|f| f.name)
            .collect();
        assert!(dt.contains(&"now") && dt.contains(&"dbgenerated"));
        assert!(!dt.contains(&"uuid") && !dt.contains(&"auto"));

        let s: Vec<_> = default_functions_for("String", Some(Provider::MySql))
            .iter()
            .map(|f| f.name)
            .collect();
        for n in ["uuid", "cuid", "nanoid", "ulid", "dbgenerated"] {
            assert!(s.contains(&n), "{n}");
        }
        assert!(!s.contains(&"auto") && !s.contains(&"autoincrement"));

        // auto() only on MongoDB, where dbgenerated() and autoincrement() are not allowed.
        for p in Provider::ALL {
            let has_auto = default_functions_for("String", Some(p))
                .iter()
                .any(|f| f.name == "auto");
            assert_eq!(has_auto, p == Provider::MongoDb, "{}", p.name());
        }
        let mongo: Vec<_> = default_functions_for("Int", Some(Provider::MongoDb))
            .iter()
            .map(|f| f.name)
            .collect();
        assert!(mongo.is_empty(), "{mongo:?}");

        // CockroachDB: autoincrement() only on BigInt; sequence() only there.
        let crdb_int: Vec<_> = default_functions_for("Int", Some(Provider::CockroachDb))
            .iter()
            .map(|f| f.name)
            .collect();
        assert!(crdb_int.contains(&"sequence") && !crdb_int.contains(&"autoincrement"));
        let crdb_big: Vec<_> = default_functions_for("BigInt", Some(Provider::CockroachDb))
            .iter()
            .map(|f| f.name)
            .collect();
        assert!(crdb_big.contains(&"autoincrement"));
        let pg_int: Vec<_> = default_functions_for("Int", Some(Provider::PostgreSql))
            .iter()
            .map(|f| f.name)
            .collect();
        assert!(pg_int.contains(&"autoincrement") && !pg_int.contains(&"sequence"));

        // Unknown provider: everything that fits the type.
        let any: Vec<_> = default_functions_for("String", None)
            .iter()
            .map(|f| f.name)
            .collect();
        assert!(any.contains(&"auto") && any.contains(&"dbgenerated"));
        // dbgenerated() fits any field type, even Unsupported or an enum.
        assert!(
            default_functions_for("Unsupported", Some(Provider::PostgreSql))
                .iter()
                .any(|f| f.name == "dbgenerated")
        );
        assert!(
            default_functions_for("Role", Some(Provider::MySql))
                .iter()
                .all(|f| f.name == "dbgenerated")
        );
        assert!(find_default_function("uuid").is_some_and(|f| f.doc.contains("uuid(7)")));
    }

    #[test]
    fn native_types_by_provider_and_scalar() {
        let pg_string: Vec<_> = native_types_for(Provider::PostgreSql, "String")
            .iter()
            .map(|t| t.name)
            .collect();
        assert!(
            pg_string.contains(&"VarChar")
                && pg_string.contains(&"Text")
                && pg_string.contains(&"Uuid")
        );
        assert!(!pg_string.contains(&"Integer"));
        let pg_int: Vec<_> = native_types_for(Provider::PostgreSql, "Int")
            .iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(pg_int, ["SmallInt", "Integer", "Oid"]);
        assert!(native_types(Provider::Sqlite).is_empty());
        assert_eq!(native_types(Provider::PostgreSql).len(), 26);
        assert_eq!(native_types(Provider::CockroachDb).len(), 22);
        assert_eq!(native_types(Provider::MySql).len(), 32);
        assert_eq!(native_types(Provider::SqlServer).len(), 27);
        assert_eq!(native_types(Provider::MongoDb).len(), 10);

        // Every scalar type named by a native type is a real scalar type.
        for p in Provider::ALL {
            for t in native_types(p) {
                assert!(!t.scalar_types.is_empty());
                for s in t.scalar_types {
                    assert!(is_scalar_type(s), "{}: {} -> {s}", p.name(), t.name);
                }
                assert!(usize::from(t.required_arguments) <= t.arguments.len());
            }
        }

        let mongo_oid = find_native_type(Provider::MongoDb, "ObjectId");
        assert!(mongo_oid.is_some_and(|t| t.fits("String") && t.fits("Bytes") && !t.fits("Int")));
        let crdb_int8 = find_native_type(Provider::CockroachDb, "Int8");
        assert!(crdb_int8.is_some_and(|t| t.fits("BigInt") && !t.fits("Int")));
        let mssql_money = find_native_type(Provider::SqlServer, "Money");
        assert!(mssql_money.is_some_and(|t| t.fits("Float")));
    }

    #[test]
    fn native_type_arguments() {
        let pg_varchar = find_native_type(Provider::PostgreSql, "VarChar");
        assert!(pg_varchar.is_some_and(|t| t.accepts_argument_count(0)
            && t.accepts_argument_count(1)
            && !t.accepts_argument_count(3)));
        let my_varchar = find_native_type(Provider::MySql, "VarChar");
        assert!(
            my_varchar.is_some_and(|t| !t.accepts_argument_count(0) && t.accepts_argument_count(1))
        );
        let decimal = find_native_type(Provider::PostgreSql, "Decimal");
        assert!(decimal.is_some_and(|t| t.accepts_argument_count(0)
            && !t.accepts_argument_count(1)
            && t.accepts_argument_count(2)));
        let nvarchar = find_native_type(Provider::SqlServer, "NVarChar");
        assert!(nvarchar.is_some_and(|t| t.accepts_max && !t.accepts_argument_count(2)));
        let text = find_native_type(Provider::PostgreSql, "Text");
        assert!(text.is_some_and(|t| t.accepts_argument_count(0) && !t.accepts_argument_count(1)));

        assert_eq!(
            my_varchar.map(|t| t.snippet()),
            Some("VarChar($1)".to_string())
        );
        assert_eq!(pg_varchar.map(|t| t.snippet()), Some("VarChar".to_string()));
        assert_eq!(
            decimal.map(|t| t.signature()),
            Some("Decimal[(precision, scale)]".to_string())
        );
        assert_eq!(
            nvarchar.map(|t| t.signature()),
            Some("NVarChar[(length | Max)]".to_string())
        );
        assert_eq!(
            my_varchar.map(|t| t.signature()),
            Some("VarChar(length)".to_string())
        );
    }

    #[test]
    fn referential_actions_per_provider_and_mode() {
        use ReferentialAction::*;
        // Foreign keys.
        assert_eq!(
            referential_actions(Some(Provider::PostgreSql), false),
            ReferentialAction::ALL
        );
        assert_eq!(
            referential_actions(Some(Provider::MySql), false),
            ReferentialAction::ALL
        );
        assert_eq!(referential_actions(None, false), ReferentialAction::ALL);
        assert_eq!(
            action_names(&referential_actions(Some(Provider::SqlServer), false)),
            ["Cascade", "NoAction", "SetNull", "SetDefault"]
        );
        // relationMode = "prisma": never SetDefault.
        for p in Provider::ALL {
            assert!(
                !referential_actions(Some(p), true).contains(&SetDefault),
                "{}",
                p.name()
            );
        }
        assert_eq!(
            action_names(&referential_actions(Some(Provider::MySql), true)),
            ["Cascade", "Restrict", "NoAction", "SetNull"]
        );
        assert_eq!(
            action_names(&referential_actions(Some(Provider::PostgreSql), true)),
            ["Cascade", "Restrict", "SetNull"]
        );
        assert_eq!(
            action_names(&referential_actions(Some(Provider::Sqlite), true)),
            ["Cascade", "Restrict", "SetNull"]
        );
        assert!(referential_actions(Some(Provider::SqlServer), true).contains(&Restrict));
        // MongoDB is always emulated, whatever the flag says.
        assert_eq!(
            action_names(&referential_actions(Some(Provider::MongoDb), false)),
            ["Cascade", "Restrict", "NoAction", "SetNull"]
        );

        assert_eq!(
            default_on_delete(Some(Provider::PostgreSql), false, true),
            Restrict
        );
        assert_eq!(
            default_on_delete(Some(Provider::SqlServer), false, true),
            NoAction
        );
        assert_eq!(
            default_on_delete(Some(Provider::MySql), false, false),
            SetNull
        );
        assert_eq!(default_on_update(), Cascade);
        assert!(referential_action_warning(Some(Provider::MySql), false, SetDefault).is_some());
        assert!(
            referential_action_warning(Some(Provider::PostgreSql), false, SetDefault).is_none()
        );

        for a in ReferentialAction::ALL {
            assert_eq!(ReferentialAction::from_name(a.name()), Some(a));
            assert!(!a.doc().is_empty());
        }
        assert_eq!(ReferentialAction::from_name("cascade"), None);
    }

    #[test]
    fn index_types_and_operator_classes() {
        assert_eq!(
            names(index_types(Some(Provider::PostgreSql))),
            ["BTree", "Hash", "Gist", "Gin", "SpGist", "Brin"]
        );
        assert_eq!(
            names(index_types(Some(Provider::CockroachDb))),
            ["BTree", "Gin"]
        );
        for p in [
            Provider::MySql,
            Provider::Sqlite,
            Provider::SqlServer,
            Provider::MongoDb,
        ] {
            assert!(index_types(Some(p)).is_empty());
            assert!(operator_classes(Some(p)).is_empty());
        }
        assert!(operator_classes(Some(Provider::CockroachDb)).is_empty());
        assert_eq!(names(SORT_ORDERS), ["Asc", "Desc"]);

        let ops = names(operator_classes(Some(Provider::PostgreSql)));
        for n in [
            "JsonbPathOps",
            "JsonbOps",
            "ArrayOps",
            "InetOps",
            "TextOps",
            "Int4BloomOps",
            "UuidMinMaxMultiOps",
        ] {
            assert!(ops.contains(&n), "{n}");
        }
        assert!(!ops.contains(&"GinTrgmOps"), "pg_trgm classes need raw()");
        assert_eq!(ops.len(), 56);

        // The info table is aligned with the item list.
        assert_eq!(
            POSTGRES_OPERATOR_CLASS_INFO.len(),
            POSTGRES_OPERATOR_CLASSES.len()
        );
        for (info, it) in POSTGRES_OPERATOR_CLASS_INFO
            .iter()
            .zip(POSTGRES_OPERATOR_CLASSES)
        {
            assert_eq!(info.name, it.name);
            for t in info.index_types {
                assert!(
                    POSTGRES_INDEX_TYPES.iter().any(|i| i.name == *t),
                    "{}: {t}",
                    info.name
                );
            }
            for nt in info.native_types {
                assert!(
                    find_native_type(Provider::PostgreSql, nt).is_some(),
                    "{}: {nt}",
                    info.name
                );
            }
        }

        // What Prisma's completion offers (scenarios extended_indexes_operators_postgres_*).
        let pg = Some(Provider::PostgreSql);
        let f = |t, s, n, l| names_of(&operator_classes_for_field(pg, t, s, n, l));
        assert_eq!(f("Gin", "Int", None, true), ["ArrayOps"]);
        assert_eq!(f("Gist", "String", Some("Inet"), false), ["InetOps"]);
        assert_eq!(f("SpGist", "String", None, false), ["TextOps"]);
        assert_eq!(
            f("Brin", "Float", Some("Real"), false),
            ["Float4BloomOps", "Float4MinMaxOps", "Float4MinMaxMultiOps"]
        );
        assert!(f("Gin", "Json", Some("Json"), false).is_empty());
        assert_eq!(f("Gin", "Json", None, false), ["JsonbOps", "JsonbPathOps"]);
        assert!(
            operator_classes_for_field(Some(Provider::CockroachDb), "Gin", "Int", None, true)
                .is_empty()
        );

        let gin: Vec<_> = operator_classes_for_index_type(pg, "Gin")
            .iter()
            .map(|i| i.name)
            .collect();
        assert_eq!(gin, ["JsonbOps", "JsonbPathOps", "ArrayOps"]);
        assert!(operator_class_info("InetOps").is_some_and(|i| i.index_types.contains(&"SpGist")));
    }

    fn names_of(items: &[&Item]) -> Vec<&'static str> {
        items.iter().map(|i| i.name).collect()
    }

    #[test]
    fn block_keywords_and_scalars() {
        assert_eq!(
            names(BLOCK_KEYWORDS),
            ["model", "enum", "type", "view", "datasource", "generator"]
        );
        assert_eq!(
            names(SCALAR_TYPES),
            [
                "String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json",
                "Bytes"
            ]
        );
        for b in BLOCK_KEYWORDS {
            assert!(b.doc.contains("Example"), "{} has no example", b.name);
        }
    }
}
