import Foundation
import RoutingCore
import Tensor

/// Greedy decoding of one TSP instance with the attention model, without a tape: preallocated buffers,
/// the encoder as a few `sgemm`s per layer, each decoder step as hand-written loops.
///
/// It computes what ``AttentionModel/rollout(_:on:training:strategy:using:keepStepLogProbabilities:)``
/// computes in evaluation mode with `.greedy` (batch norm from running statistics), with two algebraic
/// shortcuts: the step-context projection `W·[h_first; h_last]` is split into `W_f·h_first + W_l·h_last`
/// with both halves precomputed for every node, and the glimpse attention runs on unmasked nodes only.
/// ``verifyAgainstTape(nodes:seed:)`` checks tour and log-likelihood against the tape path.
///
/// Weights are read from the model at every ``decode(_:)`` call, so training updates are seen. Not
/// thread-safe: one decoder per thread.
public final class GreedyTSPDecoder {
    public let model: AttentionModel
    /// Largest instance this decoder accepts.
    public let capacity: Int
    let width: Int, heads: Int, hidden: Int
    private let buffer: UnsafeMutablePointer<Float>
    // Views into `buffer`: encoder activations [n, d] (feed-forward [n, hidden]), attention scores [n, n],
    // decoder node projections [n, 3d] and step-context halves [n, d], per-step vectors.
    let h, query, key, value, attended, scratch, feedForward, attentionScores: UnsafeMutablePointer<Float>
    let projected, firstContext, lastContext: UnsafeMutablePointer<Float>
    let scores, fixedQuery, stepQuery, glimpseHeads, glimpse, logits: UnsafeMutablePointer<Float>
    /// Unvisited nodes during decoding.
    let remaining: UnsafeMutablePointer<Int32>

    /// A decoder for instances of up to `nodes` nodes.
    public init(model: AttentionModel, nodes: Int) {
        precondition(model.configuration.problem == .tsp, "GreedyTSPDecoder decodes TSP")
        self.model = model
        capacity = nodes
        width = model.configuration.width
        heads = model.configuration.heads
        hidden = model.configuration.feedForward
        let d = width
        let sizes = [nodes * d, nodes * d, nodes * d, nodes * d, nodes * d, nodes * d, nodes * hidden, nodes * nodes,
                     nodes * 3 * d, nodes * d, nodes * d,
                     heads * nodes, d, d, d, d, nodes]
        buffer = .allocate(capacity: sizes.reduce(0, +))
        var offset = 0
        var views = [UnsafeMutablePointer<Float>]()
        for size in sizes {
            views.append(buffer + offset)
            offset += size
        }
        (h, query, key, value, attended, scratch) = (views[0], views[1], views[2], views[3], views[4], views[5])
        (feedForward, attentionScores) = (views[6], views[7])
        (projected, firstContext, lastContext) = (views[8], views[9], views[10])
        (scores, fixedQuery, stepQuery, glimpseHeads, glimpse, logits)
            = (views[11], views[12], views[13], views[14], views[15], views[16])
        remaining = .allocate(capacity: nodes)
    }

    deinit {
        buffer.deallocate()
        remaining.deallocate()
    }

    /// The greedy tour of the instance with row-major `[n, 2]` `coordinates`, and the sum of the chosen
    /// actions' log-probabilities.
    public func decode(_ coordinates: [Float]) -> (tour: [Int], logLikelihood: Float) {
        let n = coordinates.count / 2
        precondition(n >= 1 && n <= capacity && coordinates.count == 2 * n, "decode: \(coordinates.count / 2) nodes")
        // Products this small lose more to waking BLAS threads than they gain from them.
        return BLAS.withThreads(atMost: 1) {
            coordinates.withUnsafeBufferPointer { encode($0.baseAddress!, nodes: n) }
            return decodeSteps(nodes: n)
        }
    }

    /// The greedy tour from already encoded node embeddings (`[n, d]` row-major, evaluation mode): the
    /// decoding half of ``decode(_:)``. Batched inference encodes many instances with a few large
    /// products on the tape, then decodes them here one at a time, so that each instance's projected
    /// keys and values stay in cache for all `n` steps instead of being streamed from memory every step.
    public func decode(embeddings: UnsafePointer<Float>, nodes n: Int) -> (tour: [Int], logLikelihood: Float) {
        precondition(n >= 1 && n <= capacity, "decode: \(n) nodes for a decoder of \(capacity)")
        h.update(from: embeddings, count: n * width)
        return BLAS.withThreads(atMost: 1) { decodeSteps(nodes: n) }
    }

    // MARK: - Encoder

    private func encode(_ coordinates: UnsafePointer<Float>, nodes n: Int) {
        let d = width
        Self.linear(coordinates, rows: n, model.nodeEmbedding, into: h)
        for layer in model.encoder.layers {
            Self.linear(h, rows: n, layer.query, into: query)
            Self.linear(h, rows: n, layer.key, into: key)
            Self.linear(h, rows: n, layer.value, into: value)
            selfAttention(nodes: n)
            Self.linear(attended, rows: n, layer.output, into: scratch)
            for i in 0..<n * d { scratch[i] += h[i] }
            Self.normalise(scratch, rows: n, layer.attentionNorm, into: h)
            Self.linear(h, rows: n, layer.hidden, into: feedForward, relu: true)
            Self.linear(feedForward, rows: n, layer.feedForwardOutput, into: scratch)
            for i in 0..<n * d { scratch[i] += h[i] }
            Self.normalise(scratch, rows: n, layer.feedForwardNorm, into: h)
        }
    }

    /// `attended = softmax(Q_h·K_hᵀ/√d_k)·V_h` per head (one `sgemm` each way per head).
    private func selfAttention(nodes n: Int) {
        let d = width, dk = d / heads
        let rows = attentionScores
        for head in 0..<heads {
            BLAS.gemm(transposeB: true, m: n, n: n, k: dk, alpha: 1 / Float(dk).squareRoot(), a: query + head * dk,
                      lda: d, b: key + head * dk, ldb: d, c: rows, ldc: n)
            for i in 0..<n {
                let row = rows + i * n
                let inverse = 1 / VectorMath.shiftedExp(row, count: n, shift: VectorMath.maximum(row, count: n))
                for j in 0..<n { row[j] *= inverse }
            }
            BLAS.gemm(m: n, n: dk, k: n, a: rows, lda: n, b: value + head * dk, ldb: d, c: attended + head * dk, ldc: d)
        }
    }

    /// `target = x·Wᵀ + b` (optionally ReLU) for `rows` rows.
    static func linear(_ x: UnsafePointer<Float>, rows: Int, _ layer: Linear,
                               into target: UnsafeMutablePointer<Float>, relu: Bool = false) {
        let outputs = layer.weight.shape[0], inputs = layer.weight.shape[1]
        if let bias = layer.bias {
            for row in 0..<rows { (target + row * outputs).update(from: bias.value.pointer, count: outputs) }
        }
        BLAS.gemm(transposeB: true, m: rows, n: outputs, k: inputs, a: x, b: layer.weight.value.pointer,
                  beta: layer.bias == nil ? 0 : 1, c: target)
        if relu { for i in 0..<rows * outputs { target[i] = max(target[i], 0) } }
    }

    /// Evaluation-mode batch norm: `(x − mean)·γ/√(var + ε) + β` per channel.
    private static func normalise(_ x: UnsafePointer<Float>, rows: Int, _ norm: Normalization,
                                  into target: UnsafeMutablePointer<Float>) {
        let statistics = norm.statistics!, channels = statistics.channels
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * channels) { folded in
            let a = folded.baseAddress!, b = a + channels
            let mean = statistics.mean.pointer, variance = statistics.variance.pointer
            let gamma = norm.scale.value.pointer, beta = norm.shift.value.pointer
            for c in 0..<channels {
                let invStd = 1 / (variance[c] + 1e-5).squareRoot()
                a[c] = invStd * gamma[c]
                b[c] = beta[c] - mean[c] * a[c]
            }
            for row in 0..<rows {
                let source = x + row * channels, out = target + row * channels
                for c in 0..<channels { out[c] = source[c] * a[c] + b[c] }
            }
        }
    }
}
