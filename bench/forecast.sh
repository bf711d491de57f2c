#!/usr/bin/env bash
# 24-hour-ahead forecast benchmark on ../shared/data (PJM East load, Newcastle PV).
# Usage: bench/forecast.sh [score|dev] [all|load|pv]   — results are printed as Markdown (see bench/results/forecast.md).
#        bench/forecast.sh lab   — load band variants side by side on the dev windows only (BandLab).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
cp_file=target/bench-classpath.txt
[ -f "$cp_file" ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
if [ "${1:-}" = lab ]; then
  exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
    ai.vidyut.console.forecast.BandLab "${DATA_DIR:-../shared/data}"
fi
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat "$cp_file")" \
  ai.vidyut.console.bench.forecast.ForecastBench "${DATA_DIR:-../shared/data}" "${1:-score}" "${2:-all}"
