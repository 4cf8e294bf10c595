//! How long the advisor's areas take on a schema, warm (validation cached), per analysis:
//! `cargo run --release --example advice_timings -- FILE`.

use prisma_analyzer::analysis::advisor::{AdvisorSettings, Level, rules::RULES};
use prisma_analyzer::analysis::{Analyzer, Options};
use prisma_analyzer::model::Schema;
use std::sync::Arc;
use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: advice_timings FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("cannot read {path}: {error}");
            std::process::exit(2);
        }
    };
    let schema = Schema::parse(path.clone(), text);
    let areas = [
        "none",
        "index",
        "soft-delete",
        "tenant",
        "types",
        "security",
        "model",
        "all",
    ];
    // `ADVICE_AREA=security` times that area alone (for a profiler).
    let only = std::env::var("ADVICE_AREA").ok();
    for area in areas
        .into_iter()
        .filter(|area| only.as_deref().is_none_or(|only| only == *area))
    {
        let mut settings = AdvisorSettings::without_advice();
        for rule in RULES {
            let on = area == "all" || rule.code.as_str().starts_with(&format!("{area}/"));
            if on {
                settings.levels.remove(rule.code.as_str());
            }
        }
        settings.levels.insert(String::new(), Level::Off);
        let mut analyzer = Analyzer::new(Options {
            advisor: Arc::new(settings),
            ..Options::default()
        });
        analyzer.check(&schema);
        let runs = 20;
        let started = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(analyzer.check(&schema));
        }
        let per_run = started.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
        println!("{area:12} {per_run:7.2} ms per warm analysis");
    }
}
