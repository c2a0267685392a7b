import RoutingCore
import Tensor

extension PointerNetwork {
    /// Encodes `batch` (TSP) and decodes one tour per instance.
    ///
    /// Per step, for all instances at once: one decoder LSTM step, the glimpse (a `[B, d]` query product,
    /// the fused additive scores against `W_ref·e` precomputed once per batch, a masked softmax and one
    /// batched `[1, n]·[n, d]` product), the pointer scores the same way, `C·tanh`, a masked log-softmax,
    /// then the chosen node's embedding as the next input.
    ///
    /// - Parameters:
    ///   - strategy: greedy, sampling (from `rng`) or prescribed actions.
    ///   - keepStepLogProbabilities: also return every step's full `[B, n]` log-probabilities.
    /// - Returns: tour lengths and, when the tape records, the differentiable `Σ_t log p(a_t)` per instance.
    public func rollout(_ batch: ProblemBatch, on tape: Tape, strategy: DecodeStrategy,
                        using rng: inout SeededGenerator, keepStepLogProbabilities: Bool = false) -> Rollout {
        precondition(batch.kind == .tsp, "the pointer network decodes TSP")
        let rows = batch.count, n = batch.nodes, d = width
        let encoded = encoder(batch.coordinates, on: tape)
        let glimpseKeys = glimpse.project(encoded.states, on: tape)
        let pointerKeys = pointer.project(encoded.states, on: tape)
        let environment = TSPEnvironment(batch: batch)
        var input = tape.add(tape.constant(Tensor(zeros: [rows, d])), tape.parameter(decoderStart))
        var hidden = encoded.hidden, cell = encoded.cell
        var chosen: [Variable] = [], steps: [Tensor] = []
        var step = 0
        while !environment.isFinished {
            (hidden, cell) = decoder(input, hidden: hidden, cell: cell, on: tape)
            let mask = environment.mask.copy()
            let attention = tape.softmax(glimpse.scores(keys: glimpseKeys, query: hidden, on: tape), mask: mask)
            let query = tape.reshape(tape.batchedMatmul(tape.reshape(attention, [rows, 1, n]), encoded.states), [rows, d])
            let logits = tape.tanh(pointer.scores(keys: pointerKeys, query: query, on: tape), scale: clip)
            let logProbabilities = tape.logSoftmax(logits, mask: mask)
            let actions = strategy.select(logProbabilities.value, rows: rows, columns: n, step: step, using: &rng)
            if keepStepLogProbabilities { steps.append(logProbabilities.value) }
            if logProbabilities.requiresGradient {
                chosen.append(tape.gather(logProbabilities, axis: 1, indices: actions))
            }
            environment.step(actions)
            step += 1
            if !environment.isFinished {
                input = tape.reshape(tape.gather(encoded.embedded, axis: 1, indices: actions), [rows, d])
            }
        }
        let sum = chosen.isEmpty ? nil : tape.sum(tape.concat(chosen, axis: 1), axis: 1)
        return Rollout(costs: environment.lengths, logProbabilitySum: sum, stepLogProbabilities: steps,
                       scoredLogProbabilities: nil, environment: environment)
    }
}
