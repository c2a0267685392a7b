extension Tape {
    /// Picks entries along `axis` separately for every position before it: with `x` viewed as
    /// `[outer, n, inner]` and `indices` holding `outer · k` values (row-major `[outer, k]`), the result is
    /// `[outer…, k, inner…]` with `result[o, j, :] = x[o, indices[o·k + j], :]`.
    ///
    /// Decoding uses it to fetch each instance's current-node embedding (`[B, n, d]`, one index per
    /// instance) and the log-probability of the chosen action (`[B, n]` along axis 1). Backward is a
    /// scatter-add.
    public func gather(_ x: Variable, axis: Int, indices: [Int32]) -> Variable {
        let outer = x.value.outerCount(before: axis)
        precondition(indices.count % max(outer, 1) == 0, "gather: \(indices.count) indices for \(outer) rows")
        return select(x, axis: axis, indices: indices, perRow: indices.count / max(outer, 1), shared: false)
    }

    /// Picks the same entries along `axis` for every position before it (`index_select`): the result has
    /// `indices.count` entries along `axis`.
    public func indexSelect(_ x: Variable, axis: Int, indices: [Int32]) -> Variable {
        select(x, axis: axis, indices: indices, perRow: indices.count, shared: true)
    }

    /// Adds slices of `source` into a zero tensor of extent `size` along `axis` (the adjoint of ``gather(_:axis:indices:)``):
    /// with `source` viewed as `[outer, k, inner]`, `result[o, indices[o·k + j], :] += source[o, j, :]`.
    /// `indices` has `outer · k` entries, or `k` entries shared by every outer position.
    public func scatterAdd(_ source: Variable, axis: Int, indices: [Int32], size: Int) -> Variable {
        let outer = source.value.outerCount(before: axis), inner = source.value.innerCount(after: axis)
        let k = source.shape[axis]
        precondition(indices.count == outer * k || indices.count == k, "scatterAdd: \(indices.count) indices")
        Self.checkIndices(indices, below: size)
        var shape = source.shape
        shape[axis] = size
        let output = Tensor(zeros: shape)
        let indexStride = indices.count == k ? 0 : k
        indices.withUnsafeBufferPointer { index in
            Self.scatter(source.pointer, into: output.pointer, index.baseAddress!, outer: outer, k: k, n: size,
                         inner: inner, indexStride: indexStride)
        }
        guard needsGradient(source) else { return constant(output) }
        return record(output) { tape, dy in
            guard let dx = tape.gradientTarget(source) else { return }
            indices.withUnsafeBufferPointer { index in
                Self.gatherRows(dy, into: dx, index.baseAddress!, outer: outer, k: k, n: size, inner: inner,
                                indexStride: indexStride)
            }
        }
    }

    private func select(_ x: Variable, axis: Int, indices: [Int32], perRow k: Int, shared: Bool) -> Variable {
        precondition(axis >= 0 && axis < x.shape.count, "axis \(axis) out of range for \(x.shape)")
        let outer = x.value.outerCount(before: axis), inner = x.value.innerCount(after: axis), n = x.shape[axis]
        Self.checkIndices(indices, below: n)
        var shape = x.shape
        shape[axis] = k
        let output = Tensor(uninitializedShape: shape)
        let target = GradientTarget(pointer: output.pointer, accumulates: false)
        let indexStride = shared ? 0 : k
        indices.withUnsafeBufferPointer { index in
            Self.gatherRows(x.pointer, into: target, index.baseAddress!, outer: outer, k: k, n: n, inner: inner,
                            indexStride: indexStride)
        }
        guard needsGradient(x) else { return constant(output) }
        return record(output) { tape, dy in
            guard let dx = tape.gradientTarget(x) else { return }
            dx.prepareForScatter(count: x.count)
            indices.withUnsafeBufferPointer { index in
                Self.scatter(dy, into: dx.pointer, index.baseAddress!, outer: outer, k: k, n: n, inner: inner,
                             indexStride: indexStride)
            }
        }
    }

    private static func checkIndices(_ indices: [Int32], below bound: Int) {
        precondition(indices.allSatisfy { $0 >= 0 && Int($0) < bound }, "index out of range 0..<\(bound)")
    }

    /// `target[o, j, :] (+)= source[o, index[o·stride + j], :]`.
    @inline(__always)
    private static func gatherRows(_ source: UnsafePointer<Float>, into target: GradientTarget,
                                   _ index: UnsafePointer<Int32>, outer: Int, k: Int, n: Int, inner: Int,
                                   indexStride: Int) {
        for o in 0..<outer {
            for j in 0..<k {
                let from = source + (o * n + Int(index[o * indexStride + j])) * inner
                let to = target.pointer + (o * k + j) * inner
                if target.accumulates {
                    for i in 0..<inner { to[i] += from[i] }
                } else {
                    to.update(from: from, count: inner)
                }
            }
        }
    }

    /// `target[o, index[o·stride + j], :] += source[o, j, :]`.
    @inline(__always)
    private static func scatter(_ source: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>,
                                _ index: UnsafePointer<Int32>, outer: Int, k: Int, n: Int, inner: Int,
                                indexStride: Int) {
        for o in 0..<outer {
            for j in 0..<k {
                let from = source + (o * k + j) * inner
                let to = target + (o * n + Int(index[o * indexStride + j])) * inner
                for i in 0..<inner { to[i] += from[i] }
            }
        }
    }
}
