import RoutingCore
import Tensor

/// Greedy TSP decoding of a large batch with the attention model on the shards of a ``ShardGroup``:
/// each shard encodes its half of the batch on its tape (no recording, evaluation-mode batch norm), then
/// decodes its instances one at a time with its own ``GreedyTSPDecoder``.
///
/// Decoding instance by instance keeps one instance's glimpse keys/values and logit keys (`n × 3d`
/// floats) in cache for all of its steps; decoding the whole batch step by step would stream all of
/// them (tens of megabytes) from memory at every step. The numbers are those of the tape's greedy
/// rollout (``GreedyTSPDecoder/verifyAgainstTape(nodes:seed:tolerance:)``).
public final class BatchGreedyTSPDecoder {
    public let model: AttentionModel
    private let group: ShardGroup
    private let decoders: [GreedyTSPDecoder]

    /// A decoder for instances of up to `nodes` nodes on `shards` threads.
    public init(model: AttentionModel, nodes: Int, shards: Int = 2) {
        self.model = model
        group = ShardGroup(shards: shards)
        decoders = (0..<shards).map { _ in GreedyTSPDecoder(model: model, nodes: nodes) }
    }

    /// Greedy tours and their lengths (unit-square, float) for every instance of `batch`.
    public func decode(_ batch: ProblemBatch) -> (tours: [[Int]], lengths: [Float]) {
        precondition(batch.kind == .tsp, "BatchGreedyTSPDecoder decodes TSP")
        let n = batch.nodes, d = model.configuration.width
        let parts = group.run { context -> [([Int], Float)] in
            let range = context.range(of: batch.count)
            let part = batch.slice(range)
            let embeddings = context.tape.withoutRecording {
                model.encode(part, on: context.tape, training: false).value
            }
            let decoder = decoders[context.index]
            return (0..<part.count).map { instance in
                let tour = decoder.decode(embeddings: embeddings.pointer + instance * n * d, nodes: n).tour
                return (tour, part.tourLength(tour, instance: instance))
            }
        }
        let all = parts.flatMap { $0 }
        return (all.map(\.0), all.map(\.1))
    }
}
