//! Properties every input must keep through `check`, `format` and `--fix`, shared by the
//! format property test and the standing guard (tests/guard.rs).

use prisma_analyzer::analysis::{self, Options, Severity};
use prisma_analyzer::cli::{OutputFormat, render};
use prisma_analyzer::ide::fixes;
use prisma_analyzer::ide::format_file;
use prisma_analyzer::model::{FileId, Schema};
use std::collections::BTreeSet;

/// `check` and every output format, on a one-file schema (a panic is the failure). Every
/// span of a diagnostic, its related places and its fixes lies on character boundaries.
pub fn check_everything(text: &str) {
    let schema = Schema::parse("schema.prisma", text);
    let diagnostics = analysis::check(&schema);
    for diagnostic in &diagnostics {
        let spans = std::iter::once(diagnostic.span)
            .chain(diagnostic.related.iter().map(|r| r.span))
            .chain(
                diagnostic
                    .fixes
                    .iter()
                    .flat_map(|f| f.edits.iter().map(|e| e.span)),
            );
        for span in spans {
            assert!(
                text.is_char_boundary(span.start as usize)
                    && text.is_char_boundary(span.end as usize),
                "{} has a span inside a character: {span:?}",
                diagnostic.code
            );
        }
    }
    let checked = vec![(schema, diagnostics)];
    for format in [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Github,
        OutputFormat::Sarif,
    ] {
        let _ = render(format, &checked, true);
    }
}

/// The number of errors `check` finds.
pub fn error_count(text: &str) -> usize {
    analysis::check(&Schema::parse("schema.prisma", text))
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count()
}

/// What is wrong with fixing `input`, if anything: fixing adds an error, leaves a formatted
/// file unformatted, or fixing the result again changes it.
pub fn fix_violation(input: &str) -> Option<String> {
    let options = Options::default();
    let once = fixes::fix_all(
        &[("schema.prisma".to_string(), input.to_string())],
        &options,
    );
    let fixed = &once.texts[0];
    let (before, after) = (error_count(input), error_count(fixed));
    if after > before {
        return Some(format!(
            "fixing added errors ({before} → {after}) with {:?}:\n{fixed}",
            once.applied
        ));
    }
    // A fix that repairs the last syntax error lets `format` complete relations, as Prisma's
    // formatter does once a schema reads: that is the formatter's doing, not the fix's layout.
    let repaired = error_codes(input).1 && !error_codes(fixed).1;
    if !repaired
        && format_text(input).as_deref() == Some(input)
        && format_text(fixed).as_ref() != Some(fixed)
    {
        return Some(format!(
            "fixing a formatted file left it unformatted with {:?}:\n{fixed}\nformatted:\n{}",
            once.applied,
            format_text(fixed).unwrap_or_default()
        ));
    }
    let twice = fixes::fix_all(&[("schema.prisma".to_string(), fixed.clone())], &options);
    if &twice.texts[0] != fixed {
        return Some(format!(
            "fixing twice differs from once ({:?} the second time):\n{}",
            twice.applied, twice.texts[0]
        ));
    }
    None
}

/// The formatted text of a one-file schema, or `None` when it is refused.
pub fn format_text(text: &str) -> Option<String> {
    let schema = Schema::parse("schema.prisma", text);
    format_file(&schema, FileId(0)).ok()
}

/// The codes of the analyzer's errors, and whether any is a syntax error (`syntax/…`).
pub fn error_codes(text: &str) -> (BTreeSet<String>, bool) {
    let schema = Schema::parse("schema.prisma", text);
    // Validation: the advice has no errors at its default levels.
    let codes: BTreeSet<String> = analysis::Analyzer::default()
        .validate(&schema)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.as_str().to_string())
        .collect();
    let syntax = codes.iter().any(|code| code.starts_with("syntax/"));
    (codes, syntax)
}

/// The comments of `text` as the parser sees them, sorted: `//` comments as written (without
/// trailing whitespace), `/* … */` ones by their lines of text (what is left of each line
/// without the frame: `/*`, `*/`, a leading `*`, blank first and last lines).
pub fn comments(text: &str) -> Vec<String> {
    let tree = prisma_analyzer::syntax::parse(text, None);
    let mut found = Vec::new();
    let mut cursor = tree.walk();
    let mut visit = true;
    loop {
        if visit {
            let node = cursor.node();
            let kind = node.kind();
            if matches!(kind, "comment" | "doc_comment" | "block_comment") {
                let comment = &text[node.byte_range()];
                found.push(if kind == "block_comment" {
                    block_comment_lines(comment)
                } else {
                    comment.trim_end().to_string()
                });
            }
        }
        if visit && cursor.goto_first_child() {
            continue;
        }
        if cursor.goto_next_sibling() {
            visit = true;
            continue;
        }
        if !cursor.goto_parent() {
            break;
        }
        visit = false;
    }
    found.sort();
    found
}

fn block_comment_lines(comment: &str) -> String {
    let inner = comment
        .strip_prefix("/*")
        .and_then(|c| c.strip_suffix("*/"))
        .unwrap_or(comment);
    let lines: Vec<&str> = prisma_analyzer::syntax::split_lines(inner)
        .map(|line| {
            let line = line.trim();
            line.strip_prefix('*').unwrap_or(line).trim()
        })
        .collect();
    let start = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(start, |e| e + 1);
    format!("/* {} */", lines[start..end].join("\n"))
}

/// What is wrong with formatting `input`, if anything.
pub fn format_violation(input: &str) -> Option<String> {
    let once = format_text(input)?;
    let Some(twice) = format_text(&once) else {
        return Some(format!(
            "the output is refused when formatted again:\n{once}"
        ));
    };
    if twice != once {
        return Some(format!(
            "not idempotent: {}\n--- once:\n{once}\n--- twice:\n{twice}",
            first_difference(&twice, &once)
        ));
    }
    let (before, broken_before) = error_codes(input);
    let (after, broken_after) = error_codes(&once);
    let new: Vec<&String> = after.difference(&before).collect();
    // Formatting that repairs every syntax error (legacy `name: Type`, `Type!`, `[Type]`)
    // uncovers the validation errors they hid: those were there, not added.
    let repaired = broken_before && !broken_after;
    if !new.is_empty() && !repaired {
        return Some(format!("new errors {new:?}; output:\n{once}"));
    }
    let (kept, had) = (comments(&once), comments(input));
    if kept != had {
        return Some(format!(
            "comments changed: before {had:?}, after {kept:?}; output:\n{once}"
        ));
    }
    // `\r\n` and a lone `\r` are line breaks like `\n` (a third of the inputs, for time).
    if !input.contains('\r') && input.len().is_multiple_of(3) {
        for (kind, other) in [
            ("\\r\\n", input.replace('\n', "\r\n")),
            ("\\r", input.replace('\n', "\r")),
        ] {
            // A blank file is left as it is, line breaks and all.
            let as_lf = format_text(&other).map(|t| t.replace("\r\n", "\n").replace('\r', "\n"));
            if as_lf.as_deref() != Some(once.as_str()) {
                return Some(format!("formatted differently with {kind} line breaks"));
            }
        }
    }
    None
}

fn first_difference(ours: &str, expected: &str) -> String {
    for (line, (a, b)) in ours.lines().zip(expected.lines()).enumerate() {
        if a != b {
            return format!("line {}: {a:?} vs {b:?}", line + 1);
        }
    }
    "a different number of lines".to_string()
}
