/// Additive attention-score terms from per-pair data, weighted per head: head `h`'s score of key `j` for query
/// `i` of instance `b` gets `Σ_c weights[c, h] · channels[c][b, i, j]` (after the `1/√d_k` scaling, before the
/// softmax). The matrix policy feeds travel costs this way (out-cost and in-cost channels, learned slopes per
/// layer and head), as RRNCO's distance-biased and MatNet's mixed-score attention feed their matrices.
public struct AttentionBias {
    /// `C` constant `[B, nq, nk]` tensors.
    public let channels: [Tensor]
    /// `[C, H]` learned weights.
    public let weights: Variable

    public init(channels: [Tensor], weights: Variable) {
        precondition(!channels.isEmpty && weights.shape.count == 2 && weights.shape[0] == channels.count,
                     "attention bias: weights must be [channels, heads]")
        precondition(channels.allSatisfy { $0.rank == 3 && $0.shape == channels[0].shape },
                     "attention bias: channels must share one [B, nq, nk] shape")
        self.channels = channels
        self.weights = weights
    }

    /// Adds the bias of instance `b` and head `h` (of `heads`) to a `[nq, nk]` block of scores.
    @inline(__always)
    func add(to block: UnsafeMutablePointer<Float>, instance b: Int, head h: Int, heads: Int) {
        let size = channels[0].shape[1] * channels[0].shape[2]
        for (c, channel) in channels.enumerated() {
            let weight = weights.value.pointer[c * heads + h]
            guard weight != 0 else { continue }
            let source = channel.pointer + b * size
            for k in 0..<size { block[k] += weight * source[k] }
        }
    }

    /// `∂weights[c, h] = Σ_{b,i,j} dS[b, h, i, j] · channels[c][b, i, j]` for score gradients `dS` `[B, H, nq, nk]`.
    func weightGradients(scoreGradients dS: UnsafePointer<Float>, heads: Int) -> [Float] {
        let batch = channels[0].shape[0], size = channels[0].shape[1] * channels[0].shape[2]
        var result = [Float](repeating: 0, count: channels.count * heads)
        for (c, channel) in channels.enumerated() {
            for b in 0..<batch {
                let source = channel.pointer + b * size
                for h in 0..<heads {
                    result[c * heads + h] += Kernels.dot(dS + (b * heads + h) * size, source, size)
                }
            }
        }
        return result
    }
}
