import Foundation
import RoutingCore
import Tensor

/// Double-precision forward passes of the pointer network and its critic: per instance, nested arrays,
/// textbook LSTM and additive-attention formulas, the RoutingCore ``ConstructionState`` for the visited set.
extension ReferenceForward {
    typealias M = ReferenceMath

    /// Log-probabilities `[step][instance][node]` of the pointer network for `actions[step][instance]`
    /// (`-inf` at visited nodes).
    public static func pointerNetwork(_ model: PointerNetwork, batch: ProblemBatch, actions: [[Int32]]) -> [[[Double]]] {
        var result = [[[Double]]](repeating: [], count: actions.count)
        for b in 0..<batch.count {
            let (embedded, states, final) = encode(model.encoder, batch: batch, instance: b)
            let glimpseKeys = M.linear(states, model.glimpse.reference)
            let pointerKeys = M.linear(states, model.pointer.reference)
            let instance = batch.instance(at: b)
            var state = ConstructionState(instance: instance)
            var input = M.vector(model.decoderStart), memory = final
            for (t, stepActions) in actions.enumerated() {
                memory = lstm(input, memory, model.decoder)
                let hidden = (0..<batch.nodes).map { !state.allowedActions(demands: instance.demands)[$0] }
                let attention = softmax(scores(glimpseKeys, query: memory.hidden, model.glimpse), hidden: hidden)
                let query = weightedSum(attention, states)
                let logits = scores(pointerKeys, query: query, model.pointer).map { Double(model.clip) * tanh($0) }
                result[t].append(M.logSoftmax(logits, hidden: hidden))
                let action = Int(stepActions[b])
                state = state.applying(action, demands: instance.demands)
                input = embedded[action]
            }
        }
        return result
    }

    /// The critic's predicted length per instance.
    public static func critic(_ critic: CriticNetwork, batch: ProblemBatch) -> [Double] {
        (0..<batch.count).map { b in
            let (_, states, final) = encode(critic.encoder, batch: batch, instance: b)
            let keys = M.linear(states, critic.process.reference)
            var query = final.hidden
            for _ in 0..<critic.processSteps {
                let attention = softmax(scores(keys, query: query, critic.process), hidden: keys.map { _ in false })
                query = weightedSum(attention, states)
            }
            return M.linear(M.relu(M.linear([query], critic.hidden)), critic.output)[0][0]
        }
    }

    /// Embedded nodes, LSTM outputs and the final LSTM state of one instance.
    private static func encode(_ encoder: SequenceEncoder, batch: ProblemBatch, instance b: Int)
        -> (embedded: M.Matrix, states: M.Matrix, final: (hidden: [Double], cell: [Double])) {
        let embedded = M.linear((0..<batch.nodes).map { let p = batch.point(b, $0); return [Double(p.x), Double(p.y)] },
                                encoder.embedding)
        let d = encoder.cell.units
        var memory = (hidden: [Double](repeating: 0, count: d), cell: [Double](repeating: 0, count: d))
        var states = M.Matrix()
        for x in embedded {
            memory = lstm(x, memory, encoder.cell)
            states.append(memory.hidden)
        }
        return (embedded, states, memory)
    }

    /// One LSTM step (gates i, f, g, o).
    private static func lstm(_ x: [Double], _ memory: (hidden: [Double], cell: [Double]),
                             _ cell: LSTMCell) -> (hidden: [Double], cell: [Double]) {
        let inputWeight = M.matrix(cell.inputWeight), hiddenWeight = M.matrix(cell.hiddenWeight)
        let bias = M.vector(cell.bias), units = cell.units
        let gates = (0..<(4 * units)).map { r in bias[r] + M.dot(inputWeight[r], x) + M.dot(hiddenWeight[r], memory.hidden) }
        func sigmoid(_ z: Double) -> Double { 1 / (1 + Foundation.exp(-z)) }
        var hidden = [Double](), next = [Double]()
        for j in 0..<units {
            let c = sigmoid(gates[units + j]) * memory.cell[j] + sigmoid(gates[j]) * tanh(gates[2 * units + j])
            next.append(c)
            hidden.append(sigmoid(gates[3 * units + j]) * tanh(c))
        }
        return (hidden, next)
    }

    /// `v·tanh(key_j + W_q·query)` for every projected key.
    private static func scores(_ keys: M.Matrix, query: [Double], _ layer: AdditiveAttention) -> [Double] {
        let projected = M.linear([query], layer.query)[0], v = M.vector(layer.vector)
        return keys.map { key in M.dot(v, zip(key, projected).map { tanh($0 + $1) }) }
    }

    private static func softmax(_ values: [Double], hidden: [Bool]) -> [Double] {
        M.logSoftmax(values, hidden: hidden).map { Foundation.exp($0) }
    }

    private static func weightedSum(_ weights: [Double], _ rows: M.Matrix) -> [Double] {
        rows[0].indices.map { c in zip(weights, rows).reduce(0) { $0 + $1.0 * $1.1[c] } }
    }
}
