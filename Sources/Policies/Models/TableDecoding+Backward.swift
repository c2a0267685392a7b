import Tensor

extension TableDecoding {
    /// Step-rows whose `∂P` is formed in one product (bounded scratch, still a large product).
    static let rowsPerChunk = 512

    /// Adds the gradients of `Σ_t log p(a_t)` (upstream `outputGradient` per rollout) into the tables'
    /// gradient buffers, `targets` in the order of ``DecoderTables/variables`` (`nil` where not needed).
    static func backward(_ record: DecodingRecord, tables: DecoderTables, clip: Float,
                         outputGradient: UnsafePointer<Float>, targets: [UnsafeMutablePointer<Float>?]) {
        let n = tables.nodes, width = record.width, heads = tables.heads
        let rollouts = record.rollouts
        let firstTarget = targets[0], lastTarget = targets[1], startTarget = targets[2], capacityTarget = targets[3]
        let valuesTarget = targets[4], biasTarget = targets[5], lastLogitsTarget = targets[6]
        let needsScores = firstTarget != nil || lastTarget != nil || startTarget != nil || capacityTarget != nil
        let longest = record.instanceRanges.map(\.count).max() ?? 0
        guard longest > 0 else { return }
        let logitGradients = Tensor(uninitializedShape: [longest, n])
        let scoreGradients = Tensor(uninitializedShape: [min(rowsPerChunk, longest), width])
        for (instance, range) in record.instanceRanges.enumerated() where range.count > 0 {
            let d = logitGradients.pointer
            for i in 0..<range.count {
                let index = range.start + i, w = outputGradient[instance * rollouts + i % rollouts]
                let u = record.tanh.pointer + index * n, pi = record.policy.pointer + index * n, out = d + i * n
                for j in 0..<n { out[j] = -w * pi[j] * clip * (1 - u[j] * u[j]) }
                let a = Int(record.actions[index])
                out[a] += w * clip * (1 - u[a] * u[a])
            }
            if let lastLogitsTarget {
                // ∂/∂(clip·u + offset) = w·(onehot − π): the clipped-logit gradient before the tanh factor.
                for i in 0..<range.count {
                    let index = range.start + i, query = record.queries[index]
                    guard query.last >= 0 else { continue }
                    let w = outputGradient[instance * rollouts + i % rollouts]
                    let pi = record.policy.pointer + index * n
                    let target = lastLogitsTarget + (instance * n + query.last) * n
                    for j in 0..<n { target[j] -= w * pi[j] }
                    target[Int(record.actions[index])] += w
                }
            }
            if let biasTarget {
                let target = biasTarget + instance * n
                for i in 0..<range.count {
                    for j in 0..<n { target[j] += d[i * n + j] }
                }
            }
            let scores = record.scores.pointer + range.start * width
            let values = tables.values.value.pointer + instance * width * n
            if let valuesTarget {
                BLAS.gemm(transposeA: true, m: width, n: n, k: range.count, a: scores, b: d, beta: 1,
                          c: valuesTarget + instance * width * n)
            }
            guard needsScores else { continue }
            for chunk in stride(from: 0, to: range.count, by: rowsPerChunk) {
                let rows = min(rowsPerChunk, range.count - chunk)
                let dP = scoreGradients.pointer
                BLAS.gemm(transposeB: true, m: rows, n: width, k: n, a: d + chunk * n, b: values, c: dP)
                for local in 0..<rows {
                    let index = range.start + chunk + local, g = dP + local * width
                    DecodingKernels.softmaxBackward(record.scores.pointer + index * width, g, heads: heads, nodes: n)
                    let query = record.queries[index]
                    if query.last >= 0 {
                        if let lastTarget { add(g, into: lastTarget + (instance * n + query.last) * width, count: width) }
                    } else if let startTarget {
                        add(g, into: startTarget + instance * width, count: width)
                    }
                    if query.first >= 0, let firstTarget {
                        add(g, into: firstTarget + (instance * n + query.first) * width, count: width)
                    }
                    if query.capacity != 0, let capacityTarget {
                        let target = capacityTarget + instance * width
                        for i in 0..<width { target[i] += query.capacity * g[i] }
                    }
                }
            }
        }
    }

    @inline(__always)
    static func add(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>, count: Int) {
        for i in 0..<count { target[i] += source[i] }
    }
}
