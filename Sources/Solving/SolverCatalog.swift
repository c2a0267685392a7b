import ExactSolver
import Heuristics
import RoutingCore

/// Picks the ``Solver`` for a method and an instance. `bench` and `solve` both get their solvers here.
public enum SolverCatalog {
    /// The solver that `method` names for `instance`; `policy` configures ``SolveMethod/policy``.
    /// - Throws: ``PolicyError`` when the policy solver cannot be set up (see ``PolicySolver/load(_:for:)``).
    public static func solver(for method: SolveMethod, instance: Instance,
                              policy: PolicyOptions = PolicyOptions()) throws -> any Solver {
        switch method {
        case .heuristic:
            return HeuristicSolver()
        case .exact:
            return ExactSolver()
        case .auto:
            return AutoSolver()
        case .policy:
            return try PolicySolver.load(policy, for: instance)
        }
    }
}
