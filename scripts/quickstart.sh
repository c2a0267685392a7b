#!/usr/bin/env bash
# One command from a fresh machine to a solved instance: installs the system libraries, builds the
# release binary and solves the bundled default instance (or the file given as the first argument).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! [ -f /usr/include/glpk.h ] || ! [ -f /usr/include/x86_64-linux-gnu/cblas.h -o -f /usr/include/cblas.h ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev libopenblas-dev >/dev/null
fi

swift build -c release --product routeopt
instance="${1:-instances/A-n32-k5.vrp}"
shift || true
.build/release/routeopt solve "$instance" --time-limit 10 "$@"
