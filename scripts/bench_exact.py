#!/usr/bin/env python3
"""Benchmark `routeopt solve --method exact` and, side by side, GLPK's `glpsol` on the textbook MTZ model.

For every instance: one run of the release binary with `--json` at the given time limit; the written
solution is re-checked by the independent checker (shared/tools/routecheck.py) and its cost compared with
optima.csv. With --mtz, the same instance is also written as an MTZ model in CPLEX LP format (from the
checker's own distance code, so both solvers see the same matrix) and solved by `glpsol --lp --tmlim T`
(apt: glpk-utils). The MTZ model is built here, in the benchmark, and is no part of the product.

Prints a Markdown table per group (to stdout, or --markdown FILE) and, with --csv, one row per instance.

Usage:
  scripts/bench_exact.py --set tsp100 [--time-limit 60] [--mtz] [--binary .build/release/routeopt]
  scripts/bench_exact.py --only gr17,bayg29 --group tsp --time-limit 60 --mtz
  scripts/bench_exact.py --set cvrp-all --min-nodes 24 --max-nodes 56 --time-limit 60
Sets: tsp100 (TSPLIB up to 100 nodes), tsp200 (101-200 nodes), atsp (the issue's nine), atsp-all,
      cvrp (E-n13-k4, P/E up to 23 customers, A-n32-k5), cvrp-all (every A/B/E/P file), mtz (the eight
      instances glpsol was measured on in REFERENCE.md).
"""
import argparse, csv, json, os, re, resource, subprocess, sys, tempfile, time

EXT = {"tsp": ".tsp", "atsp": ".atsp", "cvrp": ".vrp"}
ATSP_BAR = ["br17", "ftv33", "ftv35", "ftv44", "ftv47", "ft53", "ftv55", "ftv64", "ft70"]
MTZ_SET = ["burma14", "ulysses16", "gr17", "gr21", "ulysses22", "gr24", "fri26", "bayg29"]


def select(optima, set_name, group, only):
    """(name, problem, dimension) rows of optima.csv in the chosen set, in file order."""
    rows = [(r["name"], r["problem"], int(r["dimension"])) for r in optima]
    if only:
        wanted = set(only.split(","))
        return [r for r in rows if r[0] in wanted and (group is None or r[1] == group)]
    if set_name == "tsp100": return [r for r in rows if r[1] == "tsp" and r[2] <= 100]
    if set_name == "tsp200": return [r for r in rows if r[1] == "tsp" and 100 < r[2] <= 200]
    if set_name == "atsp": return [r for r in rows if r[1] == "atsp" and r[0] in ATSP_BAR]
    if set_name == "atsp-all": return [r for r in rows if r[1] == "atsp"]
    if set_name == "mtz": return [r for r in rows if r[0] in MTZ_SET]
    classic = [r for r in rows if r[1] == "cvrp" and r[0][0] in "ABEP"]
    if set_name == "cvrp":
        return [r for r in classic if r[0] == "E-n13-k4" or r[0] == "A-n32-k5"
                or (r[0][0] in "EP" and r[2] - 1 <= 23)]
    if set_name == "cvrp-all": return classic
    raise SystemExit(f"unknown set {set_name}")


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_exact(binary, path, out, time_limit, extra):
    started, cpu = time.time(), child_cpu()
    proc = subprocess.run([binary, "solve", path, "--method", "exact", "--time-limit", str(time_limit),
                           "--json", "--output", out] + extra, capture_output=True, text=True)
    wall, cpu = time.time() - started, child_cpu() - cpu
    if proc.returncode != 0:
        return dict(error=proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "failed", wall=wall)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["wall"], result["cpu"] = wall, cpu
    return result


def check(checker, path, out):
    proc = subprocess.run([sys.executable, checker, path, out], capture_output=True, text=True)
    m = re.match(r"cost=(\d+) feasible", proc.stdout.strip())
    return int(m.group(1)) if proc.returncode == 0 and m else None


def write_mtz(tools, path, lp_path):
    """The MTZ model of a TSP/ATSP file: x_ij binary, in/out degree 1, u_i - u_j + n x_ij <= n - 1."""
    sys.path.insert(0, tools)
    import routecheck
    spec, sections = routecheck.read_instance(path)
    d = routecheck.distances(spec, sections)
    n = len(d)
    arcs = [(i, j) for i in range(n) for j in range(n) if i != j]
    with open(lp_path, "w") as f:
        f.write("Minimize\n obj: " + " + ".join(f"{int(d[i][j])} x_{i}_{j}" for i, j in arcs) + "\nSubject To\n")
        for i in range(n):
            f.write(f" out_{i}: " + " + ".join(f"x_{i}_{j}" for j in range(n) if j != i) + " = 1\n")
            f.write(f" in_{i}: " + " + ".join(f"x_{j}_{i}" for j in range(n) if j != i) + " = 1\n")
        for i, j in arcs:
            if i > 0 and j > 0:
                f.write(f" mtz_{i}_{j}: u_{i} - u_{j} + {n} x_{i}_{j} <= {n - 1}\n")
        f.write("Bounds\n" + "".join(f" 1 <= u_{i} <= {n - 1}\n" for i in range(1, n)))
        f.write("Binary\n" + "".join(f" x_{i}_{j}\n" for i, j in arcs) + "End\n")


def run_mtz(tools, path, tmp, name, time_limit):
    lp = os.path.join(tmp, name + ".lp")
    write_mtz(tools, path, lp)
    started, cpu = time.time(), child_cpu()
    proc = subprocess.run(["glpsol", "--lp", lp, "--tmlim", str(int(time_limit))], capture_output=True, text=True)
    wall, cpu = time.time() - started, child_cpu() - cpu
    log = proc.stdout
    proven = "INTEGER OPTIMAL SOLUTION FOUND" in log
    cost = bound = None
    for line in log.splitlines():
        m = re.search(r"mip =\s+([0-9.e+-]+)\s+>=\s+([0-9.e+-]+|tree is empty)", line)
        if m:
            cost = float(m.group(1))
            bound = cost if m.group(2) == "tree is empty" else float(m.group(2))
    return dict(proven=proven, cost=cost, bound=bound, wall=wall, cpu=cpu)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default="tsp100")
    ap.add_argument("--only", default=None)
    ap.add_argument("--group", default=None)
    ap.add_argument("--min-nodes", type=int, default=0)
    ap.add_argument("--max-nodes", type=int, default=10**9)
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--mtz", action="store_true", help="also run glpsol on the MTZ model (TSP/ATSP)")
    ap.add_argument("--vehicles-name", action="store_true", help="CVRP: pass --vehicles name (classic fixed fleet)")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    ap.add_argument("--binary", default=".build/release/routeopt")
    ap.add_argument("--csv", default=None)
    args = ap.parse_args()

    inst_dir = os.path.join(args.shared, "instances")
    tools = os.path.join(args.shared, "tools")
    optima = list(csv.DictReader(open(os.path.join(inst_dir, "optima.csv"))))
    best_known = {r["name"]: int(r["best_known"]) for r in optima}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, problem, dimension in select(optima, args.set, args.group, args.only):
            if not args.min_nodes <= dimension <= args.max_nodes:
                continue
            path = os.path.join(inst_dir, problem, name + EXT[problem])
            out = os.path.join(tmp, name + (".sol" if problem == "cvrp" else ".tour"))
            extra = ["--vehicles", "name"] if args.vehicles_name and problem == "cvrp" else []
            r = run_exact(args.binary, path, out, args.time_limit, extra)
            row = dict(name=name, problem=problem, nodes=dimension, optimum=best_known[name])
            if "error" in r:
                row.update(status="error: " + r["error"], seconds=round(r["wall"], 2))
            else:
                checked = check(os.path.join(tools, "routecheck.py"), path, out)
                row.update(cost=r["cost"], status=r["status"], bound=r["bound"], seconds=r["seconds"], cpu=round(r["cpu"], 2),
                           checked="yes" if checked == r["cost"] else f"NO ({checked})")
            if args.mtz and problem in ("tsp", "atsp"):
                m = run_mtz(tools, path, tmp, name, args.time_limit)
                row.update(mtz_status="optimal" if m["proven"] else "timeLimit",
                           mtz_cost=m["cost"], mtz_bound=m["bound"], mtz_seconds=round(m["wall"], 2), mtz_cpu=round(m["cpu"], 2))
            rows.append(row)
            print(json.dumps(row), file=sys.stderr, flush=True)

    mtz = args.mtz and any("mtz_status" in r for r in rows)
    header = "| instance | nodes | optimum | exact cost | status | bound | seconds | CPU s | checked |"
    rule = "|---|---|---|---|---|---|---|---|---|"
    if mtz:
        header += " MTZ glpsol status | MTZ cost / bound | MTZ seconds | MTZ CPU s |"
        rule += "---|---|---|---|"
    print(header)
    print(rule)
    for r in rows:
        line = (f"| {r['name']} | {r['nodes']} | {r['optimum']} | {r.get('cost', '-')} | {r['status']} | "
                f"{r.get('bound', '-')} | {r['seconds']:.2f} | {r.get('cpu', '-')} | {r.get('checked', '-')} |")
        if mtz:
            cost = "-" if r.get("mtz_cost") is None else f"{r['mtz_cost']:.0f}"
            bound = "-" if r.get("mtz_bound") is None else f"{r['mtz_bound']:.0f}"
            line += f" {r.get('mtz_status', '-')} | {cost} / {bound} | {r.get('mtz_seconds', '-')} | {r.get('mtz_cpu', '-')} |"
        print(line)
    proven = [r for r in rows if r["status"] == "optimal"]
    print(f"\n{len(proven)} of {len(rows)} proven optimal; slowest proof "
          f"{max((r['seconds'] for r in proven), default=0):.2f} s.")
    if args.csv:
        with open(args.csv, "w", newline="") as f:
            keys = sorted({k for r in rows for k in r})
            w = csv.DictWriter(f, fieldnames=keys)
            w.writeheader()
            w.writerows(rows)


if __name__ == "__main__":
    main()
