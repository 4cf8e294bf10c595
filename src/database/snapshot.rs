//! What the analyzer knows about a live database: the catalogue and the statistics of the
//! tables it can see, read once (see `database::read`) and compared with the schema.
//! Names are the database's (after `@@map`/`@map`/`@@schema`), unquoted.

/// The tables of the database's schemas (`pg_namespace`), with their indexes, constraints
/// and statistics.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DatabaseSnapshot {
    pub tables: Vec<Table>,
    /// When the statistics were last reset (`pg_stat_database.stats_reset`, ISO 8601), if
    /// ever: "never scanned" means "since then".
    pub stats_reset: Option<String>,
    /// The server's version (`server_version`), for messages.
    pub server_version: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The PostgreSQL schema (`public` unless `@@schema` says otherwise).
    pub schema: String,
    pub name: String,
    pub columns: Vec<Column>,
    pub indexes: Vec<Index>,
    pub foreign_keys: Vec<ForeignKey>,
    /// `pg_class.reltuples` (-1 when never analysed).
    pub row_estimate: f64,
    /// `pg_total_relation_size` (table, indexes, TOAST) and `pg_table_size`, in bytes.
    pub total_bytes: i64,
    pub table_bytes: i64,
    /// `pg_stat_user_tables`: sequential scans, rows they read, index scans.
    pub seq_scans: i64,
    pub seq_rows_read: i64,
    pub index_scans: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Column {
    pub name: String,
    /// `format_type(atttypid, atttypmod)`: `integer`, `character varying(255)`, `text[]`…
    pub data_type: String,
    pub nullable: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Index {
    pub name: String,
    /// The indexed columns in order; an expression is kept as its SQL text
    /// (`pg_get_indexdef(indexrelid, n, true)`).
    pub columns: Vec<String>,
    pub unique: bool,
    pub primary: bool,
    /// The `WHERE` of a partial index (`pg_get_expr(indpred, indrelid, true)`: `status = 'open'::text`).
    pub predicate: Option<String>,
    /// The index method: `btree`, `gin`, `gist`, `hash`, `brin`…
    pub method: String,
    /// The name of the constraint it backs (primary key, unique constraint), if any.
    pub constraint: Option<String>,
    /// `pg_stat_user_indexes.idx_scan` and `pg_relation_size` in bytes.
    pub scans: i64,
    pub bytes: i64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ForeignKey {
    pub name: String,
    pub columns: Vec<String>,
    pub referenced_schema: String,
    pub referenced_table: String,
    pub referenced_columns: Vec<String>,
    /// `pg_constraint.confdeltype` / `confupdtype` as words: `NO ACTION`, `RESTRICT`,
    /// `CASCADE`, `SET NULL`, `SET DEFAULT`.
    pub on_delete: String,
    pub on_update: String,
}

impl DatabaseSnapshot {
    /// The table `schema.name`, if the database has it.
    pub fn table(&self, schema: &str, name: &str) -> Option<&Table> {
        self.tables
            .iter()
            .find(|table| table.schema == schema && table.name == name)
    }
}

impl Table {
    pub fn column(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|column| column.name == name)
    }
}
