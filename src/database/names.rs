//! The schema seen with the database's names: each model's table (`@@map`, else its name) in
//! its PostgreSQL schema (`@@schema`, else the default one), each field's column (`@map`),
//! the names Prisma gives primary keys, unique constraints, indexes and foreign keys when no
//! `map:` names them (`{table}_pkey`, `{table}_{columns}_key`, `{table}_{columns}_idx`,
//! `{table}_{columns}_fkey`, cut to 63 bytes as Prisma cuts them: see
//! `analysis::indexes::names::generated`), and the join tables of implicit many-to-many
//! relations (`_AToB` with columns `A` and `B`).
//!
//! Only PostgreSQL and CockroachDB get database advice: other providers, views, composite
//! types and MongoDB are left out.

use crate::analysis::indexes::names::{generated, index_name, max_identifier_length};
use crate::analysis::indexes::parse::{FieldKind, KeyKind, field_kind, model_keys};
use crate::catalog::Provider;
use crate::model::{Arity, Attribute, Block, BlockKind, Expression, Field, Schema, Span};
use crate::semantics::RelationMode;
use crate::semantics::implicit_many_to_many;

/// The database objects a schema declares.
pub struct DatabaseNames<'a> {
    pub provider: Provider,
    /// The PostgreSQL schema of models without `@@schema`.
    pub default_schema: String,
    /// The PostgreSQL schemas the Prisma schema covers: the datasource's `schemas`, else the
    /// default one. Tables elsewhere are none of its business.
    pub schemas: Vec<String>,
    /// Whether the database enforces relations with foreign keys (not `relationMode =
    /// "prisma"`).
    pub foreign_keys: bool,
    pub tables: Vec<TableNames<'a>>,
    pub join_tables: Vec<JoinTable<'a>>,
    /// The tables of views (`@@map` or their name), which are not tables to compare.
    pub views: Vec<(String, String)>,
    pub datasource: Option<&'a Block>,
}

/// A model's table.
pub struct TableNames<'a> {
    pub block: &'a Block,
    pub schema: String,
    pub table: String,
    pub columns: Vec<ColumnNames<'a>>,
    pub primary_key: Option<KeyNames<'a>>,
    /// Unique constraints (field `@unique`s, `@@unique`) and indexes (`@@index`).
    pub indexes: Vec<KeyNames<'a>>,
    /// The foreign keys of its relations (empty with `relationMode = "prisma"`).
    pub foreign_keys: Vec<ForeignKeyNames<'a>>,
}

/// A scalar field's column.
pub struct ColumnNames<'a> {
    pub field: &'a Field,
    pub column: String,
    /// `?` in the schema (scalar lists are never compared for nullability).
    pub nullable: bool,
    pub list: bool,
    /// The relation field whose `fields:` list this field: it is a relation key.
    pub relation: Option<&'a Field>,
    /// The type `format_type` shows for the column, where Prisma's mapping is certain (see
    /// `expected_type`); `None` when it is not compared.
    pub data_type: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyRole {
    Primary,
    Unique,
    Index,
}

/// A primary key, unique constraint or index, with its database name.
pub struct KeyNames<'a> {
    pub role: KeyRole,
    pub name: String,
    /// Whether `map:` gives the name (else Prisma generates it).
    pub mapped: bool,
    pub columns: Vec<String>,
    /// The attribute that declares it (`@id`, `@@unique(...)`, ...).
    pub attribute: &'a Attribute,
    /// Whether it has `where:` (a partial index).
    pub partial: bool,
}

/// A relation's foreign key.
pub struct ForeignKeyNames<'a> {
    /// The relation field that holds `fields:`.
    pub field: &'a Field,
    pub attribute: &'a Attribute,
    pub name: String,
    pub columns: Vec<String>,
    pub referenced_schema: String,
    pub referenced_table: String,
    pub referenced_columns: Vec<String>,
    /// As `pg_constraint` words: `CASCADE`, `RESTRICT`, `NO ACTION`, `SET NULL`,
    /// `SET DEFAULT`; Prisma's defaults when not written (`onDelete`: `SET NULL` for an
    /// optional relation, `RESTRICT` for a required one; `onUpdate`: `CASCADE`).
    pub on_delete: &'static str,
    pub on_update: &'static str,
}

/// The join table of an implicit many-to-many relation: `_{relation name}` (by default
/// `_{A}To{B}`, the models in alphabetical order) with columns `A` and `B` pointing to the
/// ids of the first and the second model.
pub struct JoinTable<'a> {
    pub schema: String,
    pub table: String,
    /// The list field of the first model (where findings about the table are reported).
    pub field: &'a Field,
    pub model_a: &'a Block,
    pub model_b: &'a Block,
    /// The tables and id columns `A` and `B` reference, when the models have a single id.
    pub references_a: Option<(String, String, String)>,
    pub references_b: Option<(String, String, String)>,
}

impl<'a> DatabaseNames<'a> {
    pub fn table_of(&self, block: &Block) -> Option<&TableNames<'a>> {
        self.tables.iter().find(|t| std::ptr::eq(t.block, block))
    }

    /// The model table or join table named `schema.table`, if the schema declares it.
    pub fn declares_table(&self, schema: &str, table: &str) -> bool {
        self.tables
            .iter()
            .any(|t| t.schema == schema && t.table == table)
            || self
                .join_tables
                .iter()
                .any(|t| t.schema == schema && t.table == table)
            || self.views.iter().any(|(s, t)| s == schema && t == table)
    }
}

pub use crate::semantics::database_names::{column_name, schema_name, table_name};

/// The providers that get database advice.
pub fn provider(schema: &Schema) -> Option<Provider> {
    crate::semantics::Config::of(schema)
        .provider
        .filter(|p| matches!(p, Provider::PostgreSql | Provider::CockroachDb))
}

/// The database names of a schema on PostgreSQL or CockroachDB (`None` on other providers
/// or without a datasource). `default_schema` holds the models without `@@schema`
/// (`public` unless the connection URL's `?schema=` says otherwise).
pub fn database_names<'a>(schema: &'a Schema, default_schema: &str) -> Option<DatabaseNames<'a>> {
    let config = crate::semantics::Config::of(schema);
    let provider = config
        .provider
        .filter(|p| matches!(p, Provider::PostgreSql | Provider::CockroachDb))?;
    let limit = max_identifier_length(provider);
    let schema_of = |block: &Block| schema_name(block).unwrap_or(default_schema).to_string();
    let mut names = DatabaseNames {
        provider,
        default_schema: default_schema.to_string(),
        schemas: if config.schemas.is_empty() {
            vec![default_schema.to_string()]
        } else {
            config.schemas.clone()
        },
        foreign_keys: config.relation_mode == RelationMode::ForeignKeys,
        tables: Vec::new(),
        join_tables: Vec::new(),
        views: schema
            .blocks_of_kind(BlockKind::View)
            .map(|view| (schema_of(view), table_name(view).to_string()))
            .collect(),
        datasource: schema.datasource(),
    };
    let mut sink = Vec::new();
    for block in schema.models() {
        if block.name.is_missing() {
            continue;
        }
        let keys = model_keys(schema, &config, block, &mut sink);
        let table = keys.table.to_string();
        let mut relation_keys: Vec<(&str, &Field)> = Vec::new();
        for &(field, relation) in &keys.relations {
            if let Some(listed) = listed_fields(relation, "fields") {
                for name in listed {
                    relation_keys.push((name, field));
                }
            }
        }
        let columns = block
            .fields
            .iter()
            .filter(|field| {
                matches!(
                    field_kind(schema, field),
                    FieldKind::Scalar(_) | FieldKind::Enum | FieldKind::Unsupported
                )
            })
            .map(|field| {
                let arity = field.r#type.as_ref().map_or(Arity::Required, |t| t.arity());
                ColumnNames {
                    field,
                    column: column_name(field).to_string(),
                    nullable: arity == Arity::Optional,
                    list: arity == Arity::List,
                    relation: relation_keys
                        .iter()
                        .find(|(name, _)| *name == field.name.text)
                        .map(|&(_, relation)| relation),
                    data_type: if provider == Provider::PostgreSql {
                        expected_type(schema, field)
                    } else {
                        None
                    },
                }
            })
            .collect();
        let key_columns = |key: &crate::analysis::indexes::parse::Key<'_>| -> Option<Vec<String>> {
            key.fields
                .iter()
                .map(|f| (!f.path.contains('.')).then(|| column_name(f.field).to_string()))
                .collect()
        };
        let primary_key = keys.primary_key.as_ref().and_then(|pk| {
            Some(KeyNames {
                role: KeyRole::Primary,
                name: pk.map.map_or_else(
                    || generated(table.clone(), "_pkey", limit),
                    |(map, _)| map.to_string(),
                ),
                mapped: pk.map.is_some(),
                columns: key_columns(pk)?,
                attribute: pk.attribute,
                partial: pk.predicate.is_some(),
            })
        });
        let indexes = keys
            .indexes
            .iter()
            .filter(|key| matches!(key.kind, KeyKind::Unique | KeyKind::Index))
            .filter_map(|key| {
                Some(KeyNames {
                    role: if key.kind == KeyKind::Unique {
                        KeyRole::Unique
                    } else {
                        KeyRole::Index
                    },
                    name: index_name(provider, &table, key),
                    mapped: key.map.is_some(),
                    columns: key_columns(key)?,
                    attribute: key.attribute,
                    partial: key.predicate.is_some(),
                })
            })
            .collect();
        let mut foreign_keys = Vec::new();
        if names.foreign_keys {
            for &(field, relation) in &keys.relations {
                let (Some(fields), Some(references)) = (
                    listed_fields(relation, "fields"),
                    listed_fields(relation, "references"),
                ) else {
                    continue;
                };
                let Some(target) = field
                    .r#type
                    .as_ref()
                    .and_then(|t| schema.find_model(&t.name.text))
                else {
                    continue;
                };
                let columns: Vec<String> = fields
                    .iter()
                    .map(|name| block.field(name).map_or(*name, column_name).to_string())
                    .collect();
                let referenced_columns = references
                    .iter()
                    .map(|name| target.field(name).map_or(*name, column_name).to_string())
                    .collect();
                let name = match relation
                    .argument("map", None)
                    .and_then(|a| a.value.as_ref())
                    .and_then(Expression::as_str)
                {
                    Some(map) => map.to_string(),
                    None => generated(format!("{table}_{}", columns.join("_")), "_fkey", limit),
                };
                // Prisma's default `onDelete` follows the foreign-key fields, not the
                // relation field: `SET NULL` only when every one of them is optional (an
                // optional relation over a required `Int` key gets `RESTRICT`).
                let optional = fields.iter().all(|name| {
                    block
                        .field(name)
                        .and_then(|scalar| scalar.r#type.as_ref())
                        .is_some_and(|t| t.arity() == Arity::Optional)
                });
                foreign_keys.push(ForeignKeyNames {
                    field,
                    attribute: relation,
                    name,
                    columns,
                    referenced_schema: schema_of(target),
                    referenced_table: table_name(target).to_string(),
                    referenced_columns,
                    on_delete: action(relation, "onDelete").unwrap_or(if optional {
                        "SET NULL"
                    } else {
                        "RESTRICT"
                    }),
                    on_update: action(relation, "onUpdate").unwrap_or("CASCADE"),
                });
            }
        }
        names.tables.push(TableNames {
            block,
            schema: schema_of(block),
            table,
            columns,
            primary_key,
            indexes,
            foreign_keys,
        });
    }
    names.join_tables = join_tables(schema, &schema_of);
    Some(names)
}

/// The names listed by an argument of `@relation` (`fields: [a, b]`).
fn listed_fields<'a>(relation: &'a Attribute, argument: &str) -> Option<Vec<&'a str>> {
    relation
        .argument(argument, None)
        .and_then(|a| a.value.as_ref())
        .and_then(Expression::listed_names)
}

/// A referential action as `pg_constraint` words.
fn action(relation: &Attribute, argument: &str) -> Option<&'static str> {
    let value = relation.argument(argument, None)?.value.as_ref()?;
    let Expression::Constant(ident) = value else {
        return None;
    };
    Some(match ident.text.as_str() {
        "Cascade" => "CASCADE",
        "Restrict" => "RESTRICT",
        "NoAction" => "NO ACTION",
        "SetNull" => "SET NULL",
        "SetDefault" => "SET DEFAULT",
        _ => return None,
    })
}

/// The join tables of implicit many-to-many relations (`semantics::implicit_many_to_many`).
fn join_tables<'a>(schema: &'a Schema, schema_of: &dyn Fn(&Block) -> String) -> Vec<JoinTable<'a>> {
    let reference = |model: &Block| {
        let ids: Vec<&Field> = model
            .fields
            .iter()
            .filter(|f| f.attribute("id").is_some())
            .collect();
        match ids.as_slice() {
            [id] => Some((
                schema_of(model),
                table_name(model).to_string(),
                column_name(id).to_string(),
            )),
            _ => None,
        }
    };
    implicit_many_to_many(schema)
        .into_iter()
        .map(|relation| JoinTable {
            schema: schema_of(relation.model_a),
            table: relation.table(),
            field: relation.field_a,
            model_a: relation.model_a,
            model_b: relation.model_b,
            references_a: reference(relation.model_a),
            references_b: reference(relation.model_b),
        })
        .collect()
}

/// The type PostgreSQL's `format_type` shows for a field's column, where Prisma's mapping
/// is certain: the scalar types without a native type (`String` → `text`, `Int` →
/// `integer`, `DateTime` → `timestamp(3) without time zone`, `Decimal` → `numeric(65,30)`,
/// `Json` → `jsonb`, ...) and the native types whose rendering does not depend on Prisma's
/// defaults (`@db.VarChar(n)`, `@db.Uuid`, `@db.Timestamptz(p)` with its precision, ...).
/// Enums, `Unsupported(...)` and native types written without their precision are not
/// compared. A list adds `[]`.
pub fn expected_type(schema: &Schema, field: &Field) -> Option<String> {
    let ty = field.r#type.as_ref()?;
    let native = field
        .attributes
        .iter()
        .find(|a| a.name.text.starts_with("db."));
    let base = match native {
        None => match field_kind(schema, field) {
            FieldKind::Scalar(name) => match name {
                "String" => "text".to_string(),
                "Int" => "integer".to_string(),
                "BigInt" => "bigint".to_string(),
                "Float" => "double precision".to_string(),
                "Boolean" => "boolean".to_string(),
                "DateTime" => "timestamp(3) without time zone".to_string(),
                "Json" => "jsonb".to_string(),
                "Bytes" => "bytea".to_string(),
                "Decimal" => "numeric(65,30)".to_string(),
                _ => return None,
            },
            _ => return None,
        },
        Some(attribute) => {
            let name = attribute.name.text.strip_prefix("db.")?;
            let numbers: Vec<&str> = attribute
                .arguments()
                .iter()
                .filter_map(|a| match a.value.as_ref()? {
                    Expression::Number { text, .. } => Some(text.as_str()),
                    _ => None,
                })
                .collect();
            let with = |sql: &str| -> Option<String> {
                match numbers.as_slice() {
                    [] => None,
                    list => Some(format!("{sql}({})", list.join(","))),
                }
            };
            match name {
                "Text" => "text".to_string(),
                "Uuid" => "uuid".to_string(),
                "Integer" => "integer".to_string(),
                "SmallInt" => "smallint".to_string(),
                "BigInt" => "bigint".to_string(),
                "Oid" => "oid".to_string(),
                "Boolean" => "boolean".to_string(),
                "DoublePrecision" => "double precision".to_string(),
                "Real" => "real".to_string(),
                "Money" => "money".to_string(),
                "Date" => "date".to_string(),
                "JsonB" => "jsonb".to_string(),
                "Json" => "json".to_string(),
                "ByteA" => "bytea".to_string(),
                "Inet" => "inet".to_string(),
                "Citext" => "citext".to_string(),
                "Xml" => "xml".to_string(),
                "VarChar" if numbers.is_empty() => "character varying".to_string(),
                "VarChar" => with("character varying")?,
                "Char" => with("character")?,
                "Bit" => with("bit")?,
                "VarBit" => with("bit varying")?,
                "Decimal" => with("numeric")?,
                "Timestamp" => format!("{} without time zone", with("timestamp")?),
                "Timestamptz" => format!("{} with time zone", with("timestamp")?),
                "Time" => format!("{} without time zone", with("time")?),
                "Timetz" => format!("{} with time zone", with("time")?),
                _ => return None,
            }
        }
    };
    Some(if ty.arity() == Arity::List {
        format!("{base}[]")
    } else {
        base
    })
}

/// Where a finding about a model goes: its name.
pub fn model_span(block: &Block) -> Span {
    if block.name.is_missing() {
        block.span
    } else {
        block.name.span
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(schema: &Schema) -> DatabaseNames<'_> {
        database_names(schema, "public").expect("a PostgreSQL schema")
    }

    const DATASOURCE: &str = "datasource db {\n  provider = \"postgresql\"\n}\n";

    #[test]
    fn default_constraint_names_use_database_names() {
        let schema = Schema::parse(
            "s.prisma",
            format!(
                "{DATASOURCE}
model User {{
  id    Int    @id @map(\"user_id\")
  email String @unique @map(\"mail\")
  posts Post[]
  @@map(\"users\")
}}
model Post {{
  id       Int  @id
  authorId Int  @map(\"author_id\")
  kind     Int
  author   User @relation(fields: [authorId], references: [id])
  @@index([authorId, kind])
  @@unique([kind], map: \"custom\")
}}
"
            ),
        );
        let names = names_of(&schema);
        let users = &names.tables[0];
        assert_eq!(
            (users.schema.as_str(), users.table.as_str()),
            ("public", "users")
        );
        let pk = users.primary_key.as_ref().expect("pk");
        assert_eq!(
            (pk.name.as_str(), pk.columns.as_slice()),
            ("users_pkey", &["user_id".to_string()][..])
        );
        assert_eq!(users.indexes[0].name, "users_mail_key");
        assert_eq!(users.columns.len(), 2, "the relation field has no column");
        let post = &names.tables[1];
        let indexes: Vec<(&str, bool)> = post
            .indexes
            .iter()
            .map(|k| (k.name.as_str(), k.mapped))
            .collect();
        assert_eq!(
            indexes,
            [("Post_author_id_kind_idx", false), ("custom", true)]
        );
        let fk = &post.foreign_keys[0];
        assert_eq!(fk.name, "Post_author_id_fkey");
        assert_eq!(
            (
                fk.referenced_table.as_str(),
                fk.referenced_columns[0].as_str()
            ),
            ("users", "user_id")
        );
        assert_eq!((fk.on_delete, fk.on_update), ("RESTRICT", "CASCADE"));
        let author_id = &post.columns[1];
        assert_eq!(author_id.column, "author_id");
        assert_eq!(
            author_id.relation.map(|f| f.name.text.as_str()),
            Some("author")
        );
        assert!(post.columns[2].relation.is_none());
        assert_eq!(author_id.data_type.as_deref(), Some("integer"));
    }

    #[test]
    fn long_names_are_cut_to_63_bytes_as_prisma_cuts_them() {
        let long = "A".repeat(70);
        let schema = Schema::parse(
            "s.prisma",
            format!(
                "{DATASOURCE}
model {long} {{
  id    Int @id
  value Int
  @@index([value])
}}
"
            ),
        );
        let names = names_of(&schema);
        let table = &names.tables[0];
        let pk = table.primary_key.as_ref().expect("pk");
        assert_eq!(pk.name, format!("{}_pkey", "A".repeat(58)));
        assert_eq!(pk.name.len(), 63);
        assert_eq!(table.indexes[0].name, format!("{}_idx", "A".repeat(59)));
    }

    #[test]
    fn implicit_many_to_many_join_tables() {
        let schema = Schema::parse(
            "s.prisma",
            format!(
                "{DATASOURCE}
model Tag {{
  id    String @id @map(\"tag_id\")
  posts Post[]
}}
model Post {{
  id      Int    @id
  tags    Tag[]
  related Post[] @relation(\"Related\")
  back    Post[] @relation(\"Related\")
  // `back` sorts before `related`: the join table is reported at `back`.
  @@map(\"posts\")
}}
"
            ),
        );
        let names = names_of(&schema);
        let joins: Vec<(&str, &str, &str)> = names
            .join_tables
            .iter()
            .map(|j| {
                (
                    j.table.as_str(),
                    j.model_a.name.text.as_str(),
                    j.field.name.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            joins,
            [("_PostToTag", "Post", "tags"), ("_Related", "Post", "back")]
        );
        let join = &names.join_tables[0];
        assert_eq!(
            join.references_a,
            Some(("public".to_string(), "posts".to_string(), "id".to_string()))
        );
        assert_eq!(
            join.references_b,
            Some((
                "public".to_string(),
                "Tag".to_string(),
                "tag_id".to_string()
            ))
        );
        assert!(names.declares_table("public", "_Related"));
    }

    #[test]
    fn expected_types_where_the_mapping_is_certain() {
        let schema = Schema::parse(
            "s.prisma",
            format!(
                "{DATASOURCE}
enum Role {{
  A
}}
model M {{
  id   Int      @id
  a    String   @db.VarChar(20)
  b    DateTime @db.Timestamptz(6)
  c    DateTime @db.Timestamptz
  d    Decimal
  e    String[]
  f    Role
  g    Json
}}
"
            ),
        );
        let names = names_of(&schema);
        let types: Vec<Option<&str>> = names.tables[0]
            .columns
            .iter()
            .map(|c| c.data_type.as_deref())
            .collect();
        assert_eq!(
            types,
            [
                Some("integer"),
                Some("character varying(20)"),
                Some("timestamp(6) with time zone"),
                None,
                Some("numeric(65,30)"),
                Some("text[]"),
                None,
                Some("jsonb"),
            ]
        );
    }

    #[test]
    fn other_providers_get_no_names() {
        let schema = Schema::parse(
            "s.prisma",
            "datasource db {\n  provider = \"mysql\"\n}\nmodel M {\n  id Int @id\n}\n",
        );
        assert!(database_names(&schema, "public").is_none());
        assert!(
            database_names(
                &Schema::parse("s.prisma", "model M {\n  id Int @id\n}\n"),
                "public"
            )
            .is_none()
        );
    }
}
