//! Latency of the cursor requests (definition, references, hover) at many offsets of a
//! schema, and of the whole-file requests (formatting, semantic tokens, inlay hints): `cargo run --release --example ide_timings -- FILE`.

use prisma_analyzer::ide;
use prisma_analyzer::model::{FileId, Schema};
use std::time::Instant;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or(0.0)
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: ide_timings FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(2);
        }
    };
    let schema = Schema::parse(path.clone(), text.clone());
    let file = FileId(0);
    // 500 offsets spread over the file, on the start of words.
    let offsets: Vec<u32> = (0..500)
        .map(|i| (text.len() * i / 500) as u32)
        .map(|o| {
            let rest = &text[o as usize..];
            o + rest.find(|c: char| c.is_alphabetic()).unwrap_or(0) as u32
        })
        .collect();
    let report = |name: &str, run: &dyn Fn(u32)| {
        let mut times: Vec<f64> = offsets
            .iter()
            .map(|&offset| {
                let started = Instant::now();
                run(offset);
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{name:12} p50 {:.3} ms  p99 {:.3} ms  max {:.3} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.last().copied().unwrap_or(0.0)
        );
    };
    report("definition", &|offset| {
        std::hint::black_box(ide::definition(&schema, file, offset));
    });
    report("references", &|offset| {
        std::hint::black_box(ide::references(&schema, file, offset, true));
    });
    // `IDE_SLOWEST=1`: the five slowest reference searches, with what they looked for.
    if std::env::var_os("IDE_SLOWEST").is_some() {
        let mut slow: Vec<(f64, u32)> = offsets
            .iter()
            .map(|&offset| {
                let started = Instant::now();
                std::hint::black_box(ide::references(&schema, file, offset, true));
                (started.elapsed().as_secs_f64() * 1000.0, offset)
            })
            .collect();
        slow.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (ms, offset) in slow.iter().take(5) {
            let word: String = text[*offset as usize..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            let found = ide::references(&schema, file, *offset, true).len();
            println!("slow references: {ms:.3} ms on `{word}` ({found} found)");
        }
    }
    report("hover", &|offset| {
        std::hint::black_box(ide::hover(&schema, file, offset));
    });
    let whole_file = |name: &str, run: &dyn Fn()| {
        let mut times: Vec<f64> = (0..9)
            .map(|_| {
                let started = Instant::now();
                run();
                started.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        times.sort_by(f64::total_cmp);
        // The minimum is what the code costs; the median shows the noise of a busy machine.
        println!(
            "{name:12} min {:.1} ms  median {:.1} ms (9 runs)",
            times[0], times[4]
        );
    };
    whole_file("format", &|| {
        let _ = std::hint::black_box(ide::format_file(&schema, file));
    });
    whole_file("tokens", &|| {
        std::hint::black_box(ide::semantic_tokens(&schema, file));
    });
    // Again with the blocks' tokens kept from the request before (no edit in between).
    let cache = std::cell::RefCell::new(ide::TokenCache::default());
    ide::semantic_tokens_cached(&schema, file, &mut cache.borrow_mut());
    whole_file("tokens again", &|| {
        std::hint::black_box(ide::semantic_tokens_cached(
            &schema,
            file,
            &mut cache.borrow_mut(),
        ));
    });
    whole_file("inlay hints", &|| {
        std::hint::black_box(ide::inlay_hints(&schema, file, 0..text.len()));
    });
}
