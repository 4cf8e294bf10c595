#!/usr/bin/env python3
"""Draws the advisor findings to judge by hand, and turns judged findings into the precision
table of docs/advisor-evaluation.md.

  bench/advice_sample.py sample [--binary B] [--corpus DIR] [--seed N] [--per-rule 30]
      Checks the corpus (and copies of the multi-tenant schemas with their tenant key
      configured), then writes to stdout a TSV of findings to judge: every finding of a rule
      with at most --per-rule findings, else a seeded random sample of that many. Columns:
      id, rule, level, project, location, message, fix (safe/unsafe/none: title), verdict,
      reason (the last two empty, for the judge). With --context FILE, also writes each
      finding's model (or block) text, for the judge to read.

  bench/advice_sample.py table FILE.tsv
      Reads a judged TSV (verdict = real, debatable or noise) and prints the precision table
      per rule, with the level each rule earns by the project's bars: warning needs >= 90%
      real or debatable and >= 70% real; info >= 70% real or debatable; below that hint or
      off.

Only the standard library; the corpus is ../shared/corpus/real by default.
"""
import argparse
import collections
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

# The multi-tenant projects of the corpus and their tenant key and model (judged by reading
# them): the tenant rules are silent unless told which key a schema uses.
TENANTS = {
    "boxyhq": ("teamId", "Team"),
    "documenso": ("teamId", "Team"),
    "unsend": ("teamId", "Team"),
    "papermark": ("teamId", "Team"),
    "trycompai": ("organizationId", "Organization"),
    "inbox-zero": ("emailAccountId", "EmailAccount"),
    "formbricks": ("environmentId", "Environment"),
    "dub": ("projectId", "Project"),
}


def advice_codes(binary):
    """The advisor's codes: those `rule --list` summarises as advice (lines `code  level
    summary`; validation codes share some prefixes, `index/argument` …)."""
    out = subprocess.run([binary, "rule", "--list"], capture_output=True, text=True).stdout
    codes = set()
    for line in out.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 3 and parts[2].startswith("advice:"):
            codes.add(parts[0])
    return codes


def check(binary, path, cwd=None):
    out = subprocess.run(
        [binary, "check", path, "--format", "json"], capture_output=True, text=True, cwd=cwd
    ).stdout
    return json.loads(out)["diagnostics"]


def project_of(path):
    """`owner/repo` style project name from a corpus file or folder name."""
    base = os.path.basename(path.rstrip("/"))
    parts = base.split("__")
    return parts[1] if len(parts) > 1 else base


def block_text(path, line):
    """The text of the block (model, enum, …) around a 1-based line."""
    with open(path, encoding="utf-8", errors="replace") as f:
        lines = f.read().split("\n")
    start = line - 1
    while start > 0 and not re.match(r"\s*(model|view|enum|type|datasource|generator)\s", lines[start]):
        start -= 1
    end = start
    while end < len(lines) - 1 and not lines[end].startswith("}"):
        end += 1
    return "\n".join(lines[start : end + 1])


def tenant_copies(corpus, scratch):
    """Copies of the multi-tenant schemas, each with a prisma-analyzer.toml naming its key."""
    copies = []
    for entry in sorted(os.listdir(corpus)):
        project = project_of(entry).lower()
        match = next((key for name, key in TENANTS.items() if name in project), None)
        if not match:
            continue
        target = os.path.join(scratch, entry if os.path.isdir(os.path.join(corpus, entry)) else entry + ".d")
        source = os.path.join(corpus, entry)
        if os.path.isdir(source):
            shutil.copytree(source, target)
        else:
            os.makedirs(target)
            shutil.copy(source, os.path.join(target, "schema.prisma"))
        with open(os.path.join(target, "prisma-analyzer.toml"), "w") as f:
            f.write(f'[tenant]\nkey = "{match[0]}"\nmodel = "{match[1]}"\n')
        copies.append((entry, target))
    return copies


def sample(args):
    codes = advice_codes(args.binary)
    findings = []
    for d in check(args.binary, args.corpus):
        if d["code"] in codes and not d["code"].startswith("tenant/"):
            rel = os.path.relpath(d["file"], args.corpus)
            findings.append((d, rel.split(os.sep)[0], d["file"]))
    with tempfile.TemporaryDirectory() as scratch:
        for entry, copy in tenant_copies(args.corpus, scratch):
            for d in check(args.binary, copy):
                if d["code"].startswith("tenant/"):
                    findings.append((d, entry, d["file"]))
        by_rule = collections.defaultdict(list)
        for finding in findings:
            by_rule[finding[0]["code"]].append(finding)
        rng = random.Random(args.seed)
        rows, contexts = [], []
        for rule in sorted(by_rule):
            population = by_rule[rule]
            picked = population if len(population) <= args.per_rule else rng.sample(population, args.per_rule)
            picked.sort(key=lambda f: (f[1], f[0]["range"]["start"]["line"]))
            for d, entry, path in picked:
                fix = d["fixes"][0] if d["fixes"] else None
                fix_text = f'{fix["applicability"]}: {fix["title"]}' if fix else "none"
                location = f'{os.path.relpath(path, args.corpus) if not path.startswith(scratch) else os.path.relpath(path, scratch)}:{d["range"]["start"]["line"]}'
                ident = f"{rule.replace('/', '-')}-{len([r for r in rows if r[1] == rule]) + 1}"
                rows.append([ident, rule, d["severity"], project_of(entry), location,
                             d["message"], fix_text, "", ""])
                contexts.append((ident, d["message"], block_text(path, d["range"]["start"]["line"])))
        print("\t".join(["id", "rule", "level", "project", "location", "message", "fix", "verdict", "reason"]))
        for row in rows:
            print("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))
        summary = {rule: len(found) for rule, found in sorted(by_rule.items())}
        print(json.dumps(summary), file=sys.stderr)
        if args.context:
            with open(args.context, "w") as f:
                for ident, message, text in contexts:
                    f.write(f"## {ident}\n{message}\n```prisma\n{text}\n```\n\n")


LEVEL_BARS = "warning: >= 90% real+debatable and >= 70% real; info: >= 70% real+debatable; else hint or off"


def table(args):
    counts = collections.defaultdict(collections.Counter)
    with open(args.file, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            verdict = row.get("verdict", "").strip()
            if verdict not in ("real", "debatable", "noise"):
                sys.exit(f"{row.get('id')}: verdict {verdict!r} is not real, debatable or noise")
            counts[row["rule"]][verdict] += 1
    print("| rule | judged | real | debatable | noise | real % | real+debatable % | earns |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for rule in sorted(counts):
        c = counts[rule]
        n = sum(c.values())
        real = 100 * c["real"] / n
        useful = 100 * (c["real"] + c["debatable"]) / n
        earns = "warning" if useful >= 90 and real >= 70 else "info" if useful >= 70 else "hint or off"
        print(f"| `{rule}` | {n} | {c['real']} | {c['debatable']} | {c['noise']} | {real:.0f} | {useful:.0f} | {earns} |")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--binary", default="target/release/prisma-analyzer")
    s.add_argument("--corpus", default="../shared/corpus/real")
    s.add_argument("--seed", type=int, default=20261207)
    s.add_argument("--per-rule", type=int, default=30)
    s.add_argument("--context")
    t = sub.add_parser("table")
    t.add_argument("file")
    args = parser.parse_args()
    sample(args) if args.command == "sample" else table(args)


if __name__ == "__main__":
    main()
