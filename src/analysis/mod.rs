//! Layer 3: analysis of a whole schema into diagnostics.
//!
//! `check` is the single entry point used by both the CLI and the server.

pub mod advisor;
mod attributes;
pub mod codes;
mod config;
mod context;
mod diagnostic;
pub(crate) mod edits;
pub mod fixes;
pub(crate) mod indexes;
mod models;
pub(crate) mod names;
mod native_types;
mod pass_cache;
mod relations;
pub(crate) mod suppression;
mod syntax;
mod versions;

pub use context::{Context, Options, PrismaVersion, RelationMode};
pub use diagnostic::{Applicability, Code, Diagnostic, Fix, Related, Severity, Snippet, TextEdit};
pub use names::{SCALAR_TYPES, closest_name};
pub use pass_cache::AdviceMemory;

use crate::model::{Block, BlockKind, FileId, Schema};
use pass_cache::PassCache;
use rustc_hash::FxHashMap;

/// Every diagnostic of the schema, sorted by file and position (default options).
pub fn check(schema: &Schema) -> Vec<Diagnostic> {
    Analyzer::default().check(schema)
}

/// Every diagnostic of the schema with the given options.
pub fn check_with(schema: &Schema, options: Options) -> Vec<Diagnostic> {
    Analyzer::new(options).check(schema)
}

/// The findings of the checks by the stage of Prisma's validation they belong to. Prisma
/// first reads a schema (syntax, names, types, attribute arguments, configuration) and
/// validates what it read (provider capabilities, relations, constraint names, native type
/// arguments …) only when reading found no error. We report the same way: validation
/// findings are kept only for a schema that reads without error, so that one mistake does not
/// drown in its consequences, and a fix-and-rerun cycle goes as it does with Prisma.
#[derive(Default)]
pub(super) struct Findings {
    pub reading: Vec<Diagnostic>,
    pub validation: Vec<Diagnostic>,
}

/// Runs the checks, remembering per block what the block alone decides, so that analysing
/// again after an edit only looks at the blocks that changed. A block is recognised by its
/// revision (kept while edits elsewhere move it); its results are stored relative to the
/// block's start and moved with it. Type-reference results are kept as long as the set of
/// declared type names is the same.
#[derive(Default)]
pub struct Analyzer {
    options: Options,
    blocks: FxHashMap<u64, CachedBlock>,
    type_names: u64,
    /// Each declared type's part of the declaration fingerprints, by block revision.
    declarations: FxHashMap<u64, DeclarationPart>,
    relations: PassCache,
    relation_reading: PassCache,
    keys_reading: PassCache,
    keys_validation: PassCache,
}

struct CachedBlock {
    /// Where the block started when its diagnostics were computed.
    start: u32,
    file: FileId,
    local: Vec<Diagnostic>,
    type_references: Vec<Diagnostic>,
    /// A fingerprint of what the relation passes read from this block alone.
    relations: u64,
    /// The fields this block's `references:` lists name: `(target model, field)`.
    references: Vec<(String, String)>,
    /// What the relation passes read of those fields (`relations::referenced_fingerprint`),
    /// kept until a block of a name they point to changes.
    referenced: Option<u64>,
    /// The block's name (when it is gone, the references to that name are read again).
    name: String,
    /// Fingerprints of what the keys module (`indexes`) reads from this block: for SQL
    /// Server (which names default constraints) and for the other providers.
    keys: [u64; 2],
    /// The findings of the block-local semantic checks (native types), computed for the
    /// `semantic_key` they carry.
    semantic: Option<SemanticBlock>,
    seen: bool,
}

/// What the semantic checks found in one block, valid while the schema's semantic key (the
/// context and the declared types with their kinds) is the one they were computed for.
struct SemanticBlock {
    key: u64,
    findings: Findings,
}

/// The block-local semantic checks (see `SemanticBlock`).
fn semantic_block_checks(schema: &Schema, context: &Context, block: &Block) -> Findings {
    let mut findings = Findings::default();
    attributes::check_block(schema, context, block, &mut findings);
    native_types::check_block(schema, context, block, &mut findings);
    models::check_block(schema, block, &mut findings.reading);
    models::check_block_capabilities(schema, context, block, &mut findings.validation);
    findings
}

impl Analyzer {
    pub fn new(options: Options) -> Self {
        Analyzer {
            options,
            ..Analyzer::default()
        }
    }

    /// Changes the options; the cached results that depend on them are recomputed.
    pub fn set_options(&mut self, options: Options) {
        if options != self.options {
            *self = Analyzer::new(options);
        }
    }

    /// Every diagnostic of the schema: validation and advice, sorted by position.
    /// The advice is computed on a second thread meanwhile: neither reads the other's results.
    pub fn check(&mut self, schema: &Schema) -> Vec<Diagnostic> {
        let options = self.options.clone();
        let (mut diagnostics, mut advice) = std::thread::scope(|scope| {
            let advice = scope.spawn(|| advise(schema, &options));
            let diagnostics = self.validate(schema);
            // A panic while advising is the advisor's bug: raise it here as it would have
            // been raised without the thread.
            let advice = advice
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (diagnostics, advice)
        });
        diagnostics.append(&mut advice);
        sort_by_position(&mut diagnostics);
        diagnostics
    }

    /// The options this analyzer checks with.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// What Prisma's validation finds (no advice), sorted by position. The language server
    /// publishes this at once and the advice when it is ready (see `advise`).
    pub fn validate(&mut self, schema: &Schema) -> Vec<Diagnostic> {
        self.validate_in_stages(schema).diagnostics
    }

    /// `validate`, and whether the schema reads without error (Prisma's first stage): what
    /// Prisma's formatter requires before it completes relations.
    pub fn validate_in_stages(&mut self, schema: &Schema) -> Validation {
        let context = Context::new(schema, &self.options);
        let (type_names, semantic_key) =
            declaration_fingerprints(schema, &context, &mut self.declarations);
        // The fixes of unknown types offer a composite type only where the provider has
        // them: part of what the cached type references depend on.
        let composite_types = context
            .provider
            .is_some_and(|provider| provider.supports_composite_types());
        let type_names = {
            use std::hash::{Hash, Hasher};
            let mut hasher = rustc_hash::FxHasher::default();
            (type_names, composite_types).hash(&mut hasher);
            hasher.finish()
        };
        let names_changed = type_names != self.type_names;
        self.type_names = type_names;
        let sql_server = context.is(crate::catalog::Provider::SqlServer);
        // Validation findings of the cached block-local checks.
        let mut block_validation: Vec<Diagnostic> = Vec::new();
        self.blocks
            .values_mut()
            .for_each(|cached| cached.seen = false);

        let mut diagnostics = Vec::new();
        // Where each block is now (for moving cached relation diagnostics), and what the
        // relation pass would read.
        let mut block_starts = pass_cache::BlockStarts::default();
        let mut relation_input = rustc_hash::FxHasher::default();
        // What the keys module reads: every block's part, in schema order, and the semantic
        // key (context, declared types, enums and composite types).
        let mut keys_input = rustc_hash::FxHasher::default();
        {
            use std::hash::Hasher;
            keys_input.write_u64(semantic_key);
        }
        {
            use std::hash::Hasher;
            relation_input.write_u64(type_names);
        }
        // The names of the blocks that are new (edited) or gone since the last analysis: the
        // `references:` into them must be read again.
        let mut changed_names: rustc_hash::FxHashSet<String> = Default::default();
        for file_id in schema.file_ids() {
            let file = schema.file_model(file_id);
            syntax::check_top_level(file_id, file, &mut diagnostics);
            for block in &file.blocks {
                let cached = self.blocks.entry(block.revision.get()).or_insert_with(|| {
                    changed_names.insert(block.name.text.clone());
                    let mut local = Vec::new();
                    syntax::check_block(&file.source, block, &mut local);
                    names::check_block(block, &mut local);
                    let mut type_references = Vec::new();
                    names::check_type_references(
                        schema,
                        block,
                        composite_types,
                        &mut type_references,
                    );
                    CachedBlock {
                        start: block.span.start,
                        file: block.file(),
                        local,
                        type_references,
                        relations: relations::fingerprint(schema, &file.source, block),
                        references: relations::outgoing_references(block),
                        referenced: None,
                        name: block.name.text.clone(),
                        keys: indexes::fingerprint(&file.source, block),
                        semantic: None,
                        seen: false,
                    }
                });
                {
                    use std::hash::Hasher;
                    relation_input.write_u64(cached.relations);
                    keys_input.write_u64(cached.keys[usize::from(sql_server)]);
                }
                block_starts.insert(block.revision.get(), (block.file(), block.span.start));
                if cached.seen {
                    // The same revision twice (a copied file): compute afresh below.
                    syntax::check_block(&file.source, block, &mut diagnostics);
                    names::check_block(block, &mut diagnostics);
                    names::check_type_references(schema, block, composite_types, &mut diagnostics);
                    let fresh = semantic_block_checks(schema, &context, block);
                    diagnostics.extend(fresh.reading);
                    block_validation.extend(fresh.validation);
                    continue;
                }
                cached.seen = true;
                if cached.start != block.span.start || cached.file != block.file() {
                    let delta = i64::from(block.span.start) - i64::from(cached.start);
                    let semantic = cached.semantic.iter_mut().flat_map(|s| {
                        s.findings
                            .reading
                            .iter_mut()
                            .chain(&mut s.findings.validation)
                    });
                    for diagnostic in cached
                        .local
                        .iter_mut()
                        .chain(&mut cached.type_references)
                        .chain(semantic)
                    {
                        diagnostic.move_by(delta, block.file());
                    }
                    cached.start = block.span.start;
                    cached.file = block.file();
                }
                if names_changed {
                    cached.type_references.clear();
                    names::check_type_references(
                        schema,
                        block,
                        composite_types,
                        &mut cached.type_references,
                    );
                }
                diagnostics.extend(cached.local.iter().cloned());
                diagnostics.extend(cached.type_references.iter().cloned());
                if cached
                    .semantic
                    .as_ref()
                    .is_none_or(|s| s.key != semantic_key)
                {
                    cached.semantic = Some(SemanticBlock {
                        key: semantic_key,
                        findings: semantic_block_checks(schema, &context, block),
                    });
                }
                if let Some(semantic) = &cached.semantic {
                    diagnostics.extend(semantic.findings.reading.iter().cloned());
                    block_validation.extend(semantic.findings.validation.iter().cloned());
                }
            }
        }
        names::check_schema(schema, &mut diagnostics);
        config::check(schema, &mut diagnostics);
        let mut findings = Findings {
            reading: diagnostics,
            validation: block_validation,
        };
        versions::check(schema, &context, &mut findings.reading);
        let keys_fingerprint = {
            use std::hash::Hasher;
            keys_input.finish()
        };
        match (
            self.keys_reading.reuse(keys_fingerprint, &block_starts),
            self.keys_validation.reuse(keys_fingerprint, &block_starts),
        ) {
            (Some(mut reading), Some(mut validation)) => {
                findings.reading.append(&mut reading);
                findings.validation.append(&mut validation);
            }
            _ => {
                let mut fresh = Findings::default();
                indexes::check(schema, &context, &mut fresh);
                self.keys_reading
                    .store(schema, keys_fingerprint, &fresh.reading);
                self.keys_validation
                    .store(schema, keys_fingerprint, &fresh.validation);
                findings.reading.append(&mut fresh.reading);
                findings.validation.append(&mut fresh.validation);
            }
        }
        models::check(schema, &context, &mut findings);
        let fingerprint = {
            use std::hash::Hasher;
            relation_input.write_u64(context.fingerprint());
            changed_names.extend(
                self.blocks
                    .values()
                    .filter(|cached| !cached.seen)
                    .map(|cached| cached.name.clone()),
            );
            let mut referenced: u64 = 0;
            for cached in self.blocks.values_mut().filter(|cached| cached.seen) {
                if cached
                    .references
                    .iter()
                    .any(|(target, _)| changed_names.contains(target))
                {
                    cached.referenced = None;
                }
                let part = *cached.referenced.get_or_insert_with(|| {
                    relations::referenced_fingerprint(schema, cached.references.iter())
                });
                referenced = referenced.wrapping_add(part);
            }
            relation_input.write_u64(referenced);
            relation_input.finish()
        };
        // What relations read (names in `fields`/`references`, actions): cached like the
        // relation pass, by the same fingerprint.
        self.relation_reading.run(
            schema,
            fingerprint,
            &block_starts,
            &mut findings.reading,
            |out| {
                relations::read(schema, out);
                relations::check_references(schema, out);
            },
        );
        let mut diagnostics = findings.reading;
        // Like Prisma, validate only what reads without error: validation findings on a
        // schema that does not read are mostly consequences of the reading errors.
        let reads = !diagnostics.iter().any(|d| d.severity == Severity::Error);
        if reads {
            diagnostics.append(&mut findings.validation);
            self.relations.run(
                schema,
                fingerprint,
                &block_starts,
                &mut diagnostics,
                |out| relations::check(schema, &context, out),
            );
        }
        self.blocks.retain(|_, cached| cached.seen);
        advisor::apply_levels(&self.options.advisor, &mut diagnostics);
        suppression::apply(schema, &mut diagnostics);
        sort_by_position(&mut diagnostics);
        Validation { diagnostics, reads }
    }
}

/// What `Analyzer::validate_in_stages` found.
pub struct Validation {
    /// As `Analyzer::validate` returns them.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the schema reads without error (then `diagnostics` includes the validation
    /// stage's findings).
    pub reads: bool,
}

/// The design advisor's findings (spec/ADVISOR_RULES.md) at the user's levels, without the
/// suppressed ones, sorted by position.
pub fn advise(schema: &Schema, options: &Options) -> Vec<Diagnostic> {
    let context = Context::new(schema, options);
    let mut advice = Vec::new();
    advisor::advise(schema, &context, &options.advisor, &mut advice);
    advisor::apply_levels(&options.advisor, &mut advice);
    suppression::apply(schema, &mut advice);
    sort_by_position(&mut advice);
    advice
}

/// Sorts diagnostics by file, position and code: the order they are reported in.
pub fn sort_by_position(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(by_position);
}

/// The order diagnostics are reported in: by file, position and code.
pub fn by_position(a: &Diagnostic, b: &Diagnostic) -> std::cmp::Ordering {
    (a.span.file, a.span.start, a.span.end, a.code).cmp(&(
        b.span.file,
        b.span.start,
        b.span.end,
        b.code,
    ))
}

/// Two fingerprints from one pass over the declarations: of the declared type names (what
/// the type-reference checks read), and the *semantic key*: what the block-local semantic
/// checks read beyond their block, i.e. the context (with the datasource's name, the prefix
/// of native types, which also says whether there is one), every declared type with its kind and
/// whether it is `@@ignore`d, and the text of enums and composite types. Each declaration's
/// part is kept by block revision and the parts are summed, so that a keystroke hashes only
/// the block it changed (the order of declarations does not matter to either fingerprint).
fn declaration_fingerprints(
    schema: &Schema,
    context: &Context,
    parts: &mut FxHashMap<u64, DeclarationPart>,
) -> (u64, u64) {
    use std::hash::{Hash, Hasher};
    let (mut names, mut declarations) = (0u64, 0u64);
    for block in schema.blocks().filter(|b| b.kind.is_type()) {
        let part = parts.entry(block.revision.get()).or_insert_with(|| {
            let mut name = rustc_hash::FxHasher::default();
            block.name.text.hash(&mut name);
            let mut declaration = rustc_hash::FxHasher::default();
            block.name.text.hash(&mut declaration);
            (block.kind as u8).hash(&mut declaration);
            block
                .attributes_named("ignore")
                .next()
                .is_some()
                .hash(&mut declaration);
            if matches!(block.kind, BlockKind::Enum | BlockKind::CompositeType) {
                schema.text(block.span).hash(&mut declaration);
            }
            DeclarationPart {
                name: mix(name.finish()),
                declaration: mix(declaration.finish()),
                seen: false,
            }
        });
        part.seen = true;
        names = names.wrapping_add(part.name);
        declarations = declarations.wrapping_add(part.declaration);
    }
    parts.retain(|_, part| std::mem::take(&mut part.seen));
    let mut semantic = rustc_hash::FxHasher::default();
    context.fingerprint().hash(&mut semantic);
    declarations.hash(&mut semantic);
    (names, semantic.finish())
}

/// One declaration's part of `declaration_fingerprints`.
struct DeclarationPart {
    name: u64,
    declaration: u64,
    seen: bool,
}

/// A hash spread over all 64 bits (the finalizer of SplitMix64), so that sums of hashes stay
/// distinct: FxHash's low bits are weak, and a sum only carries upwards.
fn mix(mut value: u64) -> u64 {
    value ^= value >> 30;
    value = value.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    value ^= value >> 27;
    value = value.wrapping_mul(0x94d0_49bb_1331_11eb);
    value ^ (value >> 31)
}
