#!/bin/sh
# End-to-end: the packaged extension in a real VS Code (code-server, from the npm registry),
# driven by Debian's Chromium. Opens a schema with a mistake and waits for our server's
# diagnostic in the Problems panel; saves a screenshot.
#
#   scripts/e2e.sh [--binary PATH]    (default: $PRISMA_ANALYZER_BIN, else target/release)
#
# Needs Debian's chromium, ripgrep and the headers code-server's native modules build
# against: apt-get install -y chromium ripgrep libkrb5-dev libx11-dev libxkbfile-dev
# libsecret-1-dev pkg-config. code-server is installed once into $E2E_DIR (default
# /tmp/prisma-analyzer-e2e) and reused.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
repo=$(cd "$here/../.." && pwd)
binary=${PRISMA_ANALYZER_BIN:-$repo/target/release/prisma-analyzer}
[ "${1-}" = --binary ] && binary=$2
case $binary in /*) ;; *) binary=$(pwd)/$binary ;; esac
E2E_DIR=${E2E_DIR:-/tmp/prisma-analyzer-e2e}
# The last code-server on Node 20 (4.103 and later need Node 22).
CODE_SERVER_VERSION=4.100.3
started=$(date +%s)

for tool in chromium rg cc pkg-config; do
  command -v $tool >/dev/null || { echo "e2e: $tool is missing (see the header of $0)" >&2; exit 1; }
done
for lib in krb5-gssapi x11 xkbfile libsecret-1; do
  pkg-config --exists $lib || { echo "e2e: the $lib headers are missing (see the header of $0)" >&2; exit 1; }
done

host=$E2E_DIR/host
code_server=$host/node_modules/.bin/code-server
if [ ! -f "$host/.installed-$CODE_SERVER_VERSION" ]; then
  echo "e2e: installing code-server $CODE_SERVER_VERSION into $host"
  rm -rf "$host" && mkdir -p "$host"
  echo '{ "name": "prisma-analyzer-e2e-host", "private": true }' > "$host/package.json"
  # code-server's own postinstall would fetch ripgrep from GitHub, which is out of reach
  # here: run its steps by hand instead, with Debian's ripgrep in the place of the download.
  (cd "$host" && npm install --ignore-scripts --no-audit --no-fund "code-server@$CODE_SERVER_VERSION" &&
    npm rebuild argon2)
  vscode=$host/node_modules/code-server/lib/vscode
  (cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund &&
    mkdir -p node_modules/@vscode/ripgrep/bin &&
    cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg &&
    npm_config_yes=true npm rebuild &&
    ln -sfn node_modules node_modules.asar &&
    (cd bin/remote-cli && ln -sfn code-linux.sh code-server) &&
    (cd bin/helpers && ln -sfn browser-linux.sh browser.sh) &&
    cd extensions && npm install --omit=dev --no-audit --no-fund)
  touch "$host/.installed-$CODE_SERVER_VERSION"
  echo "e2e: code-server installed in $(( $(date +%s) - started ))s"
fi

[ -d "$here/node_modules" ] || (cd "$here" && npm ci --no-audit --no-fund)
sh "$here/scripts/package.sh" --binary "$binary" | tail -1
vsix=$(ls "$here"/prisma-analyzer-*.vsix | head -1)

run=$E2E_DIR/run
rm -rf "$run" && mkdir -p "$run/project" "$run/data/User"
cp "$here/test/fixtures/advice.prisma" "$run/project/schema.prisma"
cat > "$run/data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none"
}
JSON
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$port" > "$run/config.yaml"
common="--config $run/config.yaml --user-data-dir $run/data --extensions-dir $run/extensions"
# No prisma-analyzer on PATH is needed: the extension starts the binary bundled in the .vsix.
"$code_server" $common --install-extension "$vsix"

# In a session of its own, so that stopping it stops its extension host and our server too.
setsid "$code_server" $common --disable-telemetry --disable-update-check --disable-workspace-trust \
  "$run/project" > "$run/code-server.log" 2>&1 &
server_pid=$!
stop() { kill -- "-$server_pid" 2>/dev/null || true; }
trap stop EXIT
for _ in $(seq 1 60); do
  grep -q 'HTTP server listening' "$run/code-server.log" && break
  sleep 0.5
done

# SCREENSHOT=docs/vscode-diagnostics.png refreshes the README's picture.
screenshot=${SCREENSHOT:-$run/vscode-diagnostics.png}
status=0
node "$here/scripts/e2e-drive.js" "http://127.0.0.1:$port/?folder=$run/project" schema.prisma \
  "unknown type \`Strng\`" "$screenshot" || status=$?
if [ $status -ne 0 ]; then
  echo "e2e: code-server's log:" >&2
  tail -40 "$run/code-server.log" >&2
  find "$run/data/logs" -iname '*prisma analyzer*' -exec tail -40 {} \; >&2 2>/dev/null || true
fi
echo "e2e: $( [ $status -eq 0 ] && echo passed || echo FAILED ) in $(( $(date +%s) - started ))s"
exit $status
