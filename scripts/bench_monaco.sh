#!/usr/bin/env bash
# The matrix policy on held-out Monaco points (issue 6): samples 10 ATSP50 and 10 asymmetric CVRP50 instances
# (durations) from the test pool of ../shared/realworld/monaco-1000 — points the matrix policy never trained on —
# and benchmarks the exact solver, the heuristic, the matrix policy (default decoding: ×8 multi-start) and the
# coordinate-only POMO of the same routing (it reads only the points' positions; costs are the real matrix).
# Usage: scripts/bench_monaco.sh [OUTPUT_DIR]   (default benchmarks/bench-monaco; instances go to OUTPUT_DIR/instances)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/bench-monaco}"
bin=.build/release/routeopt
data=../shared/realworld/monaco-1000
rm -rf "$out/instances"
for problem in atsp acvrp; do
  "$bin" matrix sample --data "$data" --problem "$problem" --size 50 --count 10 --pool test --objective duration \
    --seed 7 --output "$out/instances" > /dev/null
done
"$bin" bench "$out"/instances/*.atsp --methods exact:time=10,heuristic:time=5,policy,policy:model=checkpoints/tsp50-pomo.safetensors \
  --jobs 2 --routes 0 --output "$out/atsp50"
"$bin" bench "$out"/instances/*.vrp --methods exact:time=10,heuristic:time=5,policy,policy:model=checkpoints/cvrp50-pomo.safetensors \
  --jobs 2 --routes 0 --output "$out/acvrp50"
