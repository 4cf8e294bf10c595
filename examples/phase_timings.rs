//! Times each phase of `check` on one schema: `cargo run --release --example phase_timings -- FILE`.

use prisma_analyzer::{
    analysis,
    model::{Schema, SourceFile},
    syntax,
};
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: phase_timings FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(2);
        }
    };
    // PHASE_CACHED_CHECK=1 times what an edit pays for analysis: a warm Analyzer (every block
    // cached) run again over the same schema.
    if std::env::var_os("PHASE_CACHED_CHECK").is_some() {
        let schema = Schema::parse(path.clone(), text.clone());
        let mut analyzer = analysis::Analyzer::default();
        analyzer.check(&schema);
        let start = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(analyzer.check(&schema));
        }
        println!(
            "warm analysis: {:.2} ms",
            start.elapsed().as_secs_f64() * 1e3 / 20.0
        );
        return;
    }
    // PHASE_MEMORY=1 prints the resident memory after each phase.
    if std::env::var_os("PHASE_MEMORY").is_some() {
        let rss = || {
            std::fs::read_to_string("/proc/self/status")
                .ok()
                .and_then(|s| {
                    s.lines()
                        .find(|l| l.starts_with("VmRSS:"))
                        .map(str::to_string)
                })
                .unwrap_or_default()
        };
        println!("text read:    {}", rss());
        let tree = syntax::parse(&text, None);
        println!("parsed:       {}", rss());
        let schema = Schema::new(vec![SourceFile::from_parts(
            path.clone(),
            text.clone(),
            tree,
        )]);
        println!("model built:  {}", rss());
        let diagnostics = analysis::check(&schema);
        println!(
            "analysed:     {} ({} diagnostics)",
            rss(),
            diagnostics.len()
        );
        return;
    }
    // PHASE_TYPING=N types N characters of new field lines into a model in the middle of the
    // file, one keystroke at a time (as `../shared/bench/lspbench.py` does), and times what the
    // server does per keystroke: re-parse, model update, validation.
    if let Some(keystrokes) = std::env::var("PHASE_TYPING")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
    {
        typing(&path, text, keystrokes);
        return;
    }
    // PHASE_PARTS=1 times the pieces of an incremental update: the line index, and moving
    // every block by one byte.
    if std::env::var_os("PHASE_PARTS").is_some() {
        let start = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(prisma_analyzer::syntax::LineIndex::new(&text));
        }
        println!(
            "LineIndex::new: {:.2} ms",
            start.elapsed().as_secs_f64() * 1e3 / 20.0
        );
        let mut model = prisma_analyzer::model::FileModel::new(
            prisma_analyzer::model::FileId(0),
            SourceFile::parse(path.clone(), text.clone()),
        );
        let start = Instant::now();
        for round in 0..20 {
            let delta = if round % 2 == 0 { 1 } else { -1 };
            model.shift_all_for_timing(delta);
        }
        println!(
            "shift every block: {:.2} ms",
            start.elapsed().as_secs_f64() * 1e3 / 20.0
        );
        // One character typed in the middle of the file, many times (PHASE_KEYSTROKES=N).
        let rounds: u32 = std::env::var("PHASE_KEYSTROKES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(20);
        let at = text.len() / 2;
        let at = text[at..].find("\n  ").map_or(at, |i| at + i + 3);
        let (mut parse_ms, mut source_ms, mut update_ms, mut analysis_ms) = (0.0, 0.0, 0.0, 0.0);
        let mut current = text.clone();
        let mut analyzer = analysis::Analyzer::default();
        analyzer.check(&Schema::from_models(vec![std::sync::Arc::new(
            model.clone(),
        )]));
        for round in 0..rounds {
            let (new_text, edit) = if round % 2 == 0 {
                let new_text = format!("{}x{}", &current[..at], &current[at..]);
                (
                    new_text,
                    prisma_analyzer::syntax::ByteEdit {
                        start: at,
                        old_end: at,
                        new_end: at + 1,
                    },
                )
            } else {
                let new_text = format!("{}{}", &current[..at], &current[at + 1..]);
                (
                    new_text,
                    prisma_analyzer::syntax::ByteEdit {
                        start: at,
                        old_end: at + 1,
                        new_end: at,
                    },
                )
            };
            let mut tree = model.source.tree.clone();
            tree.edit(&edit.to_input_edit(&current, &new_text));
            let start = Instant::now();
            let new_tree = prisma_analyzer::syntax::parse(&new_text, Some(&tree));
            let parsed = start.elapsed();
            let source = SourceFile::from_parts(path.clone(), new_text.clone(), new_tree);
            let sourced = start.elapsed();
            model.update(source, &[edit]);
            parse_ms += parsed.as_secs_f64() * 1e3;
            source_ms += (sourced - parsed).as_secs_f64() * 1e3;
            update_ms += (start.elapsed() - sourced).as_secs_f64() * 1e3;
            let schema = Schema::from_models(vec![std::sync::Arc::new(model.clone())]);
            let analysed = Instant::now();
            // What the server does on a keystroke: validation (the advice is remembered).
            std::hint::black_box(analyzer.validate(&schema));
            analysis_ms += analysed.elapsed().as_secs_f64() * 1e3;
            current = new_text;
        }
        let n = f64::from(rounds);
        println!(
            "keystroke: parse {:.2} ms, source + line index {:.2} ms, model update {:.2} ms, validation {:.2} ms",
            parse_ms / n,
            source_ms / n,
            update_ms / n,
            analysis_ms / n
        );
        return;
    }
    // PHASE_REPEAT_CHECK=N re-runs only the analysis N times (for profiling it).
    if let Some(repeat) = std::env::var("PHASE_REPEAT_CHECK")
        .ok()
        .and_then(|n| n.parse::<u32>().ok())
    {
        let schema = Schema::parse(path.clone(), text.clone());
        let start = Instant::now();
        let mut total = 0;
        for _ in 0..repeat {
            total += analysis::check(&schema).len();
        }
        println!(
            "check x{repeat}: {:.1} ms each ({total} diagnostics)",
            start.elapsed().as_secs_f64() * 1e3 / f64::from(repeat)
        );
        return;
    }
    for _ in 0..3 {
        let start = Instant::now();
        let tree = syntax::parse(&text, None);
        let parsed = start.elapsed();
        let copied = text.clone();
        let walked = start.elapsed();
        // Lowering the model also finds the syntax errors (one walk of the tree).
        let schema = Schema::new(vec![SourceFile::from_parts(path.clone(), copied, tree)]);
        let lowered = start.elapsed();
        let errors: usize = schema
            .file_ids()
            .map(|id| schema.syntax_errors(id).len())
            .sum();
        let diagnostics = analysis::check(&schema);
        let checked = start.elapsed();
        println!(
            "parse {:>6.1} ms | copy text {:>6.1} ms | model + syntax errors {:>6.1} ms | check {:>6.1} ms | total {:>6.1} ms ({} syntax errors, {} diagnostics)",
            parsed.as_secs_f64() * 1e3,
            (walked - parsed).as_secs_f64() * 1e3,
            (lowered - walked).as_secs_f64() * 1e3,
            (checked - lowered).as_secs_f64() * 1e3,
            checked.as_secs_f64() * 1e3,
            errors,
            diagnostics.len()
        );
    }
}

fn typing(path: &str, text: String, keystrokes: usize) {
    use prisma_analyzer::model::FileModel;
    use prisma_analyzer::syntax::ByteEdit;
    // Shared with each analysed schema, as the server's documents share theirs: updated in
    // place once the schema is dropped.
    let mut model = std::sync::Arc::new(FileModel::new(
        prisma_analyzer::model::FileId(0),
        SourceFile::parse(path, text.clone()),
    ));
    let middle = model.blocks.len() / 2;
    let Some(block) = model.blocks[middle..]
        .iter()
        .find(|b| b.kind == prisma_analyzer::model::BlockKind::Model)
    else {
        eprintln!("no model in the second half of the file");
        return;
    };
    // The end of the model's last field line: where new lines are typed.
    let mut at = text[..block.span.end as usize].rfind('\n').unwrap_or(0);
    let mut analyzer = analysis::Analyzer::default();
    let schema = Schema::from_models(vec![std::sync::Arc::clone(&model)]);
    analyzer.validate(&schema);
    drop(schema);
    let lines = [
        "\n  benchField String? @db.VarChar(64)",
        "\n  benchCount Int @default(0)",
        "\n  benchFlag Boolean @default(false)",
    ];
    let typed: String = lines
        .iter()
        .cycle()
        .take(keystrokes)
        .flat_map(|l| l.chars())
        .take(keystrokes)
        .collect();
    let mut current = text;
    let mut samples: Vec<[f64; 5]> = Vec::new();
    for ch in typed.chars() {
        let mut new_text = current.clone();
        new_text.insert(at, ch);
        let edit = ByteEdit {
            start: at,
            old_end: at,
            new_end: at + ch.len_utf8(),
        };
        let mut tree = model.source.tree.clone();
        tree.edit(&edit.to_input_edit(&current, &new_text));
        let start = Instant::now();
        let new_tree = prisma_analyzer::syntax::parse(&new_text, Some(&tree));
        let parsed = start.elapsed();
        let source = SourceFile::from_parts(path, new_text.clone(), new_tree);
        let sourced = start.elapsed();
        std::sync::Arc::make_mut(&mut model).update(source, &[edit]);
        let updated = start.elapsed();
        let schema = Schema::from_models(vec![std::sync::Arc::clone(&model)]);
        let cloned = start.elapsed();
        std::hint::black_box(analyzer.validate(&schema));
        let validated = start.elapsed();
        drop(schema);
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        samples.push([
            ms(parsed),
            ms(updated - sourced),
            ms(validated - cloned),
            ms(validated - cloned + updated - sourced + parsed),
            ms(cloned - updated),
        ]);
        at += ch.len_utf8();
        current = new_text;
    }
    let percentile = |index: usize, q: f64| {
        let mut values: Vec<f64> = samples.iter().map(|s| s[index]).collect();
        values.sort_by(f64::total_cmp);
        values[((values.len() - 1) as f64 * q) as usize]
    };
    for (index, name) in [
        "re-parse",
        "model update",
        "validation",
        "sum",
        "schema index",
    ]
    .iter()
    .enumerate()
    {
        println!(
            "{name:>13}: p50 {:.2} ms, p99 {:.2} ms",
            percentile(index, 0.5),
            percentile(index, 0.99)
        );
    }
}
