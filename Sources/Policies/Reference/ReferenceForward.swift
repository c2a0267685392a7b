import Foundation
import RoutingCore
import Tensor

/// Straightforward double-precision forward passes of the attention model and POMO for prescribed
/// actions: per instance, nested arrays, the RoutingCore ``ConstructionState`` for masks and context.
///
/// They share no kernels with the tape (no BLAS, no fused ops, no decoding environment), so agreement
/// with the tape's log-probabilities shows the fast path computes what the papers describe — speed
/// never comes from computing something else.
public enum ReferenceForward {
    /// Log-probabilities `[step][instance][node]` of the attention model for `actions[step][instance]`
    /// (encoder in training mode: batch-norm statistics over the whole batch).
    public static func attentionModel(_ model: AttentionModel, batch: ProblemBatch, actions: [[Int32]]) -> [[[Double]]] {
        typealias M = ReferenceMath
        let configuration = model.configuration, d = configuration.width, n = batch.nodes
        let embedded: [M.Matrix] = (0..<batch.count).map { b in
            let points = (0..<n).map { batch.point(b, $0) }
            guard let depotEmbedding = model.depotEmbedding else {
                return M.linear(points.map { [Double($0.x), Double($0.y)] }, model.nodeEmbedding)
            }
            let depot = M.linear([[Double(points[0].x), Double(points[0].y)]], depotEmbedding)
            let customers = (1..<n).map { j in
                [Double(points[j].x), Double(points[j].y),
                 Double(batch.demands[b * n + j]) / Double(batch.capacity)]
            }
            return depot + M.linear(customers, model.nodeEmbedding)
        }
        let encoded = model.encoder.layers.reduce(embedded) { M.encoderLayer($0, $1) }
        var result = [[[Double]]](repeating: [], count: actions.count)
        for b in 0..<batch.count {
            let h = encoded[b]
            let graph = (0..<d).map { c in h.reduce(0) { $0 + $1[c] } / Double(n) }
            let fixed = M.linear([graph], model.fixedContext)[0]
            let projected = M.linear(h, model.nodeProjection)
            let glimpseKey = projected.map { Array($0[0..<d]) }, glimpseValue = projected.map { Array($0[d..<(2 * d)]) }
            let logitKey = projected.map { Array($0[(2 * d)...]) }
            let instance = batch.instance(at: b)
            var state = ConstructionState(instance: instance)
            for (t, stepActions) in actions.enumerated() {
                let context: [Double]
                if batch.kind == .tsp {
                    context = t == 0 ? M.vector(model.placeholder!) : h[state.first!] + h[state.current!]
                } else {
                    context = h[state.current!] + [Double(state.remainingCapacity) / Double(batch.capacity)]
                }
                let query = M.add([fixed], M.linear([context], model.stepContext))
                let hidden = state.isTerminal
                    ? (0..<n).map { $0 != instance.depot }
                    : state.allowedActions(demands: instance.demands).map { !$0 }
                let glimpse = M.linear(M.attention(query: query, key: glimpseKey, value: glimpseValue,
                                                   heads: configuration.heads, hidden: [hidden]), model.glimpseOutput)[0]
                let logits = logitKey.map { Double(configuration.clip) * tanh(M.dot(glimpse, $0) / Double(d).squareRoot()) }
                result[t].append(M.logSoftmax(logits, hidden: hidden))
                if !state.isTerminal { state = state.applying(Int(stepActions[b]), demands: instance.demands) }
            }
        }
        return result
    }

    /// Log-probabilities `[step][row][node]` of POMO for `actions[step][row]` after the forced first
    /// move (TSP: row = instance·n + start node; CVRP: row = instance·(n − 1) + first customer − 1).
    public static func pomo(_ model: POMOModel, batch: ProblemBatch, actions: [[Int32]]) -> [[[Double]]] {
        typealias M = ReferenceMath
        let n = batch.nodes, d = model.width, rollouts = model.rolloutsPerInstance(nodes: n)
        var result = [[[Double]]](repeating: [], count: actions.count)
        for b in 0..<batch.count {
            let points = (0..<n).map { batch.point(b, $0) }
            let embedded: M.Matrix
            if let depotEmbedding = model.depotEmbedding {
                let customers = (1..<n).map { j in
                    [Double(points[j].x), Double(points[j].y), Double(batch.demands[b * n + j]) / Double(batch.capacity)]
                }
                embedded = M.linear([[Double(points[0].x), Double(points[0].y)]], depotEmbedding)
                    + M.linear(customers, model.embedding)
            } else {
                embedded = M.linear(points.map { [Double($0.x), Double($0.y)] }, model.embedding)
            }
            let h = model.encoder.layers.reduce([embedded]) { M.encoderLayer($0, $1) }[0]
            let keys = M.linear(h, model.key), values = M.linear(h, model.value)
            let firstQueries = model.queryFirst.map { M.linear(h, $0) }
            let instance = batch.instance(at: b)
            for r in 0..<rollouts {
                let start = model.problem == .tsp ? r : r + 1
                var state = ConstructionState(instance: instance).applying(start, demands: instance.demands)
                for (t, stepActions) in actions.enumerated() {
                    let query: M.Matrix
                    if let firstQueries {
                        query = M.add([firstQueries[start]], M.linear([h[state.current!]], model.queryLast))
                    } else {
                        let capacity = Double(state.remainingCapacity) / Double(batch.capacity)
                        query = M.linear([h[state.current!] + [capacity]], model.queryLast)
                    }
                    let hidden = state.isTerminal
                        ? (0..<n).map { $0 != instance.depot }
                        : state.allowedActions(demands: instance.demands).map { !$0 }
                    let mixed = M.linear(M.attention(query: query, key: keys, value: values, heads: model.heads,
                                                     hidden: [hidden]), model.combine)[0]
                    let logits = h.map { Double(model.clip) * tanh(M.dot(mixed, $0) / Double(d).squareRoot()) }
                    result[t].append(M.logSoftmax(logits, hidden: hidden))
                    if !state.isTerminal {
                        state = state.applying(Int(stepActions[b * rollouts + r]), demands: instance.demands)
                    }
                }
            }
        }
        return result
    }
}
