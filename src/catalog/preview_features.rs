//! `previewFeatures`: the flags Prisma accepts, hides or has promoted, and how a name is treated.

use super::{Item, Provider, item};

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
