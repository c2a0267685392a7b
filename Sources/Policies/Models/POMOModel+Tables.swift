import Tensor

extension POMOModel {
    /// POMO's decoder tables for embeddings `[B, n, d]`. TSP: the query is `W_first·e_f + W_last·e_ℓ`;
    /// CVRP: `W_last·[e_ℓ, c] = W_ℓ·e_ℓ + c·w_c` (`last` and `capacity` rows). The output projection is
    /// `multi_head_combine` (with bias) and the logit keys are the embeddings themselves. A matrix policy
    /// adds `lastLogits = −α·travel` (see the type's documentation).
    func decoderTables(_ embeddings: Variable, travel: Tensor?, on tape: Tape) -> DecoderTables {
        let b = embeddings.shape[0], n = embeddings.shape[1], d = embeddings.shape[2]
        let keys = key(embeddings, on: tape)
        let logitScale = 1 / Float(d).squareRoot()
        let folded = tape.scale(tape.matmul(embeddings, tape.parameter(combine.weight)), by: logitScale)
        let bias = combine.bias.map { combineBias in
            let column = tape.reshape(tape.parameter(combineBias), [d, 1])
            return tape.reshape(tape.scale(tape.matmul(embeddings, column), by: logitScale), [b, n])
        }
        let values = DecoderTables.values(value(embeddings, on: tape), projectedKeys: folded, heads: heads, on: tape)
        let lastLogits = distanceWeight.map { weight -> Variable in
            precondition(travel != nil, "the matrix policy needs a matrix batch")
            return tape.multiply(tape.constant(travel!), tape.reshape(tape.scale(tape.parameter(weight), by: -1), [1, 1, 1]))
        }
        func scores(_ queries: Variable) -> Variable {
            DecoderTables.scores(queries: queries, keys: keys, heads: heads, on: tape)
        }
        guard let queryFirst else {
            let parts = tape.split(tape.parameter(queryLast.weight), axis: 1, sizes: [d, 1])
            let capacityQuery = tape.multiply(tape.constant(Tensor(repeating: 1, shape: [b, 1, d])),
                                              tape.reshape(parts[1], [1, 1, d]))
            return DecoderTables(first: nil, last: scores(tape.linear(embeddings, weight: parts[0])), start: nil,
                                 capacity: scores(capacityQuery), values: values, bias: bias, lastLogits: lastLogits,
                                 instances: b, nodes: n, heads: heads)
        }
        return DecoderTables(first: scores(queryFirst(embeddings, on: tape)), last: scores(queryLast(embeddings, on: tape)),
                             start: nil, capacity: nil, values: values, bias: bias, lastLogits: lastLogits, instances: b,
                             nodes: n, heads: heads)
    }
}
