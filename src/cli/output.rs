//! Rendering diagnostics for people (`human`), programs (`json`) and CI (`github`, and
//! `sarif` in `sarif.rs`).

use crate::analysis::{Diagnostic, Severity};
use crate::model::{FileId, Schema, Span};
use crate::syntax::PositionEncoding;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use clap::ValueEnum;
use serde_json::{Value, json};
use std::fmt::Write;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// file:line:col, code and message, with the source line and the span underlined.
    Human,
    /// One JSON document with every diagnostic, its positions and fixes.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// A SARIF 2.1.0 log (GitHub code scanning and other dashboards).
    Sarif,
}

/// Renders the diagnostics of every checked schema in one output.
pub fn render(format: OutputFormat, checked: &[(Schema, Vec<Diagnostic>)], styled: bool) -> String {
    match format {
        OutputFormat::Human => human(checked, styled),
        OutputFormat::Json => json_report(checked),
        OutputFormat::Github => github(checked),
        OutputFormat::Sarif => super::sarif::report(checked),
    }
}

fn human(checked: &[(Schema, Vec<Diagnostic>)], styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut counts = [0usize; 4];
    let mut files = 0;
    for (schema, diagnostics) in checked {
        files += schema.file_count();
        for diagnostic in diagnostics {
            counts[diagnostic.severity as usize] += 1;
            let report = [human_group(schema, diagnostic)];
            let _ = writeln!(out, "{}\n", renderer.render(&report));
        }
    }
    let [hints, infos, warnings, errors] = counts;
    let schemas = checked.len();
    let _ = writeln!(
        out,
        "Checked {schemas} schema{} ({files} file{}): {errors} error{}, {warnings} warning{}, {infos} info, {hints} hint{}",
        plural(schemas),
        plural(files),
        plural(errors),
        plural(warnings),
        plural(hints),
    );
    out
}

pub(super) fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

/// Spans of one diagnostic more lines apart than this are shown in separate excerpts.
const EXCERPT_GAP_LINES: usize = 8;

fn human_group<'a>(schema: &'a Schema, diagnostic: &'a Diagnostic) -> Group<'a> {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::HELP,
    };
    let title = level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.code.as_str());
    // One excerpt per file: the primary span first, then related spans in the same file in
    // the same excerpt (the renderer folds the lines between them), other files after.
    let mut annotations = vec![(diagnostic.span, AnnotationKind::Primary, "")];
    annotations.extend(
        diagnostic
            .related
            .iter()
            .map(|r| (r.span, AnnotationKind::Context, r.message.as_str())),
    );
    let mut files: Vec<FileId> = Vec::new();
    for (span, _, _) in &annotations {
        if !files.contains(&span.file) {
            files.push(span.file);
        }
    }
    let mut group = Group::with_title(title);
    for file_id in files {
        let mut in_file: Vec<_> = annotations
            .iter()
            .filter(|(span, _, _)| span.file == file_id)
            .collect();
        // Spans far apart get an excerpt each: one excerpt holds every line between its
        // spans, and a relation's other side may be thousands of lines away.
        in_file.sort_by_key(|(span, _, _)| (span.start, span.end));
        let index = &schema.file(file_id).line_index;
        let mut clusters: Vec<Vec<&(Span, AnnotationKind, &str)>> = Vec::new();
        let mut cluster_end_line = 0;
        for annotation in in_file {
            let (span, _, _) = annotation;
            let first = index.line_of(span.start as usize);
            let last = index.line_of(span.end as usize);
            match clusters.last_mut() {
                Some(cluster) if first <= cluster_end_line + EXCERPT_GAP_LINES => {
                    cluster_end_line = cluster_end_line.max(last);
                    cluster.push(annotation);
                }
                _ => {
                    cluster_end_line = last;
                    clusters.push(vec![annotation]);
                }
            }
        }
        // The excerpt with the primary span first: the renderer points `-->` at it.
        clusters.sort_by_key(|cluster| {
            !cluster
                .iter()
                .any(|(_, kind, _)| matches!(kind, AnnotationKind::Primary))
        });
        for cluster in &clusters {
            group = group.element(excerpt(schema, file_id, cluster));
        }
    }
    for fix in &diagnostic.fixes {
        group = group.element(Level::HELP.message(fix.title.as_str()));
    }
    if let Some(snippet) = &diagnostic.snippet {
        group = group.element(Level::NOTE.message(format!(
            "{} ({}):\n{}",
            snippet.title,
            snippet.file_name,
            snippet.text.trim_end()
        )));
    }
    group
}

/// The lines the spans cover (and those between, which the renderer folds), as a snippet
/// with the spans annotated. Only those lines are handed to the renderer, so a diagnostic in
/// a 3 MB schema costs what its lines cost.
fn excerpt<'a>(
    schema: &'a Schema,
    file_id: FileId,
    annotations: &[&(Span, AnnotationKind, &'a str)],
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let file = schema.file(file_id);
    let index = &file.line_index;
    let lowest = annotations
        .iter()
        .map(|(s, _, _)| s.start)
        .min()
        .unwrap_or(0) as usize;
    let mut highest = (annotations.iter().map(|(s, _, _)| s.end).max().unwrap_or(0) as usize)
        .min(file.text.len());
    while !file.text.is_char_boundary(highest) {
        highest += 1;
    }
    let first_line = index.line_of(lowest);
    let start = index
        .line_range(&file.text, first_line)
        .map_or(0, |r| r.start);
    let end = index
        .line_range(&file.text, index.line_of(highest))
        .map_or(file.text.len(), |r| r.end)
        .max(highest);
    // The renderer knows `\n` and `\r\n`; a lone `\r` (also a line break to Prisma and to
    // us) becomes `\n`, byte for byte, so the spans stay where they are.
    let source = &file.text[start..end];
    let source: std::borrow::Cow<str> = if crate::syntax::has_lone_carriage_return(source) {
        crate::syntax::lone_carriage_returns_as_newlines(source).into()
    } else {
        source.into()
    };
    let mut snippet = Snippet::source(source)
        .line_start(first_line + 1)
        .path(file.name.as_str())
        .fold(true);
    // The renderer slices the text at the spans: widen each to whole characters, so that no
    // span a rule computed inside a character can make it panic.
    let text = &file.text;
    let whole_chars = |span: &Span| {
        let mut from = (span.start as usize).clamp(start, end);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (span.end as usize).clamp(from, end);
        while !text.is_char_boundary(to) {
            to += 1;
        }
        from - start..to - start
    };
    for (span, kind, label) in annotations {
        snippet = snippet.annotation((*kind).span(whole_chars(span)).label(*label));
    }
    snippet
}

fn position_json(schema: &Schema, span: Span) -> Value {
    let file = schema.file(span.file);
    let point = |offset: usize| {
        let position = file.line_col(offset, PositionEncoding::Utf32);
        json!({"line": position.line + 1, "column": position.col + 1, "offset": offset})
    };
    json!({"start": point(span.start as usize), "end": point(span.end as usize)})
}

/// `{"file": …, "range": …}` of a span, the shape every location in the JSON report has.
fn location_json(schema: &Schema, span: Span) -> serde_json::Map<String, Value> {
    let mut location = serde_json::Map::new();
    location.insert("file".into(), json!(schema.file(span.file).name));
    location.insert("range".into(), position_json(schema, span));
    location
}

/// A location with more keys.
fn located(schema: &Schema, span: Span, extra: Value) -> Value {
    let mut object = location_json(schema, span);
    if let Value::Object(extra) = extra {
        object.extend(extra);
    }
    Value::Object(object)
}

fn json_report(checked: &[(Schema, Vec<Diagnostic>)]) -> String {
    let mut diagnostics = Vec::new();
    let mut files = Vec::new();
    for (schema, list) in checked {
        files.extend(schema.file_ids().map(|id| schema.file(id).name.clone()));
        for d in list {
            let related: Vec<Value> = d
                .related
                .iter()
                .map(|r| located(schema, r.span, json!({"message": r.message})))
                .collect();
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .map(|fix| {
                    let edits: Vec<Value> = fix
                        .edits
                        .iter()
                        .map(|e| located(schema, e.span, json!({"newText": e.new_text})))
                        .collect();
                    json!({"title": fix.title, "applicability": fix.applicability, "edits": edits})
                })
                .collect();
            diagnostics.push(located(
                schema,
                d.span,
                json!({
                    "code": d.code,
                    "severity": d.severity,
                    "message": d.message,
                    "related": related,
                    "fixes": fixes,
                    "snippet": d.snippet.as_ref().map(|snippet| json!({
                        "title": snippet.title,
                        "fileName": snippet.file_name,
                        "text": snippet.text,
                    })),
                }),
            ));
        }
    }
    let count = |severity: Severity| {
        checked
            .iter()
            .flat_map(|(_, list)| list)
            .filter(|d| d.severity == severity)
            .count()
    };
    let report = json!({
        "version": 1,
        "files": files,
        "diagnostics": diagnostics,
        "summary": {
            "schemas": checked.len(),
            "errors": count(Severity::Error),
            "warnings": count(Severity::Warning),
            "infos": count(Severity::Info),
            "hints": count(Severity::Hint),
        },
    });
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}

/// `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
fn github(checked: &[(Schema, Vec<Diagnostic>)]) -> String {
    let mut out = String::new();
    for (schema, diagnostics) in checked {
        for d in diagnostics {
            let file = schema.file(d.span.file);
            let start = file.line_col(d.span.start as usize, PositionEncoding::Utf32);
            let end = file.line_col(d.span.end as usize, PositionEncoding::Utf32);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&file.name),
                start.line + 1,
                start.col + 1,
                end.line + 1,
                end.col + 1,
                escape_property(d.code.as_str()),
                escape_data(&d.message),
            );
        }
    }
    out
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Code;

    #[test]
    fn github_commands_escape_what_would_end_them() {
        assert_eq!(escape_data("50% of\r\nlines"), "50%25 of%0D%0Alines");
        assert_eq!(escape_data("a::b"), "a::b", "the message is the last part");
        assert_eq!(
            escape_property("dir,with:odd%name\n.prisma"),
            "dir%2Cwith%3Aodd%25name%0A.prisma"
        );
        let schema = Schema::parse("odd, name:1.prisma", "model A {\n  id Int @id\n}\n");
        let span = Span {
            start: 6,
            end: 7,
            ..Span::default()
        };
        let diagnostic = Diagnostic::new(
            Code("test/rule"),
            Severity::Warning,
            span,
            "first line\nsecond: 100%",
        );
        assert_eq!(
            github(&[(schema, vec![diagnostic])]),
            "::warning file=odd%2C name%3A1.prisma,line=1,col=7,endLine=1,endColumn=8,title=test/rule::first line%0Asecond: 100%25\n"
        );
    }
}
