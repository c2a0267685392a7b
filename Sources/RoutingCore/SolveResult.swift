/// What a ``Solver`` returns.
public struct SolveResult: Sendable {
    /// The best solution found, already validated by ``Evaluator``.
    public var solution: Solution
    /// Its cost.
    public var cost: Cost
    /// How the solve ended.
    public var status: SolveStatus
    /// A proven lower bound on the optimum, when the method has one.
    public var lowerBound: Cost?
    /// The method that produced the solution (`heuristic`, `exact`, `policy:…`).
    public var method: String
    /// Wall-clock seconds spent.
    public var seconds: Double
    /// Free-form counters (iterations, restarts, nodes explored, …) for logs and `--json`.
    public var statistics: [String: Double]

    public init(solution: Solution, cost: Cost, status: SolveStatus, lowerBound: Cost? = nil,
                method: String, seconds: Double, statistics: [String: Double] = [:]) {
        self.solution = solution
        self.cost = cost
        self.status = status
        self.lowerBound = lowerBound
        self.method = method
        self.seconds = seconds
        self.statistics = statistics
    }

    /// Relative gap between cost and bound, `(cost − bound) / cost`, or `nil` without a bound.
    public var gap: Double? {
        guard let lowerBound else { return nil }
        guard cost > 0 else { return 0 }
        return Double(cost - lowerBound) / Double(cost)
    }
}
