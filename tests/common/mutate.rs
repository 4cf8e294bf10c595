//! Seeded mutations of schemas, for the properties that must hold on every input: damage
//! line by line, byte noise, and mutations that follow the syntax tree (whole nodes
//! deleted, duplicated, swapped or replaced by another node of their kind). Deterministic:
//! the same seed gives the same mutants.

use prisma_analyzer::syntax;

/// xorshift64*: tiny, deterministic, good enough to pick mutations.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            0
        } else {
            (self.next() % bound as u64) as usize
        }
    }
}

/// Tokens a half-typed or damaged schema holds where they do not belong.
pub const STRAY: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "@",
    "@@",
    "?",
    "[]",
    "=",
    ",",
    ":",
    "\n",
    "\r\n",
    "\t",
    "  ",
    "//",
    "// note",
    "///",
    "/*",
    "*/",
    "/* c */",
    "/* a\n   b */",
    "\n/* x\n  y\n*/\n",
    "model ",
    "model X {",
    "enum E {",
    "@id",
    "@unique",
    "@default(",
    "@relation(",
    "@relation(\"r\")",
    "@@index([",
    "@@map(\"t\")",
    " String",
    " Int?",
    "\n  other Other[]\n",
    "\n  extra   Int   @default(1)\n",
    "{{{",
];

/// Fragments that stress the grammar's recovery: brackets, quotes, keywords, attributes,
/// line breaks of every kind, escapes and multi-byte characters.
pub const FRAGMENTS: &[&[u8]] = &[
    b"{",
    b"}",
    b"(",
    b")",
    b"[",
    b"]",
    b"\"",
    b"\\",
    b"@",
    b"@@",
    b".",
    b",",
    b":",
    b"=",
    b"?",
    b"!",
    b"\n",
    b"\r\n",
    b"\r",
    b"\t",
    b" ",
    b"//",
    b"///",
    b"/*",
    b"*/",
    b"model ",
    b"enum ",
    b"type ",
    b"view ",
    b"datasource ",
    b"generator ",
    b"model X {",
    b"@relation(fields: [",
    b"@db.",
    b"@default(",
    b"env(\"",
    b"\\u",
    b"\\ud83d",
    b"-1.5e3",
    b"\xc3\xa9",
    b"\xf0\x9f\x98\x80",
    b"Unsupported(\"",
    b"[]?",
    b"@@index([",
    b"where: {",
    b"\xef\xbb\xbf",
];

/// Byte-level noise: ranges deleted, fragments inserted, chunks copied, truncation, random
/// bytes (the result may not be UTF-8).
pub fn mutate_bytes(input: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut bytes = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            1 | 2 => {
                let fragment = FRAGMENTS[rng.below(FRAGMENTS.len())];
                bytes.splice(at..at, fragment.iter().copied());
            }
            3 => {
                let len = rng.below(128).min(bytes.len() - at.min(bytes.len()));
                let chunk: Vec<u8> = bytes[at..at + len].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, chunk);
            }
            4 => bytes.truncate(at),
            _ => {
                for _ in 0..rng.below(8) {
                    let byte = (rng.next() & 0xff) as u8;
                    let position = rng.below(bytes.len() + 1);
                    bytes.insert(position, byte);
                }
            }
        }
    }
    bytes
}

/// Up to `at` on a character boundary.
pub fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The byte ranges of the lines of `text`, each with its line break.
pub fn line_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (index, byte) in text.bytes().enumerate() {
        if byte == b'\n' {
            ranges.push(start..index + 1);
            start = index + 1;
        }
    }
    if start < text.len() {
        ranges.push(start..text.len());
    }
    ranges
}

/// One random mutation of `text`, line by line: truncated, a bracket or a range or a line
/// deleted, a stray token, a line duplicated elsewhere, two lines swapped.
pub fn damage_lines(text: &str, rng: &mut Rng) -> String {
    let mut out = text.to_string();
    let lines = line_ranges(text);
    match rng.below(8) {
        // Truncated (an editor's buffer half-written, a file cut short).
        0 => out.truncate(floor_boundary(text, rng.below(text.len() + 1))),
        // A bracket deleted.
        1 => {
            let brackets: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|(_, b)| b"{}()[]".contains(b))
                .map(|(i, _)| i)
                .collect();
            if !brackets.is_empty() {
                let at = brackets[rng.below(brackets.len())];
                out.replace_range(at..at + 1, "");
            }
        }
        // A stray token.
        2 | 3 => {
            let at = floor_boundary(text, rng.below(text.len() + 1));
            out.insert_str(at, STRAY[rng.below(STRAY.len())]);
        }
        // A range deleted.
        4 => {
            let start = floor_boundary(text, rng.below(text.len() + 1));
            let end = floor_boundary(text, start + rng.below(60));
            out.replace_range(start..end, "");
        }
        // A line deleted.
        5 if !lines.is_empty() => {
            out.replace_range(lines[rng.below(lines.len())].clone(), "");
        }
        // A line duplicated (somewhere else).
        6 if !lines.is_empty() => {
            let line = &text[lines[rng.below(lines.len())].clone()];
            let at = lines[rng.below(lines.len())].start;
            let line = if line.ends_with('\n') {
                line.to_string()
            } else {
                format!("{line}\n")
            };
            out.insert_str(at, &line);
        }
        // Two lines swapped.
        _ if lines.len() > 1 => {
            let (a, b) = (rng.below(lines.len()), rng.below(lines.len()));
            let (a, b) = (a.min(b), a.max(b));
            if a != b {
                let (first, second) = (&text[lines[a].clone()], &text[lines[b].clone()]);
                let first = first.trim_end_matches('\n');
                let second = second.trim_end_matches('\n');
                let mut swapped = String::new();
                swapped.push_str(&text[..lines[a].start]);
                swapped.push_str(second);
                swapped.push_str(&text[lines[a].start + first.len()..lines[b].start]);
                swapped.push_str(first);
                swapped.push_str(&text[lines[b].start + second.len()..]);
                out = swapped;
            }
        }
        _ => {}
    }
    out
}

/// The named nodes of `text`'s syntax tree (by byte range and kind), in document order.
fn named_nodes(text: &str) -> Vec<(std::ops::Range<usize>, u16)> {
    let tree = syntax::parse(text, None);
    let mut nodes = Vec::new();
    let mut cursor = tree.walk();
    loop {
        let node = cursor.node();
        if node.is_named() && !node.byte_range().is_empty() {
            nodes.push((node.byte_range(), node.kind_id()));
        }
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return nodes;
            }
        }
    }
}

/// One mutation that follows the syntax tree: a node (a block, field, attribute, argument,
/// name…) deleted, duplicated after itself, replaced by another node of the same kind, two
/// nodes of one kind swapped, wrapped in brackets, or the whole text's line breaks turned
/// into `\r\n` or `\r`.
pub fn mutate_syntax(text: &str, rng: &mut Rng) -> String {
    let nodes = named_nodes(text);
    if nodes.is_empty() {
        return text.to_string();
    }
    let (range, kind) = nodes[rng.below(nodes.len())].clone();
    let same_kind: Vec<&std::ops::Range<usize>> = nodes
        .iter()
        .filter(|(other, k)| *k == kind && other != &range)
        .map(|(other, _)| other)
        .collect();
    let piece = &text[range.clone()];
    let mut out = text.to_string();
    match rng.below(7) {
        0 => out.replace_range(range, ""),
        1 => out.insert_str(range.end, &format!(" {piece}")),
        2 if !same_kind.is_empty() => {
            let other = same_kind[rng.below(same_kind.len())];
            out.replace_range(range, &text[other.clone()]);
        }
        3 if !same_kind.is_empty() => {
            let other = same_kind[rng.below(same_kind.len())].clone();
            // Only when apart: nested nodes of one kind cannot trade places.
            if other.end <= range.start || range.end <= other.start {
                let (first, second) = if other.start < range.start {
                    (other, range)
                } else {
                    (range, other)
                };
                out = format!(
                    "{}{}{}{}{}",
                    &text[..first.start],
                    &text[second.clone()],
                    &text[first.end..second.start],
                    &text[first.clone()],
                    &text[second.end..]
                );
            }
        }
        4 => {
            let (open, close) = [("(", ")"), ("[", "]"), ("{", "}"), ("\"", "\"")][rng.below(4)];
            out = format!(
                "{}{open}{piece}{close}{}",
                &text[..range.start],
                &text[range.end..]
            );
        }
        5 => {
            let normalized = text.replace("\r\n", "\n");
            out = if rng.below(2) == 0 {
                normalized.replace('\n', "\r\n")
            } else {
                normalized.replace('\n', "\r")
            };
        }
        _ => {
            let fragment =
                String::from_utf8_lossy(FRAGMENTS[rng.below(FRAGMENTS.len())]).into_owned();
            let at = if rng.below(2) == 0 {
                range.start
            } else {
                range.end
            };
            out.insert_str(at, &fragment);
        }
    }
    out
}

/// One to three mutations of any of the three sorts (byte noise kept UTF-8).
pub fn mutate(text: &str, rng: &mut Rng) -> String {
    let mut out = text.to_string();
    for _ in 0..=rng.below(3) {
        out = match rng.below(3) {
            0 => mutate_syntax(&out, rng),
            1 => damage_lines(&out, rng),
            _ => String::from_utf8_lossy(&mutate_bytes(out.as_bytes(), rng)).into_owned(),
        };
    }
    out
}
