//! Reads a [`DatabaseSnapshot`] from `pg_catalog` and the `pg_stat_*` views: one query per
//! kind (tables, columns, indexes, foreign keys, database), sent together.

use super::connect::{DatabaseError, Session};
use super::snapshot::{Column, DatabaseSnapshot, ForeignKey, Index, Table};
use std::collections::HashMap;

/// The tables (plain and partitioned, not partitions) of `$1`, the schemas read.
const TABLES: &str = "
SELECT c.oid, n.nspname::text, c.relname::text, c.reltuples::float8,
       pg_total_relation_size(c.oid), pg_table_size(c.oid),
       COALESCE(s.seq_scan, 0), COALESCE(s.seq_tup_read, 0), COALESCE(s.idx_scan, 0)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname::text = ANY($1::text[])
ORDER BY n.nspname, c.relname";

const COLUMNS: &str = "
SELECT a.attrelid, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname::text = ANY($1::text[])
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum";

/// Key columns by name (unquoted), expressions as `pg_get_indexdef` prints them.
const INDEXES: &str = "
SELECT i.indrelid, ic.relname::text, i.indisunique, i.indisprimary,
       pg_get_expr(i.indpred, i.indrelid, true), am.amname::text, con.conname::text,
       COALESCE(s.idx_scan, 0), pg_relation_size(i.indexrelid),
       ARRAY(
         SELECT CASE WHEN i.indkey[k - 1] <> 0
                  THEN (SELECT a.attname::text FROM pg_attribute a
                        WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[k - 1])
                  ELSE pg_get_indexdef(i.indexrelid, k, true) END
         FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k)
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class c ON c.oid = i.indrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_constraint con
  ON con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x')
LEFT JOIN pg_stat_user_indexes s ON s.indexrelid = i.indexrelid
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname::text = ANY($1::text[])
ORDER BY i.indrelid, ic.relname";

const FOREIGN_KEYS: &str = "
SELECT con.conrelid, con.conname::text, rn.nspname::text, rc.relname::text,
       ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
             ORDER BY k.ord),
       ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum
             ORDER BY k.ord),
       con.confdeltype::text, con.confupdtype::text
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_class rc ON rc.oid = con.confrelid
JOIN pg_namespace rn ON rn.oid = rc.relnamespace
WHERE con.contype = 'f' AND NOT c.relispartition AND n.nspname::text = ANY($1::text[])
ORDER BY con.conrelid, con.conname";

const DATABASE: &str = "
SELECT current_setting('server_version'),
       (SELECT stats_reset::text FROM pg_stat_database WHERE datname = current_database())";

/// What a permission error while reading says the user needs.
const CATALOGUE_PERMISSIONS: &str = "the user needs to read pg_catalog and the pg_stat_* views; the role pg_read_all_stats grants it";

/// Reads the tables of `schemas` (`public` when empty) with their columns, indexes,
/// foreign keys, sizes and statistics.
pub async fn read_snapshot(
    session: &Session,
    schemas: &[String],
) -> Result<DatabaseSnapshot, DatabaseError> {
    let (client, url) = (&session.client, session.url());
    let schemas: Vec<String> = if schemas.is_empty() {
        vec!["public".to_string()]
    } else {
        schemas.to_vec()
    };
    let error = |e: tokio_postgres::Error| {
        DatabaseError::from_postgres(url, "reading the catalogue and statistics", &e)
            .with_permission_hint(CATALOGUE_PERMISSIONS)
    };
    let params: [&(dyn tokio_postgres::types::ToSql + Sync); 1] = [&schemas];
    // Sent together: tokio-postgres pipelines the queries of one client.
    let (tables, columns, indexes, foreign_keys, database) = tokio::try_join!(
        client.query(TABLES, &params),
        client.query(COLUMNS, &params),
        client.query(INDEXES, &params),
        client.query(FOREIGN_KEYS, &params),
        client.query_one(DATABASE, &[]),
    )
    .map_err(error)?;

    let mut snapshot = DatabaseSnapshot {
        tables: Vec::with_capacity(tables.len()),
        stats_reset: database.try_get(1).map_err(error)?,
        server_version: database.try_get(0).map_err(error)?,
    };
    let mut position: HashMap<u32, usize> = HashMap::new();
    for row in &tables {
        let oid: u32 = row.try_get(0).map_err(error)?;
        position.insert(oid, snapshot.tables.len());
        snapshot.tables.push(Table {
            schema: row.try_get(1).map_err(error)?,
            name: row.try_get(2).map_err(error)?,
            row_estimate: row.try_get(3).map_err(error)?,
            total_bytes: row.try_get(4).map_err(error)?,
            table_bytes: row.try_get(5).map_err(error)?,
            seq_scans: row.try_get(6).map_err(error)?,
            seq_rows_read: row.try_get(7).map_err(error)?,
            index_scans: row.try_get(8).map_err(error)?,
            ..Table::default()
        });
    }
    let table_of = |oid: u32| position.get(&oid).copied();
    for row in &columns {
        let Some(i) = table_of(row.try_get(0).map_err(error)?) else {
            continue;
        };
        let not_null: bool = row.try_get(3).map_err(error)?;
        snapshot.tables[i].columns.push(Column {
            name: row.try_get(1).map_err(error)?,
            data_type: row.try_get(2).map_err(error)?,
            nullable: !not_null,
        });
    }
    for row in &indexes {
        let Some(i) = table_of(row.try_get(0).map_err(error)?) else {
            continue;
        };
        snapshot.tables[i].indexes.push(Index {
            name: row.try_get(1).map_err(error)?,
            unique: row.try_get(2).map_err(error)?,
            primary: row.try_get(3).map_err(error)?,
            predicate: row.try_get(4).map_err(error)?,
            method: row.try_get(5).map_err(error)?,
            constraint: row.try_get(6).map_err(error)?,
            scans: row.try_get(7).map_err(error)?,
            bytes: row.try_get(8).map_err(error)?,
            columns: row.try_get(9).map_err(error)?,
        });
    }
    for row in &foreign_keys {
        let Some(i) = table_of(row.try_get(0).map_err(error)?) else {
            continue;
        };
        let on_delete: String = row.try_get(6).map_err(error)?;
        let on_update: String = row.try_get(7).map_err(error)?;
        snapshot.tables[i].foreign_keys.push(ForeignKey {
            name: row.try_get(1).map_err(error)?,
            referenced_schema: row.try_get(2).map_err(error)?,
            referenced_table: row.try_get(3).map_err(error)?,
            columns: row.try_get(4).map_err(error)?,
            referenced_columns: row.try_get(5).map_err(error)?,
            on_delete: action(&on_delete).to_string(),
            on_update: action(&on_update).to_string(),
        });
    }
    Ok(snapshot)
}

/// `pg_constraint.confdeltype` as SQL words.
fn action(code: &str) -> &'static str {
    match code {
        "r" => "RESTRICT",
        "c" => "CASCADE",
        "n" => "SET NULL",
        "d" => "SET DEFAULT",
        _ => "NO ACTION",
    }
}
