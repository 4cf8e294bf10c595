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
    // Codes of `native_types.rs`.
    // Codes of `models.rs`.
    // Codes of `relations.rs` (beyond the ones above).
];
