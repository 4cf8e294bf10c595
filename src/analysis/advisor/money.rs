//! Whether a field holds money, for `types/float-money`: by the words of its name
//! (`types::names_money`: `price`, `serviceFee`, `total`), and beyond them:
//!
//! - more words that name money on their own (`valuation`, `spend`, `deposit`, `mrr`);
//! - a generic name in a model about money (`AccountBalance.value`, `Payment.sum`);
//! - what its doc comment (`///`) or the comment after it (`// in cents`) says ("monetary
//!   value", "in USD", "price");
//!
//! and not when the name or the comment says it is a ratio, a duration, a count or a score
//! of something else (`amountOfTime`, `tokenBudget`, `// processing fee (in decimals)`).

use super::conventions::name_words;
use super::types::names_money;
use crate::model::{Block, Field, Schema};

/// Words that name money on their own, beyond those of `names_money`.
const MORE_MONEY_WORDS: &[&str] = &[
    "valuation",
    "valuations",
    "spend",
    "spent",
    "deposit",
    "deposits",
    "withdrawal",
    "withdrawals",
    "payable",
    "receivable",
    "mrr",
    "arr",
    "gmv",
    "ltv",
    "msrp",
    "networth",
    "worth",
    "proceeds",
    "premium",
    "rent",
    "tuition",
    "donation",
    "donations",
    "tip",
    "tips",
];

/// Words after which `arr`, `tip` and `premium` are something else (`arrIndex`,
/// `tipText`, `premiumTier`): the money word must end the name, or come before a currency
/// or a unit.
const AMBIGUOUS_MONEY_WORDS: &[&str] = &["arr", "tip", "tips", "premium", "rent", "worth"];

/// Generic names that hold money in a model about money (`AccountBalance.value`).
const GENERIC_VALUE_WORDS: &[&str] = &["value", "sum", "amount", "total", "net", "gross"];

/// Words that make a money-sounding name something else: a duration, a quantity of things
/// that are not money, a ratio (`amountOfTime`, `tokenBudget`, `returnOnAdSpend`). The
/// ratio words repeat `types::NOT_MONEY_WORDS`, since the words added here (`spend`) are
/// not checked there.
const NOT_MONEY_WORDS: &[&str] = &[
    "time",
    "times",
    "duration",
    "seconds",
    "secs",
    "minutes",
    "mins",
    "hours",
    "days",
    "ms",
    "distance",
    "km",
    "miles",
    "meters",
    "calories",
    "kcal",
    "tokens",
    "token",
    "points",
    "xp",
    "karma",
    "credits",
    "size",
    "bytes",
    "kb",
    "mb",
    "gb",
    "words",
    "characters",
    "chars",
    "steps",
    "units",
    "items",
    "requests",
    "calls",
    "ratio",
    "rate",
    "percent",
    "percentage",
    "pct",
    "multiplier",
    "factor",
    "score",
    "count",
    "quantity",
    "qty",
    "return",
    "share",
    "weight",
    "multiple",
    "probability",
    "confidence",
    "threshold",
];

/// Phrases of a comment that say money.
const MONEY_PHRASES: &[&str] = &[
    "monetary",
    "money",
    "in cents",
    "(cents)",
    "in usd",
    "in eur",
    "in gbp",
    "in dollars",
    "in euros",
    "in the currency",
    "currency amount",
    "price",
    "cost in",
];

/// Phrases of a comment that say a ratio, a share or a count, whatever the name.
const NOT_MONEY_PHRASES: &[&str] = &[
    "percent",
    "%",
    "ratio",
    "rate",
    "in decimals",
    "fraction",
    "multiplier",
    "score",
    "probability",
];

/// Whether a `Float` field holds money: its name (`names_money` and more words), a generic
/// name in a model about money, or its comments; never when its name or comments say a
/// ratio, a duration or a count.
pub(super) fn holds_money(schema: &Schema, block: &Block, field: &Field) -> bool {
    // What the author wrote beside the field says more than its name.
    let comments = comments(schema, field);
    if NOT_MONEY_PHRASES.iter().any(|p| has_phrase(&comments, p)) || is_formula(&comments) {
        return false;
    }
    if MONEY_PHRASES.iter().any(|p| has_phrase(&comments, p)) {
        return true;
    }
    let words = name_words(&field.name.text);
    // A unit after `per` is what the money is for (`pricePerToken`, `costPerMinute`).
    let not_money = words.iter().enumerate().any(|(i, word)| {
        NOT_MONEY_WORDS.contains(&word.as_str()) && !(i > 0 && words[i - 1] == "per")
    });
    if not_money {
        return false;
    }
    names_money(&field.name.text)
        || more_money_words(&words)
        || (words.len() == 1
            && GENERIC_VALUE_WORDS.contains(&words[0].as_str())
            && model_is_about_money(block)
            && !value_may_be_a_ratio(block))
}

/// A comment that gives the field as a quotient (`// totalSaleAmount / totalClicks`): a
/// statistic derived from money, recomputed, not an amount that must add up to the cent.
fn is_formula(comments: &str) -> bool {
    let bytes = comments.as_bytes();
    comments.match_indices(" / ").any(|(at, _)| {
        let before = at.checked_sub(1).and_then(|i| bytes.get(i));
        let after = bytes.get(at + 3);
        before.is_some_and(u8::is_ascii_alphanumeric) && after.is_some_and(u8::is_ascii_alphabetic)
    })
}

/// Whether the model's generic `value` may be a share rather than an amount: a fee model
/// with a `type` (fixed or percent) or a field that names a ratio (`Fee.value` beside
/// `percentage`).
fn value_may_be_a_ratio(block: &Block) -> bool {
    block.fields.iter().any(|f| {
        let words = name_words(&f.name.text);
        matches!(
            f.name.text.as_str(),
            "type" | "kind" | "unit" | "valueType" | "value_type"
        ) || words.iter().any(|w| {
            matches!(
                w.as_str(),
                "percent" | "percentage" | "pct" | "ratio" | "rate" | "multiplier"
            )
        })
    })
}

/// Whether `phrase` occurs in `text` as whole words (`rate` in "the rate", not in
/// "generated").
pub(super) fn has_phrase(text: &str, phrase: &str) -> bool {
    let is_word = |c: char| c.is_ascii_alphanumeric();
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        let starts = phrase.starts_with(is_word);
        let ends = phrase.ends_with(is_word);
        (!starts || before.is_none_or(|c| !is_word(c)))
            && (!ends || after.is_none_or(|c| !is_word(c)))
    })
}

fn more_money_words(words: &[String]) -> bool {
    words.iter().enumerate().any(|(i, word)| {
        MORE_MONEY_WORDS.contains(&word.as_str())
            && (!AMBIGUOUS_MONEY_WORDS.contains(&word.as_str())
                || i + 1 == words.len()
                || words.get(i + 1).is_some_and(|next| {
                    matches!(next.as_str(), "usd" | "eur" | "cents" | "amount")
                }))
    })
}

/// A model named for money (`AccountBalance`, `Payment`, `Invoice`, `PriceHistory`).
fn model_is_about_money(block: &Block) -> bool {
    const WORDS: &[&str] = &[
        "payment",
        "payments",
        "invoice",
        "invoices",
        "transaction",
        "transactions",
        "payout",
        "payouts",
        "charge",
        "charges",
        "refund",
        "refunds",
        "expense",
        "expenses",
        "income",
        "salary",
        "salaries",
        "fee",
        "fees",
        "price",
        "prices",
        "balance",
        "balances",
        "budget",
        "budgets",
        "revenue",
        "deposit",
        "deposits",
        "wallet",
        "ledger",
        "valuation",
    ];
    name_words(&block.name.text)
        .iter()
        .any(|w| WORDS.contains(&w.as_str()))
}

/// The field's doc comment and the comment after it on its line, in lower case.
pub(super) fn comments(schema: &Schema, field: &Field) -> String {
    let mut text = field
        .doc
        .as_deref()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let source = &schema.file(field.span.file).text;
    // The field's span may hold the comment after it: read from the end of its declaration.
    let end = field.declaration_end() as usize;
    let rest = source.get(end..).unwrap_or_default();
    let line = rest.split(['\n', '\r']).next().unwrap_or_default();
    if let Some(comment) = line.trim_start().strip_prefix("//") {
        text.push(' ');
        text.push_str(&comment.to_ascii_lowercase());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float_field(model: &str, field: &str) -> bool {
        let text = format!("model {model} {{\n  id Int @id\n  {field}\n}}\n");
        let schema = Schema::parse("s.prisma", text);
        let Some(block) = schema.models().next() else {
            return false;
        };
        block
            .fields
            .last()
            .is_some_and(|f| holds_money(&schema, block, f))
    }

    #[test]
    fn money_under_other_names() {
        for (model, field) in [
            ("Company", "valuation Float"),
            ("Company", "preMoneyValuation Float"),
            ("Campaign", "adSpend Float"),
            ("Account", "netWorth Float"),
            ("Metrics", "mrr Float"),
            ("AccountBalance", "value Float"),
            ("Payment", "amount Float"),
            ("Stats", "lifetimeValue Float? // in cents"),
            ("Deal", "/// The monetary value of the deal\n  size Float"),
            ("Item", "listPrice Float"),
            ("Model", "pricePerToken Float"),
            ("Job", "costPerMinute Float // generated nightly"),
            ("Order", "cost Float"),
            ("Order", "fee Float"),
            ("Wallet", "balance Float"),
            ("Campaign", "budget Float"),
        ] {
            assert!(float_field(model, field), "{model}.{field}");
        }
    }

    #[test]
    fn false_friends() {
        for (model, field) in [
            ("Task", "amountOfTime Float"),
            ("Review", "feedback Float"),
            ("Config", "costMultiplier Float"),
            ("Run", "tokenBudget Float"),
            ("Survey", "valueNumber Float"),
            ("Metric", "value Float"),
            (
                "Project",
                "payoutFee Float @default(0.05) // processing fee (in decimals)",
            ),
            ("Deal", "/// win probability\n  value Float"),
            ("Model", "sizeKB Float"),
            ("Array", "arrIndex Float"),
            ("Tooltip", "tipWidth Float"),
            ("Game", "pointsBalance Float"),
            ("Trip", "travelTime Float"),
            ("Stats", "returnOnAdSpend Float"),
            (
                "Stats",
                "earningsPerClick Float // totalSaleAmount / totalClicks",
            ),
            (
                "Stats",
                "averageLifetimeValue Float? // totalSaleAmount / totalConversions (in cents)",
            ),
            ("Box", "depositWeight Float"),
            ("Fee", "type String\n  value Float"),
            ("Payment", "percentage Boolean\n  value Float"),
        ] {
            assert!(!float_field(model, field), "{model}.{field}");
        }
    }
}
