//! A read-only session with PostgreSQL (`tokio-postgres`, TLS with `rustls` as `sslmode`
//! says). Every session sets `default_transaction_read_only = on`, a `statement_timeout`
//! and `application_name = prisma-analyzer`; connecting gives up after a timeout. Every
//! failure is one [`DatabaseError`] whose message names the database by its masked URL, and
//! whose text from the library or the server is scrubbed of credentials.

use super::url::{DatabaseUrl, SslMode};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
use tokio_postgres::Client;

pub const APPLICATION_NAME: &str = "prisma-analyzer";

/// How long to wait, per session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectOptions {
    /// `statement_timeout` of the session.
    pub statement_timeout: Duration,
    /// Connecting (TCP, TLS, authentication) gives up after this; the URL's
    /// `connect_timeout` wins when given.
    pub connect_timeout: Duration,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        ConnectOptions {
            statement_timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(5),
        }
    }
}

/// What went wrong, for tests and for deciding what to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The URL or `--database-url env` is not usable.
    Url,
    /// No server answers at that address.
    Unreachable,
    /// The server refused the user or password.
    Authentication,
    /// The server has no database of that name.
    DatabaseMissing,
    /// The user may not read a catalogue or statistics view.
    PermissionDenied,
    /// Connecting or a statement took longer than allowed.
    Timeout,
    /// TLS failed (the server does not offer it, or its certificate is not trusted).
    Tls,
    /// Anything else the server or the connection reported.
    Other,
}

/// One failure, with a message that names the database by its masked URL and never holds
/// a credential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatabaseError {
    pub kind: ErrorKind,
    pub message: String,
}

impl fmt::Display for DatabaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DatabaseError {}

impl DatabaseError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        DatabaseError {
            kind,
            message: message.into(),
        }
    }

    /// An error of `tokio-postgres` while doing `what` on `url`, as one clear message: the
    /// library's or server's text (scrubbed of credentials), with the masked URL.
    pub fn from_postgres(url: &DatabaseUrl, what: &str, error: &tokio_postgres::Error) -> Self {
        let masked = url.masked();
        let (kind, message) = classify(url, error);
        let message = match kind {
            ErrorKind::Unreachable => {
                format!("cannot reach the database at {masked}: {message}")
            }
            ErrorKind::Authentication => format!(
                "authentication failed for the database at {masked}: {message} (check the user and password)"
            ),
            ErrorKind::DatabaseMissing => {
                format!("the database at {masked} does not exist: {message}")
            }
            ErrorKind::PermissionDenied => {
                format!("permission denied while {what} at {masked}: {message}")
            }
            ErrorKind::Timeout => format!("timed out while {what} at {masked}: {message}"),
            ErrorKind::Tls => format!("TLS failed with the database at {masked}: {message}"),
            ErrorKind::Url | ErrorKind::Other => {
                format!("error while {what} at {masked}: {message}")
            }
        };
        DatabaseError::new(kind, message)
    }

    /// Adds `hint` to a permission error (what the user needs for what was being done).
    pub fn with_permission_hint(mut self, hint: &str) -> Self {
        if self.kind == ErrorKind::PermissionDenied {
            self.message.push_str(" (");
            self.message.push_str(hint);
            self.message.push(')');
        }
        self
    }
}

/// The kind of an error and its text (the server's message, or the causes, joined).
fn classify(url: &DatabaseUrl, error: &tokio_postgres::Error) -> (ErrorKind, String) {
    use tokio_postgres::error::SqlState;
    if let Some(db) = error.as_db_error() {
        let code = db.code();
        let kind = if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            ErrorKind::Authentication
        } else if *code == SqlState::INVALID_CATALOG_NAME {
            ErrorKind::DatabaseMissing
        } else if *code == SqlState::INSUFFICIENT_PRIVILEGE {
            ErrorKind::PermissionDenied
        } else if *code == SqlState::QUERY_CANCELED {
            ErrorKind::Timeout
        } else if *code == SqlState::CANNOT_CONNECT_NOW || *code == SqlState::TOO_MANY_CONNECTIONS {
            ErrorKind::Unreachable
        } else {
            ErrorKind::Other
        };
        return (kind, url.scrub(db.message()));
    }
    // The chain of causes: "error connecting to server: Connection refused (os error 111)".
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    let mut io_kind = None;
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            io_kind = Some(io.kind());
        }
        source = cause.source();
    }
    let lower = text.to_lowercase();
    let kind = if io_kind == Some(std::io::ErrorKind::TimedOut) || lower.starts_with("timeout") {
        ErrorKind::Timeout
    } else if lower.starts_with("error performing tls handshake")
        || lower.contains("server does not support tls")
    {
        ErrorKind::Tls
    } else if lower.starts_with("authentication error") || lower.contains("password missing") {
        ErrorKind::Authentication
    } else if lower.starts_with("error connecting to server") || io_kind.is_some() {
        ErrorKind::Unreachable
    } else {
        ErrorKind::Other
    };
    (kind, url.scrub(&text))
}

/// A read-only session, and the database it is with (for messages).
pub struct Session {
    pub client: Client,
    url: DatabaseUrl,
}

impl fmt::Debug for Session {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Session({})", self.url.masked())
    }
}

impl Session {
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    /// An error of a statement run in this session, as one clear message.
    pub fn error(&self, what: &str, error: &tokio_postgres::Error) -> DatabaseError {
        DatabaseError::from_postgres(&self.url, what, error)
    }
}

/// Opens a read-only session: connects (within the timeout), then sets
/// `default_transaction_read_only = on` and `statement_timeout`. The connection runs on
/// the current tokio runtime until the client is dropped.
pub async fn connect(
    url: &DatabaseUrl,
    options: &ConnectOptions,
) -> Result<Session, DatabaseError> {
    let timeout = url.connect_timeout.unwrap_or(options.connect_timeout);
    let config = config(url, timeout);
    let connecting = async {
        if url.sslmode == SslMode::Disable {
            spawn(config.connect(tokio_postgres::NoTls).await)
        } else {
            let tls = tls_config(url)?;
            spawn(
                config
                    .connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
                    .await,
            )
        }
        .map_err(|error| DatabaseError::from_postgres(url, "connecting", &error))
    };
    // The socket's timeout covers TCP only: this one covers TLS and authentication too.
    let client = match tokio::time::timeout(timeout, connecting).await {
        Ok(client) => client?,
        Err(_) => {
            return Err(DatabaseError::new(
                ErrorKind::Timeout,
                format!(
                    "timed out connecting to the database at {} (no answer within {} s)",
                    url.masked(),
                    timeout.as_secs_f32()
                ),
            ));
        }
    };
    let millis = options.statement_timeout.as_millis().max(1);
    client
        .batch_execute(&format!(
            "SET default_transaction_read_only = on; SET statement_timeout = '{millis}ms'"
        ))
        .await
        .map_err(|error| DatabaseError::from_postgres(url, "setting up the session", &error))?;
    Ok(Session {
        client,
        url: url.clone(),
    })
}

/// Starts the connection's task; the client is usable once it runs.
fn spawn<S, T>(
    connected: Result<(Client, tokio_postgres::Connection<S, T>), tokio_postgres::Error>,
) -> Result<Client, tokio_postgres::Error>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
    T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (client, connection) = connected?;
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            // The client sees the error on its next query; the message has no password.
            tracing::debug!("database connection closed: {error}");
        }
    });
    Ok(client)
}

fn config(url: &DatabaseUrl, timeout: Duration) -> tokio_postgres::Config {
    let mut config = tokio_postgres::Config::new();
    config.application_name(APPLICATION_NAME);
    config.connect_timeout(timeout);
    let user = url
        .user
        .clone()
        .or_else(|| std::env::var("PGUSER").ok())
        .or_else(|| std::env::var("USER").ok())
        .unwrap_or_else(|| "postgres".to_string());
    config.user(&user);
    if let Some(password) = url.password() {
        config.password(password);
    }
    config.dbname(url.dbname.as_deref().unwrap_or(&user));
    if url.hosts.is_empty() {
        // libpq's default: the local socket.
        config.host("/var/run/postgresql");
    }
    for host in &url.hosts {
        config.host(host);
    }
    for port in &url.ports {
        config.port(*port);
    }
    if let Some(options) = &url.options {
        config.options(options);
    }
    config.ssl_mode(match url.sslmode {
        SslMode::Disable => tokio_postgres::config::SslMode::Disable,
        SslMode::Prefer => tokio_postgres::config::SslMode::Prefer,
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => {
            tokio_postgres::config::SslMode::Require
        }
    });
    config
}

/// The TLS client for `sslmode`: `prefer` and `require` encrypt without checking the
/// certificate (as libpq does), `verify-ca` checks the chain, `verify-full` the host too.
fn tls_config(url: &DatabaseUrl) -> Result<rustls::ClientConfig, DatabaseError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls_error = |why: String| {
        DatabaseError::new(
            ErrorKind::Tls,
            format!("TLS setup for the database at {}: {why}", url.masked()),
        )
    };
    let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_error(e.to_string()))?;
    let algorithms = provider.signature_verification_algorithms;
    let config = match url.sslmode {
        SslMode::Disable | SslMode::Prefer | SslMode::Require => builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(Unverified(algorithms)))
            .with_no_client_auth(),
        SslMode::VerifyCa | SslMode::VerifyFull => {
            let mut roots = RootCertStore::empty();
            match &url.sslrootcert {
                Some(path) => {
                    use rustls::pki_types::pem::PemObject;
                    let certificates = CertificateDer::pem_file_iter(path)
                        .map_err(|e| tls_error(format!("sslrootcert {}: {e}", path.display())))?;
                    for certificate in certificates {
                        let certificate = certificate.map_err(|e| {
                            tls_error(format!("sslrootcert {}: {e}", path.display()))
                        })?;
                        roots.add(certificate).map_err(|e| {
                            tls_error(format!("sslrootcert {}: {e}", path.display()))
                        })?;
                    }
                }
                None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
            }
            let webpki = rustls::client::WebPkiServerVerifier::builder_with_provider(
                Arc::new(roots),
                Arc::clone(&provider),
            )
            .build()
            .map_err(|e| tls_error(e.to_string()))?;
            if url.sslmode == SslMode::VerifyFull {
                builder.with_webpki_verifier(webpki).with_no_client_auth()
            } else {
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(AnyName(webpki)))
                    .with_no_client_auth()
            }
        }
    };
    Ok(config)
}

/// `sslmode=require`/`prefer`: any certificate (the signature of the handshake is still
/// checked).
#[derive(Debug)]
struct Unverified(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// `sslmode=verify-ca`: a trusted chain, for whatever host name.
#[derive(Debug)]
struct AnyName(Arc<rustls::client::WebPkiServerVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sslmode_has_a_tls_config() {
        for mode in ["disable", "prefer", "require", "verify-ca", "verify-full"] {
            let url =
                DatabaseUrl::parse(&format!("postgres://u:pw@h/db?sslmode={mode}")).expect("url");
            assert!(tls_config(&url).is_ok(), "{mode}");
        }
        let url = DatabaseUrl::parse(
            "postgres://u:pw@h/db?sslmode=verify-full&sslrootcert=/nonexistent.pem",
        )
        .expect("url");
        let error = tls_config(&url).expect_err("no such file");
        assert_eq!(error.kind, ErrorKind::Tls);
        assert!(!error.message.contains("pw@"), "{}", error.message);
    }
}
