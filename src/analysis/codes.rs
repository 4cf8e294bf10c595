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

// Codes of `native_types.rs`.

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
pub const CAPABILITY_AUTOINCREMENT: Code = Code("capability/autoincrement");
pub const COMPOSITE_ATTRIBUTE: Code = Code("composite/attribute");
pub const COMPOSITE_RELATION_FIELD: Code = Code("composite/relation-field");
pub const COMPOSITE_CYCLE: Code = Code("composite/cycle");
pub const COMPOSITE_EMPTY: Code = Code("composite/empty");
pub const SCHEMA_ARGUMENT: Code = Code("schema/argument");
pub const SCHEMA_UNKNOWN: Code = Code("schema/unknown");
pub const SCHEMA_MISSING: Code = Code("schema/missing");
pub const SCHEMA_UNSUPPORTED: Code = Code("schema/unsupported");
pub const VIEW_PREVIEW_FEATURE: Code = Code("view/preview-feature");
pub const VIEW_CONSTRAINT: Code = Code("view/constraint");
pub const MAP_INVALID_NAME: Code = Code("map/invalid-name");
pub const MAP_DUPLICATE_DATABASE_NAME: Code = Code("map/duplicate-database-name");
pub const MAP_RELATION_FIELD: Code = Code("map/relation-field");
pub const ENUM_EMPTY: Code = Code("enum/empty");
pub const STRING_INVALID_ESCAPE: Code = Code("string/invalid-escape");

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
    // Codes of `native_types.rs`.
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
        CAPABILITY_AUTOINCREMENT,
        "`autoincrement()` where the provider does not allow it (MongoDB; non-id, non-indexed or several fields on SQLite and MySQL)",
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
        VIEW_CONSTRAINT,
        "a primary key, an index, or a unique constraint with database options on a view",
    ),
    (
        MAP_INVALID_NAME,
        "a MongoDB field `@map` name with `.` or a leading `$`",
    ),
    (
        MAP_DUPLICATE_DATABASE_NAME,
        "two models or views (or two enums) that `@@map` gives the same database name in one schema",
    ),
    (
        MAP_RELATION_FIELD,
        "`@map` on a relation field, which has no column of its own",
    ),
    (ENUM_EMPTY, "an enum without values"),
    (
        STRING_INVALID_ESCAPE,
        "an escape in a string other than JSON's (`\\n`, `\\\"`, `\\\\`, `\\uXXXX`, …)",
    ),
    // Codes of `relations.rs` (beyond the ones above).
];
