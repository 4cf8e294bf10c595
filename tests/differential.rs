//! Differential test: our verdict (does the schema have errors?) against Prisma's own
//! validators, the Prisma 6 and Prisma 7 engines (npm `@prisma/prisma-schema-wasm`, installed
//! into `.ci/reference` by `.ci/run`; skipped with a message elsewhere when missing).
//!
//! With the default target (`any`) a schema is valid when either release accepts it. The
//! inputs: every corpus schema, and a few hundred seeded mutations of them (a field removed,
//! a type or modifier changed, an attribute dropped or added, a referential action or the
//! provider swapped …) that exercise the validator beyond valid schemas.
//!
//! Every disagreement fails the test and is listed: an error where Prisma accepts the
//! schema, or a schema Prisma rejects and we accept (a missed rule).
//! `DIFFERENTIAL_DETAILS=1` prints every disagreement with Prisma's messages.

mod common;

use prisma_analyzer::analysis::{self, Severity};
use prisma_analyzer::cli::resolve_paths;
use prisma_analyzer::model::{Schema, SourceFile};
use serde_json::json;

/// Mutants per corpus schema.
const MUTANTS_PER_SCHEMA: usize = 25;

/// A small deterministic generator (xorshift), so the mutants are the same on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
}

const SCALARS: &[&str] = &[
    "String", "Int", "BigInt", "Float", "Decimal", "Boolean", "DateTime", "Json", "Bytes",
];
const ACTIONS: &[&str] = &["Cascade", "Restrict", "NoAction", "SetNull", "SetDefault"];
const PROVIDERS: &[&str] = &[
    "postgresql",
    "mysql",
    "sqlite",
    "sqlserver",
    "mongodb",
    "cockroachdb",
];
const ADDED_ATTRIBUTES: &[&str] = &[
    "@unique",
    "@id",
    "@default(now())",
    "@default(autoincrement())",
    "@default(uuid())",
    "@default(cuid())",
    "@default(\"x\")",
    "@default(1)",
    "@updatedAt",
    "@db.VarChar(300)",
    "@db.Text",
    "@db.Uuid",
    "@db.ObjectId",
    "@map(\"renamed\")",
    "@ignore",
];
const ADDED_BLOCK_ATTRIBUTES: &[&str] = &[
    "@@index([id])",
    "@@unique([id])",
    "@@index([doesNotExist])",
    "@@map(\"renamed\")",
    "@@ignore",
    "@@id([id])",
];

/// Lines that start a model block.
fn model_lines(lines: &[String]) -> Vec<usize> {
    (0..lines.len())
        .filter(|&i| lines[i].trim_start().starts_with("model "))
        .collect()
}

/// Lines inside a model block that declare a field (`name Type ...`).
fn field_lines(lines: &[String]) -> Vec<usize> {
    member_lines(
        lines,
        |header| header.starts_with("model ") && header.ends_with('{'),
        2,
    )
}

/// Lines inside the blocks whose header line `is_header` accepts that declare a member of at
/// least `words` words (not comments, blank lines or block attributes).
fn member_lines(lines: &[String], is_header: impl Fn(&str) -> bool, words: usize) -> Vec<usize> {
    let mut inside = false;
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if is_header(trimmed) {
            inside = true;
        } else if trimmed.starts_with('}') {
            inside = false;
        } else if inside
            && !trimmed.is_empty()
            && !trimmed.starts_with("//")
            && !trimmed.starts_with("@@")
            && trimmed.split_whitespace().count() >= words
        {
            found.push(index);
        }
    }
    found
}

/// One mutation of `text`, or `None` when the chosen one does not apply.
fn mutate(text: &str, random: &mut Random) -> Option<(String, String)> {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let fields = field_lines(&lines);
    let kind = random.below(19);
    let description;
    match kind {
        0 => {
            let &line = random.pick(&fields)?;
            description = format!("removed line {}", line + 1);
            lines.remove(line);
        }
        1 => {
            let &line = random.pick(&fields)?;
            let words: Vec<&str> = lines[line].split_whitespace().collect();
            let field_type = words.get(1)?.to_string();
            let toggled = if let Some(base) = field_type.strip_suffix('?') {
                base.to_string()
            } else if field_type.ends_with("[]") {
                field_type.trim_end_matches("[]").to_string()
            } else {
                format!("{field_type}?")
            };
            description = format!("line {}: {field_type} → {toggled}", line + 1);
            lines[line] = lines[line].replacen(&field_type, &toggled, 1);
        }
        2 => {
            let &line = random.pick(&fields)?;
            let words: Vec<&str> = lines[line].split_whitespace().collect();
            let field_type = words.get(1)?.to_string();
            let base = field_type.trim_end_matches(['?', '[', ']']);
            let scalar = random.pick(SCALARS)?;
            description = format!("line {}: {base} → {scalar}", line + 1);
            lines[line] = lines[line].replacen(base, scalar, 1);
        }
        3 => {
            let candidates: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains(" @unique") || lines[i].contains(" @id"))
                .collect();
            let &line = random.pick(&candidates)?;
            let attribute = if lines[line].contains(" @unique") {
                " @unique"
            } else {
                " @id"
            };
            description = format!("line {}: dropped{attribute}", line + 1);
            lines[line] = lines[line].replacen(attribute, "", 1);
        }
        4 => {
            let candidates: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains("onDelete:") || lines[i].contains("onUpdate:"))
                .collect();
            let &line = random.pick(&candidates)?;
            let action = random.pick(ACTIONS)?;
            let current = ACTIONS.iter().find(|a| lines[line].contains(*a))?;
            description = format!("line {}: {current} → {action}", line + 1);
            lines[line] = lines[line].replacen(current, action, 1);
        }
        5 => {
            let &line = random.pick(&fields)?;
            description = format!("duplicated line {}", line + 1);
            let copy = lines[line].clone();
            lines.insert(line, copy);
        }
        6 => {
            let models = model_lines(&lines);
            let &line = random.pick(&models)?;
            let name = lines[line].split_whitespace().nth(1)?.to_string();
            description = format!("renamed model {name}");
            lines[line] = lines[line].replacen(&name, &format!("{name}Renamed"), 1);
        }
        7 => {
            let &line = random.pick(&fields)?;
            let attribute = random.pick(ADDED_ATTRIBUTES)?;
            description = format!("line {}: added {attribute}", line + 1);
            lines[line] = format!("{} {attribute}", lines[line].trim_end());
        }
        8 => {
            let ends: Vec<usize> = (1..lines.len())
                .filter(|&i| lines[i].trim() == "}" && !fields.is_empty())
                .filter(|&i| fields.iter().any(|&f| f < i && f + 40 > i))
                .collect();
            let &line = random.pick(&ends)?;
            let attribute = random.pick(ADDED_BLOCK_ATTRIBUTES)?;
            description = format!("line {}: added {attribute}", line + 1);
            lines.insert(line, format!("  {attribute}"));
        }
        9 => {
            let line = lines
                .iter()
                .position(|l| l.trim_start().starts_with("provider") && l.contains('"'))
                .filter(|&i| {
                    lines[..i]
                        .iter()
                        .rev()
                        .find(|l| {
                            l.trim_start().starts_with("datasource")
                                || l.trim_start().starts_with("generator")
                        })
                        .is_some_and(|l| l.trim_start().starts_with("datasource"))
                })?;
            let provider = random.pick(PROVIDERS)?;
            description = format!("provider → {provider}");
            lines[line] = format!("  provider = \"{provider}\"");
        }
        10 => {
            let &line = random.pick(&fields)?;
            let words: Vec<&str> = lines[line].split_whitespace().collect();
            let field_type = words.get(1)?.to_string();
            let base = field_type.trim_end_matches(['?', '[', ']']);
            description = format!("line {}: {field_type} → {base}[]", line + 1);
            lines[line] = lines[line].replacen(&field_type, &format!("{base}[]"), 1);
        }
        11 => {
            // Drop a whole `@relation(...)` attribute.
            let candidates: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains("@relation("))
                .collect();
            let &line = random.pick(&candidates)?;
            let start = lines[line].find("@relation(")?;
            let mut depth = 0;
            let mut end = None;
            for (offset, c) in lines[line][start..].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            end = Some(start + offset + 1);
                            break;
                        }
                    }
                    _ => {}
                }
            }
            description = format!("line {}: dropped @relation", line + 1);
            lines[line].replace_range(start..end?, "");
        }
        12 => {
            // The datasource gains `relationMode = "prisma"`.
            let line = lines
                .iter()
                .position(|l| l.trim_start().starts_with("datasource"))?;
            description = "relationMode = prisma".to_string();
            lines.insert(line + 1, "  relationMode = \"prisma\"".to_string());
        }
        13 => {
            // A model becomes a view.
            let models = model_lines(&lines);
            let &line = random.pick(&models)?;
            description = format!("line {}: model → view", line + 1);
            lines[line] = lines[line].replacen("model ", "view ", 1);
        }
        14 => {
            // An enum value that starts with a digit, or a duplicated value.
            let values = member_lines(&lines, |header| header.starts_with("enum "), 1);
            let &line = random.pick(&values)?;
            if random.below(2) == 0 {
                description = format!("line {}: enum value starts with a digit", line + 1);
                let indent = lines[line].len() - lines[line].trim_start().len();
                lines[line].insert(indent, '1');
            } else {
                description = format!("duplicated enum value line {}", line + 1);
                let copy = lines[line].clone();
                lines.insert(line, copy);
            }
        }
        15 => {
            // Two models mapped to one table.
            let models = model_lines(&lines);
            let &line = random.pick(&models)?;
            let end = (line..lines.len()).find(|&i| lines[i].trim() == "}")?;
            let table = lines
                .iter()
                .find_map(|l| l.trim().strip_prefix("@@map(").map(str::to_string))
                .unwrap_or_else(|| "\"users\")".to_string());
            description = format!("line {}: @@map({table}", end + 1);
            lines.insert(end, format!("  @@map({table}"));
        }
        16 => {
            // A field named like a reserved word or with a leading digit.
            let &line = random.pick(&fields)?;
            let name = lines[line].split_whitespace().next()?.to_string();
            let replacement = *random.pick(&["1field", "select", "AND", "_count", "field-name"])?;
            description = format!("line {}: field {name} → {replacement}", line + 1);
            lines[line] = lines[line].replacen(&name, replacement, 1);
        }
        17 => {
            // A line break inside an attribute's arguments (Prisma reads them on one line).
            let candidates: Vec<usize> = (0..lines.len())
                .filter(|&i| {
                    let line = &lines[i];
                    !line.trim_start().starts_with("//")
                        && line
                            .find('(')
                            .is_some_and(|open| line[open..].contains(", "))
                })
                .collect();
            let &line = random.pick(&candidates)?;
            description = format!("line {}: line break inside an attribute", line + 1);
            let open = lines[line].find('(')?;
            let comma = open + lines[line][open..].find(", ")?;
            lines[line].replace_range(comma..comma + 2, ",\n    ");
        }
        _ => {
            let candidates: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].contains("references: ["))
                .collect();
            let &line = random.pick(&candidates)?;
            description = format!("line {}: references → [name]", line + 1);
            let start = lines[line].find("references: [")? + "references: [".len();
            let end = start + lines[line][start..].find(']')?;
            lines[line].replace_range(start..end, "name");
        }
    }
    let mut mutated = lines.join("\n");
    mutated.push('\n');
    (mutated != text).then_some((mutated, description))
}

struct Case {
    name: String,
    files: Vec<(String, String)>,
}

fn our_errors(files: &[(String, String)]) -> Vec<String> {
    let schema = Schema::new(
        files
            .iter()
            .map(|(name, text)| SourceFile::parse(name.clone(), text.clone()))
            .collect(),
    );
    analysis::check(&schema)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let file = schema.file(d.span.file);
            let line = file.line_index.line_of(d.span.start as usize) + 1;
            format!("{}:{line} {} {}", file.name, d.code, d.message)
        })
        .collect()
}

#[test]
fn verdicts_agree_with_prismas_validators() {
    let Some(shared) = common::shared_dir("differential test") else {
        return;
    };
    let Some(reference) = common::reference_dir("differential test") else {
        return;
    };
    let details = std::env::var_os("DIFFERENTIAL_DETAILS").is_some();
    let corpus = shared.join("corpus/real");
    let (inputs, errors) = resolve_paths(std::slice::from_ref(&corpus));
    assert!(errors.is_empty(), "{errors:?}");
    let mut cases: Vec<Case> = Vec::new();
    let mut random = Random(0x7777_1234_abcd_0099);
    for input in &inputs {
        let files: Vec<(String, String)> = input
            .files
            .iter()
            .map(|path| {
                let name = path
                    .strip_prefix(&corpus)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .to_string();
                (name, std::fs::read_to_string(path).expect("corpus file"))
            })
            .collect();
        let schema_name = files[0].0.clone();
        cases.push(Case {
            name: schema_name.clone(),
            files: files.clone(),
        });
        // Mutants of single-file schemas (a mutation in one file of many is still useful,
        // but single files keep the listing readable).
        if files.len() != 1 {
            continue;
        }
        let mut made = 0;
        let mut attempts = 0;
        while made < MUTANTS_PER_SCHEMA && attempts < 50 {
            attempts += 1;
            if let Some((text, description)) = mutate(&files[0].1, &mut random) {
                made += 1;
                cases.push(Case {
                    name: format!("{schema_name} [{description}]"),
                    files: vec![(files[0].0.clone(), text)],
                });
            }
        }
    }
    let verdicts = common::reference_verdicts(
        &reference,
        &cases.iter().map(|c| &c.files).collect::<Vec<_>>(),
    );
    assert_eq!(verdicts.len(), cases.len());

    let mut false_errors = Vec::new();
    let mut missed = Vec::new();
    let (mut corpus_cases, mut mutants, mut agree) = (0, 0, 0);
    for (case, verdict) in cases.iter().zip(&verdicts) {
        let is_mutant = case.name.ends_with(']');
        if is_mutant {
            mutants += 1;
        } else {
            corpus_cases += 1;
        }
        let prisma_accepts =
            verdict["6"]["valid"] == json!(true) || verdict["7"]["valid"] == json!(true);
        let ours = our_errors(&case.files);
        let prisma_errors = || {
            verdict["6"]["errors"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|e| {
                    format!(
                        "  Prisma 6: line {} {}",
                        e["line"],
                        e["message"].as_str().unwrap_or_default()
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        match (prisma_accepts, ours.is_empty()) {
            (true, true) | (false, false) => agree += 1,
            (true, false) => false_errors.push(format!(
                "{}\n  ours: {}",
                case.name,
                ours.join("\n  ours: ")
            )),
            (false, true) => missed.push(format!("{}\n{}", case.name, prisma_errors())),
        }
    }
    println!(
        "differential: {} corpus schemas and {mutants} mutants; verdicts agree on {agree} of {} ({:.1}%); {} false errors, {} missed",
        corpus_cases,
        cases.len(),
        100.0 * agree as f64 / cases.len() as f64,
        false_errors.len(),
        missed.len()
    );
    if details {
        for case in &missed {
            println!("MISSED {case}");
        }
    }
    assert!(
        false_errors.is_empty(),
        "errors where Prisma accepts the schema:\n{}",
        false_errors.join("\n")
    );
    assert!(
        missed.is_empty(),
        "schemas Prisma rejects and we accept:\n{}",
        missed.join("\n")
    );
}
