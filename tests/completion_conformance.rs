//! Completion against Prisma's own language-tools scenarios
//! (`../shared/conformance/prisma-fmt/text_document_completion`): for each scenario, the
//! labels we offer at the `<|>` cursor are compared with the labels Prisma offers.

mod common;

use prisma_analyzer::ide;
use prisma_analyzer::model::{FileId, Schema, SourceFile};
use std::collections::BTreeSet;

/// Scenarios where we knowingly differ from Prisma, with the reason. The test fails if one of
/// them starts to agree (so the list stays true) or if any other scenario disagrees.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[
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

#[test]
fn completion_matches_prismas_scenarios() {
    let Some(shared) = common::shared_dir("completion conformance") else {
        return;
    };
    let root = shared.join("conformance/prisma-fmt/text_document_completion/scenarios");
    let mut scenarios: Vec<_> = std::fs::read_dir(&root)
        .expect("scenarios")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    scenarios.sort();
    let mut agree = 0;
    let mut report = Vec::new();
    for scenario in &scenarios {
        let name = scenario
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let mut files = Vec::new();
        let mut cursor = None;
        let mut prisma_files: Vec<_> = std::fs::read_dir(scenario)
            .expect("scenario files")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "prisma"))
            .collect();
        prisma_files.sort();
        for (index, path) in prisma_files.iter().enumerate() {
            let text = std::fs::read_to_string(path).expect("UTF-8");
            if let Some(at) = text.find("<|>") {
                cursor = Some((index, at));
            }
            let file_name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .to_string();
            files.push(SourceFile::parse(file_name, text.replacen("<|>", "", 1)));
        }
        let Some((file_index, offset)) = cursor else {
            continue;
        };
        let schema = Schema::new(files);
        let ours: BTreeSet<String> = ide::complete(&schema, FileId(file_index as u32), offset)
            .into_iter()
            .map(|item| normalize(&item.label))
            .collect();
        let expected_json: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(scenario.join("result.json")).expect("result.json"),
        )
        .expect("JSON");
        let expected: BTreeSet<String> = expected_json["items"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .filter_map(|i| i["label"].as_str())
                    .map(normalize)
                    .collect()
            })
            .unwrap_or_default();
        let same = ours == expected;
        let known = KNOWN_DIFFERENCES.iter().any(|(n, _)| *n == name);
        if same {
            agree += 1;
        }
        if same == known {
            let missing: Vec<_> = expected.difference(&ours).collect();
            let extra: Vec<_> = ours.difference(&expected).collect();
            report.push(format!("{name}: missing {missing:?}, extra {extra:?}"));
        }
    }
    println!(
        "completion agrees with Prisma on {agree} of {} scenarios",
        scenarios.len()
    );
    assert!(
        report.is_empty(),
        "unexpected results:\n{}",
        report.join("\n")
    );
}

/// Labels compared without decoration: `@id`/`id`, `map: `/`map:`, `uuid()`/`uuid`.
fn normalize(label: &str) -> String {
    label
        .trim()
        .trim_start_matches('@')
        .trim_end_matches(':')
        .trim_end_matches("()")
        .to_string()
}
