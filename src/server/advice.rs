//! The advisor's thread: the advice of each schema, computed off the keystroke path on the
//! latest snapshot once the user pauses, published again only when it differs from what the
//! analysis worker showed.

use super::diagnostics::{Job, publish_schema};
use super::state::State;
use crate::analysis;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::Uri;

/// A schema to advise on, as the analysis worker last published it. It names the schema
/// rather than holding it: a model held here while the user types would make the next
/// edit copy the whole file model instead of updating it in place.
pub(super) struct AdviceJob {
    pub(super) schema_key: Uri,
    /// A file of the schema, and the versions of its files when published.
    pub(super) uri: Uri,
    pub(super) files: Vec<(Uri, Option<i32>)>,
    /// How many declarations the schema has (how long advising it takes).
    pub(super) blocks: usize,
    pub(super) options: analysis::Options,
    pub(super) validation: Arc<Vec<analysis::Diagnostic>>,
    /// The advice published with `validation` (remembered from an earlier version).
    pub(super) shown: Arc<Vec<analysis::Diagnostic>>,
}

/// How long the advice thread waits for the user to pause before advising a schema of
/// `blocks` declarations. Advising holds the schema, and a keystroke made meanwhile has to
/// copy its file's model before updating it (60 to 190 ms more on that keystroke at 10,000
/// models, measured), so the larger the schema (the longer advising takes), the longer the
/// pause that starts it: 60 ms, plus 40 µs per declaration, at most half a second.
fn advice_delay(blocks: usize) -> std::time::Duration {
    let extra = std::time::Duration::from_micros(40).saturating_mul(blocks as u32);
    (std::time::Duration::from_millis(60) + extra).min(std::time::Duration::from_millis(500))
}

/// The advisor's thread: advises on the latest snapshot of each schema and publishes again
/// when the advice differs from what was shown.
pub(super) fn advice_worker(
    state: Arc<State>,
    jobs: std::sync::mpsc::Receiver<AdviceJob>,
    job_sender: mpsc::UnboundedSender<Job>,
    runtime: tokio::runtime::Handle,
) {
    while let Ok(first) = jobs.recv() {
        let delay = advice_delay(first.blocks);
        // Only the latest snapshot of each schema counts, once the user pauses: advising
        // while they type would only compete with the next keystroke for the processor.
        let mut latest: HashMap<Uri, AdviceJob> = HashMap::new();
        latest.insert(first.schema_key.clone(), first);
        loop {
            match jobs.recv_timeout(delay) {
                Ok(job) => {
                    latest.insert(job.schema_key.clone(), job);
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => break,
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return,
            }
        }
        for job in latest.into_values() {
            // The schema as published, unless it has changed since (then a newer job
            // follows).
            let Some(snapshot) = state
                .schema_for(&job.uri)
                .filter(|snapshot| snapshot.files == job.files)
            else {
                continue;
            };
            let mut advice = analysis::advise(&snapshot.schema, &job.options);
            state.databases.advise(
                &job.schema_key,
                &snapshot.schema,
                &job.options,
                &mut advice,
                &runtime,
                &job_sender,
            );
            {
                let mut memories = state.advice.lock().unwrap_or_else(|e| e.into_inner());
                memories
                    .entry(job.schema_key.clone())
                    .or_default()
                    .remember(&snapshot.schema, &advice);
            }
            if advice == *job.shown {
                continue;
            }
            publish_schema(
                &state,
                &snapshot,
                &job.options,
                job.validation,
                Arc::new(advice),
            );
        }
    }
}
