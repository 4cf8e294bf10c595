//! The live database in the server (`database-url`, off by default): one snapshot per
//! schema, read in the background and reused, so no keystroke ever waits for the database.
//! The advice of a schema takes its database part from the last snapshot; a schema with
//! none yet (or an old one) starts a read, and when it lands the schema is analysed again.

use super::diagnostics::Job;
use crate::analysis::{Diagnostic, Options};
use crate::database::{self, ConnectOptions, DatabaseError, DatabaseSnapshot};
use crate::model::Schema;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::mpsc;
use tower_lsp_server::ls_types::Uri;

/// How long a snapshot is used before it is read again (statistics move slowly; a drift
/// fixed by a migration shows within this time, or at once after a change of settings).
const REFRESH_AFTER: Duration = Duration::from_secs(60);

#[derive(Default)]
pub(super) struct Databases {
    by_schema: Mutex<HashMap<Uri, Entry>>,
}

struct Entry {
    /// The setting it was read for (a changed setting reads again).
    setting: String,
    result: Option<Result<Arc<DatabaseSnapshot>, DatabaseError>>,
    read_at: Option<Instant>,
    reading: bool,
}

impl Entry {
    fn unread(setting: &str) -> Entry {
        Entry {
            setting: setting.to_string(),
            result: None,
            read_at: None,
            reading: false,
        }
    }
}

impl Databases {
    /// Adds the database's part to `diagnostics` (the advice of the schema named by
    /// `schema_key`) from the last snapshot; starts a read in the background when there is
    /// none for this setting yet, or it is old. Never waits.
    pub(super) fn advise(
        self: &Arc<Self>,
        schema_key: &Uri,
        schema: &Schema,
        options: &Options,
        diagnostics: &mut Vec<Diagnostic>,
        runtime: &tokio::runtime::Handle,
        jobs: &mpsc::UnboundedSender<Job>,
    ) {
        let Some(setting) = options.database_url.as_deref() else {
            return;
        };
        let (result, start_reading) = {
            let mut entries = self.by_schema.lock().unwrap_or_else(|e| e.into_inner());
            let entry = entries
                .entry(schema_key.clone())
                .or_insert_with(|| Entry::unread(setting));
            if entry.setting != setting {
                *entry = Entry::unread(setting);
            }
            let old = entry
                .read_at
                .is_none_or(|read_at| read_at.elapsed() > REFRESH_AFTER);
            let start_reading = old && !entry.reading;
            if start_reading {
                entry.reading = true;
            }
            (entry.result.clone(), start_reading)
        };
        match result {
            Some(Ok(snapshot)) => database::advise(schema, &snapshot, options, diagnostics),
            Some(Err(error)) => diagnostics.push(database::unavailable(schema, &error)),
            None => {}
        }
        if start_reading {
            self.start_reading(schema_key, schema, setting, runtime, jobs);
        }
    }

    fn start_reading(
        self: &Arc<Self>,
        schema_key: &Uri,
        schema: &Schema,
        setting: &str,
        runtime: &tokio::runtime::Handle,
        jobs: &mpsc::UnboundedSender<Job>,
    ) {
        let target = database::target(schema, setting);
        let (databases, key, setting, jobs) = (
            Arc::clone(self),
            schema_key.clone(),
            setting.to_string(),
            jobs.clone(),
        );
        runtime.spawn(async move {
            let result = match target {
                Ok((url, schemas)) => {
                    database::read_target(&url, &schemas, &ConnectOptions::default()).await
                }
                Err(error) => Err(error),
            };
            if let Err(error) = &result {
                tracing::info!("database for {}: {error}", key.as_str());
            }
            {
                let mut entries = databases
                    .by_schema
                    .lock()
                    .unwrap_or_else(|e| e.into_inner());
                let Some(entry) = entries.get_mut(&key).filter(|e| e.setting == setting) else {
                    return;
                };
                entry.result = Some(result.map(Arc::new));
                entry.read_at = Some(Instant::now());
                entry.reading = false;
            }
            // Analyse again: the advice then takes the new snapshot.
            let _ = jobs.send(Job::Refresh(key));
        });
    }

    /// The last snapshot read for the schema, if it was read.
    pub(super) fn snapshot(&self, schema_key: &Uri) -> Option<Arc<DatabaseSnapshot>> {
        let entries = self.by_schema.lock().unwrap_or_else(|e| e.into_inner());
        match entries.get(schema_key)?.result.as_ref()? {
            Ok(snapshot) => Some(Arc::clone(snapshot)),
            Err(_) => None,
        }
    }

    /// Forgets the schemas no longer open.
    pub(super) fn retain(&self, open: impl Fn(&Uri) -> bool) {
        self.by_schema
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|key, _| open(key));
    }
}
