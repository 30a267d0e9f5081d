#!/usr/bin/env bash
# Installs the Firebase Auth emulator (firebase-tools, ~350 MB, a few minutes: re2 compiles) into its
# own test package, outside the root install. Run by the CI gate before `npm run test:identity`.
set -euo pipefail
cd "$(dirname "$0")/.."
CI=true NO_UPDATE_NOTIFIER=1 npm ci --prefix tests/identity/firebase --no-audit --no-fund
test -x tests/identity/firebase/node_modules/.bin/firebase
