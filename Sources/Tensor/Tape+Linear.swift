/// Activation fused into ``Tape/linear(_:weight:bias:activation:)``.
public enum FusedActivation: Sendable {
    case identity
    case relu
}

extension Tape {
    /// `x·Wᵀ + b`, optionally followed by ReLU, as one op: `x` is `[…, in]`, `weight` `[out, in]`,
    /// `bias` `[out]`; the result is `[…, out]`.
    ///
    /// Forward: the bias is copied into the output rows and one `sgemm` adds the product (beta = 1), then
    /// ReLU runs in place. Backward: ReLU's mask is applied to the output gradient in place, then two
    /// `sgemm`s give `dx = dy·W` and `dW += dyᵀ·x`, and one pass sums `db`.
    public func linear(_ x: Variable, weight: Variable, bias: Variable? = nil,
                       activation: FusedActivation = .identity) -> Variable {
        let inputs = weight.shape[1], outputs = weight.shape[0]
        precondition(weight.shape.count == 2 && x.shape.last == inputs, "linear: x \(x.shape), weight \(weight.shape)")
        precondition(bias == nil || bias!.count == outputs, "linear: bias \(bias!.shape) for \(outputs) outputs")
        let rows = x.count / max(inputs, 1)
        let output = Tensor(uninitializedShape: Array(x.shape.dropLast()) + [outputs])
        let y = output.pointer
        if let bias {
            let b = bias.pointer
            for row in 0..<rows { (y + row * outputs).update(from: b, count: outputs) }
        }
        BLAS.gemm(transposeB: true, m: rows, n: outputs, k: inputs, a: x.pointer, b: weight.pointer,
                  beta: bias == nil ? 0 : 1, c: y)
        if activation == .relu {
            for i in 0..<output.count { y[i] = max(y[i], 0) }
        }
        guard needsGradient(x, weight, bias) else { return constant(output) }
        return record(output) { tape, dy in
            if activation == .relu {
                let y = output.pointer
                for i in 0..<rows * outputs { dy[i] = y[i] > 0 ? dy[i] : 0 }
            }
            if let dx = tape.gradientTarget(x) {
                BLAS.gemm(m: rows, n: inputs, k: outputs, a: dy, b: weight.pointer, beta: dx.beta, c: dx.pointer)
            }
            if let dw = tape.gradientTarget(weight) {
                BLAS.gemm(transposeA: true, m: outputs, n: inputs, k: rows, a: dy, b: x.pointer,
                          beta: dw.beta, c: dw.pointer)
            }
            if let bias, let db = tape.gradientTarget(bias) {
                Kernels.columnSums(dy, rows: rows, columns: outputs, into: db)
            }
        }
    }
}
