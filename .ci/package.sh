#!/usr/bin/env bash
# The package as a user gets it. Build the wheel from exactly what the Dockerfile copies (.ci/docker_context.py),
# check it holds one top-level package with every data file, install it into a fresh virtualenv, and use it from an
# empty folder outside the clone: extract, demo (load the packaged seeds, then serve), ingest, viz, the Neo4j launcher.
# Needs .ci/test.sh to have made .venv. About a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$(mktemp -d /tmp/policygraph-package.XXXXXX)
export POLICYGRAPH_DATA_DIR="$work/data" COLUMNS=200
unset POLICYGRAPH_ENGINE FALKORDB_URL NEO4J_URI POLICYGRAPH_GRAPH
pg() { "$work/venv/bin/policygraph" "$@"; }
server=""
cleanup() {
  [ -z "$server" ] || kill -TERM "$server" 2>/dev/null || true
  [ -x "$work/venv/bin/policygraph" ] && (cd "$work/empty" && pg db stop >/dev/null 2>&1 || true)
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "package check failed: $*" >&2; exit 1; }

echo "== the Docker build context, staged"
"$root/.venv/bin/python" -m pip install -q docker  # its exclude_paths reads .dockerignore as `docker build` does
src=$("$root/.venv/bin/python" .ci/docker_context.py "$work/context")
echo "pip install builds $src"

echo "== wheel"
"$root/.venv/bin/python" -m pip wheel -q --no-deps -w "$work/dist" "$src" 2>&1 | grep -v "BuildBackendWarning\|^ *$" || true
wheel=$(ls "$work"/dist/policygraph-*.whl)
"$root/.venv/bin/python" .ci/check_wheel.py "$wheel"

echo "== a fresh virtualenv, used from an empty folder"
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q "$wheel"
mkdir "$work/empty" && cd "$work/empty"
seeds=$("$work/venv/bin/python" -c 'from policygraph.core.seeds import SEEDS_DIR; print(SEEDS_DIR)')
case "$seeds" in "$work/venv/"*) ;; *) fail "the seeds resolve to $seeds, not inside the installed package" ;; esac
[ "$(ls "$seeds"/*.txt | wc -l)" = 5 ] || fail "the package holds $(ls "$seeds" | wc -l) seed files, not 5"

pg extract "$seeds"/*.txt --format json > extracted.jsonl
[ "$(wc -l < extracted.jsonl)" = 5 ] || fail "extract printed $(wc -l < extracted.jsonl) records for 5 seeds"
pg demo --no-serve > demo.txt
grep -q "临州办发〔2021〕76号" demo.txt || fail "demo did not print the 临夏 notice's lineage: $(tail -5 demo.txt)"
pg ingest "$seeds" > ingest.txt
pg viz document '临州办发〔2021〕76号' -o linxia.html > /dev/null
grep -q "临州办发〔2021〕76号" linxia.html || fail "viz wrote no page for the 临夏 notice"

port=$("$work/venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$work/venv/bin/policygraph" demo --port "$port" > serve.txt 2>&1 &  # not through pg(): $! must be the server
server=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fsS -o home.html "http://127.0.0.1:$port/" || fail "the served home page does not answer: $(tail -3 serve.txt)"
grep -q "PolicyGraph" home.html || fail "the served home page is not the explorer"
curl -fsS -o documents.json "http://127.0.0.1:$port/documents?limit=10" || fail "the served API does not answer"
grep -q "临州办发" documents.json || fail "the served API does not list the seeds"
kill -TERM "$server" && wait "$server" || true  # a background job ignores SIGINT
server=""

if command -v mvn >/dev/null && command -v javac >/dev/null; then
  pg db fetch-neo4j > /dev/null || fail "the Neo4j launcher source is not usable from the installed package"
fi
echo "== the installed package works from $work/empty (extract, demo, ingest, viz, serve, Neo4j launcher)"
