#!/usr/bin/env bash
# Instruction counts per parse for every payload and variant of asyncord-model's `parse` bench,
# under valgrind's callgrind (machine load does not change them).
#
#   .bench/parse_callgrind.sh        (needs valgrind; builds the bench with the bench profile)
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET=${CARGO_TARGET_DIR:-target}
cargo bench -q -p asyncord-model --bench parse --no-run 2>/dev/null
BIN=$(ls -t "$TARGET"/release/deps/parse-* | grep -v '\.d$' | head -1)
OUT=$(mktemp -d)
printf '%-26s %8s %14s %14s %10s %14s %14s %16s %16s\n' payload bytes value_serde value_simd peek typed_serde typed_simd two_step_serde two_step_simd
for payload in message_create presence_update typing_start interaction_create guild_create_1000m_200c guild_members_chunk_1000; do
  case $payload in guild_*) n=5 ;; *) n=200 ;; esac
  PARSE_COUNT=$n PARSE_CASE=$payload valgrind --tool=callgrind --callgrind-out-file="$OUT/$payload" "$BIN" >"$OUT/$payload.out" 2>/dev/null
  bytes=$(awk '{print $2}' "$OUT/$payload.out")
  declare -A ir=()
  while read -r count fn; do ir[$fn]=$count; done < <(
    callgrind_annotate --inclusive=yes --threshold=100 "$OUT/$payload" 2>/dev/null \
      | grep -E 'parse::(value_serde_json|value_simd_json|peek|typed_serde_json|typed_simd_json|two_step_serde_json|two_step_simd_json) \[' \
      | sed -E 's/^ *([0-9,]+).*parse::([a-z_]+).*/\1 \2/' | tr -d ',' | sort -u -k2,2)
  per() { echo "${ir[$1]:-0} / $n" | bc; }
  printf '%-26s %8s %14s %14s %10s %14s %14s %16s %16s\n' "$payload" "$bytes" \
    "$(per value_serde_json)" "$(per value_simd_json)" "$(per peek)" "$(per typed_serde_json)" \
    "$(per typed_simd_json)" "$(per two_step_serde_json)" "$(per two_step_simd_json)"
done
echo "(instructions per parse; raw callgrind files in $OUT)"
