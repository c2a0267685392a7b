import RoutingCore
import Tensor

/// Solves a file instance with a trained policy: normalises its coordinates to the unit square, decodes
/// candidate solutions as the ``PolicyDecoding`` says, maps them back to the instance's node numbers and
/// keeps the cheapest under the instance's own distances (``Evaluator``), so the reported cost is the
/// file's integer cost whatever units the network saw.
///
/// Decoding never records on a tape; the attention model runs with evaluation-mode batch norm, so each
/// instance of a batch decodes as it would alone.
public struct PolicyDecoder: Sendable {
    /// The policy.
    public let checkpoint: PolicyCheckpoint
    /// How it decodes.
    public let decoding: PolicyDecoding

    /// A decoder for `checkpoint`; `decoding` defaults to ``PolicyDecoding/standard(for:)``.
    /// - Throws: ``PolicyError/decodingNeedsPOMO(decoding:path:architecture:)`` for a multi-start
    ///   decoding of an attention model.
    public init(checkpoint: PolicyCheckpoint, decoding: PolicyDecoding? = nil) throws(PolicyError) {
        let architecture = checkpoint.policy.architecture
        let chosen = decoding ?? .standard(for: architecture)
        if chosen.needsStartNodes && architecture != .pomo {
            throw .decodingNeedsPOMO(decoding: chosen.description, path: checkpoint.path, architecture: architecture)
        }
        self.checkpoint = checkpoint
        self.decoding = chosen
    }

    /// The cheapest feasible candidate, and what the others were.
    public struct Outcome: Sendable {
        /// The cheapest candidate that ``Evaluator`` accepts, with its cost; `nil` when none is feasible
        /// (possible only for a CVRP instance with a vehicle limit: the policies do not plan for a fleet).
        public var best: (solution: Solution, cost: Cost)?
        /// Candidates decoded.
        public var candidates: Int
        /// Candidates ``Evaluator`` accepted.
        public var feasible: Int
        /// Why the first rejected candidate was rejected.
        public var firstRejection: SolutionError?
    }

    /// Decodes `instance` and keeps the cheapest feasible candidate.
    /// - Parameter seed: the sampling stream's seed (only ``PolicyDecoding/sample(count:)`` draws).
    /// - Throws: ``PolicyError`` when the instance has no coordinates, is of another problem than the
    ///   policy's, or has more than ``maximumNodes`` nodes.
    public func decode(_ instance: Instance, seed: UInt64) throws(PolicyError) -> Outcome {
        let solutions = try candidates(for: instance, seed: seed)
        var outcome = Outcome(best: nil, candidates: solutions.count, feasible: 0, firstRejection: nil)
        for solution in solutions {
            do {
                let cost = try Evaluator.evaluate(solution, in: instance)
                outcome.feasible += 1
                if outcome.best.map({ cost < $0.cost }) ?? true { outcome.best = (solution, cost) }
            } catch {
                if outcome.firstRejection == nil { outcome.firstRejection = error }
            }
        }
        return outcome
    }

    /// Every candidate solution of `instance` in its own node numbers (not yet evaluated).
    public func candidates(for instance: Instance, seed: UInt64) throws(PolicyError) -> [Solution] {
        try PolicyProblem.check(instance, against: checkpoint.configuration.problem, path: checkpoint.path)
        let matrix = checkpoint.configuration.problem.isAsymmetric
        if !instance.kind.isVehicleRouting && instance.dimension <= (matrix ? 2 : 3) {
            return [.tour(Array(0..<instance.dimension))]
        }
        if instance.kind.isVehicleRouting && instance.customers.isEmpty { return [.routes([])] }
        func batch(copies: Int = 1) throws(PolicyError) -> ProblemBatch {
            matrix ? ProblemBatch(matrixInstance: instance, copies: copies) : try ProblemBatch(instance: instance, copies: copies)
        }
        let order = ProblemBatch.nodeOrder(for: instance)
        var rng = SeededGenerator(seed: seed)
        switch decoding {
        case .greedy:
            let environment = rollout(try batch(), strategy: .greedy, using: &rng)
            return Self.solutions(of: environment, rows: 0..<1, order: order)
        case .multistart:
            let environment = rollout(try batch(), strategy: .greedy, using: &rng)
            return Self.solutions(of: environment, rows: 0..<environment.rows, order: order)
        case .multistartAugmented(let copies):
            let augmented = try batch().augmented(copies: copies)
            let environment = rollout(augmented, strategy: .greedy, using: &rng)
            return Self.solutions(of: environment, rows: 0..<environment.rows, order: order)
        case .sample(let count):
            return try sampled(instance, count: count, order: order, using: &rng) { copies throws(PolicyError) in
                try batch(copies: copies)
            }
        }
    }

    /// The largest instance decoded: memory and time grow with `n²` per trajectory (per-instance tables of
    /// `n × n` entries per head, `n` steps over `n` nodes), and the networks are trained on at most a few
    /// hundred nodes.
    public static let maximumNodes = 1_000

    /// `count` sampled trajectories (POMO: whole sets of one rollout per start), decoded in chunks of
    /// copies so that memory stays bounded.
    private func sampled(_ instance: Instance, count: Int, order: [Int], using rng: inout SeededGenerator,
                         batch: (Int) throws(PolicyError) -> ProblemBatch) throws(PolicyError) -> [Solution] {
        let n = order.count
        let trajectoriesPerCopy = checkpoint.policy.trajectoriesPerInstance(nodes: n)
        var copiesLeft = (count + trajectoriesPerCopy - 1) / trajectoriesPerCopy
        let copiesPerChunk = max(1, Self.chunkBudget / (trajectoriesPerCopy * n * n))
        var solutions = [Solution]()
        while copiesLeft > 0 {
            let copies = min(copiesLeft, copiesPerChunk)
            let environment = rollout(try batch(copies), strategy: .sample, using: &rng)
            solutions += Self.solutions(of: environment, rows: 0..<environment.rows, order: order)
            copiesLeft -= copies
        }
        return solutions
    }

    /// Bound on `copies · trajectories per copy · n²` per sampling chunk (about the floats of the
    /// per-instance decoding tables and per-row masks), so a chunk stays in the tens of megabytes.
    static let chunkBudget = 1 << 21

    private func rollout(_ batch: ProblemBatch, strategy: DecodeStrategy,
                         using rng: inout SeededGenerator) -> any DecodingEnvironment {
        let tape = Tape(recording: false)
        switch checkpoint.policy {
        case .attention(let model):
            return model.rollout(batch, on: tape, training: false, strategy: strategy, using: &rng).environment
        case .pomo(let model):
            return model.rollout(batch, on: tape, strategy: strategy, using: &rng).environment
        case .pointer(let model):
            return model.rollout(batch, on: tape, strategy: strategy, using: &rng).environment
        }
    }

    /// The finished solutions of `rows`, batch nodes mapped to instance nodes through `order`.
    static func solutions(of environment: any DecodingEnvironment, rows: Range<Int>, order: [Int]) -> [Solution] {
        rows.map { row in
            if let tsp = environment as? TSPEnvironment, let tour = tsp.solution(row: row)?.tour {
                return .tour(tour.map { order[$0] })
            }
            if let cvrp = environment as? CVRPEnvironment, let routes = cvrp.solution(row: row)?.routes {
                return .routes(routes.map { route in route.map { order[$0] } })
            }
            preconditionFailure("decoding ended with row \(row) unfinished")
        }
    }
}
