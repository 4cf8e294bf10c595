//! Snapshots of the editor features over real JSON-RPC: hover, definition, references,
//! highlights, rename, formatting and code actions on a multi-file schema, rendered as
//! readable text (file:line:column and the text at the range). Edits are applied and the
//! result is re-validated by the server itself.

mod common;

use common::lsp::{LspClient, file_uri};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

const FIXTURE: &str = "tests/fixtures/lsp-snapshots/prisma/schema";

/// The server with the fixture's files open, and the files' texts by URI.
struct Session {
    client: LspClient,
    /// Keeps the copy of the fixture alive.
    _dir: tempfile::TempDir,
    files: BTreeMap<String, String>,
    versions: BTreeMap<String, i64>,
    /// The file changed last, whose publication shows that the server saw every change.
    last_changed: Option<String>,
}

impl Session {
    fn open() -> Session {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let schema_dir = dir.path().join("prisma/schema");
        std::fs::create_dir_all(&schema_dir).expect("the schema folder");
        let mut files = BTreeMap::new();
        let source = Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE);
        for entry in std::fs::read_dir(&source).expect("the fixture folder") {
            let path = entry.expect("an entry").path();
            let text = std::fs::read_to_string(&path).expect("a fixture file");
            let copy = schema_dir.join(path.file_name().expect("a file name"));
            std::fs::write(&copy, &text).expect("a copy");
            files.insert(file_uri(&copy), text);
        }
        let mut client = LspClient::start_in(dir.path());
        // Without advice: it is published on its own schedule (tests/lsp.rs covers it), and
        // these snapshots are about Prisma's own rules and the edits that fix them.
        let no_advice = json!({"rules": {"index": "off", "soft-delete": "off", "tenant": "off",
            "types": "off", "security": "off", "model": "off"}});
        client.initialize_with_options(&["utf-16"], no_advice);
        let mut versions = BTreeMap::new();
        for (uri, text) in &files {
            client.open(uri, 1, text);
            versions.insert(uri.clone(), 1);
        }
        let last_changed = files.keys().last().cloned();
        let mut session = Session {
            client,
            _dir: dir,
            files,
            versions,
            last_changed,
        };
        session.settle();
        session
    }

    fn uri(&self, file: &str) -> String {
        self.files
            .keys()
            .find(|uri| uri.ends_with(&format!("/{file}")))
            .unwrap_or_else(|| panic!("no file {file}"))
            .clone()
    }

    /// The position `inside` characters into the `nth` occurrence of `needle` in `file`.
    fn at(&self, file: &str, needle: &str, nth: usize, inside: usize) -> Value {
        let uri = self.uri(file);
        let text = &self.files[&uri];
        let offset = text
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle:?} #{nth} not in {file}"))
            .0
            + inside;
        let line = text[..offset].matches('\n').count();
        let column = offset - text[..offset].rfind('\n').map_or(0, |newline| newline + 1);
        json!({
            "textDocument": {"uri": uri},
            "position": {"line": line, "character": column}
        })
    }

    /// `file:line:column` (1-based) and the text a range covers (the fixture is ASCII, so
    /// UTF-16 columns are byte columns).
    fn show_range(&self, uri: &str, range: &Value) -> String {
        let text = &self.files[uri];
        let start = offset(text, &range["start"]);
        let end = offset(text, &range["end"]);
        let name = uri.rsplit('/').next().unwrap_or(uri);
        format!(
            "{name}:{}:{} `{}`",
            range["start"]["line"].as_u64().unwrap_or(0) + 1,
            range["start"]["character"].as_u64().unwrap_or(0) + 1,
            &text[start..end]
        )
    }

    fn show_locations(&self, locations: &Value) -> String {
        let mut shown: Vec<String> = as_list(locations)
            .iter()
            .map(|location| {
                let uri = location["uri"].as_str().unwrap_or_default();
                self.show_range(uri, &location["range"])
            })
            .collect();
        shown.sort();
        shown.join("\n")
    }

    /// Applies a WorkspaceEdit to copies of the texts and returns the changed files.
    fn applied(&self, edit: &Value) -> BTreeMap<String, String> {
        let mut changed = BTreeMap::new();
        let mut by_uri: Vec<(String, Vec<Value>)> = Vec::new();
        if let Some(changes) = edit["changes"].as_object() {
            for (uri, edits) in changes {
                by_uri.push((uri.clone(), as_list(edits)));
            }
        }
        for change in as_list(&edit["documentChanges"]) {
            if let Some(uri) = change["textDocument"]["uri"].as_str() {
                by_uri.push((uri.to_string(), as_list(&change["edits"])));
            } else if change["kind"] == "create" {
                let uri = change["uri"].as_str().unwrap_or_default().to_string();
                changed.insert(uri, String::new());
            }
        }
        for (uri, mut edits) in by_uri {
            let mut text = changed
                .get(&uri)
                .or_else(|| self.files.get(&uri))
                .cloned()
                .unwrap_or_default();
            // Back to front, so earlier offsets stay valid.
            edits.sort_by_key(|edit| std::cmp::Reverse(offset(&text, &edit["range"]["start"])));
            for edit in edits {
                let start = offset(&text, &edit["range"]["start"]);
                let end = offset(&text, &edit["range"]["end"]);
                text.replace_range(start..end, edit["newText"].as_str().unwrap_or_default());
            }
            changed.insert(uri, text);
        }
        changed
    }

    /// Sends the changed texts to the server and returns its errors on every file
    /// of the schema afterwards; then restores the original texts.
    fn revalidate(&mut self, changed: &BTreeMap<String, String>) -> Vec<String> {
        let originals = self.files.clone();
        let changed: Vec<(&String, &String)> = changed
            .iter()
            .filter(|(uri, _)| self.files.contains_key(*uri))
            .collect();
        for (uri, text) in &changed {
            self.replace(uri, text);
        }
        let mut found = Vec::new();
        for (uri, published) in self.settle() {
            // Errors only: advice arrives on its own schedule, and is not what an edit
            // must keep intact.
            for diagnostic in as_list(&published["diagnostics"]) {
                if diagnostic["severity"] != 1 {
                    continue;
                }
                let message = diagnostic["message"].as_str().unwrap_or_default();
                let first_line = message.lines().next().unwrap_or_default();
                found.push(format!(
                    "{}: {first_line}",
                    self.show_range(&uri, &diagnostic["range"])
                ));
            }
        }
        for (uri, _) in changed {
            self.replace(uri, &originals[uri]);
        }
        self.settle();
        found
    }

    /// The latest diagnostics of every file after the last change (see
    /// `LspClient::settled_diagnostics`).
    fn settle(&mut self) -> BTreeMap<String, Value> {
        let Some(last) = self.last_changed.clone() else {
            return BTreeMap::new();
        };
        let version = self.versions[&last];
        self.client
            .settled_diagnostics(&last, version, std::time::Duration::from_millis(150))
    }

    fn replace(&mut self, uri: &str, text: &str) {
        let version = self.versions[uri] + 1;
        self.versions.insert(uri.to_string(), version);
        self.client.change(uri, version, (0, 0), (9999, 0), text);
        self.files.insert(uri.to_string(), text.to_string());
        self.last_changed = Some(uri.to_string());
    }
}

fn as_list(value: &Value) -> Vec<Value> {
    value.as_array().cloned().unwrap_or_default()
}

/// The byte offset of an LSP position in ASCII text (clamped to the line's end).
fn offset(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap_or(0) as usize;
    let character = position["character"].as_u64().unwrap_or(0) as usize;
    let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let line_text = text[line_start.min(text.len())..]
        .split('\n')
        .next()
        .unwrap_or_default();
    line_start.min(text.len()) + character.min(line_text.len())
}

/// A unified-style listing of what changed in each file.
fn show_changes(session: &Session, changed: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    for (uri, text) in changed {
        let name = uri.rsplit('/').next().unwrap_or(uri);
        let before = session.files.get(uri).map(String::as_str).unwrap_or("");
        let _ = writeln!(out, "--- {name}");
        let diff = similar::TextDiff::from_lines(before, text.as_str());
        for change in diff.iter_all_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Delete => "-",
                similar::ChangeTag::Insert => "+",
                similar::ChangeTag::Equal => continue,
            };
            let _ = write!(out, "{sign}{change}");
            if change.missing_newline() {
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn hover() {
    let mut session = Session::open();
    let probes = [
        ("the model keyword", "user.prisma", "model User", 0, 1),
        ("a model declaration", "user.prisma", "model User", 0, 7),
        ("a documented field", "user.prisma", "email", 0, 1),
        ("a relation field", "post.prisma", "author ", 0, 1),
        ("a model used as a type", "post.prisma", "User ", 0, 1),
        ("an enum used as a type", "user.prisma", "Role ", 0, 1),
        ("an enum value in @default", "user.prisma", "USER)", 0, 1),
        ("a field attribute", "user.prisma", "@unique", 0, 2),
        ("a block attribute", "post.prisma", "@@index", 0, 3),
        ("a default function", "user.prisma", "autoincrement", 0, 2),
        ("a referential action", "user.prisma", "Cascade", 0, 2),
        ("a native scalar type", "post.prisma", "String", 0, 1),
        ("a datasource key", "schema.prisma", "provider", 0, 1),
        (
            "a field inside fields: [...]",
            "post.prisma",
            "[authorId]",
            0,
            2,
        ),
        (
            "an implicit many-to-many field",
            "post.prisma",
            "tags",
            0,
            1,
        ),
    ];
    let mut out = String::new();
    for (what, file, needle, nth, inside) in probes {
        let hover = session
            .client
            .request("textDocument/hover", session.at(file, needle, nth, inside));
        let contents = hover["contents"]["value"].as_str().unwrap_or("(no hover)");
        let _ = writeln!(out, "## {what} ({file}: `{needle}`)\n{contents}\n");
    }
    insta::assert_snapshot!(out);
    assert!(session.client.shutdown().success());
}

#[test]
fn definition_references_and_highlights() {
    let mut session = Session::open();
    let mut out = String::new();
    let definitions = [
        ("a model type", "post.prisma", "User ", 0, 1),
        ("an enum type", "user.prisma", "Role ", 0, 1),
        ("an enum value in @default", "user.prisma", "USER)", 0, 1),
        ("a name in fields: [...]", "post.prisma", "[authorId]", 0, 2),
        (
            "a name in references: [...] (other file)",
            "post.prisma",
            "[id]",
            0,
            1,
        ),
        ("a name in @@unique([...])", "post.prisma", "title])", 0, 1),
        ("a keyword (none)", "post.prisma", "model", 0, 1),
    ];
    for (what, file, needle, nth, inside) in definitions {
        let found = session.client.request(
            "textDocument/definition",
            session.at(file, needle, nth, inside),
        );
        let shown = if found.is_null() {
            "(none)".to_string()
        } else if found.is_array() {
            session.show_locations(&found)
        } else {
            session.show_locations(&json!([found]))
        };
        let _ = writeln!(out, "## definition of {what} (`{needle}`)\n{shown}\n");
    }
    let references = [
        ("model User", "user.prisma", "model User", 0, 7),
        ("field User.id", "user.prisma", "id ", 0, 1),
        ("field Post.authorId", "post.prisma", "authorId", 0, 1),
        ("enum Role", "user.prisma", "enum Role", 0, 6),
    ];
    for (what, file, needle, nth, inside) in references {
        let mut params = session.at(file, needle, nth, inside);
        params["context"] = json!({"includeDeclaration": true});
        let found = session.client.request("textDocument/references", params);
        let _ = writeln!(
            out,
            "## references of {what}\n{}\n",
            session.show_locations(&found)
        );
    }
    let params = session.at("post.prisma", "authorId", 0, 1);
    let uri = session.uri("post.prisma");
    let highlights = session
        .client
        .request("textDocument/documentHighlight", params);
    let mut shown: Vec<String> = as_list(&highlights)
        .iter()
        .map(|h| {
            format!(
                "{} kind {}",
                session.show_range(&uri, &h["range"]),
                h["kind"].as_i64().unwrap_or(0)
            )
        })
        .collect();
    shown.sort();
    let _ = writeln!(
        out,
        "## highlights of Post.authorId\n{}\n",
        shown.join("\n")
    );
    insta::assert_snapshot!(out);
    assert!(session.client.shutdown().success());
}

#[test]
fn rename_then_revalidate() {
    let mut session = Session::open();
    let mut out = String::new();
    let renames = [
        (
            "model User (unmapped table kept by its @@map)",
            "user.prisma",
            "model User",
            0,
            7,
            "Author",
        ),
        (
            "model Tag (table name kept by a new @@map)",
            "post.prisma",
            "model Tag",
            0,
            7,
            "Topic",
        ),
        (
            "field User.email (column kept by a new @map)",
            "user.prisma",
            "email",
            0,
            1,
            "emailAddress",
        ),
        (
            "field Post.authorId from fields: [...]",
            "post.prisma",
            "[authorId]",
            0,
            2,
            "writerId",
        ),
        (
            "enum value USER from @default",
            "user.prisma",
            "USER)",
            0,
            1,
            "MEMBER",
        ),
        ("enum Role", "user.prisma", "enum Role", 0, 6, "Permission"),
    ];
    for (what, file, needle, nth, inside, new_name) in renames {
        let position = session.at(file, needle, nth, inside);
        let prepared = session
            .client
            .request("textDocument/prepareRename", position.clone());
        let uri = session.uri(file);
        let range = prepared.get("range").unwrap_or(&prepared);
        let _ = writeln!(
            out,
            "## rename {what} to {new_name}\nprepared: {}",
            session.show_range(&uri, range)
        );
        let mut params = position;
        params["newName"] = json!(new_name);
        let edit = session.client.request("textDocument/rename", params);
        let changed = session.applied(&edit);
        out.push_str(&show_changes(&session, &changed));
        let diagnostics = session.revalidate(&changed);
        let _ = writeln!(out, "errors after: {diagnostics:#?}\n");
    }
    let refusals = [
        ("a keyword", "user.prisma", "model User", 0, 1, "Thing"),
        (
            "an invalid name",
            "user.prisma",
            "model User",
            0,
            7,
            "2fast",
        ),
        ("a taken name", "user.prisma", "model User", 0, 7, "Post"),
        (
            "a name that reorders a join table",
            "post.prisma",
            "model Tag",
            0,
            7,
            "Label",
        ),
    ];
    for (what, file, needle, nth, inside, new_name) in refusals {
        let mut params = session.at(file, needle, nth, inside);
        params["newName"] = json!(new_name);
        let answer = session.client.request_raw("textDocument/rename", params);
        let shown = answer["error"]["message"]
            .as_str()
            .map_or_else(|| format!("answered {}", answer["result"]), str::to_string);
        let _ = writeln!(out, "## refused: {what} → {new_name}\n{shown}\n");
    }
    insta::assert_snapshot!(out);
    assert!(session.client.shutdown().success());
}

#[test]
fn formatting() {
    let mut session = Session::open();
    let uri = session.uri("post.prisma");
    let messy = "model Post {\n  id Int @id @default(autoincrement())\n    title String\n  authorId      Int\n  author User @relation(fields: [authorId], references: [id])\n  tags Tag[]\n  @@unique([authorId, title])\n\n\n  @@index([authorId])\n}\nmodel Tag {\n  name String @id // the tag itself\n  posts Post[]\n}\n";
    session.replace(&uri, messy);
    let edits = session.client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let changed = session.applied(&json!({ "changes": { uri.clone(): edits } }));
    let formatted = changed.get(&uri).cloned().unwrap_or_default();
    insta::assert_snapshot!(formatted);
    // Formatting the formatted text changes nothing.
    session.replace(&uri, &formatted);
    let again = session.client.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert!(
        as_list(&again).is_empty()
            || session.applied(&json!({"changes": {uri.clone(): again}}))[&uri] == formatted,
        "formatting is idempotent"
    );
    assert!(session.client.shutdown().success());
}

#[test]
fn code_actions_then_revalidate() {
    let mut session = Session::open();
    // Each case breaks the fixture in one way; every quick fix offered on its diagnostics is
    // applied and the result re-validated.
    let cases: [(&str, &[Replacement]); 8] = [
        (
            "a misspelt type",
            &[("post.prisma", "  title    String\n", "  title    Strin\n")],
        ),
        (
            "a relation without its opposite field",
            &[(
                "post.prisma",
                "  tags     Tag[]\n",
                "  tags     Tag[]\n  editorId Int\n  editor   User   @relation(\"edits\", fields: [editorId], references: [id])\n",
            )],
        ),
        (
            "a one-to-one foreign key that is not unique",
            &[(
                "user.prisma",
                "  userId Int    @id @map(\"user_id\")\n",
                "  id     Int    @id\n  userId Int    @map(\"user_id\")\n",
            )],
        ),
        (
            "a reference to a field that is not unique",
            &[
                (
                    "user.prisma",
                    "  email   String   @unique\n",
                    "  email   String\n  byEmail Post[]   @relation(\"byEmail\")\n",
                ),
                (
                    "post.prisma",
                    "  tags     Tag[]\n",
                    "  tags     Tag[]\n  authorEmail String\n  byEmail  User   @relation(\"byEmail\", fields: [authorEmail], references: [email])\n",
                ),
            ],
        ),
        (
            "a foreign key field removed",
            &[("post.prisma", "  authorId Int\n", "")],
        ),
        (
            "`references` missing where only another unique key fits the foreign key",
            &[
                (
                    "user.prisma",
                    "  posts   Post[]\n",
                    "  posts   Post[]\n  byEmail Post[]   @relation(\"byEmail\")\n",
                ),
                (
                    "post.prisma",
                    "  tags     Tag[]\n",
                    "  tags     Tag[]\n  authorEmail String\n  byEmail  User   @relation(\"byEmail\", fields: [authorEmail])\n",
                ),
            ],
        ),
        (
            "SetDefault on a relation (PostgreSQL accepts it: no fix)",
            &[("user.prisma", "onDelete: Cascade", "onDelete: SetDefault")],
        ),
        (
            "the old name of relationMode",
            &[(
                "schema.prisma",
                "  provider = \"postgresql\"\n",
                "  provider = \"postgresql\"\n  referentialIntegrity = \"prisma\"\n",
            )],
        ),
    ];
    let mut out = String::new();
    for (what, replacements) in cases {
        let originals = session.files.clone();
        for (file, from, to) in replacements {
            let uri = session.uri(file);
            let text = session.files[&uri].clone();
            assert!(text.contains(from), "{what}: {from:?} not in {file}");
            session.replace(&uri, &text.replacen(from, to, 1));
        }
        let _ = writeln!(out, "# {what}");
        for (diagnostics_uri, published) in session.settle() {
            for diagnostic in as_list(&published["diagnostics"]) {
                if diagnostic["severity"] != 1 && diagnostic["severity"] != 2 {
                    continue;
                }
                actions_for(&mut session, &diagnostics_uri, &diagnostic, &mut out);
            }
        }
        for (uri, text) in originals {
            if session.files[&uri] != text {
                session.replace(&uri, &text);
            }
        }
        session.settle();
        out.push('\n');
    }
    insta::assert_snapshot!(out);
    assert!(session.client.shutdown().success());
}

/// In a file: the first occurrence of a text, and what replaces it.
type Replacement<'a> = (&'a str, &'a str, &'a str);

/// Lists a diagnostic, and each quick fix attached to it with its edit and the errors left
/// after applying it.
fn actions_for(session: &mut Session, uri: &str, diagnostic: &Value, out: &mut String) {
    let line = diagnostic["range"]["start"]["line"].clone();
    let params = json!({
        "textDocument": {"uri": uri},
        "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}},
        "context": {"diagnostics": [diagnostic.clone()], "only": ["quickfix"]}
    });
    let actions = session.client.request("textDocument/codeAction", params);
    let message = diagnostic["message"].as_str().unwrap_or_default();
    let _ = writeln!(
        out,
        "## {}: {}",
        session.show_range(uri, &diagnostic["range"]),
        message.lines().next().unwrap_or_default()
    );
    for action in as_list(&actions) {
        let attached = as_list(&action["diagnostics"])
            .iter()
            .any(|d| d["message"] == diagnostic["message"]);
        if !attached {
            continue;
        }
        let preferred = if action["isPreferred"] == true {
            " (preferred)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "### {}{preferred}",
            action["title"].as_str().unwrap_or_default()
        );
        let changed = session.applied(&action["edit"]);
        out.push_str(&show_changes(session, &changed));
        let after = session.revalidate(&changed);
        let _ = writeln!(out, "errors after: {after:#?}");
    }
}
