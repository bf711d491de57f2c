#!/usr/bin/env bash
# Storage benchmark: load 10.7M readings (4 series at 1 Hz over 31 days) through ReadingStore.append into an
# H2 file, then, in a fresh JVM, chart 30 days of one metric cold and warm (also while a writer appends).
# Usage: bench/store.sh [DIR] [DAYS] [SERIES]   (DIR default target/bench-store; reuses a loaded DIR)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir="${1:-target/bench-store}"
days="${2:-31}"
series="${3:-4}"
mvn -o -q -B test-compile
[ -f target/cp.txt ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
opts="-Xmx2g -Dlogback.configurationFile=src/test/resources/logback-test.xml"
if [ ! -f "$dir/vidyut.mv.db" ]; then
  java $opts -cp "$cp" ai.vidyut.console.bench.store.StoreBench load "$dir" "$days" "$series"
else
  echo "reusing loaded database in $dir (delete it to reload)"
fi
java $opts -cp "$cp" ai.vidyut.console.bench.store.StoreBench query "$dir"
