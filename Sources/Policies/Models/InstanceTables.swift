import Tensor

/// One instance's slice of ``DecoderTables`` as raw pointers, with the forward kernels of a decoding step.
struct InstanceTables {
    let first: UnsafePointer<Float>?, last: UnsafePointer<Float>
    let start: UnsafePointer<Float>?, capacity: UnsafePointer<Float>?
    let values: UnsafePointer<Float>, bias: UnsafePointer<Float>?
    /// The instance's `[n, n]` slice of ``DecoderTables/lastLogits``.
    let lastLogits: UnsafePointer<Float>?
    let nodes: Int, heads: Int, width: Int

    init(_ tables: DecoderTables, instance: Int) {
        let n = tables.nodes, width = tables.heads * n
        nodes = n
        heads = tables.heads
        self.width = width
        first = tables.first.map { UnsafePointer($0.value.pointer + instance * n * width) }
        last = UnsafePointer(tables.last.value.pointer + instance * n * width)
        start = tables.start.map { UnsafePointer($0.value.pointer + instance * width) }
        capacity = tables.capacity.map { UnsafePointer($0.value.pointer + instance * width) }
        values = UnsafePointer(tables.values.value.pointer + instance * width * n)
        bias = tables.bias.map { UnsafePointer($0.value.pointer + instance * n) }
        lastLogits = tables.lastLogits.map { UnsafePointer($0.value.pointer + instance * n * n) }
    }

    /// The row added to the clipped logits of a rollout with `query` (its current node's travel-cost row), if any.
    @inline(__always)
    func logitOffset(_ query: QueryTerms) -> UnsafePointer<Float>? {
        guard let lastLogits, query.last >= 0 else { return nil }
        return lastLogits + query.last * nodes
    }

    /// The attention probabilities `[n·H]` of one rollout: its query's table rows summed, then a softmax
    /// over the visible keys per head (masked keys get 0).
    @inline(__always)
    func attentionRow(into scores: UnsafeMutablePointer<Float>, query: QueryTerms, mask: UnsafePointer<UInt8>) {
        let a: UnsafePointer<Float> = query.last >= 0 ? last + query.last * width : start!
        let b: UnsafePointer<Float>? = query.first >= 0 ? first! + query.first * width : nil
        let c: UnsafePointer<Float>? = query.capacity != 0 ? capacity : nil
        DecodingKernels.maskedHeadSoftmax(scores, a: a, b: b, c: c, cScale: query.capacity, heads: heads, nodes: nodes,
                                          mask: mask)
    }

    /// `tanh(P·values + bias)` for `rows` rollouts' attention rows `[rows, n·H]` into `[rows, n]`.
    @inline(__always)
    func logits<State: TableDecodingState>(_ scores: UnsafePointer<Float>, rows: Int, state: State,
                                           into output: UnsafeMutablePointer<Float>) {
        if rows == 1 {
            DecodingKernels.maskedRowProduct(scores, values: values, heads: heads, nodes: nodes,
                                             mask: state.mask(row: 0), into: output)
        } else {
            BLAS.gemm(m: rows, n: nodes, k: width, a: scores, b: values, c: output)
        }
        for r in 0..<rows {
            let row = output + r * nodes
            if let bias { for j in 0..<nodes { row[j] += bias[j] } }
            VectorMath.scaledTanh(row, row, count: nodes, scale: 1)
        }
    }
}
