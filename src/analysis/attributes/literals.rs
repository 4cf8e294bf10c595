//! Whether a default literal parses as its type: integers that fit 64 bits, decimals, JSON,
//! base64 and RFC 3339 timestamps. Each returns why not, in a few words.

/// An integer that fits a signed 64-bit number (Prisma stores `Int` and `BigInt` defaults so).
pub(super) fn integer(text: &str) -> Result<(), &'static str> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("it is not a whole number");
    }
    text.parse::<i64>()
        .map(|_| ())
        .map_err(|_| "it does not fit a 64-bit integer")
}

/// A decimal number: an optional sign, digits with at most one `.`, an optional exponent.
pub(super) fn decimal(text: &str) -> Result<(), &'static str> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // Underscores may separate digits (`1_000`), as Prisma's decimal parser allows.
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit() || b == b'_');
    let has_digit = |s: &str| s.bytes().any(|b| b.is_ascii_digit());
    if !(has_digit(whole) || has_digit(fraction)) || !digits(whole) || !digits(fraction) {
        return Err("it is not a decimal number");
    }
    if let Some(exponent) = exponent {
        let exponent = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
        if exponent.is_empty() || !digits(exponent) {
            return Err("its exponent is not a whole number");
        }
    }
    Ok(())
}

pub(super) fn json(text: &str) -> Result<(), String> {
    serde_json::from_str::<serde::de::IgnoredAny>(text)
        .map(|_| ())
        .map_err(|error| error.to_string())
}

/// Standard base64 with canonical padding (what Prisma decodes `Bytes` defaults with).
pub(super) fn base64(text: &str) -> Result<(), &'static str> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return Err("its length is not a multiple of 4");
    }
    let padding = bytes.iter().rev().take_while(|&&b| b == b'=').count();
    if padding > 2 {
        return Err("it has too much `=` padding");
    }
    let value = |b: u8| -> Option<u8> {
        Some(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        })
    };
    let data = &bytes[..bytes.len() - padding];
    let mut last = 0;
    for &b in data {
        last = value(b).ok_or("it contains characters outside the base64 alphabet")?;
    }
    // The bits after the last whole byte must be zero.
    let unused_bits = match padding {
        1 => 0b11,
        2 => 0b1111,
        _ => 0,
    };
    if last & unused_bits != 0 {
        return Err("its last character has bits that belong to no byte");
    }
    Ok(())
}

/// An RFC 3339 timestamp: `2024-01-31T12:00:00Z`, with optional fractional seconds and a `Z`
/// or `±hh:mm` offset.
pub(super) fn rfc3339(text: &str) -> Result<(), &'static str> {
    const INCOMPLETE: &str = "it is not a full `YYYY-MM-DDThh:mm:ssZ` timestamp";
    let b = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10)) else {
        return Err(INCOMPLETE);
    };
    if !at(4, b'-') || !at(7, b'-') || !matches!(b.get(10), Some(b'T' | b't' | b' ')) {
        return Err(INCOMPLETE);
    }
    let (Some(hour), Some(minute), Some(second)) = (number(11..13), number(14..16), number(17..19))
    else {
        return Err(INCOMPLETE);
    };
    if !at(13, b':') || !at(16, b':') {
        return Err(INCOMPLETE);
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err("its month is out of range"),
    };
    if day == 0 || day > days {
        return Err("its day is out of range");
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err("its time is out of range");
    }
    let mut i = 19;
    if at(i, b'.') {
        let digits = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if digits == 0 {
            return Err("its fractional seconds are empty");
        }
        i += 1 + digits;
    }
    match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => Ok(()),
        Some(b'+' | b'-') if i + 6 == b.len() && at(i + 3, b':') => {
            match (number(i + 1..i + 3), number(i + 4..i + 6)) {
                (Some(h), Some(m)) if h < 24 && m < 60 => Ok(()),
                _ => Err("its time zone offset is out of range"),
            }
        }
        None => Err("it has no time zone (`Z` or `+hh:mm`)"),
        _ => Err("it has text after the time that is not a time zone"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert!(integer("3").is_ok());
        assert!(integer("-5").is_ok());
        assert!(integer("3.14").is_err());
        assert!(integer("99999999999999999999").is_err());
    }

    #[test]
    fn decimals() {
        for ok in [
            "1",
            "-68.0",
            "121.10299000124800000001",
            "1e5",
            ".5",
            "5.",
            "1_000",
            "+1",
        ] {
            assert!(decimal(ok).is_ok(), "{ok}");
        }
        for bad in ["abc", "", "1.2.3", "1e", "-", " 1", "NaN", "_"] {
            assert!(decimal(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn base64_strings() {
        for ok in ["", "aGVsbG8gd29ybGQ=", "YQ==", "YWI=", "YWJj"] {
            assert!(base64(ok).is_ok(), "{ok}");
        }
        for bad in ["not base64", "YQ", "YR==", "Y===", "a=bc"] {
            assert!(base64(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timestamps() {
        for ok in [
            "2019-06-17T14:20:57Z",
            "2020-09-21T20:00:00+02:00",
            "2020-02-29T00:00:00.123456Z",
            "2020-02-29 00:00:00z",
        ] {
            assert!(rfc3339(ok).is_ok(), "{ok}");
        }
        for bad in [
            "Hugo",
            "2020-01-01",
            "2020-09-*1T20:00:00+02:00",
            "2019-02-29T00:00:00Z",
            "2020-01-01T00:00:00",
            "2020-01-01T00:00:00.Z",
        ] {
            assert!(rfc3339(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn json_values() {
        assert!(json("{ \"a\": [\"b\"] }").is_ok());
        assert!(json("3").is_ok());
        assert!(json("not json").is_err());
        assert!(json("").is_err());
    }
}
