#!/usr/bin/env bash
# Installs and builds the kit in the action's own checkout, once: a runner that already has it (a cache) skips this.
set -euo pipefail
cd "$KIT"
if [ -f dist/cli/main.js ] && [ -d node_modules ]; then
  echo "convergence-kit already installed in $KIT"
else
  npm ci --no-audit --no-fund
fi
node bin/convergence.js --version
