import RoutingCore
import Tensor

extension AttentionModel {
    /// What the decoder computes once per batch from the node embeddings.
    struct DecoderCache {
        let embeddings: Variable
        /// `[B, d]` projected graph embedding.
        let fixedContext: Variable
        let glimpseKey: Variable, glimpseValue: Variable, logitKey: Variable
    }

    /// Encodes `batch` and decodes one solution per instance.
    ///
    /// - Parameters:
    ///   - training: batch statistics (and running-average updates) in batch norm when `true`.
    ///   - strategy: greedy, sampling (from `rng`) or prescribed actions.
    ///   - keepStepLogProbabilities: also return every step's full log-probability rows.
    /// - Returns: costs and, when the tape records, the differentiable sum of chosen log-probabilities.
    public func rollout(_ batch: ProblemBatch, on tape: Tape, training: Bool, strategy: DecodeStrategy,
                        using rng: inout SeededGenerator, keepStepLogProbabilities: Bool = false) -> Rollout {
        let cache = precompute(encode(batch, on: tape, training: training), on: tape)
        let tables = decoderTables(cache, on: tape)
        let decoded: TableDecoding.Output
        let environment: any DecodingEnvironment
        if configuration.problem == .tsp {
            decoded = TableDecoding.run(tables, state: TSPTableState(rows: 1, nodes: batch.nodes), clip: configuration.clip,
                                        strategy: strategy, on: tape, using: &rng,
                                        keepStepLogProbabilities: keepStepLogProbabilities)
            environment = TSPEnvironment(batch: batch)
        } else {
            decoded = TableDecoding.run(tables, state: CVRPTableState(batch: batch, rows: 1), clip: configuration.clip,
                                        strategy: strategy, on: tape, using: &rng,
                                        keepStepLogProbabilities: keepStepLogProbabilities)
            environment = CVRPEnvironment(batch: batch)
        }
        for actions in decoded.actions { environment.step(actions) }
        let sum = decoded.logProbabilitySum
        return Rollout(costs: environment.lengths, logProbabilitySum: sum.requiresGradient ? sum : nil,
                       stepLogProbabilities: decoded.stepLogProbabilities, scoredLogProbabilities: nil,
                       environment: environment)
    }

    /// The same decoding with every step on the tape as separate ops without recording, then (when the
    /// tape records) all steps scored in one batched teacher-forced pass (``score(_:trace:on:)``): the
    /// reference that ``rollout(_:on:training:strategy:using:keepStepLogProbabilities:)``'s fused table
    /// decoding is tested against.
    func stepwiseRollout(_ batch: ProblemBatch, on tape: Tape, training: Bool, strategy: DecodeStrategy,
                         using rng: inout SeededGenerator, keepStepLogProbabilities: Bool = false) -> Rollout {
        let cache = precompute(encode(batch, on: tape, training: training), on: tape)
        let environment: any DecodingEnvironment = configuration.problem == .tsp
            ? TSPEnvironment(batch: batch) : CVRPEnvironment(batch: batch)
        let recording = tape.isRecording
        var steps = [Tensor](), trace = DecodingTrace()
        tape.withoutRecording {
            var step = 0
            while !environment.isFinished {
                let logProbabilities = decodeStep(cache, environment: environment, step: step, on: tape).value
                let actions = strategy.select(logProbabilities, rows: environment.rows, columns: environment.nodes,
                                              step: step, using: &rng)
                if keepStepLogProbabilities { steps.append(logProbabilities) }
                if recording { trace.record(environment, chosen: actions) }
                environment.step(actions)
                step += 1
            }
        }
        let scored = recording ? score(cache, trace: trace, on: tape) : nil
        return Rollout(costs: environment.lengths, logProbabilitySum: scored?.sum, stepLogProbabilities: steps,
                       scoredLogProbabilities: scored?.steps, environment: environment)
    }

    /// Graph context and the node projections, once per batch.
    func precompute(_ embeddings: Variable, on tape: Tape) -> DecoderCache {
        let d = configuration.width
        let graph = tape.mean(embeddings, axis: 1)
        let projected = tape.split(nodeProjection(embeddings, on: tape), axis: 2, sizes: [d, d, d])
        return DecoderCache(embeddings: embeddings, fixedContext: fixedContext(graph, on: tape),
                            glimpseKey: projected[0], glimpseValue: projected[1], logitKey: projected[2])
    }

    /// Log-probabilities `[B, n]` of the next node.
    func decodeStep(_ cache: DecoderCache, environment: any DecodingEnvironment, step: Int, on tape: Tape) -> Variable {
        let batch = environment.rows, n = environment.nodes, d = configuration.width
        let query = tape.reshape(tape.add(cache.fixedContext, stepQuery(cache, environment: environment, step: step,
                                                                        on: tape)), [batch, 1, d])
        let mask = environment.mask.copy()
        let glimpse = glimpseOutput(tape.multiHeadAttention(query: query, key: cache.glimpseKey,
                                                            value: cache.glimpseValue, heads: configuration.heads,
                                                            mask: mask), on: tape)
        let compatibility = tape.batchedMatmul(glimpse, cache.logitKey, transposeB: true)
        let logits = tape.tanh(tape.scale(compatibility, by: 1 / Float(d).squareRoot()), scale: configuration.clip)
        return tape.logSoftmax(tape.reshape(logits, [batch, n]), mask: mask)
    }

    /// The projected step context `[B, d]` (or `[1, d]` for the TSP placeholder step).
    private func stepQuery(_ cache: DecoderCache, environment: any DecodingEnvironment, step: Int,
                           on tape: Tape) -> Variable {
        let batch = environment.rows, d = configuration.width
        if let tsp = environment as? TSPEnvironment {
            if step == 0, let placeholder {
                return stepContext(tape.reshape(tape.parameter(placeholder), [1, 2 * d]), on: tape)
            }
            let first = tape.gather(cache.embeddings, axis: 1, indices: tsp.first)
            let last = tape.gather(cache.embeddings, axis: 1, indices: tsp.current)
            return tape.reshape(stepContext(tape.concat([first, last], axis: 2), on: tape), [batch, d])
        }
        let cvrp = environment as! CVRPEnvironment
        let last = tape.gather(cache.embeddings, axis: 1, indices: cvrp.current)
        let capacity = tape.constant(Tensor(cvrp.remainingCapacityFraction, shape: [batch, 1, 1]))
        return tape.reshape(stepContext(tape.concat([last, capacity], axis: 2), on: tape), [batch, d])
    }
}
