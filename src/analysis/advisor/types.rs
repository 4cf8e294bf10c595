//! Column types and model conventions: money in `@db.Money` or in a `Float`, secrets stored
//! in clear, missing or unmaintained timestamps, string ids nobody generates.

use super::conventions::{
    self, advised_models, is_list, is_optional, is_relation_field, name_words, type_name,
};
use super::{Advisor, edits, safe_fix};
use crate::analysis::codes::{
    ADVICE_FLOAT_MONEY, ADVICE_ID_DEFAULT, ADVICE_MISSING_TIMESTAMPS, ADVICE_MONEY_TYPE,
    ADVICE_PLAINTEXT_SECRET, ADVICE_UPDATED_AT,
};
use crate::analysis::{Applicability, Diagnostic, Fix, TextEdit};
use crate::catalog::{self, Provider};
use crate::model::{Attribute, Block, Expression, Field, Schema};

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    let money = advisor.enabled(ADVICE_MONEY_TYPE) && advisor.context.is(Provider::PostgreSql);
    let float_money = advisor.enabled(ADVICE_FLOAT_MONEY);
    let secrets = advisor.enabled(ADVICE_PLAINTEXT_SECRET);
    let updated_at = advisor.enabled(ADVICE_UPDATED_AT);
    let id_default = advisor.enabled(ADVICE_ID_DEFAULT);
    let timestamps = advisor.enabled(ADVICE_MISSING_TIMESTAMPS);
    if !(money || float_money || secrets || updated_at || id_default || timestamps) {
        return;
    }
    // The generator new ids get, found once, when the first id needs it.
    let mut generator: Option<Option<String>> = None;
    for block in advised_models(advisor.schema) {
        let library = secrets.then(|| auth_library_model(block));
        for field in &block.fields {
            let Some(ty) = type_name(field) else {
                continue;
            };
            match ty {
                "Decimal" if money => check_money_native_type(advisor, field, out),
                "Float" if float_money => check_float_money(advisor, block, field, out),
                "String" | "Bytes" if secrets => {
                    let bytes = ty == "Bytes";
                    check_plaintext_secret(advisor, block, library.flatten(), field, bytes, out);
                }
                _ => {}
            }
            if ty == "DateTime" && updated_at {
                check_timestamp_attribute(advisor, field, out);
            }
            if ty == "String" && id_default && field.attribute("id").is_some() {
                check_id_default(advisor, block, field, &mut generator, out);
            }
        }
        if timestamps {
            check_missing_timestamps(advisor, block, out);
        }
    }
}

/// The native type attribute of a field for the schema's datasource (`@db.Money` → `Money`),
/// with the attribute.
fn native_type<'a>(advisor: &Advisor<'_>, field: &'a Field) -> Option<(&'a str, &'a Attribute)> {
    let datasource = advisor.context.datasource_name.as_deref()?;
    field.attributes.iter().find_map(|attribute| {
        let (prefix, name) = attribute.name.text.split_once('.')?;
        (prefix == datasource && !name.is_empty()).then_some((name, attribute))
    })
}

// ---------------------------------------------------------------------------------------------
// types/money
// ---------------------------------------------------------------------------------------------

/// `@db.Money` on PostgreSQL. (SQL Server's `money` has a fixed scale of 4 and no locale in its
/// output; Prisma reads it as a `Float`, which `types/float-money` covers by name.)
fn check_money_native_type(advisor: &Advisor<'_>, field: &Field, out: &mut Vec<Diagnostic>) {
    let Some(("Money", attribute)) = native_type(advisor, field) else {
        return;
    };
    let prefix = attribute
        .name
        .text
        .split_once('.')
        .map_or("db", |(prefix, _)| prefix);
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_MONEY_TYPE,
        attribute.span,
        format!(
            "`{}` is stored as PostgreSQL `money` (locale-dependent, two fixed decimals); use `@{prefix}.Decimal(19, 4)`",
            field.name.text
        ),
    ) else {
        return;
    };
    out.push(diagnostic.with_fix(safe_fix(
        format!("Store `{}` as `@{prefix}.Decimal(19, 4)`", field.name.text),
        vec![edits::replace_keeping_columns(
            advisor.schema,
            attribute.span,
            &format!("@{prefix}.Decimal(19, 4)"),
        )],
    )));
}

// ---------------------------------------------------------------------------------------------
// types/float-money
// ---------------------------------------------------------------------------------------------

/// Word parts that name money on their own.
const MONEY_WORDS: &[&str] = &[
    "price", "prices", "cost", "costs", "fee", "fees", "salary", "salaries", "subtotal", "tax",
    "taxes", "vat", "revenue", "revenues", "profit", "profits", "earning", "earnings", "payout",
    "payouts", "wage", "wages", "income", "budget", "refund", "balance", "amount", "money", "cash",
    "payment", "fiat", "usd", "eur", "gbp", "cents",
];

/// Word parts that make a money-sounding name a ratio, a score or a count.
const NOT_MONEY_WORDS: &[&str] = &[
    "rate",
    "ratio",
    "percent",
    "percentage",
    "pct",
    "multiple",
    "multiplier",
    "score",
    "count",
    "factor",
    "weight",
    "return",
    "share",
    "probability",
    "confidence",
    "threshold",
    "quantity",
    "qty",
];

/// Words that make `total` money: `total`, `grandTotal`, `orderTotal`, `netTotal`.
const TOTAL_COMPANIONS: &[&str] = &["total", "grand", "sub", "net", "gross", "order", "cart"];

/// Whether a field name says it holds money (`unitPrice`, `serviceFee`, `total`), not a ratio
/// or count of money things (`taxRate`, `returnOnAdSpend`, `totalCount`).
pub(crate) fn names_money(name: &str) -> bool {
    let words = name_words(name);
    if words.iter().any(|w| NOT_MONEY_WORDS.contains(&w.as_str())) {
        return false;
    }
    words.iter().any(|w| MONEY_WORDS.contains(&w.as_str()))
        || (words.iter().any(|w| w == "total")
            && words.iter().all(|w| TOTAL_COMPANIONS.contains(&w.as_str())))
}

fn check_float_money(
    advisor: &Advisor<'_>,
    block: &Block,
    field: &Field,
    out: &mut Vec<Diagnostic>,
) {
    if !super::money::holds_money(advisor.schema, block, field) {
        return;
    }
    let Some(ty) = &field.r#type else {
        return;
    };
    let decimal = advisor
        .context
        .provider
        .is_none_or(Provider::supports_decimal);
    let advice = if decimal {
        "use `Decimal`"
    } else {
        "store it as an integer number of cents (`Int`)"
    };
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_FLOAT_MONEY,
        ty.name.span,
        format!(
            "`{}.{}` holds money in a `Float`, which cannot store most cents exactly; {advice}",
            block.name.text, field.name.text
        ),
    ) else {
        return;
    };
    let fix = decimal.then(|| float_to_decimal(advisor, field)).flatten();
    out.push(match fix {
        Some(fix) => diagnostic.with_fix(fix),
        None => diagnostic,
    });
}

/// `Float` → `Decimal`, dropping a native type that only fits `Float` (`@db.DoublePrecision`,
/// SQL Server's `@db.Money`). Unsafe: the client type changes from `number` to `Decimal`, and
/// the column needs a migration. `None` when a default could not stay valid.
fn float_to_decimal(advisor: &Advisor<'_>, field: &Field) -> Option<Fix> {
    let ty = field.r#type.as_ref()?;
    // Number literals and `dbgenerated(...)` stay valid defaults of a `Decimal`.
    if field.attribute("default").is_some() {
        let valid = match conventions::default_value(field)? {
            Expression::Number { .. } => true,
            Expression::Function { name, .. } => name.text == "dbgenerated",
            _ => false,
        };
        if !valid {
            return None;
        }
    }
    let modifiers = advisor.schema.text(crate::model::Span {
        start: ty.name.span.end,
        ..ty.span
    });
    let decimal = format!("Decimal{modifiers}");
    let mut changes = Vec::new();
    if let Some((name, attribute)) = native_type(advisor, field) {
        let provider = advisor.context.provider?;
        let fits = catalog::find_native_type(provider, name).is_some_and(|t| t.fits("Decimal"));
        if !fits {
            changes.push(edits::delete_attribute(advisor.schema, attribute));
        }
    }
    // Without a deletion on the line, what follows the type keeps its column.
    changes.push(if changes.is_empty() {
        edits::replace_keeping_columns(advisor.schema, ty.span, &decimal)
    } else {
        edits::replace(ty.span, decimal)
    });
    Some(Fix {
        title: format!("Change `{}` to `Decimal`", field.name.text),
        edits: changes,
        applicability: Applicability::Unsafe,
    })
}

// ---------------------------------------------------------------------------------------------
// security/plaintext-secret
// ---------------------------------------------------------------------------------------------

/// Words that name a secret or a sensitive identifier on their own.
const SECRET_WORDS: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "passcode",
    "pass",
    "pwd",
    "secret",
    "token",
    "ssn",
    "iban",
    "cvv",
    "cvc",
    "mnemonic",
    "credential",
    "credentials",
];

/// Runs of words that do (`apiKey`, `cardNumber`, `taxId`). `key` alone does not: it is the
/// key of a key-value table as often as key material.
const SECRET_PHRASES: &[&[&str]] = &[
    &["api", "key"],
    &["secret", "key"],
    &["private", "key"],
    &["private", "ssh", "key"],
    &["ssh", "key"],
    &["access", "key"],
    &["signing", "key"],
    &["encryption", "key"],
    &["decryption", "key"],
    &["master", "key"],
    &["hmac", "key"],
    &["jwt", "key"],
    &["client", "key"],
    &["auth", "key"],
    &["license", "key"],
    &["totp", "key"],
    &["totp", "seed"],
    &["otp", "seed"],
    &["mfa", "seed"],
    &["card", "number"],
    &["credit", "card"],
    &["tax", "id"],
    &["tax", "number"],
    &["social", "security"],
    &["national", "id"],
    &["passport", "number"],
    &["bank", "account"],
    &["routing", "number"],
    &["recovery", "codes"],
    &["backup", "codes"],
    &["seed", "phrase"],
];

/// Words that say the value is protected or is not the secret itself (`passwordHash`,
/// `encryptedSsn`, `apiKeyId`, `tokenType`, `passwordHint`, `tokenUsage`, `obfuscatedToken`,
/// `secretRef`, `vaultPath`, `publicKey`).
const NOT_SECRET_WORDS: &[&str] = &[
    "hash",
    "hashed",
    "hashes",
    "encrypted",
    "encrypt",
    "enc",
    "digest",
    "cipher",
    "ciphertext",
    "sealed",
    "salt",
    "hint",
    "masked",
    "mask",
    "obfuscated",
    "redacted",
    "truncated",
    "last4",
    "last",
    "prefix",
    "suffix",
    "preview",
    "partial",
    "display",
    "fingerprint",
    "id",
    "ids",
    "type",
    "kind",
    "url",
    "uri",
    "endpoint",
    "method",
    "name",
    "count",
    "usage",
    "usages",
    "used",
    "quota",
    "max",
    "min",
    "at",
    "expires",
    "expiry",
    "expiration",
    "version",
    "sign",
    "signature",
    "error",
    "message",
    "status",
    "length",
    "label",
    "policy",
    "public",
    "pub",
    "publishable",
    "sync",
    "page",
    "cursor",
    "limit",
    "ref",
    "reference",
    "path",
    "vault",
    "kms",
    "arn",
    "store",
    "manager",
    "env",
    "idempotency",
    "lease",
    "scope",
    "scopes",
];

/// The secret a field name speaks of (`api key`, `password`), or `None`.
#[cfg(test)]
fn names_secret(name: &str) -> Option<String> {
    find_secret(name).map(|(secret, _)| secret.join(" "))
}

/// The secret's words in a field name, and the other words around them.
fn find_secret(name: &str) -> Option<(Vec<String>, Vec<String>)> {
    // Most names hold none of the words: say so without splitting them into words. A secret
    // word, or the first word of a secret phrase, appears in the lower-cased name as is.
    let lower = name.to_ascii_lowercase();
    let mut first_words = SECRET_WORDS
        .iter()
        .chain(SECRET_PHRASES.iter().filter_map(|phrase| phrase.first()));
    if !first_words.any(|word| lower.contains(word)) {
        return None;
    }
    let mut words = name_words(name);
    let mut found: Option<(usize, usize)> = None;
    'search: for start in 0..words.len() {
        for phrase in SECRET_PHRASES {
            if words[start..].starts_with_words(phrase) {
                found = Some((start, phrase.len()));
                break 'search;
            }
        }
        if SECRET_WORDS.contains(&words[start].as_str()) {
            found = Some((start, 1));
            break;
        }
    }
    let (start, len) = found?;
    let secret: Vec<String> = words.drain(start..start + len).collect();
    if words.iter().any(|w| NOT_SECRET_WORDS.contains(&w.as_str())) {
        return None;
    }
    Some((secret, words))
}

/// What the application does with a secret, which decides how it may be stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SecretUse {
    /// The server only compares what a client presents (the application's own passwords,
    /// the API keys and reset or invitation tokens it issues): a hash is enough.
    Verified,
    /// The application must read it back to act (a password of another system, an access or
    /// refresh token, a TOTP seed, a signing or encryption key, an OAuth client secret): a
    /// hash would not do; encrypt it at rest or keep it in a secret store.
    Used,
    /// A sensitive identifier (SSN, IBAN, card number, tax id): encrypt it, or keep only
    /// what is shown.
    Identifier,
    /// A card security code, which may not be kept after authorisation at all (PCI DSS).
    CardCode,
}

/// Words (of the field's other words, or of the model's name) that name another system, whose
/// password or key the application must present to it.
const SYSTEM_WORDS: &[&str] = &[
    "smtp",
    "imap",
    "pop",
    "pop3",
    "mail",
    "mailer",
    "mailbox",
    "db",
    "database",
    "datasource",
    "postgres",
    "postgresql",
    "mysql",
    "mongo",
    "mongodb",
    "redis",
    "registry",
    "docker",
    "ftp",
    "sftp",
    "ssh",
    "proxy",
    "ldap",
    "vpn",
    "wifi",
    "server",
    "root",
    "admin",
    "app",
    "service",
    "bot",
    "sasl",
    "rabbitmq",
    "amqp",
    "s3",
    "minio",
    "keystore",
    "truststore",
    "certificate",
    "cert",
    "pfx",
    "wallet",
    "bind",
    "integration",
    "integrations",
    "connection",
    "connector",
    "credential",
    "credentials",
    "provider",
    "destination",
    "source",
    "webhook",
    "webhooks",
    "channel",
    "host",
    "instance",
    "cluster",
    "storage",
    "bucket",
    "transport",
    "oauth",
    "client",
    "github",
    "gitlab",
    "slack",
    "discord",
    "telegram",
    "stripe",
    "openai",
    "twilio",
    "sendgrid",
    "resend",
    "aws",
    "gcp",
    "azure",
    // A service's default or initial password, which the application sets and shows.
    "default",
    "initial",
];

/// Words that make a token or a key one the application issues and only compares.
const ISSUED_WORDS: &[&str] = &[
    "reset",
    "verification",
    "verify",
    "confirm",
    "confirmation",
    "invite",
    "invitation",
    "magic",
    "login",
    "activation",
    "unsubscribe",
    "share",
    "sharing",
    "recovery",
    "session",
    "csrf",
    "otp",
    "one",
    "personal",
];

/// Who must read the secret back (see `SecretUse`), from its words, the other words of the
/// field name and the model's name.
fn secret_use(secret: &[String], others: &[String], model: &str) -> SecretUse {
    let secret: Vec<&str> = secret.iter().map(String::as_str).collect();
    let model_words = name_words(model);
    let mentions = |list: &[&str]| {
        others
            .iter()
            .chain(&model_words)
            .any(|w| list.contains(&w.as_str()))
    };
    match secret.as_slice() {
        ["cvv" | "cvc"] => SecretUse::CardCode,
        ["ssn" | "iban"]
        | ["card", "number"]
        | ["credit", "card"]
        | ["tax", _]
        | ["social", "security"]
        | ["national", "id"]
        | ["passport", "number"]
        | ["bank", "account"]
        | ["routing", "number"] => SecretUse::Identifier,
        // Codes a user types back once.
        ["recovery" | "backup", "codes"] => SecretUse::Verified,
        // Key material, seeds and signing secrets are used to sign, decrypt or compute.
        [.., "key"] if !matches!(secret[0], "api" | "access" | "license" | "auth" | "client") => {
            SecretUse::Used
        }
        ["mnemonic" | "credential" | "credentials"] | [_, "seed"] | ["seed", "phrase"] => {
            SecretUse::Used
        }
        ["password" | "passwd" | "passphrase" | "passcode" | "pass" | "pwd"] => {
            if mentions(SYSTEM_WORDS) {
                SecretUse::Used
            } else {
                SecretUse::Verified
            }
        }
        ["secret"] => {
            // A TOTP seed (`twoFactorSecret`), a webhook's signing secret, an OAuth client's
            // secret held to call the provider: used. The secret of a client of the
            // application's own OAuth server is only compared.
            let own_oauth_server = model_words.iter().any(|w| w == "oauth")
                && model_words
                    .iter()
                    .any(|w| matches!(w.as_str(), "client" | "app" | "application"));
            if own_oauth_server || mentions(ISSUED_WORDS) {
                SecretUse::Verified
            } else {
                SecretUse::Used
            }
        }
        // Tokens and API keys: the ones the application issues and compares, else those it
        // holds to call another system.
        _ => {
            // The application's own keys: unqualified, or qualified by whom it issued them
            // to (`userApiKey`); `mailgunApiKey` is another system's.
            let own = |w: &String| {
                matches!(
                    w.as_str(),
                    "api" | "user" | "personal" | "my" | "own" | "account" | "project" | "team"
                )
            };
            let own_api_key = (secret == ["api", "key"] && others.iter().all(own))
                || (secret == ["token"] && !others.is_empty() && others.iter().all(own));
            if mentions(ISSUED_WORDS) {
                SecretUse::Verified
            } else if mentions(SYSTEM_WORDS) {
                SecretUse::Used
            } else if own_api_key {
                SecretUse::Verified
            } else {
                // A bare `token`, an `accessToken`, a `refreshToken`: held to call another
                // system.
                SecretUse::Used
            }
        }
    }
}

/// The secret as the message names it: `a password` for `smtpPass`, `a TOTP seed` for
/// `twoFactorSecret`, `recovery codes`, `an API key`.
fn describe_secret(secret: &[String], others: &[String]) -> String {
    let joined = secret.join(" ");
    let totp = others
        .iter()
        .any(|w| matches!(w.as_str(), "totp" | "otp" | "mfa" | "factor" | "2fa"));
    match joined.as_str() {
        "pass" | "pwd" | "passwd" => "a password".to_string(),
        "secret" if totp => "a TOTP seed".to_string(),
        plural if plural.ends_with('s') => plural.to_string(),
        _ => with_article(&joined),
    }
}

/// `an API key`, `a password`, `an SSN`: the secret's words as people write them.
fn with_article(secret: &str) -> String {
    let written: Vec<String> = secret
        .split(' ')
        .map(|word| match word {
            "api" | "ssn" | "iban" | "cvv" | "cvc" | "ssh" | "hmac" | "jwt" | "totp" | "otp"
            | "mfa" => word.to_ascii_uppercase(),
            _ => word.to_string(),
        })
        .collect();
    let written = written.join(" ");
    // A vowel sound: a vowel, or an acronym read letter by letter from `S` or `H` (`an SSN`,
    // `an HMAC key`).
    let an = written.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U'])
        || written.starts_with("SS")
        || written.starts_with("HM");
    format!("{} {written}", if an { "an" } else { "a" })
}

trait StartsWithWords {
    fn starts_with_words(&self, phrase: &[&str]) -> bool;
}

impl StartsWithWords for [String] {
    fn starts_with_words(&self, phrase: &[&str]) -> bool {
        self.len() >= phrase.len() && self.iter().zip(phrase).all(|(w, p)| w == p)
    }
}

/// The fields an authentication library's adapter reads and writes by name (Auth.js /
/// NextAuth, Lucia, better-auth): the schema cannot change how they are stored.
fn auth_library_model(block: &Block) -> Option<&'static [&'static str]> {
    let has = |name: &str| block.field(name).is_some();
    if (has("provider") && (has("providerAccountId") || has("provider_account_id")))
        || (has("providerId") && has("accountId"))
    {
        // The OAuth account: the provider's tokens (and better-auth's own password hash).
        return Some(&[
            "access_token",
            "refresh_token",
            "id_token",
            "oauth_token",
            "oauth_token_secret",
            "accessToken",
            "refreshToken",
            "idToken",
            "password",
        ]);
    }
    let name = block.name.text.to_ascii_lowercase();
    if name.ends_with("session") {
        return Some(&["sessionToken", "session_token", "token"]);
    }
    if has("identifier") && has("token") && (has("expires") || has("expiresAt")) {
        // Auth.js's VerificationToken.
        return Some(&["token"]);
    }
    None
}

/// The comments that describe a field: its doc comment, the `//` lines directly above it and
/// the comment after it on its line.
pub(super) fn field_comments(schema: &Schema, field: &Field) -> String {
    let mut comments = field.doc.clone().unwrap_or_default();
    let text = schema.file(field.span.file).text.as_str();
    if let Some(rest) = text.get(field.declaration_end() as usize..) {
        let line = rest.split(['\n', '\r']).next().unwrap_or_default();
        if let Some((_, comment)) = line.split_once("//") {
            comments.push('\n');
            comments.push_str(comment);
        }
    }
    let mut end = crate::syntax::line_start(text, field.name.span.start as usize);
    while end > 0 {
        let start = crate::syntax::line_start(text, end - 1);
        let Some(line) = text.get(start..end) else {
            break;
        };
        let Some(comment) = line.trim().strip_prefix("//") else {
            break;
        };
        comments.push('\n');
        comments.push_str(comment);
        end = start;
    }
    comments
}

/// Whether a comment says the value is hashed or encrypted, or kept elsewhere (`/// bcrypt`,
/// `// encrypted with the tenant's key`, `/// SHA-256`, `/// in Vault`). Not "encryption",
/// which describes what an encryption key is for.
fn says_protected(comments: &str) -> bool {
    comments
        .split(|c: char| !c.is_ascii_alphanumeric())
        .map(str::to_ascii_lowercase)
        .any(|word| {
            const PREFIXES: &[&str] = &[
                "hash", "cipher", "digest", "bcrypt", "argon", "scrypt", "pbkdf", "sealed",
            ];
            PREFIXES.iter().any(|p| word.starts_with(p))
                || (word.starts_with("encrypt") && word != "encryption")
                || (word.starts_with("sha") && word[3..].chars().all(|c| c.is_ascii_digit()))
                || matches!(word.as_str(), "kms" | "vault" | "secretsmanager")
        })
}

/// Whether a password column is sized for a bcrypt hash (`@db.VarChar(60)`, `@db.Char(60)`):
/// 60 characters is what bcrypt writes, and no one limits a clear password to exactly that.
fn sized_for_bcrypt(advisor: &Advisor<'_>, field: &Field) -> bool {
    let Some((name, attribute)) = native_type(advisor, field) else {
        return false;
    };
    matches!(name, "VarChar" | "Char" | "NVarChar" | "NChar")
        && matches!(
            attribute.arguments().first().and_then(|a| a.value.as_ref()),
            Some(Expression::Number { text, .. }) if text == "60"
        )
}

fn check_plaintext_secret(
    advisor: &Advisor<'_>,
    block: &Block,
    library: Option<&[&str]>,
    field: &Field,
    bytes: bool,
    out: &mut Vec<Diagnostic>,
) {
    let name = field.name.text.as_str();
    if library.is_some_and(|fields| fields.contains(&name)) {
        return;
    }
    let Some((secret, others)) = find_secret(name) else {
        return;
    };
    // The column's name may say what the field name does not (`@map("secret_hash")`).
    let column = conventions::column_name(field);
    if column != name && find_secret(column).is_none() {
        return;
    }
    // A value Prisma generates (`@default(cuid())`) is issued by the application, which then
    // only compares it.
    let generated = matches!(
        conventions::default_value(field),
        Some(Expression::Function { name, .. })
            if matches!(name.text.as_str(), "cuid" | "uuid" | "nanoid" | "ulid")
    );
    let usage = match secret_use(&secret, &others, &block.name.text) {
        SecretUse::Used if generated => SecretUse::Verified,
        usage => usage,
    };
    // Bytes hold key material and seeds; a verified secret in bytes is a hash already.
    if bytes && usage != SecretUse::Used {
        return;
    }
    let is_password = matches!(
        secret.first().map(String::as_str),
        Some("password" | "passwd" | "passphrase" | "passcode" | "pass" | "pwd")
    );
    if (usage == SecretUse::Verified && is_password && sized_for_bcrypt(advisor, field))
        || says_protected(&field_comments(advisor.schema, field))
    {
        return;
    }
    let what = describe_secret(&secret, &others);
    let model = &block.name.text;
    let message = match usage {
        SecretUse::Verified => format!(
            "`{model}.{name}` is named like {what}, which the application only compares, and nothing says it is hashed: store a hash ({}) and say so in its name (`{name}Hash`)",
            if is_password {
                "bcrypt or argon2"
            } else {
                "SHA-256 of a random value is enough"
            }
        ),
        SecretUse::Used => format!(
            "`{model}.{name}` is named like {what}, which the application must read back to use, and nothing says it is encrypted: a hash will not do; encrypt it at rest (or keep it in a secret store and store a reference) and say so in its name or doc comment"
        ),
        SecretUse::Identifier => format!(
            "`{model}.{name}` is named like {what} and nothing says it is encrypted: encrypt it in the application, or keep only what is shown (the last four digits)"
        ),
        SecretUse::CardCode => format!(
            "`{model}.{name}` is named like a card security code, which may not be stored after authorisation (PCI DSS): remove it"
        ),
    };
    if let Some(diagnostic) = advisor.diagnostic(ADVICE_PLAINTEXT_SECRET, field.name.span, message)
    {
        out.push(diagnostic);
    }
}

// ---------------------------------------------------------------------------------------------
// model/updated-at
// ---------------------------------------------------------------------------------------------

fn check_timestamp_attribute(advisor: &Advisor<'_>, field: &Field, out: &mut Vec<Diagnostic>) {
    if is_list(field) {
        return;
    }
    let name = field.name.text.as_str();
    let default = field.attribute("default");
    let (message, attribute) = match name {
        "updatedAt" | "updated_at" if field.attribute("updatedAt").is_none() => {
            // A database trigger may maintain it (`dbgenerated`).
            if matches!(
                conventions::default_value(field),
                Some(Expression::Function { name, .. }) if name.text == "dbgenerated"
            ) {
                return;
            }
            (
                format!("`{name}` is never updated by Prisma; add `@updatedAt`"),
                "@updatedAt",
            )
        }
        "createdAt" | "created_at"
            if default.is_none() && field.attribute("updatedAt").is_none() =>
        {
            (
                format!(
                    "`{name}` has no default, so every insert must set it; add `@default(now())`"
                ),
                "@default(now())",
            )
        }
        _ => return,
    };
    let Some(diagnostic) = advisor.diagnostic(ADVICE_UPDATED_AT, field.name.span, message) else {
        return;
    };
    out.push(diagnostic.with_fix(safe_fix(
        format!("Add `{attribute}` to `{name}`"),
        vec![edits::append_field_attribute(field, attribute)],
    )));
}

// ---------------------------------------------------------------------------------------------
// model/missing-timestamps (off by default)
// ---------------------------------------------------------------------------------------------

fn check_missing_timestamps(advisor: &Advisor<'_>, block: &Block, out: &mut Vec<Diagnostic>) {
    let has = |names: [&str; 2]| names.iter().any(|n| block.field(n).is_some());
    let created = has(["createdAt", "created_at"]);
    // Rows of an append-only log are never updated.
    let updated = has(["updatedAt", "updated_at"]) || conventions::is_append_only_log(block);
    if created && updated {
        return;
    }
    let missing: Vec<&str> = [(!created, "createdAt"), (!updated, "updatedAt")]
        .into_iter()
        .filter_map(|(missing, name)| missing.then_some(name))
        .collect();
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_MISSING_TIMESTAMPS,
        block.name.span,
        format!(
            "`{}` has no {}; add {}",
            block.name.text,
            missing
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(" or "),
            if missing.len() == 2 { "them" } else { "it" }
        ),
    ) else {
        return;
    };
    let edits = timestamp_edits(advisor.schema, block, !created, !updated);
    out.push(diagnostic.with_fix(safe_fix(
        format!("Add {} to `{}`", missing.join(" and "), block.name.text),
        edits,
    )));
}

/// Inserts `createdAt DateTime @default(now())` and/or `updatedAt DateTime @default(now())
/// @updatedAt` (the default lets a migration add the column to a table with rows), mapped to
/// snake_case when the model maps its fields.
pub(crate) fn timestamp_edits(
    schema: &Schema,
    block: &Block,
    created: bool,
    updated: bool,
) -> Vec<TextEdit> {
    let snake = conventions::maps_to_snake_case(schema, block);
    let map = |name: &str| {
        if snake {
            format!(" @map(\"{}\")", conventions::to_snake_case(name))
        } else {
            String::new()
        }
    };
    let mut fields: Vec<(&str, &str, String)> = Vec::new();
    if created {
        fields.push((
            "createdAt",
            "DateTime",
            format!("@default(now()){}", map("createdAt")),
        ));
    }
    if updated {
        fields.push((
            "updatedAt",
            "DateTime",
            format!("@default(now()) @updatedAt{}", map("updatedAt")),
        ));
    }
    let fields: Vec<(&str, &str, &str)> = fields
        .iter()
        .map(|(name, ty, attributes)| (*name, *ty, attributes.as_str()))
        .collect();
    vec![edits::insert_fields(schema, block, &fields)]
}

// ---------------------------------------------------------------------------------------------
// model/id-default
// ---------------------------------------------------------------------------------------------

fn check_id_default(
    advisor: &Advisor<'_>,
    block: &Block,
    field: &Field,
    generator: &mut Option<Option<String>>,
    out: &mut Vec<Diagnostic>,
) {
    // Natural keys (`code`, `slug`, `key`) are meant to be given; only an `id` is generated.
    let name = field.name.text.as_str();
    if !matches!(name, "id" | "_id") || field.attribute("default").is_some() || is_optional(field) {
        return;
    }
    // Where the schema generates few of its string ids, the application does,
    // on purpose (prefixed ids, external ids); a MongoDB ObjectId is always generated.
    let generator = generator
        .get_or_insert_with(|| generated_string_ids(advisor.schema))
        .as_deref();
    let object_id = matches!(native_type(advisor, field), Some(("ObjectId", _)));
    if generator.is_none() && !object_id {
        return;
    }
    if is_parent_id(advisor.schema, block, field) || id_from_elsewhere(block) {
        return;
    }
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_ID_DEFAULT,
        field.name.span,
        format!(
            "`{}.{name}` has no default, so every insert must invent an id; let Prisma generate it",
            block.name.text
        ),
    ) else {
        return;
    };

    // Unsafe: an id without a default is most often given on purpose (an id from Stripe or
    // an authentication library, a deterministic one), and a default would hide the inserts
    // that forget it.
    let fix = id_default_for(advisor, field, generator).map(|default| Fix {
        title: format!("Add `@default({default})` to `{}.{name}`", block.name.text),
        edits: vec![edits::append_field_attribute(
            field,
            &format!("@default({default})"),
        )],
        applicability: Applicability::Unsafe,
    });
    out.push(match fix {
        Some(fix) => diagnostic.with_fix(fix),
        None => diagnostic,
    });
}

/// Words of a model's name that say its ids come from another system or are chosen on
/// purpose: billing objects (Stripe's `sub_…`, `cus_…`), credentials of authentication
/// libraries (a passkey's id is the authenticator's credential id), configuration and
/// partitions (keyed by name or by range).
const ASSIGNED_ID_WORDS: &[&str] = &[
    "stripe",
    "subscription",
    "subscriptions",
    "customer",
    "customers",
    "price",
    "prices",
    "product",
    "products",
    "invoice",
    "invoices",
    "charge",
    "payment",
    "payments",
    "passkey",
    "passkeys",
    "authenticator",
    "authenticators",
    "credential",
    "credentials",
    "webauthn",
    "config",
    "configuration",
    "setting",
    "settings",
    "partition",
    "partitions",
];

/// Whether the model's ids are assigned by the application or another system by its name
/// (see `ASSIGNED_ID_WORDS`), or the model is a library's table (`mastra_threads`,
/// `jackson_store`: lower-case with a prefix), whose library assigns its ids.
fn id_from_elsewhere(block: &Block) -> bool {
    let name = block.name.text.as_str();
    name.starts_with(|c: char| c.is_ascii_lowercase()) && name.contains('_')
        || name_words(name)
            .iter()
            .any(|w| ASSIGNED_ID_WORDS.contains(&w.as_str()))
}

/// Whether the id is also a relation's foreign key: a one-to-one that shares its parent's id,
/// which comes from the parent.
fn is_parent_id(schema: &Schema, block: &Block, id: &Field) -> bool {
    block.fields.iter().any(|f| {
        is_relation_field(schema, f)
            && conventions::relation_scalar_fields(f).contains(&id.name.text.as_str())
    })
}

/// The schema's string id generator, when at least two thirds of its string ids named `id`
/// have one (a schema that leaves a third or more to the application does it on purpose).
fn generated_string_ids(schema: &Schema) -> Option<String> {
    let (mut generated, mut bare) = (0usize, 0usize);
    for block in advised_models(schema) {
        let Some(field) = block.field("id") else {
            continue;
        };
        if type_name(field) != Some("String") || field.attribute("id").is_none() {
            continue;
        }
        if field.attribute("default").is_some() {
            generated += 1;
        } else if !is_parent_id(schema, block, field) {
            bare += 1;
        }
    }
    if generated < 2 * bare || generated == 0 {
        return None;
    }
    conventions::string_id_generator(schema)
}

/// The default a string id gets: `auto()` for a MongoDB ObjectId, `uuid()` for a `@db.Uuid`
/// column, else the schema's own generator (`uuid()`, `cuid(2)`, …) or `cuid()`. `None` when
/// the generated value would not fit the column's length.
fn id_default_for(advisor: &Advisor<'_>, field: &Field, generator: Option<&str>) -> Option<String> {
    let native = native_type(advisor, field);
    let mongo = advisor.context.is(Provider::MongoDb);
    match native.map(|(name, _)| name) {
        Some("ObjectId") if mongo => return Some("auto()".to_string()),
        Some("ObjectId") => return None,
        Some("Uuid" | "UniqueIdentifier") => {
            return Some(
                generator
                    .filter(|g| g.starts_with("uuid("))
                    .unwrap_or("uuid()")
                    .to_string(),
            );
        }
        _ => {}
    }
    if mongo && field.attribute("map").is_none() {
        // A MongoDB id must be mapped to `_id`; that is a validation error, not ours to fix.
        return None;
    }
    let default = generator.unwrap_or("cuid()").to_string();
    // A length-limited column (`@db.VarChar(20)`) must hold the generated value.
    if let Some((_, attribute)) = native {
        let length = attribute
            .arguments()
            .first()
            .and_then(|a| a.value.as_ref())
            .and_then(|v| match v {
                Expression::Number { text, .. } => text.parse::<usize>().ok(),
                _ => None,
            });
        if let Some(length) = length
            && length < generated_length(&default)?
        {
            return None;
        }
    }
    Some(default)
}

/// The longest value a generator gives.
fn generated_length(default: &str) -> Option<usize> {
    let (name, argument) = default.trim_end_matches(')').split_once('(')?;
    Some(match name {
        "uuid" => 36,
        "cuid" if argument == "2" => 24,
        "cuid" => 25,
        "ulid" => 26,
        "nanoid" => argument.parse().unwrap_or(21),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::advisor::{AdvisorSettings, Level};
    use crate::analysis::{self, Options, Severity, codes};

    /// `model/missing-timestamps` is off by default: switched on, its fixes add the fields
    /// (mapped like the model's) and validate; fixing twice changes nothing.
    #[test]
    fn missing_timestamps_when_switched_on() {
        let mut settings = AdvisorSettings::default();
        settings.levels.insert(
            "model/missing-timestamps".to_string(),
            Level::On(Severity::Info),
        );
        let options = Options {
            advisor: std::sync::Arc::new(settings),
            ..Options::default()
        };
        let text = "datasource db {
  provider = \"postgresql\"
  url      = env(\"DATABASE_URL\")
}

model Post {
  id    Int    @id @default(autoincrement())
  title String
}

model Comment {
  id        Int      @id @default(autoincrement())
  postId    Int      @map(\"post_id\")
  createdAt DateTime @default(now()) @map(\"created_at\")
}

model AuditLog {
  id        Int      @id @default(autoincrement())
  createdAt DateTime @default(now())
}

model Tag { id Int @id }
";
        let findings: Vec<_> =
            analysis::check_with(&Schema::parse("s.prisma", text), options.clone())
                .into_iter()
                .filter(|d| d.code == codes::ADVICE_MISSING_TIMESTAMPS)
                .collect();
        let messages: Vec<&str> = findings.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`Post` has no `createdAt` or `updatedAt`; add them",
                "`Comment` has no `updatedAt`; add it",
                "`Tag` has no `createdAt` or `updatedAt`; add them",
            ]
        );
        let fixed =
            crate::ide::fixes::fix_all(&[("s.prisma".to_string(), text.to_string())], &options);
        let fixed = &fixed.texts[0];
        // Laid out as `format` lays out the blocks (`ide::fixes`).
        assert!(fixed.contains("  title     String\n  createdAt DateTime @default(now())\n  updatedAt DateTime @default(now()) @updatedAt\n}"), "{fixed}");
        assert!(fixed.contains("  createdAt DateTime @default(now()) @map(\"created_at\")\n  updatedAt DateTime @default(now()) @updatedAt @map(\"updated_at\")\n}"), "{fixed}");
        assert!(fixed.contains("model Tag { id Int @id\n  createdAt DateTime @default(now())\n  updatedAt DateTime @default(now()) @updatedAt\n}"), "{fixed}");
        let after =
            analysis::check_with(&Schema::parse("s.prisma", fixed.clone()), options.clone());
        assert!(
            !after.iter().any(
                |d| d.severity == Severity::Error || d.code == codes::ADVICE_MISSING_TIMESTAMPS
            ),
            "{after:?}"
        );
        let again =
            crate::ide::fixes::fix_all(&[("s.prisma".to_string(), fixed.clone())], &options);
        assert_eq!(&again.texts[0], fixed);
    }

    #[test]
    fn money_names() {
        for name in [
            "price",
            "unitPrice",
            "totalRevenue",
            "serviceFee",
            "payAmount",
            "paidFiat",
            "costInCents",
            "total",
            "grandTotal",
            "sub_total",
            "earningsPerClick",
            "balance",
        ] {
            assert!(names_money(name), "{name}");
        }
        for name in [
            "latitude",
            "taxonomy",
            "feeling",
            "taxRate",
            "returnOnAdSpend",
            "totalCount",
            "totalScore",
            "expenseMultiple",
            "priceRatio",
            "score",
            "quantity",
            "totalDistance",
        ] {
            assert!(!names_money(name), "{name}");
        }
    }

    #[test]
    fn secret_names() {
        for name in [
            "password",
            "apiKey",
            "APIKey",
            "clientSecret",
            "twoFactorSecret",
            "ssn",
            "cardNumber",
            "partner_IBAN",
            "taxId",
            "resetToken",
            "privateSshKey",
            "recoveryCodes",
            "postgresqlPassword",
        ] {
            assert!(names_secret(name).is_some(), "{name}");
        }
        for name in [
            "passwordHash",
            "hashedPassword",
            "encryptedSsn",
            "passwordHint",
            "tokenCount",
            "secretary",
            "apiKeyId",
            "token_type",
            "tokenEndpointAuthMethod",
            "taxRateId",
            "publicKey",
            "s3Key",
            "idempotencyKey",
            "maskedSecret",
            "tokenizerId",
            "passwordResetAt",
            "salt",
        ] {
            assert!(names_secret(name).is_none(), "{name}");
        }
    }
}
