import RoutingCore

/// Heuristic solver for `.tsp` and `.atsp`: construction + local search + anytime iterated local
/// search using the whole time limit.
///
/// Pipeline: ``GreedyEdgeConstruction`` start; then one iterated local search per thread
/// (independent random streams split from `limits.seed`), each kicking with a segment-local
/// ``DoubleBridgeKick`` and re-optimising only around the kick; the best tour wins.
/// - Symmetric matrices: ``LinKernighanSearch`` (chains of 2-opt flips) + ``OrOptSearch`` with
///   reversal.
/// - Asymmetric matrices: orientation-preserving ``SegmentExchangeSearch`` (or-3opt) +
///   ``OrOptSearch``.
///
/// With `limits.iterationLimit` the result depends only on the seed (each thread runs its share of
/// the kicks). Instances with at most ``ExhaustiveTour/maximumDimension`` nodes are solved by
/// enumeration and return at once; the status is still `.feasible`, as for every heuristic result.
public struct TourHeuristicSolver: Solver {
    /// Candidate-list length for the local searches.
    public var candidates: Int

    public init() {
        candidates = 10
    }

    public var name: String { "heuristic" }

    public func supports(_ kind: ProblemKind) -> Bool { kind == .tsp || kind == .atsp }

    public func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult {
        guard supports(instance.kind) else { throw SolverError.unsupported(solver: name, kind: instance.kind) }
        let deadline = Deadline(seconds: limits.timeLimit)
        let n = instance.dimension
        let order: [Int]
        var statistics: [String: Double] = [:]
        if n <= ExhaustiveTour.maximumDimension {
            order = ExhaustiveTour.cheapest(instance.distances)
        } else {
            let symmetric = instance.distances.isSymmetric
            let lists = CandidateLists(distances: instance.distances, k: candidates, symmetric: symmetric)
            let start = GreedyEdgeConstruction(candidates: candidates).tour(for: instance.distances, lists: lists, symmetric: symmetric)
            statistics["construction_cost"] = Double(Evaluator.tourCost(start, distances: instance.distances))
            let threads = max(1, limits.threads)
            var seeds = SeededGenerator(seed: limits.seed)
            let streams = (0..<threads).map { _ in seeds.split() }
            let share = limits.iterationLimit.map { $0 / threads + ($0 % threads == 0 ? 0 : 1) }
            let runs = ParallelRuns.run(threads) { index in
                var rng = streams[index]
                return TourWorker(instance: instance, lists: lists, symmetric: symmetric)
                    .run(from: start, deadline: deadline, iterationLimit: share, using: &rng)
            }
            let best = runs.indices.min { (runs[$0].cost, $0) < (runs[$1].cost, $1) }!
            order = runs[best].tour
            statistics["iterations"] = Double(runs.reduce(0) { $0 + $1.iterations })
            statistics["improvements"] = Double(runs.reduce(0) { $0 + $1.improvements })
            statistics["threads"] = Double(threads)
            statistics["best_thread"] = Double(best)
        }
        let solution = Solution.tour(order)
        let cost: Cost
        do {
            cost = try Evaluator.evaluate(solution, in: instance)
        } catch {
            throw SolverError.invalidSolution(solver: name, error: error)
        }
        return SolveResult(solution: solution, cost: cost, status: .feasible, method: name,
                           seconds: deadline.elapsed, statistics: statistics)
    }
}
