#!/usr/bin/env bash
# Builds relmap in release mode and opens the app (on the built-in sample unless a file is given).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "relmap is a desktop app and no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set)." >&2
  echo "Run it from a desktop session, or see scripts/screenshot.sh for running it under Xvfb." >&2
  exit 1
fi
exec cargo run --release --locked -- "$@"
