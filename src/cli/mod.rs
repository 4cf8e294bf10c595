//! Layer 5 (batch side): the `prisma-analyzer` command line. A thin adapter: it finds and
//! reads schemas, runs [`crate::analysis::check`] (and [`crate::analysis::fixes`] for
//! `--fix`), and prints the result; `rule` explains a code, `rls` prints the advisor's
//! row-level-security SQL.

mod database;
mod fix;
mod format;
mod output;
mod rule;
mod sarif;
mod statistics;

use crate::analysis::{self, Diagnostic, Severity};
use crate::model::{Schema, SourceFile};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub use crate::workspace::{InputError, SchemaInput, discover, resolve_paths};
pub use output::{OutputFormat, render};

/// Exit code when no diagnostic reaches the `--fail-on` level.
pub const EXIT_CLEAN: u8 = 0;
/// Exit code when diagnostics reach the `--fail-on` level.
pub const EXIT_DIAGNOSTICS: u8 = 1;
/// Exit code for usage and I/O errors.
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "prisma-analyzer",
    version,
    about = "A fast checker and language server for Prisma schema files"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check schemas and report problems (for CI).
    Check(CheckArgs),
    /// Run the language server over stdio (also what no command does).
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Explain a rule: what it checks, why, an example, its default level and its fix.
    Rule {
        /// A code such as `index/missing-fk-index`, or a group such as `index`. Without
        /// one, every code is listed with its default level.
        #[arg(conflicts_with = "list")]
        code: Option<String>,
        /// List every code with its default level.
        #[arg(long)]
        list: bool,
    },
    /// Format schemas as `prisma format` does (in place; `--check` only lists what would
    /// change and exits with 1).
    Format {
        /// Schema files or folders; without one, the schema is found as `check` finds it.
        paths: Vec<PathBuf>,
        /// Change nothing: list the files that are not formatted, exit 1 if there are any.
        #[arg(long)]
        check: bool,
    },
    /// Print the SQL that enables row-level security on every tenant-scoped table of a
    /// multi-tenant schema (the tenant settings come from prisma-analyzer.toml).
    Rls {
        /// The schema file or folder; without one, the schema is found as `check` finds it.
        path: Option<PathBuf>,
        /// Instead of printing the SQL, prove it on a database where the migrations ran
        /// (a URL, or `env` for DATABASE_URL): applied in one transaction that is rolled
        /// back, with rows of two tenants, each of which must see only its own.
        #[arg(long, value_name = "URL|env")]
        verify: Option<String>,
        /// `statement_timeout` of the session (e.g. 5s, 500ms).
        #[arg(long, value_name = "DURATION", value_parser = database::parse_duration, default_value = "5s")]
        statement_timeout: std::time::Duration,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Schema files or folders. A folder whose files share one datasource is one multi-file
    /// schema; otherwise each schema in it is checked on its own. Without a path, the schema
    /// is found the way Prisma finds it.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Exit with 1 when a diagnostic of this severity or higher is reported.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// When to use colours in human output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// The Prisma release to check against: 6, 7 or any (accept what either accepts).
    /// Overrides `prisma-version` in prisma-analyzer.toml.
    #[arg(long, value_parser = parse_prisma_version)]
    prisma_version: Option<analysis::PrismaVersion>,
    /// Apply every safe fix in place, then report what remains.
    #[arg(long)]
    fix: bool,
    /// Print the safe fixes as unified diffs instead of the report, and change no file.
    /// Exits with 1 when a fix would change a file.
    #[arg(long, conflicts_with = "format")]
    diff: bool,
    /// Also check the schema against a live PostgreSQL database, read-only: a URL
    /// (`postgresql://user:password@host/db`, or libpq `key=value` pairs), or `env` for
    /// DATABASE_URL from the environment or the `.env` beside the schema. A database that
    /// cannot be read is one `db/unavailable` warning; the static analysis still runs.
    #[arg(long, value_name = "URL|env")]
    database_url: Option<String>,
    /// Print how many findings each rule has (with their level and how many a safe fix
    /// resolves) instead of the findings: what dominates the report. Human or JSON output.
    #[arg(long, conflicts_with = "diff")]
    statistics: bool,
    /// Read the database that the project's prisma-analyzer.toml names (`database-url`).
    /// Without it (or PRISMA_ANALYZER_ALLOW_PROJECT_DATABASE_URL=1), a project's file never
    /// makes the check connect anywhere.
    #[arg(long)]
    allow_project_database_url: bool,
    /// `statement_timeout` of the database session (e.g. 5s, 500ms).
    #[arg(long, value_name = "DURATION", value_parser = database::parse_duration, default_value = "5s")]
    statement_timeout: std::time::Duration,
}

/// What `check` does besides reporting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Report,
    Fix,
    Diff,
}

impl CheckArgs {
    fn mode(&self) -> Mode {
        if self.diff {
            Mode::Diff
        } else if self.fix {
            Mode::Fix
        } else {
            Mode::Report
        }
    }
}

fn parse_prisma_version(text: &str) -> Result<analysis::PrismaVersion, String> {
    analysis::PrismaVersion::from_name(text).ok_or_else(|| "expected 6, 7 or any".to_string())
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
            FailOn::Hint => Severity::Hint,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    // `prisma-analyzer --check FILE` is accepted as an alias of `check`, and a bare
    // `prisma-analyzer --stdio` (as some editors start servers) as `lsp`.
    let args = std::env::args_os()
        .enumerate()
        .map(|(index, arg)| match index {
            1 if arg == "--check" => "check".into(),
            1 if arg == "--stdio" => "lsp".into(),
            _ => arg,
        });
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            let code = if error.use_stderr() {
                EXIT_USAGE
            } else {
                EXIT_CLEAN
            };
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Some(Command::Check(args)) => ExitCode::from(run_check(&args)),
        Some(Command::Lsp { .. }) | None => crate::server::run(),
        Some(Command::Rule { code, .. }) => ExitCode::from(run_rule(code.as_deref())),
        Some(Command::Rls {
            path,
            verify,
            statement_timeout,
        }) => ExitCode::from(run_rls(
            path.as_deref(),
            verify.as_deref(),
            statement_timeout,
        )),
        Some(Command::Format { paths, check }) => ExitCode::from(format::run(&paths, check)),
    }
}

/// Writes to stdout; false (after a message unless the pipe was closed) when it fails.
fn print(text: &str) -> bool {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => true,
        Err(error) => {
            // A closed pipe (`check | head`) is not worth a message; anything else is.
            if error.kind() != std::io::ErrorKind::BrokenPipe {
                eprintln!("error: cannot write the output: {error}");
            }
            false
        }
    }
}

fn run_rule(code: Option<&str>) -> u8 {
    let text = match code {
        None => Ok(rule::list()),
        Some(code) => rule::explain(code),
    };
    match text {
        Ok(text) if print(&text) => EXIT_CLEAN,
        Ok(_) => EXIT_USAGE,
        Err(message) => {
            eprintln!("error: {message}");
            EXIT_USAGE
        }
    }
}

/// `rls`: 0 with the SQL on stdout; 1 when the schema cannot have it (not multi-tenant, a
/// provider without row-level security); 2 for input and settings errors.
fn run_rls(
    path: Option<&std::path::Path>,
    verify: Option<&str>,
    statement_timeout: std::time::Duration,
) -> u8 {
    let (inputs, errors) = match path {
        None => match discover(std::path::Path::new("")) {
            Ok(input) => (vec![input], Vec::new()),
            Err(error) => (Vec::new(), vec![error]),
        },
        Some(path) => resolve_paths(&[path.to_path_buf()]),
    };
    if let Some(error) = errors.first() {
        eprintln!("error: {error}");
        return EXIT_USAGE;
    }
    let input = match inputs.as_slice() {
        [input] => input,
        _ => {
            let path = path.map_or_else(|| ".".into(), |p| p.display().to_string());
            eprintln!(
                "error: {path}: holds {} separate schemas; name the one to generate the SQL for",
                inputs.len()
            );
            return EXIT_USAGE;
        }
    };
    let files = match input.load() {
        Ok(files) => files,
        Err(errors) => {
            for error in errors {
                eprintln!("error: {error}");
            }
            return EXIT_USAGE;
        }
    };
    let (options, settings_errors) = crate::settings::options_for(&input.files[0]);
    for error in &settings_errors {
        eprintln!("error: {error}");
    }
    let schema = Schema::new(files);
    let name = schema.file(crate::model::FileId(0)).name.clone();
    let errors = analysis::check_with(&schema, options.clone())
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        eprintln!(
            "warning: {name}: the schema has {errors} error{} (see `prisma-analyzer check`); the SQL may be incomplete",
            output::plural(errors)
        );
    }
    let context = analysis::Context::new(&schema, &options);
    let advisor = analysis::advisor::Advisor::new(&schema, &context, &options.advisor);
    let code = match (analysis::advisor::rls::plan(&advisor), verify) {
        (Ok(plan), Some(url)) => {
            let connect = crate::database::ConnectOptions {
                statement_timeout,
                ..crate::database::ConnectOptions::default()
            };
            database::run_verify(&schema, &options.advisor, &plan, url, &connect)
        }
        (Ok(plan), None) if print(&plan.sql()) => EXIT_CLEAN,
        (Ok(_), None) => return EXIT_USAGE,
        (Err(error), _) => {
            eprintln!("error: {name}: no row-level-security SQL: {error}");
            EXIT_DIAGNOSTICS
        }
    };
    if settings_errors.is_empty() {
        code
    } else {
        EXIT_USAGE
    }
}

fn run_check(args: &CheckArgs) -> u8 {
    let (mut inputs, mut input_errors) = if args.paths.is_empty() {
        // The empty path is the current folder, and keeps the paths we print relative.
        match discover(std::path::Path::new("")) {
            Ok(input) => (vec![input], Vec::new()),
            Err(error) => (Vec::new(), vec![error]),
        }
    } else {
        resolve_paths(&args.paths)
    };
    let mode = args.mode();
    if mode != Mode::Report {
        // A schema named twice is fixed once.
        let mut seen = std::collections::HashSet::new();
        inputs.retain(|input| {
            seen.insert(
                input
                    .files
                    .iter()
                    .map(|file| std::fs::canonicalize(file).unwrap_or_else(|_| file.clone()))
                    .collect::<Vec<_>>(),
            )
        });
    }

    // Each schema's options: the flag, else its prisma-analyzer.toml, else the defaults.
    let mut settings_errors: Vec<crate::settings::SettingsError> = Vec::new();
    let options: Vec<analysis::Options> = inputs
        .iter()
        .map(|input| {
            let (mut options, errors) = input
                .files
                .first()
                .map(|file| crate::settings::options_for(file))
                .unwrap_or_default();
            for error in errors {
                if !settings_errors.contains(&error) {
                    settings_errors.push(error);
                }
            }
            if let Some(version) = args.prisma_version {
                options.prisma_version = version;
            }
            options
        })
        .collect();
    let (outcomes, mut load_errors) = check_all(inputs.into_iter().zip(options).collect(), mode);
    input_errors.append(&mut load_errors);
    let (mut fixed, mut fixed_files) = (0, 0);
    let mut diff = String::new();
    let mut checked = Vec::with_capacity(outcomes.len());
    let project_database_url_allowed = args.allow_project_database_url
        || crate::settings::project_database_url_allowed_by_environment();
    // The configuration files whose unused `database-url` was mentioned (once each).
    let mut told_database_url_ignored = std::collections::HashSet::new();
    for mut outcome in outcomes {
        // The flag, else the schema's `database-url` setting if the user allows it.
        let choice = crate::settings::database_url_to_read(
            args.database_url.as_deref(),
            outcome.options.project_database_url.as_deref(),
            project_database_url_allowed,
        );
        if choice.project_url_ignored
            && let Some(path) = crate::settings::discover(std::path::Path::new(
                &outcome.schema.file(crate::model::FileId(0)).name,
            ))
            && told_database_url_ignored.insert(path.clone())
        {
            let message = crate::settings::project_database_url_ignored_message(&path);
            eprintln!("note: {message}");
        }
        if let Some(url) = choice.url.filter(|_| mode != Mode::Diff) {
            let database_args = database::DatabaseArgs {
                url,
                options: crate::database::ConnectOptions {
                    statement_timeout: args.statement_timeout,
                    ..crate::database::ConnectOptions::default()
                },
            };
            database::add_database_diagnostics(
                &outcome.schema,
                &database_args,
                &outcome.options,
                &mut outcome.diagnostics,
            );
        }
        fixed += outcome.fixed;
        fixed_files += outcome.fixed_files;
        diff.push_str(&outcome.diff);
        checked.push((outcome.schema, outcome.diagnostics));
    }

    let styled = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let summary = format!(
        "{} {fixed} problem{} in {fixed_files} file{}",
        if mode == Mode::Diff {
            "Would fix"
        } else {
            "Fixed"
        },
        output::plural(fixed),
        output::plural(fixed_files)
    );
    if args.statistics && !matches!(args.format, OutputFormat::Human | OutputFormat::Json) {
        let name = args
            .format
            .to_possible_value()
            .map(|value| value.get_name().to_string())
            .unwrap_or_default();
        eprintln!("error: --statistics prints human or JSON output, not {name}");
        return EXIT_USAGE;
    }
    let rendered = match mode {
        Mode::Diff => diff,
        _ if args.statistics => statistics::render(args.format, &checked),
        Mode::Fix if args.format == OutputFormat::Human => {
            format!("{}{summary}\n", render(args.format, &checked, styled))
        }
        _ => render(args.format, &checked, styled),
    };
    if !print(&rendered) {
        return EXIT_USAGE;
    }
    // Machine-readable output stays one document: the count of fixes goes to stderr.
    if mode == Mode::Diff || (mode == Mode::Fix && args.format != OutputFormat::Human) {
        eprintln!("{summary}");
    }
    for error in &input_errors {
        eprintln!("error: {error}");
    }
    for error in &settings_errors {
        eprintln!("error: {error}");
    }

    let failed = !input_errors.is_empty() || !settings_errors.is_empty();
    let code = if mode == Mode::Diff {
        // Like `ruff --diff`: 1 when a fix would change a file.
        match (failed, fixed_files > 0) {
            (true, _) => EXIT_USAGE,
            (false, true) => EXIT_DIAGNOSTICS,
            (false, false) => EXIT_CLEAN,
        }
    } else {
        let diagnostics = checked.iter().flat_map(|(_, diagnostics)| diagnostics);
        exit_code(failed, diagnostics, args.fail_on.severity())
    };
    // The process ends here: freeing a large schema's syntax trees node by node would cost
    // more than checking it did. The operating system takes the memory back at once.
    std::mem::forget(checked);
    code
}

/// One schema checked (after its fixes, with `--fix`).
struct Outcome {
    schema: Schema,
    /// What it was checked with (the database's findings take the same levels).
    options: analysis::Options,
    diagnostics: Vec<Diagnostic>,
    /// Safe fixes applied (`--fix`) or that would be (`--diff`).
    fixed: usize,
    /// Files they changed (or would).
    fixed_files: usize,
    /// With `--diff`, the unified diffs.
    diff: String,
}

/// Loads a schema, fixes it as `mode` says, and checks it. A schema whose fixes cannot be
/// written is checked as it is, with the error.
fn check_one(
    input: &SchemaInput,
    options: &analysis::Options,
    mode: Mode,
) -> (Option<Outcome>, Vec<InputError>) {
    let files = match input.load() {
        Ok(files) => files,
        Err(errors) => return (None, errors),
    };
    let mut errors = Vec::new();
    let (mut fixed, mut fixed_files, mut diff) = (0, 0, String::new());
    let files = match mode {
        Mode::Report => files,
        Mode::Fix | Mode::Diff => {
            let result = fix::fix(&files, options);
            if mode == Mode::Diff {
                diff = fix::diff(&files, &result);
            }
            let written = match mode {
                Mode::Fix => fix::write(&input.files, &files, &result),
                _ => Ok(()),
            };
            match written {
                Ok(()) => {
                    fixed = result.applied;
                    fixed_files = result.changed.len();
                }
                Err(error) => errors.push(error),
            }
            if mode == Mode::Fix && fixed_files > 0 {
                files
                    .iter()
                    .zip(result.texts)
                    .map(|(file, text)| SourceFile::parse(file.name.clone(), text))
                    .collect()
            } else {
                files
            }
        }
    };
    let schema = Schema::new(files);
    // With `--diff` the report is not printed: no need to check.
    let diagnostics = if mode == Mode::Diff {
        Vec::new()
    } else {
        analysis::check_with(&schema, options.clone())
    };
    let outcome = Outcome {
        schema,
        options: options.clone(),
        diagnostics,
        fixed,
        fixed_files,
        diff,
    };
    (Some(outcome), errors)
}

/// Loads and checks every schema, spreading independent schemas over the machine's cores.
/// The result keeps the order of `inputs`.
fn check_all(
    inputs: Vec<(SchemaInput, analysis::Options)>,
    mode: Mode,
) -> (Vec<Outcome>, Vec<InputError>) {
    let check =
        |(input, options): &(SchemaInput, analysis::Options)| check_one(input, options, mode);
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(inputs.len());
    let results: Vec<_> = if threads <= 1 {
        inputs.iter().map(check).collect()
    } else {
        let chunk = inputs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = inputs
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(check).collect::<Vec<_>>()))
                .collect();
            workers
                .into_iter()
                // A worker only panics on a bug; re-raise it rather than hide it.
                .flat_map(|worker| {
                    worker
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
                })
                .collect()
        })
    };
    let mut outcomes = Vec::new();
    let mut errors = Vec::new();
    for (outcome, mut failed) in results {
        outcomes.extend(outcome);
        errors.append(&mut failed);
    }
    (outcomes, errors)
}

/// 2 when an input could not be read (the check is incomplete), else 1 when a diagnostic
/// reaches `threshold`, else 0.
fn exit_code<'a>(
    input_failed: bool,
    mut diagnostics: impl Iterator<Item = &'a Diagnostic>,
    threshold: Severity,
) -> u8 {
    if input_failed {
        EXIT_USAGE
    } else if diagnostics.any(|d| d.severity >= threshold) {
        EXIT_DIAGNOSTICS
    } else {
        EXIT_CLEAN
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Code;
    use crate::model::Span;

    fn diagnostic(severity: Severity) -> Diagnostic {
        Diagnostic::new(Code("test/rule"), severity, Span::default(), "message")
    }

    #[test]
    fn exit_code_follows_the_fail_on_level() {
        let warning = [diagnostic(Severity::Warning)];
        assert_eq!(
            exit_code(false, warning.iter(), Severity::Error),
            EXIT_CLEAN
        );
        assert_eq!(
            exit_code(false, warning.iter(), Severity::Warning),
            EXIT_DIAGNOSTICS
        );
        assert_eq!(
            exit_code(false, warning.iter(), Severity::Hint),
            EXIT_DIAGNOSTICS
        );
        assert_eq!(exit_code(false, [].iter(), Severity::Hint), EXIT_CLEAN);
        let error = [diagnostic(Severity::Error)];
        assert_eq!(
            exit_code(false, error.iter(), Severity::Error),
            EXIT_DIAGNOSTICS
        );
        // An unreadable input wins: the check did not see everything.
        assert_eq!(exit_code(true, [].iter(), Severity::Error), EXIT_USAGE);
        assert_eq!(exit_code(true, error.iter(), Severity::Error), EXIT_USAGE);
    }
}
