import ExactSolver
import Heuristics
import RoutingCore

/// `--method auto`: the exact solver on instances it usually proves quickly (``ExactSolver/provesQuickly(_:)``),
/// and when it stops without a proof, the heuristic on the time that is left, keeping the cheaper solution and
/// the exact solver's bound; the heuristic alone on larger instances.
///
/// So auto is never worse than the exact solver's incumbent, and an instance the exact solver cannot finish
/// still gets most of the time limit's improvement search.
public struct AutoSolver: Solver {
    public init() {}

    public var name: String { "auto" }

    public func supports(_ kind: ProblemKind) -> Bool { true }

    public func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult {
        guard ExactSolver.provesQuickly(instance) else { return try HeuristicSolver().solve(instance, limits: limits) }
        let clock = Deadline(seconds: limits.timeLimit)
        let exact = try ExactSolver().solve(instance, limits: limits)
        let remaining = limits.timeLimit - clock.elapsed
        guard exact.status != .optimal, remaining > Self.minimumHeuristicSeconds else { return exact }
        var heuristicLimits = limits
        heuristicLimits.timeLimit = remaining
        guard let improved = try? HeuristicSolver().solve(instance, limits: heuristicLimits), improved.cost < exact.cost else {
            var result = exact
            result.seconds = clock.elapsed
            return result
        }
        var result = improved
        result.lowerBound = exact.lowerBound.map { min($0, improved.cost) }
        result.status = improved.cost == exact.lowerBound ? .optimal : .timeLimit
        result.method = "exact+heuristic"
        result.seconds = clock.elapsed
        result.statistics["exact_cost"] = Double(exact.cost)
        return result
    }

    /// Below this much time left, the heuristic is not started after an unproven exact run.
    static let minimumHeuristicSeconds = 0.05
}
