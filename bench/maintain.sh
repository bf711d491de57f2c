#!/usr/bin/env bash
# Maintenance benchmark: C-MAPSS FD001 RUL, AI4I 2020 machine failure, CWRU bearing faults.
# Usage: bench/maintain.sh [cmapss|ai4i|cwru ...]   (default: all). Quoted results: bench/results/maintain.md
# Development (RUL model only, several development seeds in one run, never the scored one):
#   JAVA_TOOL_OPTIONS='-Dbench.dev.seeds=1,2,3,4,5' bench/maintain.sh cmapss-dev
#   (add -Dbench.dev.intervals=false to fit the point model only: about half the time, coverage then meaningless)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
data="${VIDYUT_SHARED_DATA:-../shared/data}"
mvn -o -q -B test-compile
cp_file=target/bench-classpath.txt
if [ ! -f "$cp_file" ] || [ pom.xml -nt "$cp_file" ]; then
  mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=test >/dev/null
fi
# Run from a snapshot of the compiled classes, so that a rebuild during a long run cannot pull classes from under it.
snap="$(mktemp -d)"
trap 'rm -rf "$snap"' EXIT
cp -r target/classes target/test-classes "$snap"/
java -Xmx3g -cp "$snap/classes:$snap/test-classes:$(cat "$cp_file")" \
  ai.vidyut.console.bench.maintain.MaintainBench "$data" "$@"
