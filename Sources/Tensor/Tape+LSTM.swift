import Foundation

extension Tape {
    /// One LSTM step as a single op (gate order i, f, g, o as in PyTorch):
    /// `gates = x·W_ihᵀ + h·W_hhᵀ + b`, `c' = σ(f)·c + σ(i)·tanh(g)`, `h' = σ(o)·tanh(c')`.
    ///
    /// - Parameters:
    ///   - x: input `[B, I]`; `hidden`, `cell`: state `[B, H]`.
    ///   - inputWeight: `[4H, I]`; `hiddenWeight`: `[4H, H]`; `bias`: `[4H]` (PyTorch's two biases summed).
    /// - Returns: the new hidden and cell states, `[B, H]` each.
    public func lstmCell(_ x: Variable, hidden: Variable, cell: Variable, inputWeight: Variable,
                         hiddenWeight: Variable, bias: Variable?) -> (hidden: Variable, cell: Variable) {
        let batch = x.shape[0], inputs = x.shape[1], units = hidden.shape[1], width = 4 * units
        precondition(inputWeight.shape == [width, inputs] && hiddenWeight.shape == [width, units]
                     && cell.shape == [batch, units] && hidden.shape == [batch, units],
                     "lstmCell: inconsistent shapes x \(x.shape) h \(hidden.shape) W \(inputWeight.shape)")
        let gates = Tensor(uninitializedShape: [batch, width])
        let g = gates.pointer
        if let bias {
            for row in 0..<batch { (g + row * width).update(from: bias.pointer, count: width) }
        }
        BLAS.gemm(transposeB: true, m: batch, n: width, k: inputs, a: x.pointer, b: inputWeight.pointer,
                  beta: bias == nil ? 0 : 1, c: g)
        BLAS.gemm(transposeB: true, m: batch, n: width, k: units, a: hidden.pointer, b: hiddenWeight.pointer,
                  beta: 1, c: g)
        let newHidden = Tensor(uninitializedShape: [batch, units]), newCell = Tensor(uninitializedShape: [batch, units])
        let cellTanh = Tensor(uninitializedShape: [batch, units])
        for row in 0..<batch {
            let gate = g + row * width, c = cell.pointer + row * units
            let h2 = newHidden.pointer + row * units, c2 = newCell.pointer + row * units, t = cellTanh.pointer + row * units
            for j in 0..<units {
                let i = 1 / (1 + Foundation.exp(-gate[j]))
                let f = 1 / (1 + Foundation.exp(-gate[units + j]))
                let candidate = Foundation.tanh(gate[2 * units + j])
                let o = 1 / (1 + Foundation.exp(-gate[3 * units + j]))
                gate[j] = i
                gate[units + j] = f
                gate[2 * units + j] = candidate
                gate[3 * units + j] = o
                c2[j] = f * c[j] + i * candidate
                t[j] = Foundation.tanh(c2[j])
                h2[j] = o * t[j]
            }
        }
        guard needsGradient([x, hidden, cell, inputWeight, hiddenWeight] + (bias.map { [$0] } ?? [])) else {
            return (constant(newHidden), constant(newCell))
        }
        let outputs = record([newHidden, newCell]) { tape, gradients in
            let dHidden = gradients[0], dCell = gradients[1]
            let dGates = Tensor(uninitializedShape: [batch, width])
            let dg = dGates.pointer, activated = gates.pointer
            let dc = tape.gradientTarget(cell)
            for row in 0..<batch {
                let gate = activated + row * width, out = dg + row * width
                let c = cell.pointer + row * units, t = cellTanh.pointer + row * units
                for j in 0..<units {
                    let i = gate[j], f = gate[units + j], candidate = gate[2 * units + j], o = gate[3 * units + j]
                    let dh = dHidden?[row * units + j] ?? 0
                    let dcTotal = (dCell?[row * units + j] ?? 0) + dh * o * (1 - t[j] * t[j])
                    out[j] = dcTotal * candidate * i * (1 - i)
                    out[units + j] = dcTotal * c[j] * f * (1 - f)
                    out[2 * units + j] = dcTotal * i * (1 - candidate * candidate)
                    out[3 * units + j] = dh * t[j] * o * (1 - o)
                    if let dc {
                        if dc.accumulates { dc.pointer[row * units + j] += dcTotal * f } else { dc.pointer[row * units + j] = dcTotal * f }
                    }
                }
            }
            if let dx = tape.gradientTarget(x) {
                BLAS.gemm(m: batch, n: inputs, k: width, a: dg, b: inputWeight.pointer, beta: dx.beta, c: dx.pointer)
            }
            if let dh = tape.gradientTarget(hidden) {
                BLAS.gemm(m: batch, n: units, k: width, a: dg, b: hiddenWeight.pointer, beta: dh.beta, c: dh.pointer)
            }
            if let dw = tape.gradientTarget(inputWeight) {
                BLAS.gemm(transposeA: true, m: width, n: inputs, k: batch, a: dg, b: x.pointer, beta: dw.beta, c: dw.pointer)
            }
            if let dw = tape.gradientTarget(hiddenWeight) {
                BLAS.gemm(transposeA: true, m: width, n: units, k: batch, a: dg, b: hidden.pointer,
                          beta: dw.beta, c: dw.pointer)
            }
            if let bias, let db = tape.gradientTarget(bias) {
                Kernels.columnSums(dg, rows: batch, columns: width, into: db)
            }
        }
        return (outputs[0], outputs[1])
    }
}
