#!/usr/bin/env bash
# False alarms of live detection on the clean simulated site per day (by asset kind / metric and by type) and the
# injected simulator faults it still finds, through the real pipeline, LiveDetection and an H2 file, with the
# parameters of a fresh data folder (the shipped defaults). Options: --days N (default 8, at least 7), --step SECONDS
# (default 60), --seeds 7,8 (default 7), --sites 1,6 (simulator profiles, default 1), --out FILE (Markdown),
# --anomalies CSV (every false alarm of the clean runs), --train-after DAYS (also clean runs in which every series is
# trained from its history after DAYS days, as the automatic trainer does), --clean-only (no fault run; then
# --days may be 2-6, e.g. --step 1 --days 3 for the demo's one snapshot a second)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
[ -f target/bench-cp.txt ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-cp.txt >/dev/null
snap=target/bench-false-alarms-classes-$$
rm -rf "$snap" && mkdir -p "$snap" && cp -r target/classes "$snap/main" && cp -r target/test-classes "$snap/test"
trap 'rm -rf "$snap"' EXIT
java -Xmx2g -cp "$snap/main:$snap/test:$(cat target/bench-cp.txt)" \
  ai.vidyut.console.bench.detect.FalseAlarmBench "$@"
