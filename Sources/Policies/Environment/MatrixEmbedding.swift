import Foundation

/// Pseudo-coordinates for a travel matrix, so that a matrix instance (real road costs, asymmetric) can be
/// read by the same node embedding as a Euclidean one.
///
/// Classical multidimensional scaling (Torgerson): with `S = (D + Dᵀ)/2` and `J` the centring matrix, the
/// two leading eigenvectors of `B = −½·J·S⁽²⁾·J` (`S⁽²⁾` squared entry-wise), scaled by `√λ`, are the planar
/// points whose distances best match `S`. On road networks they come out close to the map, up to rotation and
/// reflection (which POMO's ×8 augmentation covers). The points are then shifted and scaled into the unit
/// square, and the same factor scales the matrix, so coordinates and costs share one unit.
///
/// Eigenvectors by power iteration on `B + c·I` (`c` = the largest absolute row sum, making it positive
/// semi-definite) with deflation; `O(n²)` per iteration, at most ``maximumIterations``.
enum MatrixEmbedding {
    static let maximumIterations = 300
    static let tolerance = 1e-9

    /// Unit-square pseudo-coordinates (`n·2` values, interleaved x, y) of the `n × n` row-major `matrix` and the
    /// factor by which the matrix is scaled into their unit.
    static func pseudoCoordinates(_ matrix: UnsafePointer<Float>, count n: Int) -> (points: [Float], scale: Float) {
        guard n >= 2 else { return ([Float](repeating: 0.5, count: n * 2), 1) }
        var b = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                let s = 0.5 * (Double(matrix[i * n + j]) + Double(matrix[j * n + i]))
                b[i * n + j] = -0.5 * s * s
            }
        }
        centre(&b, n: n)
        let shift = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + abs(b[i * n + $1]) } }.max() ?? 0
        var axes = [[Double]]()
        for axis in 0..<2 {
            let (vector, value) = leadingEigenvector(b, n: n, shift: shift, orthogonalTo: axes, seed: axis)
            axes.append(vector)
            let length = max(value - shift, 0).squareRoot()
            axes[axis] = vector.map { $0 * length }
        }
        return normalise(x: axes[0], y: axes[1], diameter: maximumEntry(matrix, count: n))
    }

    /// `J·B·J`: subtract row and column means, add the grand mean.
    private static func centre(_ b: inout [Double], n: Int) {
        let rowMeans = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + b[i * n + $1] } / Double(n) }
        let grand = rowMeans.reduce(0, +) / Double(n)
        for i in 0..<n {
            for j in 0..<n { b[i * n + j] += grand - rowMeans[i] - rowMeans[j] }  // B is symmetric: column means = row means
        }
    }

    /// The unit eigenvector of `B + shift·I` with the largest eigenvalue, orthogonal to `previous`, and that value.
    private static func leadingEigenvector(_ b: [Double], n: Int, shift: Double, orthogonalTo previous: [[Double]],
                                           seed: Int) -> ([Double], Double) {
        var v = (0..<n).map { i in 1 + 0.5 * sin(Double(i * (seed + 1)) + 0.3) }
        var value = 0.0
        for _ in 0..<maximumIterations {
            for axis in previous { project(&v, awayFrom: axis) }
            let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { break }
            v = v.map { $0 / norm }
            var next = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var sum = shift * v[i]
                for j in 0..<n { sum += b[i * n + j] * v[j] }
                next[i] = sum
            }
            let estimate = zip(v, next).reduce(0) { $0 + $1.0 * $1.1 }
            let converged = abs(estimate - value) <= tolerance * max(abs(estimate), 1)
            value = estimate
            v = next
            if converged { break }
        }
        for axis in previous { project(&v, awayFrom: axis) }
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return (norm > 0 ? v.map { $0 / norm } : [Double](repeating: 0, count: n), value)
    }

    private static func project(_ v: inout [Double], awayFrom axis: [Double]) {
        let axisNorm = axis.reduce(0) { $0 + $1 * $1 }
        guard axisNorm > 0 else { return }
        let dot = zip(v, axis).reduce(0) { $0 + $1.0 * $1.1 } / axisNorm
        for i in v.indices { v[i] -= dot * axis[i] }
    }

    private static func maximumEntry(_ matrix: UnsafePointer<Float>, count n: Int) -> Double {
        var largest: Float = 0
        for k in 0..<(n * n) { largest = max(largest, matrix[k]) }
        return Double(largest)
    }

    /// Shifts the points to start at 0 and scales the larger side to 1; a degenerate embedding (all points at
    /// one place) falls back to scaling by the largest matrix entry, so costs stay in a unit range.
    private static func normalise(x: [Double], y: [Double], diameter: Double) -> (points: [Float], scale: Float) {
        let minX = x.min()!, minY = y.min()!
        let side = max(x.max()! - minX, y.max()! - minY)
        let scale = side > 1e-12 ? 1 / side : (diameter > 0 ? 1 / diameter : 1)
        var points = [Float]()
        points.reserveCapacity(x.count * 2)
        for i in x.indices {
            points.append(Float((x[i] - minX) * scale))
            points.append(Float((y[i] - minY) * scale))
        }
        return (points, Float(scale))
    }
}
