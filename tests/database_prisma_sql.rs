//! Prisma's own migration SQL (`.ci/reference/migrate.js`, the schema engine `prisma migrate`
//! runs, offline) for the database fixtures (`tests/fixtures/database/`) and every PostgreSQL
//! schema of `../shared/corpus/real`, applied to a throwaway PostgreSQL cluster, each schema in
//! its own database: the databases the drift check must find no drift in, and does not.

mod common;

use common::postgres::{Cluster, PrismaSql, prisma_create_sqls};
use prisma_analyzer::cli::resolve_paths;
use prisma_analyzer::database;
use prisma_analyzer::model::{Schema, SourceFile};
use std::path::Path;

/// What the database findings say about a database Prisma created from `files`: every
/// `db/drift` and `db/partial-index` (there should be none).
fn drift(cluster: &Cluster, database: &str, files: &[(String, String)]) -> Vec<String> {
    let schema = Schema::new(
        files
            .iter()
            .map(|(name, text)| SourceFile::parse(name.clone(), text.clone()))
            .collect(),
    );
    let (url, schemas) =
        database::target(&schema, &cluster.url("postgres", database)).expect("the URL");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let snapshot = runtime
        .block_on(database::read_target(
            &url,
            &schemas,
            &database::ConnectOptions::default(),
        ))
        .unwrap_or_else(|e| panic!("{database}: {e}"));
    database::check(&schema, &snapshot)
        .into_iter()
        .filter(|d| d.code.0 == "db/drift" || d.code.0 == "db/partial-index")
        .map(|d| {
            let file = schema.file(d.span.file);
            let line = file.text[..d.span.start as usize].matches('\n').count() + 1;
            format!("{}:{line}: {}", file.name, d.message)
        })
        .collect()
}

/// The database fixtures, each as its files `(name, text)`.
fn fixtures() -> Vec<(String, Vec<(String, String)>)> {
    let dir = common::fixtures_dir().join("database");
    common::prisma_files(&dir)
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .expect("a file name");
            let text = std::fs::read_to_string(&path).expect("a fixture");
            (name.clone(), vec![(name, text)])
        })
        .collect()
}

/// The corpus schemas SOURCES.tsv lists with provider `postgresql`, each as its files.
fn postgres_corpus(corpus: &Path) -> Vec<(String, Vec<(String, String)>)> {
    let sources = std::fs::read_to_string(corpus.join("SOURCES.tsv")).expect("SOURCES.tsv");
    let header: Vec<&str> = sources
        .lines()
        .next()
        .unwrap_or_default()
        .split('\t')
        .collect();
    let column = |name: &str| {
        header
            .iter()
            .position(|c| *c == name)
            .unwrap_or_else(|| panic!("a {name} column in SOURCES.tsv"))
    };
    let (file_column, provider_column) = (column("file"), column("provider"));
    let mut schemas = Vec::new();
    for line in sources.lines().skip(1) {
        let columns: Vec<&str> = line.split('\t').collect();
        if columns.get(provider_column) != Some(&"postgresql") {
            continue;
        }
        let name = columns[file_column].trim_end_matches('/');
        let (inputs, errors) = resolve_paths(&[corpus.join(name)]);
        assert!(errors.is_empty() && inputs.len() == 1, "{name}: {errors:?}");
        let files = inputs[0]
            .files
            .iter()
            .map(|path| {
                let file = path
                    .strip_prefix(corpus)
                    .unwrap_or(path)
                    .to_string_lossy()
                    .to_string();
                (file, std::fs::read_to_string(path).expect("a corpus file"))
            })
            .collect();
        schemas.push((name.to_string(), files));
    }
    schemas
}

/// A database name for the `index`th schema (`name` kept readable, within 63 bytes).
fn database_name(index: usize, name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    format!("s{index:02}_{cleaned}")
}

/// What a corpus schema needs in its database before Prisma's SQL (what its own migrations
/// create outside the schema), or how Prisma's SQL for it fails.
struct Setup {
    /// Extensions its SQL uses without creating them (or that must be installed at all).
    extensions: &'static [&'static str],
    /// SQL run first.
    sql: &'static str,
    /// Prisma's SQL itself fails (a message part), whatever the setup.
    fails_with: Option<&'static str>,
}

fn setup_for(name: &str) -> Setup {
    let mut setup = Setup {
        extensions: &[],
        sql: "",
        fails_with: None,
    };
    match name {
        // `@db.Citext` columns; the project's migrations create the extension.
        "civitai__civitai__packages_civitai-db-schema_prisma_schema.full.prisma" => {
            setup.extensions = &["citext"];
        }
        // `@@index(..., ops: raw("gin_trgm_ops"))`.
        "documenso__documenso__packages_prisma_schema.prisma" => setup.extensions = &["pg_trgm"],
        // pgvector: declared in the schema's `extensions` or used as `Unsupported("vector(…)")`.
        "formbricks__formbricks"
        | "Linen-dev__linen.dev__packages_database_prisma_schema.prisma"
        | "pdovhomilja__nextcrm-app__prisma_schema.prisma" => setup.extensions = &["vector"],
        // `@default(dbgenerated("generate_prefixed_cuid('…'::text)"))`: a function of the
        // project's migrations (a stand-in here).
        "trycompai__comp" => {
            setup.sql = "CREATE FUNCTION generate_prefixed_cuid(prefix text) RETURNS text LANGUAGE sql AS $$ SELECT prefix || '_' || md5(random()::text) $$;\n";
        }
        // A generated column written as `dbgenerated` default: Prisma's SQL puts it in a
        // DEFAULT, which PostgreSQL refuses (the project edits its migrations by hand).
        "maybe-finance__maybe__prisma_schema.prisma" => {
            setup.fails_with = Some("cannot use column reference in DEFAULT expression");
        }
        _ => {}
    }
    setup
}

#[test]
fn prismas_sql_for_the_fixtures_applies_to_postgresql() {
    let schemas = fixtures();
    assert!(schemas.len() >= 4, "the database fixtures");
    let Some(results) = prisma_create_sqls(
        &schemas
            .iter()
            .map(|(_, files)| files.clone())
            .collect::<Vec<_>>(),
    ) else {
        return;
    };
    let Some(cluster) = Cluster::start_for("Prisma's SQL on PostgreSQL") else {
        return;
    };
    for (index, ((name, _), result)) in schemas.iter().zip(&results).enumerate() {
        let sql = match result {
            PrismaSql::Created { sql, engine } => {
                // The fixtures are Prisma 7 schemas.
                assert_eq!(engine, "7", "{name}");
                sql
            }
            PrismaSql::Rejected(error) => panic!("Prisma rejects the fixture {name}: {error}"),
        };
        assert!(sql.contains("CREATE TABLE"), "{name}: {sql}");
        let database = database_name(index, name);
        cluster
            .create_database_with(&database, sql)
            .unwrap_or_else(|e| panic!("{name}: Prisma's SQL does not apply: {e}\n{sql}"));
        let tables = cluster
            .psql_in(
                &database,
                "postgres",
                "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema');",
            )
            .expect("tables counted");
        assert_ne!(tables.trim(), "0", "{name}: no tables created");
        let found = drift(&cluster, &database, &schemas[index].1);
        assert!(
            found.is_empty(),
            "{name}: drift in the database Prisma created:\n{}",
            found.join("\n")
        );
    }
    // Spot checks of what Prisma writes (what the drift check must match).
    let sql_of = |fixture: &str| {
        let index = schemas
            .iter()
            .position(|(name, _)| name == fixture)
            .unwrap_or_else(|| panic!("the fixture {fixture}"));
        match &results[index] {
            PrismaSql::Created { sql, .. } => sql.clone(),
            PrismaSql::Rejected(error) => panic!("{error}"),
        }
    };
    let relations = sql_of("relations.prisma");
    assert!(
        relations.contains("CREATE TABLE \"_Friends\""),
        "{relations}"
    );
    assert!(
        relations.contains("CREATE INDEX \"_PostToTag_B_index\""),
        "{relations}"
    );
    let multi = sql_of("multi-schema.prisma");
    assert!(
        multi.contains("CREATE TABLE \"auth\".\"accounts\""),
        "{multi}"
    );
    let mapped = sql_of("mapped.prisma");
    assert!(
        mapped.contains("CONSTRAINT \"membership_pk\" PRIMARY KEY (\"org_id\",\"user_id\")"),
        "{mapped}"
    );
}

/// The one-schema helper the drift tests use.
#[test]
fn prisma_create_sql_of_one_schema() {
    let text = "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel User {\n  id    Int    @id\n  email String @unique\n\n  @@map(\"users\")\n}\n";
    let Some(sql) = common::postgres::prisma_create_sql(text) else {
        return;
    };
    assert!(sql.contains("CREATE TABLE \"users\""), "{sql}");
    assert!(
        sql.contains("CREATE UNIQUE INDEX \"users_email_key\" ON \"users\"(\"email\");"),
        "{sql}"
    );
}

/// Prisma rejects a schema without a datasource (neither engine writes SQL for it), and says so.
#[test]
fn prisma_rejects_what_it_cannot_migrate() {
    let Some(results) = prisma_create_sqls(&[vec![(
        "schema.prisma".to_string(),
        "model User {\n  id Int @id\n}\n".to_string(),
    )]]) else {
        return;
    };
    match &results[..] {
        [PrismaSql::Rejected(error)] => assert!(error.contains("datasource"), "{error}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn prismas_sql_for_the_postgresql_corpus_applies_to_postgresql() {
    let Some(shared) = common::shared_dir("Prisma's SQL for the corpus") else {
        return;
    };
    let corpus = shared.join("corpus/real");
    let schemas = postgres_corpus(&corpus);
    assert!(
        schemas.len() >= 30,
        "{} PostgreSQL corpus schemas",
        schemas.len()
    );
    let Some(results) = prisma_create_sqls(
        &schemas
            .iter()
            .map(|(_, files)| files.clone())
            .collect::<Vec<_>>(),
    ) else {
        return;
    };
    let Some(cluster) = Cluster::start_for("Prisma's SQL on PostgreSQL") else {
        return;
    };
    let available = cluster
        .psql(
            "postgres",
            "SELECT string_agg(name, ',') FROM pg_available_extensions;",
        )
        .expect("the available extensions");
    let available: Vec<&str> = available.trim().split(',').collect();
    let (mut applied, mut rejected, mut failed) = (Vec::new(), Vec::new(), Vec::new());
    let mut unavailable = Vec::new();
    let mut drifted = Vec::new();
    for (index, ((name, _), result)) in schemas.iter().zip(&results).enumerate() {
        match result {
            PrismaSql::Created { sql, engine } => {
                let setup = setup_for(name);
                if let Some(missing) = setup
                    .extensions
                    .iter()
                    .find(|extension| !available.contains(extension))
                {
                    unavailable.push(format!("{name}: the {missing} extension is not installed"));
                    continue;
                }
                let mut prelude: String = setup
                    .extensions
                    .iter()
                    .map(|extension| format!("CREATE EXTENSION IF NOT EXISTS \"{extension}\";\n"))
                    .collect();
                prelude.push_str(setup.sql);
                let database = database_name(index, name);
                let applies = cluster.create_database_with(&database, &format!("{prelude}{sql}"));
                match (applies, setup.fails_with) {
                    (Ok(()), None) => {
                        applied.push(format!("{name} (Prisma {engine})"));
                        let found = drift(&cluster, &database, &schemas[index].1);
                        if !found.is_empty() {
                            drifted.push(format!("{name}:\n    {}", found.join("\n    ")));
                        }
                    }
                    (Err(error), Some(expected)) if error.contains(expected) => {
                        println!("{name}: Prisma's SQL fails as expected: {expected}");
                    }
                    (Ok(()), Some(expected)) => failed.push(format!(
                        "{name}: applies, but was expected to fail with {expected}"
                    )),
                    (Err(error), _) => failed.push(format!("{name}: {error}")),
                }
            }
            PrismaSql::Rejected(error) => {
                let first = error.lines().next().unwrap_or_default();
                rejected.push(format!("{name}: {first}"));
            }
        }
    }
    println!(
        "{} of {} PostgreSQL corpus schemas: Prisma's SQL applied\n  {}",
        applied.len(),
        schemas.len(),
        applied.join("\n  ")
    );
    println!(
        "rejected by Prisma ({}):\n  {}",
        rejected.len(),
        rejected.join("\n  ")
    );
    println!(
        "not applied ({}):\n  {}",
        unavailable.len(),
        unavailable.join("\n  ")
    );
    assert!(
        failed.is_empty(),
        "Prisma's SQL does not apply:\n{}",
        failed.join("\n")
    );
    // The drift check on each database Prisma created: nothing to report.
    assert!(
        drifted.is_empty(),
        "drift found in {} databases Prisma created:\n{}",
        drifted.len(),
        drifted.join("\n")
    );
    // Prisma 7, or Prisma 6 for the schemas written for it, accepts nearly all of them.
    assert!(
        rejected.is_empty(),
        "Prisma rejects:\n{}",
        rejected.join("\n")
    );
    // All but the few needing pgvector (when it is missing) and the one whose SQL fails.
    assert!(
        applied.len() + unavailable.len() + 1 == schemas.len() && applied.len() >= 30,
        "{} applied of {}",
        applied.len(),
        schemas.len()
    );
}
