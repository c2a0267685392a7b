import Tensor

extension AttentionModel {
    /// The attention model's decoder as ``DecoderTables``: the query is the projected graph embedding plus
    /// the projected step context. TSP: `W_s = [W_first | W_last]`, so the query is `fixed + W_first·e_f +
    /// W_last·e_ℓ` (the fixed context folded into `first`), and `fixed + W_s·placeholder` on the first step
    /// (`start`). CVRP: `W_s = [W_last | w_capacity]`, the query is `fixed + W_last·e_ℓ + c·w_capacity`. The
    /// glimpse output projection (no bias) and the logit keys fold into `values`.
    func decoderTables(_ cache: DecoderCache, on tape: Tape) -> DecoderTables {
        let embeddings = cache.embeddings, b = embeddings.shape[0], n = embeddings.shape[1]
        let d = configuration.width, heads = configuration.heads
        let keys = cache.glimpseKey
        let fixed = tape.reshape(cache.fixedContext, [b, 1, d])
        let weight = tape.parameter(stepContext.weight)
        let projectedKeys = tape.scale(tape.matmul(cache.logitKey, tape.parameter(glimpseOutput.weight)),
                                       by: 1 / Float(d).squareRoot())
        let values = DecoderTables.values(cache.glimpseValue, projectedKeys: projectedKeys, heads: heads, on: tape)
        func scores(_ queries: Variable) -> Variable {
            DecoderTables.scores(queries: queries, keys: keys, heads: heads, on: tape)
        }
        if configuration.problem == .tsp {
            let parts = tape.split(weight, axis: 1, sizes: [d, d])
            let firstQueries = tape.add(tape.linear(embeddings, weight: parts[0]), fixed)
            let placeholderQuery = tape.linear(tape.reshape(tape.parameter(placeholder!), [1, 1, 2 * d]), weight: weight)
            return DecoderTables(first: scores(firstQueries), last: scores(tape.linear(embeddings, weight: parts[1])),
                                 start: scores(tape.add(fixed, placeholderQuery)), capacity: nil, values: values,
                                 bias: nil, instances: b, nodes: n, heads: heads)
        }
        let parts = tape.split(weight, axis: 1, sizes: [d, 1])
        let lastQueries = tape.add(tape.linear(embeddings, weight: parts[0]), fixed)
        let capacityQuery = tape.multiply(tape.constant(Tensor(repeating: 1, shape: [b, 1, d])),
                                          tape.reshape(parts[1], [1, 1, d]))
        return DecoderTables(first: nil, last: scores(lastQueries), start: nil, capacity: scores(capacityQuery),
                             values: values, bias: nil, instances: b, nodes: n, heads: heads)
    }
}
