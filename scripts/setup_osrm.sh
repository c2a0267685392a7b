#!/usr/bin/env bash
# Installs OSRM's statically linked binaries (osrm-extract, osrm-partition, osrm-customize, osrm-routed) and
# its Lua profiles from the PyPI wheel `osrm-bindings` into a git-ignored folder, without a source build.
# Only the wheel's Python extension needs Python 3.12; the binaries run anywhere on x86-64 Linux, so pip is
# told to fetch the 3.12 manylinux wheel and only unpack it (--target, --no-deps).
# Usage: scripts/setup_osrm.sh [DIR]   (default: .osrm in the repository root; `routeopt matrix osrm` looks there)
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:-.osrm}"
version="26.10.0"
if [ -x "$target/osrm/bin/osrm-routed" ]; then
  echo "OSRM binaries already in $target/osrm/bin"
  exit 0
fi
python3 -m pip install --quiet --disable-pip-version-check --target "$target" --no-deps --only-binary=:all: \
  --python-version 3.12 --platform manylinux_2_28_x86_64 "osrm-bindings==$version"
for tool in osrm-extract osrm-partition osrm-customize osrm-routed; do
  test -x "$target/osrm/bin/$tool" || { echo "setup_osrm: $target/osrm/bin/$tool missing after install" >&2; exit 1; }
done
echo "OSRM $version binaries in $target/osrm/bin, profiles in $target/osrm/share/profiles"
