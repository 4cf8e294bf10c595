//! Every diagnostic code of the analyzer, with its one-line summary.
//!
//! Codes are stable: configuration and suppression comments refer to them.

use super::Code;

pub const SYNTAX_UNEXPECTED: Code = Code("syntax/unexpected");
pub const SYNTAX_MISSING: Code = Code("syntax/missing");
pub const SYNTAX_UNCLOSED: Code = Code("syntax/unclosed");
pub const SYNTAX_INCOMPLETE: Code = Code("syntax/incomplete");
pub const SYNTAX_TYPE_MODIFIER: Code = Code("syntax/type-modifier");
pub const SYNTAX_TRAILING_COMMA: Code = Code("syntax/trailing-comma");
pub const SYNTAX_LINE_BREAK: Code = Code("syntax/line-break");
pub const SYNTAX_TOO_DEEP: Code = Code("syntax/too-deep");
pub const NAME_UNKNOWN_TYPE: Code = Code("name/unknown-type");
pub const NAME_DUPLICATE_DECLARATION: Code = Code("name/duplicate-declaration");
pub const NAME_DUPLICATE_FIELD: Code = Code("name/duplicate-field");
pub const NAME_DUPLICATE_ENUM_VALUE: Code = Code("name/duplicate-enum-value");
pub const NAME_DUPLICATE_PROPERTY: Code = Code("name/duplicate-property");
pub const ATTRIBUTE_DUPLICATE: Code = Code("attribute/duplicate");
pub const RELATION_MISSING_OPPOSITE: Code = Code("relation/missing-opposite");
pub const RELATION_AMBIGUOUS: Code = Code("relation/ambiguous");
pub const RELATION_ARGUMENTS: Code = Code("relation/arguments");
pub const CONFIG_MULTIPLE_DATASOURCES: Code = Code("config/multiple-datasources");
pub const CONFIG_MISSING_PROVIDER: Code = Code("config/missing-provider");
pub const CONFIG_INVALID_PROVIDER: Code = Code("config/invalid-provider");
pub const CONFIG_UNKNOWN_PROPERTY: Code = Code("config/unknown-property");
pub const CONFIG_PREVIEW_FEATURE: Code = Code("config/preview-feature");
pub const CONFIG_SCHEMAS: Code = Code("config/schemas");
pub const CONFIG_VALUE_TYPE: Code = Code("config/value-type");
pub const CONFIG_SHADOW_DATABASE: Code = Code("config/shadow-database-url");
pub const CONFIG_ENV_ARGUMENT: Code = Code("config/env-argument");
pub const VERSION_DATASOURCE_URL: Code = Code("version/datasource-url");
pub const VERSION_URL_REQUIRED: Code = Code("version/url-required");
pub const VERSION_REMOVED_PREVIEW_FEATURE: Code = Code("version/removed-preview-feature");

// Codes of `attributes.rs`.
pub const ATTRIBUTE_UNKNOWN: Code = Code("attribute/unknown");
pub const ATTRIBUTE_ARGUMENT: Code = Code("attribute/argument");
pub const ATTRIBUTE_MISPLACED: Code = Code("attribute/misplaced");
pub const ATTRIBUTE_IGNORE: Code = Code("attribute/ignore");
pub const ATTRIBUTE_UPDATED_AT: Code = Code("attribute/updated-at");
pub const DEFAULT_INVALID_FUNCTION: Code = Code("default/invalid-function");
pub const DEFAULT_INVALID_VALUE: Code = Code("default/invalid-value");
pub const DEFAULT_NOT_ALLOWED: Code = Code("default/not-allowed");
pub const DEFAULT_MAP: Code = Code("default/map");
pub const DEFAULT_AUTOINCREMENT: Code = Code("default/autoincrement");
pub const DEFAULT_AUTO: Code = Code("default/auto");

// Codes of `indexes.rs`.
pub const ID_MISSING: Code = Code("id/missing");
pub const ID_MULTIPLE: Code = Code("id/multiple");
pub const ID_OPTIONAL: Code = Code("id/optional");
pub const ID_RELATION_FIELD: Code = Code("id/relation-field");
pub const ID_EMPTY: Code = Code("id/empty");
pub const ID_NAME_CLASH: Code = Code("id/name-clash");
pub const ID_MAP: Code = Code("id/map");
pub const ID_COMPOUND: Code = Code("id/compound");
pub const ID_TYPE: Code = Code("id/type");
pub const ID_MONGO_MAP: Code = Code("id/mongodb-map");
pub const INDEX_ARGUMENT: Code = Code("index/argument");
pub const INDEX_STRING_FIELD: Code = Code("index/string-field");
pub const INDEX_UNKNOWN_FIELD: Code = Code("index/unknown-field");
pub const INDEX_RELATION_FIELD: Code = Code("index/relation-field");
pub const INDEX_DUPLICATE_FIELD: Code = Code("index/duplicate-field");
pub const INDEX_EMPTY: Code = Code("index/empty");
pub const INDEX_NAME_CLASH: Code = Code("index/name-clash");
pub const INDEX_LENGTH: Code = Code("index/length");
pub const INDEX_SORT: Code = Code("index/sort");
pub const INDEX_CLUSTERED: Code = Code("index/clustered");
pub const INDEX_TYPE: Code = Code("index/type");
pub const INDEX_OPS: Code = Code("index/operator-class");
pub const INDEX_FULLTEXT: Code = Code("index/fulltext");
pub const INDEX_COMPOSITE: Code = Code("index/composite-type");
pub const INDEX_DUPLICATE: Code = Code("index/duplicate");
pub const CONSTRAINT_NAME_CLASH: Code = Code("index/constraint-name-clash");
pub const CONSTRAINT_NAME_LENGTH: Code = Code("index/constraint-name-length");
pub const SHARD_KEY: Code = Code("index/shard-key");
pub const VIEW_KEY: Code = Code("index/view");

// Codes of `native_types.rs`.
pub const NATIVE_TYPE_PREFIX: Code = Code("native-type/prefix");
pub const NATIVE_TYPE_UNKNOWN: Code = Code("native-type/unknown");
pub const NATIVE_TYPE_ARGUMENTS: Code = Code("native-type/arguments");
pub const NATIVE_TYPE_INCOMPATIBLE: Code = Code("native-type/incompatible");
pub const NATIVE_TYPE_OUT_OF_RANGE: Code = Code("native-type/out-of-range");
pub const NATIVE_TYPE_DUPLICATE: Code = Code("native-type/duplicate");
pub const NATIVE_TYPE_NOT_SCALAR: Code = Code("native-type/not-scalar");
pub const NATIVE_TYPE_IN_KEY: Code = Code("native-type/in-key");
pub const NATIVE_TYPE_UNSUPPORTED_KNOWN: Code = Code("native-type/unsupported-known");

// Codes of `models.rs`.
pub const NAME_INVALID: Code = Code("name/invalid");
pub const NAME_RESERVED: Code = Code("name/reserved");
pub const CONFIG_RELATION_MODE: Code = Code("config/relation-mode");
pub const CONFIG_EXTENSIONS: Code = Code("config/extensions");
pub const EXTENSION_PREVIEW_FEATURE: Code = Code("extension/preview-feature");
pub const EXTENSION_NAME: Code = Code("extension/name");
pub const NAME_DUPLICATE_DATABASE_NAME: Code = Code("name/duplicate-database-name");
pub const CAPABILITY_ENUM: Code = Code("capability/enum");
pub const CAPABILITY_SCALAR_LIST: Code = Code("capability/scalar-list");
pub const CAPABILITY_TYPE: Code = Code("capability/type");
pub const CAPABILITY_COMPOSITE_TYPE: Code = Code("capability/composite-type");
pub const COMPOSITE_ATTRIBUTE: Code = Code("composite/attribute");
pub const COMPOSITE_RELATION_FIELD: Code = Code("composite/relation-field");
pub const COMPOSITE_CYCLE: Code = Code("composite/cycle");
pub const COMPOSITE_EMPTY: Code = Code("composite/empty");
pub const SCHEMA_ARGUMENT: Code = Code("schema/argument");
pub const SCHEMA_UNKNOWN: Code = Code("schema/unknown");
pub const SCHEMA_MISSING: Code = Code("schema/missing");
pub const SCHEMA_UNSUPPORTED: Code = Code("schema/unsupported");
pub const VIEW_PREVIEW_FEATURE: Code = Code("view/preview-feature");
pub const MAP_INVALID_NAME: Code = Code("map/invalid-name");
pub const MAP_DUPLICATE_DATABASE_NAME: Code = Code("map/duplicate-database-name");
pub const ENUM_EMPTY: Code = Code("enum/empty");
pub const STRING_INVALID_ESCAPE: Code = Code("string/invalid-escape");

// Codes of `relations.rs` (beyond the ones above).
pub const RELATION_REFERENTIAL_ACTION: Code = Code("relation/referential-action");
pub const RELATION_CYCLE: Code = Code("relation/cascade-cycle");
pub const RELATION_REFERENCES_NOT_UNIQUE: Code = Code("relation/references-not-unique");
pub const RELATION_ONE_TO_ONE_NOT_UNIQUE: Code = Code("relation/one-to-one-not-unique");
pub const RELATION_OPTIONALITY: Code = Code("relation/optionality");
pub const RELATION_TYPE_MISMATCH: Code = Code("relation/type-mismatch");
pub const RELATION_MANY_TO_MANY: Code = Code("relation/many-to-many");
pub const RELATION_NON_SCALAR: Code = Code("relation/non-scalar-field");
pub const RELATION_CONSTRAINT_NAME: Code = Code("relation/constraint-name");

/// All codes with a summary, for documentation and for validating configuration.
// Codes of the design advisor (`advisor/`, spec/ADVISOR_RULES.md).
pub const ADVICE_MISSING_FK_INDEX: Code = Code("index/missing-fk-index");
pub const ADVICE_REDUNDANT_INDEX: Code = Code("index/redundant");
pub const ADVICE_COMPOSITE_ORDER: Code = Code("index/composite-order");
pub const ADVICE_SOFT_DELETE_PARTIAL: Code = Code("index/soft-delete-partial");
pub const ADVICE_SOFT_DELETE_MISSING: Code = Code("soft-delete/missing");
pub const ADVICE_SOFT_DELETE_WRONG_TYPE: Code = Code("soft-delete/wrong-type");
pub const ADVICE_SOFT_DELETE_UNIQUE: Code = Code("soft-delete/unique-conflict");
pub const ADVICE_TENANT_MISSING_KEY: Code = Code("tenant/missing-key");
pub const ADVICE_TENANT_GLOBAL_UNIQUE: Code = Code("tenant/global-unique");
pub const ADVICE_TENANT_MISSING_INDEX: Code = Code("tenant/missing-index");
pub const ADVICE_TENANT_NO_CASCADE: Code = Code("tenant/no-cascade");
pub const ADVICE_MONEY_TYPE: Code = Code("types/money");
pub const ADVICE_FLOAT_MONEY: Code = Code("types/float-money");
pub const ADVICE_PLAINTEXT_SECRET: Code = Code("security/plaintext-secret");
pub const ADVICE_MISSING_TIMESTAMPS: Code = Code("model/missing-timestamps");
pub const ADVICE_UPDATED_AT: Code = Code("model/updated-at");
pub const ADVICE_ID_DEFAULT: Code = Code("model/id-default");

// Codes of database-aware advice (`crate::database`).
pub const DB_DRIFT: Code = Code("db/drift");
pub const DB_UNUSED_INDEX: Code = Code("db/unused-index");
pub const DB_PARTIAL_INDEX: Code = Code("db/partial-index");
// Codes of the database-aware advice (`database/`).
pub const DB_UNAVAILABLE: Code = Code("db/unavailable");

// Codes of the advisor's rules added later (`advisor/`): listed at the end of `ALL`, so that
// the rule indexes of earlier SARIF reports stay valid.
pub const ADVICE_DUPLICATE_UNIQUE: Code = Code("index/duplicate-unique");
pub const ADVICE_IMPLIED_UNIQUE: Code = Code("index/implied-unique");
pub const ADVICE_UNINDEXED_REFERENCE: Code = Code("index/unindexed-reference");
pub const ADVICE_MISSING_RELATION: Code = Code("integrity/missing-relation");
pub const ADVICE_DELETE_BLOCKED: Code = Code("integrity/delete-blocked");
pub const ADVICE_DUPLICATE_LINK: Code = Code("integrity/duplicate-link");
pub const ADVICE_CASE_SENSITIVE_EMAIL: Code = Code("types/case-sensitive-email");
pub const ADVICE_NUMBER_AS_STRING: Code = Code("types/number-as-string");

pub const ALL: &[(Code, &str)] = &[
    (
        SYNTAX_UNEXPECTED,
        "text the schema grammar does not allow here",
    ),
    (
        SYNTAX_MISSING,
        "a token the schema grammar requires is missing",
    ),
    (
        SYNTAX_LINE_BREAK,
        "a line break inside an attribute's arguments or a property's value, which Prisma reads on one line only",
    ),
    (
        SYNTAX_UNCLOSED,
        "a block, bracket or string that is never closed",
    ),
    (
        SYNTAX_INCOMPLETE,
        "a declaration that is not finished: a field without a type, a property without a value, `@` without a name",
    ),
    (
        SYNTAX_TYPE_MODIFIER,
        "a type modifier Prisma does not accept (`[]?`, `?[]`, `!`, repeated modifiers)",
    ),
    (
        NAME_UNKNOWN_TYPE,
        "a field type that is neither a scalar type nor a declared model, view, enum or composite type",
    ),
    (
        NAME_DUPLICATE_DECLARATION,
        "two models, views, enums, composite types, datasources or generators with one name",
    ),
    (
        NAME_DUPLICATE_FIELD,
        "two fields with one name in a model, view or composite type",
    ),
    (
        NAME_DUPLICATE_ENUM_VALUE,
        "two values with one name in an enum",
    ),
    (
        NAME_DUPLICATE_PROPERTY,
        "a datasource or generator property set twice",
    ),
    (
        ATTRIBUTE_DUPLICATE,
        "an attribute that may appear once given twice on the same field or block",
    ),
    (
        SYNTAX_TRAILING_COMMA,
        "a comma after the last argument of an attribute or function",
    ),
    (
        RELATION_MISSING_OPPOSITE,
        "a relation field whose target model has no field pointing back",
    ),
    (
        RELATION_AMBIGUOUS,
        "several relations between the same models that are not told apart by name",
    ),
    (
        RELATION_ARGUMENTS,
        "`@relation` arguments that are missing, unknown, or do not match each other",
    ),
    (
        CONFIG_MULTIPLE_DATASOURCES,
        "more than one datasource block",
    ),
    (
        CONFIG_MISSING_PROVIDER,
        "a datasource or generator without `provider`",
    ),
    (
        CONFIG_INVALID_PROVIDER,
        "a datasource provider Prisma does not know",
    ),
    (
        CONFIG_UNKNOWN_PROPERTY,
        "a datasource or generator property Prisma does not know",
    ),
    (
        CONFIG_PREVIEW_FEATURE,
        "an unknown, deprecated or promoted preview feature",
    ),
    (
        CONFIG_SCHEMAS,
        "a problem with the datasource `schemas` list",
    ),
    (CONFIG_VALUE_TYPE, "a configuration value of the wrong type"),
    (
        CONFIG_SHADOW_DATABASE,
        "a shadow database URL equal to the main URL",
    ),
    (
        CONFIG_ENV_ARGUMENT,
        "an `env()` call without exactly one string argument",
    ),
    (
        VERSION_DATASOURCE_URL,
        "`url`, `directUrl` or `shadowDatabaseUrl` in the datasource, which Prisma 7 reads from prisma.config.ts (target 7)",
    ),
    (
        VERSION_URL_REQUIRED,
        "a datasource without `url`, which Prisma 6 requires (target 6)",
    ),
    (
        VERSION_REMOVED_PREVIEW_FEATURE,
        "a preview feature Prisma 7 no longer knows (target 7)",
    ),
    // Codes of `attributes.rs`.
    (
        ATTRIBUTE_UNKNOWN,
        "an attribute Prisma does not know on this kind of field, value or block",
    ),
    (
        ATTRIBUTE_ARGUMENT,
        "an attribute argument that is unknown, repeated, missing, of the wrong kind, or a name the database cannot use",
    ),
    (
        ATTRIBUTE_MISPLACED,
        "a known attribute where it has no meaning (`@map` on a relation field, `@relation` on a scalar field)",
    ),
    (
        ATTRIBUTE_IGNORE,
        "a misused `@ignore`: on an `Unsupported` field, inside an ignored model, or missing on a relation to an ignored model",
    ),
    (
        ATTRIBUTE_UPDATED_AT,
        "`@updatedAt` on a field that is not a single `DateTime`",
    ),
    (
        DEFAULT_INVALID_FUNCTION,
        "a `@default` function that is unknown, wrong for the field's type or provider, or given wrong arguments",
    ),
    (
        DEFAULT_INVALID_VALUE,
        "a `@default` value that does not fit the field's type (wrong kind, unparsable literal, unknown enum value, list vs single)",
    ),
    (
        DEFAULT_NOT_ALLOWED,
        "a `@default` on a field that cannot have one (relation, composite-typed or `Unsupported` field)",
    ),
    (
        DEFAULT_MAP,
        "a `map:` name on `@default` where it is not allowed or empty",
    ),
    (
        DEFAULT_AUTOINCREMENT,
        "`autoincrement()` where the provider does not allow it (MongoDB, non-id on SQLite, several or unindexed on MySQL, `Int` on CockroachDB)",
    ),
    (
        DEFAULT_AUTO,
        "a MongoDB `auto()` default without `@id` or `@db.ObjectId`, or `dbgenerated()` on MongoDB",
    ),
    // Codes of `indexes.rs`.
    (
        ID_MISSING,
        "a model without a primary key or a unique constraint over required fields only (on MongoDB: without `@id`)",
    ),
    (
        ID_MULTIPLE,
        "more than one `@id` field, or `@id` together with `@@id`",
    ),
    (ID_OPTIONAL, "an id field that is optional or a list"),
    (ID_RELATION_FIELD, "`@id` on a relation field"),
    (ID_EMPTY, "`@@id([])` without fields"),
    (
        ID_NAME_CLASH,
        "a compound id whose client name (given or generated) is already a field's name",
    ),
    (
        ID_MAP,
        "`map:` on a primary key where the provider cannot name primary keys",
    ),
    (ID_COMPOUND, "a compound id on MongoDB"),
    (
        ID_TYPE,
        "a field type the provider does not allow in a primary key (`Bytes` on SQL Server)",
    ),
    (
        ID_MONGO_MAP,
        "a MongoDB id field not stored as `_id`, or `@default(auto())` on a field that is not the id",
    ),
    (
        INDEX_ARGUMENT,
        "a malformed argument of `@id`, `@@id`, `@unique`, `@@unique`, `@@index` or `@@fulltext`",
    ),
    (
        INDEX_STRING_FIELD,
        "a field of a key or index written as a string instead of a name",
    ),
    (
        INDEX_UNKNOWN_FIELD,
        "a key or index listing a field the model (or composite type) does not have",
    ),
    (
        INDEX_RELATION_FIELD,
        "a key or index on a relation field instead of its scalar fields",
    ),
    (
        INDEX_DUPLICATE_FIELD,
        "a field listed twice in one key or index",
    ),
    (
        INDEX_EMPTY,
        "`@@unique([])`, `@@index([])` or `@@fulltext([])` without fields",
    ),
    (
        INDEX_NAME_CLASH,
        "a compound unique whose client name clashes with a field or with another id or unique",
    ),
    (
        INDEX_LENGTH,
        "`length:` where the provider or the field type does not allow it",
    ),
    (
        INDEX_SORT,
        "a wrong `sort:` value, or `sort:` where the provider or index type does not allow it",
    ),
    (
        INDEX_CLUSTERED,
        "`clustered:` outside SQL Server, or more than one clustered index per table",
    ),
    (
        INDEX_TYPE,
        "an index `type:` the provider does not support, or a field that type cannot index",
    ),
    (
        INDEX_OPS,
        "an operator class (`ops:`) that does not fit the index type or the field",
    ),
    (
        INDEX_FULLTEXT,
        "`@@fulltext` where the provider does not support it or in a shape it does not allow",
    ),
    (
        INDEX_COMPOSITE,
        "a composite-type field in a unique constraint over several fields",
    ),
    (
        INDEX_DUPLICATE,
        "two MongoDB indexes over the same fields, or a unique constraint on the id",
    ),
    (
        CONSTRAINT_NAME_CLASH,
        "two constraints with the same database name where the provider requires unique names",
    ),
    (
        CONSTRAINT_NAME_LENGTH,
        "a constraint name longer than the provider allows",
    ),
    (SHARD_KEY, "a misused `@shardKey` / `@@shardKey`"),
    (
        VIEW_KEY,
        "a primary key or index on a view, or a view's unique constraint with database-side settings",
    ),
    // Codes of `native_types.rs`.
    (
        NATIVE_TYPE_PREFIX,
        "a native type attribute whose prefix is not the datasource's name",
    ),
    (
        NATIVE_TYPE_UNKNOWN,
        "a native type the provider does not have (or no datasource to have any)",
    ),
    (
        NATIVE_TYPE_ARGUMENTS,
        "a native type given the wrong number or kind of arguments",
    ),
    (
        NATIVE_TYPE_INCOMPATIBLE,
        "a native type that does not fit the field's scalar type",
    ),
    (
        NATIVE_TYPE_OUT_OF_RANGE,
        "a native type argument outside the provider's limits (length, precision, scale)",
    ),
    (
        NATIVE_TYPE_DUPLICATE,
        "more than one native type on one field",
    ),
    (
        NATIVE_TYPE_NOT_SCALAR,
        "a native type on a field that is not of a built-in scalar type",
    ),
    (
        NATIVE_TYPE_IN_KEY,
        "a native type the provider does not allow in ids, uniques or indexes",
    ),
    (
        NATIVE_TYPE_UNSUPPORTED_KNOWN,
        "an `Unsupported(\"…\")` type that Prisma supports as a native type",
    ),
    // Codes of `models.rs`.
    (
        NAME_INVALID,
        "a model, view, enum, composite type, field or enum value name that starts with a digit or contains `-`",
    ),
    (
        NAME_RESERVED,
        "a block named like a scalar type, or a model, view or enum named like a Prisma Client reserved word",
    ),
    (
        CONFIG_RELATION_MODE,
        "an unknown `relationMode`, the deprecated `referentialIntegrity`, or both set together",
    ),
    (
        CONFIG_EXTENSIONS,
        "a PostgreSQL `extensions` list that is not allowed here or not written as Prisma expects",
    ),
    (
        EXTENSION_PREVIEW_FEATURE,
        "an `extensions` list without the `postgresqlExtensions` preview feature",
    ),
    (
        EXTENSION_NAME,
        "an extension name with `-` (give the database name with `map:`)",
    ),
    (
        NAME_DUPLICATE_DATABASE_NAME,
        "two fields of one model, view or composite type that `@map` gives the same database name",
    ),
    (
        CAPABILITY_ENUM,
        "an enum on a provider without enums (SQL Server)",
    ),
    (
        CAPABILITY_SCALAR_LIST,
        "a list of scalars or enum values on a provider without them (only PostgreSQL, CockroachDB and MongoDB have them)",
    ),
    (
        CAPABILITY_TYPE,
        "a `Json`, `Json[]` or `Decimal` field on a provider without that type",
    ),
    (
        CAPABILITY_COMPOSITE_TYPE,
        "a composite `type` block on a provider other than MongoDB",
    ),
    (
        COMPOSITE_ATTRIBUTE,
        "an attribute a composite type or its fields cannot have (`@id`, `@unique`, `@@index`, `@@map`, …)",
    ),
    (
        COMPOSITE_RELATION_FIELD,
        "a composite-type field whose type is a model or view",
    ),
    (
        COMPOSITE_CYCLE,
        "required composite-type fields that contain each other without end",
    ),
    (COMPOSITE_EMPTY, "a composite type without fields"),
    (SCHEMA_ARGUMENT, "a `@@schema` without a string schema name"),
    (
        SCHEMA_UNKNOWN,
        "a `@@schema` naming a schema the datasource does not list",
    ),
    (
        SCHEMA_MISSING,
        "a model, view or enum without `@@schema` while the datasource lists `schemas`",
    ),
    (
        SCHEMA_UNSUPPORTED,
        "`@@schema` on a provider without database schemas",
    ),
    (
        VIEW_PREVIEW_FEATURE,
        "a view without the `views` preview feature",
    ),
    (
        MAP_INVALID_NAME,
        "a MongoDB field `@map` name with `.` or a leading `$`",
    ),
    (
        MAP_DUPLICATE_DATABASE_NAME,
        "two models or views (or two enums) that `@@map` gives the same database name in one schema",
    ),
    (ENUM_EMPTY, "an enum without values"),
    (
        STRING_INVALID_ESCAPE,
        "an escape in a string other than JSON's (`\\n`, `\\\"`, `\\\\`, `\\uXXXX`, …)",
    ),
    // Codes of `relations.rs` (beyond the ones above).
    (
        RELATION_REFERENTIAL_ACTION,
        "an unknown referential action, one the provider or relation mode does not support, one on the wrong side of a relation, or `SetNull` on a required foreign key",
    ),
    (
        RELATION_CYCLE,
        "cascading referential actions that loop back or reach a model by several paths (SQL Server, `relationMode = \"prisma\"`)",
    ),
    (
        RELATION_REFERENCES_NOT_UNIQUE,
        "`references` that do not name a unique key (`@id`, `@unique`, `@@id`, `@@unique`) of the related model",
    ),
    (
        RELATION_ONE_TO_ONE_NOT_UNIQUE,
        "a one-to-one relation whose foreign key fields are not unique",
    ),
    (
        RELATION_OPTIONALITY,
        "a relation field whose optionality does not match its foreign key or the other side",
    ),
    (
        RELATION_TYPE_MISMATCH,
        "a foreign key field whose type differs from the field it references",
    ),
    (
        RELATION_MANY_TO_MANY,
        "a many-to-many relation the provider does not support or that lacks what it needs",
    ),
    (
        RELATION_NON_SCALAR,
        "`fields` or `references` naming a relation field instead of scalar fields",
    ),
    (
        RELATION_CONSTRAINT_NAME,
        "a foreign key name (`map`) on a provider without named foreign keys",
    ),
    (
        ADVICE_MISSING_FK_INDEX,
        "advice: a relation's foreign-key fields are not the left prefix of any index of the model",
    ),
    (
        ADVICE_REDUNDANT_INDEX,
        "advice: an `@@index` that another index, unique constraint or id of the model already covers",
    ),
    (
        ADVICE_COMPOSITE_ORDER,
        "advice: a composite index puts a range or sort column before an equality column",
    ),
    (
        ADVICE_SOFT_DELETE_PARTIAL,
        "advice: indexes of a soft-deleted model that could cover live rows only (partial indexes)",
    ),
    (
        ADVICE_SOFT_DELETE_MISSING,
        "advice: the schema uses soft delete, but this model has no soft-delete marker",
    ),
    (
        ADVICE_SOFT_DELETE_WRONG_TYPE,
        "advice: a soft-delete marker that is required, not a `DateTime`, or a boolean without `@default(false)`",
    ),
    (
        ADVICE_SOFT_DELETE_UNIQUE,
        "advice: a unique constraint on a soft-deleted model keeps deleted rows' values taken",
    ),
    (
        ADVICE_TENANT_MISSING_KEY,
        "advice: a model of a multi-tenant schema with no tenant key and no required path to a tenant-scoped parent",
    ),
    (
        ADVICE_TENANT_GLOBAL_UNIQUE,
        "advice: a unique constraint of a tenant-scoped model without the tenant key",
    ),
    (
        ADVICE_TENANT_MISSING_INDEX,
        "advice: the tenant key is not the left prefix of any index of the model",
    ),
    (
        ADVICE_TENANT_NO_CASCADE,
        "advice: the relation to the tenant has no `onDelete`",
    ),
    (
        ADVICE_MONEY_TYPE,
        "advice: `@db.Money` on PostgreSQL; use `@db.Decimal(19, 4)`",
    ),
    (
        ADVICE_FLOAT_MONEY,
        "advice: a `Float` field that holds money; use `Decimal`",
    ),
    (
        ADVICE_PLAINTEXT_SECRET,
        "advice: a `String` field named like a secret with no sign of hashing or encryption",
    ),
    (
        ADVICE_MISSING_TIMESTAMPS,
        "advice: a model without `createdAt` and `updatedAt` (off by default)",
    ),
    (
        ADVICE_UPDATED_AT,
        "advice: `updatedAt` without `@updatedAt`, or `createdAt` without a default",
    ),
    (
        ADVICE_ID_DEFAULT,
        "advice: a `String @id` without a `@default`",
    ),
    (
        DB_DRIFT,
        "database: a table, column, index, unique constraint or foreign key the schema declares and the database lacks, or the reverse",
    ),
    (
        DB_UNUSED_INDEX,
        "database: an index never scanned since the statistics were reset",
    ),
    (
        DB_PARTIAL_INDEX,
        "database: a partial index the schema does not declare with `where:`, which Prisma's next migration would drop",
    ),
    (
        DB_UNAVAILABLE,
        "`check --database-url`: the database could not be read (unreachable, authentication, permissions, timeout, TLS); the static analysis still ran",
    ),
    (
        SYNTAX_TOO_DEEP,
        "values (lists, function calls, objects) nested more than 64 levels deep; nothing deeper is read",
    ),
    (
        ADVICE_DUPLICATE_UNIQUE,
        "advice: a unique constraint over the same fields as the primary key or another unique constraint of the model",
    ),
    (
        ADVICE_IMPLIED_UNIQUE,
        "advice: a composite unique constraint that another key implies (it contains a field unique on its own, or repeats a key in another order)",
    ),
    (
        ADVICE_UNINDEXED_REFERENCE,
        "advice: a field that holds another model's ids without a relation, and no index starts with it",
    ),
    (
        ADVICE_MISSING_RELATION,
        "advice: a field that holds another model's ids without a relation, so no foreign key checks them",
    ),
    (
        ADVICE_DELETE_BLOCKED,
        "advice: a required relation left at the default `onDelete` blocks deleting a parent whose rows are meant to be deleted",
    ),
    (
        ADVICE_DUPLICATE_LINK,
        "advice: a link table (or an external identity) with no unique constraint over the pair it links",
    ),
    (
        ADVICE_CASE_SENSITIVE_EMAIL,
        "advice: a unique email compared case-sensitively on PostgreSQL; use `@db.Citext` or lower-case it",
    ),
    (
        ADVICE_NUMBER_AS_STRING,
        "advice: a `String` field whose name says it holds a number (a count, a size, an amount)",
    ),
];
