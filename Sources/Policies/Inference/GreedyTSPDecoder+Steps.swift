import Foundation
import RoutingCore
import Tensor

extension GreedyTSPDecoder {
    /// The decoder: graph context and node projections once, then `n` greedy steps.
    func decodeSteps(nodes n: Int) -> (tour: [Int], logLikelihood: Float) {
        let d = width, dk = d / heads, stride3 = 3 * d
        let headScale = 1 / Float(dk).squareRoot(), logitScale = 1 / Float(d).squareRoot()
        let clip = model.configuration.clip
        // Graph embedding → fixed context.
        glimpse.update(repeating: 0, count: d)
        for j in 0..<n { for c in 0..<d { glimpse[c] += h[j * d + c] } }
        for c in 0..<d { glimpse[c] /= Float(n) }
        Self.matrixVector(model.fixedContext.weight.value.pointer, glimpse, rows: d, columns: d, into: fixedQuery)
        // Glimpse keys | values | logit keys, and both halves of the step-context projection, for all nodes.
        Self.linear(h, rows: n, model.nodeProjection, into: projected)
        let step = model.stepContext.weight.value.pointer
        BLAS.gemm(transposeB: true, m: n, n: d, k: d, a: h, b: step, ldb: 2 * d, c: firstContext)
        BLAS.gemm(transposeB: true, m: n, n: d, k: d, a: h, b: step + d, ldb: 2 * d, c: lastContext)
        Self.matrixVector(step, model.placeholder!.value.pointer, rows: d, columns: 2 * d, into: stepQuery)
        // Unvisited nodes in a compact list (a chosen node swaps with the last), so every step works on
        // the r remaining nodes only, without mask branches.
        for j in 0..<n { remaining[j] = Int32(j) }
        var count = n
        var tour = [Int](), logLikelihood: Float = 0
        tour.reserveCapacity(n)
        let output = model.glimpseOutput.weight.value.pointer
        for t in 0..<n {
            if t == 0 {
                for c in 0..<d { stepQuery[c] += fixedQuery[c] }
            } else {
                let first = firstContext + tour[0] * d, last = lastContext + tour[t - 1] * d
                for c in 0..<d { stepQuery[c] = fixedQuery[c] + (first[c] + last[c]) }
            }
            // One glimpse: per head, softmax over unvisited nodes of q_h·k_h/√d_k, then Σ p·v_h.
            for head in 0..<heads {
                let row = scores + head * n, q = stepQuery + head * dk, offset = head * dk
                for slot in 0..<count {
                    row[slot] = Self.dot(q, projected + Int(remaining[slot]) * stride3 + offset, dk) * headScale
                }
                let maximum = VectorMath.maximum(row, count: count)
                let inverse = 1 / VectorMath.shiftedExp(row, count: count, shift: maximum)
                weightedSum(row, count: count, scale: inverse, columnOffset: d + offset, width: dk,
                            into: glimpseHeads + offset)
            }
            Self.matrixVector(output, glimpseHeads, rows: d, columns: d, into: glimpse)
            // Single-head logits, clipped; greedy choice (lowest node on ties, as the tape) and its log-probability.
            for slot in 0..<count {
                logits[slot] = Self.dot(glimpse, projected + Int(remaining[slot]) * stride3 + 2 * d, d) * logitScale
            }
            VectorMath.scaledTanh(logits, logits, count: count, scale: clip)
            var bestSlot = 0, bestLogit = -Float.infinity
            for slot in 0..<count {
                let logit = logits[slot]
                if logit > bestLogit || (logit == bestLogit && remaining[slot] < remaining[bestSlot]) {
                    bestSlot = slot
                    bestLogit = logit
                }
            }
            logLikelihood -= Foundation.log(VectorMath.shiftedExp(logits, count: count, shift: bestLogit))
            let best = Int(remaining[bestSlot])
            count -= 1
            remaining[bestSlot] = remaining[count]
            tour.append(best)
        }
        return (tour, logLikelihood)
    }

    /// `target[0..<width] = scale · Σ_slot weights[slot] · projected[remaining[slot]·3d + columnOffset …]`.
    @inline(__always)
    private func weightedSum(_ weights: UnsafePointer<Float>, count: Int, scale: Float, columnOffset: Int, width: Int,
                             into target: UnsafeMutablePointer<Float>) {
        let stride3 = 3 * self.width
        if width == 16 {
            var sum0 = SIMD8<Float>(), sum1 = SIMD8<Float>()
            for slot in 0..<count {
                let v = UnsafeRawPointer(projected + Int(remaining[slot]) * stride3 + columnOffset)
                sum0 += weights[slot] * v.loadUnaligned(as: SIMD8<Float>.self)
                sum1 += weights[slot] * v.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
            }
            let raw = UnsafeMutableRawPointer(target)
            raw.storeBytes(of: sum0 * scale, as: SIMD8<Float>.self)
            raw.storeBytes(of: sum1 * scale, toByteOffset: 32, as: SIMD8<Float>.self)
            return
        }
        target.update(repeating: 0, count: width)
        for slot in 0..<count {
            let v = projected + Int(remaining[slot]) * stride3 + columnOffset, w = weights[slot]
            for c in 0..<width { target[c] += w * v[c] }
        }
        for c in 0..<width { target[c] *= scale }
    }

    /// `target = M·x` for a row-major `[rows, columns]` matrix.
    @inline(__always)
    static func matrixVector(_ matrix: UnsafePointer<Float>, _ x: UnsafePointer<Float>, rows: Int, columns: Int,
                             into target: UnsafeMutablePointer<Float>) {
        for r in 0..<rows { target[r] = dot(matrix + r * columns, x, columns) }
    }

    /// `Σ a[i]·b[i]` with eight-lane accumulators.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ count: Int) -> Float {
        var lanes = SIMD8<Float>()
        var i = 0
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        while i + 8 <= count {
            lanes += rawA.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                * rawB.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            i += 8
        }
        var total = lanes.sum()
        while i < count {
            total += a[i] * b[i]
            i += 1
        }
        return total
    }

    /// Decodes seeded random instances with this path and with the tape (evaluation mode, greedy) and
    /// compares tours and log-likelihoods. - Throws: ``ForwardCheck/Mismatch``.
    public static func verifyAgainstTape(nodes: Int = 20, seed: UInt64 = 5, tolerance: Double = 1e-3) throws {
        let model = AttentionModel(configuration: .init(problem: .tsp), seed: seed)
        // Running statistics of a real batch (at the initial unit variance the untrained network's
        // evaluation-mode embeddings collapse to nearly one point and greedy choices become ties).
        var rng = SeededGenerator(seed: seed + 1)
        let batch = ProblemBatch.randomTSP(count: 2, nodes: nodes, using: &rng)
        for statistics in model.statistics { statistics.momentum = 1 }
        _ = model.encode(batch, on: Tape(recording: false), training: true)
        for statistics in model.statistics { statistics.momentum = 0.1 }
        let tape = Tape(recording: false)
        let reference = model.rollout(batch, on: tape, training: false, strategy: .greedy, using: &rng,
                                      keepStepLogProbabilities: true)
        let decoder = GreedyTSPDecoder(model: model, nodes: nodes)
        for instance in 0..<batch.count {
            let fast = decoder.decode(batch.slice(instance..<(instance + 1)).coordinates.scalars)
            let tour = reference.environment.sequence(row: instance)
            var expected = 0.0
            for (step, values) in reference.stepLogProbabilities.enumerated() {
                expected += Double(values.pointer[instance * nodes + tour[step]])
            }
            let error = fast.tour == tour ? abs(Double(fast.logLikelihood) - expected) : .infinity
            guard error <= tolerance else {
                throw ForwardCheck.Mismatch(network: "fused greedy TSP decoder", largestError: error, tolerance: tolerance)
            }
        }
    }
}
