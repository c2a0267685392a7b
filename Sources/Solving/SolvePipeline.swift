import Foundation
import RoutingCore
import Policies
import RoutingIO

/// `routeopt solve` as a library call: read, solve, re-validate, write, report.
///
/// Nothing is written unless the solution passes ``Evaluator`` and its cost matches the solver's claim.
public struct SolvePipeline: Sendable {
    public var method: SolveMethod
    public var limits: SolveLimits
    /// Checkpoint, decoding and polish for ``SolveMethod/policy``.
    public var policy: PolicyOptions

    public init(method: SolveMethod, limits: SolveLimits, policy: PolicyOptions = PolicyOptions()) {
        self.method = method
        self.limits = limits
        self.policy = policy
    }

    /// Solves the instance file at `instancePath`.
    /// - Parameters:
    ///   - outputPath: where to write the solution; `nil` writes `solutions/<name>.tour|.sol`
    ///     relative to the current directory.
    /// - Throws: ``FormatError`` for unreadable input, ``PolicyError`` when the policy cannot be set up,
    ///   ``SolverError`` when solving fails.
    public func run(instancePath: String, outputPath: String?) throws -> SolveReport {
        let instance = try InstanceReader.read(contentsOf: instancePath)
        return try run(instance: instance, instancePath: instancePath, outputPath: outputPath)
    }

    /// Solves an already loaded instance (`instancePath` is used to find an `optima.csv` beside it).
    public func run(instance: Instance, instancePath: String?, outputPath: String?) throws -> SolveReport {
        let verified = try solve(instance)
        let result = verified.result, verifiedCost = verified.result.cost
        let path = outputPath ?? Self.defaultSolutionPath(for: instance)
        try SolutionWriter.write(result.solution, instance: instance, cost: verifiedCost, to: path,
                                 comment: "\(result.method), \(String(format: "%.2f", result.seconds)) s, seed \(limits.seed)")
        let reference = instancePath.flatMap { OptimaTable.beside(instancePath: $0)?.entry(for: instance) }
        return SolveReport(
            name: instance.name, problem: instance.kind, dimension: instance.dimension, cost: verifiedCost,
            status: result.status, bound: result.lowerBound, gap: result.gap, method: result.method,
            seconds: result.seconds, solutionFile: path, bestKnown: reference?.bestKnown,
            bestKnownIsOptimal: reference?.isOptimal, seed: limits.seed, model: verified.modelPath,
            decoding: verified.decoding)
    }

    /// Creates the method's solver, solves `instance` and re-validates the result with ``Evaluator``:
    /// the one path every printed or written solution (`solve`, `bench`) goes through.
    /// - Throws: ``PolicyError`` when the policy cannot be set up, ``SolverError`` when the solver fails,
    ///   does not support the instance's kind, or returns a solution that is infeasible or not at its claimed cost.
    public func solve(_ instance: Instance) throws -> VerifiedSolve {
        let solver = try SolverCatalog.solver(for: method, instance: instance, policy: policy)
        guard solver.supports(instance.kind) else {
            throw SolverError.unsupported(solver: solver.name, kind: instance.kind)
        }
        let result = try solver.solve(instance, limits: limits)
        let verifiedCost: Cost
        do {
            verifiedCost = try Evaluator.evaluate(result.solution, in: instance)
        } catch {
            throw SolverError.invalidSolution(solver: solver.name, error: error)
        }
        guard verifiedCost == result.cost else {
            throw SolverError.noSolution(solver: solver.name,
                                         reason: "internal error: reported cost \(result.cost) but the solution costs \(verifiedCost)")
        }
        return VerifiedSolve(result: result, solver: solver)
    }

    /// `solutions/<name>.tour` or `solutions/<name>.sol`.
    public static func defaultSolutionPath(for instance: Instance) -> String {
        let safeName = String(instance.name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        return "solutions/\(safeName.isEmpty ? "instance" : safeName).\(SolutionWriter.fileExtension(for: instance.kind))"
    }
}
