//! The datasource connectors (`Provider`) and what each one's database can store.

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
