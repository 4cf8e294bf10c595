#!/usr/bin/env bash
# Times `prisma-analyzer check` against `prisma validate` (whole processes, hyperfine) and the
# warm prisma-schema-wasm validator, on generated schemas of 1,000 and 3,000 models and on
# the real-world corpus, in one run. Needs hyperfine, node, and a folder where
# `npm install prisma @prisma/prisma-schema-wasm` was run (PRISMA_REF, default /tmp/bench-ref).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
ref=${PRISMA_REF:-/tmp/bench-ref}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --release -q
bin=target/release/prisma-analyzer
for models in 1000 3000; do
  # Prisma 7 rejects `url` in the datasource, so its variant is what `prisma validate` accepts.
  python3 "$shared/bench/gen_schema.py" --models "$models" --prisma7 > "$work/s$models.prisma"
done

echo "## machine"; nproc; lscpu | grep 'Model name' || true; free -g | head -2
echo "## versions"
"$bin" --version
PRISMA_SCHEMA_ENGINE_BINARY=/bin/true "$ref/node_modules/.bin/prisma" --version | head -3 || true

echo "## whole processes"
hyperfine -N --warmup 2 --runs 10 --export-markdown "$work/hyperfine.md" \
  "$bin check $work/s1000.prisma" \
  "$bin check $work/s3000.prisma" \
  "$bin check $shared/corpus/real" \
  "env PRISMA_SCHEMA_ENGINE_BINARY=/bin/true $ref/node_modules/.bin/prisma validate --schema $work/s1000.prisma" \
  "env PRISMA_SCHEMA_ENGINE_BINARY=/bin/true $ref/node_modules/.bin/prisma validate --schema $work/s3000.prisma"
cat "$work/hyperfine.md"

echo "## peak memory (max RSS)"
for f in "$work/s1000.prisma" "$work/s3000.prisma"; do
  /usr/bin/time -f "prisma-analyzer check $(basename "$f"): %M KB" "$bin" check "$f" > /dev/null
  PRISMA_SCHEMA_ENGINE_BINARY=/bin/true /usr/bin/time -f "prisma validate $(basename "$f"): %M KB" \
    "$ref/node_modules/.bin/prisma" validate --schema "$f" > /dev/null
done

echo "## phases of our check (in-process, 3 runs)"
cargo run --release -q --example phase_timings -- "$work/s3000.prisma"

echo "## warm wasm validator (in-process, median of 5)"
node "$shared/bench/wasm_validate.js" --wasm "$ref/node_modules/@prisma/prisma-schema-wasm" --runs 5 \
  "$work/s1000.prisma" "$work/s3000.prisma"
