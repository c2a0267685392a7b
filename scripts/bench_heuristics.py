#!/usr/bin/env python3
"""Benchmark `routeopt solve --method heuristic` over instance folders against optima.csv.

Runs the release binary once per instance (single run, given time limit), re-checks every written
solution with the independent checker (shared/tools/routecheck.py), and prints a Markdown report:
one summary table per instance group (mean / median / worst gap) and a per-instance table.

Usage:
  scripts/bench_heuristics.py [--time-limit 10] [--groups tsp,atsp,cvrp] [--shared ../shared]
                              [--binary .build/release/routeopt] [--csv results.csv] [--only NAME,...]
"""
import argparse, csv, json, os, statistics, subprocess, sys, tempfile, time

def group_of(name, problem):
    if problem == "tsp": return "TSPLIB"
    if problem == "atsp": return "ATSPLIB"
    return "CVRPLIB X" if name.startswith("X-") else "CVRPLIB A/B/E/P"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--groups", default="tsp,atsp,cvrp")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ap.add_argument("--binary", default=".build/release/routeopt")
    ap.add_argument("--csv", default=None, help="write per-instance rows here")
    ap.add_argument("--only", default=None, help="comma-separated instance names")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    inst_dir = os.path.join(args.shared, "instances")
    checker = os.path.join(args.shared, "tools", "routecheck.py")
    optima = {r["name"]: r for r in csv.DictReader(open(os.path.join(inst_dir, "optima.csv")))}
    only = set(args.only.split(",")) if args.only else None
    ext = {"tsp": ".tsp", "atsp": ".atsp", "cvrp": ".vrp"}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for group in args.groups.split(","):
            for name, ref in optima.items():
                if ref["problem"] != group or (only and name not in only):
                    continue
                path = os.path.join(inst_dir, group, name + ext[group])
                out = os.path.join(tmp, name + (".sol" if group == "cvrp" else ".tour"))
                started = time.time()
                proc = subprocess.run([args.binary, "solve", path, "--method", "heuristic", "--time-limit",
                                       str(args.time_limit), "--seed", str(args.seed), "--json", "--output", out],
                                      capture_output=True, text=True)
                wall = time.time() - started
                if proc.returncode != 0:
                    print(f"FAILED {name}: {proc.stderr.strip()}", file=sys.stderr)
                    rows.append(dict(name=name, group=group_of(name, group), cost=None, gap=None, seconds=wall, checked="solve failed"))
                    continue
                result = json.loads(proc.stdout.strip().splitlines()[-1])
                check = subprocess.run([sys.executable, checker, path, out], capture_output=True, text=True)
                checked = check.stdout.strip()
                if check.returncode != 0 or checked != f"cost={result['cost']} feasible":
                    print(f"CHECK MISMATCH {name}: {checked} vs {result['cost']}", file=sys.stderr)
                best = int(ref["best_known"])
                gap = 100.0 * (result["cost"] - best) / best
                rows.append(dict(name=name, group=group_of(name, group), dimension=int(ref["dimension"]), cost=result["cost"],
                                 best=best, gap=gap, seconds=result["seconds"], checked=checked))
                print(f"{name:14s} {result['cost']:>9} best {best:>9} gap {gap:6.2f} %  {result['seconds']:.1f} s  [{checked}]",
                      file=sys.stderr, flush=True)
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["name", "group", "dimension", "cost", "best", "gap", "seconds", "checked"])
            w.writeheader()
            for r in rows: w.writerow(r)
    print(f"\nTime limit {args.time_limit:g} s per instance, seed {args.seed}, one run each.\n")
    print("| group | instances | mean gap % | median gap % | worst gap % | worst instance | failures |")
    print("|---|---|---|---|---|---|---|")
    for g in sorted({r["group"] for r in rows}):
        rs = [r for r in rows if r["group"] == g]
        ok = [r for r in rs if r["gap"] is not None and r["checked"].endswith("feasible")]
        gaps = [r["gap"] for r in ok]
        worst = max(ok, key=lambda r: r["gap"]) if ok else None
        print(f"| {g} | {len(rs)} | {statistics.mean(gaps):.2f} | {statistics.median(gaps):.2f} | {worst['gap']:.2f} | "
              f"{worst['name']} | {len(rs) - len(ok)} |" if ok else f"| {g} | {len(rs)} | - | - | - | - | {len(rs)} |")
    print("\n| instance | group | n | cost | best known | gap % | seconds |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        if r["gap"] is None:
            print(f"| {r['name']} | {r['group']} | | failed | | | |")
        else:
            print(f"| {r['name']} | {r['group']} | {r['dimension']} | {r['cost']} | {r['best']} | {r['gap']:.2f} | {r['seconds']:.1f} |")
    if any(r["gap"] is None or not r["checked"].endswith("feasible") for r in rows):
        sys.exit(1)

if __name__ == "__main__":
    main()
