/// How `routeopt solve` should solve an instance.
public enum SolveMethod: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The best available method for the instance: the exact solver when it usually proves the instance
    /// quickly (``ExactSolver/provesQuickly(_:)``: TSP/ATSP up to 100 nodes, CVRP/ACVRP up to 30
    /// customers; if the time limit stops it first, the best solution found and its bound), otherwise
    /// the heuristic.
    case auto
    /// Construction plus iterated local search, using the whole time limit.
    case heuristic
    /// Branch and cut on GLPK (``ExactSolver``): proven optima, or the best solution and a lower bound
    /// when the time limit stops it.
    case exact
    /// A trained policy (``PolicySolver``): the checkpoint for the instance's problem and nearest size,
    /// or the one ``PolicyOptions/model`` names.
    case policy

    public var description: String { rawValue }
}
