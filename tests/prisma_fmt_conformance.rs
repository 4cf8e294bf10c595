//! Prisma's own language-tools scenarios (`../shared/conformance/prisma-fmt/`: completion,
//! hover, references) run against our real server over JSON-RPC: each scenario's files are
//! written to a folder, opened, and the request is made at the `<|>` cursor. Where we
//! knowingly differ, the scenario is listed with the reason; the tests fail when a listed
//! scenario starts to agree (so the lists stay true) or another one disagrees.
//! (Code actions: `tests/code_action_conformance.rs`.)

mod common;

use common::lsp::{LspClient, file_uri};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::PathBuf;

const COMPLETION_DIFFERENCES: &[(&str, &str)] = &[
    (
        "empty_schema",
        "we offer the block keywords in an empty file; Prisma offers nothing",
    ),
    (
        "argument_after_trailing_comma",
        "after `onDelete: Casc, ` we offer the arguments not given yet; Prisma offers nothing",
    ),
    (
        "default_map_mssql",
        "in `@default(` we offer the functions that fit the field (and `map:`); Prisma offers only `map:`",
    ),
    ("default_map_mssql_multifile", "as default_map_mssql"),
    (
        "no_default_map_on_postgres",
        "in `@default(` we offer the functions that fit the field; Prisma offers nothing",
    ),
    (
        "no_default_map_on_postgres_multifile",
        "as no_default_map_on_postgres",
    ),
    (
        "extended_indexes_basic",
        "after `sort: ` we offer `Asc` and `Desc`; Prisma offers nothing",
    ),
];

const REFERENCE_DIFFERENCES: &[(&str, &str)] = &[
    (
        "datasource_as_attribute",
        "in `@db.String` we mark `db` (what a rename changes); Prisma marks `db.String`",
    ),
    ("datasource_name", "as datasource_as_attribute"),
    (
        "model_relation_fields",
        "superset: we also find `compoundId` inside `fields: [...]` (Prisma finds only the declaration)",
    ),
    ("view_relation_fields", "as model_relation_fields"),
    (
        "model_relation_references",
        "superset: we also find `name` inside `references: [...]` of the other model",
    ),
    ("view_relation_references", "as model_relation_references"),
];

/// Our hover is richer than Prisma's (database names, relation summaries, the field of a
/// relation type): a scenario agrees when we hover exactly where Prisma does and show its
/// doc comment.
const HOVER_DIFFERENCES: &[(&str, &str)] = &[];

struct Scenario {
    name: String,
    /// The folder the files were written to (kept alive while the scenario runs).
    dir: tempfile::TempDir,
    /// `textDocument` + `position` of the cursor.
    position: Value,
    files: Vec<(String, String)>,
    expected: Value,
}

fn scenarios(feature: &str) -> Vec<Scenario> {
    let Some(shared) = common::shared_dir("prisma-fmt conformance") else {
        return Vec::new();
    };
    let root = shared.join(format!("conformance/prisma-fmt/{feature}/scenarios"));
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("scenarios")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut result = Vec::new();
    for source in dirs {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut paths: Vec<PathBuf> = std::fs::read_dir(&source)
            .expect("files")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "prisma"))
            .collect();
        paths.sort();
        let mut files = Vec::new();
        let mut position = None;
        for path in &paths {
            let written = std::fs::read_to_string(path).expect("UTF-8");
            let text = written.replacen("<|>", "", 1);
            let copy = dir.path().join(path.file_name().expect("a file name"));
            std::fs::write(&copy, &text).expect("a copy");
            let uri = file_uri(&copy);
            if let Some(offset) = written.find("<|>") {
                let before = &written[..offset];
                let line = before.matches('\n').count();
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let character = before[line_start..].encode_utf16().count();
                position = Some(json!({
                    "textDocument": {"uri": uri},
                    "position": {"line": line, "character": character}
                }));
            }
            files.push((uri, text));
        }
        let Some(position) = position else {
            continue;
        };
        let expected = serde_json::from_str(
            &std::fs::read_to_string(source.join("result.json")).expect("result.json"),
        )
        .expect("JSON");
        result.push(Scenario {
            name: source
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string(),
            dir,
            position,
            files,
            expected,
        });
    }
    result
}

/// Opens the scenario's files in a fresh server and makes one request at the cursor.
fn ask(scenario: &Scenario, method: &str, extra: Value) -> Value {
    let mut client = LspClient::start_in(scenario.dir.path());
    client.initialize(&["utf-16"]);
    for (uri, text) in &scenario.files {
        client.open(uri, 1, text);
    }
    let mut params = scenario.position.clone();
    if let (Some(params), Some(extra)) = (params.as_object_mut(), extra.as_object()) {
        params.extend(extra.clone());
    }
    let answer = client.request(method, params);
    assert!(client.shutdown().success());
    answer
}

/// Compares `agrees` per scenario with the list of known differences; returns how many agree.
fn tally(
    feature: &str,
    scenarios: &[Scenario],
    known: &[(&str, &str)],
    mut compare: impl FnMut(&Scenario) -> (bool, String),
) -> usize {
    let mut agree = 0;
    let mut unexpected = Vec::new();
    for scenario in scenarios {
        let (same, difference) = compare(scenario);
        if same {
            agree += 1;
        }
        let listed = known.iter().any(|(name, _)| *name == scenario.name);
        if same == listed {
            unexpected.push(format!(
                "{}: {}",
                scenario.name,
                if same {
                    "agrees now: take it off the list"
                } else {
                    &difference
                }
            ));
        }
    }
    println!(
        "{feature}: our server agrees with Prisma on {agree} of {} scenarios",
        scenarios.len()
    );
    assert!(
        unexpected.is_empty(),
        "unexpected {feature} results:\n{}",
        unexpected.join("\n")
    );
    agree
}

#[test]
fn completion() {
    let scenarios = scenarios("text_document_completion");
    tally(
        "completion",
        &scenarios,
        COMPLETION_DIFFERENCES,
        |scenario| {
            let answer = ask(scenario, "textDocument/completion", json!({}));
            let items = answer.get("items").unwrap_or(&answer);
            let ours = labels(items);
            let expected = labels(&scenario.expected["items"]);
            let missing: Vec<_> = expected.difference(&ours).collect();
            let extra: Vec<_> = ours.difference(&expected).collect();
            (
                ours == expected,
                format!("missing {missing:?}, extra {extra:?}"),
            )
        },
    );
}

/// Labels compared without decoration: `@id`/`id`, `map: `/`map:`, `uuid()`/`uuid`.
fn labels(items: &Value) -> BTreeSet<String> {
    items
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item["label"].as_str())
        .map(|label| {
            label
                .trim()
                .trim_start_matches('@')
                .trim_end_matches(':')
                .trim_end_matches("()")
                .to_string()
        })
        .collect()
}

#[test]
fn hover() {
    let scenarios = scenarios("hover");
    tally("hover", &scenarios, HOVER_DIFFERENCES, |scenario| {
        let answer = ask(scenario, "textDocument/hover", json!({}));
        let ours = answer["contents"]["value"].as_str();
        let expected = scenario.expected["contents"]["value"].as_str();
        let same = match (ours, expected) {
            (None, None) => true,
            (Some(ours), Some(expected)) => {
                let doc = expected.rsplit("___\n").next().unwrap_or_default().trim();
                ours.contains(doc)
            }
            _ => false,
        };
        (same, format!("ours {ours:?}, Prisma's {expected:?}"))
    });
}

#[test]
fn references() {
    let scenarios = scenarios("references");
    let mut supersets = 0;
    tally(
        "references",
        &scenarios,
        REFERENCE_DIFFERENCES,
        |scenario| {
            let answer = ask(
                scenario,
                "textDocument/references",
                json!({"context": {"includeDeclaration": true}}),
            );
            let ours = locations(&answer);
            let expected = locations(&scenario.expected);
            if ours != expected && ours.is_superset(&expected) {
                supersets += 1;
            }
            let missing: Vec<_> = expected.difference(&ours).collect();
            let extra: Vec<_> = ours.difference(&expected).collect();
            (
                ours == expected,
                format!("missing {missing:?}, extra {extra:?}"),
            )
        },
    );
    println!("references: {supersets} more find all of Prisma's locations and more");
}

/// (file name, start line, start character, end line, end character) of each location.
fn locations(answer: &Value) -> BTreeSet<(String, u64, u64, u64, u64)> {
    answer
        .as_array()
        .into_iter()
        .flatten()
        .map(|location| {
            let uri = location["uri"].as_str().unwrap_or_default();
            let name = uri.rsplit('/').next().unwrap_or_default().to_string();
            let range = &location["range"];
            let n = |v: &Value| v.as_u64().unwrap_or_default();
            (
                name,
                n(&range["start"]["line"]),
                n(&range["start"]["character"]),
                n(&range["end"]["line"]),
                n(&range["end"]["character"]),
            )
        })
        .collect()
}
