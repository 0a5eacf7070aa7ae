#!/usr/bin/env bash
# Runs every test project and prints one closing line: "N passed, N failed, N skipped".
# Usage: tests/run.sh [extra dotnet test arguments, e.g. --filter Category!=Slow]
set -uo pipefail
cd "$(dirname "$0")/.."
results="$(mktemp -d)"
# The state store's tests run on SQLite and on PostgreSQL: a throw-away cluster on a loopback port for this run
# (tests/pg-cluster.sh; its connection string in CRAWLER_TEST_POSTGRES). Without a PostgreSQL server the PostgreSQL
# tests are reported as skipped, with the reason.
if [ -z "${CRAWLER_TEST_POSTGRES:-}" ]; then
  # shellcheck source=tests/pg-cluster.sh
  source tests/pg-cluster.sh start || echo "run.sh: PostgreSQL tests will be skipped (no cluster)"
  trap 'bash tests/pg-cluster.sh stop "${PG_TEST_DIR:-}"' EXIT
fi
dotnet build Crawler.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; exit 1; }
dotnet test Crawler.sln -c Release --no-build -nologo \
  --logger "trx;LogFilePrefix=run" --results-directory "$results" "$@"
status=$?
python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    if c is None:
        continue
    passed += int(c.get("passed", 0))
    failed += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
rm -rf "$results"
exit $status
