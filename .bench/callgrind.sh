#!/usr/bin/env bash
# Instruction counts per gateway message for each stage of the bot's per-message path
# (bench_e2e's `micro` role) under valgrind's callgrind: machine load does not change them.
#
#   .bench/callgrind.sh [FRAMES]        (default 20000; needs valgrind)
#
# Builds the example with the bench profile (release + line tables) into $CARGO_TARGET_DIR
# (default ./target), runs the micro role once per compression under callgrind, and prints the
# inclusive instruction count of each stage function divided by the number of frames.
set -euo pipefail
cd "$(dirname "$0")/.."
FRAMES=${1:-20000}
TARGET=${CARGO_TARGET_DIR:-target}
cargo build -q -p asyncord --features testkit --profile bench --example bench_e2e
BIN="$TARGET/release/examples/bench_e2e"
OUT=$(mktemp -d)
printf '%-6s %-26s %14s\n' comp stage 'Ir per frame'
for comp in zstd zlib; do
  BENCH_E2E_ROLE=micro BENCH_COMP=$comp BENCH_FRAMES=$FRAMES \
    valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.$comp" "$BIN" >/dev/null 2>"$OUT/log.$comp"
  callgrind_annotate --inclusive=yes --threshold=100 "$OUT/cg.$comp" 2>/dev/null \
    | grep -E 'micro::stage_[a-z_]+ \[' \
    | sed -E 's/^ *([0-9,]+).*micro::(stage_[a-z_]+).*/\1 \2/' \
    | tr -d ',' \
    | sort -u -k2,2 \
    | while read -r ir stage; do
        printf '%-6s %-26s %14.0f\n' "$comp" "$stage" "$(echo "$ir / $FRAMES" | bc -l)"
      done
done
echo "(raw callgrind files in $OUT)"
