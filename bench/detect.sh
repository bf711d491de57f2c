#!/usr/bin/env bash
# Anomaly-detection benchmark: SKAB + synthetic faults, every detector vs plain Isolation Forest, NAB and F1,
# hyperparameter search, throughput. Writes bench/results/detect.md.
# Options are passed to DetectBench: --trials N (default 12), --out FILE, --write-default models/detect/default.json
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
[ -f target/bench-cp.txt ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
# run from a snapshot of the compiled classes, so rebuilding during a long run cannot break it
snap=target/bench-detect-classes
rm -rf "$snap" && mkdir -p "$snap" && cp -r target/classes "$snap/main" && cp -r target/test-classes "$snap/test"
exec java -Xmx4g -Dvidyut.shared.data="$(pwd)/../shared/data" \
  -cp "$snap/main:$snap/test:$(cat target/bench-cp.txt)" \
  ai.vidyut.console.bench.detect.DetectBench "$@"
