#!/usr/bin/env bash
# Install everything the tests need, then run them on both engines (FalkorDB embedded, Neo4j 5.26 from Maven Central).
# The README's "Tests" command; .ci/run calls it too. Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

phase_started=0
phase() { phase_started=$(date +%s); echo "== $1"; }
phase_done() { echo "== $1 took $(( $(date +%s) - phase_started )) s"; }

phase "system packages"
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  # Chromium drives the browser tests of the explorer pages (Playwright uses it as is: no browser download).
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
for tool in java javac mvn; do command -v "$tool" >/dev/null || echo "warning: $tool not found: the Neo4j tests will skip (fail under CI=true)"; done
phase_done "system packages"

phase "python packages"
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
phase_done "python packages"

phase "neo4j artifacts (Maven Central)"
if command -v mvn >/dev/null && command -v javac >/dev/null; then .venv/bin/policygraph db fetch-neo4j; fi
phase_done "neo4j artifacts (Maven Central)"

phase "tests"
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
phase_done "tests"
if [ "$status" = 5 ]; then echo "no tests were collected: failing"; exit 1; fi
exit "$status"
