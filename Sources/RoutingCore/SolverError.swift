/// Failures a ``Solver`` reports instead of crashing.
public enum SolverError: Error, Sendable, CustomStringConvertible {
    /// The solver does not handle this kind of problem.
    case unsupported(solver: String, kind: ProblemKind)
    /// The solver could not find any feasible solution in its budget.
    case noSolution(solver: String, reason: String)
    /// A solver produced a solution the ``Evaluator`` rejected — a bug, reported rather than written.
    case invalidSolution(solver: String, error: SolutionError)

    public var description: String {
        switch self {
        case .unsupported(let solver, let kind): return "the \(solver) solver does not support \(kind) instances"
        case .noSolution(let solver, let reason): return "the \(solver) solver found no solution: \(reason)"
        case .invalidSolution(let solver, let error):
            return "internal error: the \(solver) solver produced an invalid solution (\(error))"
        }
    }
}
