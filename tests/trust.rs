//! Opening a project must not make the analyzer connect anywhere (issue 15, item 8): a
//! `prisma-analyzer.toml` in a cloned repository may name a database, but the language
//! server and `check` read it only when the user allowed project database URLs (the
//! editor's `allowProjectDatabaseUrl`, `PRISMA_ANALYZER_ALLOW_PROJECT_DATABASE_URL=1`,
//! `check --allow-project-database-url`), and say once that they left it unused. Settings
//! above the project root are not the project's.
//!
//! The database is a TCP listener of the test's own, which counts the connections it gets.

mod common;

use common::lsp::{LspClient, file_uri};
use serde_json::json;
use std::net::TcpListener;
use std::path::Path;
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const SCHEMA: &str =
    "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel User {\n  id Int @id\n}\n";

/// A listener that accepts connections, counts them, and closes them at once (the client
/// then fails quickly).
struct Listener {
    port: u16,
    connections: Arc<AtomicUsize>,
}

impl Listener {
    fn start() -> Listener {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
        let port = listener.local_addr().expect("an address").port();
        let connections = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&connections);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                if stream.is_ok() {
                    counted.fetch_add(1, Ordering::SeqCst);
                }
            }
        });
        Listener { port, connections }
    }

    fn url(&self) -> String {
        format!(
            "postgresql://victim:Hunter2@127.0.0.1:{}/app?connect_timeout=1&sslmode=disable",
            self.port
        )
    }

    fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Whether a connection came within `within`.
    fn connected_within(&self, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if self.connections() > 0 {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        self.connections() > 0
    }
}

/// A cloned repository (`.git`) whose prisma-analyzer.toml names `url`.
fn cloned_repository(url: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    std::fs::create_dir(dir.path().join("prisma")).expect("prisma/");
    std::fs::write(dir.path().join("prisma/schema.prisma"), SCHEMA).expect("schema");
    std::fs::write(
        dir.path().join("prisma-analyzer.toml"),
        format!("database-url = \"{url}\"\n"),
    )
    .expect("prisma-analyzer.toml");
    dir
}

fn log_messages(transcript: &str) -> Vec<String> {
    transcript
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["method"] == "window/logMessage")
        .map(|message| {
            message["params"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

/// Opens the repository's schema, edits it once, and returns what the server said.
fn open_and_edit(client: &mut LspClient, repository: &Path) {
    let schema = repository.join("prisma/schema.prisma");
    let uri = file_uri(&schema);
    client.open(&uri, 1, SCHEMA);
    client.diagnostics(&uri, 1);
    client.change(&uri, 2, (6, 0), (6, 0), "  name String\n");
    client.diagnostics(&uri, 2);
}

#[test]
fn the_server_does_not_connect_where_a_project_file_says_and_says_so_once() {
    let database = Listener::start();
    let repository = cloned_repository(&database.url());
    let mut client = LspClient::start_logging(repository.path(), &[("RUST_LOG", "warn")]);
    client.initialize(&["utf-16"]);
    open_and_edit(&mut client, repository.path());
    assert!(
        !database.connected_within(Duration::from_millis(1500)),
        "the server connected to the project's database"
    );
    let (status, transcript, _) = client.finish();
    assert!(status.success());
    let notices: Vec<String> = log_messages(&transcript)
        .into_iter()
        .filter(|m| m.contains("`database-url` is not used"))
        .collect();
    assert_eq!(notices.len(), 1, "said once: {transcript}");
    assert!(
        notices[0].contains("allowProjectDatabaseUrl"),
        "{notices:?}"
    );
    assert!(
        notices[0].contains("PRISMA_ANALYZER_ALLOW_PROJECT_DATABASE_URL=1"),
        "{notices:?}"
    );
    assert!(!transcript.contains("Hunter2"), "{transcript}");
}

#[test]
fn the_user_may_allow_project_database_urls_in_the_editor_or_the_environment() {
    // The editor's user setting.
    let database = Listener::start();
    let repository = cloned_repository(&database.url());
    let mut client = LspClient::start_logging(repository.path(), &[("RUST_LOG", "warn")]);
    client.initialize_with_options(&["utf-16"], json!({"allowProjectDatabaseUrl": true}));
    open_and_edit(&mut client, repository.path());
    assert!(database.connected_within(Duration::from_secs(10)));
    let (status, transcript, _) = client.finish();
    assert!(status.success());
    assert!(!transcript.contains("is not used"), "{transcript}");

    // The environment.
    let database = Listener::start();
    let repository = cloned_repository(&database.url());
    let mut client = LspClient::start_logging(
        repository.path(),
        &[("PRISMA_ANALYZER_ALLOW_PROJECT_DATABASE_URL", "1")],
    );
    client.initialize(&["utf-16"]);
    open_and_edit(&mut client, repository.path());
    assert!(database.connected_within(Duration::from_secs(10)));
    assert!(client.finish().0.success());

    // The user's own databaseUrl applies although the project has a configuration file.
    let database = Listener::start();
    let repository = cloned_repository("postgresql://nowhere.invalid/app");
    let mut client = LspClient::start_logging(repository.path(), &[]);
    client.initialize_with_options(&["utf-16"], json!({"databaseUrl": database.url()}));
    open_and_edit(&mut client, repository.path());
    assert!(database.connected_within(Duration::from_secs(10)));
    assert!(client.finish().0.success());
}

fn check(repository: &Path, args: &[&str], env: &[(&str, &str)]) -> (String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_prisma-analyzer"));
    command
        .current_dir(repository)
        .args(["check", "prisma/schema.prisma", "--format", "json"])
        .args(args)
        .env_remove("PRISMA_ANALYZER_ALLOW_PROJECT_DATABASE_URL")
        .env_remove("DATABASE_URL");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().expect("check runs");
    (
        String::from_utf8_lossy(&output.stdout).to_string(),
        String::from_utf8_lossy(&output.stderr).to_string(),
    )
}

#[test]
fn check_connects_where_a_project_file_says_only_when_allowed() {
    let database = Listener::start();
    let repository = cloned_repository(&database.url());
    let (stdout, stderr) = check(repository.path(), &[], &[]);
    assert_eq!(database.connections(), 0, "{stdout}");
    assert!(!stdout.contains("db/unavailable"), "{stdout}");
    assert!(
        stderr.starts_with("note: ") && stderr.contains("--allow-project-database-url"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("is not used").count(), 1, "{stderr}");

    let (stdout, stderr) = check(repository.path(), &["--allow-project-database-url"], &[]);
    let after_flag = database.connections();
    assert!(after_flag > 0, "{stdout}\n{stderr}");
    assert!(stdout.contains("db/unavailable"), "{stdout}");
    assert!(!stderr.contains("is not used"), "{stderr}");

    let allowed = [("PRISMA_ANALYZER_ALLOW_PROJECT_DATABASE_URL", "true")];
    let (stdout, _) = check(repository.path(), &[], &allowed);
    let after_environment = database.connections();
    assert!(after_environment > after_flag, "{stdout}");

    // The flag's URL is the user's: no consent needed, and the project's is not mentioned.
    let own = Listener::start();
    let (stdout, stderr) = check(repository.path(), &["--database-url", &own.url()], &[]);
    assert!(own.connections() > 0, "{stdout}");
    assert_eq!(database.connections(), after_environment, "{stdout}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn settings_above_the_project_root_are_not_the_projects() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Someone's settings file in a folder above the cloned repository.
    std::fs::write(
        dir.path().join("prisma-analyzer.toml"),
        "prisma-version = \"7\"\n[rules]\n\"index\" = \"error\"\n",
    )
    .expect("toml");
    let repository = dir.path().join("repository");
    std::fs::create_dir_all(repository.join("prisma")).expect("folders");
    std::fs::write(repository.join("package.json"), "{}").expect("package.json");
    let schema = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id Int @id\n}\n";
    std::fs::write(repository.join("prisma/schema.prisma"), schema).expect("schema");
    let (stdout, stderr) = check(&repository, &[], &[]);
    assert!(
        !stdout.contains("version/datasource-url"),
        "the file above the project was read: {stdout}\n{stderr}"
    );
    let mut client = LspClient::start_in(&repository);
    client.initialize(&["utf-16"]);
    let uri = file_uri(&repository.join("prisma/schema.prisma"));
    client.open(&uri, 1, schema);
    let codes: Vec<String> = client.diagnostics(&uri, 1)["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        !codes.contains(&"version/datasource-url".to_string()),
        "{codes:?}"
    );
    assert!(client.shutdown().success());
}
