extension Tape {
    /// Sum of all elements, a scalar (shape `[]`), accumulated in double precision.
    public func sum(_ x: Variable) -> Variable { total(x, factor: 1) }

    /// Mean of all elements, a scalar (shape `[]`).
    public func mean(_ x: Variable) -> Variable { total(x, factor: 1 / Float(max(x.count, 1))) }

    /// Sum along `axis`, which is removed from the shape.
    public func sum(_ x: Variable, axis: Int) -> Variable { reduce(x, axis: axis, mean: false) }

    /// Mean along `axis`, which is removed from the shape (the attention model's graph embedding).
    public func mean(_ x: Variable, axis: Int) -> Variable { reduce(x, axis: axis, mean: true) }

    private func total(_ x: Variable, factor: Float) -> Variable {
        let output = Tensor([Float(Kernels.sum(x.pointer, x.count)) * factor], shape: [])
        guard needsGradient(x) else { return constant(output) }
        return record(output) { tape, dy in
            let g = dy[0] * factor
            tape.gradientTarget(x)?.update(count: x.count) { _ in g }
        }
    }

    private func reduce(_ x: Variable, axis: Int, mean: Bool) -> Variable {
        precondition(axis >= 0 && axis < x.shape.count, "axis \(axis) out of range for \(x.shape)")
        let outer = x.value.outerCount(before: axis), inner = x.value.innerCount(after: axis), n = x.shape[axis]
        var shape = x.shape
        shape.remove(at: axis)
        let factor: Float = mean ? 1 / Float(max(n, 1)) : 1
        let output = Tensor(zeros: shape)
        let source = x.pointer, out = output.pointer
        for o in 0..<outer {
            let to = out + o * inner
            for j in 0..<n {
                let from = source + (o * n + j) * inner
                for i in 0..<inner { to[i] += from[i] }
            }
            if mean { for i in 0..<inner { to[i] *= factor } }
        }
        guard needsGradient(x) else { return constant(output) }
        return record(output) { tape, dy in
            guard let dx = tape.gradientTarget(x) else { return }
            for o in 0..<outer {
                let from = dy + o * inner
                for j in 0..<n {
                    let to = dx.pointer + (o * n + j) * inner
                    if dx.accumulates {
                        for i in 0..<inner { to[i] += factor * from[i] }
                    } else {
                        for i in 0..<inner { to[i] = factor * from[i] }
                    }
                }
            }
        }
    }
}
