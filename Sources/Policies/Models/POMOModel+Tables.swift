import Tensor

extension POMOModel {
    /// POMO's decoder tables for embeddings `[B, n, d]`: the query is `W_first·e_f + W_last·e_ℓ`, the output
    /// projection is `multi_head_combine` (with bias) and the logit keys are the embeddings themselves.
    func decoderTables(_ embeddings: Variable, on tape: Tape) -> DecoderTables {
        let b = embeddings.shape[0], n = embeddings.shape[1], d = embeddings.shape[2]
        let keys = key(embeddings, on: tape)
        let logitScale = 1 / Float(d).squareRoot()
        let folded = tape.scale(tape.matmul(embeddings, tape.parameter(combine.weight)), by: logitScale)
        let bias = combine.bias.map { combineBias in
            let column = tape.reshape(tape.parameter(combineBias), [d, 1])
            return tape.reshape(tape.scale(tape.matmul(embeddings, column), by: logitScale), [b, n])
        }
        return DecoderTables(
            first: DecoderTables.scores(queries: queryFirst(embeddings, on: tape), keys: keys, heads: heads, on: tape),
            last: DecoderTables.scores(queries: queryLast(embeddings, on: tape), keys: keys, heads: heads, on: tape),
            start: nil, capacity: nil,
            values: DecoderTables.values(value(embeddings, on: tape), projectedKeys: folded, heads: heads, on: tape),
            bias: bias, instances: b, nodes: n, heads: heads)
    }
}
