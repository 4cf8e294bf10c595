//! What the guard needs to know about a message the framework cannot read: whether it is
//! JSON at all, and the `id` of its top-level object, to answer under it.
//!
//! serde_json stops at 128 levels of nesting (its stack guard), so valid JSON nested deeper
//! fails to parse like garbage does, and a truncated frame fails before its end. This
//! scanner reads the whole text with no recursion (its nesting is a `Vec`, one byte per
//! level, bounded by the frame's size) and keeps the raw text of the top-level `"id"`
//! member's value; only that small value is handed to serde_json.

use serde_json::Value;

/// What a scan found.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Scanned {
    /// The text is one complete, valid JSON value.
    pub(super) valid: bool,
    /// The top-level object's `id`, when it is one JSON-RPC allows (a string, a number or
    /// null) and was read before any error.
    pub(super) id: Option<Value>,
    /// The top-level object has a `method` member (read before any error).
    pub(super) has_method: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Expect {
    /// A value (the document, an array element after `,`, a member's value).
    Value,
    /// A value or `]` (just after `[`).
    ValueOrClose,
    /// A member name (after `,` in an object).
    Key,
    /// A member name or `}` (just after `{`).
    KeyOrClose,
    Colon,
    CommaOrClose,
    /// The document's value is complete: only whitespace may follow.
    End,
}

/// The top-level member whose value is being read, when it matters.
#[derive(Clone, Copy, PartialEq)]
enum Member {
    Id,
    Method,
    Other,
}

/// Scans `text` (see the module's documentation).
pub(super) fn scan(text: &[u8]) -> Scanned {
    let mut scanned = Scanned::default();
    if std::str::from_utf8(text).is_err() {
        return scanned;
    }
    let mut nesting: Vec<u8> = Vec::new();
    let mut expect = Expect::Value;
    let mut member = Member::Other;
    let mut at = 0;
    while at < text.len() {
        let byte = text[at];
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\r') {
            at += 1;
            continue;
        }
        match expect {
            Expect::End => return scanned,
            Expect::Value | Expect::ValueOrClose => {
                if expect == Expect::ValueOrClose && byte == b']' {
                    nesting.pop();
                    at += 1;
                    expect = after_value(&nesting);
                    continue;
                }
                // A member of the top-level object (not of an array at the top).
                let top_member = (nesting.as_slice() == b"{").then_some(member);
                let start = at;
                match byte {
                    b'{' | b'[' => {
                        nesting.push(byte);
                        at += 1;
                        expect = if byte == b'{' {
                            Expect::KeyOrClose
                        } else {
                            Expect::ValueOrClose
                        };
                        continue;
                    }
                    b'"' => match string_end(text, at) {
                        Some(end) => at = end,
                        None => return scanned,
                    },
                    b'-' | b'0'..=b'9' => match number_end(text, at) {
                        Some(end) => at = end,
                        None => return scanned,
                    },
                    _ => match ["true", "false", "null"]
                        .iter()
                        .find(|literal| text[at..].starts_with(literal.as_bytes()))
                    {
                        Some(literal) => at += literal.len(),
                        None => return scanned,
                    },
                }
                match top_member {
                    Some(Member::Id) => {
                        scanned.id = serde_json::from_slice::<Value>(&text[start..at])
                            .ok()
                            .filter(|id| id.is_string() || id.is_number() || id.is_null());
                    }
                    Some(Member::Method) => scanned.has_method = true,
                    _ => {}
                }
                expect = after_value(&nesting);
            }
            Expect::Key | Expect::KeyOrClose => {
                if expect == Expect::KeyOrClose && byte == b'}' {
                    nesting.pop();
                    at += 1;
                    expect = after_value(&nesting);
                    continue;
                }
                if byte != b'"' {
                    return scanned;
                }
                let Some(end) = string_end(text, at) else {
                    return scanned;
                };
                if nesting.len() == 1 {
                    member = match serde_json::from_slice::<String>(&text[at..end]).as_deref() {
                        Ok("id") => Member::Id,
                        Ok("method") => Member::Method,
                        _ => Member::Other,
                    };
                }
                at = end;
                expect = Expect::Colon;
            }
            Expect::Colon => {
                if byte != b':' {
                    return scanned;
                }
                at += 1;
                expect = Expect::Value;
            }
            Expect::CommaOrClose => {
                let open = nesting.last().copied();
                match (byte, open) {
                    (b',', Some(b'{')) => expect = Expect::Key,
                    (b',', Some(b'[')) => expect = Expect::Value,
                    (b'}', Some(b'{')) | (b']', Some(b'[')) => {
                        nesting.pop();
                        expect = after_value(&nesting);
                    }
                    _ => return scanned,
                }
                at += 1;
            }
        }
    }
    scanned.valid = expect == Expect::End;
    scanned
}

fn after_value(nesting: &[u8]) -> Expect {
    if nesting.is_empty() {
        Expect::End
    } else {
        Expect::CommaOrClose
    }
}

/// The index after the string starting with the `"` at `start`, if it is a valid one.
fn string_end(text: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        match *text.get(at)? {
            b'"' => return Some(at + 1),
            b'\\' => match *text.get(at + 1)? {
                b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => at += 2,
                b'u' => {
                    let digits = text.get(at + 2..at + 6)?;
                    if !digits.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    at += 6;
                }
                _ => return None,
            },
            0x00..=0x1f => return None,
            _ => at += 1,
        }
    }
}

/// The index after the number starting at `start`, if it is a valid JSON number.
fn number_end(text: &[u8], start: usize) -> Option<usize> {
    let digits_from = |at: usize| {
        let count = text[at.min(text.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        (count > 0).then_some(at + count)
    };
    let mut at = start;
    if text.get(at) == Some(&b'-') {
        at += 1;
    }
    at = match text.get(at) {
        Some(b'0') => at + 1,
        Some(b'1'..=b'9') => digits_from(at)?,
        _ => return None,
    };
    if text.get(at) == Some(&b'.') {
        at = digits_from(at + 1)?;
    }
    if matches!(text.get(at), Some(b'e' | b'E')) {
        at += 1;
        if matches!(text.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        at = digits_from(at)?;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_top_level_id_is_found_at_any_depth_of_the_rest() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let text = format!(r#"{{"jsonrpc":"2.0","method":"x","params":{deep},"id":7}}"#);
        assert_eq!(
            scan(text.as_bytes()),
            Scanned {
                valid: true,
                id: Some(json!(7)),
                has_method: true
            }
        );
        // An `id` inside the parameters is not the message's.
        let nested = r#"{"params":{"id":1},"\u0069d":"a\"b"}"#;
        assert_eq!(scan(nested.as_bytes()).id, Some(json!("a\"b")));
        assert_eq!(scan(br#"[{"id":1}]"#).id, None);
        assert_eq!(
            scan(br#"{"id":{"x":1}}"#).id,
            None,
            "not an id JSON-RPC allows"
        );
    }

    #[test]
    fn invalid_json_is_recognised_and_keeps_an_id_read_before_the_error() {
        for invalid in [
            &br#"{"id":1,"method":"#[..],
            br#"{"id":1} x"#,
            br#"{"id":01}"#,
            br#"{"id":1,}"#,
            br#"{"a":"\q"}"#,
            br#"["#,
            b"{\"a\":\"\x01\"}",
            b"",
        ] {
            assert!(!scan(invalid).valid, "{}", String::from_utf8_lossy(invalid));
        }
        assert_eq!(scan(br#"{"id":"x","params":[1,2"#).id, Some(json!("x")));
        for valid in [
            &br#"{"a":[1,-2.5e3,true,false,null,"\u00e9\n"],"b":{}}"#[..],
            b" [ ] ",
            b"0",
        ] {
            assert!(scan(valid).valid, "{}", String::from_utf8_lossy(valid));
        }
    }
}
