import Foundation

extension Tape {
    /// `max(x, 0)` element-wise.
    public func relu(_ x: Variable) -> Variable {
        unary(x, forward: { max($0, 0) }, derivative: { y in y > 0 ? 1 : 0 })
    }

    /// `scale · tanh(x)` element-wise (vectorised, ``VectorMath/tanh(_:)``); `scale = 10` is the attention
    /// model's logit clipping.
    public func tanh(_ x: Variable, scale: Float = 1) -> Variable {
        let output = Tensor(uninitializedShape: x.shape)
        VectorMath.scaledTanh(x.pointer, output.pointer, count: x.count, scale: scale)
        guard needsGradient(x) else { return constant(output) }
        let inverse = 1 / scale
        return record(output) { tape, dy in
            let y = output.pointer
            tape.gradientTarget(x)?.update(count: x.count) { let t = y[$0] * inverse; return dy[$0] * scale * (1 - t * t) }
        }
    }

    /// `1 / (1 + e^(−x))` element-wise.
    public func sigmoid(_ x: Variable) -> Variable {
        unary(x, forward: { 1 / (1 + Foundation.exp(-$0)) }, derivative: { y in y * (1 - y) })
    }

    /// An element-wise op whose derivative is a function of its output.
    @inline(__always)
    private func unary(_ x: Variable, forward: (Float) -> Float,
                       derivative: @escaping (Float) -> Float) -> Variable {
        let output = Tensor(uninitializedShape: x.shape)
        let source = x.pointer, y = output.pointer
        for i in 0..<x.count { y[i] = forward(source[i]) }
        guard needsGradient(x) else { return constant(output) }
        return record(output) { tape, dy in
            let y = output.pointer
            tape.gradientTarget(x)?.update(count: x.count) { dy[$0] * derivative(y[$0]) }
        }
    }
}
