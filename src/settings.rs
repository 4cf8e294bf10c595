//! `prisma-analyzer.toml`: the project's configuration, found by walking up from the schema
//! to the project root, and the editor's settings in the same keys.
//!
//! ```toml
//! # Which Prisma release the schema targets: "6", "7" or "any" (the default: accept what
//! # either accepts).
//! prisma-version = "7"
//! ```
//!
//! A broken file never stops the analysis: each problem is reported with its position and
//! the defaults stand in for what could not be read.

use crate::analysis::advisor::{AdvisorSettings, Level};
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

/// The configuration file that applies to the schema file `schema_file`: the first
/// `prisma-analyzer.toml` in its folder or a folder above, up to the project root (as
/// `.env` is looked for: a file above the project is not the project's).
pub fn discover(schema_file: &Path) -> Option<PathBuf> {
    crate::workspace::folders_up_to_project_root(schema_file)
        .map(|folder| folder.join(FILE_NAME))
        .find(|candidate| candidate.is_file())
}

/// The options for a schema whose first file is `schema_file`: from the configuration file
/// that applies to it, else the defaults.
pub fn options_for(schema_file: &Path) -> (Options, Vec<SettingsError>) {
    match discover(schema_file) {
        Some(path) => load(&path),
        None => (Options::default(), Vec::new()),
    }
}

/// The environment variable by which the user allows the `database-url` of project files
/// (`1`, `true` or `yes`).
pub const ALLOW_PROJECT_DATABASE_URL_VARIABLE: &str = "PRISMA_ANALYZER_ALLOW_PROJECT_DATABASE_URL";

/// Whether the environment allows the `database-url` of project files.
pub fn project_database_url_allowed_by_environment() -> bool {
    std::env::var(ALLOW_PROJECT_DATABASE_URL_VARIABLE).is_ok_and(|value| {
        matches!(
            value.trim().to_ascii_lowercase().as_str(),
            "1" | "true" | "yes"
        )
    })
}

/// The database to read, and whether a project file's `database-url` was left unused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatabaseChoice {
    /// A URL, or `env`; `None`: no database is read.
    pub url: Option<String>,
    /// A project file names a database that is not read, because the user did not allow
    /// project files to choose one (say so, with how to allow it).
    pub project_url_ignored: bool,
}

/// The one rule for which database is read. The user's own choice (`check --database-url`,
/// the editor's `databaseUrl`) wins. A project file's `database-url` (in a cloned
/// repository it is anyone's) is read only when the user allowed it: `allowed` is the
/// editor's `allowProjectDatabaseUrl`, `check --allow-project-database-url`, or
/// [`ALLOW_PROJECT_DATABASE_URL_VARIABLE`].
pub fn database_url_to_read(
    user: Option<&str>,
    project: Option<&str>,
    allowed: bool,
) -> DatabaseChoice {
    match (user, project) {
        (Some(url), _) => DatabaseChoice {
            url: Some(url.to_string()),
            project_url_ignored: false,
        },
        (None, Some(url)) if allowed => DatabaseChoice {
            url: Some(url.to_string()),
            project_url_ignored: false,
        },
        (None, project) => DatabaseChoice {
            url: None,
            project_url_ignored: project.is_some(),
        },
    }
}

/// What to tell the user when a project file's `database-url` was not read.
pub fn project_database_url_ignored_message(settings_file: &Path) -> String {
    format!(
        "{}: `database-url` is not used: a project's file does not choose the database the analyzer connects to (a cloned repository could name any host). To use it, allow project database URLs: `allowProjectDatabaseUrl` in your editor's user settings (VS Code: `prisma-analyzer.allowProjectDatabaseUrl`), `{ALLOW_PROJECT_DATABASE_URL_VARIABLE}=1` in the environment, or `check --allow-project-database-url`; or give the URL yourself (`databaseUrl`, `check --database-url`)",
        settings_file.display()
    )
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
            return (cached.options.clone(), cached.errors.clone());
        }
        let (options, errors) = load(path);
        match stamp {
            Some(stamp) => {
                self.files.insert(
                    path.to_path_buf(),
                    CachedSettings {
                        stamp,
                        options: options.clone(),
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
    match crate::workspace::read_text_file(path, crate::workspace::MAX_PROJECT_FILE_BYTES) {
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
            let message = format!(
                "not valid TOML: {}; using the default settings",
                error.message().trim()
            );
            return (Options::default(), vec![error_at(offset, message)]);
        }
    };
    let entries = toml_entries(table.get_ref());
    let (options, problems) = read(&entries, Style::Toml);
    let mut errors: Vec<SettingsError> = problems
        .into_iter()
        .map(|(offset, message)| error_at(offset, message))
        .collect();
    errors.sort_by_key(|error| (error.line, error.column));
    (options, errors)
}

/// Reads the options an editor sends (`initializationOptions`, `workspace/configuration`):
/// the keys of the configuration file in camel case (`prismaVersion`, `softDelete`,
/// `globalModels`) or as in the file. Returns the problems as messages.
pub fn from_json(value: &serde_json::Value) -> (Options, Vec<String>) {
    let entries = match json_value(value) {
        Value::Table(entries) => entries,
        Value::Other(_) if value.is_null() => Vec::new(),
        _ => {
            return (
                Options::default(),
                vec!["the settings are not an object".to_string()],
            );
        }
    };
    let (options, problems) = read(&entries, Style::Json);
    (
        options,
        problems.into_iter().map(|(_, message)| message).collect(),
    )
}

/// A settings value from either source, with the offset of where it is written (0 in JSON).
enum Value {
    String(String, usize),
    Bool(bool, usize),
    List(Vec<Value>, usize),
    Table(Vec<(String, usize, Value)>),
    Other(usize),
}

impl Value {
    fn offset(&self) -> usize {
        match self {
            Value::String(_, offset)
            | Value::Bool(_, offset)
            | Value::List(_, offset)
            | Value::Other(offset) => *offset,
            Value::Table(entries) => entries.first().map_or(0, |(_, offset, _)| *offset),
        }
    }

    fn as_string(&self) -> Option<&str> {
        match self {
            Value::String(text, _) => Some(text),
            _ => None,
        }
    }
}

fn toml_entries(table: &DeTable<'_>) -> Vec<(String, usize, Value)> {
    table
        .iter()
        .map(|(key, value)| {
            (
                key.get_ref().to_string(),
                key.span().start,
                toml_value(value),
            )
        })
        .collect()
}

fn toml_value(value: &toml::Spanned<DeValue<'_>>) -> Value {
    let offset = value.span().start;
    match value.get_ref() {
        DeValue::String(text) => Value::String(text.to_string(), offset),
        DeValue::Integer(number) => Value::String(number.as_str().to_string(), offset),
        DeValue::Boolean(flag) => Value::Bool(*flag, offset),
        DeValue::Array(items) => Value::List(items.iter().map(toml_value).collect(), offset),
        DeValue::Table(table) => Value::Table(toml_entries(table)),
        _ => Value::Other(offset),
    }
}

fn json_value(value: &serde_json::Value) -> Value {
    match value {
        serde_json::Value::String(text) => Value::String(text.clone(), 0),
        serde_json::Value::Number(number) => Value::String(number.to_string(), 0),
        serde_json::Value::Bool(flag) => Value::Bool(*flag, 0),
        serde_json::Value::Array(items) => Value::List(items.iter().map(json_value).collect(), 0),
        serde_json::Value::Object(map) => Value::Table(
            map.iter()
                .map(|(key, value)| (key.clone(), 0, json_value(value)))
                .collect(),
        ),
        _ => Value::Other(0),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Toml,
    Json,
}

/// The file's key for a key as written: the same, or its camel-case spelling in JSON.
fn canonical_key(key: &str, style: Style) -> String {
    if style == Style::Toml {
        return key.to_string();
    }
    let mut out = String::with_capacity(key.len() + 2);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('-');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

const TOP_LEVEL_KEYS: &str = "`prisma-version`, `rules`, `tenant`, `soft-delete`, `database-url`";

/// Reads the settings tree; problems come with the offset they are about.
fn read(entries: &[(String, usize, Value)], style: Style) -> (Options, Vec<(usize, String)>) {
    let mut options = Options::default();
    let mut advisor = AdvisorSettings::default();
    let mut problems = Vec::new();
    for (key, key_offset, value) in entries {
        match canonical_key(key, style).as_str() {
            "prisma-version" => match value.as_string().and_then(PrismaVersion::from_name) {
                Some(version) => options.prisma_version = version,
                None => problems.push((
                    value.offset(),
                    "`prisma-version` is \"6\", \"7\" or \"any\"; using \"any\"".to_string(),
                )),
            },
            "rules" => read_rules(value, &mut advisor, &mut problems),
            "database-url" => match value.as_string() {
                Some(url) if !url.trim().is_empty() => {
                    let url = Some(url.trim().to_string());
                    // A project file's URL waits for the user's consent; the editor's
                    // settings are the user's own.
                    match style {
                        Style::Toml => options.project_database_url = url,
                        Style::Json => options.database_url = url,
                    }
                }
                _ => problems.push((
                    value.offset(),
                    "`database-url` is a PostgreSQL URL, or \"env\" for DATABASE_URL; no database is read"
                        .to_string(),
                )),
            },
            "allow-project-database-url" => match (style, value) {
                (Style::Json, Value::Bool(allowed, _)) => {
                    options.allow_project_database_url = *allowed;
                }
                (Style::Json, _) => problems.push((
                    value.offset(),
                    "`allowProjectDatabaseUrl` is true or false; project files' `database-url` stays unused".to_string(),
                )),
                (Style::Toml, _) => problems.push((
                    *key_offset,
                    format!("`allow-project-database-url` is the user's choice, not a project's: set it in your editor's user settings, or `{ALLOW_PROJECT_DATABASE_URL_VARIABLE}=1`; it is ignored"),
                )),
            },
            "tenant" => read_table(value, key, style, &mut problems, |name, value, problems| {
                match name {
                    "key" => read_name(value, name, &mut advisor.tenant_key, problems),
                    "model" => read_name(value, name, &mut advisor.tenant_model, problems),
                    "global-models" => {
                        read_names(value, name, &mut advisor.global_models, problems)
                    }
                    _ => return false,
                }
                true
            }),
            "soft-delete" => {
                read_table(value, key, style, &mut problems, |name, value, problems| {
                    match name {
                        "markers" => {
                            read_names(value, name, &mut advisor.soft_delete_markers, problems);
                            if advisor.soft_delete_markers.is_empty() {
                                problems.push((
                                    value.offset(),
                                    "`markers` needs at least one field name; using the defaults"
                                        .to_string(),
                                ));
                                advisor.soft_delete_markers =
                                    AdvisorSettings::default().soft_delete_markers;
                            }
                        }
                        "exempt-models" => {
                            read_names(value, name, &mut advisor.soft_delete_exempt, problems)
                        }
                        _ => return false,
                    }
                    true
                })
            }
            other => problems.push((
                *key_offset,
                format!("unknown setting `{other}` (known: {TOP_LEVEL_KEYS}); it is ignored"),
            )),
        }
    }
    options.advisor = std::sync::Arc::new(advisor);
    (options, problems)
}

/// Reads a table's entries with `entry`, which says whether it knew the key.
fn read_table(
    value: &Value,
    table: &str,
    style: Style,
    problems: &mut Vec<(usize, String)>,
    mut entry: impl FnMut(&str, &Value, &mut Vec<(usize, String)>) -> bool,
) {
    let Value::Table(entries) = value else {
        problems.push((
            value.offset(),
            format!("`{table}` is a table of settings; it is ignored"),
        ));
        return;
    };
    for (key, offset, value) in entries {
        let name = canonical_key(key, style);
        if !entry(&name, value, problems) {
            problems.push((
                *offset,
                format!("unknown setting `{key}` in `{table}`; it is ignored"),
            ));
        }
    }
}

fn is_identifier(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn read_name(value: &Value, key: &str, into: &mut String, problems: &mut Vec<(usize, String)>) {
    match value.as_string() {
        Some(name) if is_identifier(name) => *into = name.to_string(),
        _ => problems.push((
            value.offset(),
            format!("`{key}` is a model or field name such as \"{into}\"; using \"{into}\""),
        )),
    }
}

fn read_names(
    value: &Value,
    key: &str,
    into: &mut Vec<String>,
    problems: &mut Vec<(usize, String)>,
) {
    let Value::List(items, offset) = value else {
        problems.push((
            value.offset(),
            format!("`{key}` is a list of names such as [\"Country\"]; it is ignored"),
        ));
        return;
    };
    let mut names = Vec::new();
    for item in items {
        match item.as_string() {
            Some(name) if is_identifier(name) => names.push(name.to_string()),
            _ => problems.push((
                item.offset().max(*offset),
                format!("`{key}` lists names; this item is ignored"),
            )),
        }
    }
    *into = names;
}

/// `[rules]`: a level per code or code prefix.
fn read_rules(value: &Value, advisor: &mut AdvisorSettings, problems: &mut Vec<(usize, String)>) {
    let Value::Table(entries) = value else {
        problems.push((
            value.offset(),
            "`rules` is a table of levels such as `\"index/redundant\" = \"off\"`; it is ignored"
                .to_string(),
        ));
        return;
    };
    for (code, offset, level) in entries {
        let known = crate::analysis::codes::ALL.iter().any(|(known, _)| {
            let known = known.as_str();
            known == code
                || known
                    .strip_prefix(code.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        });
        if !known {
            let hint = crate::analysis::closest_name(
                code,
                crate::analysis::codes::ALL.iter().map(|(c, _)| c.as_str()),
            )
            .map(|near| format!(" (did you mean `{near}`?)"))
            .unwrap_or_default();
            problems.push((
                *offset,
                format!("unknown rule `{code}`{hint}; it is ignored"),
            ));
            continue;
        }
        match level.as_string().and_then(Level::from_name) {
            Some(parsed) => {
                advisor.levels.insert(code.clone(), parsed);
            }
            None => problems.push((
                level.offset(),
                format!("the level of `{code}` is \"off\", \"hint\", \"info\", \"warning\" or \"error\"; it is ignored"),
            )),
        }
    }
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
                "prisma-analyzer.toml:3:1: unknown setting `colour` (known: `prisma-version`, `rules`, `tenant`, `soft-delete`, `database-url`); it is ignored",
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
    fn reads_rule_levels_tenant_and_soft_delete_settings() {
        let (options, errors) = parsed(
            "[rules]\n\"index/redundant\" = \"off\"\ntenant = \"error\"\n\n[tenant]\nkey = \"organizationId\"\nmodel = \"Organization\"\nglobal-models = [\"Country\", \"Plan\"]\n\n[soft-delete]\nmarkers = [\"removedAt\"]\nexempt-models = [\"Session\"]\n",
        );
        assert_eq!(errors, Vec::<String>::new());
        let advisor = &options.advisor;
        assert_eq!(
            advisor.chosen_level(crate::analysis::codes::ADVICE_REDUNDANT_INDEX),
            Some(Level::Off)
        );
        assert_eq!(
            advisor.chosen_level(crate::analysis::codes::ADVICE_TENANT_NO_CASCADE),
            Some(Level::On(crate::analysis::Severity::Error))
        );
        assert_eq!(
            advisor.chosen_level(crate::analysis::codes::ADVICE_MONEY_TYPE),
            None
        );
        assert_eq!(advisor.tenant_key, "organizationId");
        assert_eq!(advisor.tenant_model, "Organization");
        assert_eq!(advisor.global_models, ["Country", "Plan"]);
        assert_eq!(advisor.soft_delete_markers, ["removedAt"]);
        assert_eq!(advisor.soft_delete_exempt, ["Session"]);
    }

    #[test]
    fn reports_bad_rule_settings_and_keeps_the_rest() {
        let (options, errors) = parsed(
            "[rules]\n\"index/redundnt\" = \"off\"\n\"index/redundant\" = \"loud\"\n[tenant]\nkey = \"tenant id\"\ncolour = 1\n",
        );
        assert_eq!(
            errors,
            [
                "prisma-analyzer.toml:2:1: unknown rule `index/redundnt` (did you mean `index/redundant`?); it is ignored",
                "prisma-analyzer.toml:3:21: the level of `index/redundant` is \"off\", \"hint\", \"info\", \"warning\" or \"error\"; it is ignored",
                "prisma-analyzer.toml:5:7: `key` is a model or field name such as \"tenantId\"; using \"tenantId\"",
                "prisma-analyzer.toml:6:1: unknown setting `colour` in `tenant`; it is ignored",
            ]
        );
        assert_eq!(options.advisor.tenant_key, "tenantId");
        assert!(options.advisor.levels.is_empty());
    }

    #[test]
    fn editor_settings_use_the_same_keys_in_camel_case() {
        let (options, problems) = from_json(&serde_json::json!({
            "prismaVersion": "7",
            "rules": {"types/money": "hint"},
            "tenant": {"key": "workspaceId", "globalModels": ["Plan"]},
            "softDelete": {"exemptModels": ["Log"]},
            "colour": true
        }));
        assert_eq!(options.prisma_version, PrismaVersion::Seven);
        assert_eq!(options.advisor.tenant_key, "workspaceId");
        assert_eq!(options.advisor.global_models, ["Plan"]);
        assert_eq!(options.advisor.soft_delete_exempt, ["Log"]);
        assert_eq!(
            options
                .advisor
                .chosen_level(crate::analysis::codes::ADVICE_MONEY_TYPE),
            Some(Level::On(crate::analysis::Severity::Hint))
        );
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("`colour`"), "{problems:?}");
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

    #[test]
    fn the_database_url_is_off_unless_set() {
        let path = Path::new("prisma-analyzer.toml");
        let (options, errors) = parse("prisma-version = \"7\"\n", path);
        assert!(errors.is_empty());
        assert_eq!(options.database_url, None);
        assert_eq!(options.project_database_url, None);
        // A project file's URL is kept apart: it is read only when the user allows it.
        let (options, errors) = parse("database-url = \"env\"\n", path);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(options.database_url, None);
        assert_eq!(options.project_database_url.as_deref(), Some("env"));
        let (options, problems) =
            from_json(&serde_json::json!({"databaseUrl": "postgresql://a@h/db"}));
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(options.database_url.as_deref(), Some("postgresql://a@h/db"));
        assert_eq!(options.project_database_url, None);
        let (options, errors) = parse("database-url = \"\"\n", path);
        assert_eq!(options.project_database_url, None);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn only_the_user_allows_project_database_urls() {
        let (options, problems) = from_json(&serde_json::json!({"allowProjectDatabaseUrl": true}));
        assert!(problems.is_empty(), "{problems:?}");
        assert!(options.allow_project_database_url);
        let (options, problems) = from_json(&serde_json::json!({"allowProjectDatabaseUrl": "yes"}));
        assert!(!options.allow_project_database_url);
        assert_eq!(problems.len(), 1, "{problems:?}");
        // A project file cannot allow itself.
        let (options, errors) = parsed("allow-project-database-url = true\n");
        assert!(!options.allow_project_database_url);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with(
                "prisma-analyzer.toml:1:1: `allow-project-database-url` is the user's choice"
            ),
            "{errors:?}"
        );
    }

    #[test]
    fn the_users_database_wins_and_a_projects_needs_consent() {
        let choice = |user, project, allowed| database_url_to_read(user, project, allowed);
        let url = |text: &str| Some(text.to_string());
        assert_eq!(choice(Some("u"), Some("p"), false).url, url("u"));
        assert!(!choice(Some("u"), Some("p"), false).project_url_ignored);
        assert_eq!(choice(None, Some("p"), true).url, url("p"));
        let refused = choice(None, Some("p"), false);
        assert_eq!(refused.url, None);
        assert!(refused.project_url_ignored);
        assert_eq!(
            choice(None, None, true),
            DatabaseChoice {
                url: None,
                project_url_ignored: false
            }
        );
    }

    #[test]
    fn the_configuration_file_is_looked_for_up_to_the_project_root() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("cloned");
        let schema = project.join("prisma/schema.prisma");
        std::fs::create_dir_all(project.join("prisma")).expect("folders");
        // Above the project root: not the project's.
        std::fs::write(dir.path().join(FILE_NAME), "").expect("write");
        std::fs::write(project.join(".git"), "").expect("write");
        assert_eq!(discover(&schema), None);
        std::fs::write(project.join(FILE_NAME), "").expect("write");
        assert_eq!(discover(&schema), Some(project.join(FILE_NAME)));
        std::fs::write(project.join("prisma").join(FILE_NAME), "").expect("write");
        assert_eq!(
            discover(&schema),
            Some(project.join("prisma").join(FILE_NAME))
        );
    }
}
