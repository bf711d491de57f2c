#!/usr/bin/env bash
# Times `vidyut detect` on a generated CSV: bench/detect-cli.sh [rows=1000000] [columns=1]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
[ -f target/bench-cp.txt ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-cp.txt)" \
  ai.vidyut.console.bench.detect.DetectCliBench "${1:-1000000}" "${2:-1}"
