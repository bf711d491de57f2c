#!/usr/bin/env bash
# Voice benchmark: accuracy, out-of-grammar rejection and latency of offline recognition on speech synthesised
# at bench time (espeak-ng + sox, several voices, rates, with and without noise). Needs: apt-get install espeak-ng sox
# Usage: bench/voice.sh [--quick]     (writes bench/results/voice.md)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
command -v espeak-ng >/dev/null && command -v sox >/dev/null || { echo "needs espeak-ng and sox (apt-get install -y espeak-ng sox)" >&2; exit 1; }
mvn -o -q -B test-compile
cp_file=target/voice-bench-cp.txt
[ -f "$cp_file" ] && [ "$cp_file" -nt pom.xml ] || mvn -o -q -B dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
data_dir="${VIDYUT_BENCH_DATA_DIR:-target/voice-bench-data}"
# run from a copy of the classes, so that a build during the run cannot change them under the benchmark
rm -rf target/voice-bench-classes && mkdir -p target/voice-bench-classes
cp -r target/classes target/voice-bench-classes/main && cp -r target/test-classes target/voice-bench-classes/test
mkdir -p bench/results
{
  echo "# Voice benchmark results"
  echo
  echo "Measured $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores with: \`bench/voice.sh $*\`"
  echo
  java -Dvidyut.bench.dataDir="$data_dir" -cp "target/voice-bench-classes/main:target/voice-bench-classes/test:$(cat "$cp_file")" \
    ai.vidyut.console.bench.voice.VoiceBench "$@" 2> target/voice-bench.log
} | tee bench/results/voice.md.tmp
mv bench/results/voice.md.tmp bench/results/voice.md
