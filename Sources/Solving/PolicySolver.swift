import Heuristics
import Policies
import RoutingCore
import Tensor

/// `solve --method policy`: a trained policy's decoded solution (``PolicyDecoder``), optionally polished
/// by the heuristics' local search (``TourPolish`` for TSP, ``RoutePolish`` for CVRP; a polish never
/// makes the cost worse).
///
/// The reported seconds cover loading the checkpoint and decoding (and polishing). `limits.timeLimit`
/// bounds the polish and the copies beyond POMO's ×8 of a `multistart-augK` or sampling decoding (no new chunk
/// of copies starts once it has passed; greedy, multi-start and ×8 always run to the end). `limits.seed` seeds
/// sampling and the CVRP polish.
/// The status is always `feasible`. With a vehicle limit, candidates using too many routes are
/// skipped; if none fits, the solve fails with a message saying so (nothing is written).
public struct PolicySolver: Solver {
    /// The loaded policy and its decoding.
    public let decoder: PolicyDecoder
    /// Whether the decoded solution is polished.
    public let polish: Bool
    /// Seconds spent loading the checkpoint, added to the reported time.
    public let loadSeconds: Double

    public init(decoder: PolicyDecoder, polish: Bool = false, loadSeconds: Double = 0) {
        self.decoder = decoder
        self.polish = polish
        self.loadSeconds = loadSeconds
    }

    /// Finds the checkpoint (`options.model`, else the shipped one for ``PolicyProblem/preferred(for:)`` — the
    /// matrix policy for asymmetric or matrix-only instances — and the nearest size), loads it and checks that it
    /// can solve `instance`.
    /// - Throws: ``PolicyError``: no coordinates or an asymmetric instance, too many nodes, no checkpoint, an unreadable
    ///   or non-policy file, a checkpoint for another problem, a multi-start decoding of a non-POMO policy.
    public static func load(_ options: PolicyOptions, for instance: Instance) throws(PolicyError) -> PolicySolver {
        let preferred = PolicyProblem.preferred(for: instance)
        guard instance.dimension <= PolicyDecoder.maximumNodes else {
            throw .tooLarge(instance: instance.name, nodes: instance.dimension, limit: PolicyDecoder.maximumNodes)
        }
        let clock = Deadline(seconds: 0)
        let path: String
        if let model = options.model {
            path = model
        } else {
            path = try options.checkpoints.checkpoint(for: preferred, size: instance.customers.count).path
        }
        let checkpoint = try PolicyCheckpoint.load(from: path)
        try PolicyProblem.check(instance, against: checkpoint.configuration.problem, path: path)
        return PolicySolver(decoder: try PolicyDecoder(checkpoint: checkpoint, decoding: options.decoding),
                            polish: options.polish, loadSeconds: clock.elapsed)
    }

    public var name: String { "policy" }

    /// The checkpoint file.
    public var modelPath: String { decoder.checkpoint.path }

    /// The decoding in use.
    public var decoding: PolicyDecoding { decoder.decoding }

    /// Whether the loaded checkpoint reads instances of `kind` (assuming coordinates where a coordinate policy needs them).
    public func supports(_ kind: ProblemKind) -> Bool {
        PolicyProblem.policy(decoder.checkpoint.configuration.problem, solves: kind, hasCoordinates: true)
    }

    public func solve(_ instance: Instance, limits: SolveLimits) throws -> SolveResult {
        let clock = Deadline(seconds: limits.timeLimit)
        // OpenBLAS threads beyond the solver's share spin-wait against whatever else runs (seconds instead of
        // hundredths with a training run beside it), so the products use at most `limits.threads`.
        let outcome = try BLAS.withThreads(atMost: limits.threads) { () throws(PolicyError) in
            try decoder.decode(instance, seed: limits.seed, deadline: clock)
        }
        guard let best = outcome.best else {
            let reason = outcome.firstRejection.map { "\($0)" } ?? "no candidate"
            throw SolverError.noSolution(
                solver: name,
                reason: "none of the \(outcome.candidates) decoded solutions is feasible (\(reason)); the policy does "
                    + "not plan for a vehicle limit: use --method heuristic, or leave out --vehicles")
        }
        var solution = best.solution, cost = best.cost
        var statistics: [String: Double] = [
            "candidates": Double(outcome.candidates), "feasible_candidates": Double(outcome.feasible),
            "decoded_cost": Double(best.cost), "load_seconds": loadSeconds,
        ]
        if polish {
            let polished = Self.polished(solution, in: instance, seed: limits.seed, deadline: clock)
            if let polishedCost = try? Evaluator.evaluate(polished, in: instance), polishedCost <= cost {
                solution = polished
                cost = polishedCost
            }
            statistics["polish_gain"] = Double(best.cost - cost)
        }
        return SolveResult(solution: solution, cost: cost, status: .feasible, method: name,
                           seconds: loadSeconds + clock.elapsed, statistics: statistics)
    }

    /// `solution` after the heuristics' local search.
    static func polished(_ solution: Solution, in instance: Instance, seed: UInt64, deadline: Deadline) -> Solution {
        switch solution {
        case .tour(let order):
            return .tour(TourPolish.improve(order, distances: instance.distances, deadline: deadline))
        case .routes(let routes):
            return .routes(RoutePolish.improve(routes, in: instance, seed: seed, deadline: deadline))
        }
    }
}
