//! Fuzz-style robustness: thousands of seeded random mutations of real schemas go through
//! parse → model → check → every output format without a panic. Deterministic: a failure
//! prints the seed and the mutated input to reproduce it.

mod common;

use common::mutate::{Rng, mutate_bytes};
use common::properties::check_everything;
use std::panic::{AssertUnwindSafe, catch_unwind};

fn run_everything(text: String) {
    check_everything(&text);
}

#[test]
fn random_mutations_of_schemas_never_panic() {
    let mut seeds: Vec<Vec<u8>> = vec![
        include_bytes!("../examples/blog.prisma").to_vec(),
        include_bytes!("../examples/saas.prisma").to_vec(),
    ];
    if let Some(shared) = common::shared_dir("fuzz over the corpus") {
        // Small and mid-sized corpus files keep the run short; the examples cover the rest.
        seeds.extend(
            common::prisma_files(&shared.join("corpus/real"))
                .iter()
                .map(|p| std::fs::read(p).expect("readable corpus file"))
                .filter(|bytes| bytes.len() < 20_000),
        );
    }
    let iterations = 4_000;
    let mut rng = Rng(0x5EED_1234_ABCD_0001);
    for iteration in 0..iterations {
        let seed_index = rng.below(seeds.len());
        let state = rng.0;
        let mutated = mutate_bytes(&seeds[seed_index], &mut rng);
        // Invalid UTF-8 is the CLI's concern (it refuses the file); the analysis sees text.
        let text = String::from_utf8_lossy(&mutated).into_owned();
        let outcome = catch_unwind(AssertUnwindSafe(|| run_everything(text.clone())));
        if outcome.is_err() {
            panic!(
                "panic at iteration {iteration} (seed file {seed_index}, rng state {state:#x}); input:\n{text}"
            );
        }
    }
    println!(
        "{iterations} mutated schemas from {} seeds: no panic",
        seeds.len()
    );
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0xB17E_5EED_0000_0002);
    for _ in 0..300 {
        let len = rng.below(4096);
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() & 0xff) as u8).collect();
        run_everything(String::from_utf8_lossy(&bytes).into_owned());
        // Printable noise reaches deeper into the grammar than arbitrary bytes.
        let printable: String = (0..len)
            .map(|_| (b' ' + (rng.next() % 95) as u8) as char)
            .collect();
        run_everything(printable);
    }
}
