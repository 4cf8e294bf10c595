//! `prisma-analyzer rule [CODE]`: what a rule checks, why, an example, its default level and
//! its fix (from the advisor's rule table), or the list of every code.

use crate::analysis::advisor::rules::{self, Rule};
use crate::analysis::{closest_name, codes};
use std::fmt::Write;

/// The text `rule` prints for `code` (a code, or a group such as `index`), or the one-line
/// error for an unknown one.
pub fn explain(code: &str) -> Result<String, String> {
    if let Some(rule) = rules::rule(code) {
        return Ok(advisor_rule(rule));
    }
    if let Some((known, summary)) = codes::ALL.iter().find(|(known, _)| known.as_str() == code) {
        return Ok(validation_rule(known.as_str(), summary));
    }
    let group: Vec<&(crate::analysis::Code, &str)> = codes::ALL
        .iter()
        .filter(|(known, _)| {
            known
                .as_str()
                .strip_prefix(code)
                .is_some_and(|rest| rest.starts_with('/'))
        })
        .collect();
    if !group.is_empty() {
        return Ok(table(group.into_iter()));
    }
    let hint = closest_name(code, codes::ALL.iter().map(|(known, _)| known.as_str()))
        .map(|near| format!("; did you mean `{near}`?"))
        .unwrap_or_default();
    Err(format!(
        "unknown rule `{code}`{hint} (`prisma-analyzer rule` lists every code)"
    ))
}

/// Every code with its default level and summary, sorted by code.
pub fn list() -> String {
    table(codes::ALL.iter())
}

fn table<'a>(entries: impl Iterator<Item = &'a (crate::analysis::Code, &'static str)>) -> String {
    let mut entries: Vec<_> = entries.collect();
    entries.sort_by_key(|(code, _)| code.as_str());
    let width = entries
        .iter()
        .map(|(code, _)| code.as_str().len())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    let _ = writeln!(out, "{:width$}  {:7}  what it reports", "code", "default");
    for (code, summary) in entries {
        let _ = writeln!(
            out,
            "{:width$}  {:7}  {summary}",
            code.as_str(),
            default_level(code.as_str())
        );
    }
    out
}

/// An advisor rule's default level; Prisma's validation reports errors.
pub fn default_level(code: &str) -> &'static str {
    rules::rule(code).map_or("error", |rule| rule.default.name())
}

const WIDTH: usize = 88;

fn advisor_rule(rule: &Rule) -> String {
    let code = rule.code.as_str();
    let kind = if code.starts_with("db/") {
        "database rule (with `--database-url`)"
    } else {
        "advisor rule"
    };
    let mut out = format!("{code}: {kind}, default level {}\n", rule.default.name());
    section(&mut out, "What it checks", rule.checks);
    section(&mut out, "Why", rule.why);
    let _ = write!(out, "\nExample:\n");
    for line in rule.example.lines() {
        let _ = writeln!(out, "    {line}");
    }
    let fix = match rule.fix {
        None => "none: the finding is a reminder to act outside the schema".to_string(),
        Some(fix) if rule.fix_is_safe => format!("{fix} (applied by `check --fix`)"),
        Some(fix) => format!(
            "{fix} (an editor action only: `check --fix` leaves it, as it was not right often enough on real schemas)"
        ),
    };
    section(&mut out, "Fix", &fix);
    section(
        &mut out,
        "Configure",
        &format!(
            "set its level (\"off\", \"hint\", \"info\", \"warning\" or \"error\") under `[rules]` in prisma-analyzer.toml, as in `\"{code}\" = \"off\"`; hide one finding with `// prisma-analyzer-ignore {code}` on the line above it."
        ),
    );
    out
}

fn validation_rule(code: &str, summary: &str) -> String {
    let mut out = format!("{code}: Prisma validation, default level error\n");
    section(&mut out, "What it reports", &sentence(summary));
    section(
        &mut out,
        "Level",
        "an error Prisma itself reports: Prisma rejects the schema, so the finding cannot be switched off or hidden. Where Prisma only warns (a deprecated setting, an action it advises against), it is a warning, which `[rules]` in prisma-analyzer.toml and `// prisma-analyzer-ignore` comments can quieten.",
    );
    out
}

/// A summary as a sentence: capitalised, with a full stop.
pub(super) fn sentence(summary: &str) -> String {
    let mut chars = summary.chars();
    let mut text: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// The words of a text, keeping `code in backticks` in one piece.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut open = false;
    for word in text.split_whitespace() {
        match words.last_mut() {
            Some(last) if open => {
                last.push(' ');
                last.push_str(word);
            }
            _ => words.push(word.to_string()),
        }
        if word.matches('`').count() % 2 == 1 {
            open = !open;
        }
    }
    words
}

/// `\nTitle:\n` and the text wrapped at `WIDTH` columns, indented by four spaces.
fn section(out: &mut String, title: &str, text: &str) {
    let _ = writeln!(out, "\n{title}:");
    let indent = "    ";
    let mut line = String::new();
    for word in words(text) {
        if !line.is_empty() && indent.len() + line.len() + 1 + word.len() > WIDTH {
            let _ = writeln!(out, "{indent}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{indent}{line}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_explained() {
        for (code, _) in codes::ALL {
            let text = explain(code.as_str()).expect("a known code");
            assert!(text.starts_with(code.as_str()), "{text}");
        }
    }

    #[test]
    fn unknown_codes_get_a_suggestion() {
        assert_eq!(
            explain("index/reduntant").unwrap_err(),
            "unknown rule `index/reduntant`; did you mean `index/redundant`? (`prisma-analyzer rule` lists every code)"
        );
        assert!(
            explain("nothing-like-it")
                .unwrap_err()
                .starts_with("unknown rule `nothing-like-it` (")
        );
    }

    #[test]
    fn a_group_lists_its_codes() {
        let text = explain("tenant").expect("a group");
        assert_eq!(text.lines().count(), 5, "{text}");
        assert!(text.contains("tenant/missing-key"), "{text}");
    }

    #[test]
    fn code_in_backticks_is_not_broken() {
        assert_eq!(
            words("add `@@index([a, b])` now"),
            ["add", "`@@index([a, b])`", "now"]
        );
        assert_eq!(sentence("a field"), "A field.");
        assert_eq!(sentence("`@id` twice."), "`@id` twice.");
    }

    #[test]
    fn long_text_is_wrapped() {
        let mut out = String::new();
        section(&mut out, "T", &"word ".repeat(60));
        assert!(out.lines().all(|line| line.len() <= WIDTH), "{out}");
    }
}
