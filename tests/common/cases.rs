//! The schemas the fix tests run over: the examples, the advice and fix-safety fixtures, and
//! (read by the caller) the corpus.

use prisma_analyzer::analysis::advisor::{AdvisorSettings, Level, rules};
use prisma_analyzer::analysis::{self, Options, Severity, TextEdit};
use prisma_analyzer::cli::resolve_paths;
use prisma_analyzer::model::{Schema, SourceFile};
use std::path::{Path, PathBuf};

pub type Files = Vec<(String, String)>;

pub struct Case {
    pub name: String,
    pub files: Files,
}

/// The schemas under `folder` as `check` splits them, named relative to `root`.
pub fn folder_cases(folder: &Path, root: &Path) -> Vec<Case> {
    let (inputs, errors) = resolve_paths(&[folder.to_path_buf()]);
    assert!(errors.is_empty(), "{errors:?}");
    inputs
        .iter()
        .map(|input| {
            let files: Files = input
                .files
                .iter()
                .map(|path| {
                    let name = path.strip_prefix(root).unwrap_or(path);
                    let text = std::fs::read_to_string(path).expect("a UTF-8 schema");
                    (name.to_string_lossy().into_owned(), text)
                })
                .collect();
            Case {
                name: files[0].0.clone(),
                files,
            }
        })
        .collect()
}

/// The examples, the advice fixtures (each file a schema) and this test's own fixtures:
/// validation mistakes with safe fixes, in one file and across the files of a schema.
pub fn local_cases() -> Vec<Case> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = super::prisma_files(&root.join("examples"));
    paths.extend(super::prisma_files(&super::fixtures_dir().join("advice")));
    let mut cases: Vec<Case> = paths
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            let text = std::fs::read_to_string(&path).expect("readable");
            Case {
                name: name.clone(),
                files: vec![(name, text)],
            }
        })
        .collect();
    cases.extend(folder_cases(
        &super::fixtures_dir().join("fix-safety"),
        root,
    ));
    cases
}

/// The default options, and every advisor rule on (those off by default as warnings).
pub fn variants() -> Vec<(&'static str, Options)> {
    let mut all_on = AdvisorSettings::default();
    for rule in rules::RULES {
        if rule.default == Level::Off {
            all_on
                .levels
                .insert(rule.code.as_str().to_string(), Level::On(Severity::Warning));
        }
    }
    // The tenant rules need the schema's tenant key: two keys common in the corpus.
    let tenant = |key: &str, model: &str| AdvisorSettings {
        tenant_key: key.to_string(),
        tenant_model: model.to_string(),
        ..all_on.clone()
    };
    vec![
        ("defaults", Options::default()),
        (
            "every rule on, tenants are teams",
            Options {
                advisor: std::sync::Arc::new(tenant("teamId", "Team")),
                ..Options::default()
            },
        ),
        (
            "every rule on, tenants are organizations",
            Options {
                advisor: std::sync::Arc::new(tenant("organizationId", "Organization")),
                ..Options::default()
            },
        ),
        (
            "every rule on",
            Options {
                advisor: std::sync::Arc::new(all_on),
                ..Options::default()
            },
        ),
    ]
}

/// The schema made of `files` (name, text).
pub fn build(files: &[(String, String)]) -> Schema {
    Schema::new(
        files
            .iter()
            .map(|(name, text)| SourceFile::parse(name.clone(), text.clone()))
            .collect(),
    )
}

/// Applies one fix's edits to the files they name.
pub fn apply(files: &[(String, String)], edits: &[TextEdit]) -> Option<Files> {
    files
        .iter()
        .enumerate()
        .map(|(index, (name, text))| {
            let edits = edits.iter().filter(|e| e.span.file.0 as usize == index);
            analysis::fixes::apply_edits(text, edits).map(|fixed| (name.clone(), fixed))
        })
        .collect()
}

/// A fix's edits as a value to tell fixes apart by (the same fix found twice is tried once).
pub fn edits_key(edits: &[TextEdit]) -> Vec<(u32, u32, u32, String)> {
    edits
        .iter()
        .map(|e| (e.span.file.0, e.span.start, e.span.end, e.new_text.clone()))
        .collect()
}
