#!/usr/bin/env bash
# Solves every bundled instance in instances/ with the given method and time limit, writes the
# solutions into solutions/ and a table of results into solutions/README.md's results section.
# Usage: scripts/solve_bundled.sh [METHOD] [TIME_LIMIT]
set -euo pipefail
cd "$(dirname "$0")/.."
method="${1:-heuristic}"
limit="${2:-10}"
binary=.build/release/routeopt
[ -x "$binary" ] || swift build -c release --product routeopt
table=$(mktemp)
echo "| instance | cost | listed value | gap % | method | seconds | file |" > "$table"
echo "|---|---|---|---|---|---|---|" >> "$table"
for file in instances/*.tsp instances/*.atsp instances/*.vrp; do
  name=$(basename "${file%.*}")
  case "$file" in *.vrp) ext=sol ;; *) ext=tour ;; esac
  out="solutions/$name.$ext"
  json=$("$binary" solve "$file" --method "$method" --time-limit "$limit" --seed 1 --json --output "$out" | tail -1)
  python3 - "$json" "$out" >> "$table" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
gap = d["gap_to_best_known_percent"]
print(f"| {d['name']} | {d['cost']} | {d['best_known'] if d['best_known'] is not None else '-'} | "
      f"{'-' if gap is None else f'{gap:.2f}'} | {d['method']} | {d['seconds']:.1f} | `{sys.argv[2]}` |")
PY
done
python3 - "$table" "$method" "$limit" <<'PY'
import sys
table, method, limit = open(sys.argv[1]).read(), sys.argv[2], sys.argv[3]
text = f"""# Solutions found by RouteOpt

Each file here was written by `routeopt solve` and re-validated before it was written (TSPLIB `.tour` for
TSP/ATSP, CVRPLIB `.sol` for CVRP: customer = node − 1, routes in driving order). They all pass
`python3 ../shared/tools/routecheck.py INSTANCE SOLUTION`.

How: `scripts/solve_bundled.sh {method} {limit}` — `routeopt solve instances/NAME --method {method} --time-limit {limit} --seed 1`
on the 2-core reference machine, one instance at a time.

{table}"""
open("solutions/README.md", "w").write(text)
PY
rm -f "$table"
