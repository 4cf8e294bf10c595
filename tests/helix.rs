//! Helix's client configuration (`editors/helix/languages.toml`) against the real server:
//! the settings it passes as `initializationOptions` are all valid and take effect. (Helix
//! itself is not installable here; tree-sitter-prisma/tests/queries.rs checks the file's
//! shape and the queries.)

mod common;

use common::lsp::LspClient;
use serde_json::{Value, json};
use std::time::Duration;

/// The `config` table of `[language-server.prisma-analyzer]`, as the JSON Helix sends.
fn helix_server_config() -> Value {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/helix/languages.toml");
    let text = std::fs::read_to_string(&path).expect("editors/helix/languages.toml");
    let config: toml::Table = toml::from_str(&text).expect("languages.toml parses");
    let server = &config["language-server"]["prisma-analyzer"];
    assert_eq!(server["command"].as_str(), Some("prisma-analyzer"));
    serde_json::to_value(&server["config"]).expect("TOML converts to JSON")
}

#[test]
fn helix_settings_are_valid_server_settings() {
    let settings = helix_server_config();
    let (_, problems) = prisma_analyzer::settings::from_json(&settings);
    assert!(problems.is_empty(), "{settings}: {problems:?}");
}

#[test]
fn helix_settings_reach_the_server() {
    let settings = helix_server_config();
    // The example turns on a rule that is off by default.
    assert_eq!(
        settings["rules"]["model/missing-timestamps"], "info",
        "{settings}"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let schema = dir.path().join("schema.prisma");
    let text = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\nmodel User {\n  id    Int    @id\n  email String @unique\n}\n";
    std::fs::write(&schema, text).expect("write");
    let uri = common::lsp::file_uri(&schema);
    let mut client = LspClient::start_in(dir.path());
    // Helix sends `config` as initializationOptions and answers `workspace/configuration`
    // for the section `prisma-analyzer` with `config["prisma-analyzer"]`, which is null.
    client.initialize_as_full_client(settings, Value::Null);
    client.open(&uri, 1, text);
    let published = client.settled_diagnostics(&uri, 1, Duration::from_millis(1500));
    let diagnostics = published[&uri]["diagnostics"]
        .as_array()
        .expect("a list")
        .clone();
    let timestamps: Vec<&Value> = diagnostics
        .iter()
        .filter(|d| d["code"] == "model/missing-timestamps")
        .collect();
    assert_eq!(timestamps.len(), 1, "{diagnostics:?}");
    assert_eq!(timestamps[0]["severity"], json!(3), "info: {diagnostics:?}");
    assert!(client.shutdown().success());
}
