#!/usr/bin/env bash
# The real-world pipeline end to end, timed for BENCHMARKS.md: Monaco's .osm.pbf → a 1,000-point OSRM city
# dataset → 120 instance files (ATSP and asymmetric CVRP, n = 20/50/100, 20 each, test pool).
# Usage: scripts/realworld_pipeline.sh [OUTPUT_DIR]   (needs a release build and scripts/setup_osrm.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
routeopt=.build/release/routeopt
output="${1:-/tmp/routeopt-realworld}"
rm -rf "$output"
start=$(date +%s.%N)
$routeopt matrix osrm --pbf ../shared/realworld/osm/monaco.osm.pbf --bbox 7.405,43.725,7.443,43.752 \
  --points 1000 --seed 42 --output "$output/monaco"
for n in 20 50 100; do
  $routeopt matrix sample --data "$output/monaco" --problem atsp --size $n --count 20 --pool test \
    --objective duration --output "$output/instances"
  $routeopt matrix sample --data "$output/monaco" --problem acvrp --size $n --count 20 --pool test \
    --objective distance --output "$output/instances"
done
end=$(date +%s.%N)
files=$(ls "$output/instances" | grep -c -E '\.(atsp|vrp)$')
echo "pipeline: .osm.pbf -> $files instance files in $(awk "BEGIN { printf \"%.1f\", $end - $start }") s"
