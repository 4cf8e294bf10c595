//! Layer 4: editor features computed from the model, in byte offsets and our own types.
//! The server converts them to LSP; nothing here knows about LSP.

pub mod actions;
pub mod completion;
pub mod format;
mod hover;
mod navigation;
mod symbols;

pub use actions::{ActionKind, CodeAction, NewFile, code_actions};
pub use completion::{CompletionItem, CompletionKind, complete};
pub use format::{format_block, format_file};
pub use hover::{Hover, hover, relation_summary};
pub use navigation::{
    SymbolRef, declaration_span, definition, highlights, prepare_rename, references, rename,
    symbol_at, symbol_name,
};
pub use symbols::{Fold, Symbol, SymbolKind, document_symbols, folding_ranges};
