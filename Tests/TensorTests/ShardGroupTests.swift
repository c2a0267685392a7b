import Testing
import RoutingCore
@testable import Tensor

@Suite struct ShardGroupTests {
    /// A small model with linear, batch norm, ReLU and attention layers, loss = mean over the batch.
    struct Model {
        let first: Linear, second: Linear
        let scale: Parameter, shift: Parameter, statistics: RunningStatistics

        init(seed: UInt64) {
            var rng = SeededGenerator(seed: seed)
            first = Linear(name: "first", inputs: 3, outputs: 8, using: &rng)
            second = Linear(name: "second", inputs: 8, outputs: 8, using: &rng)
            scale = Parameter(name: "bn.weight", value: .uniform([8], bound: 1, using: &rng))
            shift = Parameter(name: "bn.bias", value: .uniform([8], bound: 1, using: &rng))
            statistics = RunningStatistics(name: "bn", channels: 8)
        }

        var parameters: [Parameter] { first.parameters + second.parameters + [scale, shift] }

        /// Loss contribution of instances `range` out of `total`.
        func loss(_ input: Tensor, range: Range<Int>, total: Int, tape: Tape) -> Variable {
            let nodes = input.shape[1]
            let part = Tensor(uninitializedShape: [range.count, nodes, 3])
            part.pointer.update(from: input.pointer + range.lowerBound * nodes * 3, count: part.count)
            var h = first(tape.constant(part), on: tape)
            h = tape.batchNorm(h, scale: tape.parameter(scale), shift: tape.parameter(shift), statistics: statistics,
                               training: true)
            h = tape.add(h, tape.multiHeadAttention(query: h, key: h, value: h, heads: 2))
            h = second(h, on: tape, activation: .relu)
            return tape.scale(tape.sum(tape.multiply(h, h)), by: 1 / Float(total))
        }
    }

    static func train(shards: Int, seed: UInt64) -> (loss: Float, gradients: [[Float]], running: [Float]) {
        let model = Model(seed: seed)
        var rng = SeededGenerator(seed: seed + 1)
        let input = Tensor.uniform([6, 4, 3], bound: 1, using: &rng)
        let group = ShardGroup(shards: shards)
        let losses = group.run { context in
            let loss = model.loss(input, range: context.range(of: 6), total: 6, tape: context.tape)
            context.tape.backward(loss)
            return loss.value.scalars[0]
        }
        return (losses.reduce(0, +), model.parameters.map(\.gradient.scalars), model.statistics.mean.scalars)
    }

    /// Two shards give the same loss, parameter gradients and running statistics as one shard
    /// (batch norm statistics are all-reduced across shards).
    @Test func twoShardsMatchOne() {
        let single = Self.train(shards: 1, seed: 9), double = Self.train(shards: 2, seed: 9)
        #expect(abs(single.loss - double.loss) <= 1e-5 * max(1, abs(single.loss)))
        // Relative to the largest gradient: the first layer's bias feeds batch norm, so its true
        // gradient is zero and only rounding noise remains.
        let scale = single.gradients.joined().map(abs).max() ?? 1
        #expect(scale > 1e-3)
        for (a, b) in zip(single.gradients, double.gradients) {
            for (x, y) in zip(a, b) { #expect(abs(x - y) <= 1e-5 * scale) }
        }
        for (x, y) in zip(single.running, double.running) { #expect(abs(x - y) < 1e-5) }
    }

    /// Repeated runs with the same seed and shard count give bit-identical gradients.
    @Test func deterministicForSeedAndShardCount() {
        let first = Self.train(shards: 2, seed: 4), second = Self.train(shards: 2, seed: 4)
        #expect(first.loss == second.loss)
        #expect(first.gradients == second.gradients)
    }

    /// Shard ranges cover the batch without overlap, and all-reduce sums in every shard.
    @Test func rangesAndAllReduce() {
        let group = ShardGroup(shards: 2)
        let results = group.run { context -> (Range<Int>, [Double]) in
            var values = [Double(context.index + 1), 10]
            values.withUnsafeMutableBufferPointer { context.communicator.allReduce($0) }
            return (context.range(of: 7), values)
        }
        #expect(results[0].0 == 0..<3 && results[1].0 == 3..<7)
        #expect(results[0].1 == [3, 20] && results[1].1 == [3, 20])
    }
}
