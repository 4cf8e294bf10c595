//! A throwaway PostgreSQL cluster for the tests (initdb/pg_ctl in a temporary folder, a unix
//! socket only), and Prisma's own SQL for a schema (`.ci/reference/migrate.js`: what
//! `prisma migrate diff --from-empty --to-schema … --script` prints for PostgreSQL).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// PostgreSQL's binaries: `PG_BIN`, else the newest `/usr/lib/postgresql/*/bin`.
pub fn postgres_bin() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("PG_BIN") {
        return Some(dir.into());
    }
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .ok()?
        .filter_map(|e| Some(e.ok()?.path().join("bin")))
        .filter(|bin| bin.join("initdb").is_file() && bin.join("psql").is_file())
        .collect();
    dirs.sort();
    dirs.pop()
}

/// Says why `what` is skipped, or fails when `CI` is set (there PostgreSQL must be present).
fn skip(what: &str, why: &str) {
    let message = format!("SKIPPED {what}: {why}");
    assert!(std::env::var_os("CI").is_none(), "{message}");
    eprintln!("{message}");
}

/// A throwaway cluster on a unix socket in a temporary folder, stopped and removed on drop.
/// PostgreSQL refuses to run as root: then it runs as the `postgres` user (via `runuser`).
/// Its superuser is `postgres`, with `trust` authentication.
pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    as_postgres: bool,
}

/// Roles named here log in with a password (`scram-sha-256`); everyone else is trusted.
pub const PASSWORD_ROLE: &str = "secretive";

static CLUSTERS: AtomicUsize = AtomicUsize::new(0);

impl Cluster {
    /// A running cluster, or `None` with a message naming `what` is skipped when PostgreSQL's
    /// binaries are missing or the cluster does not start; on CI (`CI` set) that fails.
    pub fn start_for(what: &str) -> Option<Cluster> {
        let Some(bin) = postgres_bin() else {
            skip(what, "no PostgreSQL binaries (set PG_BIN)");
            return None;
        };
        let cluster = Cluster::start(bin);
        if cluster.is_none() {
            skip(what, "could not start a PostgreSQL cluster");
        }
        cluster
    }

    pub fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            Command::new(path)
        }
    }

    pub fn start(bin: PathBuf) -> Option<Cluster> {
        let is_root = Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let dir = std::env::temp_dir().join(format!(
            "prisma-analyzer-pg-{}-{}",
            std::process::id(),
            CLUSTERS.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).ok()?;
        let cluster = Cluster {
            bin,
            dir,
            as_postgres: is_root,
        };
        if is_root {
            let chowned = Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&cluster.dir)
                .status()
                .is_ok_and(|s| s.success());
            if !chowned {
                return None;
            }
        }
        let data = cluster.dir.join("data");
        let initdb = cluster
            .command("initdb")
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(&data)
            .output()
            .ok()?;
        if !initdb.status.success() {
            eprintln!("initdb: {}", String::from_utf8_lossy(&initdb.stderr));
            return None;
        }
        let hba = format!("local all {PASSWORD_ROLE} scram-sha-256\nlocal all all trust\n");
        std::fs::write(data.join("pg_hba.conf"), hba).ok()?;
        let options = format!(
            "-k {} -c listen_addresses='' -F",
            cluster.dir.to_string_lossy()
        );
        let started = cluster
            .command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "-w", "-l"])
            .arg(cluster.dir.join("log"))
            .arg("start")
            .status()
            .is_ok_and(|s| s.success());
        started.then_some(cluster)
    }

    /// The folder holding the cluster's unix socket (libpq's `host`).
    pub fn socket_dir(&self) -> &Path {
        &self.dir
    }

    /// A connection URL for `role` on `database` over the unix socket
    /// (`postgresql://ROLE@localhost/DB?host=/socket/folder`, as libpq and tokio-postgres
    /// read it); the superuser is `postgres`.
    pub fn url(&self, role: &str, database: &str) -> String {
        format!(
            "postgresql://{role}@localhost/{database}?host={}&sslmode=disable",
            self.dir.to_string_lossy()
        )
    }

    /// Runs SQL with psql as `role` in the `postgres` database; stdout, or the error output.
    pub fn psql(&self, role: &str, sql: &str) -> Result<String, String> {
        self.psql_in("postgres", role, sql)
    }

    /// Runs SQL with psql as `role` in `database`, stopping at the first error; stdout, or
    /// the error output.
    pub fn psql_in(&self, database: &str, role: &str, sql: &str) -> Result<String, String> {
        use std::io::Write;
        let mut child = self
            .command("psql")
            .arg("-h")
            .arg(&self.dir)
            .args(["-U", role, "-d", database, "-X", "-q", "-t", "-A"])
            .args(["-v", "ON_ERROR_STOP=1", "-f", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        let mut stdin = child.stdin.take().ok_or("psql has no stdin")?;
        let input = sql.as_bytes().to_vec();
        // Written from a thread: psql's output could fill its pipe before it has read all.
        let writer = std::thread::spawn(move || stdin.write_all(&input));
        let output = child.wait_with_output().map_err(|e| e.to_string())?;
        let written = writer
            .join()
            .map_err(|_| "the psql writer panicked".to_string())?;
        if output.status.success() {
            written.map_err(|e| e.to_string())?;
            Ok(String::from_utf8_lossy(&output.stdout).to_string())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).to_string())
        }
    }

    /// Creates an empty database `name` (a plain identifier: letters, digits, `_`).
    pub fn create_database(&self, name: &str) -> Result<(), String> {
        self.psql("postgres", &format!("CREATE DATABASE \"{name}\";"))
            .map(|_| ())
    }

    /// Creates database `name` and applies `sql` there in one transaction; the error output
    /// when it does not apply.
    pub fn create_database_with(&self, name: &str, sql: &str) -> Result<(), String> {
        self.create_database(name)?;
        self.psql_in(name, "postgres", &format!("BEGIN;\n{sql}\nCOMMIT;\n"))
            .map(|_| ())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.dir.join("data"))
            .args(["-m", "immediate", "-w", "stop"])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// What Prisma's schema engine makes of a schema (see `.ci/reference/migrate.js`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrismaSql {
    /// The SQL creating the schema from an empty database, and the engine that wrote it:
    /// `"7"`, or `"6"` when only Prisma 6 accepts the schema (`url` in its datasource, …).
    Created { sql: String, engine: String },
    /// Neither engine accepts the schema: their messages.
    Rejected(String),
}

/// `.ci/reference` with Prisma's schema engines installed, or `None` with a message naming
/// `what` is skipped; on CI they must be installed.
pub fn migrate_reference_dir(what: &str) -> Option<PathBuf> {
    let dir = super::reference_dir(what)?;
    let installed = [
        "schema-engine-wasm-7",
        "schema-engine-wasm-6",
        "@prisma/driver-adapter-utils",
    ]
    .iter()
    .all(|package| dir.join("node_modules").join(package).is_dir());
    if installed {
        return Some(dir);
    }
    skip(
        what,
        "Prisma's schema engines are not installed (run `npm ci --prefix .ci/reference`)",
    );
    None
}

/// Prisma's create-from-empty SQL for each schema (its files as `(name, text)`), from one
/// node run of `.ci/reference/migrate.js`; `None` (with a message) when the engines are not
/// installed.
pub fn prisma_create_sqls(schemas: &[Vec<(String, String)>]) -> Option<Vec<PrismaSql>> {
    let dir = migrate_reference_dir("Prisma's migration SQL")?;
    let results = super::run_reference_script(&dir, "migrate.js", schemas);
    assert_eq!(
        results.len(),
        schemas.len(),
        "one migrate.js result per schema"
    );
    Some(
        results
            .into_iter()
            .map(
                |result| match (result["sql"].as_str(), result["engine"].as_str()) {
                    (Some(sql), Some(engine)) => PrismaSql::Created {
                        sql: sql.to_string(),
                        engine: engine.to_string(),
                    },
                    _ => PrismaSql::Rejected(
                        result["error"]
                            .as_str()
                            .unwrap_or("migrate.js gave neither SQL nor an error")
                            .to_string(),
                    ),
                },
            )
            .collect(),
    )
}

/// Prisma's SQL creating the one-file schema `schema_text` in an empty PostgreSQL database
/// (`prisma migrate diff --from-empty --to-schema … --script`); `None` (with a message) when
/// Prisma's engines are not installed. Panics when Prisma rejects the schema.
pub fn prisma_create_sql(schema_text: &str) -> Option<String> {
    let schemas = vec![vec![("schema.prisma".to_string(), schema_text.to_string())]];
    match prisma_create_sqls(&schemas)?.pop() {
        Some(PrismaSql::Created { sql, .. }) => Some(sql),
        Some(PrismaSql::Rejected(error)) => panic!("Prisma rejects the schema: {error}"),
        None => panic!("migrate.js gave no result"),
    }
}
