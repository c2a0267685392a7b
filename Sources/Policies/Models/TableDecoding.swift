import Foundation
import RoutingCore
import Tensor

/// A pointer decoder's whole rollout (every step of every rollout of every instance) as one fused
/// operation on ``DecoderTables``, with its own backward pass.
///
/// ## Forward, per instance and step
/// For every rollout: add its query's table rows into the `[n·H]` attention scores and take a masked
/// softmax per head (`P`); then `logits = P·values + bias` (one `[N, n·H]·[n·H, n]` product for POMO's N
/// rollouts, a masked matrix-vector sweep for one rollout), `C·tanh` (plus the matrix policy's `lastLogits`
/// row of the current node), masked log-softmax, choose.
/// Instances are decoded one after another so their tables stay in cache for all their steps. A step
/// where every rollout has a single allowed node (the last TSP node, a full vehicle's return, a finished
/// CVRP rollout waiting at the depot) has probability 1: it is applied without being computed.
///
/// ## Backward
/// The output is `Σ_t log p(a_t)` per rollout. With the upstream gradient `w` of a rollout, the logit
/// gradient is `w·(onehot(a_t) − π_t)` (0 where masked; added as such to the current node's `lastLogits`
/// row), times `C(1 − u²)` through the clip. Per instance,
/// all computed steps' logit gradients `D` go through two large products, `∂values = Pᵀ·D` and
/// `∂P = D·valuesᵀ` (in chunks), then the softmax backward per head and scatter-adds into the query's table
/// rows (see ``DecodingRecord`` for what is saved).
enum TableDecoding {
    /// The result of one fused decoding.
    struct Output {
        /// `Σ_t log p(a_t)` per rollout `[B·N]` (instance-major); differentiable when the tape records.
        let logProbabilitySum: Variable
        /// `actions[t][row]`, every step including forced ones; rollouts that finished early (CVRP) are
        /// padded with the depot.
        let actions: [[Int32]]
        /// Full `[B·N, n]` log-probabilities of every step when asked for (`-inf` where masked; 0 at the
        /// only allowed node of steps that were not computed).
        let stepLogProbabilities: [Tensor]
    }

    /// Decodes every instance of `tables` with `state`'s rollouts.
    /// - Parameters:
    ///   - state: the per-instance state (its `rows` rollouts per instance).
    ///   - clip: `C` in `C·tanh`.
    ///   - forcedStart: POMO's prescribed first node of each rollout (not chosen, probability 1).
    ///   - strategy: `.forced` actions are indexed `[step][row]` over the chosen steps (after a forced
    ///     start).
    static func run<State: TableDecodingState>(
        _ tables: DecoderTables, state: State, clip: Float, forcedStart: ((Int) -> Int)? = nil,
        strategy: DecodeStrategy, on tape: Tape, using rng: inout SeededGenerator,
        keepStepLogProbabilities: Bool = false
    ) -> Output {
        let b = tables.instances, n = tables.nodes, heads = tables.heads, width = heads * n, rollouts = state.rows
        let rows = b * rollouts
        let inputs = tables.variables.compactMap { $0 }
        let record = tape.isRecording && inputs.contains(where: \.requiresGradient)
            ? DecodingRecord(width: width, nodes: n, rollouts: rollouts, expectedRows: rows * n) : nil
        let workspace = Workspace(rollouts: rollouts, nodes: n, width: width)
        var actions = [[Int32]](), steps = [Tensor](), finishingSteps = [Int]()
        let sums = Tensor(zeros: [rows])
        let strategyOffset = forcedStart == nil ? 0 : 1

        for instance in 0..<b {
            state.reset(instance: instance)
            record?.beginInstance()
            let view = InstanceTables(tables, instance: instance)
            var step = 0
            while !state.isFinished {
                if step == actions.count {
                    actions.append([Int32](repeating: 0, count: rows))
                    if keepStepLogProbabilities { steps.append(Tensor(repeating: -.infinity, shape: [rows, n])) }
                }
                let rowBase = instance * rollouts
                /// Applies `node` to rollout `r`; `computed` is false for moves of probability 1.
                func choose(_ r: Int, node: Int, logProbability: Float, computed: Bool) {
                    let row = rowBase + r
                    actions[step][row] = Int32(node)
                    sums.pointer[row] += logProbability
                    if keepStepLogProbabilities && !computed { steps[step].pointer[row * n + node] = 0 }
                    state.apply(row: r, node: node)
                }
                if step == 0, let forcedStart {
                    for r in 0..<rollouts { choose(r, node: forcedStart(r), logProbability: 0, computed: false) }
                } else if let single = singleChoices(state) {
                    for r in 0..<rollouts { choose(r, node: single[r], logProbability: 0, computed: false) }
                } else {
                    let saved = record?.reserve(rows: rollouts)
                    let scores = saved?.scores ?? workspace.scores.pointer
                    for r in 0..<rollouts {
                        view.attentionRow(into: scores + r * width, query: state.query(row: r), mask: state.mask(row: r))
                    }
                    let logits = saved?.tanh ?? workspace.logits.pointer
                    view.logits(scores, rows: rollouts, state: state, into: logits)
                    for r in 0..<rollouts {
                        let mask = state.mask(row: r), logit = logits + r * n
                        let probability = saved.map { $0.policy + r * n } ?? workspace.policy.pointer
                        let logProbability = workspace.logProbability.pointer
                        DecodingKernels.clippedLogSoftmax(logit, logProbabilities: logProbability, probabilities: probability,
                                                  count: n, clip: clip, mask: mask,
                                                  offset: view.logitOffset(state.query(row: r)))
                        var node = Int(strategy.selectRow(logProbability, probabilities: probability, columns: n,
                                                          step: step - strategyOffset, row: rowBase + r, using: &rng))
                        if mask[node] != 0 {
                            // Only non-finite logits (NaN weights) get here: take an allowed node so decoding
                            // stays feasible; its NaN log-probability makes the trainer skip the update.
                            precondition((0..<n).contains { mask[$0] == 0 && logProbability[$0].isNaN },
                                         "the decoding strategy chose a masked node")
                            node = (0..<n).first { mask[$0] == 0 }!
                        }
                        if keepStepLogProbabilities {
                            (steps[step].pointer + (rowBase + r) * n).update(from: logProbability, count: n)
                        }
                        record?.append(query: state.query(row: r), action: node)
                        choose(r, node: node, logProbability: logProbability[node], computed: true)
                    }
                }
                step += 1
            }
            finishingSteps.append(step)
        }
        if keepStepLogProbabilities {
            // Rollouts of instances that finished before the longest one waited at the depot (probability 1).
            for (instance, finish) in finishingSteps.enumerated() where finish < steps.count {
                for step in finish..<steps.count {
                    for r in 0..<rollouts { steps[step].pointer[(instance * rollouts + r) * n] = 0 }
                }
            }
            if forcedStart != nil { steps.removeFirst() }
        }
        let sum = tape.custom(sums, inputs: inputs) { gradient, targets in
            guard let record else { return }
            var slots = [UnsafeMutablePointer<Float>?](), next = 0
            for variable in tables.variables {
                if variable != nil { slots.append(targets[next]); next += 1 } else { slots.append(nil) }
            }
            backward(record, tables: tables, clip: clip, outputGradient: gradient, targets: slots)
        }
        return Output(logProbabilitySum: sum, actions: actions, stepLogProbabilities: steps)
    }

    /// The only allowed node of every rollout when each has exactly one, else `nil`.
    private static func singleChoices<State: TableDecodingState>(_ state: State) -> [Int]? {
        var nodes = [Int](repeating: 0, count: state.rows)
        for r in 0..<state.rows {
            let mask = state.mask(row: r)
            var allowed = -1
            for j in 0..<state.nodes where mask[j] == 0 {
                guard allowed < 0 else { return nil }
                allowed = j
            }
            precondition(allowed >= 0, "a rollout has no allowed node")
            nodes[r] = allowed
        }
        return nodes
    }

    /// Scratch rows for steps that are not saved.
    final class Workspace {
        let scores: Tensor, logits: Tensor, policy: Tensor, logProbability: Tensor

        init(rollouts: Int, nodes: Int, width: Int) {
            scores = Tensor(uninitializedShape: [rollouts, width])
            logits = Tensor(uninitializedShape: [rollouts, nodes])
            policy = Tensor(uninitializedShape: [nodes])
            logProbability = Tensor(uninitializedShape: [nodes])
        }
    }
}
