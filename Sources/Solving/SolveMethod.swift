/// How `routeopt solve` should solve an instance.
public enum SolveMethod: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The best available method for the instance. Today that is the heuristic; the exact solver
    /// (for instances it can prove quickly) and learned policies join when they land.
    case auto
    /// Construction plus iterated local search, using the whole time limit.
    case heuristic
    /// A trained policy (``PolicySolver``): the checkpoint for the instance's problem and nearest size,
    /// or the one ``PolicyOptions/model`` names.
    case policy

    public var description: String { rawValue }
}
