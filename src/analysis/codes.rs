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

// Codes of `attributes.rs`.

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

// Codes of `models.rs`.

// Codes of `relations.rs` (beyond the ones above).

/// All codes with a summary, for documentation and for validating configuration.
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
    // Codes of `attributes.rs`.
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
    // Codes of `models.rs`.
    // Codes of `relations.rs` (beyond the ones above).
];
