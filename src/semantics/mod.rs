//! Layer 2½: the facts a schema implies, each derived in one place, between the typed model
//! (`model`) and everything that reads it (validation, advisor, database layer, editor
//! features): the configuration (`config`), the field sets relations reference
//! (`references`), relation names and implicit many-to-many relations (`relations`),
//! a model's primary key and unique criteria (`keys`), the names things get in the
//! database (`database_names`), `.env` files (`dotenv`).

mod config;
pub mod database_names;
pub mod dotenv;
pub mod keys;
mod references;
mod relations;

pub use config::{Config, RelationMode};
pub use references::ReferencedSets;
pub use relations::{
    ImplicitManyToMany, default_relation_name, implicit_many_to_many, is_side_a, join_table_name,
    relation_name,
};
