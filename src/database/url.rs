//! The database to read: a `postgresql://` / `postgres://` URL or a libpq `key=value`
//! string, from `--database-url URL` or (`--database-url env`) from `DATABASE_URL` in the
//! environment or a `.env` beside the schema.
//!
//! Credentials are kept out of every message: [`DatabaseUrl`]'s `Display` and `Debug` show
//! [`DatabaseUrl::masked`], which is only the scheme, hosts, ports, database and the
//! parameters in [`SHOWN_PARAMETERS`] (`postgres://****@host:5432/db?sslmode=require`);
//! no parse error repeats the text it was given; and [`DatabaseUrl::scrub`] takes the
//! credentials out of any text a library wrote about the connection.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What `--database-url env` reads.
pub const DEFAULT_VARIABLE: &str = "DATABASE_URL";

/// How to use TLS, as libpq's `sslmode` says (`prefer` when not given).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SslMode {
    /// Plain text only.
    Disable,
    /// `allow` is read as `prefer`: TLS when the server offers it, without checking the
    /// certificate; plain text otherwise.
    #[default]
    Prefer,
    /// TLS, without checking the certificate.
    Require,
    /// TLS with a certificate signed by a trusted authority, whatever host it names.
    VerifyCa,
    /// TLS with a trusted certificate for the host connected to.
    VerifyFull,
}

impl SslMode {
    fn from_name(name: &str) -> Option<SslMode> {
        Some(match name {
            "disable" => SslMode::Disable,
            "allow" | "prefer" => SslMode::Prefer,
            "require" => SslMode::Require,
            "verify-ca" => SslMode::VerifyCa,
            "verify-full" => SslMode::VerifyFull,
            _ => return None,
        })
    }
}

/// Why a database URL cannot be used. The messages never contain the URL's text (it may
/// hold a password).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlError {
    /// `--database-url env`, but the variable is set neither in the environment nor in a
    /// `.env` file.
    MissingVariable {
        variable: String,
        dotenv: Option<PathBuf>,
    },
    /// Not a PostgreSQL connection string.
    Invalid(String),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::MissingVariable { variable, dotenv } => match dotenv {
                Some(path) => write!(
                    f,
                    "`--database-url env`: {variable} is set neither in the environment nor in {}",
                    path.display()
                ),
                None => write!(
                    f,
                    "`--database-url env`: {variable} is not set in the environment, and there is no .env file beside the schema"
                ),
            },
            UrlError::Invalid(why) => write!(f, "the database URL is not usable: {why}"),
        }
    }
}

impl std::error::Error for UrlError {}

/// A parsed connection string. `Display`/`Debug` show it masked ([`DatabaseUrl::masked`]).
#[derive(Clone, PartialEq, Eq, Default)]
pub struct DatabaseUrl {
    pub user: Option<String>,
    password: Option<String>,
    /// Host names, IP addresses, or unix-socket folders (starting with `/`).
    pub hosts: Vec<String>,
    pub ports: Vec<u16>,
    pub dbname: Option<String>,
    pub sslmode: SslMode,
    /// `sslrootcert`: a PEM file of trusted authorities for `verify-ca`/`verify-full`
    /// (the Mozilla roots otherwise).
    pub sslrootcert: Option<PathBuf>,
    /// `connect_timeout`, in seconds.
    pub connect_timeout: Option<Duration>,
    /// Prisma's `?schema=` (the PostgreSQL schema the models live in), if given.
    pub schema: Option<String>,
    /// libpq's `options` (e.g. `-c search_path=x`).
    pub options: Option<String>,
    /// Other parameters: shown when in [`SHOWN_PARAMETERS`], else scrubbed from messages.
    extra: Vec<(String, String)>,
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({})", self.masked())
    }
}

impl std::str::FromStr for DatabaseUrl {
    type Err = UrlError;
    fn from_str(text: &str) -> Result<Self, UrlError> {
        DatabaseUrl::parse(text)
    }
}

/// The query parameters [`DatabaseUrl::masked`] shows: they say how to connect and hold
/// nothing secret. Every other parameter (`sslpassword`, `options`, `sslkey`, names we do
/// not know, …) is left out of every message, as are the user and the password.
pub const SHOWN_PARAMETERS: &[&str] = &[
    "sslmode",
    "schema",
    "connect_timeout",
    "target_session_attrs",
    // Prisma's own parameters.
    "connection_limit",
    "pool_timeout",
    "pgbouncer",
    "statement_cache_size",
    "socket_timeout",
    "sslaccept",
];

/// Schemes named in the message for a URL that is not PostgreSQL's: other databases
/// Prisma connects to. Any other scheme is not repeated (it may be a fragment of a secret).
const OTHER_DATABASE_SCHEMES: &[&str] = &[
    "mysql",
    "mariadb",
    "sqlserver",
    "mongodb",
    "mongodb+srv",
    "file",
    "sqlite",
    "prisma",
    "prisma+postgres",
];

/// What a parse error adds when the text before the host looks like `user:password`: the
/// likely cause of a host or port that does not parse.
const ENCODE_HINT: &str = "if the user or password holds `:`, `/`, `?`, `#` or `@`, percent-encode them as %3A, %2F, %3F, %23, %40";

impl DatabaseUrl {
    /// Parses a `postgresql://` / `postgres://` URL (the scheme in any case) or a libpq
    /// `key=value` string.
    pub fn parse(text: &str) -> Result<DatabaseUrl, UrlError> {
        let text = text.trim();
        let scheme_end = text.find("://");
        let scheme = scheme_end.map(|end| text[..end].to_ascii_lowercase());
        match (scheme.as_deref(), scheme_end) {
            (Some("postgresql" | "postgres"), Some(end)) => parse_url(&text[end + 3..]),
            (None, _) if text.contains('=') => parse_key_values(text),
            (Some(scheme), _) if OTHER_DATABASE_SCHEMES.contains(&scheme) => {
                Err(UrlError::Invalid(format!(
                    "`{scheme}://` is not PostgreSQL (expected postgresql:// or postgres://)"
                )))
            }
            (Some(_), _) => Err(UrlError::Invalid(
                "the scheme is not PostgreSQL's (expected postgresql:// or postgres://)".into(),
            )),
            (None, _) => Err(UrlError::Invalid(
                "expected postgresql://… or libpq key=value pairs".to_string(),
            )),
        }
    }

    /// The password, for the connection only.
    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The URL to show: `postgres://****@host:port/db?…`: the scheme, hosts, ports,
    /// database and the [`SHOWN_PARAMETERS`]; `****@` stands for the user and password
    /// when there are any.
    pub fn masked(&self) -> String {
        let mut out = String::from("postgres://");
        if self.user.is_some() || self.password.is_some() {
            out.push_str("****@");
        }
        let mut params: Vec<(String, String)> = Vec::new();
        let socket = self.hosts.iter().any(|h| h.starts_with('/'));
        if socket {
            params.push(("host".to_string(), self.hosts.join(",")));
            if !self.ports.is_empty() {
                let ports: Vec<String> = self.ports.iter().map(u16::to_string).collect();
                params.push(("port".to_string(), ports.join(",")));
            }
        } else {
            let hosts: Vec<String> = self
                .hosts
                .iter()
                .enumerate()
                .map(|(i, host)| {
                    let host = if host.contains(':') {
                        format!("[{host}]")
                    } else {
                        encode(host)
                    };
                    match self.ports.get(i).or(self.ports.first()) {
                        Some(port) => format!("{host}:{port}"),
                        None => host,
                    }
                })
                .collect();
            out.push_str(&hosts.join(","));
        }
        if let Some(db) = &self.dbname {
            out.push('/');
            out.push_str(&encode(db));
        }
        if self.sslmode != SslMode::Prefer {
            let name = match self.sslmode {
                SslMode::Disable => "disable",
                SslMode::Prefer => "prefer",
                SslMode::Require => "require",
                SslMode::VerifyCa => "verify-ca",
                SslMode::VerifyFull => "verify-full",
            };
            params.push(("sslmode".to_string(), name.to_string()));
        }
        if let Some(schema) = &self.schema {
            params.push(("schema".to_string(), schema.clone()));
        }
        if let Some(timeout) = self.connect_timeout {
            params.push(("connect_timeout".to_string(), timeout.as_secs().to_string()));
        }
        params.extend(
            self.extra
                .iter()
                .filter(|(key, _)| SHOWN_PARAMETERS.contains(&key.as_str()))
                .cloned(),
        );
        for (i, (key, value)) in params.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(&encode(key));
            out.push('=');
            if key == "host" {
                out.push_str(value);
            } else {
                out.push_str(&encode(value));
            }
        }
        out
    }

    /// The texts that must never be shown, as given and percent-encoded: the password and
    /// the values of the parameters [`DatabaseUrl::masked`] leaves out. Longest first, so
    /// that a secret holding another is replaced whole.
    fn secrets(&self) -> Vec<String> {
        let mut secrets: Vec<String> = Vec::new();
        let hidden_values = self
            .extra
            .iter()
            .filter(|(key, _)| !SHOWN_PARAMETERS.contains(&key.as_str()))
            .map(|(_, value)| value);
        for secret in self
            .password
            .iter()
            .chain(self.options.iter())
            .chain(hidden_values)
        {
            if !secret.is_empty() {
                secrets.push(encode(secret));
                secrets.push(secret.clone());
            }
        }
        secrets.sort_by_key(|secret| std::cmp::Reverse(secret.len()));
        secrets.dedup();
        secrets
    }

    /// Takes the credentials out of a text meant for the user (a message from a library or
    /// the database server): the password and the hidden parameters' values, as given and
    /// percent-encoded, and the user where the server names it (in double quotes, as in
    /// `password authentication failed for user "alice"`). A last line of defence: our own
    /// messages show only [`DatabaseUrl::masked`].
    pub fn scrub(&self, text: &str) -> String {
        let mut scrubbed = text.to_string();
        for secret in self.secrets() {
            scrubbed = scrubbed.replace(&secret, "****");
        }
        if let Some(user) = self.user.as_deref().filter(|user| !user.is_empty()) {
            scrubbed = scrubbed.replace(&format!("\"{user}\""), "\"****\"");
        }
        scrubbed
    }

    fn set(&mut self, key: &str, value: String) -> Result<(), UrlError> {
        match key {
            "user" => self.user = Some(value),
            "password" => self.password = Some(value),
            "host" | "hostaddr" => {
                self.hosts = value
                    .split(',')
                    .filter(|h| !h.is_empty())
                    .map(str::to_string)
                    .collect();
            }
            "port" => self.ports = parse_ports(&value)?,
            "dbname" => self.dbname = Some(value),
            "sslmode" => {
                self.sslmode = SslMode::from_name(&value).ok_or_else(|| {
                    UrlError::Invalid(
                        "`sslmode` is not one of disable, allow, prefer, require, verify-ca, verify-full"
                            .to_string(),
                    )
                })?;
            }
            "sslrootcert" => self.sslrootcert = Some(PathBuf::from(value)),
            "connect_timeout" => {
                let seconds: u64 = value.trim().parse().map_err(|_| {
                    UrlError::Invalid("`connect_timeout` is not a number of seconds".to_string())
                })?;
                self.connect_timeout = (seconds > 0).then(|| Duration::from_secs(seconds));
            }
            "schema" => self.schema = Some(value),
            "options" => self.options = Some(value),
            _ => self.extra.push((key.to_string(), value)),
        }
        Ok(())
    }
}

fn parse_ports(text: &str) -> Result<Vec<u16>, UrlError> {
    text.split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            p.trim().parse::<u16>().map_err(|_| {
                UrlError::Invalid(format!(
                    "a port is not a number from 0 to 65535; {ENCODE_HINT}"
                ))
            })
        })
        .collect()
}

/// Where the user information (`user:password`) ends: at the last `@` that is not inside
/// the query. A password may hold unencoded `/`, `?` and `@` (people paste them so); an `@`
/// counts as part of the query when a `?` before it starts `key=value` pairs.
fn userinfo_end(rest: &str) -> Option<usize> {
    rest.match_indices('@').map(|(at, _)| at).rev().find(|&at| {
        let before = &rest[..at];
        before
            .find('?')
            .is_none_or(|query| !before[query..].contains('='))
    })
}

/// Takes credentials out of free text that may hold connection strings (a protocol message
/// in the trace log, a schema's text): the user information of every `scheme://user:pw@…`
/// becomes `****`, and the value of every key ending in `password` (`password=`,
/// `sslpassword=`, in URLs and libpq strings, any case) becomes `****`.
pub fn redact_credentials(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(found) = rest.find("://") {
        let authority = found + 3;
        out.push_str(&rest[..authority]);
        let after = &rest[authority..];
        let url_end = after
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '<' | '>'))
            .unwrap_or(after.len());
        match userinfo_end(&after[..url_end]) {
            Some(at) => {
                out.push_str("****");
                rest = &after[at..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    redact_password_values(&out)
}

/// `…password=value` → `…password=****` (the value as libpq or a URL query ends it).
fn redact_password_values(text: &str) -> String {
    const KEY: &str = "password";
    // ASCII lower-casing keeps every byte offset.
    let lower = text.to_ascii_lowercase();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut search_from = 0;
    while let Some(found) = lower[search_from..].find(KEY) {
        let key_end = search_from + found + KEY.len();
        search_from = key_end;
        let after_key = &text[key_end..];
        let spaces = after_key.len() - after_key.trim_start_matches([' ', '\t']).len();
        let Some(value_text) = after_key[spaces..].strip_prefix('=') else {
            continue;
        };
        let value_text = value_text.trim_start_matches([' ', '\t']);
        let value_start = text.len() - value_text.len();
        let value_len = if let Some(quoted) = value_text.strip_prefix('\'') {
            // Up to the closing quote (`\'` inside is escaped).
            let mut escaped = false;
            quoted
                .char_indices()
                .find(|&(_, c)| {
                    let closes = c == '\'' && !escaped;
                    escaped = c == '\\' && !escaped;
                    closes
                })
                .map_or(value_text.len(), |(i, _)| i + 2)
        } else {
            value_text
                .find(|c: char| c.is_whitespace() || matches!(c, '&' | '"' | '\'' | ';'))
                .unwrap_or(value_text.len())
        };
        if value_len == 0 {
            continue;
        }
        out.push_str(&text[copied..value_start]);
        out.push_str("****");
        copied = value_start + value_len;
        search_from = copied;
    }
    out.push_str(&text[copied..]);
    out
}

/// `user:password@host:port,host2/db?key=value` (after the scheme).
fn parse_url(rest: &str) -> Result<DatabaseUrl, UrlError> {
    let mut url = DatabaseUrl::default();
    let (userinfo, after_userinfo) = match userinfo_end(rest) {
        Some(at) => (Some(&rest[..at]), &rest[at + 1..]),
        None => (None, rest),
    };
    if let Some(userinfo) = userinfo {
        let (user, password) = match userinfo.split_once(':') {
            Some((user, password)) => (user, Some(password)),
            None => (userinfo, None),
        };
        if !user.is_empty() {
            url.user = Some(decode(user)?);
        }
        if let Some(password) = password {
            url.password = Some(decode(password)?);
        }
    }
    let (host_and_path, query) = match after_userinfo.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (after_userinfo, None),
    };
    let (hosts, path) = match host_and_path.split_once('/') {
        Some((hosts, path)) => (hosts, Some(path)),
        None => (host_and_path, None),
    };
    for host in hosts.split(',').filter(|h| !h.is_empty()) {
        let (name, port) = if let Some(v6) = host.strip_prefix('[') {
            match v6.split_once(']') {
                Some((name, after)) => (name.to_string(), after.strip_prefix(':')),
                None => return Err(UrlError::Invalid("an unclosed `[` in the host".to_string())),
            }
        } else {
            match host.rsplit_once(':') {
                Some((name, port)) => (decode(name)?, Some(port)),
                None => (decode(host)?, None),
            }
        };
        if !name.is_empty() {
            url.hosts.push(name);
        }
        if let Some(port) = port.filter(|p| !p.is_empty()) {
            url.ports.extend(parse_ports(port)?);
        }
    }
    if let Some(path) = path.filter(|p| !p.is_empty()) {
        url.dbname = Some(decode(path)?);
    }
    for pair in query
        .unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
    {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        url.set(&decode(key)?, decode(value)?)?;
    }
    Ok(url)
}

/// `host=/tmp port=5432 password='a b'` (libpq's keyword/value form).
fn parse_key_values(text: &str) -> Result<DatabaseUrl, UrlError> {
    let mut url = DatabaseUrl::default();
    let mut chars = text.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && !c.is_whitespace()) {
            key.push(c);
        }
        if key.is_empty() {
            break;
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        if chars.next() != Some('=') {
            // The word is not repeated: it may be the second half of a password.
            return Err(UrlError::Invalid(
                "a word without `=value` (a value with spaces needs quotes: password='a b')"
                    .to_string(),
            ));
        }
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'\'').is_some() {
            let mut closed = false;
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '\'' => {
                        closed = true;
                        break;
                    }
                    c => value.push(c),
                }
            }
            if !closed {
                return Err(UrlError::Invalid(
                    "a quoted value is not closed (a `'` inside a value is written `\\'`)"
                        .to_string(),
                ));
            }
        } else {
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                if c == '\\' {
                    value.extend(chars.next());
                } else {
                    value.push(c);
                }
            }
        }
        url.set(&key, value)?;
    }
    Ok(url)
}

fn decode(text: &str) -> Result<String, UrlError> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| UrlError::Invalid("a `%` not followed by two hex digits".into()))?;
            out.push(hex);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out)
        .map_err(|_| UrlError::Invalid("percent-encoding that is not UTF-8".into()))
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// `--database-url VALUE`: the URL itself, or `env` for `DATABASE_URL` from the
/// environment, else from the `.env` file beside the schema (`crate::workspace::find_dotenv`).
pub fn resolve(flag: &str, schema_path: Option<&Path>) -> Result<DatabaseUrl, UrlError> {
    resolve_with(flag, schema_path, DEFAULT_VARIABLE, |name| {
        std::env::var(name).ok()
    })
}

/// [`resolve`] with the variable's name and the environment given (for tests).
pub fn resolve_with(
    flag: &str,
    schema_path: Option<&Path>,
    variable: &str,
    env: impl Fn(&str) -> Option<String>,
) -> Result<DatabaseUrl, UrlError> {
    if flag != "env" {
        return DatabaseUrl::parse(flag);
    }
    if let Some(value) = env(variable).filter(|v| !v.trim().is_empty()) {
        return DatabaseUrl::parse(&value);
    }
    let dotenv = schema_path.and_then(crate::workspace::find_dotenv);
    let from_file = dotenv
        .as_deref()
        .and_then(|path| {
            crate::workspace::read_text_file(path, crate::workspace::MAX_PROJECT_FILE_BYTES).ok()
        })
        .and_then(|text| crate::semantics::dotenv::definition(&text, variable))
        .map(|definition| definition.value);
    match from_file {
        Some(value) => DatabaseUrl::parse(&value),
        None => Err(UrlError::MissingVariable {
            variable: variable.to_string(),
            dotenv,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> DatabaseUrl {
        match DatabaseUrl::parse(text) {
            Ok(url) => url,
            Err(error) => panic!("{text}: {error}"),
        }
    }

    #[test]
    fn urls_are_parsed_and_masked() {
        let url = parse(
            "postgresql://alice:s3cr%40t@db.example.com:6543/app?sslmode=require&schema=tenant",
        );
        assert_eq!(url.user.as_deref(), Some("alice"));
        assert_eq!(url.password(), Some("s3cr@t"));
        assert_eq!(url.hosts, ["db.example.com"]);
        assert_eq!(url.ports, [6543]);
        assert_eq!(url.dbname.as_deref(), Some("app"));
        assert_eq!(url.sslmode, SslMode::Require);
        assert_eq!(url.schema.as_deref(), Some("tenant"));
        let masked = url.masked();
        assert_eq!(
            masked,
            "postgres://****@db.example.com:6543/app?sslmode=require&schema=tenant"
        );
        assert!(!format!("{url} {url:?}").contains("s3cr"));
        assert!(!format!("{url} {url:?}").contains("alice"));
        assert_eq!(
            parse("POSTGRESQL://h/db").masked(),
            "postgres://h/db",
            "the scheme in any case"
        );
    }

    #[test]
    fn only_harmless_parameters_are_shown() {
        let url = parse(
            "postgres://db/app?user=bob&password=hunter2&application_name=x&sslpassword=k3y&options=-c%20a%3Db&pgbouncer=true&connect_timeout=3",
        );
        assert_eq!(url.password(), Some("hunter2"));
        assert_eq!(
            url.masked(),
            "postgres://****@db/app?connect_timeout=3&pgbouncer=true"
        );
    }

    #[test]
    fn a_password_may_hold_unencoded_at_slash_and_question_marks() {
        let url = parse("postgres://u:p@ss/w@rd@host/db");
        assert_eq!(url.password(), Some("p@ss/w@rd"));
        assert_eq!(url.hosts, ["host"]);
        let url = parse("postgresql://alice:hunter2?x@127.0.0.1:1/app?sslmode=disable");
        assert_eq!(url.password(), Some("hunter2?x"));
        assert_eq!(url.hosts, ["127.0.0.1"]);
        assert_eq!(url.ports, [1]);
        assert_eq!(url.sslmode, SslMode::Disable);
        // An `@` in the query's values is not the end of a user.
        let url = parse("postgres://u:pw@h/db?application_name=me@work");
        assert_eq!(url.password(), Some("pw"));
        assert_eq!(url.hosts, ["h"]);
        let url = parse("postgres://h/db?application_name=me@work");
        assert_eq!((url.user, url.hosts), (None, vec!["h".to_string()]));
    }

    #[test]
    fn scrub_takes_every_credential_out_of_a_message() {
        let url = parse("postgres://alice:p%40ss@h/db?sslpassword=k3y-Secret");
        assert_eq!(
            url.scrub("no: p@ss p%40ss k3y-Secret for user \"alice\""),
            "no: **** **** **** for user \"****\""
        );
    }

    #[test]
    fn unix_sockets_and_key_values() {
        let url = parse("postgresql:///app?host=/tmp/pg&port=5433");
        assert_eq!(url.hosts, ["/tmp/pg"]);
        assert_eq!(url.ports, [5433]);
        assert_eq!(url.masked(), "postgres:///app?host=/tmp/pg&port=5433");
        let url = parse("postgresql://u@%2Ftmp%2Fpg/app");
        assert_eq!(url.hosts, ["/tmp/pg"]);
        let url =
            parse("host=/tmp/pg port=5433 user=u password='a \\'b' dbname=app sslmode=disable");
        assert_eq!(url.password(), Some("a 'b"));
        assert_eq!(url.hosts, ["/tmp/pg"]);
        assert_eq!(url.sslmode, SslMode::Disable);
        assert!(!url.masked().contains("'b"));
        let url = parse("postgres://[::1]:5432/db");
        assert_eq!(url.hosts, ["::1"]);
        assert_eq!(url.masked(), "postgres://[::1]:5432/db");
    }

    #[test]
    fn bad_urls_do_not_repeat_their_text() {
        for text in [
            "mysql://root:topsecret@h/db",
            "topsecret://root@h/db",
            "postgres://u:topsecret@h:port/db",
            "postgres://u:topsecret@h/db?sslmode=topsecret",
            "postgres://u:pw@h/db?connect_timeout=topsecret",
            "topsecret",
            "postgres://u:top%zzsecret@h/db",
            "postgres://alice:topsecret",
            "postgres://alice:top?s=ecret@h/db",
            "host=h password=two topsecret",
            "host=h password='topsecret",
        ] {
            let error = DatabaseUrl::parse(text).expect_err(text).to_string();
            assert!(!error.contains("topsecret"), "{error}");
            assert!(!error.contains("ecret"), "{error}");
        }
        assert!(
            DatabaseUrl::parse("mysql://root:pw@h/db")
                .expect_err("MySQL")
                .to_string()
                .contains("`mysql://` is not PostgreSQL")
        );
    }

    #[test]
    fn credentials_are_redacted_in_free_text() {
        assert_eq!(
            redact_credentials(
                "url = \"postgresql://alice:pw@h/db?sslpassword=k&x=1\" and mysql://r:s@h, https://example.com/a@b"
            ),
            "url = \"postgresql://****@h/db?sslpassword=****&x=1\" and mysql://****@h, https://****@b"
        );
        assert_eq!(
            redact_credentials("host=h PassWord = 'a \\'b c' user=u password=x"),
            "host=h PassWord = **** user=u password=****"
        );
        assert_eq!(redact_credentials("no password here"), "no password here");
    }

    #[test]
    fn env_comes_from_the_environment_then_dotenv() {
        let dir = tempfile::tempdir().expect("tempdir");
        let schema = dir.path().join("schema.prisma");
        let _ = std::fs::write(&schema, "");
        let _ = std::fs::write(dir.path().join("package.json"), "{}");
        let url = resolve_with("env", Some(&schema), "DATABASE_URL", |_| {
            Some("postgres://from-env/db".into())
        });
        assert_eq!(url.map(|u| u.hosts), Ok(vec!["from-env".to_string()]));
        let missing = resolve_with("env", Some(&schema), "DATABASE_URL", |_| None);
        assert!(matches!(
            missing,
            Err(UrlError::MissingVariable { dotenv: None, .. })
        ));
        let _ = std::fs::write(
            dir.path().join(".env"),
            "DATABASE_URL=postgres://from-file/db\n",
        );
        let url = resolve_with("env", Some(&schema), "DATABASE_URL", |_| None);
        assert_eq!(url.map(|u| u.hosts), Ok(vec!["from-file".to_string()]));
        let url = resolve_with("postgres://given/db", Some(&schema), "DATABASE_URL", |_| {
            None
        });
        assert_eq!(url.map(|u| u.hosts), Ok(vec!["given".to_string()]));
    }
}
