/// Binary element-wise operations with broadcasting.
enum ElementwiseOperation {
    case add, subtract, multiply

    @inline(__always)
    func apply(_ x: Float, _ y: Float) -> Float {
        switch self {
        case .add: x + y
        case .subtract: x - y
        case .multiply: x * y
        }
    }
}

extension Tape {
    /// `a + b` with broadcasting (shapes aligned on the right, size-1 dimensions repeat).
    public func add(_ a: Variable, _ b: Variable) -> Variable { elementwise(.add, a, b) }

    /// `a − b` with broadcasting.
    public func subtract(_ a: Variable, _ b: Variable) -> Variable { elementwise(.subtract, a, b) }

    /// `a · b` (element-wise) with broadcasting.
    public func multiply(_ a: Variable, _ b: Variable) -> Variable { elementwise(.multiply, a, b) }

    /// `factor · x`.
    public func scale(_ x: Variable, by factor: Float) -> Variable {
        let output = Tensor(uninitializedShape: x.shape)
        let source = x.pointer, y = output.pointer
        for i in 0..<x.count { y[i] = factor * source[i] }
        guard needsGradient(x) else { return constant(output) }
        return record(output) { tape, dy in
            tape.gradientTarget(x)?.update(count: x.count) { factor * dy[$0] }
        }
    }

    private func elementwise(_ operation: ElementwiseOperation, _ a: Variable, _ b: Variable) -> Variable {
        let plan = BroadcastPlan(a.shape, b.shape)
        let output = Tensor(uninitializedShape: plan.outputShape)
        let pa = a.pointer, pb = b.pointer, out = output.pointer
        let length = plan.rowLength, stepA = plan.stepA, stepB = plan.stepB
        plan.forEachRow { o, ia, ib in
            let x = pa + ia, y = pb + ib, z = out + o
            switch (stepA, stepB) {
            case (1, 1): for i in 0..<length { z[i] = operation.apply(x[i], y[i]) }
            case (1, _): let v = y[0]; for i in 0..<length { z[i] = operation.apply(x[i], v) }
            case (_, 1): let v = x[0]; for i in 0..<length { z[i] = operation.apply(v, y[i]) }
            default: z.update(repeating: operation.apply(x[0], y[0]), count: length)
            }
        }
        guard needsGradient(a, b) else { return constant(output) }
        return record(output) { tape, dz in
            if let da = tape.gradientTarget(a) {
                switch operation {
                case .add, .subtract:
                    Self.reduce(plan, into: da, count: a.count, step: stepA, forA: true) { o, _ in dz[o] }
                case .multiply:
                    Self.reduce(plan, into: da, count: a.count, step: stepA, forA: true) { o, other in dz[o] * pb[other] }
                }
            }
            if let db = tape.gradientTarget(b) {
                switch operation {
                case .add: Self.reduce(plan, into: db, count: b.count, step: stepB, forA: false) { o, _ in dz[o] }
                case .subtract: Self.reduce(plan, into: db, count: b.count, step: stepB, forA: false) { o, _ in -dz[o] }
                case .multiply:
                    Self.reduce(plan, into: db, count: b.count, step: stepB, forA: false) { o, other in dz[o] * pa[other] }
                }
            }
        }
    }

    /// Adds `term(outputIndex, otherInputIndex)` into one input's gradient, summing over the
    /// dimensions that input was broadcast along.
    @inline(__always)
    private static func reduce(_ plan: BroadcastPlan, into target: GradientTarget, count: Int, step: Int,
                               forA: Bool, _ term: (Int, Int) -> Float) {
        let length = plan.rowLength
        if count == plan.outputCount {
            // Not broadcast: same layout as the output; the other input may still be.
            let otherStep = forA ? plan.stepB : plan.stepA
            let g = target.pointer
            plan.forEachRow { o, ia, ib in
                let other = forA ? ib : ia
                if target.accumulates {
                    for i in 0..<length { g[o + i] += term(o + i, other + i * otherStep) }
                } else {
                    for i in 0..<length { g[o + i] = term(o + i, other + i * otherStep) }
                }
            }
            return
        }
        target.prepareForScatter(count: count)
        let g = target.pointer
        let otherStep = forA ? plan.stepB : plan.stepA
        plan.forEachRow { o, ia, ib in
            let own = forA ? ia : ib, other = forA ? ib : ia
            if step == 1 {
                for i in 0..<length { g[own + i] += term(o + i, other + i * otherStep) }
            } else {
                var sum: Float = 0
                for i in 0..<length { sum += term(o + i, other + i * otherStep) }
                g[own] += sum
            }
        }
    }
}
