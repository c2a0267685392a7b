import RoutingCore

/// The heuristic baseline for every problem kind: dispatches TSP/ATSP to ``TourHeuristicSolver`` and
/// CVRP/ACVRP to ``RouteHeuristicSolver``.
public struct HeuristicSolver: Solver {
    public init() {}

    public var name: String { "heuristic" }

    public func supports(_ kind: ProblemKind) -> Bool { true }

    public func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult {
        if instance.kind.isVehicleRouting {
            return try RouteHeuristicSolver().solve(instance, limits: limits)
        }
        return try TourHeuristicSolver().solve(instance, limits: limits)
    }
}
