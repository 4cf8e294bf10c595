//! The live database (issue 9) against a throwaway PostgreSQL cluster: the snapshot read
//! from the catalogue and statistics, the read-only session, masked credentials, clear
//! errors, `check --database-url` end to end, and `rls --verify`.
//!
//! PostgreSQL's binaries come from `PG_BIN` or `/usr/lib/postgresql/*/bin`. Without them the
//! tests are skipped with a message, except on CI (`CI` set), where they fail.

mod common;

use common::postgres::{Cluster, PASSWORD_ROLE};
use prisma_analyzer::database::{
    self, ConnectOptions, DatabaseError, DatabaseSnapshot, DatabaseUrl, ErrorKind, Session,
};
use std::process::Command;
use std::time::{Duration, Instant};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::fixtures_dir().join("database").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

fn url(text: &str) -> DatabaseUrl {
    DatabaseUrl::parse(text).unwrap_or_else(|e| panic!("{e}"))
}

fn connect(runtime: &tokio::runtime::Runtime, text: &str) -> Result<Session, DatabaseError> {
    runtime.block_on(database::connect(&url(text), &ConnectOptions::default()))
}

/// The cluster with shop.sql applied and the workload run (statistics flushed).
fn shop() -> Option<Cluster> {
    let cluster = Cluster::start_for("the database tests")?;
    cluster
        .psql("postgres", &fixture("shop.sql"))
        .expect("shop.sql");
    cluster
        .psql("postgres", &fixture("workload.sql"))
        .expect("workload.sql");
    Some(cluster)
}

fn read(cluster: &Cluster, schemas: &[&str]) -> DatabaseSnapshot {
    let runtime = runtime();
    let session = connect(&runtime, &cluster.url("postgres", "postgres")).expect("connects");
    let schemas: Vec<String> = schemas.iter().map(|s| s.to_string()).collect();
    runtime
        .block_on(database::read_snapshot(&session, &schemas))
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn the_snapshot_has_the_catalogue_and_the_statistics() {
    let Some(cluster) = shop() else { return };
    let snapshot = read(&cluster, &["public"]);
    assert!(
        snapshot.server_version.starts_with("15"),
        "{}",
        snapshot.server_version
    );
    let names: Vec<&str> = snapshot.tables.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(
        names,
        ["Item", "audit_log", "orders", "users"],
        "billing is not read"
    );

    let users = snapshot.table("public", "users").expect("users");
    let columns: Vec<(&str, &str, bool)> = users
        .columns
        .iter()
        .map(|c| (c.name.as_str(), c.data_type.as_str(), c.nullable))
        .collect();
    assert_eq!(
        columns,
        [
            ("id", "integer", false),
            ("email", "text", false),
            ("name", "text", true)
        ]
    );
    assert_eq!(users.row_estimate, 200.0);
    assert!(users.total_bytes > users.table_bytes && users.table_bytes > 0);
    let email = users
        .indexes
        .iter()
        .find(|i| i.name == "users_email_key")
        .expect("the unique index");
    assert!(email.unique && !email.primary);
    assert_eq!(email.columns, ["email"]);
    assert_eq!(email.constraint, None, "a unique index, not a constraint");
    assert_eq!(email.method, "btree");
    assert!(email.scans >= 2, "index scans: {}", email.scans);
    assert!(email.bytes > 0);
    let pkey = users.indexes.iter().find(|i| i.primary).expect("pkey");
    assert_eq!(pkey.name, "users_pkey");
    assert_eq!(pkey.constraint.as_deref(), Some("users_pkey"));
    let lower = users
        .indexes
        .iter()
        .find(|i| i.name == "users_lower_email_idx")
        .expect("expression index");
    assert_eq!(lower.columns, ["lower(email)"]);
    assert!(users.index_scans >= 2);

    let orders = snapshot.table("public", "orders").expect("orders");
    let open = orders
        .indexes
        .iter()
        .find(|i| i.name == "orders_open_idx")
        .expect("partial index");
    assert_eq!(open.predicate.as_deref(), Some("status = 'open'::text"));
    assert_eq!(open.columns, ["created_at"]);
    assert_eq!(open.scans, 0);
    let column = orders.column("total").expect("total");
    assert_eq!(column.data_type, "numeric(10,2)");
    assert_eq!(
        orders.column("created_at").map(|c| c.data_type.as_str()),
        Some("timestamp(3) without time zone")
    );
    let fk = &orders.foreign_keys[0];
    assert_eq!(fk.name, "orders_user_id_fkey");
    assert_eq!(fk.columns, ["user_id"]);
    assert_eq!(
        (fk.referenced_schema.as_str(), fk.referenced_table.as_str()),
        ("public", "users")
    );
    assert_eq!(fk.referenced_columns, ["id"]);
    assert_eq!(
        (fk.on_delete.as_str(), fk.on_update.as_str()),
        ("CASCADE", "CASCADE")
    );

    let item = snapshot.table("public", "Item").expect("Item");
    let item_columns: Vec<&str> = item.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        item_columns,
        ["id", "orderId", "sku", "note"],
        "dropped columns are not read"
    );
    assert_eq!(item.columns[2].data_type, "character varying(32)");
    assert_eq!(item.foreign_keys[0].on_delete, "RESTRICT");
    assert_eq!(item.row_estimate, 3000.0);
    // The three lookups by "orderId" read the table (no index on it).
    assert!(item.seq_scans >= 3, "seq scans: {}", item.seq_scans);
    assert!(
        item.seq_rows_read >= 9000,
        "rows read: {}",
        item.seq_rows_read
    );
    let hash = item
        .indexes
        .iter()
        .find(|i| i.name == "Item_sku_idx")
        .expect("hash");
    assert_eq!(hash.method, "hash");

    let audit = snapshot.table("public", "audit_log").expect("audit_log");
    assert_eq!(audit.columns[2].data_type, "text[]");
    assert_eq!(audit.row_estimate, 0.0, "analysed, empty");

    // Other schemas when asked.
    let both = read(&cluster, &["public", "billing"]);
    let invoices = both.table("billing", "invoices").expect("billing.invoices");
    assert_eq!(invoices.foreign_keys[0].referenced_table, "orders");
}

#[test]
fn the_session_is_read_only_and_has_a_statement_timeout() {
    let Some(cluster) = Cluster::start_for("the database tests") else {
        return;
    };
    cluster
        .psql(
            "postgres",
            "CREATE TABLE kept (a int); INSERT INTO kept VALUES (1);",
        )
        .expect("setup");
    let runtime = runtime();
    let session = connect(&runtime, &cluster.url("postgres", "postgres")).expect("connects");
    for write in [
        "INSERT INTO kept VALUES (2)",
        "CREATE TABLE made (a int)",
        "UPDATE kept SET a = 3",
        "DELETE FROM kept",
    ] {
        let error = runtime
            .block_on(session.client.batch_execute(write))
            .expect_err(write);
        let db = error
            .as_db_error()
            .map(|d| d.message().to_string())
            .unwrap_or_default();
        assert!(db.contains("read-only transaction"), "{write}: {db}");
    }
    assert_eq!(
        cluster
            .psql("postgres", "SELECT count(*) FROM kept;")
            .as_deref(),
        Ok("1\n")
    );
    let settings = runtime
        .block_on(session.client.query_one(
            "SELECT current_setting('default_transaction_read_only'), current_setting('statement_timeout'), current_setting('application_name')",
            &[],
        ))
        .expect("settings");
    let values: (String, String, String) = (settings.get(0), settings.get(1), settings.get(2));
    assert_eq!(values, ("on".into(), "5s".into(), "prisma-analyzer".into()));

    // A statement over the timeout is one clear error.
    let short = ConnectOptions {
        statement_timeout: Duration::from_millis(200),
        ..ConnectOptions::default()
    };
    let target = url(&cluster.url("postgres", "postgres"));
    let session = runtime
        .block_on(database::connect(&target, &short))
        .expect("connects");
    let error = runtime
        .block_on(session.client.batch_execute("SELECT pg_sleep(3)"))
        .expect_err("times out");
    let error = session.error("reading the catalogue", &error);
    assert_eq!(error.kind, ErrorKind::Timeout, "{error}");
    assert!(
        error
            .message
            .starts_with("timed out while reading the catalogue at postgres://****@"),
        "{error}"
    );
}

#[test]
fn errors_are_clear_and_never_show_the_password() {
    let Some(cluster) = Cluster::start_for("the database tests") else {
        return;
    };
    cluster
        .psql(
            "postgres",
            &format!("CREATE ROLE {PASSWORD_ROLE} LOGIN PASSWORD 'right-Passw0rd';"),
        )
        .expect("role");
    let runtime = runtime();
    let socket = cluster.socket_dir().display().to_string();
    let with = |password: &str, db: &str| {
        format!("postgresql://{PASSWORD_ROLE}:{password}@/{db}?host={socket}&sslmode=disable")
    };
    assert!(connect(&runtime, &with("right-Passw0rd", "postgres")).is_ok());
    // The default sslmode (prefer) falls back to plain text; libpq key=value strings work.
    let prefer = format!("postgresql://{PASSWORD_ROLE}:right-Passw0rd@/postgres?host={socket}");
    assert!(connect(&runtime, &prefer).is_ok());
    let key_values =
        format!("host={socket} user={PASSWORD_ROLE} password='right-Passw0rd' dbname=postgres");
    assert!(connect(&runtime, &key_values).is_ok());
    // require: the server has no TLS.
    let error = connect(&runtime, &format!("{prefer}&sslmode=require")).expect_err("no TLS");
    assert_eq!(error.kind, ErrorKind::Tls, "{error}");
    assert!(
        error
            .message
            .starts_with("TLS failed with the database at postgres://****@"),
        "{error}"
    );

    let error = connect(&runtime, &with("Wr0ng-Secret", "postgres")).expect_err("wrong password");
    assert_eq!(error.kind, ErrorKind::Authentication, "{error}");
    assert!(error.message.contains("postgres://****@"), "{error}");
    // The server names the user; the message does not.
    assert!(
        error
            .message
            .contains("password authentication failed for user \"****\""),
        "{error}"
    );
    assert!(!error.message.contains("Wr0ng-Secret"), "{error}");
    assert!(!error.message.contains(PASSWORD_ROLE), "{error}");

    let error = connect(&runtime, &with("right-Passw0rd", "nowhere")).expect_err("no database");
    assert_eq!(error.kind, ErrorKind::DatabaseMissing, "{error}");
    assert!(!error.message.contains("right-Passw0rd"), "{error}");
    assert!(
        error.message.contains("\"nowhere\" does not exist"),
        "{error}"
    );

    // Missing permissions on a statistics view.
    cluster
        .psql(
            "postgres",
            "REVOKE SELECT ON pg_stat_user_tables FROM PUBLIC; CREATE TABLE t (a int);",
        )
        .expect("revoke");
    let session = connect(&runtime, &with("right-Passw0rd", "postgres")).expect("connects");
    let error = runtime
        .block_on(database::read_snapshot(&session, &[]))
        .expect_err("permission denied");
    assert_eq!(error.kind, ErrorKind::PermissionDenied, "{error}");
    assert!(error.message.contains("pg_stat_user_tables"), "{error}");
    assert!(error.message.contains("pg_read_all_stats"), "{error}");
    assert!(
        error.message.contains("****") && !error.message.contains("right-Passw0rd"),
        "{error}"
    );
}

#[test]
fn an_unreachable_database_is_one_error_within_the_timeout() {
    let runtime = runtime();
    let empty = tempfile::tempdir().expect("tempdir");
    let options = ConnectOptions {
        connect_timeout: Duration::from_secs(1),
        ..ConnectOptions::default()
    };
    let cases = [
        format!(
            "postgresql://u:Hidden-Pw@/db?host={}",
            empty.path().display()
        ),
        "postgresql://u:Hidden-Pw@127.0.0.1:1/db".to_string(),
        "postgresql://u:Hidden-Pw@no-such-host.invalid/db".to_string(),
        // A routable address that does not answer (or an unreachable network).
        "postgresql://u:Hidden-Pw@10.255.255.1:5432/db".to_string(),
    ];
    for text in cases {
        let start = Instant::now();
        let error = runtime
            .block_on(database::connect(&url(&text), &options))
            .err()
            .unwrap_or_else(|| panic!("{text} connected"));
        assert!(
            start.elapsed() < Duration::from_secs(4),
            "{text}: {:?}",
            start.elapsed()
        );
        assert!(
            matches!(error.kind, ErrorKind::Unreachable | ErrorKind::Timeout),
            "{text}: {error:?}"
        );
        assert!(error.message.contains("postgres://****@"), "{error}");
        assert!(!error.message.contains("Hidden-Pw"), "{error}");
    }
}

fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"))
}

/// `check --format json` of the shop fixture, with `--database-url`.
fn check(url: &str) -> (Option<i32>, serde_json::Value, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let schema = dir.path().join("schema.prisma");
    std::fs::write(&schema, fixture("shop.prisma")).expect("schema");
    let output = binary()
        .arg("check")
        .arg(&schema)
        .args([
            "--format",
            "json",
            "--database-url",
            url,
            "--statement-timeout",
            "2s",
        ])
        .env_remove("DATABASE_URL")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    (
        output.status.code(),
        json,
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

fn codes(json: &serde_json::Value) -> Vec<String> {
    let mut codes = Vec::new();
    collect_codes(json, &mut codes);
    codes
}

fn collect_codes(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(code)) = map.get("code") {
                out.push(code.clone());
            }
            map.values().for_each(|v| collect_codes(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_codes(v, out)),
        _ => {}
    }
}

#[test]
fn check_with_an_unreachable_database_still_runs_the_static_analysis() {
    let (code, json, stderr) = check("postgresql://app:Hidden-Pw@127.0.0.1:1/shop");
    assert_eq!(code, Some(0), "warnings do not fail the check: {stderr}");
    let found = codes(&json);
    assert!(found.contains(&"db/unavailable".to_string()), "{json}");
    assert_eq!(found.iter().filter(|c| *c == "db/unavailable").count(), 1);
    // Item.orderId has no index: the static advice is there.
    assert!(
        found.contains(&"index/missing-fk-index".to_string()),
        "{json}"
    );
    let text = json.to_string();
    assert!(text.contains("postgres://****@127.0.0.1:1/shop"), "{text}");
    assert!(!text.contains("Hidden-Pw") && !stderr.contains("Hidden-Pw"));
}

#[test]
fn check_reads_a_live_database() {
    let Some(cluster) = shop() else { return };
    let (code, json, stderr) = check(&cluster.url("postgres", "postgres"));
    let found = codes(&json);
    assert!(
        !found.contains(&"db/unavailable".to_string()),
        "{json} {stderr}"
    );
    assert!(
        found.contains(&"index/missing-fk-index".to_string()),
        "{json}"
    );
    assert_eq!(code, Some(0), "{stderr}");
    // `env`: DATABASE_URL from a .env beside the schema.
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("schema.prisma"), fixture("shop.prisma")).expect("schema");
    std::fs::write(
        dir.path().join(".env"),
        "# the test cluster\nexport DATABASE_URL=\"postgresql://nobody@/postgres?host=/nonexistent-socket-dir\"\n",
    )
    .expect(".env");
    let output = binary()
        .arg("check")
        .arg(dir.path().join("schema.prisma"))
        .args(["--format", "json", "--database-url", "env"])
        .env_remove("DATABASE_URL")
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("db/unavailable") && stdout.contains("nonexistent-socket-dir"),
        "{stdout}"
    );
    let output = binary()
        .arg("check")
        .arg(dir.path().join("schema.prisma"))
        .args(["--format", "json", "--database-url", "env"])
        .env("DATABASE_URL", cluster.url("postgres", "postgres"))
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        !stdout.contains("db/unavailable"),
        "the environment wins over .env: {stdout}"
    );
}

/// Tables matching `advice/tenant_rls.prisma` (as tests/rls.rs creates them), with a plan.
fn tenant_ddl() -> String {
    format!(
        "{}{}",
        fixture("tenant_rls.sql"),
        "INSERT INTO \"Plan\" VALUES ('free');\n"
    )
}

/// What must be the same before and after `rls --verify`: roles, policies, RLS flags, rows.
const STATE: &str = "SELECT (SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles), \
    (SELECT count(*) FROM pg_policy), \
    (SELECT string_agg(relname || relrowsecurity, ',' ORDER BY relname) FROM pg_class WHERE relkind = 'r' AND relnamespace::regnamespace::text IN ('public', 'billing')), \
    (SELECT count(*) FROM tenants) + (SELECT count(*) FROM projects) + (SELECT count(*) FROM \"Plan\");";

fn verify(cluster: &Cluster, schema: &str) -> std::process::Output {
    binary()
        .arg("rls")
        .arg(schema)
        .args(["--verify", &cluster.url("postgres", "postgres")])
        .output()
        .expect("runs")
}

#[test]
fn rls_verify_proves_isolation_and_leaves_nothing_behind() {
    let Some(cluster) = Cluster::start_for("the database tests") else {
        return;
    };
    let schema = common::fixtures_dir().join("advice/tenant_rls.prisma");
    let schema = schema.to_string_lossy().to_string();

    // Before the migration ran: a clear message.
    let output = verify(&cluster, &schema);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("the schema's tables are not in the database"),
        "{stderr}"
    );
    assert!(stderr.contains("migrations"), "{stderr}");

    cluster.psql("postgres", &tenant_ddl()).expect("tables");
    let before = cluster.psql("postgres", STATE).expect("state");
    let output = verify(&cluster, &schema);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}\n{stderr}");
    assert!(stdout.contains("rolled back"), "{stdout}");
    assert!(stdout.contains("isolation holds for 8 tables"), "{stdout}");
    assert!(
        stdout.contains("\"public\".\"revisions\": ok") || stdout.contains("\"revisions\": ok"),
        "{stdout}"
    );
    assert!(stdout.contains("nothing was left behind"), "{stdout}");
    assert_eq!(
        cluster.psql("postgres", STATE).expect("state"),
        before,
        "nothing left behind"
    );

    // A policy that lets every tenant see everything is caught.
    cluster
        .psql(
            "postgres",
            "CREATE TABLE leaky (id text PRIMARY KEY, tenant_id uuid NOT NULL REFERENCES tenants(id));",
        )
        .expect("leaky");
    let dir = tempfile::tempdir().expect("tempdir");
    let text = std::fs::read_to_string(&schema).expect("schema");
    let leaky = text.replace(
        "  documents   Document[]\n",
        "  documents   Document[]\n  leaks       Leaky[]\n",
    ) + "\nmodel Leaky {\n  id       String @id\n  tenantId String @map(\"tenant_id\") @db.Uuid\n  tenant   Tenant @relation(fields: [tenantId], references: [id])\n\n  @@map(\"leaky\")\n  @@schema(\"public\")\n}\n";
    let leaky_path = dir.path().join("schema.prisma");
    std::fs::write(&leaky_path, leaky).expect("write");
    // A permissive policy of its own, OR-ed with the generated one.
    cluster
        .psql(
            "postgres",
            "ALTER TABLE leaky ENABLE ROW LEVEL SECURITY; CREATE POLICY everyone ON leaky USING (true);",
        )
        .expect("policy");
    let output = verify(&cluster, &leaky_path.to_string_lossy());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("\"leaky\": FAILED"), "{stdout}");
    assert!(
        stdout.contains("isolation FAILS for 1 of 9 tables"),
        "{stdout}"
    );
}

/// The messages of the diagnostics with `code` in `check --format json` output.
fn findings_of(json: &serde_json::Value, code: &str) -> Vec<String> {
    let mut found = Vec::new();
    collect_messages(json, code, &mut found);
    found.sort();
    found
}

fn collect_messages(value: &serde_json::Value, code: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if map.get("code").and_then(|c| c.as_str()) == Some(code)
                && let Some(message) = map.get("message").and_then(|m| m.as_str())
            {
                out.push(message.to_string());
            }
            map.values().for_each(|v| collect_messages(v, code, out));
        }
        serde_json::Value::Array(items) => {
            items.iter().for_each(|v| collect_messages(v, code, out))
        }
        _ => {}
    }
}

#[test]
fn check_finds_the_drift_the_unused_indexes_and_the_scans_of_a_live_database() {
    let Some(cluster) = shop() else { return };
    let (code, json, stderr) = check(&cluster.url("postgres", "postgres"));
    // What was added by hand (shop.sql): the undeclared table, column and indexes; the
    // partial index Prisma would drop.
    let drift = findings_of(&json, "db/drift");
    let joined = drift.join("\n");
    for expected in ["audit_log", "note", "users_lower_email_idx", "Item_sku_idx"] {
        assert!(
            joined.contains(expected),
            "{expected} in:\n{joined}\n{stderr}"
        );
    }
    let partial = findings_of(&json, "db/partial-index");
    assert!(
        partial.join("\n").contains("orders_open_idx"),
        "{partial:?}"
    );
    // `orders_status_idx` was never scanned; the unique email index was.
    let unused = findings_of(&json, "db/unused-index").join("\n");
    assert!(unused.contains("orders_status_idx"), "{unused}");
    assert!(!unused.contains("users_email_key"), "{unused}");
    // The foreign key of Item without an index: the evidence of its sequential scans.
    let missing = findings_of(&json, "index/missing-fk-index").join("\n");
    assert!(
        missing.contains("sequential scan"),
        "evidence from pg_stat_user_tables: {missing}"
    );
    assert_eq!(code, Some(0), "warnings only: {stderr}");
}

#[test]
fn the_server_reads_the_database_in_the_background_and_shows_it() {
    let Some(cluster) = shop() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("schema.prisma");
    let text = fixture("shop.prisma");
    std::fs::write(&path, &text).expect("schema");
    let uri = common::lsp::file_uri(&path);
    let mut client = common::lsp::LspClient::start_in(dir.path());
    client.initialize_with_options(
        &["utf-16"],
        serde_json::json!({"databaseUrl": cluster.url("postgres", "postgres")}),
    );
    client.open(&uri, 1, &text);
    // The first publication does not wait for the database; the findings follow when the
    // snapshot is read.
    let mut messages = Vec::new();
    for _ in 0..20 {
        messages = client.diagnostic_messages(&uri, 1);
        if messages.iter().any(|m| m.contains("audit_log")) {
            break;
        }
    }
    let all = messages.join("\n");
    assert!(all.contains("audit_log"), "{all}");
    assert!(all.contains("orders_open_idx"), "{all}");
    assert!(all.contains("sequential scan"), "{all}");
    // Hover on a model: what the database measured.
    let line = text
        .lines()
        .position(|l| l.starts_with("model Order"))
        .expect("model Order");
    let hover = client.request(
        "textDocument/hover",
        serde_json::json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 7}}),
    );
    let markdown = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(markdown.contains("rows"), "{markdown}");
    assert!(client.shutdown().success());
}

#[test]
fn a_database_that_never_answers_holds_up_no_keystroke() {
    // A listener that accepts connections and never says a word: the read waits for its
    // connect timeout, in the background.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = silent.local_addr().expect("an address").port();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("schema.prisma");
    let text = fixture("shop.prisma");
    std::fs::write(&path, &text).expect("schema");
    let uri = common::lsp::file_uri(&path);
    let mut client = common::lsp::LspClient::start_in(dir.path());
    client.initialize_with_options(
        &["utf-16"],
        serde_json::json!({"databaseUrl": format!("postgresql://nobody:Hidden-Pw@127.0.0.1:{port}/app")}),
    );
    client.open(&uri, 1, &text);
    // Published while the database is still being waited for: the static findings, and
    // nothing about the database yet.
    let first = client.diagnostic_messages(&uri, 1);
    assert!(
        first.iter().any(|m| m.contains("no index starts with")),
        "{first:?}"
    );
    assert!(!first.iter().any(|m| m.contains("database")), "{first:?}");
    // A keystroke meanwhile is analysed and published as usual.
    let edited = text.replacen("  name   String?", "  name   Strin?", 1);
    client.change(&uri, 2, (0, 0), (999, 0), &edited);
    let second = client.diagnostic_messages(&uri, 2);
    assert!(
        second.iter().any(|m| m.contains("unknown type `Strin`")),
        "{second:?}"
    );
    // Then the read gives up: one warning, with the password masked.
    let mut last = second;
    for _ in 0..20 {
        if last
            .iter()
            .any(|m| m.contains("the database was not checked"))
        {
            break;
        }
        last = client.diagnostic_messages(&uri, 2);
    }
    let warning = last
        .iter()
        .find(|m| m.contains("the database was not checked"))
        .unwrap_or_else(|| panic!("no db/unavailable in {last:?}"));
    assert!(
        !warning.contains("Hidden-Pw") && warning.contains("****"),
        "{warning}"
    );
    assert!(client.shutdown().success());
    drop(silent);
}
