//! The results of the schema-wide passes (relations reading or validating, keys), kept with
//! each span anchored to its block (by revision) so that they can be moved with the blocks,
//! and reused while the fingerprint of what the pass reads is one seen recently.

use super::Diagnostic;
use crate::model::{FileId, Schema, Span};
use rustc_hash::FxHashMap;

/// How many results a pass keeps. Typing a line alternates between a block that reads with
/// an error (the line is incomplete) and one that does not: with only the last result kept,
/// every keystroke ran the pass over the whole schema again.
const KEPT: usize = 4;

/// Where each block of a schema is now, by revision.
pub(super) type BlockStarts = FxHashMap<u64, (FileId, u32)>;

/// The recent results of one pass, most recent first.
#[derive(Default)]
pub(super) struct PassCache {
    results: Vec<PassResult>,
}

struct PassResult {
    fingerprint: u64,
    /// Whether every span was anchored (else the diagnostics with a span outside every block
    /// are dropped when moved, and the result is never reused).
    complete: bool,
    /// Each diagnostic with the anchors of its spans, in `Diagnostic::for_each_span` order:
    /// `(block revision, offset from the block's start)`.
    diagnostics: Vec<(Diagnostic, Vec<(u64, u32)>)>,
}

impl PassCache {
    /// The result of `pass`, or a cached one computed for the same fingerprint.
    pub(super) fn run(
        &mut self,
        schema: &Schema,
        fingerprint: u64,
        block_starts: &BlockStarts,
        out: &mut Vec<Diagnostic>,
        pass: impl FnOnce(&mut Vec<Diagnostic>),
    ) {
        if let Some(mut reused) = self.reuse(fingerprint, block_starts) {
            out.append(&mut reused);
            return;
        }
        let mut fresh = Vec::new();
        pass(&mut fresh);
        self.store(schema, fingerprint, &fresh);
        out.append(&mut fresh);
    }

    /// The cached diagnostics of `fingerprint` moved to where their blocks are now, if every
    /// block they were found in is still there.
    pub(super) fn reuse(
        &mut self,
        fingerprint: u64,
        block_starts: &BlockStarts,
    ) -> Option<Vec<Diagnostic>> {
        let index = self
            .results
            .iter()
            .position(|result| result.complete && result.fingerprint == fingerprint)?;
        let moved: Vec<Diagnostic> = self.results[index].moved(block_starts).collect();
        if moved.len() != self.results[index].diagnostics.len() {
            // A block is gone though the fingerprint matched: compute afresh.
            self.results.remove(index);
            return None;
        }
        let result = self.results.remove(index);
        self.results.insert(0, result);
        Some(moved)
    }

    /// Remembers a fresh result (each span anchored to the block that contains it).
    pub(super) fn store(&mut self, schema: &Schema, fingerprint: u64, fresh: &[Diagnostic]) {
        self.results
            .retain(|result| result.fingerprint != fingerprint);
        let result = PassResult::anchored(schema, fingerprint, fresh);
        self.results.insert(0, result);
        self.results.truncate(KEPT);
    }

    /// The most recent result, moved to where its blocks are now (without the diagnostics
    /// whose blocks are gone).
    fn latest_moved<'a>(
        &'a self,
        block_starts: &'a BlockStarts,
    ) -> impl Iterator<Item = Diagnostic> + 'a {
        self.results
            .first()
            .into_iter()
            .flat_map(|result| result.moved(block_starts))
    }
}

impl PassResult {
    fn anchored(schema: &Schema, fingerprint: u64, fresh: &[Diagnostic]) -> PassResult {
        let mut blocks: Vec<(FileId, u32, u32, u64)> = schema
            .blocks()
            .map(|b| (b.file(), b.span.start, b.span.end, b.revision.get()))
            .collect();
        blocks.sort_unstable();
        let anchor = |span: Span| {
            let index = blocks
                .partition_point(|&(file, start, _, _)| (file, start) <= (span.file, span.start));
            let &(file, start, end, revision) = blocks.get(index.checked_sub(1)?)?;
            (file == span.file && span.end <= end).then_some((revision, span.start - start))
        };
        let mut complete = true;
        let mut diagnostics = Vec::with_capacity(fresh.len());
        for diagnostic in fresh {
            let mut diagnostic = diagnostic.clone();
            let mut anchors = Vec::new();
            // `for_each_span` takes `&mut`; the spans are only read here.
            diagnostic.for_each_span(|span| match anchor(*span) {
                Some(found) => anchors.push(found),
                None => {
                    // Revision 0 is never handed out: the span is never found again.
                    anchors.push((0, 0));
                    complete = false;
                }
            });
            diagnostics.push((diagnostic, anchors));
        }
        PassResult {
            fingerprint,
            complete,
            diagnostics,
        }
    }

    /// The diagnostics whose blocks are all still there, moved to where they are.
    fn moved<'a>(&'a self, block_starts: &'a BlockStarts) -> impl Iterator<Item = Diagnostic> + 'a {
        self.diagnostics.iter().filter_map(|(diagnostic, anchors)| {
            let mut moved = diagnostic.clone();
            let mut anchors = anchors.iter();
            let mut all_found = true;
            moved.for_each_span(|span| {
                let found = anchors.next().and_then(|(revision, offset)| {
                    block_starts
                        .get(revision)
                        .map(|&(file, start)| (file, start + offset))
                });
                match found {
                    Some((file, start)) => {
                        let len = span.end - span.start;
                        *span = Span {
                            file,
                            start,
                            end: start + len,
                        };
                    }
                    None => all_found = false,
                }
            });
            all_found.then_some(moved)
        })
    }
}

/// Advice computed for an earlier version of a schema, kept so that the language server can
/// show it, moved with its blocks, until fresh advice is ready. Findings in (or with a fix
/// into) a block that changed since are dropped: their positions are no longer known.
#[derive(Default)]
pub struct AdviceMemory {
    remembered: PassCache,
}

impl AdviceMemory {
    pub fn remember(&mut self, schema: &Schema, advice: &[Diagnostic]) {
        // Any fingerprint: `recall` does not compare it.
        self.remembered.results.clear();
        self.remembered.store(schema, 1, advice);
    }

    /// The remembered advice where its blocks are now.
    pub fn recall(&self, schema: &Schema) -> Vec<Diagnostic> {
        let block_starts: BlockStarts = schema
            .blocks()
            .map(|b| (b.revision.get(), (b.file(), b.span.start)))
            .collect();
        self.remembered.latest_moved(&block_starts).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.remembered
            .results
            .first()
            .is_none_or(|result| result.diagnostics.is_empty())
    }
}
