#!/usr/bin/env bash
# Measures, for the real release binary under Xvfb: the time to the first frame, the CPU the
# app uses over 10 seconds while the window is open and nobody touches it, and its peak memory.
# Usage: scripts/measure-idle.sh [relmap arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v Xvfb >/dev/null || { apt-get update -qq && apt-get install -y -qq xvfb >/dev/null; }
cargo build --release --locked
display=":$((80 + RANDOM % 9))"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp &
xvfb_pid=$!
runtime=$(mktemp -d)
log=$(mktemp)
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$runtime" "$log"
}
trap cleanup EXIT
sleep 1
DISPLAY="$display" XDG_RUNTIME_DIR="$runtime" RELMAP_RECOVERY_DIR="$runtime/recovery" RELMAP_REPORT_STARTUP=1 ./target/release/relmap "$@" 2>"$log" &
app_pid=$!
sleep 5
ticks() { awk '{print $14 + $15}' "/proc/$app_pid/stat"; }
hz=$(getconf CLK_TCK)
t0=$(ticks)
sleep 10
t1=$(ticks)
grep "^relmap:" "$log" || true
awk -v a="$t0" -v b="$t1" -v hz="$hz" 'BEGIN { printf "idle CPU over 10 s: %.1f%% of one core\n", (b - a) / hz / 10 * 100 }'
grep -E "^VmHWM" "/proc/$app_pid/status" | awk '{ printf "peak resident memory: %d KiB (%.1f MB)\n", $2, $2 * 1024 / 1e6 }'
