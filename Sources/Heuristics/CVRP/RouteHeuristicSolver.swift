import Dispatch
import Foundation
import RoutingCore

/// Heuristic solver for CVRP/ACVRP: construction + local search + anytime improvement using the
/// whole time limit.
///
/// Clarke–Wright savings and (with coordinates) the sweep heuristic build starting solutions; each
/// of `limits.threads` workers polishes one with granular local search and then runs SISR-style
/// ruin and recreate under simulated annealing until the deadline (or `limits.iterationLimit`
/// steps), on its own random stream split from `limits.seed`. The best worker's solution is
/// validated with ``Evaluator`` and returned with status `.feasible`.
///
/// Asymmetric matrices are handled exactly: every move is priced on the directed matrix. A limited
/// fleet (`Instance.vehicleLimit`) is respected at every step.
public struct RouteHeuristicSolver: Solver {
    public init() {}

    public var name: String { "heuristic" }

    public func supports(_ kind: ProblemKind) -> Bool { kind.isVehicleRouting }

    public func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult {
        guard supports(instance.kind) else { throw SolverError.unsupported(solver: name, kind: instance.kind) }
        let deadline = Deadline(seconds: limits.timeLimit)
        guard !instance.customers.isEmpty else {
            return SolveResult(solution: .routes([]), cost: 0, status: .feasible, method: name,
                               seconds: deadline.elapsed)
        }
        let data = CVRPData(instance: instance)
        let savings = SavingsConstruction.routes(for: data)
        let starts = [savings] + (SweepConstruction.routes(for: data).map { [$0] } ?? [])

        var seeds = SeededGenerator(seed: limits.seed)
        let workers = max(1, min(limits.threads, 8))
        let streams = (0..<workers).map { _ in FastRandom(seededFrom: &seeds) }
        let results = ParallelRuns.run(workers) { worker in
            AnnealingSearch(data: data, routes: starts[worker % starts.count], random: streams[worker])
                .run(deadline: deadline, timeLimit: limits.timeLimit, iterationLimit: limits.iterationLimit)
        }
        guard let best = results.enumerated().filter({ $0.element.routes != nil })
            .min(by: { ($0.element.cost, $0.offset) < ($1.element.cost, $1.offset) })?.element,
              let routes = best.routes else {
            throw SolverError.noSolution(solver: name, reason: "no complete assignment of customers to the fleet found")
        }
        let solution = Solution.routes(routes)
        let cost: Cost
        do {
            cost = try Evaluator.evaluate(solution, in: instance)
        } catch {
            throw SolverError.invalidSolution(solver: name, error: error)
        }
        let statistics: [String: Double] = [
            "iterations": Double(results.reduce(0) { $0 + $1.iterations }),
            "improvements": Double(results.reduce(0) { $0 + $1.improvements }),
            "local_search_moves": Double(results.reduce(0) { $0 + $1.localSearchMoves }),
            "threads": Double(workers),
            "routes": Double(routes.count),
        ]
        return SolveResult(solution: solution, cost: cost, status: .feasible, method: name,
                           seconds: deadline.elapsed, statistics: statistics)
    }
}
