//! Prisma's vocabulary: providers, keys, attributes, functions, native types, actions.
//!
//! Everything here is plain data about the Prisma Schema Language as accepted by Prisma 6.x and
//! 7.x, plus small lookup helpers used by completion, hover and validation. The descriptions are
//! our own. Where a fact is not obvious, a comment names the source that settled it:
//! * "conformance psl/..." or "psl-rust/..." — a validation case under `shared/conformance`;
//! * "completion scenario X" — `shared/conformance/prisma-fmt/text_document_completion/scenarios/X`;
//! * "engines source" — the prisma-engines connector code (read for facts only).
//!
//! One file per section, re-exported here so callers name everything `catalog::X`.

mod attributes;
mod blocks_and_scalars;
mod datasource;
mod default_functions;
mod generator;
mod indexes;
mod native_types;
mod preview_features;
mod provider;
mod referential_actions;
#[cfg(test)]
mod tests;

pub use attributes::*;
pub use blocks_and_scalars::*;
pub use datasource::*;
pub use default_functions::*;
pub use generator::*;
pub use indexes::*;
pub use native_types::*;
pub use preview_features::*;
pub use provider::*;
pub use referential_actions::*;

/// A documented keyword/value for completion and hover.
#[derive(Clone, Copy, Debug)]
pub struct Item {
    pub name: &'static str,
    pub doc: &'static str,
}

const fn item(name: &'static str, doc: &'static str) -> Item {
    Item { name, doc }
}

/// Finds an item by exact name.
pub fn find_item(items: &'static [Item], name: &str) -> Option<&'static Item> {
    items.iter().find(|i| i.name == name)
}
