#!/usr/bin/env bash
# Runs the real release binary under Xvfb and saves a screenshot of its window.
# Usage: scripts/screenshot.sh [OUTPUT.png] [relmap arguments...]
# Installs Xvfb and ImageMagick with apt-get when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshot.png}"
shift || true
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--select assad-visit-kim --read)

if ! command -v Xvfb >/dev/null || [ ! -x /usr/bin/import ]; then
  apt-get update -qq && apt-get install -y -qq xvfb imagemagick >/dev/null
fi
cargo build --release --locked

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1400x900x24 -nolisten tcp &
xvfb_pid=$!
runtime=$(mktemp -d)
cleanup() {
  [ -n "${app_pid:-}" ] && kill "$app_pid" 2>/dev/null || true
  kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$runtime"
}
trap cleanup EXIT
sleep 1
DISPLAY="$display" XDG_RUNTIME_DIR="$runtime" RELMAP_RECOVERY_DIR="$runtime/recovery" ./target/release/relmap "${args[@]}" &
app_pid=$!
sleep "${RELMAP_SCREENSHOT_WAIT:-6}"
DISPLAY="$display" /usr/bin/import -window root "$out"
echo "wrote $out"
