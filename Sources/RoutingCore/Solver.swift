/// Anything that turns an ``Instance`` into a validated ``SolveResult``: heuristic pipelines, the
/// exact MILP solver and learned policies all conform.
public protocol Solver: Sendable {
    /// Short method name used in reports (`heuristic`, `exact`, `policy`).
    var name: String { get }
    /// `true` if this solver handles `kind`.
    func supports(_ kind: ProblemKind) -> Bool
    /// Solves `instance` within `limits`.
    /// - Throws: when the instance is outside what the solver supports, or on an internal failure.
    func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult
}
