#!/usr/bin/env python3
"""Per-rule counts of the advisor's findings over a corpus: how many schemas and models each
rule fires on. Usage: bench/advice_stats.py [BINARY] [CORPUS] (defaults: the release binary
and ../shared/corpus/real). Prints a Markdown table; with --sample N also N findings drawn
evenly across rules (for judging noise by hand)."""
import json, re, subprocess, sys, collections, os

args = [a for a in sys.argv[1:] if not a.startswith("--")]
binary = args[0] if args else "target/release/prisma-analyzer"
corpus = args[1] if len(args) > 1 else "../shared/corpus/real"
sample = 0
if "--sample" in sys.argv:
    sample = int(sys.argv[sys.argv.index("--sample") + 1])
out = subprocess.run([binary, "check", corpus, "--format", "json"], capture_output=True, text=True).stdout
report = json.loads(out)
advice_prefixes = ("index/missing-fk-index", "index/redundant", "index/composite-order",
                   "index/soft-delete-partial", "soft-delete/", "tenant/", "types/", "security/", "model/",
                   "index/duplicate-unique", "index/implied-unique", "index/unindexed-reference",
                   "integrity/")
schemas = collections.defaultdict(set)
models = collections.defaultdict(set)
findings = collections.defaultdict(list)
texts = {}

def enclosing_block(path, line):
    """The name of the model (or other block) around a 1-based line."""
    if path not in texts:
        with open(path, encoding="utf-8") as f:
            texts[path] = f.read().split("\n")
    for text in reversed(texts[path][:line]):
        m = re.match(r"\s*(model|view|enum|type)\s+(\w+)", text)
        if m:
            return m.group(2)
    return "?"

for d in report["diagnostics"]:
    code = d["code"]
    if not code.startswith(advice_prefixes):
        continue
    # A schema is its top folder under the corpus (multi-file schemas are folders).
    rel = os.path.relpath(d["file"], corpus)
    schemas[code].add(rel.split(os.sep)[0])
    models[code].add((rel.split(os.sep)[0], enclosing_block(d["file"], d["range"]["start"]["line"])))
    findings[code].append(d)
print("| rule | findings | schemas | models |")
print("|---|---:|---:|---:|")
for code in sorted(findings):
    print(f"| `{code}` | {len(findings[code])} | {len(schemas[code])} | {len(models[code])} |")
if sample:
    print()
    codes = sorted(findings)
    picked = []
    i = 0
    while len(picked) < sample and any(findings[c] for c in codes):
        code = codes[i % len(codes)]
        items = findings[code]
        if items:
            picked.append(items.pop(len(items) // 2))
        i += 1
    for d in picked:
        print(f"- {d['code']} {d['file']}:{d['range']['start']['line']}: {d['message']}")
