//! `.env` files, read one way: where a variable is defined and what its value is. The
//! database layer (`--database-url env`) reads the value, document links the line; both
//! follow dotenv: `KEY=value`, `export KEY=value`, spaces around `=`, `'single'` (literal)
//! or `"double"` quotes (`\n` escapes), `# comments`, and the last definition wins.

/// A variable's last definition in a `.env` file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    /// Zero-based line.
    pub line: u32,
    pub value: String,
}

/// The last definition of `variable` in the text of a `.env` file.
pub fn definition(text: &str, variable: &str) -> Option<Definition> {
    let mut found = None;
    for (index, line) in text.lines().enumerate() {
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
        found = Some(Definition {
            line: u32::try_from(index).unwrap_or(u32::MAX),
            value: unquoted(value.trim()),
        });
    }
    found
}

/// The value as dotenv reads it.
fn unquoted(value: &str) -> String {
    if let Some(inner) = value.strip_prefix('"') {
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, variable: &str) -> Option<String> {
        definition(text, variable).map(|d| d.value)
    }

    fn line(text: &str, variable: &str) -> Option<u32> {
        definition(text, variable).map(|d| d.line)
    }

    #[test]
    fn values_are_read_as_dotenv_reads_them() {
        let text = "# comment\nexport DATABASE_URL=\"postgres://a:b@h/db\\n\"\nOTHER=1\n";
        assert_eq!(
            value(text, "DATABASE_URL").as_deref(),
            Some("postgres://a:b@h/db\n")
        );
        assert_eq!(
            value("DATABASE_URL='x#y' # c\n", "DATABASE_URL").as_deref(),
            Some("x#y")
        );
        assert_eq!(
            value(
                "DATABASE_URL = plain # comment\nDATABASE_URL=last",
                "DATABASE_URL"
            )
            .as_deref(),
            Some("last")
        );
        assert_eq!(value("#DATABASE_URL=x", "DATABASE_URL"), None);
    }

    #[test]
    fn the_line_is_the_last_definitions() {
        let dotenv = "# comment\nDATABASE_URL=postgres://a\nexport DIRECT = x\nDATABASE_URL_2=b\nDATABASE_URL=\"second\"\n# DATABASE_URL=commented\n";
        assert_eq!(line(dotenv, "DATABASE_URL"), Some(4));
        assert_eq!(line(dotenv, "DIRECT"), Some(2));
        assert_eq!(line(dotenv, "MISSING"), None);
        assert_eq!(line(dotenv, "DATABASE"), None);
    }
}
