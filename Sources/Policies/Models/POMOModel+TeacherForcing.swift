import Tensor

extension POMOModel {
    /// The decoder's per-batch projections of the node embeddings.
    struct DecoderCache {
        let embeddings: Variable
        let keys: Variable, values: Variable
        /// `W_q,first·h` for every node (rollout `i` starts at node `i`), `[B, n, d]`.
        let firstQuery: Variable
        /// `W_q,last·h` for every node, gathered with each row's current node, `[B, n, d]`.
        let lastQueries: Variable
    }

    /// Log-probabilities of every traced step of all `N` rollouts in one batched, differentiable pass
    /// (teacher forcing): queries `[B, T·N, d]` in the trace's stacked layout (steps outer, rollouts
    /// inner), one attention with `T·N` queries per instance, one `multi_head_combine`, one logit
    /// product, one masked log-softmax `[B, T·N, n]`.
    ///
    /// Same numbers as recording each step, but the per-instance products have `T·N` rows instead of
    /// `N`, the tape holds a dozen ops instead of a dozen per step, and the backward pass accumulates the
    /// key/value/query gradients once.
    /// - Returns: `Σ_t log p(a_t)` per row `[B·N]` (row-major `instance·N + start`), and the `[B, T·N, n]`
    ///   log-probabilities.
    func score(_ cache: DecoderCache, trace: DecodingTrace, on tape: Tape) -> (sum: Variable, steps: Tensor) {
        let b = cache.embeddings.shape[0], n = cache.embeddings.shape[1], t = trace.steps
        let starts = (0..<b * n).map { Int32($0 % n) }
        let firstNodes = DecodingTrace.stacked(Array(repeating: starts, count: t), groups: b, perGroup: n)
        let lastNodes = DecodingTrace.stacked(trace.previous, groups: b, perGroup: n)
        let query = tape.add(tape.gather(cache.firstQuery, axis: 1, indices: firstNodes),
                             tape.gather(cache.lastQueries, axis: 1, indices: lastNodes))
        let mask = trace.stackedMask(groups: b, perGroup: n, nodes: n)
        let logProbabilities = logProbabilities(query: query, cache: cache, mask: mask, on: tape)
        let chosen = tape.gather(logProbabilities, axis: 2,
                                 indices: DecodingTrace.stacked(trace.actions, groups: b, perGroup: n))
        let sum = tape.sum(tape.reshape(chosen, [b, t, n]), axis: 1)
        return (tape.reshape(sum, [b * n]), logProbabilities.value)
    }

    /// Masked log-probabilities `[B, q, n]` for queries `[B, q, d]`: multi-head attention over the nodes,
    /// `multi_head_combine`, single-head logits `/√d` clipped `clip·tanh`.
    func logProbabilities(query: Variable, cache: DecoderCache, mask: Mask, on tape: Tape) -> Variable {
        let attended = tape.multiHeadAttention(query: query, key: cache.keys, value: cache.values, heads: heads,
                                               mask: mask)
        let scores = tape.batchedMatmul(combine(attended, on: tape), cache.embeddings, transposeB: true)
        let logits = tape.tanh(tape.scale(scores, by: 1 / Float(width).squareRoot()), scale: clip)
        return tape.logSoftmax(logits, mask: mask)
    }
}
