//! `check --database-url`: the snapshot of the live database, read once per schema, turned
//! into diagnostics. When the database cannot be read, one `db/unavailable` warning says
//! why (with the URL masked) and the static analysis stands on its own.

use crate::analysis::Diagnostic;
use crate::database::{self, ConnectOptions, DatabaseError, DatabaseSnapshot, ErrorKind};
use crate::model::Schema;
use std::path::Path;
use std::time::Duration;

/// `--database-url` and its companions.
#[derive(Clone, Debug)]
pub struct DatabaseArgs {
    /// The URL, or `env`.
    pub url: String,
    pub options: ConnectOptions,
}

/// Parses `--statement-timeout`: `5s`, `500ms`, `2m`, or seconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, unit) = match text.find(|c: char| !c.is_ascii_digit() && c != '.') {
        Some(at) => text.split_at(at),
        None => (text, "s"),
    };
    let value: f64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a duration (e.g. 5s, 500ms)"))?;
    let seconds = match unit.trim() {
        "ms" => value / 1000.0,
        "s" | "" => value,
        "m" | "min" => value * 60.0,
        _ => return Err(format!("`{text}`: the unit must be ms, s or m")),
    };
    if !(seconds > 0.0 && seconds < 86_400.0) {
        return Err(format!("`{text}` must be between 1ms and a day"));
    }
    Ok(Duration::from_secs_f64(seconds))
}

/// Reads the database for `schema` (its first file locates `.env` for `--database-url
/// env`).
pub fn read(schema: &Schema, args: &DatabaseArgs) -> Result<DatabaseSnapshot, DatabaseError> {
    let (url, schemas) = database::target(schema, &args.url)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            DatabaseError::new(ErrorKind::Other, format!("cannot start the runtime: {e}"))
        })?;
    runtime.block_on(database::read_target(&url, &schemas, &args.options))
}

/// Adds the database's part to `schema`'s diagnostics (see `database::advise`), or one
/// `db/unavailable` warning when it cannot be read.
pub fn add_database_diagnostics(
    schema: &Schema,
    args: &DatabaseArgs,
    options: &crate::analysis::Options,
    diagnostics: &mut Vec<Diagnostic>,
) {
    match read(schema, args) {
        Ok(snapshot) => database::advise(schema, &snapshot, options, diagnostics),
        Err(error) => diagnostics.push(database::unavailable(schema, &error)),
    }
}

/// `rls --verify URL`: proves the SQL on the database in a rolled-back transaction and
/// prints the report. 0 when isolation holds, 1 when it does not, 2 when it could not be
/// checked.
pub fn run_verify(
    schema: &Schema,
    settings: &crate::analysis::advisor::AdvisorSettings,
    plan: &crate::analysis::advisor::rls::RlsPlan,
    url: &str,
    options: &ConnectOptions,
) -> u8 {
    let first = schema.file(crate::model::FileId(0)).name.clone();
    let url = match database::url::resolve(url, Some(Path::new(&first))) {
        Ok(url) => url,
        Err(error) => {
            eprintln!("error: {error}");
            return super::EXIT_USAGE;
        }
    };
    let Some(tenant) = schema
        .models()
        .find(|block| block.name.text == settings.tenant_model)
    else {
        eprintln!(
            "error: the schema has no tenant model `{}` (set `tenant-model` in prisma-analyzer.toml)",
            settings.tenant_model
        );
        return super::EXIT_USAGE;
    };
    let tenant_table = crate::analysis::advisor::rls::qualified_table(tenant);
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            return super::EXIT_USAGE;
        }
    };
    let report = runtime.block_on(async {
        let session = database::connect(&url, options).await?;
        database::verify::verify(&session, plan, &tenant_table).await
    });
    match report {
        Ok(report) => {
            if !super::print(&report.render()) {
                return super::EXIT_USAGE;
            }
            if report.holds() {
                super::EXIT_CLEAN
            } else {
                super::EXIT_DIAGNOSTICS
            }
        }
        Err(error) => {
            eprintln!(
                "error: rls --verify: {error} (nothing was changed: the transaction was rolled back)"
            );
            super::EXIT_USAGE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("5s"), Ok(Duration::from_secs(5)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("2"), Ok(Duration::from_secs(2)));
        assert_eq!(parse_duration("1m"), Ok(Duration::from_secs(60)));
        assert!(parse_duration("0s").is_err());
        assert!(parse_duration("five").is_err());
        assert!(parse_duration("5h").is_err());
    }

    #[test]
    fn an_unusable_url_is_one_warning_without_the_password() {
        let schema = Schema::parse(
            "schema.prisma",
            "datasource db {\n  provider = \"postgresql\"\n}\n",
        );
        let args = DatabaseArgs {
            url: "mysql://root:hunter2@h/db".to_string(),
            options: ConnectOptions::default(),
        };
        let mut diagnostics = Vec::new();
        add_database_diagnostics(
            &schema,
            &args,
            &crate::analysis::Options::default(),
            &mut diagnostics,
        );
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].code, crate::analysis::codes::DB_UNAVAILABLE);
        assert!(
            !diagnostics[0].message.contains("hunter2"),
            "{}",
            diagnostics[0].message
        );
    }
}
