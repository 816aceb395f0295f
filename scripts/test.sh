#!/usr/bin/env bash
# The whole test suite, as README says: installs what it needs on a fresh machine, builds, lints,
# then runs every test file: unit tests, corpus ratchets and the integration tiers (a real DNS
# server, a real browser). Options:
#   --no-setup        skip installing packages and building (for a quick rerun)
#   FILE|FOLDER...    run only these test files (a folder: the test files in it)
set -euo pipefail
cd "$(dirname "$0")/.."

setup=1
files=()
for arg in "$@"; do
  case "$arg" in
    --no-setup) setup=0 ;;
    *)
      # a folder stands for the test files in it (Node 20's runner does not look into folders)
      if [ -d "$arg" ]; then mapfile -t -O "${#files[@]}" files < <(find "$arg" -name '*.test.ts' | sort)
      else files+=("$arg"); fi ;;
  esac
done

if [ "$setup" = 1 ]; then
  [ -d node_modules ] || npm ci
  npm run build --silent
  npx biome check src test bench scripts web/src
  npx tsc -p web/tsconfig.json

  # Integration tiers need Debian packages: the Knot DNS server and Chromium. Install them when
  # missing (we are root on these machines); without root the tests that need them skip and say so.
  need=()
  command -v knotd >/dev/null 2>&1 || need+=(knot)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
      echo "installing ${need[*]} for the integration tests" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
    else
      echo "note: missing ${need[*]}; integration tests that need them will be skipped" >&2
    fi
  fi
fi

# Node 20's test runner takes no glob patterns: list the files here.
if [ ${#files[@]} -eq 0 ]; then mapfile -t files < <(find test -name '*.test.ts' | sort); fi
node --import tsx --test --test-concurrency=2 "${files[@]}"
