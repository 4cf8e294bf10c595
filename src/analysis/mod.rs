//! Layer 3: analysis of a whole schema into diagnostics.
//!
//! `check` is the single entry point used by both the CLI and the server.

pub mod codes;
mod config;
mod diagnostic;
mod names;
mod relations;
mod syntax;

pub use diagnostic::{Applicability, Code, Diagnostic, Fix, Related, Severity, TextEdit};
pub use names::{SCALAR_TYPES, closest_name};

use crate::model::{FileId, Schema};
use rustc_hash::FxHashMap;

/// Every diagnostic of the schema, sorted by file and position.
pub fn check(schema: &Schema) -> Vec<Diagnostic> {
    Analyzer::default().check(schema)
}

/// Runs the checks, remembering per block what the block alone decides, so that analysing
/// again after an edit only looks at the blocks that changed. A block is recognised by its
/// revision (kept while edits elsewhere move it); its results are stored relative to the
/// block's start and moved with it. Type-reference results are kept as long as the set of
/// declared type names is the same.
#[derive(Default)]
pub struct Analyzer {
    blocks: FxHashMap<u64, CachedBlock>,
    type_names: u64,
}

struct CachedBlock {
    /// Where the block started when its diagnostics were computed.
    start: u32,
    file: FileId,
    local: Vec<Diagnostic>,
    type_references: Vec<Diagnostic>,
    seen: bool,
}

impl Analyzer {
    pub fn check(&mut self, schema: &Schema) -> Vec<Diagnostic> {
        let type_names = type_names_fingerprint(schema);
        let names_changed = type_names != self.type_names;
        self.type_names = type_names;
        self.blocks
            .values_mut()
            .for_each(|cached| cached.seen = false);

        let mut diagnostics = Vec::new();
        for file_id in schema.file_ids() {
            let file = schema.file_model(file_id);
            syntax::check_top_level(file_id, file, &mut diagnostics);
            for block in &file.blocks {
                let cached = self.blocks.entry(block.revision.get()).or_insert_with(|| {
                    let mut local = Vec::new();
                    syntax::check_block(&file.source, block, &mut local);
                    names::check_block(block, &mut local);
                    let mut type_references = Vec::new();
                    names::check_type_references(schema, block, &mut type_references);
                    CachedBlock {
                        start: block.span.start,
                        file: block.file(),
                        local,
                        type_references,
                        seen: false,
                    }
                });
                if cached.seen {
                    // The same revision twice (a copied file): compute afresh below.
                    syntax::check_block(&file.source, block, &mut diagnostics);
                    names::check_block(block, &mut diagnostics);
                    names::check_type_references(schema, block, &mut diagnostics);
                    continue;
                }
                cached.seen = true;
                if cached.start != block.span.start || cached.file != block.file() {
                    let delta = i64::from(block.span.start) - i64::from(cached.start);
                    for diagnostic in cached.local.iter_mut().chain(&mut cached.type_references) {
                        diagnostic.move_by(delta, block.file());
                    }
                    cached.start = block.span.start;
                    cached.file = block.file();
                }
                if names_changed {
                    cached.type_references.clear();
                    names::check_type_references(schema, block, &mut cached.type_references);
                }
                diagnostics.extend(cached.local.iter().cloned());
                diagnostics.extend(cached.type_references.iter().cloned());
            }
        }
        names::check_schema(schema, &mut diagnostics);
        config::check(schema, &mut diagnostics);
        relations::check(schema, &mut diagnostics);
        self.blocks.retain(|_, cached| cached.seen);
        diagnostics.sort_by(|a, b| {
            (a.span.file, a.span.start, a.span.end, a.code).cmp(&(
                b.span.file,
                b.span.start,
                b.span.end,
                b.code,
            ))
        });
        diagnostics
    }
}

/// A fingerprint of the declared type names (models, views, enums, composite types).
fn type_names_fingerprint(schema: &Schema) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut names: Vec<&str> = schema
        .blocks()
        .filter(|b| b.kind.is_type())
        .map(|b| b.name.text.as_str())
        .collect();
    names.sort_unstable();
    let mut hasher = rustc_hash::FxHasher::default();
    names.hash(&mut hasher);
    hasher.finish()
}
