#!/usr/bin/env bash
# Automatic (self-supervised) training from stored history: per-series held-out objective of the trained parameters
# vs the shipped defaults, activation, and training time; plus one 1-reading-a-second series. Writes
# bench/results/detect-training.md. Options: --days N (default 7), --trials N (default 6), --out FILE
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
[ -f target/bench-cp.txt ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
snap=target/bench-detect-training-classes
rm -rf "$snap" && mkdir -p "$snap" && cp -r target/classes "$snap/main" && cp -r target/test-classes "$snap/test"
exec java -Xmx4g -cp "$snap/main:$snap/test:$(cat target/bench-cp.txt)" \
  ai.vidyut.console.bench.detect.HistoryTrainingBench "$@"
