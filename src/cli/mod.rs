//! Layer 5 (batch side): the `prisma-analyzer` command line. A thin adapter: it finds and
//! reads schemas, runs [`crate::analysis::check`], and prints the result.

mod output;

use crate::analysis::{self, Diagnostic, Severity};
use crate::model::Schema;
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
    }
}

fn run_check(args: &CheckArgs) -> u8 {
    let (inputs, mut input_errors) = if args.paths.is_empty() {
        // The empty path is the current folder, and keeps the paths we print relative.
        match discover(std::path::Path::new("")) {
            Ok(input) => (vec![input], Vec::new()),
            Err(error) => (Vec::new(), vec![error]),
        }
    } else {
        resolve_paths(&args.paths)
    };

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
    let (checked, mut load_errors) = check_all(inputs.into_iter().zip(options).collect());
    input_errors.append(&mut load_errors);

    let styled = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let rendered = render(args.format, &checked, styled);
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = stdout
        .write_all(rendered.as_bytes())
        .and_then(|()| stdout.flush())
    {
        // A closed pipe (`check | head`) is not worth a message; anything else is.
        if error.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {error}");
        }
        return EXIT_USAGE;
    }
    for error in &input_errors {
        eprintln!("error: {error}");
    }
    for error in &settings_errors {
        eprintln!("error: {error}");
    }

    let diagnostics = checked.iter().flat_map(|(_, diagnostics)| diagnostics);
    let code = exit_code(
        !input_errors.is_empty() || !settings_errors.is_empty(),
        diagnostics,
        args.fail_on.severity(),
    );
    // The process ends here: freeing a large schema's syntax trees node by node would cost
    // more than checking it did. The operating system takes the memory back at once.
    std::mem::forget(checked);
    code
}

/// Loads and checks every schema, spreading independent schemas over the machine's cores.
/// The result keeps the order of `inputs`.
fn check_all(
    inputs: Vec<(SchemaInput, analysis::Options)>,
) -> (Vec<(Schema, Vec<Diagnostic>)>, Vec<InputError>) {
    let check_one = |(input, options): &(SchemaInput, analysis::Options)| {
        input.load().map(|files| {
            let schema = Schema::new(files);
            let diagnostics = analysis::check_with(&schema, options.clone());
            (schema, diagnostics)
        })
    };
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(inputs.len());
    let results: Vec<_> = if threads <= 1 {
        inputs.iter().map(check_one).collect()
    } else {
        let chunk = inputs.len().div_ceil(threads);
        std::thread::scope(|scope| {
            let workers: Vec<_> = inputs
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().map(check_one).collect::<Vec<_>>()))
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
    let mut checked = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(done) => checked.push(done),
            Err(mut failed) => errors.append(&mut failed),
        }
    }
    (checked, errors)
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
