//! Database-aware findings (`prisma_analyzer::database::findings`) on fixture schemas
//! (`tests/fixtures/database-findings/`) against hand-built snapshots: a database that
//! matches its schema gives no finding at all; each change to it gives the finding it should
//! (drift in both directions, unused and partial indexes), rendered as the CLI prints them.

mod common;

use prisma_analyzer::analysis::{self, Options, Severity, codes};
use prisma_analyzer::cli::{OutputFormat, render};
use prisma_analyzer::database::{
    self, Column, DatabaseSnapshot, ForeignKey, Index, Table, add_fk_index_evidence, column_stats,
    fk_index_evidence, table_stats,
};
use prisma_analyzer::model::Schema;

fn fixture(name: &str) -> Schema {
    let path = common::fixtures_dir()
        .join("database-findings")
        .join(format!("{name}.prisma"));
    let text = std::fs::read_to_string(&path).expect("readable fixture");
    Schema::parse(format!("{name}.prisma"), text)
}

fn table(schema: &str, name: &str, columns: &[(&str, &str, bool)]) -> Table {
    Table {
        schema: schema.to_string(),
        name: name.to_string(),
        columns: columns
            .iter()
            .map(|&(name, data_type, nullable)| Column {
                name: name.to_string(),
                data_type: data_type.to_string(),
                nullable,
            })
            .collect(),
        row_estimate: 100.0,
        total_bytes: 65_536,
        table_bytes: 8_192,
        seq_scans: 10,
        seq_rows_read: 1_000,
        index_scans: 20,
        ..Table::default()
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn index(name: &str, columns: &[&str], unique: bool, primary: bool) -> Index {
    Index {
        name: name.to_string(),
        columns: strings(columns),
        unique: unique || primary,
        primary,
        predicate: None,
        method: "btree".to_string(),
        constraint: primary.then(|| name.to_string()),
        scans: 5,
        bytes: 16_384,
    }
}

fn fk(
    name: &str,
    columns: &[&str],
    to: (&str, &str),
    referenced: &[&str],
    on_delete: &str,
    on_update: &str,
) -> ForeignKey {
    ForeignKey {
        name: name.to_string(),
        columns: strings(columns),
        referenced_schema: to.0.to_string(),
        referenced_table: to.1.to_string(),
        referenced_columns: strings(referenced),
        on_delete: on_delete.to_string(),
        on_update: on_update.to_string(),
    }
}

/// The database `prisma migrate deploy` makes of `blog.prisma`.
fn blog_database() -> DatabaseSnapshot {
    let mut users = table(
        "public",
        "users",
        &[
            ("id", "integer", false),
            ("email_address", "text", false),
            ("name", "text", true),
            ("created_at", "timestamp(3) without time zone", false),
        ],
    );
    users.indexes = vec![
        index("users_pkey", &["id"], true, true),
        index("users_email_address_key", &["email_address"], true, false),
    ];
    let mut post = table(
        "public",
        "Post",
        &[
            ("id", "integer", false),
            ("title", "character varying(200)", false),
            ("author_id", "integer", false),
        ],
    );
    post.indexes = vec![
        index("Post_pkey", &["id"], true, true),
        index(
            "Post_author_id_title_key",
            &["author_id", "title"],
            true,
            false,
        ),
        index("Post_title_idx", &["title"], false, false),
    ];
    post.foreign_keys = vec![fk(
        "Post_author_id_fkey",
        &["author_id"],
        ("public", "users"),
        &["id"],
        "RESTRICT",
        "CASCADE",
    )];
    let mut tag = table(
        "public",
        "Tag",
        &[("id", "uuid", false), ("label", "text", false)],
    );
    tag.indexes = vec![index("Tag_pkey", &["id"], true, true)];
    let mut comment = table(
        "public",
        "Comment",
        &[
            ("id", "integer", false),
            ("body", "text", false),
            ("postId", "integer", false),
        ],
    );
    comment.indexes = vec![index("Comment_pkey", &["id"], true, true)];
    comment.foreign_keys = vec![fk(
        "Comment_postId_fkey",
        &["postId"],
        ("public", "Post"),
        &["id"],
        "CASCADE",
        "CASCADE",
    )];
    let mut join = table(
        "public",
        "_PostToTag",
        &[("A", "integer", false), ("B", "uuid", false)],
    );
    join.indexes = vec![
        index("_PostToTag_AB_pkey", &["A", "B"], true, true),
        index("_PostToTag_B_index", &["B"], false, false),
    ];
    join.foreign_keys = vec![
        fk(
            "_PostToTag_A_fkey",
            &["A"],
            ("public", "Post"),
            &["id"],
            "CASCADE",
            "CASCADE",
        ),
        fk(
            "_PostToTag_B_fkey",
            &["B"],
            ("public", "Tag"),
            &["id"],
            "CASCADE",
            "CASCADE",
        ),
    ];
    let migrations = table(
        "public",
        "_prisma_migrations",
        &[("id", "character varying(36)", false)],
    );
    DatabaseSnapshot {
        tables: vec![users, post, tag, comment, join, migrations],
        stats_reset: Some("2026-11-01T00:00:00Z".to_string()),
        server_version: "15.10".to_string(),
    }
}

fn table_mut<'a>(snapshot: &'a mut DatabaseSnapshot, name: &str) -> &'a mut Table {
    snapshot
        .tables
        .iter_mut()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no table {name}"))
}

fn index_mut<'a>(snapshot: &'a mut DatabaseSnapshot, table: &str, name: &str) -> &'a mut Index {
    table_mut(snapshot, table)
        .indexes
        .iter_mut()
        .find(|i| i.name == name)
        .unwrap_or_else(|| panic!("no index {name}"))
}

fn findings(schema: Schema, snapshot: &DatabaseSnapshot) -> String {
    let diagnostics = database::check(&schema, snapshot);
    render(OutputFormat::Human, &[(schema, diagnostics)], false)
}

fn codes_of(schema: &Schema, snapshot: &DatabaseSnapshot) -> Vec<String> {
    database::check(schema, snapshot)
        .into_iter()
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn a_database_matching_its_schema_gives_no_finding() {
    let diagnostics = database::check(&fixture("blog"), &blog_database());
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let diagnostics = database::check(&fixture("multi-schema"), &multi_schema_database());
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn the_schema_declares_what_the_database_lacks() {
    let mut snapshot = blog_database();
    snapshot.tables.retain(|t| t.name != "Tag");
    let users = table_mut(&mut snapshot, "users");
    users.columns.retain(|c| c.name != "name");
    users.columns[2].nullable = true; // created_at
    users.indexes[1].name = "users_email_key".to_string();
    let post = table_mut(&mut snapshot, "Post");
    post.indexes.retain(|i| i.name != "Post_title_idx");
    post.foreign_keys.clear();
    post.columns[1].data_type = "text".to_string();
    let comment = table_mut(&mut snapshot, "Comment");
    comment.foreign_keys[0].on_delete = "NO ACTION".to_string();
    let join = table_mut(&mut snapshot, "_PostToTag");
    join.indexes.retain(|i| !i.primary);
    insta::assert_snapshot!(findings(fixture("blog"), &snapshot));
}

#[test]
fn the_database_has_what_the_schema_does_not_declare() {
    let mut snapshot = blog_database();
    snapshot
        .tables
        .push(table("public", "audit_log", &[("id", "bigint", false)]));
    // Another PostgreSQL schema: none of this schema's business.
    snapshot
        .tables
        .push(table("reporting", "daily", &[("day", "date", false)]));
    let users = table_mut(&mut snapshot, "users");
    users.columns.push(Column {
        name: "phone".to_string(),
        data_type: "text".to_string(),
        nullable: true,
    });
    users.indexes.push(index(
        "users_lower_email_idx",
        &["lower(email_address)"],
        true,
        false,
    ));
    let comment = table_mut(&mut snapshot, "Comment");
    comment
        .indexes
        .push(index("comment_post", &["postId"], false, false));
    comment.foreign_keys.push(fk(
        "comment_self",
        &["id"],
        ("public", "users"),
        &["id"],
        "NO ACTION",
        "NO ACTION",
    ));
    let join = table_mut(&mut snapshot, "_PostToTag");
    join.columns.push(Column {
        name: "position".to_string(),
        data_type: "integer".to_string(),
        nullable: true,
    });
    insta::assert_snapshot!(findings(fixture("blog"), &snapshot));
}

#[test]
fn unused_indexes_are_reported_with_their_size_never_unique_ones() {
    let mut snapshot = blog_database();
    for table in &mut snapshot.tables {
        for index in &mut table.indexes {
            index.scans = 0;
        }
    }
    index_mut(&mut snapshot, "Post", "Post_title_idx").bytes = 3 * 1024 * 1024 / 2;
    insta::assert_snapshot!(findings(fixture("blog"), &snapshot));
    let codes = codes_of(&fixture("blog"), &snapshot);
    // Post_title_idx and _PostToTag_B_index only: the others are unique or primary keys.
    assert_eq!(codes, ["db/unused-index", "db/unused-index"], "{codes:?}");
}

#[test]
fn partial_indexes_the_schema_does_not_declare() {
    let mut snapshot = blog_database();
    index_mut(&mut snapshot, "Post", "Post_title_idx").predicate =
        Some("(title IS NOT NULL)".to_string());
    let mut live = index("users_live_name_idx", &["name"], false, false);
    live.predicate = Some("(name IS NOT NULL)".to_string());
    table_mut(&mut snapshot, "users").indexes.push(live);
    let output = findings(fixture("blog"), &snapshot);
    insta::assert_snapshot!(output);
    let codes = codes_of(&fixture("blog"), &snapshot);
    assert_eq!(codes, ["db/partial-index", "db/partial-index"], "{codes:?}");

    // Declared with `where:`: silent.
    let text =
        std::fs::read_to_string(common::fixtures_dir().join("database-findings/blog.prisma"))
            .expect("fixture")
            .replace(
                "@@index([title])",
                "@@index([title], where: { title: { not: null } })",
            );
    let schema = Schema::parse("blog.prisma", text);
    let mut snapshot = blog_database();
    index_mut(&mut snapshot, "Post", "Post_title_idx").predicate =
        Some("(title IS NOT NULL)".to_string());
    assert!(codes_of(&schema, &snapshot).is_empty());
}

#[test]
fn missing_fk_index_gets_evidence_and_is_raised_on_large_scanned_tables() {
    let schema = fixture("blog");
    let advice = analysis::advise(&schema, &Options::default());
    let missing: Vec<_> = advice
        .iter()
        .filter(|d| d.code == codes::ADVICE_MISSING_FK_INDEX)
        .cloned()
        .collect();
    assert_eq!(missing.len(), 1, "{advice:#?}");
    assert_eq!(missing[0].severity, Severity::Info);

    let small = blog_database();
    let evidence = fk_index_evidence(&schema, &small, &missing[0]).expect("evidence");
    assert_eq!(
        evidence,
        "the child table `public.Comment` had 10 sequential scans reading 1,000 rows (≈100 rows, 8 kB)"
    );
    let mut quiet = missing.clone();
    add_fk_index_evidence(&schema, &small, &mut quiet);
    assert_eq!(quiet[0].severity, Severity::Info);
    assert!(
        quiet[0].message.ends_with(&evidence),
        "{}",
        quiet[0].message
    );

    let mut large = blog_database();
    let comment = table_mut(&mut large, "Comment");
    comment.row_estimate = 250_000.0;
    comment.seq_scans = 4_321;
    comment.seq_rows_read = 1_080_250_000;
    comment.table_bytes = 40 * 1024 * 1024;
    let mut loud = missing.clone();
    add_fk_index_evidence(&schema, &large, &mut loud);
    assert_eq!(loud[0].severity, Severity::Error);
    insta::assert_snapshot!(loud[0].message);

    // Other findings get no evidence.
    let other = advice
        .iter()
        .find(|d| d.code != codes::ADVICE_MISSING_FK_INDEX);
    if let Some(other) = other {
        assert_eq!(fk_index_evidence(&schema, &large, other), None);
    }
}

#[test]
fn hover_text_of_tables_and_columns() {
    let schema = fixture("blog");
    let snapshot = blog_database();
    let user = schema.find_model("User").expect("User");
    let post = schema.find_model("Post").expect("Post");
    let text = format!(
        "{}\n\n---\n\n{}\n\n---\n\n{}",
        table_stats(&schema, &snapshot, user).expect("users"),
        column_stats(
            &schema,
            &snapshot,
            user,
            user.field("email").expect("email")
        )
        .expect("email_address"),
        column_stats(
            &schema,
            &snapshot,
            post,
            post.field("authorId").expect("authorId")
        )
        .expect("author_id"),
    );
    insta::assert_snapshot!(text);
    // A relation field has no column.
    assert_eq!(
        column_stats(
            &schema,
            &snapshot,
            user,
            user.field("posts").expect("posts")
        ),
        None
    );
}

/// The database of `multi-schema.prisma`: explicit names with `map:`, `@@schema`.
fn multi_schema_database() -> DatabaseSnapshot {
    let mut accounts = table(
        "auth",
        "accounts",
        &[
            ("id", "uuid", false),
            ("email", "character varying(320)", false),
        ],
    );
    accounts.indexes = vec![
        index("accounts_pkey", &["id"], true, true),
        index("account_email_unique", &["email"], true, false),
    ];
    let mut invoice = table(
        "billing",
        "Invoice",
        &[
            ("id", "bigint", false),
            ("account_id", "uuid", false),
            ("total", "numeric(12,2)", false),
        ],
    );
    invoice.indexes = vec![
        index("Invoice_pkey", &["id"], true, true),
        index("invoices_by_account", &["account_id"], false, false),
    ];
    invoice.foreign_keys = vec![fk(
        "invoice_account",
        &["account_id"],
        ("auth", "accounts"),
        &["id"],
        "CASCADE",
        "CASCADE",
    )];
    let migrations = table("auth", "_prisma_migrations", &[("id", "text", false)]);
    DatabaseSnapshot {
        tables: vec![accounts, invoice, migrations],
        stats_reset: None,
        server_version: "15.10".to_string(),
    }
}

#[test]
fn multi_schema_names_and_drift() {
    let mut snapshot = multi_schema_database();
    // The table in the wrong schema: missing in `billing`, undeclared in `auth`.
    let mut moved = table_mut(&mut snapshot, "Invoice").clone();
    snapshot.tables.retain(|t| t.name != "Invoice");
    moved.schema = "auth".to_string();
    snapshot.tables.push(moved);
    insta::assert_snapshot!(findings(fixture("multi-schema"), &snapshot));
}

#[test]
fn models_without_schema_follow_the_database_default_schema() {
    let mut snapshot = blog_database();
    for table in &mut snapshot.tables {
        table.schema = "app".to_string();
        for fk in &mut table.foreign_keys {
            fk.referenced_schema = "app".to_string();
        }
    }
    let diagnostics = database::check(&fixture("blog"), &snapshot);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn only_postgresql_and_cockroachdb_get_database_advice() {
    let text =
        std::fs::read_to_string(common::fixtures_dir().join("database-findings/blog.prisma"))
            .expect("fixture");
    let mysql = Schema::parse("blog.prisma", text.replace("postgresql", "mysql"));
    assert!(codes_of(&mysql, &DatabaseSnapshot::default()).is_empty());
    let cockroach = Schema::parse("blog.prisma", text.replace("postgresql", "cockroachdb"));
    // CockroachDB: the same names; types are not compared (its type names differ).
    let mut snapshot = blog_database();
    table_mut(&mut snapshot, "users").columns[1].data_type = "STRING".to_string();
    assert!(codes_of(&cockroach, &snapshot).is_empty());
    // An empty database: every table is missing.
    let codes = codes_of(&cockroach, &DatabaseSnapshot::default());
    assert_eq!(codes.len(), 5, "{codes:?}");
}

#[test]
fn relation_mode_prisma_expects_no_foreign_keys() {
    let text =
        std::fs::read_to_string(common::fixtures_dir().join("database-findings/blog.prisma"))
            .expect("fixture")
            .replace(
                "provider = \"postgresql\"",
                "provider     = \"postgresql\"\n  relationMode = \"prisma\"",
            );
    let schema = Schema::parse("blog.prisma", text);
    let mut snapshot = blog_database();
    for table in &mut snapshot.tables {
        table.foreign_keys.clear();
    }
    assert!(codes_of(&schema, &snapshot).is_empty());
}

#[test]
fn user_levels_and_suppression_comments_apply() {
    use prisma_analyzer::analysis::advisor::{AdvisorSettings, Level};
    let mut snapshot = blog_database();
    snapshot.tables.retain(|t| t.name != "Tag");
    index_mut(&mut snapshot, "Post", "Post_title_idx").scans = 0;
    let schema = fixture("blog");
    let defaults = database::findings::check_with_options(&schema, &snapshot, &Options::default());
    let codes: Vec<&str> = defaults.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["db/unused-index", "db/drift"], "{defaults:#?}");

    let mut settings = AdvisorSettings::default();
    settings
        .levels
        .insert("db/unused-index".to_string(), Level::Off);
    settings
        .levels
        .insert("db/drift".to_string(), Level::On(Severity::Error));
    let options = Options {
        advisor: std::sync::Arc::new(settings),
        ..Options::default()
    };
    let leveled = database::findings::check_with_options(&schema, &snapshot, &options);
    assert_eq!(leveled.len(), 1, "{leveled:#?}");
    assert_eq!(leveled[0].severity, Severity::Error);

    let text =
        std::fs::read_to_string(common::fixtures_dir().join("database-findings/blog.prisma"))
            .expect("fixture")
            .replace(
                "model Tag {",
                "// prisma-analyzer-ignore db/drift\nmodel Tag {",
            );
    let schema = Schema::parse("blog.prisma", text);
    let quiet = database::findings::check_with_options(&schema, &snapshot, &Options::default());
    let codes: Vec<&str> = quiet.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(codes, ["db/unused-index"], "{quiet:#?}");
}
