//! The row-level-security SQL (`rls::sql`): a snapshot for a fixture, the providers without
//! row-level security, and — when PostgreSQL's binaries are on the machine — the SQL applied
//! to a throwaway cluster, checking that each tenant sees its own rows only.

mod common;

use prisma_analyzer::analysis::advisor::rls::{self, RlsError};
use prisma_analyzer::analysis::advisor::{Advisor, AdvisorSettings};
use prisma_analyzer::analysis::{Context, Options};
use prisma_analyzer::model::Schema;

fn sql_with(text: &str, settings: &AdvisorSettings) -> Result<String, RlsError> {
    let schema = Schema::parse("schema.prisma", text);
    let context = Context::new(&schema, &Options::default());
    rls::sql(&Advisor::new(&schema, &context, settings))
}

fn sql(text: &str) -> Result<String, RlsError> {
    sql_with(text, &AdvisorSettings::default())
}

fn fixture() -> String {
    std::fs::read_to_string(common::fixtures_dir().join("advice/tenant_rls.prisma"))
        .expect("the fixture")
}

fn fixture_settings() -> AdvisorSettings {
    AdvisorSettings {
        global_models: vec!["Country".to_string()],
        ..AdvisorSettings::default()
    }
}

#[test]
fn fixture_sql() {
    let sql = sql_with(&fixture(), &fixture_settings()).expect("PostgreSQL has RLS");
    insta::assert_snapshot!("tenant_rls", sql);
}

#[test]
fn casts_follow_the_tenant_id_type() {
    let int = "datasource db {\n  provider = \"postgresql\"\n}\nmodel Tenant {\n  id Int @id\n  posts Post[]\n}\nmodel Post {\n  id Int @id\n  tenantId Int\n  tenant Tenant @relation(fields: [tenantId], references: [id])\n}\n";
    let out = sql(int).expect("sql");
    assert!(
        out.contains("USING (\"tenantId\" = current_setting('app.current_tenant')::integer);"),
        "{out}"
    );
    let big = int.replace("Int", "BigInt");
    assert!(sql(&big).expect("sql").contains("::bigint);"));
    let text = int.replace("Int", "String");
    assert!(sql(&text).expect("sql").contains("::text);"));
}

#[test]
fn cockroachdb_is_supported() {
    let text = "datasource db {\n  provider = \"cockroachdb\"\n}\nmodel Post {\n  id String @id\n  tenantId String\n}\n";
    let out = sql(text).expect("CockroachDB 25.2 has RLS");
    assert!(out.contains("CockroachDB supports row-level security from version 25.2"));
    assert!(out.contains("CREATE POLICY tenant_isolation ON \"Post\""));
}

#[test]
fn other_providers_are_unsupported() {
    for provider in ["mysql", "sqlite", "sqlserver", "mongodb"] {
        let text = format!(
            "datasource db {{\n  provider = \"{provider}\"\n}}\nmodel Post {{\n  id String @id\n  tenantId String\n}}\n"
        );
        match sql(&text) {
            Err(RlsError::Unsupported(why)) => {
                assert!(why.contains(provider), "{why}");
                assert!(why.contains("PostgreSQL"), "{why}");
            }
            other => panic!("{provider}: {other:?}"),
        }
    }
    assert!(matches!(
        sql("model Post {\n  id String @id\n  tenantId String\n}\n"),
        Err(RlsError::Unsupported(_))
    ));
}

#[test]
fn a_schema_without_tenants_is_not_multi_tenant() {
    let text = "datasource db {\n  provider = \"postgresql\"\n}\nmodel Post {\n  id String @id\n  tenantId String?\n}\n";
    assert_eq!(sql(text), Err(RlsError::NotMultiTenant));
}

#[test]
fn the_tenant_key_is_configurable() {
    let text = "datasource db {\n  provider = \"postgresql\"\n}\nmodel Organization {\n  id String @id\n  posts Post[]\n}\nmodel Post {\n  id String @id\n  organizationId String @map(\"organization_id\")\n  organization Organization @relation(fields: [organizationId], references: [id])\n}\n";
    let settings = AdvisorSettings {
        tenant_key: "organizationId".to_string(),
        tenant_model: "Organization".to_string(),
        ..AdvisorSettings::default()
    };
    let out = sql_with(text, &settings).expect("sql");
    assert!(
        out.contains("USING (\"organization_id\" = current_setting('app.current_tenant')::text);")
    );
    assert!(out.contains("--   Organization: the tenant model"));
}

/// Tables matching `tenant_rls.prisma` (what `prisma migrate` would create, keys included).
fn fixture_ddl() -> String {
    std::fs::read_to_string(common::fixtures_dir().join("database/tenant_rls.sql"))
        .expect("tests/fixtures/database/tenant_rls.sql")
}

/// The rows of tenant `t` (`a` or `b`), written as that tenant (the policies check what is
/// written too).
fn rows(t: char) -> String {
    let id = format!("00000000-0000-0000-0000-00000000000{t}");
    format!(
        r#"
BEGIN;
SELECT set_config('app.current_tenant', '{id}', true);
INSERT INTO projects VALUES ('p{t}', '{id}');
INSERT INTO tasks VALUES ('t{t}', 'p{t}');
INSERT INTO comments VALUES ('c{t}', 't{t}');
INSERT INTO billing.invoices VALUES ('i{t}', '{t}');
INSERT INTO memberships VALUES ('m{t}', '{id}');
INSERT INTO documents VALUES ('d{t}', '{id}');
INSERT INTO "document ""versions""" VALUES ('d{t}', 1);
INSERT INTO revisions VALUES ('r{t}', 'd{t}', 1);
COMMIT;
"#
    )
}

/// The plan and the two tenants (no policy on either).
const TENANTS: &str = r#"
INSERT INTO "Plan" VALUES ('free');
INSERT INTO tenants VALUES ('00000000-0000-0000-0000-00000000000a', 'a', 'free'), ('00000000-0000-0000-0000-00000000000b', 'b', 'free');
"#;

/// What tenant `a` sees: one row of each table, and a row of `b` cannot be written.
const CHECKS: &str = r#"
BEGIN;
SELECT set_config('app.current_tenant', '00000000-0000-0000-0000-00000000000a', true);
SELECT 'seen ' || string_agg(id, ',' ORDER BY id) FROM (
  SELECT id FROM projects UNION ALL SELECT id FROM tasks UNION ALL SELECT id FROM comments
  UNION ALL SELECT id FROM billing.invoices UNION ALL SELECT id FROM memberships
  UNION ALL SELECT id FROM documents UNION ALL SELECT "documentId" FROM "document ""versions"""
  UNION ALL SELECT id FROM revisions) AS visible;
SAVEPOINT s;
INSERT INTO tasks VALUES ('tx', 'pb');
"#;

#[test]
fn the_sql_applies_to_postgresql_and_isolates_tenants() {
    let Some(cluster) = common::postgres::Cluster::start_for("the RLS isolation test") else {
        return;
    };
    let sql = sql_with(&fixture(), &fixture_settings()).expect("sql");
    // The application's role owns the tables, as when Prisma migrates and queries as one role:
    // FORCE ROW LEVEL SECURITY is what makes the policies apply to it.
    cluster
        .psql(
            "postgres",
            "CREATE ROLE app LOGIN; GRANT CREATE ON DATABASE postgres TO app; GRANT CREATE ON SCHEMA public TO app;",
        )
        .expect("role");
    cluster.psql("app", &fixture_ddl()).expect("tables");
    cluster
        .psql("app", &format!("BEGIN;\n{sql}\nCOMMIT;"))
        .unwrap_or_else(|e| panic!("the RLS SQL does not apply: {e}\n{sql}"));
    // Applying it again works too (the policies are dropped first).
    cluster
        .psql("app", &format!("BEGIN;\n{sql}\nCOMMIT;"))
        .expect("the SQL runs twice");
    cluster
        .psql("app", &format!("{TENANTS}{}{}", rows('a'), rows('b')))
        .expect("each tenant writes its rows");
    let error = cluster
        .psql("app", CHECKS)
        .expect_err("tenant a cannot add a task to b's project");
    assert!(error.contains("row-level security"), "{error}");
    let seen = cluster
        .psql(
            "app",
            &CHECKS[..CHECKS.find("SAVEPOINT").expect("savepoint")],
        )
        .expect("reads");
    assert!(seen.contains("seen ca,da,da,ia,ma,pa,ra,ta"), "{seen}");
    let unset = cluster
        .psql("app", "SELECT count(*) FROM projects;")
        .expect_err("no tenant set");
    assert!(unset.contains("app.current_tenant"), "{unset}");
}

/// `rls --verify` of `schema` against database `name` of `cluster`, created with `ddl`.
fn verify_on(
    cluster: &common::postgres::Cluster,
    name: &str,
    ddl: &str,
    schema: &str,
) -> (Option<i32>, String) {
    cluster
        .create_database_with(name, ddl)
        .unwrap_or_else(|e| panic!("the tables of {name}: {e}"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("schema.prisma");
    std::fs::write(&path, schema).expect("schema");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"))
        .arg("rls")
        .arg(&path)
        .args(["--verify", &cluster.url("postgres", name)])
        .output()
        .expect("rls runs");
    (
        output.status.code(),
        format!(
            "{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    )
}

/// An identifier quoted for SQL.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[test]
fn rls_verify_holds_for_autoincrement_tables() {
    let Some(cluster) = common::postgres::Cluster::start_for("rls --verify on serial keys") else {
        return;
    };
    let schema = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Tenant {\n  id       Int       @id @default(autoincrement())\n  projects Project[]\n}\n\nmodel Project {\n  id       Int    @id @default(autoincrement())\n  tenantId Int\n  tenant   Tenant @relation(fields: [tenantId], references: [id], onDelete: Cascade)\n  tasks    Task[]\n\n  @@index([tenantId])\n}\n\nmodel Task {\n  id        BigInt  @id @default(autoincrement())\n  projectId Int\n  project   Project @relation(fields: [projectId], references: [id], onDelete: Cascade)\n\n  @@index([projectId])\n}\n";
    // As Prisma creates them: serial keys, whose sequences the test role must be able to use.
    let ddl = r#"
CREATE TABLE "Tenant" (id SERIAL PRIMARY KEY);
CREATE TABLE "Project" (id SERIAL PRIMARY KEY, "tenantId" integer NOT NULL REFERENCES "Tenant"(id) ON DELETE CASCADE);
CREATE TABLE "Task" (id BIGSERIAL PRIMARY KEY, "projectId" integer NOT NULL REFERENCES "Project"(id) ON DELETE CASCADE);
"#;
    let (code, output) = verify_on(&cluster, "serials", ddl, schema);
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("isolation holds for 2 tables"), "{output}");
    assert!(!output.contains("FAILED"), "{output}");
    assert!(!output.contains("pg_read_all_stats"), "{output}");
}

#[test]
fn rls_verify_holds_for_hostile_mapped_names() {
    let Some(cluster) = common::postgres::Cluster::start_for("rls --verify on hostile names")
    else {
        return;
    };
    // Newlines, quotes, semicolons, comment markers, dots and non-ASCII in table and column
    // names: every statement is built from the names, never parsed back out of SQL text.
    let tenants = "tenant\nrows; DROP TABLE x; --";
    let projects = "projéct's \"table\";\nname.with.dots";
    let tenant_column = "tenant \"id\"\n";
    let tasks = "täsks 🚀 */ /*";
    let project_column = "project;id";
    let schema = format!(
        "datasource db {{\n  provider = \"postgresql\"\n}}\n\nmodel Tenant {{\n  id       String    @id @db.Uuid\n  projects Project[]\n\n  @@map(\"{}\")\n}}\n\nmodel Project {{\n  id       Int    @id @default(autoincrement())\n  tenantId String @map(\"{}\") @db.Uuid\n  tenant   Tenant @relation(fields: [tenantId], references: [id], onDelete: Cascade)\n  tasks    Task[]\n\n  @@index([tenantId])\n  @@map(\"{}\")\n}}\n\nmodel Task {{\n  id        String  @id\n  projectId Int     @map(\"{}\")\n  project   Project @relation(fields: [projectId], references: [id], onDelete: Cascade)\n\n  @@index([projectId])\n  @@map(\"{}\")\n}}\n",
        prisma_string(tenants),
        prisma_string(tenant_column),
        prisma_string(projects),
        prisma_string(project_column),
        prisma_string(tasks),
    );
    let ddl = format!(
        "CREATE TABLE {t} (id uuid PRIMARY KEY);\n\
         CREATE TABLE {p} (id SERIAL PRIMARY KEY, {tc} uuid NOT NULL REFERENCES {t}(id) ON DELETE CASCADE);\n\
         CREATE TABLE {k} (id text PRIMARY KEY, {pc} integer NOT NULL REFERENCES {p}(id) ON DELETE CASCADE);\n",
        t = quoted(tenants),
        p = quoted(projects),
        tc = quoted(tenant_column),
        k = quoted(tasks),
        pc = quoted(project_column),
    );
    let (code, output) = verify_on(&cluster, "hostile", &ddl, &schema);
    assert_eq!(code, Some(0), "{output}");
    assert!(output.contains("isolation holds for 2 tables"), "{output}");
    // Nothing ran that the names held.
    let tables = cluster
        .psql_in("hostile", "postgres", "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace;")
        .expect("tables");
    assert_eq!(tables.trim(), "3", "{output}");
}

/// `text` as the inside of a Prisma string literal (`"` and `\` escaped, a newline as `\n`).
fn prisma_string(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
