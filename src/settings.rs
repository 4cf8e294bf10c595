//! `prisma-analyzer.toml`: the user's configuration, found by walking up from the schema.
//!
//! ```toml
//! # Which Prisma release the schema targets: "6", "7" or "any" (the default: accept what
//! # either accepts).
//! prisma-version = "7"
//! ```
//!
//! A broken file never stops the analysis: each problem is reported with its position and
//! the defaults stand in for what could not be read.

use crate::analysis::{Options, PrismaVersion};
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

pub const FILE_NAME: &str = "prisma-analyzer.toml";

/// A problem in a configuration file, at a 1-based line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsError {
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl std::fmt::Display for SettingsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// The configuration file that applies to a schema in `dir`: the first `prisma-analyzer.toml`
/// in `dir` or a folder above it.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .map(|folder| folder.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The options for a schema whose first file is `schema_file`: from the configuration file
/// that applies to it, else the defaults.
pub fn options_for(schema_file: &Path) -> (Options, Vec<SettingsError>) {
    let folder = schema_file.parent().unwrap_or(Path::new("."));
    match discover(folder) {
        Some(path) => load(&path),
        None => (Options::default(), Vec::new()),
    }
}

/// Settings files, read again only when they change on disk (the server asks for a schema's
/// settings on every analysis).
#[derive(Default)]
pub struct SettingsCache {
    files: std::collections::HashMap<PathBuf, CachedSettings>,
}

struct CachedSettings {
    /// Modification time and length when read.
    stamp: (std::time::SystemTime, u64),
    options: Options,
    errors: Vec<SettingsError>,
}

impl SettingsCache {
    pub fn load(&mut self, path: &Path) -> (Options, Vec<SettingsError>) {
        let stamp = std::fs::metadata(path)
            .and_then(|m| Ok((m.modified()?, m.len())))
            .ok();
        if let (Some(stamp), Some(cached)) = (stamp, self.files.get(path))
            && cached.stamp == stamp
        {
            return (cached.options, cached.errors.clone());
        }
        let (options, errors) = load(path);
        match stamp {
            Some(stamp) => {
                self.files.insert(
                    path.to_path_buf(),
                    CachedSettings {
                        stamp,
                        options,
                        errors: errors.clone(),
                    },
                );
            }
            None => {
                self.files.remove(path);
            }
        }
        (options, errors)
    }
}

pub fn load(path: &Path) -> (Options, Vec<SettingsError>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse(&text, path),
        Err(error) => (
            Options::default(),
            vec![SettingsError {
                path: path.to_path_buf(),
                line: 1,
                column: 1,
                message: format!("cannot read the configuration: {error}"),
            }],
        ),
    }
}

/// Reads the options from a configuration file's text (`path` names it in errors).
pub fn parse(text: &str, path: &Path) -> (Options, Vec<SettingsError>) {
    let mut options = Options::default();
    let mut errors = Vec::new();
    let error_at = |offset: usize, message: String| {
        let (line, column) = line_and_column(text, offset);
        SettingsError {
            path: path.to_path_buf(),
            line,
            column,
            message,
        }
    };
    let table = match DeTable::parse(text) {
        Ok(table) => table,
        Err(error) => {
            let offset = error.span().map_or(0, |span| span.start);
            errors.push(error_at(
                offset,
                format!(
                    "not valid TOML: {}; using the default settings",
                    error.message().trim()
                ),
            ));
            return (options, errors);
        }
    };
    for (key, value) in table.get_ref() {
        let key_offset = key.span().start;
        match key.get_ref().as_ref() {
            "prisma-version" => {
                let written = match value.get_ref() {
                    DeValue::String(text) => Some(text.to_string()),
                    DeValue::Integer(number) => Some(number.as_str().to_string()),
                    _ => None,
                };
                match written.as_deref().and_then(PrismaVersion::from_name) {
                    Some(version) => options.prisma_version = version,
                    None => errors.push(error_at(
                        value.span().start,
                        "`prisma-version` is \"6\", \"7\" or \"any\"; using \"any\"".to_string(),
                    )),
                }
            }
            other => errors.push(error_at(
                key_offset,
                format!("unknown setting `{other}` (known: `prisma-version`); it is ignored"),
            )),
        }
    }
    errors.sort_by_key(|error| (error.line, error.column));
    (options, errors)
}

fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or_default();
    let line = before.matches('\n').count() + 1;
    let column = before
        .rfind('\n')
        .map_or(before.len(), |i| before.len() - i - 1)
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Options, Vec<String>) {
        let (options, errors) = parse(text, Path::new("prisma-analyzer.toml"));
        (options, errors.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn reads_the_target_version() {
        assert_eq!(
            parsed("prisma-version = \"7\"\n").0.prisma_version,
            PrismaVersion::Seven
        );
        assert_eq!(
            parsed("prisma-version = 6\n").0.prisma_version,
            PrismaVersion::Six
        );
        assert_eq!(parsed("").0, Options::default());
    }

    #[test]
    fn reports_problems_with_their_position_and_keeps_the_defaults() {
        let (options, errors) = parsed("\nprisma-version = \"8\"\ncolour = true\n");
        assert_eq!(options, Options::default());
        assert_eq!(
            errors,
            [
                "prisma-analyzer.toml:2:18: `prisma-version` is \"6\", \"7\" or \"any\"; using \"any\"",
                "prisma-analyzer.toml:3:1: unknown setting `colour` (known: `prisma-version`); it is ignored",
            ]
        );
        let (options, errors) = parsed("prisma-version = \n");
        assert_eq!(options, Options::default());
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("prisma-analyzer.toml:1:"),
            "{errors:?}"
        );
    }

    #[test]
    fn the_cache_reads_a_file_again_when_it_changes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE_NAME);
        let mut cache = SettingsCache::default();
        std::fs::write(&path, "prisma-version = \"7\"\n").expect("write");
        assert_eq!(cache.load(&path).0.prisma_version, PrismaVersion::Seven);
        assert_eq!(cache.load(&path).0.prisma_version, PrismaVersion::Seven);
        std::fs::write(&path, "prisma-version = \"6\"   \n").expect("write");
        assert_eq!(cache.load(&path).0.prisma_version, PrismaVersion::Six);
        std::fs::remove_file(&path).expect("remove");
        assert_eq!(
            cache.load(&path).1.len(),
            1,
            "a file that is gone is an error"
        );
    }
}
