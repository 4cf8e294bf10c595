//! A throwaway PostgreSQL cluster for tests: `initdb` in a temporary folder, listening on a
//! unix socket there only, stopped and removed on drop. PostgreSQL refuses to run as root:
//! then it runs as the `postgres` user (via `runuser`).
//!
//! [`Cluster::start_or_skip`] returns `None` (with a SKIPPED message) when PostgreSQL is not
//! installed, unless `CI` is set: on CI a missing PostgreSQL is a failure.
#![allow(dead_code)]

use std::path::PathBuf;
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

pub struct Cluster {
    bin: PathBuf,
    /// The folder of the data and of the socket.
    pub dir: PathBuf,
    as_postgres: bool,
}

/// Roles named here log in with a password (`scram-sha-256`); everyone else is trusted.
pub const PASSWORD_ROLE: &str = "secretive";

static COUNTER: AtomicUsize = AtomicUsize::new(0);

impl Cluster {
    /// A running cluster, or `None` after a SKIPPED message when PostgreSQL is missing and
    /// `CI` is unset. Panics on CI, or when PostgreSQL is installed but does not start.
    pub fn start_or_skip() -> Option<Cluster> {
        let Some(bin) = postgres_bin() else {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI: PostgreSQL is required (install postgresql or set PG_BIN)"
            );
            eprintln!("SKIPPED: no PostgreSQL binaries (set PG_BIN)");
            return None;
        };
        match Cluster::start(bin) {
            Ok(cluster) => Some(cluster),
            Err(why) => panic!("PostgreSQL is installed but the cluster did not start: {why}"),
        }
    }

    pub fn command(&self, program: &str) -> std::process::Command {
        let path = self.bin.join(program);
        if self.as_postgres {
            let mut command = std::process::Command::new("runuser");
            command.args(["-u", "postgres", "--"]).arg(path);
            command
        } else {
            std::process::Command::new(path)
        }
    }

    fn start(bin: PathBuf) -> Result<Cluster, String> {
        let is_root = std::process::Command::new("id")
            .arg("-u")
            .output()
            .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
        let dir = std::env::temp_dir().join(format!(
            "prisma-analyzer-pg-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let cluster = Cluster {
            bin,
            dir,
            as_postgres: is_root,
        };
        if is_root {
            let chowned = std::process::Command::new("chown")
                .args(["postgres:postgres"])
                .arg(&cluster.dir)
                .status()
                .is_ok_and(|s| s.success());
            if !chowned {
                return Err("cannot chown the cluster's folder to postgres".into());
            }
        }
        let data = cluster.dir.join("data");
        let initdb = cluster
            .command("initdb")
            .args(["-A", "trust", "-U", "postgres", "--no-sync", "-D"])
            .arg(&data)
            .output()
            .map_err(|e| e.to_string())?;
        if !initdb.status.success() {
            return Err(format!(
                "initdb: {}",
                String::from_utf8_lossy(&initdb.stderr)
            ));
        }
        let hba = format!("local all {PASSWORD_ROLE} scram-sha-256\nlocal all all trust\n");
        std::fs::write(data.join("pg_hba.conf"), hba).map_err(|e| e.to_string())?;
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
            .output()
            .map_err(|e| e.to_string())?;
        if started.status.success() {
            Ok(cluster)
        } else {
            let log = std::fs::read_to_string(cluster.dir.join("log")).unwrap_or_default();
            Err(format!("pg_ctl start: {log}"))
        }
    }

    /// A URL for `role` on database `db`, over the socket.
    pub fn url(&self, role: &str, db: &str) -> String {
        format!(
            "postgresql://{role}@/{db}?host={}&sslmode=disable",
            self.dir.display()
        )
    }

    /// Runs SQL with psql as `role` on `db`; stdout, or the error output.
    pub fn psql_on(&self, role: &str, db: &str, sql: &str) -> Result<String, String> {
        use std::io::Write;
        let mut child = self
            .command("psql")
            .arg("-h")
            .arg(&self.dir)
            .args(["-U", role, "-d", db, "-X", "-q", "-t", "-A"])
            .args(["-v", "ON_ERROR_STOP=1", "-f", "-"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| e.to_string())?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(sql.as_bytes()).map_err(|e| e.to_string())?;
        }
        let output = child.wait_with_output().map_err(|e| e.to_string())?;
        if output.status.success() {
            Ok(String::from_utf8_lossy(&output.stdout).to_string())
        } else {
            Err(String::from_utf8_lossy(&output.stderr).to_string())
        }
    }

    pub fn psql(&self, role: &str, sql: &str) -> Result<String, String> {
        self.psql_on(role, "postgres", sql)
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
