#!/usr/bin/env python3
"""Re-runs only the matrix policy's rows of a bench folder after the matrix checkpoints changed.

`routeopt bench` resumes from an existing results.csv, computing just the rows that are missing. This script drops
the `policy` rows (any decoding, no `model=`) of the instances the matrix policy solves — `.atsp` files and files
given by an explicit matrix (`EDGE_WEIGHT_TYPE: EXPLICIT`) — and runs the folder's own command again (the one
quoted in its summary.md), so those rows are recomputed with the shipped checkpoints and summary.md, the plots and
the gaps are rewritten. Rows of every other method and instance are kept as they are.

Usage: scripts/refresh_matrix_policy_rows.py BENCH_DIR [BENCH_DIR ...]   (from the repository root)
"""
import csv
import glob
import os
import re
import shlex
import subprocess
import sys


def bench_command(folder):
    text = open(os.path.join(folder, "summary.md"), encoding="utf-8").read()
    match = re.search(r"```sh\n(.*?)\n```", text, re.S)
    if not match:
        sys.exit(f"{folder}/summary.md: no command block")
    return match.group(1).strip()


def matrix_instances(command):
    """Names of the instances in the command's files and folders that the matrix policy reads."""
    names = set()
    for argument in shlex.split(command)[2:]:
        if argument.startswith("-"):
            continue
        paths = glob.glob(os.path.join(argument, "**", "*"), recursive=True) if os.path.isdir(argument) else glob.glob(argument)
        for path in paths:
            if not os.path.isfile(path) or not path.endswith((".tsp", ".atsp", ".vrp")):
                continue
            with open(path, encoding="utf-8", errors="replace") as handle:
                head = handle.read(4000)
            if path.endswith(".atsp") or re.search(r"EDGE_WEIGHT_TYPE\s*:\s*EXPLICIT", head):
                names.add(os.path.splitext(os.path.basename(path))[0])
    return names


def refresh(folder):
    command = bench_command(folder)
    names = matrix_instances(command)
    results = os.path.join(folder, "results.csv")
    with open(results, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    if not rows:
        sys.exit(f"{results}: empty")
    header, body = rows[0], rows[1:]
    method = header.index("method")
    kept = [row for row in body
            if not (row[0] in names and row[method].split(":")[0] == "policy" and "model=" not in row[method])]
    print(f"{folder}: dropping {len(body) - len(kept)} matrix-policy rows of {len(names)} instances, re-running")
    with open(results, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, lineterminator="\n").writerows([header] + kept)
    subprocess.run(command, shell=True, check=True)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for folder in sys.argv[1:]:
        refresh(folder)
