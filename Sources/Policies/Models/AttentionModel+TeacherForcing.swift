import Tensor

extension AttentionModel {
    /// Log-probabilities of every traced step in one batched, differentiable pass: the step queries
    /// `[B, T, d]` are built from the traced contexts, then one glimpse attention over `T` queries per
    /// instance, one logit product, one masked log-softmax `[B, T, n]`.
    ///
    /// Same numbers as recording each decoding step (up to summation order), but the products are
    /// large (`T` queries instead of 1, so they reach `sgemm`) and the backward pass accumulates the
    /// node-projection gradients once instead of once per step.
    /// - Returns: `Σ_t log p(a_t)` per instance `[B]`, and the `[B, T, n]` log-probabilities.
    func score(_ cache: DecoderCache, trace: DecodingTrace, on tape: Tape) -> (sum: Variable, steps: Tensor) {
        let b = cache.embeddings.shape[0], n = cache.embeddings.shape[1], d = configuration.width, t = trace.steps
        let fixed = tape.reshape(cache.fixedContext, [b, 1, d])
        let query: Variable
        if configuration.problem == .tsp {
            let start = tape.add(fixed, tape.reshape(stepContext(tape.reshape(tape.parameter(placeholder!), [1, 2 * d]),
                                                                on: tape), [1, 1, d]))
            if t > 1 {
                let later = Array(trace.actions.dropLast())
                let firstNodes = DecodingTrace.stacked(Array(repeating: trace.actions[0], count: t - 1), groups: b, perGroup: 1)
                let lastNodes = DecodingTrace.stacked(later, groups: b, perGroup: 1)
                let context = tape.concat([tape.gather(cache.embeddings, axis: 1, indices: firstNodes),
                                           tape.gather(cache.embeddings, axis: 1, indices: lastNodes)], axis: 2)
                query = tape.concat([start, tape.add(fixed, stepContext(context, on: tape))], axis: 1)
            } else {
                query = start
            }
        } else {
            let lastNodes = DecodingTrace.stacked(trace.previous, groups: b, perGroup: 1)
            let capacity = Tensor(DecodingTrace.stacked(trace.capacities, groups: b, perGroup: 1), shape: [b, t, 1])
            let context = tape.concat([tape.gather(cache.embeddings, axis: 1, indices: lastNodes), tape.constant(capacity)],
                                      axis: 2)
            query = tape.add(fixed, stepContext(context, on: tape))
        }
        let mask = trace.stackedMask(groups: b, perGroup: 1, nodes: n)
        let glimpse = glimpseOutput(tape.multiHeadAttention(query: query, key: cache.glimpseKey, value: cache.glimpseValue,
                                                            heads: configuration.heads, mask: mask), on: tape)
        let compatibility = tape.batchedMatmul(glimpse, cache.logitKey, transposeB: true)
        let logits = tape.tanh(tape.scale(compatibility, by: 1 / Float(d).squareRoot()), scale: configuration.clip)
        let logProbabilities = tape.logSoftmax(logits, mask: mask)
        let chosen = tape.gather(logProbabilities, axis: 2, indices: DecodingTrace.stacked(trace.actions, groups: b, perGroup: 1))
        return (tape.sum(tape.reshape(chosen, [b, t]), axis: 1), logProbabilities.value)
    }
}
