#!/usr/bin/env bash
# End-to-end ingest throughput (MQTT publisher on loopback -> MqttSource -> Pipeline -> H2) beside the raw
# broker throughput and the store alone, in one run. Options: --messages N --readings-per-message K
# --assets A --broker tcp://host:port (default: embedded HiveMQ CE on a free loopback port).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -o -q -B test-compile
mvn -o -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-ingest-cp.txt >/dev/null
exec java -Xmx2g -cp "target/classes:target/test-classes:$(cat target/bench-ingest-cp.txt)" \
  ai.vidyut.console.bench.ingest.IngestBench "$@"
