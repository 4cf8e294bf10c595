//! Time that grows at most as n log n with the input, for every shape of input whose cost
//! once grew faster: deep nesting, one line holding thousands of fields or mistakes, many
//! blocks, many unclosed blocks and strings. A test binary of its own, so that no other
//! test competes for the machine while it measures.

use prisma_analyzer::analysis;
use prisma_analyzer::cli::{OutputFormat, render};
use prisma_analyzer::ide;
use prisma_analyzer::model::{FileId, Schema};
use prisma_analyzer::syntax::PositionEncoding;
use std::time::{Duration, Instant};

const DATASOURCE: &str = "datasource db {\n  provider = \"postgresql\"\n}\n\n";

fn model(fields: &str) -> String {
    format!("{DATASOURCE}model A {{\n  id Int @id\n{fields}\n}}\n")
}

/// The time of the fastest of five runs.
fn best_of_five(mut run: impl FnMut()) -> Duration {
    (0..5)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// What `check`, `format` and the editor's first requests do with a whole file.
fn analyse_and_format(text: &str) {
    let schema = Schema::parse("scaling.prisma", text);
    let diagnostics = analysis::check(&schema);
    let _ = render(OutputFormat::Human, &[(schema, diagnostics)], false);
    let schema = Schema::parse("scaling.prisma", text);
    let _ = ide::format_file(&schema, FileId(0));
    // Semantic tokens as the server sends them: each start as a line and UTF-16 column.
    let file = schema.file(FileId(0));
    for token in ide::semantic_tokens(&schema, FileId(0)) {
        let _ = file.line_col(token.span.start as usize, PositionEncoding::Utf16);
    }
    let _ = ide::folding_ranges(schema.file_model(FileId(0)));
}

/// Shapes of input that grow with `n`: the ones whose cost once grew quadratically or worse.
fn scaling_shapes(n: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "closed calls nested n deep",
            model(&format!(
                "  x String @default({}{})",
                "f(".repeat(n),
                ")".repeat(n)
            )),
        ),
        (
            "unclosed calls nested n deep",
            model(&format!("  x String @default({}", "f(".repeat(n))),
        ),
        (
            "n fields on one line",
            format!(
                "model A {{ {} }}",
                (0..n)
                    .map(|i| format!("f{i} Int"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
        (
            "n fields with non-ASCII names on one line",
            format!(
                "model Ä {{ {} }}",
                (0..n)
                    .map(|i| format!("поле{i} Int"))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
        ),
        (
            "n unexpected tokens on one line",
            model(&format!("  x String {}", "% ".repeat(n))),
        ),
        (
            "n models",
            (0..n / 4)
                .map(|i| format!("model M{i} {{\n  id Int @id\n  name String\n}}\n\n"))
                .collect(),
        ),
        (
            "n broken lines",
            model(
                &(0..n / 4)
                    .map(|i| format!("  f{i} (\n"))
                    .collect::<String>(),
            ),
        ),
        (
            "n unclosed blocks",
            (0..n / 4)
                .map(|i| format!("model M{i} {{\n  id Int\n"))
                .collect(),
        ),
        (
            "n unclosed strings",
            model(
                &(0..n / 4)
                    .map(|i| format!("  f{i} String @default(\"x\n"))
                    .collect::<String>(),
            ),
        ),
    ]
}

/// Quadrupling the input may multiply the time by 4·log(4n)/log(n) (about 4.5 here) for
/// n log n work; quadratic work would multiply it by 16. The bound sits between, with room
/// for a loaded machine.
#[test]
fn time_grows_at_most_as_n_log_n_for_every_input_shape() {
    const SMALL: usize = 4_000;
    let mut report = Vec::new();
    let mut failures = Vec::new();
    for ((shape, small), (_, large)) in scaling_shapes(SMALL)
        .into_iter()
        .zip(scaling_shapes(4 * SMALL))
    {
        let small_time = best_of_five(|| analyse_and_format(&small));
        let large_time = best_of_five(|| analyse_and_format(&large));
        let ratio = large_time.as_secs_f64() / small_time.as_secs_f64().max(1e-4);
        report.push(format!(
            "{shape}: {small_time:?} → {large_time:?} (×{ratio:.1})"
        ));
        if ratio > 9.0 {
            failures.push(shape);
        }
    }
    println!("{}", report.join("\n"));
    assert!(
        failures.is_empty(),
        "super-linear: {failures:?}\n{}",
        report.join("\n")
    );
}
