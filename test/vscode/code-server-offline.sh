#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 served to a browser, with a real Node extension
# host) into DEST using only the npm registry and Debian's packages, plus Debian's Chromium to drive it.
# Usage: test/vscode/code-server-offline.sh DEST  → DEST/package/out/node/entry.js
set -euo pipefail
DEST=${1:?usage: code-server-offline.sh DEST}
VERSION=4.100.3   # the last code-server whose engines accept Node 20
if [ -f "$DEST/package/.installed-$VERSION" ]; then exit 0; fi

missing=()
for pkg in libkrb5-dev ripgrep chromium; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$DEST"
cd "$DEST"
echo "Installing code-server $VERSION into $DEST"
npm pack "code-server@$VERSION" --silent >/dev/null
tar xzf "code-server-$VERSION.tgz"
rm "code-server-$VERSION.tgz"
cd package
# Its postinstall would fetch ripgrep from the internet: install without scripts, rebuild the native
# modules here, and point VS Code at Debian's rg.
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
npm rebuild argon2 --loglevel=error >/dev/null
cd lib/vscode
npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
npm rebuild @parcel/watcher @vscode/spdlog kerberos native-watchdog @vscode/deviceid --loglevel=error >/dev/null
(cd node_modules/node-pty && npx --yes node-gyp rebuild >/dev/null 2>&1)
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
cd ../..
touch ".installed-$VERSION"
echo "code-server $VERSION ready"
