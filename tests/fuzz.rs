//! Fuzz-style robustness: thousands of seeded random mutations of real schemas go through
//! parse → model → check → every output format without a panic. Deterministic: a failure
//! prints the seed and the mutated input to reproduce it.

mod common;

use prisma_analyzer::analysis;
use prisma_analyzer::cli::{OutputFormat, render};
use prisma_analyzer::model::Schema;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

/// Fragments that stress the grammar's recovery: brackets, quotes, keywords, attributes,
/// line breaks, escapes and multi-byte characters.
const FRAGMENTS: &[&[u8]] = &[
    b"{",
    b"}",
    b"(",
    b")",
    b"[",
    b"]",
    b"\"",
    b"\\",
    b"@",
    b"@@",
    b".",
    b",",
    b":",
    b"=",
    b"?",
    b"!",
    b"\n",
    b"\r\n",
    b"\t",
    b" ",
    b"//",
    b"///",
    b"/*",
    b"*/",
    b"model ",
    b"enum ",
    b"type ",
    b"view ",
    b"datasource ",
    b"generator ",
    b"model X {",
    b"@relation(fields: [",
    b"@db.",
    b"@default(",
    b"env(\"",
    b"\\u",
    b"\\ud83d",
    b"-1.5e3",
    b"\xc3\xa9",
    b"\xf0\x9f\x98\x80",
    b"Unsupported(\"",
    b"[]?",
    b"@@index([",
    b"where: {",
    b"\xef\xbb\xbf",
];

fn mutate(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 | 2 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                bytes.splice(at..at, fragment.iter().copied());
            }
            3 => {
                let len = rng.below(128).min(bytes.len() - at.min(bytes.len()));
                let chunk: Vec<u8> = bytes[at..at + len].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, chunk);
            }
            4 => bytes.truncate(at),
            _ => {
                for _ in 0..rng.below(8) {
                    let byte = (rng.next() & 0xff) as u8;
                    let position = rng.below(bytes.len() + 1);
                    bytes.insert(position, byte);
                }
            }
        }
    }
    bytes
}

fn run_everything(text: String) {
    let schema = Schema::parse("fuzz.prisma", text);
    let diagnostics = analysis::check(&schema);
    let checked = vec![(schema, diagnostics)];
    for format in [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Github,
    ] {
        let _ = render(format, &checked, true);
    }
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
        let mutated = mutate(&seeds[seed_index], &mut rng);
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
