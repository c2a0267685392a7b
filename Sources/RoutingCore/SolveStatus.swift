/// How a solve ended.
public enum SolveStatus: String, Sendable, Codable, Hashable {
    /// The solution is proven optimal.
    case optimal
    /// A feasible solution; the method never proves optimality (heuristics, policies).
    case feasible
    /// A method that could prove optimality stopped at its time limit first.
    case timeLimit
}
