#!/usr/bin/env bash
# Storage benchmarks (see bench/results/store.md).
#   bench/store.sh [DIR] [DAYS] [SERIES]   load DAYS x SERIES readings at 1 Hz (default 31 x 4 = 10.7M) through
#                                         ReadingStore.append into an H2 file in DIR (default target/bench-store),
#                                         then, in a fresh JVM, chart 30 days of one metric cold and warm.
#                                         A DIR that already holds a database is reused (delete it to reload).
#   bench/store.sh import [ROWS]          write a long-format CSV of ROWS lines (default 1M) and import it twice.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
[ -f target/cp.txt ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
run() { java -Xmx2g -Dlogback.configurationFile=src/test/resources/logback-test.xml -cp "$cp" \
  ai.vidyut.console.bench.store.StoreBench "$@"; }
if [ "${1:-}" = "import" ]; then
  run import target/bench-store-import "${2:-1000000}"
  exit 0
fi
dir="${1:-target/bench-store}"
if [ ! -f "$dir/vidyut.mv.db" ]; then
  run load "$dir" "${2:-31}" "${3:-4}"
else
  echo "reusing the database in $dir (delete it to reload)"
fi
run query "$dir"
