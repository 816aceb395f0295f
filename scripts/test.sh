#!/usr/bin/env bash
# The whole test suite, as README says: installs what it needs on a fresh machine, then runs
# unit tests, corpus ratchets and the integration tiers (real DNS server, browser, database).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci
npm run build --silent
npx biome check src test bench scripts web/src
npx tsc -p web/tsconfig.json

# Integration tiers need Debian packages; install them when missing (we are root on these machines).
need=()
command -v knotd >/dev/null 2>&1 || need+=(knot)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "note: missing ${need[*]}; integration tests that need them will be skipped" >&2
  fi
fi

mapfile -t files < <(find test -name '*.test.ts' | sort)
node --import tsx --test --test-concurrency=2 "${files[@]}"
