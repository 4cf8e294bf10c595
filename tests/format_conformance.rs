//! Formatting conformance: our formatter against Prisma's reformat pairs
//! (`../shared/conformance/reformat/`) and against Prisma's own formatter on the real-world
//! corpus (`../shared/corpus/real/`, via `.ci/reference/format.js`).

mod common;

use prisma_analyzer::ide::format_file;
use prisma_analyzer::model::{Schema, SourceFile};
use std::path::Path;

/// Pairs that agree at least this often (ratchet: raise it, never lower it).
const CONFORMANCE_AGREE_AT_LEAST: usize = 85;
/// Corpus schemas formatted identically to Prisma at least this often.
const CORPUS_AGREE_AT_LEAST: usize = 160;

/// Formats every file of a schema; `None` for a file we refuse to format.
fn format_all(files: &[(String, String)]) -> Vec<(String, Option<String>)> {
    let schema = Schema::new(
        files
            .iter()
            .map(|(name, text)| SourceFile::parse(name.clone(), text.clone()))
            .collect(),
    );
    schema
        .file_ids()
        .zip(files)
        .map(|(id, (name, _))| (name.clone(), format_file(&schema, id)))
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("readable file")
}

/// The first line where `ours` and `expected` differ, for the report.
fn first_difference(ours: &str, expected: &str) -> String {
    for (line, (a, b)) in ours.lines().zip(expected.lines()).enumerate() {
        if a != b {
            return format!("line {}: ours {a:?}, expected {b:?}", line + 1);
        }
    }
    format!(
        "lengths differ: ours {} lines, expected {} lines",
        ours.lines().count(),
        expected.lines().count()
    )
}

#[test]
fn reformat_pairs_agree_with_prisma() {
    let Some(shared) = common::shared_dir("format conformance") else {
        return;
    };
    let root = shared.join("conformance/reformat");
    let cases = read(&root.join("cases.jsonl"));
    let mut agree = 0;
    let mut total = 0;
    let mut differences = Vec::new();
    for line in cases.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).expect("JSON case");
        let id = case["id"].as_str().unwrap_or_default().to_string();
        let strings = |value: &serde_json::Value| -> Vec<String> {
            value
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        };
        let inputs = strings(&case["input"]);
        let expected = strings(&case["expected"]);
        // (file name, input text, expected text)
        let mut files: Vec<(String, String, String)> = Vec::new();
        if case["kind"] == "multi_file" {
            for (input, output) in inputs.iter().zip(&expected) {
                let name = input.rsplit('/').next().unwrap_or(input).to_string();
                files.push((name, read(&root.join(input)), read(&root.join(output))));
            }
        } else {
            files.push((
                "schema.prisma".to_string(),
                read(&root.join(&inputs[0])),
                read(&root.join(&expected[0])),
            ));
        }
        total += 1;
        let sources: Vec<(String, String)> = files
            .iter()
            .map(|(n, t, _)| (n.clone(), t.clone()))
            .collect();
        let ours = format_all(&sources);
        let mut problem = None;
        for ((name, formatted), (_, input, want)) in ours.iter().zip(&files) {
            // Upstream answers a schema that does not parse unchanged.
            let formatted = formatted.clone().unwrap_or_else(|| input.clone());
            if &formatted != want {
                problem = Some(format!("{name}: {}", first_difference(&formatted, want)));
                break;
            }
        }
        match problem {
            None => agree += 1,
            Some(problem) => differences.push(format!("{id}: {problem}")),
        }
    }
    println!("reformat pairs: {agree} of {total} agree");
    for difference in &differences {
        println!("  differs: {difference}");
    }
    assert!(
        agree >= CONFORMANCE_AGREE_AT_LEAST,
        "only {agree} of {total} reformat pairs agree (at least {CONFORMANCE_AGREE_AT_LEAST} did)"
    );
}

#[test]
fn corpus_agrees_with_prismas_formatter() {
    let Some(shared) = common::shared_dir("format corpus") else {
        return;
    };
    let Some(reference) = common::reference_dir("format corpus") else {
        return;
    };
    let paths = common::prisma_files(&shared.join("corpus/real"));
    let schemas: Vec<Vec<(String, String)>> = paths
        .iter()
        .map(|path| vec![("schema.prisma".to_string(), read(path))])
        .collect();
    let references = reference_formats(&reference, &schemas);
    let mut agree = 0;
    let mut compared = 0;
    let mut differences = Vec::new();
    for ((path, files), reference) in paths.iter().zip(&schemas).zip(&references) {
        // Prisma formats only what it parses; those schemas are out of scope.
        let Some(expected) = reference
            .as_array()
            .and_then(|files| files.first())
            .and_then(|file| file.get(1))
            .and_then(|text| text.as_str())
        else {
            continue;
        };
        compared += 1;
        let ours = format_all(files).remove(0).1;
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        match ours {
            Some(ours) if ours == expected => agree += 1,
            Some(ours) => {
                differences.push(format!("{name}: {}", first_difference(&ours, expected)))
            }
            None => differences.push(format!("{name}: we refused to format it")),
        }
    }
    println!("corpus: {agree} of {compared} schemas formatted like Prisma");
    for difference in &differences {
        println!("  differs: {difference}");
    }
    assert!(
        agree >= CORPUS_AGREE_AT_LEAST,
        "only {agree} of {compared} corpus schemas agree (at least {CORPUS_AGREE_AT_LEAST} did)"
    );
}

/// Prisma's formatting of each schema (`.ci/reference/format.js`), from one node run.
fn reference_formats(dir: &Path, schemas: &[Vec<(String, String)>]) -> Vec<serde_json::Value> {
    common::run_reference_script(dir, "format.js", schemas)
}

#[test]
fn formatting_is_idempotent() {
    let Some(shared) = common::shared_dir("format idempotence") else {
        return;
    };
    let mut paths = common::prisma_files(&shared.join("corpus/real"));
    paths.extend(common::prisma_files(&shared.join("conformance/reformat")));
    let mut checked = 0;
    for path in paths {
        let files = vec![("schema.prisma".to_string(), read(&path))];
        let Some(once) = format_all(&files).remove(0).1 else {
            continue;
        };
        let twice = format_all(&[("schema.prisma".to_string(), once.clone())])
            .remove(0)
            .1;
        if let Some(twice) = &twice {
            assert!(
                twice == &once,
                "formatting {} twice changes it: {}",
                path.display(),
                first_difference(twice, &once)
            );
        }
        checked += 1;
    }
    println!("idempotent on {checked} files");
    assert!(checked > 0);
}

#[test]
fn a_block_with_a_syntax_error_is_kept_byte_for_byte() {
    let broken = "model Broken {\n  id Int @id\n  name String @default(\"x\n    other    Int\n}\n";
    let input = format!("model A {{\n  id Int @id\n  longerName   String\n}}\n\n\n{broken}");
    let ours = format_all(&[("schema.prisma".to_string(), input)])
        .remove(0)
        .1
        .expect("the file is formatted around the broken block");
    assert_eq!(
        ours,
        format!("model A {{\n  id         Int    @id\n  longerName String\n}}\n\n{broken}")
    );
}

#[test]
fn relation_pieces_are_added_only_to_a_schema_that_reads_cleanly() {
    let clean = "model User {\n  id Int @id\n}\n\nmodel Post {\n  id Int @id\n  author User\n}\n";
    let ours = format_all(&[("schema.prisma".to_string(), clean.to_string())])
        .remove(0)
        .1
        .expect("formatted");
    assert_eq!(
        ours,
        "model User {\n  id    Int    @id\n  posts Post[]\n}\n\nmodel Post {\n  id     Int  @id\n  author User @relation(fields: [userId], references: [id])\n  userId Int\n}\n"
    );
    // Prisma completes nothing in a schema it cannot read (here: an unknown type).
    let unknown_type = format!("{clean}\nmodel Tag {{\n  id Int @id\n  kind Kind\n}}\n");
    let ours = format_all(&[("schema.prisma".to_string(), unknown_type)])
        .remove(0)
        .1
        .expect("formatted");
    assert!(!ours.contains("@relation"), "{ours}");
    assert!(!ours.contains("posts"), "{ours}");
}

/// Half-typed and broken schemas (seeded mutations of the corpus: deleted ranges, inserted
/// brackets, quotes, attributes and relation fields) never make the formatter panic, and
/// what it formats keeps every comment of the input.
#[test]
fn mutated_schemas_never_panic_and_keep_their_comments() {
    let Some(shared) = common::shared_dir("format mutations") else {
        return;
    };
    const PIECES: [&str; 10] = [
        "{",
        "}",
        "(",
        ")",
        "\"",
        "@relation",
        "\n  other Other[]\n",
        "@@id([",
        "?",
        "\n",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |bound: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % bound.max(1) as u64) as usize
    };
    let mut formatted = 0;
    for path in common::prisma_files(&shared.join("corpus/real")) {
        let original = read(&path);
        for _ in 0..8 {
            let mut text = original.clone();
            let mut at = next(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            if next(2) == 0 {
                let mut end = (at + next(40)).min(text.len());
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                text.replace_range(at..end, "");
            } else {
                text.insert_str(at, PIECES[next(PIECES.len())]);
            }
            let Some(ours) = format_all(&[("schema.prisma".to_string(), text.clone())])
                .remove(0)
                .1
            else {
                continue;
            };
            formatted += 1;
            let comments = |t: &str| {
                t.lines()
                    .filter(|l| l.trim_start().starts_with("//"))
                    .count()
            };
            assert!(
                comments(&ours) >= comments(&text),
                "{}: a comment was lost formatting\n{text}",
                path.display()
            );
        }
    }
    assert!(formatted > 0);
}
