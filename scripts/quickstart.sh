#!/usr/bin/env bash
# One command from a fresh machine to a solved instance: installs the system libraries (and OSRM's binaries for
# `routeopt matrix osrm`, scripts/setup_osrm.sh), builds the
# release binary and solves the bundled default instance with the shipped policy checkpoint (or, given a
# file and solve options, solves that file: the heuristic for 10 s unless the options say otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! [ -f /usr/include/glpk.h ] || ! [ -f /usr/include/zlib.h ] || ! [ -f /usr/include/x86_64-linux-gnu/cblas.h -o -f /usr/include/cblas.h ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev libopenblas-dev zlib1g-dev python3-pip >/dev/null
fi

# OSRM is only needed by `routeopt matrix osrm`: a failed download does not stop the quick start.
scripts/setup_osrm.sh || echo "OSRM setup failed: routeopt matrix osrm will say how to install it" >&2
swift build -c release --product routeopt
if [ "$#" -eq 0 ]; then
  # The bundled default: eil51 solved by the shipped POMO checkpoint nearest in size (checkpoints/tsp50-pomo
  # .safetensors, trained here with `routeopt train`; all 51 × 8 augmented starts, best kept), checked independently.
  .build/release/routeopt solve instances/eil51.tsp --method policy --output solutions/eil51-policy.tour
  .build/release/routeopt check instances/eil51.tsp solutions/eil51-policy.tour
  exit 0
fi
instance="$1"
shift
.build/release/routeopt solve "$instance" --time-limit 10 "$@"
