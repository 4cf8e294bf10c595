//! `rls --verify`: proves the row-level-security SQL on a database where the schema's
//! migrations ran, inside ONE transaction that is always rolled back.
//!
//! In the transaction: the SQL is applied; one row per table is written for each of two
//! fresh tenants (following the foreign keys, parents first); a role without BYPASSRLS is
//! created (`NOLOGIN`) and taken with `SET LOCAL ROLE`; then, as each tenant
//! (`app.current_tenant`), every table with a policy must show exactly that tenant's row,
//! none of the other's, and refuse a row that belongs to the other tenant. After the
//! rollback, the role and the tables' policies are checked to be as they were.

use super::connect::{DatabaseError, ErrorKind, Session};
use crate::analysis::advisor::rls::{RlsPlan, quote};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

/// What `rls --verify` found for one table with a policy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableCheck {
    /// The table, quoted and qualified as in the SQL.
    pub table: String,
    /// Each tenant saw its own row (and only rows of its own).
    pub sees_own_only: bool,
    /// Writing a row of the other tenant was refused by the policy.
    pub foreign_insert_refused: bool,
    /// What went wrong, if anything.
    pub problem: Option<String>,
}

impl TableCheck {
    pub fn holds(&self) -> bool {
        self.sees_own_only && self.foreign_insert_refused && self.problem.is_none()
    }
}

/// The outcome of `rls --verify`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub tables: Vec<TableCheck>,
    /// After the rollback, the role is gone and the policies are as before.
    pub nothing_left_behind: bool,
    /// The masked URL, for the report.
    pub database: String,
}

impl Report {
    pub fn holds(&self) -> bool {
        self.nothing_left_behind && self.tables.iter().all(TableCheck::holds)
    }

    /// The text printed by `rls --verify`.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let held = self.tables.iter().filter(|t| t.holds()).count();
        let _ = writeln!(
            out,
            "Verified on {} in one transaction that was rolled back:",
            self.database
        );
        for table in &self.tables {
            let verdict = if table.holds() {
                "ok: each tenant sees only its own row and cannot write the other's".to_string()
            } else if let Some(problem) = &table.problem {
                format!("FAILED: {problem}")
            } else if !table.sees_own_only {
                "FAILED: a tenant sees rows that are not its own (or not its own)".to_string()
            } else {
                "FAILED: a tenant could write a row of the other tenant".to_string()
            };
            let _ = writeln!(out, "  {}: {verdict}", table.table);
        }
        if held == self.tables.len() {
            let _ = writeln!(
                out,
                "isolation holds for {held} table{}",
                if held == 1 { "" } else { "s" }
            );
        } else {
            let _ = writeln!(
                out,
                "isolation FAILS for {} of {} tables",
                self.tables.len() - held,
                self.tables.len()
            );
        }
        let _ = writeln!(
            out,
            "{}",
            if self.nothing_left_behind {
                "nothing was left behind: the role and the policies are as they were"
            } else {
                "WARNING: after the rollback the database is not as it was (check the roles and policies)"
            }
        );
        out
    }
}

fn quote_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[derive(Clone, Debug)]
struct ColumnInfo {
    name: String,
    data_type: String,
    not_null: bool,
    has_default: bool,
    category: String,
    enum_label: Option<String>,
}

#[derive(Clone, Debug)]
struct ForeignKeyInfo {
    table: u32,
    referenced: u32,
    columns: Vec<String>,
    referenced_columns: Vec<String>,
}

/// A value of `column`'s type that no existing row is likely to have (`n` differs per row).
fn value_for(column: &ColumnInfo, n: u32) -> Option<String> {
    let ty = &column.data_type;
    let pid = std::process::id();
    if let Some(label) = &column.enum_label {
        return Some(format!("{}::{ty}", quote_literal(label)));
    }
    let value = match column.category.as_str() {
        "A" => "'{}'".to_string(),
        "N" if ty == "smallint" => format!("'{}'", 32_767 - n),
        "N" => format!("'{}'", 2_147_000_000 - n),
        "S" => quote_literal(&format!("pa-verify-{pid}-{n}")),
        "B" => "'false'".to_string(),
        "D" => return Some(format!("now()::{ty}")),
        "T" => "'1 day'".to_string(),
        "I" => "'127.0.0.1'".to_string(),
        "U" if ty == "uuid" => format!("'{:08x}-0000-4000-8000-{:012x}'", pid, n),
        "U" if ty == "json" || ty == "jsonb" => "'{}'".to_string(),
        "U" if ty == "bytea" => "'\\x00'".to_string(),
        _ => return None,
    };
    Some(format!("{value}::{ty}"))
}

/// The rows written for one tenant: table → (the values of its columns as SQL, ctid).
type Rows = HashMap<u32, (HashMap<String, String>, String)>;

/// Runs the proof of `plan` (its statements are applied one by one, as built; the SQL text
/// is never read back). `tenant_table` is the tenant model's table (quoted, qualified when
/// it has `@@schema`). The transaction is rolled back whatever happens.
pub async fn verify(
    session: &Session,
    plan: &RlsPlan,
    tenant_table: &str,
) -> Result<Report, DatabaseError> {
    let client = &session.client;
    let err = |what: &str, e: tokio_postgres::Error| session.error(what, &e);
    let tables: Vec<(String, Option<String>)> = plan
        .policies
        .iter()
        .map(|policy| (policy.table.clone(), policy.tenant_column.clone()))
        .collect();
    if tables.is_empty() {
        return Err(DatabaseError::new(
            ErrorKind::Other,
            "the row-level-security SQL has no policy to verify".to_string(),
        ));
    }
    let role = format!("prisma_analyzer_verify_{}", std::process::id());
    let before = state(session, &role).await?;
    client
        .batch_execute("BEGIN ISOLATION LEVEL READ COMMITTED READ WRITE")
        .await
        .map_err(|e| err("starting the transaction", e))?;
    let outcome = prove(session, plan, tenant_table, &tables, &role).await;
    // Whatever happened: nothing is kept.
    let rolled_back = client.batch_execute("ROLLBACK").await;
    let mut report = outcome?;
    rolled_back.map_err(|e| err("rolling back", e))?;
    let after = state(session, &role).await?;
    report.nothing_left_behind = before == after && !after.0;
    Ok(report)
}

/// Whether the role exists, and the policies of the database (for "nothing left behind").
async fn state(session: &Session, role: &str) -> Result<(bool, Vec<String>), DatabaseError> {
    let rows = session
        .client
        .query(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1),
                    ARRAY(SELECT c.oid::text || ':' || c.relrowsecurity || c.relforcerowsecurity
                                 || ':' || COALESCE((SELECT string_agg(polname, ',' ORDER BY polname)
                                                      FROM pg_policy WHERE polrelid = c.oid), '')
                          FROM pg_class c WHERE c.relkind IN ('r', 'p') ORDER BY c.oid)",
            &[&role],
        )
        .await
        .map_err(|e| session.error("reading the roles and policies", &e))?;
    let row = rows.first().ok_or_else(|| {
        DatabaseError::new(ErrorKind::Other, "no answer about roles and policies")
    })?;
    let exists: bool = row
        .try_get(0)
        .map_err(|e| session.error("reading the roles and policies", &e))?;
    let policies: Vec<String> = row
        .try_get(1)
        .map_err(|e| session.error("reading the roles and policies", &e))?;
    Ok((exists, policies))
}

async fn prove(
    session: &Session,
    plan: &RlsPlan,
    tenant_table: &str,
    tables: &[(String, Option<String>)],
    role: &str,
) -> Result<Report, DatabaseError> {
    let client = &session.client;
    let err = |what: &str, e: tokio_postgres::Error| session.error(what, &e);
    let database = session.url().masked();

    // The tables must exist: the migrations ran.
    let mut oids: Vec<(String, u32)> = Vec::new();
    let mut missing: Vec<String> = Vec::new();
    for name in tables.iter().map(|(t, _)| t.as_str()).chain([tenant_table]) {
        let row = client
            .query_one("SELECT to_regclass($1)::oid", &[&name])
            .await
            .map_err(|e| err("looking up the tables", e))?;
        match row.try_get::<_, Option<u32>>(0).ok().flatten() {
            Some(oid) => oids.push((name.to_string(), oid)),
            None => missing.push(name.to_string()),
        }
    }
    if !missing.is_empty() {
        return Err(DatabaseError::new(
            ErrorKind::Other,
            format!(
                "the schema's tables are not in the database at {database}: {} missing ({}). `rls --verify` checks a database where the schema's migrations ran; run them first (e.g. `prisma migrate deploy`)",
                missing.len(),
                missing.join(", ")
            ),
        ));
    }
    let tenant_oid = oids.last().map(|(_, oid)| *oid).unwrap_or_default();
    let policy_oids: Vec<(String, u32, Option<String>)> = tables
        .iter()
        .zip(&oids)
        .map(|((name, direct), (_, oid))| (name.clone(), *oid, direct.clone()))
        .collect();

    for statement in plan.policies.iter().flat_map(|policy| policy.statements()) {
        client
            .batch_execute(&statement)
            .await
            .map_err(|e| err("applying the row-level-security SQL", e))?;
    }

    // Every foreign key of the user's tables, then the tables to write: those with a policy,
    // the tenant's, and what they need (parents of required keys), parents first.
    let fk_rows = client
        .query(
            "SELECT con.conrelid, con.confrelid,
                    ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o),
                    ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)
             FROM pg_constraint con
             JOIN pg_namespace n ON n.oid = con.connamespace
             WHERE con.contype = 'f' AND n.nspname NOT IN ('pg_catalog', 'information_schema')",
            &[],
        )
        .await
        .map_err(|e| err("reading the foreign keys", e))?;
    let mut fks: Vec<ForeignKeyInfo> = Vec::new();
    for row in &fk_rows {
        fks.push(ForeignKeyInfo {
            table: row
                .try_get(0)
                .map_err(|e| err("reading the foreign keys", e))?,
            referenced: row
                .try_get(1)
                .map_err(|e| err("reading the foreign keys", e))?,
            columns: row
                .try_get(2)
                .map_err(|e| err("reading the foreign keys", e))?,
            referenced_columns: row
                .try_get(3)
                .map_err(|e| err("reading the foreign keys", e))?,
        });
    }
    let mut needed: HashSet<u32> = oids.iter().map(|(_, oid)| *oid).collect();
    loop {
        let more: Vec<u32> = fks
            .iter()
            .filter(|fk| needed.contains(&fk.table) && !needed.contains(&fk.referenced))
            .map(|fk| fk.referenced)
            .collect();
        if more.is_empty() {
            break;
        }
        needed.extend(more);
    }
    let needed_list: Vec<u32> = needed.iter().copied().collect();
    let column_rows = client
        .query(
            "SELECT a.attrelid, a.attname::text, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                    a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '',
                    COALESCE(bt.typcategory, t.typcategory)::text,
                    (SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid
                     ORDER BY e.enumsortorder LIMIT 1),
                    quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                    quote_ident(n.nspname)
             FROM pg_attribute a
             JOIN pg_class c ON c.oid = a.attrelid
             JOIN pg_namespace n ON n.oid = c.relnamespace
             JOIN pg_type t ON t.oid = a.atttypid
             LEFT JOIN pg_type bt ON bt.oid = t.typbasetype AND t.typtype = 'd'
             WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attrelid, a.attnum",
            &[&needed_list],
        )
        .await
        .map_err(|e| err("reading the columns", e))?;
    let mut columns: BTreeMap<u32, Vec<ColumnInfo>> = BTreeMap::new();
    // Each table's name (qualified, quoted) and its schema's (quoted), as PostgreSQL
    // quotes them: never split out of one another (a quoted name may hold a `.`).
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut schemas: BTreeSet<String> = BTreeSet::new();
    for row in &column_rows {
        let e = |e| err("reading the columns", e);
        let oid: u32 = row.try_get(0).map_err(e)?;
        names.insert(oid, row.try_get(7).map_err(e)?);
        schemas.insert(row.try_get(8).map_err(e)?);
        columns.entry(oid).or_default().push(ColumnInfo {
            name: row.try_get(1).map_err(e)?,
            data_type: row.try_get(2).map_err(e)?,
            not_null: row.try_get(3).map_err(e)?,
            has_default: row.try_get(4).map_err(e)?,
            category: row.try_get(5).map_err(e)?,
            enum_label: row.try_get(6).map_err(e)?,
        });
    }
    // Parents first (a key to the table itself is left empty).
    let mut order: Vec<u32> = Vec::new();
    let mut placed: HashSet<u32> = HashSet::new();
    while order.len() < needed.len() {
        let ready: Vec<u32> = needed_list
            .iter()
            .copied()
            .filter(|oid| !placed.contains(oid))
            .filter(|oid| {
                fks.iter().filter(|fk| fk.table == *oid).all(|fk| {
                    fk.referenced == *oid
                        || placed.contains(&fk.referenced)
                        || !needed.contains(&fk.referenced)
                })
            })
            .collect();
        if ready.is_empty() {
            return Err(DatabaseError::new(
                ErrorKind::Other,
                "the tables' foreign keys form a cycle: `rls --verify` cannot write rows for them"
                    .to_string(),
            ));
        }
        let mut ready = ready;
        ready.sort_unstable();
        for oid in ready {
            placed.insert(oid);
            order.push(oid);
        }
    }

    // The tenants' ids: a fresh value of the tenant table's primary key.
    let tenant_columns = columns.get(&tenant_oid).cloned().unwrap_or_default();
    let pk_rows = client
        .query(
            "SELECT a.attname::text FROM pg_index i
             JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
             WHERE i.indrelid = $1 AND i.indisprimary",
            &[&tenant_oid],
        )
        .await
        .map_err(|e| err("reading the tenant table's key", e))?;
    let pk: Vec<String> = pk_rows.iter().filter_map(|r| r.try_get(0).ok()).collect();
    let [pk] = pk.as_slice() else {
        return Err(DatabaseError::new(
            ErrorKind::Other,
            format!("the tenant table {tenant_table} needs a primary key of one column"),
        ));
    };
    let pk_column = tenant_columns
        .iter()
        .find(|c| &c.name == pk)
        .cloned()
        .ok_or_else(|| DatabaseError::new(ErrorKind::Other, "the tenant table's key"))?;
    let mut counter: u32 = 1;
    let mut tenant_ids: Vec<String> = Vec::new();
    for _ in 0..2 {
        let value = value_for(&pk_column, counter).ok_or_else(|| {
            DatabaseError::new(
                ErrorKind::Other,
                format!("cannot make a tenant id of type {}", pk_column.data_type),
            )
        })?;
        counter += 1;
        let row = client
            .query_one(&format!("SELECT ({value})::text"), &[])
            .await
            .map_err(|e| err("making the tenant ids", e))?;
        tenant_ids.push(
            row.try_get(0)
                .map_err(|e| err("making the tenant ids", e))?,
        );
    }

    // The rows of each tenant.
    let direct: HashMap<u32, String> = policy_oids
        .iter()
        .filter_map(|(_, oid, direct)| Some((*oid, direct.clone()?)))
        .collect();
    let mut rows: Vec<Rows> = Vec::new();
    for id in &tenant_ids {
        set_tenant(session, id).await?;
        let mut written: Rows = HashMap::new();
        for &oid in &order {
            let (values, ctid) = write_row(
                session,
                oid,
                &names,
                &columns,
                &fks,
                &written,
                &mut counter,
                (oid == tenant_oid).then_some((pk.as_str(), id.as_str())),
                direct
                    .get(&oid)
                    .map(|column| (column.as_str(), id.as_str())),
            )
            .await?;
            written.insert(oid, (values, ctid));
        }
        rows.push(written);
    }

    // As a role without BYPASSRLS, with what the application's role has: the tables, and
    // the sequences their defaults draw from (`@default(autoincrement())`), so that a
    // refused write is the policy's doing.
    let sequences = sequences_of(session, &needed_list).await?;
    let mut grants = vec![format!(
        "CREATE ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS"
    )];
    let sequence_schemas = sequences.iter().map(|(schema, _)| schema);
    for schema in schemas
        .iter()
        .chain(sequence_schemas)
        .collect::<BTreeSet<_>>()
    {
        grants.push(format!("GRANT USAGE ON SCHEMA {schema} TO {role}"));
    }
    for name in names.values() {
        grants.push(format!("GRANT SELECT, INSERT ON {name} TO {role}"));
    }
    for (_, sequence) in &sequences {
        grants.push(format!("GRANT USAGE ON SEQUENCE {sequence} TO {role}"));
    }
    grants.push(format!("SET LOCAL ROLE {role}"));
    for grant in &grants {
        client.batch_execute(grant).await.map_err(|e| {
            err("creating a role without BYPASSRLS (rolled back)", e).with_permission_hint(
                "`rls --verify` needs a user that may CREATE ROLE and grant on the tables; the role is rolled back with the rest",
            )
        })?;
    }

    let mut checks = Vec::new();
    for (table, oid, _) in &policy_oids {
        let mut check = TableCheck {
            table: table.clone(),
            sees_own_only: true,
            foreign_insert_refused: true,
            problem: None,
        };
        for (me, id) in tenant_ids.iter().enumerate() {
            let other = 1 - me;
            set_tenant(session, id).await?;
            let (Some((_, own)), Some((other_values, theirs))) =
                (rows[me].get(oid), rows[other].get(oid))
            else {
                continue;
            };
            let seen = client
                .query_one(
                    &format!(
                        "SELECT count(*), count(*) FILTER (WHERE ctid = $1::text::tid), count(*) FILTER (WHERE ctid = $2::text::tid) FROM {table}"
                    ),
                    &[own, theirs],
                )
                .await;
            match seen {
                Ok(row) => {
                    let total: i64 = row.try_get(0).unwrap_or(-1);
                    let mine: i64 = row.try_get(1).unwrap_or(-1);
                    let foreign: i64 = row.try_get(2).unwrap_or(-1);
                    if !(total == 1 && mine == 1 && foreign == 0) {
                        check.sees_own_only = false;
                        check.problem.get_or_insert(format!(
                            "tenant {} sees {total} row{} ({mine} of its own, {foreign} of the other tenant)",
                            me + 1,
                            if total == 1 { "" } else { "s" }
                        ));
                    }
                }
                Err(e) => {
                    check.sees_own_only = false;
                    check
                        .problem
                        .get_or_insert(err("reading as a tenant", e).message);
                }
            }
            // A row of the other tenant, written as this one: the policy must refuse it.
            let _ = other_values;
            client
                .batch_execute("SAVEPOINT verify_insert")
                .await
                .map_err(|e| err("setting a savepoint", e))?;
            let attempt = write_row(
                session,
                *oid,
                &names,
                &columns,
                &fks,
                &rows[other],
                &mut counter,
                None,
                direct
                    .get(oid)
                    .map(|column| (column.as_str(), tenant_ids[other].as_str())),
            )
            .await;
            client
                .batch_execute("ROLLBACK TO SAVEPOINT verify_insert")
                .await
                .map_err(|e| err("rolling back to the savepoint", e))?;
            match attempt {
                Ok(_) => {
                    check.foreign_insert_refused = false;
                    check.problem.get_or_insert(format!(
                        "tenant {} could write a row of the other tenant",
                        me + 1
                    ));
                }
                Err(error) if error.message.contains("row-level security") => {}
                Err(error) => {
                    check.foreign_insert_refused = false;
                    check.problem.get_or_insert(format!(
                        "writing a row of the other tenant failed for another reason: {}",
                        error.message
                    ));
                }
            }
        }
        checks.push(check);
    }
    Ok(Report {
        tables: checks,
        nothing_left_behind: false,
        database,
    })
}

/// The sequences the column defaults of `tables` draw from (`serial`, `nextval(…)`), as
/// `(quoted schema, quoted qualified name)`.
async fn sequences_of(
    session: &Session,
    tables: &[u32],
) -> Result<Vec<(String, String)>, DatabaseError> {
    let rows = session
        .client
        .query(
            "SELECT DISTINCT quote_ident(n.nspname), quote_ident(n.nspname) || '.' || quote_ident(s.relname)
             FROM pg_attrdef ad
             JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid
                             AND d.refclassid = 'pg_class'::regclass
             JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S'
             JOIN pg_namespace n ON n.oid = s.relnamespace
             WHERE ad.adrelid = ANY($1::oid[])",
            &[&tables],
        )
        .await
        .map_err(|e| session.error("reading the tables' sequences", &e))?;
    rows.iter()
        .map(|row| {
            let read = |i| {
                row.try_get::<_, String>(i)
                    .map_err(|e| session.error("reading the tables' sequences", &e))
            };
            Ok((read(0)?, read(1)?))
        })
        .collect()
}

async fn set_tenant(session: &Session, id: &str) -> Result<(), DatabaseError> {
    session
        .client
        .execute("SELECT set_config('app.current_tenant', $1, true)", &[&id])
        .await
        .map_err(|e| session.error("setting app.current_tenant", &e))?;
    Ok(())
}

/// Writes one row of `oid`: its required columns get fresh values, its foreign keys point
/// at `parents`' rows, `key` (the tenant table's id) and `tenant` (a column compared with
/// the tenant directly) get the tenant's id. Returns the values written and the row's ctid.
#[allow(clippy::too_many_arguments)]
async fn write_row(
    session: &Session,
    oid: u32,
    names: &HashMap<u32, String>,
    columns: &BTreeMap<u32, Vec<ColumnInfo>>,
    fks: &[ForeignKeyInfo],
    parents: &Rows,
    counter: &mut u32,
    key: Option<(&str, &str)>,
    tenant: Option<(&str, &str)>,
) -> Result<(HashMap<String, String>, String), DatabaseError> {
    let table = names.get(&oid).cloned().unwrap_or_default();
    let table_columns = columns.get(&oid).cloned().unwrap_or_default();
    let mut values: HashMap<String, String> = HashMap::new();
    for fk in fks
        .iter()
        .filter(|fk| fk.table == oid && fk.referenced != oid)
    {
        if let Some((parent, _)) = parents.get(&fk.referenced) {
            for (column, referenced) in fk.columns.iter().zip(&fk.referenced_columns) {
                if let Some(value) = parent.get(referenced) {
                    values.insert(column.clone(), value.clone());
                }
            }
        }
    }
    for (column, id) in key.into_iter().chain(tenant) {
        if let Some(info) = table_columns.iter().find(|c| c.name == column) {
            values.insert(
                column.to_string(),
                format!("{}::{}", quote_literal(id), info.data_type),
            );
        }
    }
    for column in &table_columns {
        if values.contains_key(&column.name) || !column.not_null || column.has_default {
            continue;
        }
        let value = value_for(column, *counter).ok_or_else(|| {
            DatabaseError::new(
                ErrorKind::Other,
                format!(
                    "cannot make a value for {table}.{} of type {}: `rls --verify` writes test rows and does not know this type",
                    quote(&column.name),
                    column.data_type
                ),
            )
        })?;
        *counter += 1;
        values.insert(column.name.clone(), value);
    }
    let ordered: Vec<(&String, &String)> = table_columns
        .iter()
        .filter_map(|c| values.get_key_value(&c.name))
        .collect();
    let returning: Vec<String> = table_columns
        .iter()
        .map(|c| format!("{}::text", quote(&c.name)))
        .collect();
    let statement = if ordered.is_empty() {
        format!(
            "INSERT INTO {table} DEFAULT VALUES RETURNING ctid::text, {}",
            returning.join(", ")
        )
    } else {
        format!(
            "INSERT INTO {table} ({}) VALUES ({}) RETURNING ctid::text, {}",
            ordered
                .iter()
                .map(|(name, _)| quote(name))
                .collect::<Vec<_>>()
                .join(", "),
            ordered
                .iter()
                .map(|(_, value)| value.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            returning.join(", ")
        )
    };
    let row = session
        .client
        .query_one(&statement, &[])
        .await
        .map_err(|e| session.error(&format!("writing a test row into {table}"), &e))?;
    let ctid: String = row
        .try_get(0)
        .map_err(|e| session.error("reading a test row", &e))?;
    let mut written = HashMap::new();
    for (i, column) in table_columns.iter().enumerate() {
        let text: Option<String> = row
            .try_get(i + 1)
            .map_err(|e| session.error("reading a test row", &e))?;
        if let Some(text) = text {
            written.insert(
                column.name.clone(),
                format!("{}::{}", quote_literal(&text), column.data_type),
            );
        }
    }
    Ok((written, ctid))
}
