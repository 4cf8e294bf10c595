//! `String` fields that should say more than text: a unique email that PostgreSQL compares
//! case-sensitively (`types/case-sensitive-email`), and a number kept as text
//! (`types/number-as-string`).

use super::conventions::{
    advised_models, field_list, is_list, name_words, relation_scalar_fields, type_name,
};
use super::money::has_phrase;
use super::types::field_comments;
use super::{Advisor, edits};
use crate::analysis::codes::{ADVICE_CASE_SENSITIVE_EMAIL, ADVICE_NUMBER_AS_STRING};
use crate::analysis::{Applicability, Diagnostic, Fix};
use crate::catalog::Provider;
use crate::model::{Block, Expression, Field};

pub(super) fn check(advisor: &Advisor<'_>, out: &mut Vec<Diagnostic>) {
    // CockroachDB has no `citext`; MySQL's and SQL Server's default collations already
    // compare case-insensitively; SQLite's `NOCASE` cannot be declared in a Prisma schema.
    let emails =
        advisor.enabled(ADVICE_CASE_SENSITIVE_EMAIL) && advisor.context.is(Provider::PostgreSql);
    let numbers = advisor.enabled(ADVICE_NUMBER_AS_STRING);
    if !(emails || numbers) {
        return;
    }
    for block in advised_models(advisor.schema) {
        for field in &block.fields {
            if type_name(field) != Some("String") || is_list(field) {
                continue;
            }
            if emails {
                check_email(advisor, block, field, out);
            }
            if numbers {
                check_number(advisor, block, field, out);
            }
        }
    }
}

/// The field's native type: its name (`Citext`) and the attribute's prefix (`db`).
fn native_type(field: &Field) -> Option<(&str, &str, &crate::model::Attribute)> {
    field.attributes.iter().find_map(|attribute| {
        let (prefix, name) = attribute.name.text.split_once('.')?;
        Some((prefix, name, attribute))
    })
}

// ---------------------------------------------------------------------------------------------
// types/case-sensitive-email
// ---------------------------------------------------------------------------------------------

/// Words before `email` that say the value is already normalised or is not the address
/// (`normalizedEmail`, `emailHash` ends otherwise).
const NORMALISED_WORDS: &[&str] = &[
    "normalized",
    "normalised",
    "lower",
    "lowercase",
    "lowercased",
    "canonical",
    "hash",
    "hashed",
    "encrypted",
];

/// Whether the name is an email address: `email`, `emailAddress`, `contactEmail`,
/// `billing_email`; not `emailVerified`, `emailToken`, `emailCount`, `normalizedEmail`.
fn names_email(name: &str) -> bool {
    let mut words = name_words(name);
    // `eMail`, `e_mail`.
    if let Some(at) = words
        .windows(2)
        .position(|pair| pair[0] == "e" && pair[1] == "mail")
    {
        words.splice(at..at + 2, ["email".to_string()]);
    }
    let Some(at) = words.iter().position(|w| w == "email") else {
        return false;
    };
    let address = match &words[at + 1..] {
        [] => true,
        [word] => matches!(word.as_str(), "address" | "addr"),
        _ => false,
    };
    address
        && !words[..at]
            .iter()
            .any(|w| NORMALISED_WORDS.contains(&w.as_str()))
}

/// Whether a unique constraint or the id covers the field, alone or with others
/// (`@@unique([tenantId, email])` still lets `A@x.com` and `a@x.com` in one tenant).
fn is_unique(block: &Block, field: &Field) -> bool {
    if field.attribute("unique").is_some() || field.attribute("id").is_some() {
        return true;
    }
    block
        .attributes
        .iter()
        .filter(|a| a.is_block && matches!(a.name.text.as_str(), "unique" | "id"))
        .any(|a| field_list(a, "fields", Some(0)).contains(&field.name.text.as_str()))
}

fn check_email(advisor: &Advisor<'_>, block: &Block, field: &Field, out: &mut Vec<Diagnostic>) {
    if !names_email(&field.name.text) || !is_unique(block, field) {
        return;
    }
    // A foreign key compares as the column it references: the advice belongs there.
    if block
        .fields
        .iter()
        .any(|f| relation_scalar_fields(f).contains(&field.name.text.as_str()))
    {
        return;
    }
    let native = native_type(field);
    if native.is_some_and(|(_, name, _)| name == "Citext") {
        return;
    }
    // A comment may say the application lower-cases the address before storing it.
    // The doc comment, the comment after the field and the comment lines above it.
    let comments = field_comments(advisor.schema, field).to_ascii_lowercase();
    if [
        "lowercase",
        "lower case",
        "lower-case",
        "lowercased",
        "lower-cased",
        "lower cased",
        "normalized",
        "normalised",
        "case-insensitive",
        "case insensitive",
        "citext",
    ]
    .iter()
    .any(|phrase| has_phrase(&comments, phrase))
    {
        return;
    }
    let name = &field.name.text;
    let model = &block.name.text;
    // What two spellings of one address become: accounts where people sign in.
    let people = name_words(model).iter().any(|w| {
        matches!(
            w.as_str(),
            "user"
                | "users"
                | "account"
                | "accounts"
                | "member"
                | "members"
                | "customer"
                | "customers"
                | "person"
                | "people"
                | "profile"
                | "auth"
                | "auths"
        )
    });
    let twice = if people {
        "two accounts".to_string()
    } else {
        format!("two `{model}` rows")
    };
    let Some(diagnostic) = advisor.diagnostic(
        ADVICE_CASE_SENSITIVE_EMAIL,
        field.name.span,
        format!(
            "`{model}.{name}` is unique, but PostgreSQL compares text case-sensitively: `Alice@example.com` and `alice@example.com` become {twice}; store it as `@db.Citext` (with the `citext` extension) or lower-case it in the application"
        ),
    ) else {
        return;
    };
    // `@db.Citext` in place of a text type (`@db.VarChar(255)`), else after the attributes;
    // none beside a native type that is not text, nor when a foreign key references the
    // column (PostgreSQL refuses a `text` key referencing a `citext` column).
    let edit = match native {
        _ if advisor
            .referenced()
            .names_field(&block.name.text, &field.name.text) =>
        {
            None
        }
        Some((prefix, "Text" | "VarChar" | "Char", attribute)) => {
            Some(edits::replace(attribute.span, format!("@{prefix}.Citext")))
        }
        Some(_) => None,
        None => advisor
            .context
            .datasource_name
            .as_deref()
            .map(|prefix| edits::append_field_attribute(field, &format!("@{prefix}.Citext"))),
    };
    out.push(match edit {
        Some(edit) => diagnostic.with_fix(Fix {
            title: format!("Store `{name}` as `citext` (needs the `citext` extension)"),
            edits: vec![edit],
            // The column type changes (a migration), and the extension must exist first.
            applicability: Applicability::Unsafe,
        }),
        None => diagnostic,
    });
}

// ---------------------------------------------------------------------------------------------
// types/number-as-string
// ---------------------------------------------------------------------------------------------

/// Words that make a quantity-sounding name an identifier, a unit or formatted text
/// (`sizeUnit`, `amountCurrency`, `sizeLabel`, `priceId`, `countFormat`), or a property of
/// a user interface, where `"auto"`, `"1.8"` and `"12px"` are all valid (`lineHeight`,
/// `fontSize`, `iconWeight`).
const NOT_NUMBER_WORDS: &[&str] = &[
    "id",
    "ids",
    "code",
    "codes",
    "key",
    "ref",
    "hash",
    "token",
    "url",
    "uri",
    "unit",
    "units",
    "currency",
    "label",
    "name",
    "text",
    "description",
    "desc",
    "display",
    "formatted",
    "format",
    "pretty",
    "human",
    "string",
    "str",
    "raw",
    "input",
    "type",
    "kind",
    "range",
    "bucket",
    "tier",
    "band",
    "bracket",
    "category",
    "group",
    "class",
    "option",
    "options",
    "mode",
    "status",
    "symbol",
    "version",
    "pattern",
    "template",
    "expression",
    "formula",
    "note",
    "notes",
    "comment",
    "font",
    "line",
    "icon",
    "letter",
    "border",
    "css",
    "style",
    "stroke",
    "grid",
    "column",
    "columns",
    "row",
    "rows",
    "padding",
    "margin",
    "zoom",
    // Headcounts are asked as ranges ("11-50").
    "employee",
    "employees",
    "company",
    "team",
    "staff",
    "org",
    "organization",
];

/// Phrases of a comment that say the text is meant (`// e.g. "1-10"`, `// "2.5 MB"`).
const TEXT_PHRASES: &[&str] = &[
    "deprecated",
    "range",
    "e.g.",
    "eg.",
    "format",
    "formatted",
    "display",
    "human",
    "label",
    "json",
    "string",
    "text",
];

/// Words that say a quantity when the default is a number (`@default("0")`).
const QUANTITY_WORDS: &[&str] = &[
    "count",
    "counts",
    "total",
    "size",
    "amount",
    "quantity",
    "qty",
    "bytes",
    "percent",
    "percentage",
    "pct",
    "price",
    "cost",
    "fee",
    "balance",
    "budget",
    "duration",
    "seconds",
    "ms",
    "age",
    "weight",
    "height",
    "width",
    "length",
    "score",
    "rating",
    "capacity",
    "views",
    "clicks",
];

/// Money words: a `Decimal`, except on MongoDB, where Prisma has none and text keeps an
/// amount exact on purpose. Only with a number as the default: a `price` or a
/// `discountAmount` in text is as often written for display (`"Free"`, `"20% off"`).
const MONEY_WORDS: &[&str] = &[
    "price", "amount", "cost", "fee", "balance", "budget", "salary", "subtotal",
];

/// What a storage size is the size of (`fileSize`, `db_size`); `imageSize` may be
/// `"1024x768"` and `size` alone `"XL"`.
const STORAGE_WORDS: &[&str] = &[
    "file",
    "db",
    "database",
    "disk",
    "storage",
    "download",
    "upload",
    "attachment",
    "blob",
    "backup",
    "archive",
    "memory",
];

/// Units that make a number of a quantity (`sizeInBytes`, `durationMs`, `priceCents`).
const UNIT_WORDS: &[&str] = &[
    "bytes",
    "kb",
    "mb",
    "gb",
    "ms",
    "millis",
    "milliseconds",
    "seconds",
    "secs",
    "minutes",
    "mins",
    "cents",
];

/// The number a `String` field holds by its name and default, and the type to store it in:
/// `None` unless the name says so beyond doubt.
fn number_kind(
    words: &[String],
    default_number: Option<&str>,
    mongo: bool,
) -> Option<&'static str> {
    let head = words.last()?.as_str();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(NOT_NUMBER_WORDS) {
        return None;
    }
    let previous = words.len().checked_sub(2).map(|i| words[i].as_str());
    if matches!(head, "count" | "quantity" | "qty")
        || (words.len() > 2 && words[0] == "number" && words[1] == "of")
        || (words.len() > 1 && words[0] == "num" && head.ends_with('s'))
    {
        return Some("Int");
    }
    if head == "size" && previous.is_some_and(|p| STORAGE_WORDS.contains(&p)) {
        return Some("BigInt");
    }
    if UNIT_WORDS.contains(&head)
        && words.len() > 1
        && words[..words.len() - 1]
            .iter()
            .any(|w| w == "in" || QUANTITY_WORDS.contains(&w.as_str()))
    {
        return Some(if head == "bytes" { "BigInt" } else { "Int" });
    }
    let number = default_number?;
    if !has(QUANTITY_WORDS) || (mongo && has(MONEY_WORDS)) {
        return None;
    }
    Some(if has(&["bytes", "size"]) {
        "BigInt"
    } else if has(MONEY_WORDS) {
        "Decimal"
    } else if number.contains('.') || has(&["percent", "percentage", "pct", "score", "rating"]) {
        "Float"
    } else {
        "Int"
    })
}

/// The field's default when it is a number written as a string (`@default("0")`).
fn default_number(field: &Field) -> Option<&str> {
    let Some(Expression::String(literal)) = super::conventions::default_value(field) else {
        return None;
    };
    let text = literal.value.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let valid = !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.chars().filter(|&c| c == '.').count() <= 1
        && digits.chars().any(|c| c.is_ascii_digit());
    valid.then_some(text)
}

fn check_number(advisor: &Advisor<'_>, block: &Block, field: &Field, out: &mut Vec<Diagnostic>) {
    // A long text column holds documents, not a number.
    if native_type(field).is_some_and(|(_, name, _)| name.ends_with("Text")) {
        return;
    }
    let words = name_words(&field.name.text);
    let mongo = advisor.context.is(Provider::MongoDb);
    let default = default_number(field);
    let Some(ty) = number_kind(&words, default, mongo) else {
        return;
    };
    // The doc comment, the comment after the field and the comment lines above it.
    let comments = field_comments(advisor.schema, field).to_ascii_lowercase();
    if TEXT_PHRASES.iter().any(|p| has_phrase(&comments, p)) || has_digit_range(&comments) {
        return;
    }
    if let Some(diagnostic) = advisor.diagnostic(
        ADVICE_NUMBER_AS_STRING,
        field.name.span,
        format!(
            "`{}.{}` is a `String` but its name{} says a number; store it as `{ty}` so that the database sorts, sums and checks it as one (`\"10\"` sorts before `\"9\"`)",
            block.name.text,
            field.name.text,
            if default.is_some() { " and default" } else { "" }
        ),
    ) {
        out.push(diagnostic);
    }
}

/// `1-10`, `11 - 50`: a range of numbers, which only text holds.
fn has_digit_range(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        b == b'-'
            && text[..i].trim_end().ends_with(|c: char| c.is_ascii_digit())
            && text[i + 1..]
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn email_names() {
        for name in [
            "email",
            "emailAddress",
            "contactEmail",
            "billing_email",
            "eMail",
            "EMAIL",
            "primaryEmailAddress",
        ] {
            assert!(names_email(name), "{name}");
        }
        for name in [
            "emailVerified",
            "emailToken",
            "emailCount",
            "normalizedEmail",
            "emailHash",
            "emailDomain",
            "mail",
            "emails_sent",
        ] {
            assert!(!names_email(name), "{name}");
        }
    }

    fn kind(name: &str, default: Option<&str>) -> Option<&'static str> {
        number_kind(&name_words(name), default, false)
    }

    #[test]
    fn numbers_by_name() {
        assert_eq!(kind("count", None), Some("Int"));
        assert_eq!(kind("viewCount", None), Some("Int"));
        assert_eq!(kind("quantity", None), Some("Int"));
        assert_eq!(kind("numberOfGuests", None), Some("Int"));
        assert_eq!(kind("numPages", None), Some("Int"));
        assert_eq!(kind("fileSize", None), Some("BigInt"));
        assert_eq!(kind("sizeInBytes", None), Some("BigInt"));
        assert_eq!(kind("durationMs", None), Some("Int"));
        assert_eq!(kind("price", Some("9.99")), Some("Decimal"));
        assert_eq!(kind("totalAmount", Some("0")), Some("Decimal"));
        assert_eq!(kind("total_bytes_used", Some("0")), Some("BigInt"));
        assert_eq!(kind("changePercent", Some("0")), Some("Float"));
        assert_eq!(number_kind(&name_words("price"), Some("0"), true), None);
    }

    #[test]
    fn text_by_name() {
        for name in [
            "phoneNumber",
            "zipCode",
            "version",
            "sizeUnit",
            "amountCurrency",
            "countryCode",
            "accountNumber",
            "serialNumber",
            "postalCode",
            "houseNumber",
            "sizeLabel",
            "size",
            "imageSize",
            "age",
            "duration",
            "weight",
            "height",
            "width",
            "total",
            "employeeCount",
            "companySize",
            "priceId",
            "stripePriceId",
            "workingDays",
            "openingHours",
            "num",
            "price",
            "discountAmount",
        ] {
            assert_eq!(kind(name, None), None, "{name}");
        }
        for (name, default) in [
            ("lineHeight", "1.8"),
            ("iconWeight", "400"),
            ("version", "1"),
        ] {
            assert_eq!(kind(name, Some(default)), None, "{name}");
        }
    }

    #[test]
    fn digit_ranges() {
        assert!(has_digit_range(" e.g. 11-50"));
        assert!(has_digit_range("1 - 10 employees"));
        assert!(!has_digit_range("a well-known value"));
        assert!(!has_digit_range(""));
    }
}
