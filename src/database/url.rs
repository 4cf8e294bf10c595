//! The database to read: a `postgresql://` / `postgres://` URL or a libpq `key=value`
//! string, from `--database-url URL` or (`--database-url env`) from `DATABASE_URL` in the
//! environment or a `.env` beside the schema.
//!
//! The password is kept out of every message: [`DatabaseUrl`]'s `Display` and `Debug` show
//! [`DatabaseUrl::masked`] (`postgres://user:****@host/db`), and no error repeats the text
//! it was given.

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

/// A parsed connection string. `Display`/`Debug` show it with the password masked.
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
    /// Other parameters, kept for the masked display (`password` never is).
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

impl DatabaseUrl {
    /// Parses a `postgresql://` / `postgres://` URL or a libpq `key=value` string.
    pub fn parse(text: &str) -> Result<DatabaseUrl, UrlError> {
        let text = text.trim();
        if let Some(rest) = text
            .strip_prefix("postgresql://")
            .or_else(|| text.strip_prefix("postgres://"))
        {
            parse_url(rest)
        } else if text.contains('=') && !text.contains("://") {
            parse_key_values(text)
        } else if text.contains("://") {
            let scheme = text.split("://").next().unwrap_or_default();
            Err(UrlError::Invalid(format!(
                "`{scheme}://` is not PostgreSQL (expected postgresql:// or postgres://)"
            )))
        } else {
            Err(UrlError::Invalid(
                "expected postgresql://… or libpq key=value pairs".to_string(),
            ))
        }
    }

    /// The password, for the connection only.
    pub fn password(&self) -> Option<&str> {
        self.password.as_deref()
    }

    /// The URL to show: `postgres://user:****@host:port/db?…`, the password (if any)
    /// replaced by `****`.
    pub fn masked(&self) -> String {
        let mut out = String::from("postgres://");
        if let Some(user) = &self.user {
            out.push_str(&encode(user));
        }
        if self.password.is_some() {
            out.push_str(":****");
        }
        if self.user.is_some() || self.password.is_some() {
            out.push('@');
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
                        host.clone()
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
        params.extend(self.extra.iter().cloned());
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

    /// Replaces the password, if it appears, in a text meant for the user (a message from
    /// a library, say): a last line of defence.
    pub fn scrub(&self, text: &str) -> String {
        match self.password.as_deref() {
            Some(password) if !password.is_empty() => text.replace(password, "****"),
            _ => text.to_string(),
        }
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
                    UrlError::Invalid(format!(
                        "sslmode `{value}` is not one of disable, allow, prefer, require, verify-ca, verify-full"
                    ))
                })?;
            }
            "sslrootcert" => self.sslrootcert = Some(PathBuf::from(value)),
            "connect_timeout" => {
                let seconds: u64 = value.trim().parse().map_err(|_| {
                    UrlError::Invalid(format!(
                        "connect_timeout `{value}` is not a number of seconds"
                    ))
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
            p.trim()
                .parse::<u16>()
                .map_err(|_| UrlError::Invalid(format!("port `{p}` is not a number")))
        })
        .collect()
}

/// `user:password@host:port,host2/db?key=value` (after the scheme).
fn parse_url(rest: &str) -> Result<DatabaseUrl, UrlError> {
    let mut url = DatabaseUrl::default();
    let (before_query, query) = match rest.split_once('?') {
        Some((before, query)) => (before, Some(query)),
        None => (rest, None),
    };
    // The user information ends at the last `@` (a password may hold an unencoded `/`).
    let (userinfo, host_and_path) = match before_query.rfind('@') {
        Some(at) => (Some(&before_query[..at]), &before_query[at + 1..]),
        None => (None, before_query),
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
            return Err(UrlError::Invalid(format!("`{key}` has no `=value`")));
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
                return Err(UrlError::Invalid(format!(
                    "the value of `{key}` is not closed"
                )));
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
        .and_then(|path| std::fs::read_to_string(path).ok())
        .and_then(|text| dotenv_value(&text, variable));
    match from_file {
        Some(value) => DatabaseUrl::parse(&value),
        None => Err(UrlError::MissingVariable {
            variable: variable.to_string(),
            dotenv,
        }),
    }
}

/// The value of `variable` in a `.env` file's text: `KEY=value`, `export KEY=value`,
/// `'single'` (literal) or `"double"` quotes (`\n` escapes), `# comments`; the last
/// definition wins, as with dotenv.
pub fn dotenv_value(text: &str, variable: &str) -> Option<String> {
    let mut found = None;
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with('#') {
            continue;
        }
        let line = line.strip_prefix("export ").map_or(line, str::trim_start);
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if key.trim() != variable {
            continue;
        }
        let value = value.trim();
        let parsed = if let Some(inner) = value.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = inner.chars();
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => match chars.next() {
                        Some('n') => out.push('\n'),
                        Some(other) => out.push(other),
                        None => {}
                    },
                    c => out.push(c),
                }
            }
            out
        } else if let Some(inner) = value.strip_prefix('\'') {
            inner.split('\'').next().unwrap_or_default().to_string()
        } else {
            // An unquoted value ends at ` #` (a comment).
            match value.find(" #") {
                Some(at) => value[..at].trim_end().to_string(),
                None => value.to_string(),
            }
        };
        found = Some(parsed);
    }
    found
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
            "postgres://alice:****@db.example.com:6543/app?sslmode=require&schema=tenant"
        );
        assert!(!format!("{url} {url:?}").contains("s3cr"));
    }

    #[test]
    fn a_password_in_the_query_is_masked_too() {
        let url = parse("postgres://db/app?user=bob&password=hunter2&application_name=x");
        assert_eq!(url.password(), Some("hunter2"));
        assert_eq!(
            url.masked(),
            "postgres://bob:****@db/app?application_name=x"
        );
        let url = parse("postgres://u:p@ss/w@rd@host/db");
        assert_eq!(url.password(), Some("p@ss/w@rd"));
        assert_eq!(url.hosts, ["host"]);
        assert!(!url.masked().contains("ss/w"));
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
            "postgres://u:topsecret@h:port/db",
            "postgres://u:topsecret@h/db?sslmode=sometimes",
            "topsecret",
            "postgres://u:top%zzsecret@h/db",
        ] {
            let error = DatabaseUrl::parse(text).expect_err(text).to_string();
            assert!(!error.contains("topsecret"), "{error}");
        }
    }

    #[test]
    fn dotenv_files() {
        let text = "# comment\nexport DATABASE_URL=\"postgres://a:b@h/db\\n\"\nOTHER=1\n";
        assert_eq!(
            dotenv_value(text, "DATABASE_URL").as_deref(),
            Some("postgres://a:b@h/db\n")
        );
        assert_eq!(
            dotenv_value("DATABASE_URL='x#y' # c\n", "DATABASE_URL").as_deref(),
            Some("x#y")
        );
        assert_eq!(
            dotenv_value(
                "DATABASE_URL = plain # comment\nDATABASE_URL=last",
                "DATABASE_URL"
            )
            .as_deref(),
            Some("last")
        );
        assert_eq!(dotenv_value("#DATABASE_URL=x", "DATABASE_URL"), None);
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
