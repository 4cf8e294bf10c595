//! Workspace symbols: the declarations of a schema matching a query typed in the editor's
//! "go to symbol in workspace" box.

use super::SymbolKind;
use crate::model::{BlockKind, Schema, Span};

/// One declaration that matches the query.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkspaceSymbol {
    pub name: String,
    pub kind: SymbolKind,
    /// The name at its declaration.
    pub span: Span,
    /// The block that holds a field or enum value.
    pub container: Option<String>,
    /// How well the name matches (lower is better): see [`match_score`].
    pub score: u32,
}

/// The blocks of `schema` (and their fields and enum values) whose names match `query`,
/// best first, at most `limit`. Blocks come before members that match equally well.
pub fn workspace_symbols(schema: &Schema, query: &str, limit: usize) -> Vec<WorkspaceSymbol> {
    let query = query.trim().to_lowercase();
    let mut found = Vec::new();
    for block in schema.blocks() {
        if block.name.is_missing() {
            continue;
        }
        if let Some(score) = match_score(&query, &block.name.text) {
            found.push(WorkspaceSymbol {
                name: block.name.text.clone(),
                kind: block_kind(block.kind),
                span: block.name.span,
                container: None,
                score,
            });
        }
        let members = block
            .fields
            .iter()
            .map(|f| (&f.name, SymbolKind::Field))
            .chain(
                block
                    .enum_values
                    .iter()
                    .map(|v| (&v.name, SymbolKind::EnumValue)),
            );
        for (name, kind) in members {
            if name.is_missing() {
                continue;
            }
            // Members rank after blocks: a model named like the query is what one looks for.
            if let Some(score) = match_score(&query, &name.text) {
                found.push(WorkspaceSymbol {
                    name: name.text.clone(),
                    kind,
                    span: name.span,
                    container: Some(block.name.text.clone()),
                    score: score + 1,
                });
            }
        }
    }
    sort_and_cap(&mut found, limit);
    found
}

/// Orders symbols best first (then by name) and keeps at most `limit`. Also used by the
/// server to merge the symbols of several schemas.
pub fn sort_and_cap(symbols: &mut Vec<WorkspaceSymbol>, limit: usize) {
    symbols.sort_by(|a, b| a.rank().cmp(&b.rank()));
    symbols.truncate(limit);
}

impl WorkspaceSymbol {
    /// The order of results: by score, blocks before members, then by name.
    pub fn rank(&self) -> (u32, bool, &str) {
        (self.score, self.container.is_some(), &self.name)
    }
}

/// How `name` matches a lower-case `query`: 0 exact, 2 prefix, 4 substring, 6 the query's
/// letters in order (fuzzy), `None` no match. Case is ignored; an empty query matches all.
pub fn match_score(query: &str, name: &str) -> Option<u32> {
    if query.is_empty() {
        return Some(0);
    }
    let lower = name.to_lowercase();
    if lower == query {
        Some(0)
    } else if lower.starts_with(query) {
        Some(2)
    } else if lower.contains(query) {
        Some(4)
    } else {
        let mut letters = lower.chars();
        query
            .chars()
            .all(|wanted| letters.any(|c| c == wanted))
            .then_some(6)
    }
}

fn block_kind(kind: BlockKind) -> SymbolKind {
    match kind {
        BlockKind::Model => SymbolKind::Model,
        BlockKind::View => SymbolKind::View,
        BlockKind::CompositeType => SymbolKind::CompositeType,
        BlockKind::Enum => SymbolKind::Enum,
        BlockKind::Datasource => SymbolKind::Datasource,
        BlockKind::Generator => SymbolKind::Generator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: &str = "datasource db {\n  provider = \"postgresql\"\n}\n\
        generator client {\n  provider = \"prisma-client-js\"\n}\n\
        model User {\n  id Int @id\n  userName String\n}\n\
        model Post {\n  id Int @id\n}\n\
        view UserStats {\n  id Int @unique\n}\n\
        type Address {\n  street String\n}\n\
        enum Role {\n  USER\n}\n\
        model {\n  broken\n";

    fn names(query: &str, limit: usize) -> Vec<String> {
        let schema = Schema::parse("s.prisma", SCHEMA);
        workspace_symbols(&schema, query, limit)
            .into_iter()
            .map(|s| match s.container {
                Some(container) => format!("{container}.{}", s.name),
                None => s.name,
            })
            .collect()
    }

    #[test]
    fn ranks_exact_prefix_substring_then_fuzzy_ignoring_case() {
        assert_eq!(
            names("user", 10),
            ["User", "Role.USER", "UserStats", "User.userName"]
        );
        assert_eq!(names("stats", 10), ["UserStats"]);
        assert_eq!(names("adr", 10), ["Address"]);
        assert_eq!(names("DB", 10), ["db"]);
        assert!(names("zzz", 10).is_empty());
    }

    #[test]
    fn an_empty_query_lists_blocks_first_and_the_limit_holds() {
        let all = names("", 100);
        assert_eq!(
            &all[..6],
            ["Address", "Post", "Role", "User", "UserStats", "client"]
        );
        assert!(all.contains(&"db".to_string()));
        assert!(all.contains(&"Address.street".to_string()));
        assert_eq!(names("", 3).len(), 3);
    }

    #[test]
    fn kinds_and_spans_point_at_the_names() {
        let schema = Schema::parse("s.prisma", SCHEMA);
        for symbol in workspace_symbols(&schema, "", 100) {
            assert_eq!(schema.text(symbol.span), symbol.name);
        }
        let kinds: Vec<SymbolKind> = workspace_symbols(&schema, "", 100)
            .iter()
            .filter(|s| s.container.is_none())
            .map(|s| s.kind)
            .collect();
        for kind in [
            SymbolKind::Model,
            SymbolKind::View,
            SymbolKind::CompositeType,
            SymbolKind::Enum,
            SymbolKind::Datasource,
            SymbolKind::Generator,
        ] {
            assert!(kinds.contains(&kind), "{kind:?}");
        }
    }
}
