#!/usr/bin/env bash
# compare.sh: time per iteration of relmap's force layout against graphology-layout-forceatlas2,
# on the same generated datasets from the same seeded starting positions, in one run.
#
# For each size it generates a dataset (`relmap generate`, fixed seed), writes the seeded starting
# positions (`relmap layout --iterations 0`), then runs K iterations of relmap's layout on one
# thread and K iterations of graphology's ForceAtlas2 (bench/graphology/fa2.mjs, Node.js) on that
# same seeded file, and prints a markdown table. Temporary files are removed on exit.
#
# Usage: bench/compare.sh            (from anywhere; needs cargo, node and npm)
#
# Environment (all optional):
#   SIZES       space-separated ACTORS:TIES[:ITERATIONS]
#               (default "1000:3000 10000:30000 100000:300000")
#   ITERATIONS  iterations for every size; default 100 below 100k actors, 20 from 100k on
#   THETA       graphology's Barnes-Hut theta (default 1.0; relmap's is always its default, 1.0)
#   SEED        generator seed (default 1)
#   RUN_TIMEOUT seconds allowed to each command before it is stopped (default 1800)

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FA2_DIR="$ROOT/bench/graphology"
SIZES="${SIZES:-1000:3000 10000:30000 100000:300000}"
THETA="${THETA:-1.0}"
SEED="${SEED:-1}"
RUN_TIMEOUT="${RUN_TIMEOUT:-1800}"
# The seeded 100k-actor file is about 240 MB of JSON; give Node a heap large enough to parse it.
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=8192}"

for tool in cargo node npm timeout awk; do
    command -v "$tool" >/dev/null || { echo "compare.sh: '$tool' is needed but not found" >&2; exit 1; }
done

WORK=""
CHILD=""
cleanup() { if [ -n "$WORK" ]; then rm -rf "$WORK"; fi; }
# On Ctrl+C or kill: stop the running command (and everything it started), then clean up.
on_signal() {
    if [ -n "$CHILD" ]; then kill -TERM "$CHILD" 2>/dev/null || true; fi
    exit 130
}
trap cleanup EXIT
trap on_signal INT TERM

# Runs a command with a time limit, so the script always stops by itself. It runs in the
# background and is waited for, so that a signal reaches on_signal at once; `timeout` passes
# the signal on to the command and its children.
limited() {
    local rc=0
    timeout --kill-after=10 "$RUN_TIMEOUT" "$@" &
    CHILD=$!
    wait "$CHILD" || rc=$?
    CHILD=""
    if [ "$rc" -ne 0 ]; then echo "compare.sh: failed ($rc): $*" >&2; fi
    return "$rc"
}

echo "building relmap (release)…" >&2
limited cargo build --manifest-path "$ROOT/Cargo.toml" --release --locked --quiet
RELMAP="$ROOT/target/release/relmap"

if [ ! -d "$FA2_DIR/node_modules" ]; then
    echo "installing graphology (npm ci)…" >&2
    limited npm ci --prefix "$FA2_DIR" --no-audit --no-fund --loglevel=error
fi

WORK="$(mktemp -d -t relmap-compare.XXXXXX)"

# "1000" -> "1k", "300000" -> "300k".
short() { if [ $(($1 % 1000)) -eq 0 ]; then echo "$(($1 / 1000))k"; else echo "$1"; fi; }

# The "Y ms per iteration" number from a line of `relmap layout` or fa2.mjs.
ms_per_iteration() { sed -n 's/.* \([0-9.]*\) ms per iteration.*/\1/p' <<<"$1" | tail -n 1; }
# The "K iterations" number: relmap stops early when its layout has converged.
iterations_done() { sed -n 's/.*: \([0-9]*\) iterations in .*/\1/p' <<<"$1" | tail -n 1; }

rows=()
for size in $SIZES; do
    IFS=: read -r actors ties iters <<<"$size"
    if [ -z "${actors:-}" ] || [ -z "${ties:-}" ]; then
        echo "compare.sh: bad size '$size' (want ACTORS:TIES[:ITERATIONS])" >&2
        exit 2
    fi
    if [ -n "${ITERATIONS:-}" ]; then
        iters="$ITERATIONS"
    elif [ -z "${iters:-}" ]; then
        if [ "$actors" -ge 100000 ]; then iters=20; else iters=100; fi
    fi
    generated="$WORK/generated-$actors.relmap.json"
    seeded="$WORK/seeded-$actors.relmap.json"
    out="$WORK/out-$actors.relmap.json"

    echo "== $actors actors, $ties ties, $iters iterations" >&2
    limited "$RELMAP" generate --actors "$actors" --ties "$ties" --seed "$SEED" -o "$generated" >&2
    limited "$RELMAP" layout "$generated" --iterations 0 -o "$seeded" >/dev/null
    rm -f "$generated"

    limited "$RELMAP" layout "$seeded" --iterations "$iters" --threads 1 -o "$out" >"$WORK/ours.txt"
    ours="$(cat "$WORK/ours.txt")"
    echo "$ours" >&2
    rm -f "$out"
    limited node --expose-gc "$FA2_DIR/fa2.mjs" "$seeded" "$iters" "$THETA" >"$WORK/theirs.txt"
    theirs="$(cat "$WORK/theirs.txt")"
    echo "$theirs" >&2
    rm -f "$seeded"

    ours_ms="$(ms_per_iteration "$ours")"
    theirs_ms="$(ms_per_iteration "$theirs")"
    ours_done="$(iterations_done "$ours")"
    if [ -z "$ours_ms" ] || [ -z "$theirs_ms" ]; then
        echo "compare.sh: could not read a time per iteration at $actors actors" >&2
        exit 1
    fi
    note=""
    if [ "$ours_done" != "$iters" ]; then note=" (relmap converged after $ours_done)"; fi
    ratio="$(awk -v a="$theirs_ms" -v b="$ours_ms" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "n/a" }')"
    rows+=("| $(short "$actors") actors / $(short "$ties") ties, $iters iterations$note | $ours_ms | $theirs_ms | $ratio |")
done

echo
echo "relmap: 1 thread, theta 1.0; graphology-layout-forceatlas2: theta $THETA; seed $SEED."
echo
echo "| size | ours ms/iteration | graphology ms/iteration | ratio (graphology / ours) |"
echo "| --- | ---: | ---: | ---: |"
printf '%s\n' "${rows[@]}"
