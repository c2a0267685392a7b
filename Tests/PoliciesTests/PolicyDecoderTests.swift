import RoutingCore
import Testing
@testable import Policies

@Suite struct PolicyDecoderTests {
    /// How many candidates each decoding yields: one greedy trajectory, POMO's `n` starts, `8n` with the
    /// augmentation, `⌈N/n⌉·n` POMO samples and `N` attention-model samples.
    @Test func candidateCounts() throws {
        let pomo = try PolicyFixtures.checkpoint(.tsp, .pomo), attention = try PolicyFixtures.checkpoint(.tsp, .attention)
        let instance = PolicyFixtures.tsp(12, seed: 3)
        let expected: [(PolicyCheckpoint, PolicyDecoding, Int)] = [
            (pomo, .greedy, 1), (pomo, .multistart, 12), (pomo, .multistartAugmented(copies: 8), 96), (pomo, .sample(count: 20), 24),
            (attention, .greedy, 1), (attention, .sample(count: 5), 5),
        ]
        for (checkpoint, decoding, count) in expected {
            let decoder = try PolicyDecoder(checkpoint: checkpoint, decoding: decoding)
            let outcome = try decoder.decode(instance, seed: 1)
            #expect(outcome.candidates == count && outcome.feasible == count, "\(decoding)")
        }
        #expect(try PolicyDecoder(checkpoint: pomo).decoding == .multistartAugmented(copies: 8))
        #expect(try PolicyDecoder(checkpoint: attention).decoding == .greedy)
    }

    /// Multi-start with ×8 augmentation is never worse than multi-start, which is never worse than the
    /// greedy trajectory (the rollout from node 0, also multi-start's first candidate).
    @Test func augmentationIsNeverWorseThanGreedy() throws {
        let pomo = try PolicyFixtures.checkpoint(.tsp, .pomo)
        for seed in UInt64(1)...4 {
            let instance = PolicyFixtures.tsp(10 + Int(seed) * 3, seed: seed)
            func decode(_ decoding: PolicyDecoding) throws -> PolicyDecoder.Outcome {
                try PolicyDecoder(checkpoint: pomo, decoding: decoding).decode(instance, seed: 1)
            }
            let greedy = try decode(.greedy), multistart = try decode(.multistart), augmented = try decode(.multistartAugmented(copies: 8))
            #expect(augmented.best!.cost <= multistart.best!.cost && multistart.best!.cost <= greedy.best!.cost)
            let first = try PolicyDecoder(checkpoint: pomo, decoding: .multistart).candidates(for: instance, seed: 1)[0]
            #expect(first == greedy.best!.solution)
        }
    }

    /// Every candidate of the ×8 decoding, mapped back from its augmented copy, costs on the original
    /// instance what it measured on the copy (times the normalisation's scale, up to edge rounding).
    @Test func augmentedCandidatesCostTheSameOnTheOriginal() throws {
        let pomo = try PolicyFixtures.checkpoint(.tsp, .pomo)
        let instance = PolicyFixtures.tsp(11, seed: 8)
        let candidates = try PolicyDecoder(checkpoint: pomo, decoding: .multistartAugmented(copies: 8)).candidates(for: instance, seed: 1)
        let batch = try ProblemBatch(instance: instance).augmented()
        let scale = UnitSquareNormalization(points: instance.coordinates!).scale
        for (row, candidate) in candidates.enumerated() {
            let tour = try #require(candidate.tour)
            let cost = Double(try Evaluator.evaluate(candidate, in: instance))
            let length = Double(batch.tourLength(tour, instance: row / 11)) * scale
            #expect(abs(length - cost) <= 11 * 0.5 + 1e-4 * cost)
            #expect(tour[0] == row % 11, "POMO's rollout \(row % 11) starts at its own node")
        }
    }

    /// Sampling is a function of the seed: equal seeds give equal candidates, another seed others.
    @Test func samplingIsSeeded() throws {
        let decoder = try PolicyDecoder(checkpoint: PolicyFixtures.checkpoint(.tsp, .attention), decoding: .sample(count: 6))
        let instance = PolicyFixtures.tsp(15, seed: 2)
        let first = try decoder.candidates(for: instance, seed: 7)
        #expect(try decoder.candidates(for: instance, seed: 7) == first)
        #expect(try decoder.candidates(for: instance, seed: 8) != first)
    }

    /// CVRP candidates of both architectures (the depot not node 0) are feasible routes in the
    /// instance's own numbering; POMO yields one per first customer (×8 with augmentation, whole sets when
    /// sampling), and its ×8 decoding is never worse than its greedy one.
    @Test func cvrpCandidatesAreFeasible() throws {
        let instance = PolicyFixtures.cvrp(customers: 14, depot: 5, seed: 9)
        let expected: [(PolicyArchitecture, PolicyDecoding, Int)] = [
            (.attention, .greedy, 1), (.attention, .sample(count: 8), 8), (.pomo, .greedy, 1), (.pomo, .multistart, 14),
            (.pomo, .multistartAugmented(copies: 8), 112), (.pomo, .sample(count: 20), 28),
        ]
        var costs: [PolicyDecoding: Cost] = [:]
        for (architecture, decoding, count) in expected {
            let checkpoint = try PolicyFixtures.checkpoint(.cvrp, architecture)
            let outcome = try PolicyDecoder(checkpoint: checkpoint, decoding: decoding).decode(instance, seed: 3)
            #expect(outcome.candidates == count && outcome.feasible == count, "\(architecture) \(decoding)")
            if architecture == .pomo { costs[decoding] = outcome.best?.cost }
        }
        #expect(costs[.multistartAugmented(copies: 8)]! <= costs[.multistart]! && costs[.multistart]! <= costs[.greedy]!)
    }

    /// A fleet no decoded solution fits (three customers that each fill a vehicle, two vehicles) leaves
    /// no feasible candidate, and says why.
    @Test func vehicleLimitIsRespected() throws {
        let matrix = try DistanceMatrix(count: 4) { i, j in 10 + i + j }
        let instance = try Instance(name: "tight", kind: .cvrp, distances: matrix, coordinates: PolicyFixtures.points(4, seed: 1),
                                    demands: [0, 6, 6, 6], capacity: 10, vehicleLimit: 2)
        let decoder = try PolicyDecoder(checkpoint: PolicyFixtures.checkpoint(.cvrp, .attention), decoding: .sample(count: 4))
        let outcome = try decoder.decode(instance, seed: 1)
        #expect(outcome.best == nil && outcome.feasible == 0 && outcome.candidates == 4)
        #expect(outcome.firstRejection == .tooManyRoutes(routes: 3, vehicles: 2))
    }

    /// Multi-start decodings of an attention model, a CVRP instance for a TSP policy, instances without
    /// coordinates and instances beyond the size limit are refused; tiny instances need no network.
    @Test func refusals() throws {
        let attention = try PolicyFixtures.checkpoint(.tsp, .attention)
        for decoding in [PolicyDecoding.multistart, .multistartAugmented(copies: 8)] {
            #expect(throws: PolicyError.decodingNeedsPOMO(decoding: decoding.description, path: attention.path,
                                                          architecture: .attention)) {
                try PolicyDecoder(checkpoint: attention, decoding: decoding)
            }
        }
        let decoder = try PolicyDecoder(checkpoint: attention)
        #expect(throws: PolicyError.wrongProblem(path: attention.path, checkpoint: .tsp, instance: .cvrp)) {
            try decoder.decode(PolicyFixtures.cvrp(customers: 5, seed: 1), seed: 1)
        }
        let matrixOnly = try Instance(name: "m", kind: .tsp, distances: DistanceMatrix(count: 5) { i, j in i + j })
        #expect(throws: PolicyError.needsCoordinates(instance: "m", kind: .tsp)) { try decoder.decode(matrixOnly, seed: 1) }
        let large = PolicyFixtures.tsp(PolicyDecoder.maximumNodes + 1, seed: 1)
        #expect(throws: PolicyError.tooLarge(instance: large.name, nodes: large.dimension, limit: PolicyDecoder.maximumNodes)) {
            try decoder.decode(large, seed: 1)
        }
        for n in 1...3 {
            #expect(try decoder.candidates(for: PolicyFixtures.tsp(n, seed: 1), seed: 1) == [.tour(Array(0..<n))])
        }
    }
}

/// Augmented and sampled decodings run in bounded chunks of copies; a passed deadline stops them after the first
/// eight copies (augmented) or the first chunk (sampling).
@Suite struct PolicyDecoderChunkTests {
    @Test("with one copy per chunk, chunked decoding equals the one-batch decoding; an expired deadline keeps ×8 whole")
    func deadlineStopsAfterTheFirstChunk() throws {
        let checkpoint = try PolicyFixtures.checkpoint(.tsp, .pomo)
        let instance = PolicyFixtures.tsp(12, seed: 3)
        var decoder = try PolicyDecoder(checkpoint: checkpoint, decoding: .multistartAugmented(copies: 20))
        let whole = try decoder.decode(instance, seed: 1)
        decoder.chunkBudget = 12 * 12 * 12
        let chunked = try decoder.decode(instance, seed: 1)
        #expect(whole.candidates == 20 * 12 && chunked.candidates == 20 * 12)
        #expect(whole.best?.cost == chunked.best?.cost)
        let late = try decoder.decode(instance, seed: 1, deadline: Deadline(seconds: 0))
        #expect(late.candidates == 8 * 12 && late.feasible == 8 * 12)
        var sampler = try PolicyDecoder(checkpoint: checkpoint, decoding: .sample(count: 60))
        sampler.chunkBudget = 12 * 12 * 12
        #expect(try sampler.decode(instance, seed: 1).candidates == 60)
        #expect(try sampler.decode(instance, seed: 1, deadline: Deadline(seconds: 0)).candidates == 12)
    }
}
