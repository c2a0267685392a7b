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

    /// A decoder for `checkpoint`; `decoding` defaults to ``PolicyDecoding/standard(for:problem:)``.
    /// - Throws: ``PolicyError/decodingNeedsPOMO(decoding:path:architecture:)`` for a multi-start
    ///   decoding of an attention model.
    public init(checkpoint: PolicyCheckpoint, decoding: PolicyDecoding? = nil) throws(PolicyError) {
        let architecture = checkpoint.policy.architecture
        let chosen = decoding ?? .standard(for: architecture, problem: checkpoint.configuration.problem)
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
    /// - Parameters:
    ///   - seed: the sampling stream's seed (only ``PolicyDecoding/sample(count:)`` draws).
    ///   - deadline: when given, sampling and augmented decodings start no new chunk of copies once it has passed —
    ///     after the first chunk (sampling) or the first eight copies (POMO's ×8, so the default decoding never
    ///     depends on the machine's speed), so a time limit bounds ×K decodings with large K.
    /// - Throws: ``PolicyError`` when the instance has no coordinates, is of another problem than the
    ///   policy's, or has more than ``maximumNodes`` nodes.
    public func decode(_ instance: Instance, seed: UInt64, deadline: Deadline? = nil) throws(PolicyError) -> Outcome {
        let solutions = try candidates(for: instance, seed: seed, deadline: deadline)
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

    /// Every candidate solution of `instance` in its own node numbers (not yet evaluated); `deadline` as in
    /// ``decode(_:seed:deadline:)``.
    public func candidates(for instance: Instance, seed: UInt64, deadline: Deadline? = nil) throws(PolicyError) -> [Solution] {
        try PolicyProblem.check(instance, against: checkpoint.configuration.problem, path: checkpoint.path)
        let matrix = checkpoint.configuration.problem.isAsymmetric
        if !instance.kind.isVehicleRouting && instance.dimension <= (matrix ? 2 : 3) {
            return [.tour(Array(0..<instance.dimension))]
        }
        if instance.kind.isVehicleRouting && instance.customers.isEmpty { return [.routes([])] }
        let single = matrix ? ProblemBatch(matrixInstance: instance) : try ProblemBatch(instance: instance)
        let order = ProblemBatch.nodeOrder(for: instance)
        var rng = SeededGenerator(seed: seed)
        switch decoding {
        case .greedy:
            let environment = rollout(single, strategy: .greedy, using: &rng)
            return Self.solutions(of: environment, rows: 0..<1, order: order)
        case .multistart:
            let environment = rollout(single, strategy: .greedy, using: &rng)
            return Self.solutions(of: environment, rows: 0..<environment.rows, order: order)
        case .multistartAugmented(let copies):
            return inChunks(copies: copies, nodes: order.count, deadline: deadline, always: min(copies, 8)) { range in
                let environment = rollout(single.augmented(copies: copies, only: range), strategy: .greedy, using: &rng)
                return Self.solutions(of: environment, rows: 0..<environment.rows, order: order)
            }
        case .sample(let count):
            let trajectoriesPerCopy = checkpoint.policy.trajectoriesPerInstance(nodes: order.count)
            let copies = (count + trajectoriesPerCopy - 1) / trajectoriesPerCopy
            return inChunks(copies: copies, nodes: order.count, deadline: deadline, always: 1) { range in
                let repeated = single.augmented(by: [CoordinateSymmetry](repeating: .identity, count: range.count))
                let environment = rollout(repeated, strategy: .sample, using: &rng)
                return Self.solutions(of: environment, rows: 0..<environment.rows, order: order)
            }
        }
    }

    /// The largest instance decoded: memory and time grow with `n²` per trajectory (per-instance tables of
    /// `n × n` entries per head, `n` steps over `n` nodes), and the networks are trained on at most a few
    /// hundred nodes.
    public static let maximumNodes = 1_000

    /// The solutions of `copies` copies of an instance of `nodes` nodes, decoded by `decode` in chunks of consecutive
    /// copies small enough that memory stays bounded (``chunkBudget``); once `always` copies are done and `deadline`
    /// has passed, no further chunk starts.
    private func inChunks(copies: Int, nodes n: Int, deadline: Deadline?, always: Int,
                          _ decode: (Range<Int>) -> [Solution]) -> [Solution] {
        let trajectoriesPerCopy = checkpoint.policy.trajectoriesPerInstance(nodes: n)
        let copiesPerChunk = max(1, chunkBudget / (trajectoriesPerCopy * n * n))
        var solutions = [Solution]()
        var next = 0
        while next < copies {
            if next >= always, deadline?.hasExpired == true { break }
            let range = next..<min(copies, next + copiesPerChunk)
            solutions += decode(range)
            next = range.upperBound
        }
        return solutions
    }

    /// Bound on `copies · trajectories per copy · n²` per chunk of sampled or augmented copies (about the floats of
    /// the per-instance decoding tables and per-row masks), so a chunk stays in the tens of megabytes.
    static let defaultChunkBudget = 1 << 21
    /// ``defaultChunkBudget``; tests lower it to decode small instances in several chunks.
    var chunkBudget = defaultChunkBudget

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
