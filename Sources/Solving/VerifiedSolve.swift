import RoutingCore

/// A solver's result after ``SolvePipeline/solve(_:)`` re-validated it: the solution is feasible and
/// `result.cost` is the cost ``Evaluator`` computed.
public struct VerifiedSolve {
    /// The validated result.
    public let result: SolveResult
    /// The solver that produced it (a ``PolicySolver`` names its checkpoint and decoding).
    public let solver: any Solver

    public init(result: SolveResult, solver: any Solver) {
        self.result = result
        self.solver = solver
    }

    /// The policy checkpoint file, when a policy produced the result.
    public var modelPath: String? { (solver as? PolicySolver)?.modelPath }

    /// The policy decoding, when a policy produced the result.
    public var decoding: String? { (solver as? PolicySolver)?.decoding.description }
}
