#!/usr/bin/env python3
"""Markdown table of the validation entries of a `routeopt train` log (log.jsonl).

Usage: python3 scripts/training_table.py RUN_DIR [--every K]
Columns: epoch, step, instances, wall minutes, CPU hours, greedy single-trajectory cost and gap, and for POMO
the best-of-n-starts cost and gap and the ×8-augmented multi-start gap (gaps against the run's cached heuristic reference costs).
"""
import json
import sys


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = sys.argv[1]
    every = int(sys.argv[sys.argv.index("--every") + 1]) if "--every" in sys.argv else 1
    try:
        with open(f"{directory}/log.jsonl", encoding="utf-8") as log:
            rows = [json.loads(line) for line in log if line.strip()]
    except (OSError, json.JSONDecodeError) as error:
        print(f"{directory}/log.jsonl: {error}", file=sys.stderr)
        return 1
    validations = [row for row in rows if row.get("type") == "validation"]
    # A resumed run may repeat entries written after its last checkpoint: keep the last of each step.
    by_step = {row["step"]: row for row in validations}
    ordered = [by_step[step] for step in sorted(by_step)]
    multistart = any("validation_multistart_cost" in row for row in ordered)
    header = "| epoch | step | instances | wall min | CPU h | greedy cost | greedy gap |"
    rule = "|---|---|---|---|---|---|---|"
    augmented = any("validation_multistart_aug8_cost" in row for row in ordered)
    if multistart:
        header += " multi-start cost | multi-start gap |"
        rule += "---|---|"
    if augmented:
        header += " ×8 multi-start gap |"
        rule += "---|"
    print(header)
    print(rule)
    for index, row in enumerate(ordered):
        if index % every and index != len(ordered) - 1:
            continue
        gap = row.get("gap_percent")
        line = (f"| {row['epoch']} | {row['step']} | {row['instances']:,} | {row['wall_seconds'] / 60:.1f} | "
                f"{row['cpu_seconds'] / 3600:.2f} | {row['validation_cost']:.4f} | "
                f"{'—' if gap is None else f'{gap:.2f} %'} |")
        if multistart:
            mgap = row.get("multistart_gap_percent")
            line += (f" {row.get('validation_multistart_cost', float('nan')):.4f} | "
                     f"{'—' if mgap is None else f'{mgap:.2f} %'} |")
        if augmented:
            agap = row.get("multistart_aug8_gap_percent")
            line += f" {'—' if agap is None else f'{agap:.2f} %'} |"
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
