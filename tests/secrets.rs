//! No secret of a connection string is ever printed (issue 15, item 7): for every shape of
//! URL below (passwords with characters URLs reserve, percent-encoded secrets, secrets in
//! the user part, `sslpassword` and other parameters, libpq `key=value` strings, URLs from
//! `DATABASE_URL` and `.env`, and strings that do not parse), in every output of `check`
//! (human, json, github, sarif), in `rls --verify`, in the language server's messages and in
//! its log at every level (`RUST_LOG=error` to `trace`, which logs the protocol messages).
//!
//! The databases are addresses where nothing listens (`127.0.0.1:1`, a socket folder that
//! does not exist), so every connection fails at once and the failure is reported.

mod common;

use common::lsp::{LspClient, file_uri};
use prisma_analyzer::database::url::{DatabaseUrl, resolve_with};
use std::path::Path;
use std::process::Command;

/// How a test gives the database: the `--database-url` / `databaseUrl` value, the
/// environment, and a `.env` file beside the schema.
struct Shape {
    name: &'static str,
    setting: &'static str,
    database_url_variable: Option<&'static str>,
    dotenv: Option<&'static str>,
    /// What must never appear, in every form it could take (as given, decoded, encoded).
    secrets: &'static [&'static str],
}

const fn url(name: &'static str, setting: &'static str, secrets: &'static [&'static str]) -> Shape {
    Shape {
        name,
        setting,
        database_url_variable: None,
        dotenv: None,
        secrets,
    }
}

/// Every secret below starts with `Zq`, which appears in nothing the analyzer prints (apart
/// from the project's folder, whose name is random).
const MARKER: &str = "Zq";

const SHAPES: &[Shape] = &[
    url(
        "an unencoded ? in the password",
        "postgresql://alice:Zq01hunter2?x@127.0.0.1:1/app",
        &["Zq01hunter2?x", "Zq01hunter2%3Fx", "hunter2"],
    ),
    url(
        "a plain password",
        "postgresql://alice:Zq02plain@127.0.0.1:1/app",
        &["Zq02plain"],
    ),
    url(
        "sslpassword",
        "postgresql://alice:Zq03pw@127.0.0.1:1/app?sslpassword=Zq03key",
        &["Zq03pw", "Zq03key"],
    ),
    url(
        "a percent-encoded password",
        "postgresql://alice:Zq04%40p%2Fw%3F%23@127.0.0.1:1/app",
        &["Zq04@p/w?#", "Zq04%40p%2Fw%3F%23", "Zq04"],
    ),
    url(
        "a token as the user",
        "postgresql://Zq05tokenuser@127.0.0.1:1/app",
        &["Zq05tokenuser"],
    ),
    url(
        "user:password encoded in the user part",
        "postgresql://Zq06user%3AZq06pass@127.0.0.1:1/app",
        &[
            "Zq06user:Zq06pass",
            "Zq06user%3AZq06pass",
            "Zq06pass",
            "Zq06user",
        ],
    ),
    url(
        "key=value",
        "host=127.0.0.1 port=1 user=alice password=Zq07kv dbname=app",
        &["Zq07kv"],
    ),
    url(
        "key=value, quoted with an escaped quote",
        "host=127.0.0.1 port=1 user=alice password='Zq08 quoted \\' pw' dbname=app",
        &["Zq08 quoted", "Zq08", "' pw"],
    ),
    url(
        "key=value, an unquoted password with a space",
        "host=127.0.0.1 port=1 user=alice password=Zq09two Zq09words dbname=app",
        &["Zq09two", "Zq09words"],
    ),
    url(
        "the password in the query",
        "postgres://127.0.0.1:1/app?user=alice&password=Zq10query",
        &["Zq10query"],
    ),
    url(
        "a # in the password",
        "postgresql://alice:Zq11#hash@127.0.0.1:1/app",
        &["Zq11#hash", "Zq11%23hash", "Zq11"],
    ),
    url(
        "an unencoded @ in the password",
        "postgresql://alice:Zq12@at@127.0.0.1:1/app",
        &["Zq12@at", "Zq12%40at", "Zq12"],
    ),
    url(
        "an unencoded / in the password",
        "postgresql://alice:Zq13/slash@127.0.0.1:1/app",
        &["Zq13/slash", "Zq13%2Fslash", "Zq13"],
    ),
    url(
        "a : in the password",
        "postgresql://alice:Zq14:colon@127.0.0.1:1/app",
        &["Zq14:colon", "Zq14%3Acolon", "Zq14"],
    ),
    url(
        "a unix socket folder as the host",
        "postgresql://alice:Zq15sock@%2Fnonexistent-folder%2Fsock/app",
        &["Zq15sock"],
    ),
    url(
        "a unix socket in the query",
        "postgresql:///app?host=/nonexistent-folder/sock&user=alice&password=Zq16sockq",
        &["Zq16sockq"],
    ),
    url("IPv6", "postgresql://alice:Zq17v6@[::1]:1/app", &["Zq17v6"]),
    url(
        "several hosts",
        "postgresql://alice:Zq18multi@127.0.0.1:1,127.0.0.2:1/app",
        &["Zq18multi"],
    ),
    url(
        "options",
        "postgresql://alice:Zq19@127.0.0.1:1/app?options=-c%20secret%3DZq19opt",
        &["Zq19opt", "Zq19"],
    ),
    url(
        "key and certificate files",
        "postgresql://alice:Zq20@127.0.0.1:1/app?sslkey=/home/alice/Zq20.key&sslcert=/x/Zq20.crt",
        &["Zq20"],
    ),
    url(
        "a port that is not a number",
        "postgresql://alice:Zq21@127.0.0.1:notaport/app",
        &["Zq21"],
    ),
    url(
        "an unknown sslmode",
        "postgresql://alice:Zq22@127.0.0.1:1/app?sslmode=Zq22mode",
        &["Zq22"],
    ),
    url(
        "a connect_timeout that is not a number",
        "postgresql://alice:Zq23@127.0.0.1:1/app?connect_timeout=Zq23t",
        &["Zq23"],
    ),
    url(
        "a broken percent-encoding",
        "postgresql://alice:Zq24%zz@127.0.0.1:1/app",
        &["Zq24"],
    ),
    url(
        "another database's URL",
        "mysql://root:Zq25my@127.0.0.1:1/app",
        &["Zq25my"],
    ),
    url(
        "an unknown scheme",
        "Zq26scheme://root:Zq26@127.0.0.1:1/app",
        &["Zq26"],
    ),
    url(
        "the scheme in capitals",
        "POSTGRESQL://alice:Zq27upper@127.0.0.1:1/app",
        &["Zq27upper"],
    ),
    url(
        "a password without a user",
        "postgresql://:Zq28onlypass@127.0.0.1:1/app",
        &["Zq28onlypass"],
    ),
    url(
        "encoded spaces and tabs",
        "postgresql://alice:Zq29%20sp%09ace@127.0.0.1:1/app",
        &["Zq29 sp\tace", "Zq29%20sp%09ace", "Zq29"],
    ),
    url(
        "key=value with sslpassword",
        "host=127.0.0.1 port=1 sslpassword=Zq30kvssl password=Zq30kv",
        &["Zq30kvssl", "Zq30kv"],
    ),
    Shape {
        name: "DATABASE_URL from the environment",
        setting: "env",
        database_url_variable: Some("postgresql://alice:Zq31env@127.0.0.1:1/app"),
        dotenv: None,
        secrets: &["Zq31env"],
    },
    Shape {
        name: "DATABASE_URL from .env",
        setting: "env",
        database_url_variable: None,
        dotenv: Some("DATABASE_URL=\"postgresql://alice:Zq32dot@127.0.0.1:1/app\"\n"),
        secrets: &["Zq32dot"],
    },
    url(
        "?key= inside the password",
        "postgresql://alice:Zq33pa?ss=word@127.0.0.1:1/app",
        &["Zq33pa", "ss=word"],
    ),
    url(
        "free-text parameters",
        "postgresql://alice:Zq34@127.0.0.1:1/app?application_name=Zq34app&target_session_attrs=any",
        &["Zq34"],
    ),
    url(
        "a password in the user part and in the query",
        "postgresql://alice:Zq35pw@127.0.0.1:1/app?password=Zq35both",
        &["Zq35pw", "Zq35both"],
    ),
    url(
        "an unclosed quote",
        "host=127.0.0.1 port=1 password='Zq36unclosed",
        &["Zq36unclosed"],
    ),
    Shape {
        name: "key=value from the environment",
        setting: "env",
        database_url_variable: Some("host=127.0.0.1 port=1 password=Zq37envkv"),
        dotenv: None,
        secrets: &["Zq37envkv"],
    },
];

const LEVELS: &[&str] = &["error", "warn", "info", "debug", "trace"];

const FORMATS: &[&str] = &["human", "json", "github", "sarif"];

/// A multi-tenant PostgreSQL schema (so that `rls` has SQL to verify).
const SCHEMA: &str = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Tenant {\n  id    String @id\n  posts Post[]\n}\n\nmodel Post {\n  id       String @id\n  tenantId String\n  tenant   Tenant @relation(fields: [tenantId], references: [id], onDelete: Cascade)\n\n  @@index([tenantId])\n}\n";

/// A project folder with the schema (and the shape's `.env`).
fn project(shape: &Shape) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("package.json"), "{}").expect("package.json");
    std::fs::write(dir.path().join("schema.prisma"), SCHEMA).expect("schema");
    if let Some(dotenv) = shape.dotenv {
        std::fs::write(dir.path().join(".env"), dotenv).expect(".env");
    }
    dir
}

/// `text` (with `dir`, whose random name could hold anything, taken out) shows none of the
/// shape's secrets.
fn assert_no_secret(shape: &Shape, what: &str, text: &str, dir: &Path) {
    let text = &text.replace(&dir.display().to_string(), "<project>");
    for secret in shape.secrets {
        assert!(
            !text.contains(secret),
            "{}: {what} shows `{secret}`:\n{text}",
            shape.name
        );
    }
    assert!(
        !text.contains(MARKER),
        "{}: {what} shows a secret:\n{text}",
        shape.name
    );
}

fn binary(shape: &Shape, dir: &Path, level: &str) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"));
    command
        .current_dir(dir)
        .env("RUST_LOG", level)
        .env_remove("DATABASE_URL");
    if let Some(value) = shape.database_url_variable {
        command.env("DATABASE_URL", value);
    }
    command
}

/// `check` in every format and `rls --verify`, at every log level.
fn check_the_command_line(shape: &Shape) {
    let dir = project(shape);
    for level in LEVELS {
        for format in FORMATS {
            let output = binary(shape, dir.path(), level)
                .args(["check", "schema.prisma", "--format", format])
                .args(["--database-url", shape.setting])
                .output()
                .expect("check runs");
            let text = format!(
                "{}\n{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            );
            assert!(
                text.contains("the database was not checked"),
                "{}: check --format {format}:\n{text}",
                shape.name
            );
            assert_no_secret(
                shape,
                &format!("check --format {format}"),
                &text,
                dir.path(),
            );
        }
        let output = binary(shape, dir.path(), level)
            .args(["rls", "schema.prisma", "--verify", shape.setting])
            .output()
            .expect("rls runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{}: {stderr}", shape.name);
        assert!(stderr.starts_with("error: "), "{}: {stderr}", shape.name);
        let text = format!("{}\n{stderr}", String::from_utf8_lossy(&output.stdout));
        assert_no_secret(shape, "rls --verify", &text, dir.path());
    }
}

/// The language server with the URL in `initializationOptions` and in its answer to
/// `workspace/configuration`, at every log level: its diagnostics, its other messages and
/// its log.
fn check_the_language_server(shape: &Shape) {
    let dir = project(shape);
    let schema = dir.path().join("schema.prisma");
    let uri = file_uri(&schema);
    for level in LEVELS {
        let mut env = vec![("RUST_LOG", *level)];
        if let Some(value) = shape.database_url_variable {
            env.push(("DATABASE_URL", value));
        }
        let mut client = LspClient::start_logging(dir.path(), &env);
        let settings = serde_json::json!({"databaseUrl": shape.setting});
        client.initialize_as_full_client(settings.clone(), settings);
        client.open(&uri, 1, SCHEMA);
        let mut messages = Vec::new();
        for _ in 0..20 {
            messages = client.diagnostic_messages(&uri, 1);
            if messages
                .iter()
                .any(|m| m.contains("the database was not checked"))
            {
                break;
            }
        }
        assert!(
            messages
                .iter()
                .any(|m| m.contains("the database was not checked")),
            "{} ({level}): {messages:?}",
            shape.name
        );
        let (status, transcript, log) = client.finish();
        assert!(status.success(), "{} ({level})", shape.name);
        let what = format!("the server's messages ({level})");
        assert_no_secret(shape, &what, &transcript, dir.path());
        let what = format!("the server's log ({level})");
        assert_no_secret(shape, &what, &log, dir.path());
        if *level == "trace" {
            // The protocol messages are logged (redacted), the URL's setting among them.
            assert!(log.contains("databaseUrl"), "{}: {log}", shape.name);
        }
    }
}

/// Runs `check` on every shape, on two threads (each run waits on its own process).
fn for_every_shape(check: fn(&Shape)) {
    assert!(SHAPES.len() >= 30, "{} shapes", SHAPES.len());
    std::thread::scope(|scope| {
        let (even, odd): (Vec<_>, Vec<_>) =
            SHAPES.iter().enumerate().partition(|(i, _)| i % 2 == 0);
        for half in [even, odd] {
            scope.spawn(move || half.into_iter().for_each(|(_, shape)| check(shape)));
        }
    });
}

#[test]
fn no_output_format_or_log_level_of_the_command_line_shows_a_secret() {
    for_every_shape(check_the_command_line);
}

#[test]
fn no_message_or_log_of_the_language_server_shows_a_secret() {
    for_every_shape(check_the_language_server);
}

/// What each shape is shown as: only the scheme, hosts, ports, database and harmless
/// parameters, or an error that does not repeat the text.
#[test]
fn what_each_shape_is_shown_as() {
    let mut table = String::new();
    for shape in SHAPES {
        let dir = project(shape);
        let schema = dir.path().join("schema.prisma");
        let shown = resolve_with(shape.setting, Some(&schema), "DATABASE_URL", |_| {
            shape.database_url_variable.map(str::to_string)
        })
        .map_or_else(|error| format!("error: {error}"), |url| url.masked());
        assert_no_secret(shape, "the masked URL", &shown, dir.path());
        table.push_str(&format!("{}: {shown}\n", shape.name));
    }
    insta::assert_snapshot!("masked_connection_strings", table);
    // `Display` and `Debug` are the masked form.
    let url = DatabaseUrl::parse("postgresql://alice:Zq00@h/db?sslpassword=Zq00").expect("url");
    assert_eq!(format!("{url}"), "postgres://****@h/db");
    assert_eq!(format!("{url:?}"), "DatabaseUrl(postgres://****@h/db)");
}
