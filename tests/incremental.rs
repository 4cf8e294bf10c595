//! Incremental updates must be invisible: after any sequence of edits, an incrementally
//! re-parsed tree equals a full parse, and `FileModel::update` equals `FileModel::new`.

mod common;

use prisma_analyzer::analysis::{self, Analyzer};
use prisma_analyzer::ide;
use prisma_analyzer::model::{FileId, FileModel, Schema, SourceFile};
use prisma_analyzer::syntax::{self, ByteEdit};
use std::sync::Arc;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

const INSERTS: &[&str] = &[
    "a",
    "Int",
    " ",
    "\n",
    "\r\n",
    "@",
    "@id",
    "}",
    "{",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "?",
    "//",
    "///doc\n",
    "model X {\n  id Int @id\n}\n",
    "  email String @unique\n",
    "é",
    "😀",
    "@relation(fields: [",
    ",",
];

/// A random edit at a char boundary: delete a range, insert a fragment, or both.
fn random_edit(text: &str, rng: &mut Rng) -> (ByteEdit, String) {
    let boundary = |rng: &mut Rng| {
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let start = boundary(rng);
    let mut old_end = (start + rng.below(12)).min(text.len());
    while !text.is_char_boundary(old_end) {
        old_end -= 1;
    }
    let inserted = if rng.below(4) == 0 {
        ""
    } else {
        INSERTS[rng.below(INSERTS.len())]
    };
    let mut new_text = String::with_capacity(text.len() + inserted.len());
    new_text.push_str(&text[..start]);
    new_text.push_str(inserted);
    new_text.push_str(&text[old_end..]);
    (
        ByteEdit::replacing(text, start, old_end, inserted.len()),
        new_text,
    )
}

fn check_sequence(initial: &str, seed: u64, steps: usize) {
    let mut rng = Rng(seed);
    let mut text = initial.to_string();
    let mut model = FileModel::new(FileId(0), SourceFile::parse("schema.prisma", text.clone()));
    let mut analyzer = Analyzer::default();
    let mut token_cache = ide::TokenCache::default();
    for step in 0..steps {
        // A few edits between reparses, as a burst of keystrokes gives.
        let mut tree = model.source.tree.clone();
        let mut edits = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let (edit, new_text) = random_edit(&text, &mut rng);
            tree.edit(&edit.to_input_edit(&text, &new_text));
            edits.push(edit);
            text = new_text;
        }
        let new_tree = syntax::parse(&text, Some(&tree));
        let full_tree = syntax::parse(&text, None);
        assert_eq!(
            new_tree.root_node().to_sexp(),
            full_tree.root_node().to_sexp(),
            "seed {seed} step {step}: incremental parse differs from a full parse of:\n{text}"
        );
        model.update(
            SourceFile::from_parts("schema.prisma", text.clone(), new_tree),
            &edits,
        );
        let fresh = FileModel::new(FileId(0), SourceFile::parse("schema.prisma", text.clone()));
        assert!(
            model == fresh,
            "seed {seed} step {step}: incremental model differs from a full build after {edits:?} of:\n{text}"
        );
        // The analyzer's cache, fed the updated model, must agree with a fresh analysis.
        let updated = Schema::from_models(vec![Arc::new(model.clone())]);
        let fresh = Schema::from_models(vec![Arc::new(fresh)]);
        let cached = analyzer.check(&updated);
        let expected = analysis::check(&fresh);
        assert_eq!(
            cached, expected,
            "seed {seed} step {step}: cached analysis differs after {edits:?} of:\n{text}"
        );
        // So must the semantic tokens kept per block, and what the cursor asks for.
        assert_eq!(
            ide::semantic_tokens_cached(&updated, FileId(0), &mut token_cache),
            ide::semantic_tokens(&fresh, FileId(0)),
            "seed {seed} step {step}: cached semantic tokens differ after {edits:?} of:\n{text}"
        );
        let near_edits: Vec<usize> = edits.iter().map(|edit| edit.new_end).collect();
        compare_cursor_requests(&updated, &fresh, &text, &near_edits, &mut rng, |what| {
            format!("seed {seed} step {step}: {what} after {edits:?} of:\n{text}")
        });
    }
}

/// Hover and completion on the incrementally updated schema equal those on a fresh one: at
/// the edits (where a stale model would show first) and at random places.
fn compare_cursor_requests(
    updated: &Schema,
    fresh: &Schema,
    text: &str,
    near_edits: &[usize],
    rng: &mut Rng,
    context: impl Fn(&str) -> String,
) {
    let mut offsets: Vec<usize> = near_edits
        .iter()
        .flat_map(|&at| [at.saturating_sub(1), at, at + 2])
        .collect();
    offsets.extend((0..4).map(|_| rng.below(text.len() + 1)));
    for offset in offsets {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        assert_eq!(
            ide::hover(updated, FileId(0), offset as u32),
            ide::hover(fresh, FileId(0), offset as u32),
            "{}",
            context(&format!("hover at {offset} differs"))
        );
        assert_eq!(
            ide::complete(updated, FileId(0), offset),
            ide::complete(fresh, FileId(0), offset),
            "{}",
            context(&format!("completion at {offset} differs"))
        );
    }
}

#[test]
fn random_edit_sequences_match_full_rebuilds() {
    let example = include_str!("../examples/saas.prisma");
    for seed in 1..=40 {
        check_sequence(example, seed * 7919, 40);
    }
}

#[test]
fn random_edits_on_corpus_schemas() {
    let Some(shared) = common::shared_dir("incremental corpus test") else {
        return;
    };
    let files: Vec<_> = common::prisma_files(&shared.join("corpus/real"))
        .into_iter()
        .filter(|f| std::fs::metadata(f).is_ok_and(|m| m.len() < 30_000))
        .take(25)
        .collect();
    for (index, file) in files.iter().enumerate() {
        let text = std::fs::read_to_string(file).expect("UTF-8");
        check_sequence(&text, 1000 + index as u64, 15);
    }
}

#[test]
fn an_edit_inside_one_model_lowers_only_that_model() {
    let text = include_str!("../examples/saas.prisma").to_string();
    let mut model = FileModel::new(FileId(0), SourceFile::parse("schema.prisma", text.clone()));
    let blocks = model.blocks.len();
    // Type one character into a field name in the middle of the file.
    let at = text.find("  title ").expect("a title field") + 3;
    let new_text = format!("{}x{}", &text[..at], &text[at..]);
    let edit = ByteEdit {
        start: at,
        old_end: at,
        new_end: at + 1,
    };
    let mut tree = model.source.tree.clone();
    tree.edit(&edit.to_input_edit(&text, &new_text));
    let new_tree = syntax::parse(&new_text, Some(&tree));
    let lowered = model.update(
        SourceFile::from_parts("schema.prisma", new_text.clone(), new_tree),
        &[edit],
    );
    assert_eq!(
        lowered, 1,
        "of {blocks} blocks, only the edited one is lowered again"
    );
    assert_eq!(
        model,
        FileModel::new(FileId(0), SourceFile::parse("schema.prisma", new_text))
    );
}

/// The per-block caches keep what a block alone decides; the checks of one block also read
/// other blocks (an enum's values for a `@default`, an `@@ignore` on a relation's target, the
/// provider). Editing only those other blocks must still change the cached results.
#[test]
fn cached_block_checks_follow_what_they_read_elsewhere() {
    let initial = "datasource db {\n  provider = \"postgresql\"\n  url      = env(\"DATABASE_URL\")\n}\n\nenum Role {\n  ADMIN\n  USER\n}\n\nmodel Team {\n  id    Int    @id\n  code  String\n  coded User[] @relation(\"code\")\n  users User[]\n}\n\nmodel User {\n  id       Int    @id\n  role     Role   @default(USER)\n  name     String @db.VarChar(20)\n  teamId   Int\n  team     Team   @relation(fields: [teamId], references: [id])\n  teamCode String\n  codeTeam Team   @relation(\"code\", fields: [teamCode], references: [code])\n}\n";
    let steps: &[(&str, &str)] = &[
        // The enum loses the value User's default names.
        ("  USER\n", ""),
        ("  ADMIN\n", "  ADMIN\n  USER\n"),
        // The relation's target becomes ignored: the relation field must be too.
        ("  users User[]\n}", "  users User[]\n\n  @@ignore\n}"),
        ("\n  @@ignore\n}", "}"),
        // Another provider: `@db.VarChar` and the rest read differently.
        ("\"postgresql\"", "\"sqlite\""),
        ("\"sqlite\"", "\"postgresql\""),
        // The field a relation references (in another model) becomes unique, then changes
        // its type.
        ("  code  String\n", "  code  Int\n"),
        ("  code  Int\n", "  code  String @unique\n"),
        ("  code  String @unique\n", "  code  Int @unique\n"),
        // The datasource is renamed: `@db.` no longer names it.
        ("datasource db", "datasource main"),
    ];
    let changed = edit_and_compare(initial, steps);
    assert!(
        changed >= 5,
        "the steps should change the findings ({changed})"
    );
}

/// Applies each step (replace the first occurrence of `from` with `to`) incrementally and
/// compares a cached analysis with a fresh one; returns how many steps changed the findings.
fn edit_and_compare(initial: &str, steps: &[(&str, &str)]) -> usize {
    let mut text = initial.to_string();
    let mut model = FileModel::new(FileId(0), SourceFile::parse("schema.prisma", text.clone()));
    let mut analyzer = Analyzer::default();
    analyzer.check(&Schema::from_models(vec![Arc::new(model.clone())]));
    let mut changed = 0;
    let mut previous = analysis::check(&Schema::from_models(vec![Arc::new(model.clone())]));
    for (from, to) in steps {
        let start = text.find(from).expect("the step's text is there");
        let edit = ByteEdit {
            start,
            old_end: start + from.len(),
            new_end: start + to.len(),
        };
        let mut tree = model.source.tree.clone();
        let new_text = format!("{}{to}{}", &text[..start], &text[start + from.len()..]);
        tree.edit(&edit.to_input_edit(&text, &new_text));
        text = new_text;
        let new_tree = syntax::parse(&text, Some(&tree));
        model.update(
            SourceFile::from_parts("schema.prisma", text.clone(), new_tree),
            &[edit],
        );
        let cached = analyzer.check(&Schema::from_models(vec![Arc::new(model.clone())]));
        let fresh = analysis::check(&Schema::parse("schema.prisma", text.clone()));
        assert_eq!(
            cached, fresh,
            "after replacing {from:?} with {to:?}:\n{text}"
        );
        if fresh != previous {
            changed += 1;
        }
        previous = fresh;
    }
    changed
}

/// A block's `@map` clashes count only fields with a column: whether a field is a relation
/// depends on what its type names elsewhere, which the block's cached findings must follow.
#[test]
fn cached_map_clashes_follow_the_kind_of_the_types_they_name() {
    let initial = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Extra {\n  id Int @id\n}\n\nmodel User {\n  id     Int    @id\n  extraA Extra  @map(\"x\")\n  extraB String @map(\"x\")\n  note   String @default(\"a\\\\b\")\n}\n";
    let steps: &[(&str, &str)] = &[
        // `Extra` becomes an enum: `extraA` gets a column, and it clashes with `extraB`.
        ("model Extra {\n  id Int @id\n}", "enum Extra {\n  A\n}"),
        ("enum Extra {\n  A\n}", "model Extra {\n  id Int @id\n}"),
        // A string escape JSON does not have, then one it has.
        ("a\\\\b", "a\\qb"),
        ("a\\qb", "a\\nb"),
    ];
    let changed = edit_and_compare(initial, steps);
    assert!(
        changed >= 3,
        "the steps should change the findings ({changed})"
    );
}

/// What the relation passes read of a field that `references:` names in another model is
/// kept per referencing block (`referenced`): a change to that field alone, in the other
/// model, must reach it. `code` here is in no key or relation of `Team` itself (its unique
/// constraint is a block attribute), so only the reference follows it.
#[test]
fn cached_references_follow_the_field_they_name_in_another_model() {
    let initial = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Team {\n  id   Int    @id\n  code String\n\n  @@unique([code])\n}\n\nmodel User {\n  id       Int    @id\n  teamCode String\n  team     Team   @relation(fields: [teamCode], references: [code])\n}\n";
    let steps: &[(&str, &str)] = &[
        // The referenced field's type changes: the foreign key no longer matches it.
        ("  code String\n", "  code Int\n"),
        ("  code Int\n", "  code String\n"),
        // The referenced field goes, then comes back.
        ("  code String\n", "  kode String\n"),
        ("  kode String\n", "  code String\n"),
        // The model it is in is renamed away and back (the block of that name is gone).
        ("model Team {", "model Squad {"),
        ("model Squad {", "model Team {"),
    ];
    let changed = edit_and_compare(initial, steps);
    assert!(
        changed >= 4,
        "the steps should change the findings ({changed})"
    );
}

/// The pass caches keep a few recent results: typing a line goes back and forth between a
/// block that reads with an error and one that does not. Each result must be the one of its
/// own schema, also when it comes back from the cache.
#[test]
fn recent_pass_results_come_back_only_for_the_same_schema() {
    let initial = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel Team {\n  id    Int    @id\n  users User[]\n}\n\nmodel User {\n  id     Int  @id\n  teamId Int\n  team   Team @relation(fields: [teamId], references: [id])\n\n  @@index([teamId])\n}\n";
    let steps: &[(&str, &str)] = &[
        ("  @@index([teamId])", "  @@index([teamId]"),
        ("  @@index([teamId]", "  @@index([teamId])"),
        ("  @@index([teamId])", "  @@index([teamId, id])"),
        ("  @@index([teamId, id])", "  @@index([teamId, i])"),
        ("  @@index([teamId, i])", "  @@index([teamId, id])"),
        ("  @@index([teamId, id])", "  @@index([teamId])"),
        ("references: [id])", "references: [id]"),
        ("references: [id]", "references: [id])"),
        ("  teamId Int\n", "  teamId String\n"),
        ("  teamId String\n", "  teamId Int\n"),
    ];
    let changed = edit_and_compare(initial, steps);
    assert!(
        changed >= 6,
        "the steps should change the findings ({changed})"
    );
}

/// A 10,000-model schema (`../shared/bench/gen_schema.py`), as the benchmark opens it: bursts
/// of random edits, each compared with a fresh analysis (validation, as the server publishes
/// it on a keystroke), semantic tokens, hover and completion.
#[test]
fn random_bursts_on_a_generated_10k_model_schema() {
    let Some(shared) = common::shared_dir("10k-model incremental test") else {
        return;
    };
    let generated = std::process::Command::new("python3")
        .arg(shared.join("bench/gen_schema.py"))
        .args(["--models", "10000", "--prisma7"])
        .output();
    let text = match generated {
        Ok(output) if output.status.success() => {
            String::from_utf8(output.stdout).expect("the generator writes UTF-8")
        }
        other => {
            assert!(
                std::env::var_os("CI").is_none(),
                "python3 ../shared/bench/gen_schema.py failed on CI: {other:?}"
            );
            eprintln!(
                "SKIPPED 10k-model incremental test: python3 gen_schema.py failed: {other:?}"
            );
            return;
        }
    };
    let mut rng = Rng(20261208);
    let mut text = text;
    let mut model = Arc::new(FileModel::new(
        FileId(0),
        SourceFile::parse("schema.prisma", text.clone()),
    ));
    let mut analyzer = Analyzer::default();
    analyzer.validate(&Schema::from_models(vec![Arc::clone(&model)]));
    let mut token_cache = ide::TokenCache::default();
    ide::semantic_tokens_cached(
        &Schema::from_models(vec![Arc::clone(&model)]),
        FileId(0),
        &mut token_cache,
    );
    for burst in 0..4 {
        // A burst of edits close together, as typing gives, somewhere in the file.
        let mut tree = model.source.tree.clone();
        let mut edits = Vec::new();
        let around = rng.below(text.len());
        for _ in 0..1 + rng.below(4) {
            let window_start = around.saturating_sub(200).min(text.len());
            let window_end = (around + 200).min(text.len());
            let mut start = window_start + rng.below(window_end - window_start);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let inserted = INSERTS[rng.below(INSERTS.len())];
            let mut old_end = (start + rng.below(4)).min(text.len());
            while !text.is_char_boundary(old_end) {
                old_end -= 1;
            }
            let new_text = format!("{}{inserted}{}", &text[..start], &text[old_end..]);
            let edit = ByteEdit::replacing(&text, start, old_end, inserted.len());
            tree.edit(&edit.to_input_edit(&text, &new_text));
            edits.push(edit);
            text = new_text;
        }
        let new_tree = syntax::parse(&text, Some(&tree));
        Arc::make_mut(&mut model).update(
            SourceFile::from_parts("schema.prisma", text.clone(), new_tree),
            &edits,
        );
        let updated = Schema::from_models(vec![Arc::clone(&model)]);
        let fresh = Schema::parse("schema.prisma", text.clone());
        assert_eq!(
            analyzer.validate(&updated),
            Analyzer::default().validate(&fresh),
            "burst {burst}: cached validation differs after {edits:?}"
        );
        assert_eq!(
            ide::semantic_tokens_cached(&updated, FileId(0), &mut token_cache),
            ide::semantic_tokens(&fresh, FileId(0)),
            "burst {burst}: cached semantic tokens differ after {edits:?}"
        );
        let near_edits: Vec<usize> = edits.iter().map(|edit| edit.new_end).collect();
        compare_cursor_requests(&updated, &fresh, &text, &near_edits, &mut rng, |what| {
            format!("burst {burst}: {what} after {edits:?}")
        });
    }
}
