//! The server's settings: the client's (`initializationOptions`, `workspace/configuration`,
//! `workspace/didChangeConfiguration`), the `prisma-analyzer.toml` of each schema's project,
//! and which of them may choose the database the server connects to.
//!
//! Trust: the client's settings are the user's; a project's file is whoever wrote the
//! repository. So the file's options apply to its schemas, except its `database-url`, which
//! is read only when the user allowed project database URLs
//! (`settings::database_url_to_read`); otherwise the server says once per file that it left
//! it unused, and how to allow it.

use super::Backend;
use super::diagnostics::Job;
use super::state::State;
use crate::analysis;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::*;

/// The section of the client's settings that holds ours.
pub(super) const CONFIGURATION_SECTION: &str = "prisma-analyzer";

/// The options a client passes in `initializationOptions` or `workspace/configuration`: the
/// keys of prisma-analyzer.toml, in camel case (`{ "prismaVersion": "7", "rules": {...} }`).
pub(super) fn client_options(
    value: Option<&serde_json::Value>,
) -> (analysis::Options, Vec<String>) {
    match value {
        Some(value) => crate::settings::from_json(value),
        None => (analysis::Options::default(), Vec::new()),
    }
}

/// Applies settings the client sent, reporting their problems in the client's log.
async fn apply_client_settings(state: &State, client: &Client, value: &serde_json::Value) {
    let (options, problems) = client_options(Some(value));
    for problem in problems {
        client
            .log_message(
                MessageType::WARNING,
                format!("prisma-analyzer settings: {problem}"),
            )
            .await;
    }
    *state
        .client_options
        .lock()
        .unwrap_or_else(|e| e.into_inner()) = options;
}

/// The settings in effect for one schema.
pub(super) struct SchemaSettings {
    pub(super) options: analysis::Options,
    /// The configuration file the options come from, with its problems, if any.
    pub(super) file: Option<(PathBuf, Vec<crate::settings::SettingsError>)>,
    /// That file names a database that is not read (the user did not allow it).
    pub(super) project_database_url_ignored: bool,
}

/// The settings of the schema whose first file is `uri`: the client's, or those of the
/// configuration file of its project; the database to read as the user allows.
pub(super) fn schema_options(state: &State, uri: &Uri) -> SchemaSettings {
    let client = state
        .client_options
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let settings_file = uri
        .to_file_path()
        .and_then(|path| crate::settings::discover(&path));
    let (mut options, file) = match settings_file {
        Some(settings_file) => {
            let (options, errors) = state
                .settings
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .load(&settings_file);
            (options, Some((settings_file, errors)))
        }
        None => (client.clone(), None),
    };
    let allowed = client.allow_project_database_url
        || crate::settings::project_database_url_allowed_by_environment();
    let choice = crate::settings::database_url_to_read(
        client.database_url.as_deref(),
        options.project_database_url.as_deref(),
        allowed,
    );
    options.database_url = choice.url;
    options.project_database_url = None;
    SchemaSettings {
        options,
        file,
        project_database_url_ignored: choice.project_url_ignored,
    }
}

/// Publishes the problems of a configuration file on that file.
pub(super) fn publish_settings_problems(
    state: &State,
    path: &Path,
    errors: &[crate::settings::SettingsError],
) {
    let Some(uri) = Uri::from_file_path(path) else {
        return;
    };
    let diagnostics = errors
        .iter()
        .map(|error| {
            let position = Position::new(
                error.line.saturating_sub(1) as u32,
                error.column.saturating_sub(1) as u32,
            );
            Diagnostic {
                range: Range::new(position, position),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("prisma-analyzer".to_string()),
                message: error.message.clone(),
                ..Default::default()
            }
        })
        .collect();
    state.outbox.publish_diagnostics(uri, diagnostics, None);
}

/// Tells the user that the `database-url` of `settings_file` was left unused, and how to
/// allow it (in the client's log; the caller says it once per file).
pub(super) fn tell_project_database_url_ignored(
    client: &Client,
    runtime: &tokio::runtime::Handle,
    settings_file: &Path,
) {
    let message = crate::settings::project_database_url_ignored_message(settings_file);
    tracing::info!("{message}");
    runtime.block_on(client.log_message(MessageType::WARNING, message));
}

impl Backend {
    /// Asks the client for its settings (`workspace/configuration`, section
    /// `prisma-analyzer`), without waiting in the handler: the answer applies when it comes.
    pub(super) fn pull_configuration(&self) {
        if self.state.pulls_configuration.get() != Some(&true) {
            return;
        }
        let client = self.client.clone();
        let state = Arc::clone(&self.state);
        let jobs = self.jobs.clone();
        tokio::spawn(async move {
            let item = ConfigurationItem {
                scope_uri: None,
                section: Some(CONFIGURATION_SECTION.to_string()),
            };
            match client.configuration(vec![item]).await {
                Ok(values) => {
                    if let Some(value) = values.first().filter(|v| !v.is_null()) {
                        apply_client_settings(&state, &client, value).await;
                        let uris: Vec<Uri> =
                            state.documents.iter().map(|d| d.key().clone()).collect();
                        for uri in uris {
                            let _ = jobs.send(Job::Analyze(uri));
                        }
                    }
                }
                Err(error) => tracing::info!("workspace/configuration failed: {error}"),
            }
        });
    }

    /// Applies settings pushed by `workspace/didChangeConfiguration`.
    pub(super) fn apply_client_settings(&self, value: &serde_json::Value) {
        let (options, problems) = client_options(Some(value));
        for problem in problems {
            self.log(
                MessageType::WARNING,
                format!("prisma-analyzer settings: {problem}"),
            );
        }
        *self
            .state
            .client_options
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = options;
        self.schedule_all_open();
    }
}

/// `workspace/didChangeConfiguration`: pull the settings again, or apply those pushed.
pub(super) fn did_change_configuration(server: &Backend, params: DidChangeConfigurationParams) {
    if server.state.pulls_configuration.get() == Some(&true) {
        server.pull_configuration();
    } else if let Some(section) = params.settings.get(CONFIGURATION_SECTION) {
        server.apply_client_settings(section);
    }
}
