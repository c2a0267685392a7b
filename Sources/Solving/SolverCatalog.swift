import Heuristics
import RoutingCore

/// Picks the ``Solver`` for a method and an instance. New methods (exact, policy) register here.
public enum SolverCatalog {
    /// The solver that `method` names for `instance`.
    public static func solver(for method: SolveMethod, instance: Instance) -> any Solver {
        switch method {
        case .heuristic, .auto:
            return HeuristicSolver()
        }
    }
}
