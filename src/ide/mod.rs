//! Layer 4: editor features computed from the model, in byte offsets and our own types.
//! The server converts them to LSP; nothing here knows about LSP.

pub mod actions;
pub mod completion;
mod document_links;
pub mod fixes;
pub mod format;
mod hover;
mod inlay_hints;
mod navigation;
mod prisma_config;
mod semantic_tokens;
mod symbols;
mod workspace_symbols;

pub use actions::{ActionKind, ActionRequest, CodeAction, NewFile, NewFileLocation, code_actions};
pub use completion::{CompletionItem, CompletionKind, complete};
pub use document_links::{EnvLink, EnvReference, env_links, env_references};
pub use format::{Refusal, format_block, format_file};
pub use hover::{Hover, hover, relation_summary};
pub use inlay_hints::{InlayHint, inlay_hints};
pub use navigation::{
    SymbolRef, declaration_span, definition, highlights, prepare_rename, references, rename,
    symbol_at, symbol_name,
};
pub use prisma_config::NewPrismaConfig;
pub use semantic_tokens::{
    MODIFIER_NAMES, SemanticToken, TokenCache, TokenType, modifiers as token_modifiers,
    semantic_tokens, semantic_tokens_cached, semantic_tokens_in, tokens_delta,
};
pub use symbols::{Fold, Symbol, SymbolKind, document_symbols, folding_ranges};
pub use workspace_symbols::{WorkspaceSymbol, match_score, sort_and_cap, workspace_symbols};
