/// How `routeopt solve` should solve an instance.
public enum SolveMethod: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The best available method for the instance: the exact solver when it can prove the instance
    /// quickly, otherwise the strongest of policy and heuristic.
    case auto
    /// Construction plus iterated local search, using the whole time limit.
    case heuristic

    public var description: String { rawValue }
}
