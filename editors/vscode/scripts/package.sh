#!/bin/sh
# Builds editors/vscode/prisma-analyzer-<version>.vsix with the server binary in server/.
#
#   scripts/package.sh [--build] [--binary PATH] [--no-server]
#
#   --build       build the release binary first (cargo build --release, in the repository)
#   --binary P    bundle this binary (default: $PRISMA_ANALYZER_BIN, else the repository's
#                 target/release/prisma-analyzer)
#   --no-server   a .vsix without a bundled server (it then uses prisma-analyzer on PATH)
#
# Needs only the npm registry (npm ci) and cargo for --build. Checks the .vsix's contents.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/../.." && pwd)
build=0
bundle=1
binary=${PRISMA_ANALYZER_BIN:-$repo/target/release/prisma-analyzer}
while [ $# -gt 0 ]; do
  case $1 in
    --build) build=1 ;;
    --binary) binary=$2; shift ;;
    --no-server) bundle=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

# A relative --binary is relative to where the script was called from.
case $binary in /*) ;; *) binary=$(pwd)/$binary ;; esac
cd "$here"
if [ "$build" = 1 ]; then
  (cd "$repo" && cargo build --release --locked)
  binary=$repo/target/release/prisma-analyzer
fi

rm -rf server
if [ "$bundle" = 1 ]; then
  [ -x "$binary" ] || { echo "no server binary at $binary (use --build or --binary)" >&2; exit 1; }
  mkdir server
  cp "$binary" server/prisma-analyzer
  chmod 755 server/prisma-analyzer
  # Debug symbols are most of a release binary's size; the .vsix does not need them.
  if command -v strip >/dev/null; then strip server/prisma-analyzer; fi
fi

[ -d node_modules ] || npm ci --no-audit --no-fund
npm run compile
version=$(node -p 'require("./package.json").version')
vsix=$here/prisma-analyzer-$version.vsix
rm -f "$vsix"
# --skip-license: the repository's licence file lives at its root, outside the extension.
npx vsce package --skip-license -o "$vsix"

# The .vsix is a zip: the manifest, the client, the grammar and (if bundled) the server must
# be in it, and none of the sources or tests.
listing=$(python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$vsix")
expect() {
  echo "$listing" | grep -qx "$1" || { echo "the .vsix lacks $1" >&2; echo "$listing" >&2; exit 1; }
}
refuse() {
  if echo "$listing" | grep -q "$1"; then echo "the .vsix holds $1" >&2; exit 1; fi
}
expect extension/package.json
expect extension/out/extension.js
expect extension/out/wiring.js
expect extension/language-configuration.json
expect extension/syntaxes/prisma.tmLanguage.json
expect extension/node_modules/vscode-languageclient/package.json
[ "$bundle" = 0 ] || expect extension/server/prisma-analyzer
refuse '^extension/src/'
refuse '^extension/test/'
refuse '^extension/node_modules/typescript/'
refuse '^extension/node_modules/@vscode/vsce/'
echo "$vsix ($(du -k "$vsix" | cut -f1) KiB, $(echo "$listing" | wc -l) files)"
