//! Analysis and publishing: the jobs handlers queue, the worker thread that validates each
//! changed schema (with the last advice), and `publish_schema`, through which both the
//! analysis and the advice threads publish.

use super::state::{SchemaSnapshot, State};
use super::{Backend, advice, convert, settings};
use crate::analysis;
use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::mpsc;
use tower_lsp_server::Client;
use tower_lsp_server::ls_types::*;

/// What the worker found in a schema, and for which versions of its files: the validation
/// and the advice as published, shared with the workers (not copied on every keystroke).
pub(super) struct LastAnalysis {
    pub(super) files: Vec<(Uri, Option<i32>)>,
    pub(super) options: analysis::Options,
    pub(super) validation: Arc<Vec<analysis::Diagnostic>>,
    pub(super) advice: Arc<Vec<analysis::Diagnostic>>,
}

impl LastAnalysis {
    /// Every diagnostic published, sorted by position (as `analysis::check` gives them).
    pub(super) fn diagnostics(&self) -> Vec<analysis::Diagnostic> {
        let mut all: Vec<analysis::Diagnostic> = self
            .validation
            .iter()
            .chain(self.advice.iter())
            .cloned()
            .collect();
        analysis::sort_by_position(&mut all);
        all
    }
}

/// What the worker thread is asked to do.
pub(super) enum Job {
    /// Analyse the schema of this document and publish its diagnostics.
    Analyze(Uri),
    /// A new snapshot of the database of this schema (by its first file) has been read:
    /// advise its open files afresh.
    Refresh(Uri),
}

impl Backend {
    pub(super) fn schedule(&self, uri: Uri) {
        // Fails only when the worker is gone (shutting down): nothing to do then.
        let _ = self.jobs.send(Job::Analyze(uri));
    }

    pub(super) fn schedule_all_open(&self) {
        let uris: Vec<Uri> = self
            .state
            .documents
            .iter()
            .map(|d| d.key().clone())
            .collect();
        uris.into_iter().for_each(|uri| self.schedule(uri));
    }
}

/// The worker: analyses schemas and publishes diagnostics, always for the latest text.
///
/// Validation runs here, on every change, and is published at once together with the last
/// advice (moved with its blocks; findings in edited blocks wait). The advisor runs on its
/// own thread (`advice_worker`), on the latest snapshot only, and publishes again when its
/// findings differ: typing never waits for the advisor, and a burst of edits is advised once.
pub(super) fn analysis_worker(
    state: Arc<State>,
    client: Client,
    mut jobs: mpsc::UnboundedReceiver<Job>,
    job_sender: mpsc::UnboundedSender<Job>,
    runtime: tokio::runtime::Handle,
) {
    // One analyzer (and its per-block cache) per schema, named by the schema's first file.
    let mut analyzers: HashMap<Uri, analysis::Analyzer> = HashMap::new();
    // What was last published for each configuration file (to publish only changes).
    let mut published_settings: HashMap<PathBuf, Vec<crate::settings::SettingsError>> =
        HashMap::new();
    // The configuration files whose unused `database-url` the user was told about (once).
    let mut told_database_url_ignored: std::collections::HashSet<PathBuf> =
        std::collections::HashSet::new();
    let (advice_jobs, advice_receiver) = std::sync::mpsc::channel::<advice::AdviceJob>();
    {
        let (state, runtime, job_sender) =
            (Arc::clone(&state), runtime.clone(), job_sender.clone());
        let spawned = std::thread::Builder::new()
            .name("advice".into())
            .spawn(move || advice::advice_worker(state, advice_receiver, job_sender, runtime));
        if let Err(error) = spawned {
            tracing::error!("cannot start the advice thread: {error}");
        }
    }
    // A job names the documents to analyse; a database refresh also drops the schema's
    // remembered advice, so that it is computed afresh with the new snapshot.
    let take = |job: Job, pending: &mut BTreeSet<Uri>| match job {
        Job::Analyze(uri) => {
            pending.insert(uri);
        }
        Job::Refresh(schema_key) => {
            state
                .advice
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .remove(&schema_key);
            let last = state
                .last_analysis
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            if let Some(last) = last.get(&schema_key) {
                pending.extend(
                    last.files
                        .iter()
                        .filter(|(_, version)| version.is_some())
                        .map(|(uri, _)| uri.clone()),
                );
            }
        }
    };
    while let Some(first) = jobs.blocking_recv() {
        // Everything queued meanwhile is merged: a burst of edits is analysed once.
        let mut pending: BTreeSet<Uri> = BTreeSet::new();
        take(first, &mut pending);
        while let Ok(job) = jobs.try_recv() {
            take(job, &mut pending);
        }
        let mut done: BTreeSet<Uri> = BTreeSet::new();
        for uri in &pending {
            if done.contains(uri) {
                continue;
            }
            let started = std::time::Instant::now();
            let Some(snapshot) = state.schema_for(uri) else {
                continue;
            };
            let assembled = started.elapsed();
            tracing::trace!("schema assembled in {assembled:?}");
            let Some((schema_key, _)) = snapshot.files.first() else {
                continue;
            };
            let schema_key = schema_key.clone();
            let settings = settings::schema_options(&state, &schema_key);
            if let Some((path, errors)) = &settings.file {
                if published_settings.get(path) != Some(errors) {
                    settings::publish_settings_problems(&state, path, errors);
                    published_settings.insert(path.clone(), errors.clone());
                }
                if settings.project_database_url_ignored
                    && told_database_url_ignored.insert(path.clone())
                {
                    settings::tell_project_database_url_ignored(&client, &runtime, path);
                }
            }
            let options = settings.options;
            let analyzer = analyzers.entry(schema_key.clone()).or_default();
            let options_changed = analyzer.options() != &options;
            analyzer.set_options(options.clone());
            let validation = Arc::new(analyzer.validate(&snapshot.schema));
            // The advice to show now: remembered from an earlier version (moved with its
            // blocks), or, the first time and after a change of settings, computed here.
            let remembered = {
                let advice = state.advice.lock().unwrap_or_else(|e| e.into_inner());
                advice
                    .get(&schema_key)
                    .filter(|_| !options_changed)
                    .map(|memory| memory.recall(&snapshot.schema))
            };
            let (shown, fresh) = match remembered {
                Some(shown) => (shown, false),
                None => {
                    let mut advice = analysis::advise(&snapshot.schema, &options);
                    state.databases.advise(
                        &schema_key,
                        &snapshot.schema,
                        &options,
                        &mut advice,
                        &runtime,
                        &job_sender,
                    );
                    let mut memory = analysis::AdviceMemory::default();
                    memory.remember(&snapshot.schema, &advice);
                    state
                        .advice
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .insert(schema_key.clone(), memory);
                    (advice, true)
                }
            };
            let shown = Arc::new(shown);
            let analysed = started.elapsed();
            publish_schema(
                &state,
                &snapshot,
                &options,
                Arc::clone(&validation),
                Arc::clone(&shown),
            );
            tracing::debug!(
                "analysed {} in {analysed:?} (assembly {assembled:?}), published after {:?}",
                uri.as_str(),
                started.elapsed()
            );
            done.extend(snapshot.files.iter().map(|(file_uri, _)| file_uri.clone()));
            if !fresh {
                let _ = advice_jobs.send(advice::AdviceJob {
                    schema_key,
                    uri: uri.clone(),
                    files: snapshot.files.clone(),
                    blocks: snapshot.schema.blocks().count(),
                    options,
                    validation,
                    shown,
                });
            }
        }
        // Analyzers of schemas no longer open go with them.
        analyzers
            .retain(|first, _| state.documents.contains_key(first) || state.schema_is_open(first));
        state
            .databases
            .retain(|first| analyzers.contains_key(first));
        state
            .last_analysis
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|first, _| analyzers.contains_key(first));
        state
            .advice
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|first, _| analyzers.contains_key(first));
    }
}

/// Publishes a schema's diagnostics (its validation and its advice) on each of its open files
/// that is still at the version analysed, and keeps them for code actions. Both workers
/// publish through here, one at a time, so that an older result is never published after a
/// newer one.
pub(super) fn publish_schema(
    state: &State,
    snapshot: &SchemaSnapshot,
    options: &analysis::Options,
    validation: Arc<Vec<analysis::Diagnostic>>,
    advice: Arc<Vec<analysis::Diagnostic>>,
) {
    let mut diagnostics: Vec<&analysis::Diagnostic> =
        validation.iter().chain(advice.iter()).collect();
    diagnostics.sort_by(|a, b| analysis::by_position(a, b));
    let _publishing = state.publishing.lock().unwrap_or_else(|e| e.into_inner());
    let encoding = state.encoding();
    let uri_of = snapshot.uri_of();
    for (index, (file_uri, version)) in snapshot.files.iter().enumerate() {
        let Some(version) = *version else {
            continue;
        };
        // A newer version is queued: this result is already stale.
        if !state.is_current(file_uri, version) {
            continue;
        }
        let for_file: Vec<convert::PublishedDiagnostic> = diagnostics
            .iter()
            .filter(|d| d.span.file.0 as usize == index)
            .map(|d| convert::diagnostic(&snapshot.schema, d, &uri_of, encoding))
            .collect();
        state.outbox.publish_findings(file_uri, for_file, version);
    }
    drop(diagnostics);
    if let Some((schema_key, _)) = snapshot.files.first() {
        state
            .last_analysis
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(
                schema_key.clone(),
                LastAnalysis {
                    files: snapshot.files.clone(),
                    options: options.clone(),
                    validation,
                    advice,
                },
            );
    }
}
