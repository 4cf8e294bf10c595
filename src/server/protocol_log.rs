//! The protocol messages in the trace log (`RUST_LOG=trace`), with the settings' secrets
//! taken out.
//!
//! tower-lsp-server logs every raw message at `trace` (target `tower_lsp_server::codec`):
//! `initializationOptions`, `workspace/didChangeConfiguration` and the answers to
//! `workspace/configuration` carry `databaseUrl`, passwords included. `init_tracing`
//! silences that target for good, and the guard in `framing.rs` logs each message here
//! instead, redacted: the string values of settings whose name says they hold a secret
//! are replaced whole, and every other string has the credentials of any connection string
//! in it replaced ([`crate::database::url::redact_credentials`]).

use serde_json::Value;

/// The target of the framework's raw-message logging, which is never let through.
pub(super) const FRAMEWORK_RAW_MESSAGES: &str = "tower_lsp_server::codec";

/// Logs go to stderr (stdout carries the protocol); the level comes from `RUST_LOG`. The
/// framework's own logging of raw messages is never let through: the guard logs them
/// redacted (here).
pub(super) fn init_tracing() {
    use tracing_subscriber::Layer;
    use tracing_subscriber::filter::FilterExt;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let level = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let without_raw_messages = tracing_subscriber::filter::filter_fn(|metadata| {
        !metadata.target().starts_with(FRAMEWORK_RAW_MESSAGES)
    });
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .with_filter(level.and(without_raw_messages));
    let _ = tracing_subscriber::registry().with(layer).try_init();
}

/// Logs one message that went `direction` (`<-` from the client, `->` to it), redacted.
/// Costs nothing unless tracing is on.
pub(super) fn trace_message(direction: &str, body: &[u8]) {
    if tracing::enabled!(tracing::Level::TRACE) {
        tracing::trace!("{direction} {}", redacted(body));
    }
}

/// The message as text for the log, without secrets.
pub(super) fn redacted(body: &[u8]) -> String {
    match serde_json::from_slice::<Value>(body) {
        Ok(mut message) => {
            redact_value(&mut message, false);
            message.to_string()
        }
        // Not JSON (the guard answers it with an error): its length only, since it could be
        // anything the client sent.
        Err(_) => format!("({} bytes that are not a JSON message)", body.len()),
    }
}

/// Replaces secrets in `value`; `secret` says whether the member holding it is named like
/// a secret (a list inherits its member's name).
fn redact_value(value: &mut Value, secret: bool) {
    match value {
        Value::String(text) if secret && !text.is_empty() => *text = "****".to_string(),
        Value::String(text) => {
            let redacted = crate::database::url::redact_credentials(text);
            if redacted != *text {
                *text = redacted;
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| redact_value(item, secret)),
        Value::Object(members) => {
            for (name, member) in members.iter_mut() {
                redact_value(member, secret || names_a_secret(name));
            }
        }
        Value::Null | Value::Bool(_) | Value::Number(_) => {}
    }
}

/// Whether a setting's name says it holds a secret: `databaseUrl`, `database-url`,
/// `password`, `apiToken`, `clientSecret`, … (case, `-` and `_` aside).
fn names_a_secret(name: &str) -> bool {
    let name: String = name
        .chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    ["url", "password", "passwd", "secret", "credential", "dsn"]
        .iter()
        .any(|word| name.contains(word))
        || name.ends_with("token")
        || name.ends_with("apikey")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_and_connection_strings_are_redacted() {
        let message = serde_json::json!({
            "jsonrpc": "2.0",
            "id": 1,
            "method": "initialize",
            "params": {
                "initializationOptions": {
                    "databaseUrl": "host=h password=Kv-Secret",
                    "database-url": "env",
                    "prismaVersion": "7",
                    "tenant": {"key": "orgId"}
                },
                "text": "url = \"postgresql://alice:Doc-Secret@h/db\""
            }
        });
        let logged = redacted(message.to_string().as_bytes());
        assert!(!logged.contains("Secret"), "{logged}");
        assert!(logged.contains("\"prismaVersion\":\"7\""), "{logged}");
        assert!(logged.contains("\"key\":\"orgId\""), "{logged}");
        assert!(logged.contains("postgresql://****@h/db"), "{logged}");
        assert_eq!(
            redacted(b"{\"password\": "),
            "(13 bytes that are not a JSON message)"
        );
    }
}
