//! Fix safety: the proof that `check --fix` keeps schemas working. For every real-world
//! schema of `../shared/corpus/real`, every example and every advice fixture, analysed with
//! the default options and again with every advisor rule on (with the tenant key `teamId`,
//! `organizationId` and the default), each fix, unsafe ones too, is applied alone and then
//! all safe fixes together (`fixes::fix_all`), and:
//!
//! - (a) our validator reports no error it did not report before the fix;
//! - (b) every byte outside the fix's edits is unchanged, no line changes that the fix's
//!   edits do not touch, and every comment line is still there;
//! - (c) all safe fixes together keep (a), and fixing twice changes nothing more;
//! - (d) Prisma's own validators (the Prisma 6 and 7 engines, `.ci/reference`, one node run
//!   for everything) accept every fixed schema whose original they accepted.
//!
//! A separate test checks that in a schema with a syntax error the fixes of intact blocks
//! still apply and no fix of the advisor edits the broken block.
//!
//! `FIX_SAFETY_DETAILS=1` prints every fix tried.

mod common;

use common::cases::{Case, Files, apply, build, edits_key, folder_cases, local_cases, variants};
use prisma_analyzer::analysis::advisor::{AdvisorSettings, rules};
use prisma_analyzer::analysis::{self, Applicability, Diagnostic, Options, Severity, TextEdit};
use prisma_analyzer::ide::fixes;
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// Our validator's errors, each as `code: message` with numbers blanked (a message that
/// names a line must not count as a new error because a fix moved the line).
fn our_errors(files: &[(String, String)]) -> Vec<String> {
    let options = Options {
        advisor: std::sync::Arc::new(AdvisorSettings::without_advice()),
        ..Options::default()
    };
    let mut errors: Vec<String> = analysis::check_with(&build(files), options)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let message: String = d
                .message
                .chars()
                .map(|c| if c.is_ascii_digit() { '#' } else { c })
                .collect();
            format!("{}: {message}", d.code)
        })
        .collect();
    errors.sort();
    errors
}

/// The errors of `after` that `before` does not have (as multisets).
fn new_errors(before: &[String], after: &[String]) -> Vec<String> {
    let mut remaining = before.to_vec();
    let mut new = Vec::new();
    for error in after {
        match remaining.iter().position(|e| e == error) {
            Some(index) => {
                remaining.swap_remove(index);
            }
            None => new.push(error.clone()),
        }
    }
    new
}

/// (b): the text outside the edits is the same bytes in the same order, and every line the
/// fix changed (by a line diff) is one its edits change. Problems as messages.
fn outside_edits_unchanged(
    before: &[(String, String)],
    after: &[(String, String)],
    edits: &[TextEdit],
) -> Vec<String> {
    let mut problems = Vec::new();
    for (index, ((name, original), (_, fixed))) in before.iter().zip(after).enumerate() {
        if original == fixed && !edits.iter().any(|e| e.span.file.0 as usize == index) {
            continue;
        }
        // Comment lines are never a fix's to remove or change.
        let mut lines: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for line in fixed.lines() {
            *lines.entry(line.trim()).or_default() += 1;
        }
        for comment in original
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("//"))
        {
            match lines.get_mut(comment) {
                Some(count) if *count > 0 => *count -= 1,
                _ => problems.push(format!("{name}: the comment {comment:?} is gone")),
            }
        }
        let mut edits: Vec<&TextEdit> = edits
            .iter()
            .filter(|e| e.span.file.0 as usize == index)
            .collect();
        edits.sort_by_key(|e| e.span.start);
        // The prefix before each edit, the edit's text, …, the suffix after the last.
        let (mut from, mut at) = (0usize, 0usize);
        let mut intact = true;
        for edit in &edits {
            let (start, end) = (edit.span.start as usize, edit.span.end as usize);
            let kept = &original.as_bytes()[from..start];
            intact &= fixed.as_bytes()[at..].starts_with(kept);
            at += kept.len();
            intact &= fixed.as_bytes()[at..].starts_with(edit.new_text.as_bytes());
            at += edit.new_text.len();
            from = end;
        }
        intact &= fixed.as_bytes().get(at..) == Some(&original.as_bytes()[from..]);
        if !intact {
            problems.push(format!("{name}: bytes outside the edits changed"));
            continue;
        }
        // What each edit really changes: its span less the bytes it writes back unchanged.
        let changed: Vec<(usize, usize)> = edits
            .iter()
            .map(|edit| {
                let old = &original.as_bytes()[edit.span.start as usize..edit.span.end as usize];
                let new = edit.new_text.as_bytes();
                let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
                let suffix = old[prefix..]
                    .iter()
                    .rev()
                    .zip(new[prefix..].iter().rev())
                    .take_while(|(a, b)| a == b)
                    .count();
                (
                    edit.span.start as usize + prefix,
                    edit.span.end as usize - suffix,
                )
            })
            .collect();
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(original.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let diff = similar::TextDiff::from_lines(original.as_str(), fixed.as_str());
        for op in diff.ops() {
            for line in op.old_range() {
                let start = line_starts[line];
                let end = line_starts.get(line + 1).copied().unwrap_or(original.len());
                let touched = changed.iter().any(|&(from, to)| {
                    if from == to {
                        start <= from && from <= end
                    } else {
                        from < end && start < to
                    }
                });
                let kind = op.tag();
                if kind != similar::DiffTag::Equal && !touched {
                    problems.push(format!(
                        "{name}:{}: a line the fix does not touch changed: {:?}",
                        line + 1,
                        &original[start..end]
                    ));
                }
            }
        }
    }
    problems
}

/// A fixed schema to give Prisma's validators, with what it came from.
struct Fixed {
    case: usize,
    rule: String,
    what: String,
    files: Files,
}

#[derive(Default)]
struct Tally {
    tried: usize,
    ours: usize,
    /// Fixed schemas Prisma accepts, of those whose original one of its engines accepted.
    prisma: usize,
    prisma_checked: usize,
}

/// What checking one case found: counts per rule, failures, and the fixed schemas for (d).
#[derive(Default)]
struct CaseResult {
    tally: BTreeMap<String, Tally>,
    failures: Vec<String>,
    batch: Vec<Fixed>,
}

/// Checks every fix of one case alone, unsafe ones too (a)–(b), then all safe fixes together
/// (c); the fixed schemas go to `batch` for (d).
fn check_case(index: usize, case: &Case, details: bool) -> CaseResult {
    let mut result = CaseResult::default();
    let CaseResult {
        tally,
        failures,
        batch,
    } = &mut result;
    let schema = build(&case.files);
    let before = our_errors(&case.files);
    let mut seen: HashSet<Vec<(u32, u32, u32, String)>> = HashSet::new();
    for (variant, options) in variants() {
        let diagnostics: Vec<Diagnostic> = analysis::check_with(&schema, options.clone());
        for diagnostic in &diagnostics {
            for fix in diagnostic.fixes.iter().filter(|f| !f.edits.is_empty()) {
                if !seen.insert(edits_key(&fix.edits)) {
                    continue;
                }
                let rule = match fix.applicability {
                    Applicability::Safe => diagnostic.code.as_str().to_string(),
                    Applicability::Unsafe => format!("{} (unsafe)", diagnostic.code),
                };
                let counts = tally.entry(rule.clone()).or_default();
                counts.tried += 1;
                let what = format!("{} ({})", fix.title, diagnostic.message);
                if details {
                    println!("{} [{variant}] {rule}: {what}", case.name);
                }
                let Some(fixed) = apply(&case.files, &fix.edits) else {
                    failures.push(format!(
                        "{} {rule}: {what}: overlapping or out-of-range edits",
                        case.name
                    ));
                    continue;
                };
                let mut problems = new_errors(&before, &our_errors(&fixed))
                    .into_iter()
                    .map(|e| format!("new error {e}"))
                    .collect::<Vec<_>>();
                problems.extend(outside_edits_unchanged(&case.files, &fixed, &fix.edits));
                if problems.is_empty() {
                    counts.ours += 1;
                } else {
                    failures.push(format!(
                        "{} {rule}: {what}:\n    {}",
                        case.name,
                        problems.join("\n    ")
                    ));
                }
                batch.push(Fixed {
                    case: index,
                    rule,
                    what,
                    files: fixed,
                });
            }
        }
        // (c) every safe fix together, and again.
        let once = fixes::fix_all(&case.files, &options);
        if once.applied.is_empty() {
            continue;
        }
        let fixed: Files = case
            .files
            .iter()
            .zip(&once.texts)
            .map(|((name, _), text)| (name.clone(), text.clone()))
            .collect();
        let new = new_errors(&before, &our_errors(&fixed));
        if !new.is_empty() {
            failures.push(format!(
                "{} all safe fixes [{variant}] ({}): new errors:\n    {}",
                case.name,
                once.applied.join("; "),
                new.join("\n    ")
            ));
        }
        let twice = fixes::fix_all(&fixed, &options);
        if twice.texts != once.texts {
            failures.push(format!(
                "{} all safe fixes [{variant}]: fixing again changed the schema ({})",
                case.name,
                twice.applied.join("; ")
            ));
        }
        let counts = tally.entry("(all safe fixes)".to_string()).or_default();
        counts.tried += 1;
        if new.is_empty() && twice.texts == once.texts {
            counts.ours += 1;
        }
        batch.push(Fixed {
            case: index,
            rule: "(all safe fixes)".to_string(),
            what: format!("[{variant}] {}", once.applied.join("; ")),
            files: fixed,
        });
    }
    result
}

/// Threads for the work: the machine's cores.
fn threads(work: usize) -> usize {
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(work)
        .max(1)
}

/// `check_case` on every case, spread over the cores; results in the order of the cases.
fn check_all(cases: &[Case], details: bool) -> Vec<CaseResult> {
    let threads = threads(cases.len());
    let mut results: Vec<Option<CaseResult>> = (0..cases.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|first| {
                scope.spawn(move || {
                    (first..cases.len())
                        .step_by(threads)
                        .map(|index| (index, check_case(index, &cases[index], details)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for worker in workers {
            for (index, result) in worker.join().expect("a worker") {
                results[index] = Some(result);
            }
        }
    });
    results.into_iter().map(|r| r.expect("checked")).collect()
}

/// Prisma's verdicts (`{"6": …, "7": …}`) for each schema: one node run per core, each
/// with its share of the schemas.
fn reference_verdicts(dir: &Path, schemas: &[&Files]) -> Vec<Value> {
    if schemas.is_empty() {
        return Vec::new();
    }
    let chunk = schemas.len().div_ceil(threads(schemas.len()));
    std::thread::scope(|scope| {
        let runs: Vec<_> = schemas
            .chunks(chunk)
            .map(|part| scope.spawn(move || common::reference_verdicts(dir, part)))
            .collect();
        runs.into_iter()
            .flat_map(|run| run.join().expect("a node run"))
            .collect()
    })
}

fn prisma_messages(verdict: &Value) -> String {
    verdict["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            format!(
                "{}:{} {}",
                e["file"].as_str().unwrap_or("?"),
                e["line"],
                e["message"].as_str().unwrap_or_default()
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn every_safe_fix_keeps_schemas_valid() {
    let details = std::env::var_os("FIX_SAFETY_DETAILS").is_some();
    let mut cases = local_cases();
    if let Some(shared) = common::shared_dir("fix safety over the corpus") {
        let corpus = shared.join("corpus/real");
        cases.extend(folder_cases(&corpus, &corpus));
    }
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut batch = Vec::new();
    for result in check_all(&cases, details) {
        for (rule, counts) in result.tally {
            let total = tally.entry(rule).or_default();
            total.tried += counts.tried;
            total.ours += counts.ours;
        }
        failures.extend(result.failures);
        batch.extend(result.batch);
    }

    // (d) Prisma's verdict on every original and every fixed schema, in one run.
    let mut prisma_failures = Vec::new();
    if let Some(reference) = common::reference_dir("Prisma's verdict on fixed schemas") {
        let mut schemas: Vec<&Files> = cases.iter().map(|c| &c.files).collect();
        schemas.extend(batch.iter().map(|f| &f.files));
        let verdicts = reference_verdicts(&reference, &schemas);
        assert_eq!(verdicts.len(), schemas.len());
        let (originals, fixed) = verdicts.split_at(cases.len());
        for (fix, verdict) in batch.iter().zip(fixed) {
            let mut broke = Vec::new();
            let mut applicable = false;
            for engine in ["6", "7"] {
                let accepted_before = originals[fix.case][engine]["valid"] == json!(true);
                applicable |= accepted_before;
                if accepted_before && verdict[engine]["valid"] != json!(true) {
                    broke.push(format!(
                        "Prisma {engine}: {}",
                        prisma_messages(&verdict[engine])
                    ));
                }
            }
            if !applicable {
                continue;
            }
            let counts = tally.entry(fix.rule.clone()).or_default();
            counts.prisma_checked += 1;
            if broke.is_empty() {
                counts.prisma += 1;
            } else {
                prisma_failures.push(format!(
                    "{} {}: {}:\n    {}",
                    cases[fix.case].name,
                    fix.rule,
                    fix.what,
                    broke.join("\n    ")
                ));
            }
        }
    }

    println!(
        "fix safety: {} schemas; per rule: fixes tried, kept valid by our validator (and the bytes outside the edits), accepted by Prisma where it accepted the original",
        cases.len()
    );
    for (rule, counts) in &tally {
        println!(
            "  {rule:32} tried {:5}  ours {:5}  Prisma {:5}/{}",
            counts.tried, counts.ours, counts.prisma, counts.prisma_checked
        );
    }
    failures.extend(prisma_failures);
    assert!(
        failures.is_empty(),
        "{} unsafe fixes:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Two intact models with safe fixes and one broken by a syntax error, whose fields invite
/// advice (money as `Float` and `@db.Money`, an id without default, `updatedAt` without
/// `@updatedAt`).
const BROKEN: &str = r#"datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id     Int     @id
  active Boolean @default(TRUE)
  posts  Post[]
}

model Post {
  id       Int    @id
  title    String @db.VarChar(200,)
  authorId Int
  author   User   @relation(fields: [authorId], references: [id])
}

model Draft {
  id        String   @id
  price     Float    @db.Money
  ~~~ half-typed !!
  updatedAt DateTime
}
"#;

#[test]
fn fixes_skip_a_block_with_a_syntax_error() {
    let files: Files = vec![("schema.prisma".to_string(), BROKEN.to_string())];
    let schema = build(&files);
    let broken: Vec<(u32, u32)> = schema
        .blocks()
        .filter(|b| !b.syntax_errors.is_empty() || !b.closed)
        .map(|b| (b.span.start, b.span.end))
        .collect();
    assert_eq!(broken.len(), 1, "the fixture has one broken block");
    let (start, end) = broken[0];
    for (variant, options) in variants() {
        for diagnostic in analysis::check_with(&schema, options.clone()) {
            if rules::rule(diagnostic.code.as_str()).is_none() {
                continue;
            }
            assert!(
                diagnostic.span.end <= start || diagnostic.span.start >= end,
                "[{variant}] advice on the broken block: {} {}",
                diagnostic.code,
                diagnostic.message
            );
            for edit in diagnostic.fixes.iter().flat_map(|f| &f.edits) {
                assert!(
                    edit.span.end <= start || edit.span.start >= end,
                    "[{variant}] {} edits the broken block: {edit:?}",
                    diagnostic.code
                );
            }
        }
        let fixed = fixes::fix_all(&files, &options);
        let text = &fixed.texts[0];
        // The fixes of the intact blocks apply; the broken block is left as it was.
        assert!(
            text.contains("@default(true)") && text.contains("@db.VarChar(200)"),
            "[{variant}] {text}"
        );
        let draft = &BROKEN[start as usize..end as usize];
        assert!(
            text.contains(draft),
            "[{variant}] the broken block changed:\n{text}"
        );
    }
}

#[test]
fn the_checks_catch_what_they_are_for() {
    let files: Files = vec![(
        "a.prisma".to_string(),
        "model A {\n  // keep me\n  id Int @id\n}\n".to_string(),
    )];
    let edit = |start: u32, end: u32, text: &str| TextEdit {
        span: prisma_analyzer::model::Span {
            start,
            end,
            ..Default::default()
        },
        new_text: text.to_string(),
    };
    // An insertion, and a replacement that writes most of its span back unchanged.
    let fine = [
        edit(29, 29, " @unique"),
        edit(0, 22, "model A {\n  // keep me"),
    ];
    let fixed = apply(&files, &fine).expect("applies");
    assert_eq!(
        outside_edits_unchanged(&files, &fixed, &fine),
        Vec::<String>::new()
    );
    // A fix that drops a comment.
    let dropping = [edit(10, 23, "")];
    let fixed = apply(&files, &dropping).expect("applies");
    assert_eq!(
        outside_edits_unchanged(&files, &fixed, &dropping),
        ["a.prisma: the comment \"// keep me\" is gone"]
    );
    // A text that does not come from its edits (as a wrong `apply_edits` would make).
    let wrong: Files = vec![(
        "a.prisma".to_string(),
        files[0].1.replace("id Int", "id  Int"),
    )];
    assert_eq!(
        outside_edits_unchanged(&files, &wrong, &fine[..1]),
        ["a.prisma: bytes outside the edits changed"]
    );
    // New errors are counted as a multiset.
    let before = ["x: a".to_string(), "x: a".to_string()];
    assert!(new_errors(&before, &before[..1]).is_empty());
    assert_eq!(new_errors(&before[..1], &before), ["x: a"]);
}

#[test]
fn added_opposite_relation_fields_make_the_schema_valid() {
    let path = common::fixtures_dir().join("fix-safety/missing_opposites.prisma");
    let text = std::fs::read_to_string(&path).expect("fixture");
    let files = vec![("missing_opposites.prisma".to_string(), text)];
    assert!(!our_errors(&files).is_empty(), "the fixture starts broken");
    let fixed = fixes::fix_all(&files, &Options::default());
    let fixed: Files = files
        .iter()
        .zip(&fixed.texts)
        .map(|((name, _), text)| (name.clone(), text.clone()))
        .collect();
    assert_eq!(our_errors(&fixed), Vec::<String>::new(), "{}", fixed[0].1);
    for wanted in [
        // Laid out with the other fields (`ide::fixes`).
        "  posts   Post[]\n",
        "  profile Profile?\n",
        "  reviews Review[] @relation(\"Reviews\")\n",
    ] {
        assert!(fixed[0].1.contains(wanted), "{wanted:?} in\n{}", fixed[0].1);
    }
    if let Some(dir) = common::reference_dir("the opposite-field fix against Prisma") {
        let verdicts = common::reference_verdicts(&dir, &[&fixed]);
        assert_eq!(verdicts[0]["6"]["valid"], true, "{}", verdicts[0]);
        assert_eq!(
            verdicts[0]["7"]["valid"], false,
            "Prisma 7 rejects `url` only"
        );
    }
}

#[test]
fn relation_fixes_make_their_schema_valid() {
    // Each fixture holds one mistake; its fix (unsafe ones too) must leave no error, for us
    // and for Prisma 6.
    let mut fixed_all: Vec<Files> = Vec::new();
    for name in [
        "one_to_one_not_unique.prisma",
        "references_not_unique.prisma",
    ] {
        let text = std::fs::read_to_string(common::fixtures_dir().join("fix-safety").join(name))
            .expect("fixture");
        let files: Files = vec![(name.to_string(), text)];
        let schema = build(&files);
        let fixes: Vec<_> = analysis::check(&schema)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .flat_map(|d| d.fixes)
            .collect();
        assert_eq!(fixes.len(), 1, "{name}: one fix expected, got {fixes:?}");
        let fixed = apply(&files, &fixes[0].edits).expect("edits apply");
        assert_eq!(
            our_errors(&fixed),
            Vec::<String>::new(),
            "{name}:\n{}",
            fixed[0].1
        );
        fixed_all.push(fixed);
    }
    if let Some(dir) = common::reference_dir("relation fixes against Prisma") {
        let schemas: Vec<&Files> = fixed_all.iter().collect();
        for verdict in common::reference_verdicts(&dir, &schemas) {
            assert_eq!(verdict["6"]["valid"], true, "{verdict}");
        }
    }
}

#[test]
fn mongodb_id_fixes_make_the_schema_valid() {
    let name = "mongodb_id_map.prisma";
    let text = std::fs::read_to_string(common::fixtures_dir().join("fix-safety").join(name))
        .expect("fixture");
    let files: Files = vec![(name.to_string(), text)];
    assert!(!our_errors(&files).is_empty(), "the fixture starts broken");
    let once = fixes::fix_all(&files, &Options::default());
    let fixed: Files = vec![(name.to_string(), once.texts[0].clone())];
    assert_eq!(our_errors(&fixed), Vec::<String>::new(), "{}", fixed[0].1);
    if let Some(dir) = common::reference_dir("MongoDB id fixes against Prisma") {
        let verdict = &common::reference_verdicts(&dir, &[&fixed])[0];
        assert_eq!(verdict["6"]["valid"], true, "{verdict}");
    }
}
