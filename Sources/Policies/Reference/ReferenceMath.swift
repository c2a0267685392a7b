import Foundation
import Tensor

/// Plain double-precision building blocks for the reference forward passes: nested arrays, textbook
/// loops, no BLAS, no fusion. Slow on purpose; they define what the fast paths must compute.
enum ReferenceMath {
    typealias Matrix = [[Double]]

    /// The parameter's values as doubles, row-major `[rows][columns]` for a matrix.
    static func matrix(_ parameter: Parameter) -> Matrix {
        let columns = parameter.shape.last!, values = parameter.value.scalars.map(Double.init)
        return stride(from: 0, to: values.count, by: columns).map { Array(values[$0..<($0 + columns)]) }
    }

    static func vector(_ parameter: Parameter) -> [Double] { parameter.value.scalars.map(Double.init) }

    /// `x·Wᵀ + b` for every row of `x`.
    static func linear(_ x: Matrix, _ layer: Linear) -> Matrix {
        let weight = matrix(layer.weight), bias = layer.bias.map(vector)
        return x.map { row in
            weight.indices.map { o in
                var sum = bias?[o] ?? 0
                for i in row.indices { sum += weight[o][i] * row[i] }
                return sum
            }
        }
    }

    static func add(_ a: Matrix, _ b: Matrix) -> Matrix { zip(a, b).map { zip($0, $1).map(+) } }

    static func relu(_ x: Matrix) -> Matrix { x.map { $0.map { max($0, 0) } } }

    /// Multi-head scaled dot-product attention of one instance; `hidden[i][j]` hides key `j` from query `i`.
    static func attention(query: Matrix, key: Matrix, value: Matrix, heads: Int, hidden: [[Bool]]? = nil) -> Matrix {
        let width = query[0].count, dk = width / heads
        var output = Matrix(repeating: [Double](repeating: 0, count: width), count: query.count)
        for h in 0..<heads {
            let columns = (h * dk)..<((h + 1) * dk)
            for i in query.indices {
                var scores = key.indices.map { j in
                    hidden?[i][j] == true ? -Double.infinity
                        : columns.reduce(0.0) { $0 + query[i][$1] * key[j][$1] } / Double(dk).squareRoot()
                }
                let maximum = scores.max()!
                guard maximum > -.infinity else { continue }
                scores = scores.map { Foundation.exp($0 - maximum) }
                let total = scores.reduce(0, +)
                for j in key.indices {
                    for c in columns { output[i][c] += scores[j] / total * value[j][c] }
                }
            }
        }
        return output
    }

    /// Normalises every channel over the given rows (biased variance), then scales and shifts.
    static func normalise(_ rows: [[Double]], scale: [Double], shift: [Double], epsilon: Double = 1e-5) -> Matrix {
        let channels = scale.count, count = Double(rows.count)
        var result = rows
        for c in 0..<channels {
            let mean = rows.reduce(0) { $0 + $1[c] } / count
            let variance = rows.reduce(0) { $0 + ($1[c] - mean) * ($1[c] - mean) } / count
            for r in rows.indices { result[r][c] = (rows[r][c] - mean) / (variance + epsilon).squareRoot() * scale[c] + shift[c] }
        }
        return result
    }

    /// One encoder layer on a batch of instances; batch norm uses the statistics of all nodes of all
    /// instances (training mode), instance norm each instance's own.
    static func encoderLayer(_ h: [Matrix], _ layer: EncoderLayer) -> [Matrix] {
        let attended = h.map { x in
            add(x, linear(attention(query: linear(x, layer.query), key: linear(x, layer.key),
                                    value: linear(x, layer.value), heads: layer.heads), layer.output))
        }
        let mixed = normalise(attended, layer.attentionNorm)
        let transformed = mixed.map { add($0, linear(relu(linear($0, layer.hidden)), layer.feedForwardOutput)) }
        return normalise(transformed, layer.feedForwardNorm)
    }

    static func normalise(_ h: [Matrix], _ norm: Normalization) -> [Matrix] {
        let scale = vector(norm.scale), shift = vector(norm.shift)
        switch norm.kind {
        case .instance:
            return h.map { normalise($0, scale: scale, shift: shift) }
        case .batch:
            let flat = normalise(h.flatMap { $0 }, scale: scale, shift: shift)
            let n = h[0].count
            return h.indices.map { Array(flat[($0 * n)..<(($0 + 1) * n)]) }
        }
    }

    /// Log-softmax of `10·tanh(x)`-style logits with hidden entries `-inf`.
    static func logSoftmax(_ logits: [Double], hidden: [Bool]) -> [Double] {
        let maximum = zip(logits, hidden).filter { !$0.1 }.map(\.0).max() ?? 0
        let total = zip(logits, hidden).filter { !$0.1 }.reduce(0.0) { $0 + Foundation.exp($1.0 - maximum) }
        return zip(logits, hidden).map { $1 ? -.infinity : $0 - maximum - Foundation.log(total) }
    }

    static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
}
