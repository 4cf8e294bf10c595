//! The query files we ship for editors, checked against this grammar: every one compiles
//! (the grammar's own `queries/`, Helix's `editors/helix/queries/prisma/` and, when present,
//! Neovim's `editors/neovim/queries/prisma/`), every highlights query colours real schemas,
//! Helix's queries use only capture names Helix knows, and `editors/helix/languages.toml`
//! has what Helix needs to start our server on `*.prisma` files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use tree_sitter::{Language, Parser, Query, QueryCursor, StreamingIterator};

fn language() -> Language {
    tree_sitter_prisma::LANGUAGE.into()
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn repo_dir() -> PathBuf {
    crate_dir()
        .parent()
        .expect("the grammar is a folder of the repository")
        .to_path_buf()
}

fn helix_queries_dir() -> PathBuf {
    repo_dir().join("editors/helix/queries/prisma")
}

fn scm_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "scm"))
        .collect();
    files.sort();
    files
}

/// Every query file we ship. Neovim's folder is written separately and may be absent.
fn shipped_query_files() -> Vec<PathBuf> {
    let mut files = scm_files(&crate_dir().join("queries"));
    files.extend(scm_files(&helix_queries_dir()));
    files.extend(scm_files(&repo_dir().join("editors/neovim/queries/prisma")));
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn compile(path: &Path) -> Query {
    Query::new(&language(), &read(path))
        .unwrap_or_else(|error| panic!("{} does not compile: {error}", path.display()))
}

fn relative(path: &Path) -> String {
    path.strip_prefix(repo_dir())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn every_shipped_query_compiles() {
    let files = shipped_query_files();
    for name in ["highlights.scm", "textobjects.scm", "indents.scm"] {
        assert!(
            files.contains(&helix_queries_dir().join(name)),
            "editors/helix/queries/prisma/{name} is missing"
        );
    }
    for file in &files {
        compile(file);
    }
    println!("{} query files compile", files.len());
}

/// The capture names Helix gives a meaning to, per query file (Helix's book: themes.md for
/// highlights, guides/textobject.md, guides/indent.md, guides/rainbow_bracket_queries.md).
/// Highlights may use any scope of the theme tree; these are the ones a theme can style and
/// that our highlights use or could use.
const HELIX_HIGHLIGHT_SCOPES: &[&str] = &[
    "attribute",
    "comment",
    "comment.block",
    "comment.block.documentation",
    "comment.line",
    "comment.line.documentation",
    "constant",
    "constant.builtin",
    "constant.builtin.boolean",
    "constant.character.escape",
    "constant.numeric",
    "constant.numeric.float",
    "constant.numeric.integer",
    "function",
    "function.builtin",
    "keyword",
    "keyword.storage.type",
    "namespace",
    "operator",
    "punctuation.bracket",
    "punctuation.delimiter",
    "punctuation.special",
    "string",
    "type",
    "type.builtin",
    "type.enum",
    "type.enum.variant",
    "variable",
    "variable.other.member",
    "variable.parameter",
];
const HELIX_TEXTOBJECT_CAPTURES: &[&str] = &[
    "function.inside",
    "function.around",
    "class.inside",
    "class.around",
    "test.inside",
    "test.around",
    "parameter.inside",
    "parameter.around",
    "comment.inside",
    "comment.around",
    "entry.inside",
    "entry.around",
];
const HELIX_INDENT_CAPTURES: &[&str] = &[
    "indent",
    "outdent",
    "indent.always",
    "outdent.always",
    "align",
    "anchor",
    "extend",
    "extend.prevent-once",
];
const HELIX_RAINBOW_CAPTURES: &[&str] = &["rainbow.scope", "rainbow.bracket"];

#[test]
fn helix_queries_use_only_helix_capture_names() {
    let mut checked = 0;
    for file in scm_files(&helix_queries_dir()) {
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        let known: &[&str] = match stem.as_ref() {
            "highlights" => HELIX_HIGHLIGHT_SCOPES,
            "textobjects" => HELIX_TEXTOBJECT_CAPTURES,
            "indents" => HELIX_INDENT_CAPTURES,
            "rainbows" => HELIX_RAINBOW_CAPTURES,
            other => panic!("{}: Helix reads no `{other}.scm`", relative(&file)),
        };
        let query = compile(&file);
        let unknown: Vec<&str> = query
            .capture_names()
            .iter()
            .copied()
            // `_name` captures only serve predicates.
            .filter(|name| !name.starts_with('_') && !known.contains(name))
            .collect();
        assert!(
            unknown.is_empty(),
            "{} uses capture names Helix does not know: {unknown:?}",
            relative(&file)
        );
        checked += 1;
    }
    assert!(checked >= 3, "expected Helix's query files");
}

/// The schemas to run the queries over: the grammar's highlight test files (which show every
/// construct) and the real-world schemas of `../shared/corpus/real` when it is there.
fn sample_schemas() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(crate_dir().join("test/highlight"))
        .expect("test/highlight exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    assert!(!files.is_empty(), "test/highlight has no files");
    files.extend(real_schemas());
    files.sort();
    files
}

fn real_schemas() -> Vec<PathBuf> {
    let dir = repo_dir().join("../shared/corpus/real");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        let message = format!(
            "{} is absent: the queries ran on the highlight tests only",
            dir.display()
        );
        assert!(std::env::var_os("CI").is_none(), "{message}");
        eprintln!("SKIPPED: {message}");
        return Vec::new();
    };
    let files: Vec<PathBuf> = entries
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "prisma"))
        .collect();
    assert!(!files.is_empty(), "no schemas in {}", dir.display());
    files
}

/// For each pattern of `query`, how many times it matched over `schemas`; and for each
/// schema, how many captures it got and which nodes got more than one capture name.
struct Run {
    matches_per_pattern: Vec<usize>,
    captures_per_schema: Vec<(PathBuf, usize)>,
    doubly_captured: Vec<String>,
}

fn run(query: &Query, schemas: &[PathBuf]) -> Run {
    let mut parser = Parser::new();
    parser.set_language(&language()).expect("the grammar loads");
    let mut matches_per_pattern = vec![0; query.pattern_count()];
    let mut captures_per_schema = Vec::new();
    let mut doubly_captured = Vec::new();
    for schema in schemas {
        let source = read(schema);
        let tree = parser.parse(&source, None).expect("a tree");
        let mut names_per_node: BTreeMap<(usize, usize, u16), BTreeSet<&str>> = BTreeMap::new();
        let mut cursor = QueryCursor::new();
        let mut matches = cursor.matches(query, tree.root_node(), source.as_bytes());
        let mut captures = 0;
        while let Some(found) = matches.next() {
            matches_per_pattern[found.pattern_index] += 1;
            for capture in found.captures() {
                captures += 1;
                let node = capture.node;
                names_per_node
                    .entry((node.start_byte(), node.end_byte(), node.kind_id()))
                    .or_default()
                    .insert(query.capture_names()[capture.index as usize]);
            }
        }
        for ((start, end, _), names) in names_per_node {
            if names.len() > 1 {
                doubly_captured.push(format!(
                    "{} bytes {start}..{end} `{}`: {names:?}",
                    schema.display(),
                    &source[start..end]
                ));
            }
        }
        captures_per_schema.push((schema.clone(), captures));
    }
    Run {
        matches_per_pattern,
        captures_per_schema,
        doubly_captured,
    }
}

#[test]
fn every_highlights_query_colours_every_schema() {
    let schemas = sample_schemas();
    let highlights: Vec<PathBuf> = shipped_query_files()
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n == "highlights.scm"))
        .collect();
    assert!(
        highlights.len() >= 2,
        "expected the grammar's and Helix's highlights"
    );
    for file in &highlights {
        let result = run(&compile(file), &schemas);
        for (schema, captures) in &result.captures_per_schema {
            // A schema of a few lines still has a keyword, a name and two braces.
            assert!(
                *captures >= 4,
                "{} gives {} only {captures} captures",
                relative(file),
                schema.display()
            );
        }
        println!(
            "{}: {} captures over {} schemas",
            relative(file),
            result
                .captures_per_schema
                .iter()
                .map(|(_, n)| n)
                .sum::<usize>(),
            schemas.len()
        );
    }
}

/// Each pattern of our own queries is there for a construct; one that never matches the
/// highlight tests and the corpus names a node or field the grammar does not produce there.
#[test]
fn every_pattern_of_our_queries_matches_something() {
    let schemas = sample_schemas();
    let mut files = scm_files(&helix_queries_dir());
    files.push(crate_dir().join("queries/highlights.scm"));
    for file in files {
        let query = compile(&file);
        let result = run(&query, &schemas);
        let dead: Vec<String> = result
            .matches_per_pattern
            .iter()
            .enumerate()
            .filter(|(_, count)| **count == 0)
            .map(|(pattern, _)| {
                let start = query.start_byte_for_pattern(pattern);
                let text = read(&file)[start..]
                    .lines()
                    .next()
                    .unwrap_or("")
                    .to_string();
                format!("pattern {pattern}: {text}")
            })
            .collect();
        assert!(
            dead.is_empty(),
            "{}: patterns that match nothing:\n{}",
            relative(&file),
            dead.join("\n")
        );
    }
}

/// Editors, and versions of them, disagree on which of two patterns capturing the same node
/// wins (Helix 25.01: the first; Helix 25.07 and Neovim: the last), so our highlights
/// capture each node once.
#[test]
fn highlights_capture_each_node_once() {
    let schemas = sample_schemas();
    for file in [
        crate_dir().join("queries/highlights.scm"),
        helix_queries_dir().join("highlights.scm"),
    ] {
        let result = run(&compile(&file), &schemas);
        assert!(
            result.doubly_captured.is_empty(),
            "{}: nodes with two highlights:\n{}",
            relative(&file),
            result.doubly_captured.join("\n")
        );
    }
}

fn helix_languages() -> toml::Table {
    let path = repo_dir().join("editors/helix/languages.toml");
    toml::from_str(&read(&path))
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

fn string_list(value: Option<&toml::Value>) -> Vec<String> {
    value
        .and_then(toml::Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn helix_languages_toml_has_what_helix_needs() {
    let config = helix_languages();
    let languages = config
        .get("language")
        .and_then(toml::Value::as_array)
        .expect("a [[language]] table");
    let prisma = languages
        .iter()
        .find(|l| l.get("name").and_then(toml::Value::as_str) == Some("prisma"))
        .expect("a [[language]] named prisma");
    let text = |key: &str| prisma.get(key).and_then(toml::Value::as_str);
    assert_eq!(text("scope"), Some("source.prisma"));
    assert_eq!(string_list(prisma.get("file-types")), ["prisma"]);
    assert!(
        !string_list(prisma.get("roots")).is_empty(),
        "roots are empty"
    );
    // Helix's built-in prisma language spells it `comment-token`: using the other spelling
    // (`comment-tokens`) would give the merged table both, which Helix rejects.
    assert_eq!(text("comment-token"), Some("//"));
    assert!(prisma.get("comment-tokens").is_none());
    let indent = prisma.get("indent").expect("an indent");
    assert_eq!(
        indent.get("tab-width").and_then(toml::Value::as_integer),
        Some(2)
    );
    assert_eq!(indent.get("unit").and_then(toml::Value::as_str), Some("  "));
    assert_eq!(
        string_list(prisma.get("language-servers")),
        ["prisma-analyzer"]
    );
    // The grammar's library exports `tree_sitter_prisma`: Helix looks the symbol up by the
    // grammar's name, so it must be `prisma`.
    assert_eq!(text("grammar"), Some("prisma"));

    let server = config
        .get("language-server")
        .and_then(|servers| servers.get("prisma-analyzer"))
        .expect("a [language-server.prisma-analyzer] table");
    assert_eq!(
        server.get("command").and_then(toml::Value::as_str),
        Some("prisma-analyzer")
    );
    assert_eq!(string_list(server.get("args")), ["lsp"]);
    if let Some(settings) = server.get("config") {
        let keys: Vec<&String> = settings
            .as_table()
            .expect("config is a table")
            .keys()
            .collect();
        for key in keys {
            assert!(
                ["prismaVersion", "rules", "tenant", "softDelete"].contains(&key.as_str()),
                "config key `{key}` is not one of the server's settings"
            );
        }
    }

    let grammars = config
        .get("grammar")
        .and_then(toml::Value::as_array)
        .expect("a [[grammar]] table");
    let grammar = grammars
        .iter()
        .find(|g| g.get("name").and_then(toml::Value::as_str) == Some("prisma"))
        .expect("a [[grammar]] named prisma");
    // Helix's GrammarConfiguration denies unknown fields.
    for key in grammar.as_table().expect("a table").keys() {
        assert!(
            ["name", "source"].contains(&key.as_str()),
            "unknown [[grammar]] key `{key}`"
        );
    }
    let source = grammar.get("source").expect("the grammar's source");
    let local = source.get("path").and_then(toml::Value::as_str);
    let git = source.get("git").and_then(toml::Value::as_str);
    assert!(
        local.is_some_and(|p| p.ends_with("tree-sitter-prisma"))
            || (git.is_some() && source.get("rev").is_some()),
        "the grammar's source is neither our local grammar folder nor a git remote with a rev: {source:?}"
    );
}
