//! The native types of each provider, built with small constructors by argument shape.

use super::NativeType;

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

pub(super) const POSTGRES_NATIVE_TYPES: &[NativeType] = &[
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

pub(super) const COCKROACH_NATIVE_TYPES: &[NativeType] = &[
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

pub(super) const MYSQL_NATIVE_TYPES: &[NativeType] = &[
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

pub(super) const SQLSERVER_NATIVE_TYPES: &[NativeType] = &[
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

pub(super) const MONGODB_NATIVE_TYPES: &[NativeType] = &[
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
