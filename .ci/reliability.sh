#!/usr/bin/env bash
# The reliability suite (tests/reliability: hostile input, faults, concurrency, security) on both engines.
# Same installation as the normal tests (.ci/test.sh), then only the tests marked `reliability`. About 15 minutes
# on 2 cores; the figures it measures are written to build/reliability/figures.json and printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
exec bash .ci/test.sh -m reliability tests/reliability "$@"
