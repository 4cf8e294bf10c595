//! Index arguments' values: index types, sort orders, `raw(...)` and PostgreSQL operator classes
//! (with the index, native and field types each fits).

use super::{Item, Provider, item};

pub(super) const POSTGRES_INDEX_TYPES: &[Item] = &[
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
pub(super) const COCKROACH_INDEX_TYPES: &[Item] = &[
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
pub(super) const POSTGRES_OPERATOR_CLASSES: &[Item] = &[
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
