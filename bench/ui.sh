#!/usr/bin/env bash
# UI live-path benchmark: a producer hands committed batches to the LiveFeed at a target rate; the FX thread
# (headless Monocle) drains it every 250 ms into a dashboard model. Prints FX work per tick, updates per second
# and how long a runnable posted to the FX thread waits (responsiveness).
# Usage: bench/ui.sh [SECONDS=20] [READINGS_PER_SECOND=50000] [SITES=10]   (rate 0 = as fast as possible)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
[ -f target/cp.txt ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt >/dev/null
cp="target/classes:target/test-classes:$(cat target/cp.txt)"
java -Xmx1g -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -Dlogback.configurationFile=src/test/resources/logback-test.xml \
  -cp "$cp" ai.vidyut.console.bench.ui.LiveFeedBench "${1:-20}" "${2:-50000}" "${3:-10}"
