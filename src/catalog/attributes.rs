//! Field and block attributes (`@x`, `@@x`): where each may appear, its arguments and providers,
//! plus the documented arguments of `@relation` and of index attributes.

use super::{Item, Provider, item};

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
