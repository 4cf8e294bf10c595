//! `--format sarif`: one SARIF 2.1.0 log (what GitHub code scanning and other dashboards
//! read) with a rule for every code, a result for every diagnostic, and the safe fixes as
//! SARIF fixes.
//!
//! Columns are UTF-16 code units (`columnKind: "utf16CodeUnits"`, SARIF's default), lines
//! and columns 1-based. File locations are URIs relative to the folder the command ran in
//! (`uriBaseId: "%SRCROOT%"`), or `file://` URIs for files outside it.

use super::rule::sentence;
use crate::analysis::advisor::Level;
use crate::analysis::advisor::rules::{self, Rule};
use crate::analysis::{Applicability, Code, Diagnostic, Severity, TextEdit, codes};
use crate::model::{Schema, Span};
use crate::syntax::PositionEncoding;
use serde_json::{Map, Value, json};
use std::path::{Component, Path};

const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const SRCROOT: &str = "%SRCROOT%";

/// The project's web page, from Cargo.toml (`homepage`, else `repository`), if it has one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| !uri.is_empty())
}

/// SARIF's level for a severity: information and hints are notes.
pub fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// The SARIF log of every checked schema, as pretty-printed JSON.
pub fn report(checked: &[(Schema, Vec<Diagnostic>)]) -> String {
    let current_dir = std::env::current_dir().ok();
    let mut rule_ids: Vec<Code> = codes::ALL.iter().map(|(code, _)| *code).collect();
    // A code missing from `codes::ALL` would be a bug (tests/docs.rs checks); it still gets
    // a rule rather than a dangling `ruleId`.
    for (_, diagnostics) in checked {
        for d in diagnostics {
            if !rule_ids.contains(&d.code) {
                rule_ids.push(d.code);
            }
        }
    }
    let mut artifacts = Artifacts::new(current_dir.as_deref());
    let mut results = Vec::new();
    for (schema, diagnostics) in checked {
        for id in schema.file_ids() {
            artifacts.index(&schema.file(id).name);
        }
        for d in diagnostics {
            results.push(result(schema, d, &rule_ids, &mut artifacts));
        }
    }
    let mut driver = Map::new();
    driver.insert("name".into(), json!("prisma-analyzer"));
    driver.insert("version".into(), json!(env!("CARGO_PKG_VERSION")));
    driver.insert("semanticVersion".into(), json!(env!("CARGO_PKG_VERSION")));
    if let Some(uri) = information_uri() {
        driver.insert("informationUri".into(), json!(uri));
    }
    driver.insert(
        "rules".into(),
        Value::Array(rule_ids.iter().map(|code| rule_descriptor(*code)).collect()),
    );
    let mut run = Map::new();
    run.insert("tool".into(), json!({ "driver": driver }));
    if let Some(base) = artifacts.base_uri() {
        run.insert(
            "originalUriBaseIds".into(),
            json!({ SRCROOT: { "uri": base } }),
        );
    }
    run.insert("artifacts".into(), Value::Array(artifacts.descriptions()));
    run.insert("columnKind".into(), json!("utf16CodeUnits"));
    run.insert("results".into(), Value::Array(results));
    let log = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [run],
    });
    let mut text = serde_json::to_string_pretty(&log).unwrap_or_default();
    text.push('\n');
    text
}

/// The rule descriptor of a code: its summary, and for advisor rules what it checks, why,
/// an example and the fix, with its default level.
fn rule_descriptor(code: Code) -> Value {
    let summary = codes::ALL
        .iter()
        .find(|(known, _)| *known == code)
        .map_or(code.as_str(), |(_, summary)| summary);
    let short = summary.strip_prefix("advice: ").unwrap_or(summary);
    let group = code.as_str().split('/').next().unwrap_or_default();
    let mut descriptor = Map::new();
    descriptor.insert("id".into(), json!(code.as_str()));
    descriptor.insert(
        "shortDescription".into(),
        json!({ "text": sentence(short) }),
    );
    match rules::rule(code.as_str()) {
        Some(rule) => {
            descriptor.insert("fullDescription".into(), json!({ "text": rule.checks }));
            descriptor.insert(
                "help".into(),
                json!({ "text": help_text(rule), "markdown": help_markdown(rule) }),
            );
            let (level, enabled) = match rule.default {
                Level::Off => ("note", false),
                Level::On(severity) => (level(severity), true),
            };
            descriptor.insert(
                "defaultConfiguration".into(),
                json!({ "enabled": enabled, "level": level }),
            );
            // GitHub code scanning files rules tagged `security` under security alerts.
            let tags = vec!["advisor", group];
            descriptor.insert(
                "properties".into(),
                json!({ "tags": tags, "defaultLevel": rule.default.name() }),
            );
        }
        None => {
            let full = format!(
                "{} Prisma's own validation reports it: an error (the schema is rejected), or a warning where Prisma only warns.",
                sentence(short)
            );
            descriptor.insert("fullDescription".into(), json!({ "text": full }));
            descriptor.insert(
                "defaultConfiguration".into(),
                json!({ "enabled": true, "level": "error" }),
            );
            descriptor.insert(
                "properties".into(),
                json!({ "tags": ["validation", group], "defaultLevel": "error" }),
            );
        }
    }
    if let Some(base) = information_uri() {
        descriptor.insert("helpUri".into(), json!(format!("{base}#diagnostic-codes")));
    }
    Value::Object(descriptor)
}

fn help_text(rule: &Rule) -> String {
    let fix = rule.fix.unwrap_or("none");
    format!(
        "{}\n\nWhy: {}\n\nExample:\n{}\n\nFix: {fix}",
        rule.checks, rule.why, rule.example
    )
}

fn help_markdown(rule: &Rule) -> String {
    let fix = rule.fix.unwrap_or("none");
    format!(
        "{}\n\n**Why:** {}\n\n```prisma\n{}\n```\n\n**Fix:** {fix}",
        rule.checks, rule.why, rule.example
    )
}

fn result(schema: &Schema, d: &Diagnostic, rule_ids: &[Code], artifacts: &mut Artifacts) -> Value {
    let mut result = Map::new();
    result.insert("ruleId".into(), json!(d.code.as_str()));
    if let Some(index) = rule_ids.iter().position(|code| *code == d.code) {
        result.insert("ruleIndex".into(), json!(index));
    }
    result.insert("level".into(), json!(level(d.severity)));
    result.insert("message".into(), json!({ "text": d.message }));
    result.insert(
        "locations".into(),
        json!([{ "physicalLocation": physical_location(schema, d.span, artifacts) }]),
    );
    if !d.related.is_empty() {
        let related: Vec<Value> = d
            .related
            .iter()
            .enumerate()
            .map(|(id, related)| {
                json!({
                    "id": id + 1,
                    "message": { "text": related.message },
                    "physicalLocation": physical_location(schema, related.span, artifacts),
                })
            })
            .collect();
        result.insert("relatedLocations".into(), Value::Array(related));
    }
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .filter(|fix| fix.applicability == Applicability::Safe && !fix.edits.is_empty())
        .map(|fix| {
            json!({
                "description": { "text": fix.title },
                "artifactChanges": artifact_changes(schema, &fix.edits, artifacts),
            })
        })
        .collect();
    if !fixes.is_empty() {
        result.insert("fixes".into(), Value::Array(fixes));
    }
    // Our own level (SARIF folds information and hints into `note`).
    result.insert(
        "properties".into(),
        json!({ "severity": d.severity.as_str() }),
    );
    Value::Object(result)
}

/// The edits of a fix grouped by file, in the order the files first appear.
fn artifact_changes(schema: &Schema, edits: &[TextEdit], artifacts: &mut Artifacts) -> Vec<Value> {
    let mut files: Vec<crate::model::FileId> = Vec::new();
    for edit in edits {
        if !files.contains(&edit.span.file) {
            files.push(edit.span.file);
        }
    }
    files
        .into_iter()
        .map(|file| {
            let replacements: Vec<Value> = edits
                .iter()
                .filter(|edit| edit.span.file == file)
                .map(|edit| {
                    json!({
                        "deletedRegion": region(schema, edit.span),
                        "insertedContent": { "text": edit.new_text },
                    })
                })
                .collect();
            json!({
                "artifactLocation": artifacts.location(&schema.file(file).name),
                "replacements": replacements,
            })
        })
        .collect()
}

fn physical_location(schema: &Schema, span: Span, artifacts: &mut Artifacts) -> Value {
    json!({
        "artifactLocation": artifacts.location(&schema.file(span.file).name),
        "region": region(schema, span),
    })
}

/// 1-based lines and UTF-16 columns; an empty span is an insertion point (start = end).
fn region(schema: &Schema, span: Span) -> Value {
    let file = schema.file(span.file);
    let start = file.line_col(span.start as usize, PositionEncoding::Utf16);
    let end = file.line_col(span.end as usize, PositionEncoding::Utf16);
    json!({
        "startLine": start.line + 1,
        "startColumn": start.col + 1,
        "endLine": end.line + 1,
        "endColumn": end.col + 1,
    })
}

/// The files the log mentions, each with its URI and its index in `run.artifacts`.
struct Artifacts {
    current_dir: Option<std::path::PathBuf>,
    uris: Vec<(String, String, bool)>,
}

impl Artifacts {
    fn new(current_dir: Option<&Path>) -> Self {
        Artifacts {
            current_dir: current_dir.map(Path::to_path_buf),
            uris: Vec::new(),
        }
    }

    /// The index of a file (by the name it was read under), added when new.
    fn index(&mut self, name: &str) -> usize {
        if let Some(index) = self.uris.iter().position(|(known, _, _)| known == name) {
            return index;
        }
        let (uri, relative) = file_uri(Path::new(name), self.current_dir.as_deref());
        self.uris.push((name.to_string(), uri, relative));
        self.uris.len() - 1
    }

    fn location(&mut self, name: &str) -> Value {
        let index = self.index(name);
        let (_, uri, relative) = &self.uris[index];
        if *relative {
            json!({ "uri": uri, "uriBaseId": SRCROOT, "index": index })
        } else {
            json!({ "uri": uri, "index": index })
        }
    }

    fn descriptions(&self) -> Vec<Value> {
        self.uris
            .iter()
            .map(|(_, uri, relative)| {
                let location = if *relative {
                    json!({ "uri": uri, "uriBaseId": SRCROOT })
                } else {
                    json!({ "uri": uri })
                };
                json!({ "location": location, "sourceLanguage": "prisma" })
            })
            .collect()
    }

    /// `file:///…/` of the folder relative URIs start from, when some URI is relative.
    fn base_uri(&self) -> Option<String> {
        let dir = self.current_dir.as_deref()?;
        if !self.uris.iter().any(|(_, _, relative)| *relative) {
            return None;
        }
        let mut uri = absolute_uri(dir);
        if !uri.ends_with('/') {
            uri.push('/');
        }
        Some(uri)
    }
}

/// A relative URI (`prisma/schema.prisma`) for a relative path or one inside `current_dir`,
/// else a `file://` URI; the flag says which.
fn file_uri(path: &Path, current_dir: Option<&Path>) -> (String, bool) {
    if path.is_relative() {
        let parts: Vec<String> = path
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| encode(&c.as_os_str().to_string_lossy()))
            .collect();
        return (parts.join("/"), true);
    }
    if let Some(relative) = current_dir.and_then(|dir| path.strip_prefix(dir).ok()) {
        return file_uri(relative, None);
    }
    (absolute_uri(path), false)
}

fn absolute_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for component in path.components() {
        match component {
            Component::RootDir => {}
            // A Windows drive: file:///C:/…
            Component::Prefix(prefix) => {
                uri.push('/');
                uri.push_str(&prefix.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            other => {
                uri.push('/');
                uri.push_str(&encode(&other.as_os_str().to_string_lossy()));
            }
        }
    }
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

/// Percent-encodes what may not stand in a URI path segment (RFC 3986 `pchar`).
fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        let keep = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
            );
        if keep {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uris() {
        let cwd = Path::new("/work/project");
        for (path, uri, relative) in [
            ("./prisma/schema.prisma", "prisma/schema.prisma", true),
            (
                "my schemas/ä#1.prisma",
                "my%20schemas/%C3%A4%231.prisma",
                true,
            ),
            ("/work/project/db/app.prisma", "db/app.prisma", true),
            (
                "/elsewhere/a b.prisma",
                "file:///elsewhere/a%20b.prisma",
                false,
            ),
        ] {
            assert_eq!(
                file_uri(Path::new(path), Some(cwd)),
                (uri.to_string(), relative)
            );
        }
        assert_eq!(absolute_uri(Path::new("/")), "file:///");
    }
}
