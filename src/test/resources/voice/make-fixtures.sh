#!/usr/bin/env bash
# Regenerates the WAV fixtures of the voice tests: every command of commands.txt and every sentence of
# out-of-grammar.txt, spoken by two espeak-ng voices, as 16 kHz mono 16-bit WAV with the silence trimmed.
# Needs: apt-get install -y espeak-ng sox.   Usage: src/test/resources/voice/make-fixtures.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/wav"
rm -rf "$out"
mkdir -p "$out"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
voices=("en-us" "en-gb+f3")
make() { # name text
  local name="$1" text="$2" v i=0
  for v in "${voices[@]}"; do
    espeak-ng -v "$v" -s 165 -w "$tmp/raw.wav" "$text"
    # 16 kHz mono 16-bit; trim leading/trailing silence, keep 0.15 s of it at both ends
    sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 "$tmp/trim.wav" silence 1 0.02 0.5% reverse silence 1 0.02 0.5% reverse
    sox "$tmp/trim.wav" "$out/${name}-${v//+/-}.wav" pad 0.15 0.15
    i=$((i + 1))
  done
}
n=0
grep -v '^\s*#' "$here/commands.txt" | grep -v '^\s*$' | while IFS='|' read -r phrase _; do
  n=$((n + 1)); make "$(printf 'cmd%02d' "$n")" "$(echo "$phrase" | xargs)"
done
n=0
grep -v '^\s*#' "$here/out-of-grammar.txt" | grep -v '^\s*$' | while read -r sentence; do
  n=$((n + 1)); make "$(printf 'oog%02d' "$n")" "$sentence"
done
du -sh "$out"
