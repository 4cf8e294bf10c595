//! Quick fixes vs Prisma's own code-action scenarios
//! (`../shared/conformance/prisma-fmt/code_actions/scenarios`), over the real server.
//!
//! Each scenario is a schema (one `schema.prisma`, or several files of which `_target.prisma`
//! is the one the request is about) and `result.json`, the code actions Prisma's `prisma-fmt`
//! returns. We ask as Prisma's test does: an empty range at 0:0 and the target file's
//! diagnostics (those our server published) in `context.diagnostics`, quick fixes only.
//!
//! A scenario agrees when each of Prisma's actions has one of ours whose edits produce the
//! same files. Titles may differ (listed, not counted). Two levels: the exact text, and the
//! text after formatting both results with our formatter (`prisma format`'s layout), since
//! Prisma inserts unaligned fields that the next format aligns. The ratchet
//! (`code_action_conformance_known.txt`) holds the minimum counts and the scenarios that
//! knowingly disagree after formatting, each with its reason; the test fails when a scenario
//! outside that list disagrees, or one in it starts to agree.

mod common;

use common::lsp::{LspClient, file_uri};
use prisma_analyzer::ide;
use prisma_analyzer::model::{FileId, Schema, SourceFile};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const TARGET: &str = "_target.prisma";

struct Scenario {
    name: String,
    /// (file name, text), sorted by name.
    files: Vec<(String, String)>,
    target: String,
    expected: Vec<Value>,
}

fn scenarios(root: &Path) -> Vec<Scenario> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("scenarios")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|dir| {
            let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
                .expect("files")
                .map(|entry| entry.expect("entry").path())
                .filter(|path| path.extension().is_some_and(|e| e == "prisma"))
                .map(|path| {
                    let name = path
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .to_string();
                    (name, std::fs::read_to_string(&path).expect("UTF-8"))
                })
                .collect();
            files.sort();
            let target = if files.len() == 1 {
                files[0].0.clone()
            } else {
                TARGET.to_string()
            };
            let expected = std::fs::read_to_string(dir.join("result.json"))
                .ok()
                .and_then(|text| serde_json::from_str::<Value>(&text).ok())
                .and_then(|value| value.as_array().cloned())
                .unwrap_or_default();
            Scenario {
                name: dir
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .to_string(),
                files,
                target,
                expected,
            }
        })
        .collect()
}

/// The byte offset of an LSP position (UTF-16 columns) in `text`, clamped to the text.
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    let mut start = 0;
    for _ in 0..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let mut units = 0;
    for (i, c) in text[start..line_end].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    line_end
}

/// Applies LSP text edits to `text`. Edits with the same range are applied as one whose text
/// is theirs in order (Prisma's "add relation attribute" sends the attribute and the new
/// scalar field as two edits of the same range). `None` when edits overlap otherwise.
fn apply(text: &str, edits: &[Value]) -> Option<String> {
    let mut ranges: Vec<(usize, usize, String)> = Vec::new();
    for edit in edits {
        let start = offset(text, &edit["range"]["start"]);
        let end = offset(text, &edit["range"]["end"]).max(start);
        let new_text = edit["newText"].as_str().unwrap_or_default();
        match ranges.iter_mut().find(|(s, e, _)| *s == start && *e == end) {
            Some((_, _, joined)) => joined.push_str(new_text),
            None => ranges.push((start, end, new_text.to_string())),
        }
    }
    ranges.sort_by_key(|(start, end, _)| (*start, *end));
    let mut out = String::new();
    let mut at = 0;
    for (start, end, new_text) in ranges {
        if start < at {
            return None;
        }
        out.push_str(&text[at..start]);
        out.push_str(&new_text);
        at = end;
    }
    out.push_str(&text[at..]);
    Some(out)
}

/// The files after an action's edits (by file name), or `None` when they cannot be applied.
fn outcome(files: &[(String, String)], action: &Value) -> Option<BTreeMap<String, String>> {
    let mut result: BTreeMap<String, String> = files.iter().cloned().collect();
    let changes = action["edit"]["changes"].as_object()?;
    for (uri, edits) in changes {
        let name = uri.rsplit('/').next().unwrap_or_default();
        let text = result.get(name)?;
        let changed = apply(text, edits.as_array()?)?;
        result.insert(name.to_string(), changed);
    }
    Some(result)
}

/// Each file formatted as one schema (kept as is when the formatter refuses it).
fn formatted(files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    let schema = Schema::new(
        files
            .iter()
            .map(|(name, text)| SourceFile::parse(name.clone(), text.clone()))
            .collect(),
    );
    files
        .iter()
        .enumerate()
        .map(|(index, (name, text))| {
            let text = ide::format_file(&schema, FileId(index as u32)).unwrap_or(text.clone());
            (name.clone(), text)
        })
        .collect()
}

/// Our quick fixes for a scenario, from the server.
fn our_actions(scenario: &Scenario) -> Vec<Value> {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in &scenario.files {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let target_text = scenario
        .files
        .iter()
        .find(|(name, _)| *name == scenario.target)
        .map(|(_, text)| text.clone())
        .unwrap_or_default();
    let uri = file_uri(&dir.path().join(&scenario.target));
    let mut client = LspClient::start_in(dir.path());
    client.initialize(&["utf-16"]);
    client.open(&uri, 1, &target_text);
    let published = client.diagnostics(&uri, 1);
    // As Prisma's test asks: an empty range at the start, the diagnostics in the context.
    let actions = client.request(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": published["diagnostics"], "only": ["quickfix"]}
        }),
    );
    assert!(client.shutdown().success());
    actions.as_array().cloned().unwrap_or_default()
}

#[derive(Default)]
struct Verdict {
    exact: bool,
    after_format: bool,
    /// Prisma's titles whose action we match under another title: (Prisma's, ours).
    titles: Vec<(String, String)>,
    /// Prisma's titles we have no matching action for.
    missing: Vec<String>,
}

fn judge(scenario: &Scenario, ours: &[Value]) -> Verdict {
    let ours: Vec<(String, BTreeMap<String, String>)> = ours
        .iter()
        .filter_map(|action| {
            let title = action["title"].as_str().unwrap_or_default().to_string();
            outcome(&scenario.files, action).map(|files| (title, files))
        })
        .collect();
    let mut verdict = Verdict {
        exact: true,
        after_format: true,
        ..Verdict::default()
    };
    for action in &scenario.expected {
        let title = action["title"].as_str().unwrap_or_default().to_string();
        let Some(expected) = outcome(&scenario.files, action) else {
            verdict
                .missing
                .push(format!("{title} (cannot apply Prisma's edits)"));
            verdict.exact = false;
            verdict.after_format = false;
            continue;
        };
        let exact = ours.iter().find(|(_, files)| *files == expected);
        let expected_formatted = formatted(&expected);
        let loose = exact.or_else(|| {
            ours.iter()
                .find(|(_, files)| formatted(files) == expected_formatted)
        });
        verdict.exact &= exact.is_some();
        match loose {
            Some((our_title, _)) => {
                if *our_title != title {
                    verdict.titles.push((title, our_title.clone()));
                }
            }
            None => {
                verdict.after_format = false;
                verdict.missing.push(title);
            }
        }
    }
    verdict
}

struct Known {
    min_exact: usize,
    min_after_format: usize,
    /// Scenario → reason.
    disagreements: BTreeMap<String, String>,
}

fn known() -> Known {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/code_action_conformance_known.txt");
    let text = std::fs::read_to_string(&path).expect("the known list");
    let mut known = Known {
        min_exact: 0,
        min_after_format: 0,
        disagreements: BTreeMap::new(),
    };
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(n) = line.strip_prefix("min-exact:") {
            known.min_exact = n.trim().parse().expect("a number");
        } else if let Some(n) = line.strip_prefix("min-after-format:") {
            known.min_after_format = n.trim().parse().expect("a number");
        } else {
            let (name, reason) = line.split_once(':').expect("`scenario: reason`");
            known
                .disagreements
                .insert(name.trim().to_string(), reason.trim().to_string());
        }
    }
    known
}

#[test]
fn quick_fixes_match_prismas_code_action_scenarios() {
    let Some(shared) = common::shared_dir("code action conformance") else {
        return;
    };
    let scenarios = scenarios(&shared.join("conformance/prisma-fmt/code_actions/scenarios"));
    assert!(!scenarios.is_empty());
    let known = known();
    let only = std::env::var("SCENARIO").ok();
    let mut exact = 0;
    let mut after_format = 0;
    let mut unexpected = Vec::new();
    println!("{:<84} {:>5} {:>6}  notes", "scenario", "exact", "format");
    for scenario in &scenarios {
        if only.as_ref().is_some_and(|only| *only != scenario.name) {
            continue;
        }
        let ours = our_actions(scenario);
        if std::env::var_os("SHOW_ACTIONS").is_some() {
            println!(
                "--- {}\n{}",
                scenario.name,
                serde_json::to_string_pretty(&ours).unwrap_or_default()
            );
        }
        let verdict = judge(scenario, &ours);
        exact += usize::from(verdict.exact);
        after_format += usize::from(verdict.after_format);
        let mut notes = Vec::new();
        if !verdict.missing.is_empty() {
            notes.push(format!("missing: {}", verdict.missing.join("; ")));
        }
        for (theirs, ours) in &verdict.titles {
            notes.push(format!("title {theirs:?} is ours {ours:?}"));
        }
        if scenario.expected.is_empty() {
            notes.push(format!("Prisma offers nothing; we offer {}", ours.len()));
        }
        let mark = |b: bool| if b { "yes" } else { "no" };
        println!(
            "{:<84} {:>5} {:>6}  {}",
            scenario.name,
            mark(verdict.exact),
            mark(verdict.after_format),
            notes.join(" | ")
        );
        match (
            verdict.after_format,
            known.disagreements.get(&scenario.name),
        ) {
            (false, None) => unexpected.push(format!(
                "{}: disagrees ({})",
                scenario.name,
                verdict.missing.join("; ")
            )),
            (true, Some(_)) => unexpected.push(format!(
                "{}: agrees now: remove it from code_action_conformance_known.txt",
                scenario.name
            )),
            _ => {}
        }
    }
    println!(
        "code actions: {exact} of {} scenarios agree exactly with Prisma, {after_format} after formatting",
        scenarios.len()
    );
    if only.is_some() {
        return;
    }
    assert!(
        unexpected.is_empty(),
        "unexpected:\n{}",
        unexpected.join("\n")
    );
    assert!(
        exact >= known.min_exact && after_format >= known.min_after_format,
        "fewer scenarios agree than before: {exact} exactly (at least {}), {after_format} after formatting (at least {})",
        known.min_exact,
        known.min_after_format
    );
}
