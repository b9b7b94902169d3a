#!/usr/bin/env bash
# Installs and builds the kit in the action's own checkout, once: a checkout with its dependencies only builds.
set -euo pipefail
cd "$KIT"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
elif [ ! -f dist/cli/main.js ]; then
  npm run build
fi
node bin/convergence.js --version
