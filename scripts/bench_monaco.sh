#!/usr/bin/env bash
# The matrix policy on held-out Monaco points (issue 6): samples COUNT (default 30) ATSP50 and asymmetric CVRP50
# instances (durations) from the test pool of ../shared/realworld/monaco-1000 — points the matrix policy never
# trained on — and benchmarks the exact solver, the heuristic, the matrix policy (its default decoding, ×128
# multi-start as in MatNet's inference; ×8 multi-start; ×128 with the local-search polish) and the coordinate-only
# POMO of the same routing (it reads only the points' positions; costs are the real matrix).
# Usage: scripts/bench_monaco.sh [OUTPUT_DIR] [COUNT]   (default benchmarks/bench-monaco 30; instances go to OUTPUT_DIR/instances)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-benchmarks/bench-monaco}"
count="${2:-30}"
bin=.build/release/routeopt
data=../shared/realworld/monaco-1000
rm -rf "$out/instances" "$out/atsp50" "$out/acvrp50"   # a fresh run (bench resumes from an existing results.csv)
for problem in atsp acvrp; do
  "$bin" matrix sample --data "$data" --problem "$problem" --size 50 --count "$count" --pool test --objective duration \
    --seed 7 --output "$out/instances" > /dev/null
done
"$bin" bench "$out"/instances/*.atsp --methods exact:time=10,heuristic:time=5,policy,policy:multistart-aug8,policy:polish,policy:model=checkpoints/tsp50-pomo.safetensors \
  --jobs 2 --routes 0 --output "$out/atsp50"
"$bin" bench "$out"/instances/*.vrp --methods exact:time=10,heuristic:time=5,policy,policy:multistart-aug8,policy:polish,policy:model=checkpoints/cvrp50-pomo.safetensors \
  --jobs 2 --routes 0 --output "$out/acvrp50"
