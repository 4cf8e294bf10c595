//! Layer 2: a typed, span-carrying view of a schema, built from the syntax trees of its
//! files. A multi-file schema is one [`Schema`] whose items know their file.
//!
//! The model keeps everything the source says, including what is incomplete (a field
//! without a type, an attribute without a name), so that analysis can report it and the
//! editor features can work on half-typed text.

mod file;
mod items;
mod lower;
mod schema;
mod source;

pub use file::FileModel;
pub use items::*;
pub use schema::{BlockId, Schema};
pub use source::{FileId, SourceFile, Span};
