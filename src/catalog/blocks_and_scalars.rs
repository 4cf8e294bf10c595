//! The top-level block keywords and the built-in scalar field types.

use super::{Item, Provider, item};

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
