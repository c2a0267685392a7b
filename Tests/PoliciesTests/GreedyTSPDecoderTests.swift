import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct GreedyTSPDecoderTests {
    /// The fused batch-1 decoder gives the tape path's greedy tour and log-likelihood (evaluation-mode
    /// batch norm with non-trivial running statistics).
    @Test func matchesTapePath() throws {
        try GreedyTSPDecoder.verifyAgainstTape(nodes: 12)
    }

    /// A smaller instance than the decoder's capacity decodes to a permutation.
    @Test func decodesSmallerInstances() {
        let decoder = GreedyTSPDecoder(model: AttentionModel(configuration: .init(problem: .tsp, width: 16, layers: 1,
                                                                                   heads: 2, feedForward: 32), seed: 1),
                                       nodes: 10)
        var rng = SeededGenerator(seed: 3)
        let batch = ProblemBatch.randomTSP(count: 1, nodes: 6, using: &rng)
        let result = decoder.decode(batch.coordinates.scalars)
        #expect(result.tour.sorted() == Array(0..<6))
        #expect(result.logLikelihood <= 0)
    }
}

@Suite struct BatchGreedyTSPDecoderTests {
    /// Sharded batch decoding (tape encoder + fused per-instance decoder) gives the tape's greedy tours
    /// and lengths.
    @Test func matchesTapeGreedyRollout() throws {
        let model = AttentionModel(configuration: .init(problem: .tsp, width: 16, layers: 2, heads: 2, feedForward: 32),
                                   seed: 4)
        var rng = SeededGenerator(seed: 5)
        let batch = ProblemBatch.randomTSP(count: 5, nodes: 9, using: &rng)
        for statistics in model.statistics { statistics.momentum = 1 }
        _ = model.encode(batch, on: Tape(recording: false), training: true)
        let reference = model.rollout(batch, on: Tape(recording: false), training: false, strategy: .greedy, using: &rng)
        let result = BatchGreedyTSPDecoder(model: model, nodes: 9).decode(batch)
        for instance in 0..<batch.count {
            #expect(result.tours[instance] == reference.environment.sequence(row: instance))
            #expect(abs(result.lengths[instance] - reference.costs[instance]) < 1e-4)
        }
    }
}
