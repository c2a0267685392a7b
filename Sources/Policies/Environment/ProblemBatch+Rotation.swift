import Foundation
import RoutingCore
import Tensor

extension ProblemBatch {
    /// ×K instance augmentation for any `K ≥ 1`: copy `k` of an instance is its image under the dihedral map
    /// `k mod 8` (``CoordinateSymmetry``) followed by a rotation by `⌊k / 8⌋ · 90° / ⌈K / 8⌉` about the centre of
    /// its bounding box, then shifted and scaled back into the unit square. `K ≤ 8` gives exactly the first `K`
    /// of POMO's eight copies (no rotation, no rescaling).
    ///
    /// Rotations keep every distance up to the common rescaling factor, so a tour's or route set's cost keeps its
    /// rank among the instance's solutions; a matrix batch's ``travel`` costs are scaled by the same factor, so
    /// costs and coordinates keep sharing one unit (its pseudo-coordinates are only defined up to rotation
    /// anyway: ``MatrixEmbedding``). Instance `i`'s copy `k` is instance `i·K + k` of the result. Used by
    /// ``PolicyDecoding/multistartAugmented(copies:)`` with `K > 8`, MatNet's ×128-style inference.
    /// - Parameter only: the copies to make (default all `K`), so that a decoder can build them chunk by chunk;
    ///   instance `i`'s copy `only.lowerBound + c` is then instance `i·only.count + c`.
    public func augmented(copies k: Int, only range: Range<Int>? = nil) -> ProblemBatch {
        precondition(k >= 1, "at least one copy")
        let made = range ?? 0..<k
        precondition(made.lowerBound >= 0 && made.upperBound <= k && !made.isEmpty, "copies out of range")
        let dihedral = augmented(by: made.map { CoordinateSymmetry(rawValue: $0 % 8)! })
        guard k > 8 else { return dihedral }
        let turns = (k + 7) / 8, n = nodes, perInstance = made.count
        let points = dihedral.coordinates.pointer
        var factors = [Float](repeating: 1, count: dihedral.count)
        for row in 0..<dihedral.count {
            let turn = (made.lowerBound + row % perInstance) / 8
            guard turn > 0 else { continue }
            let angle = Double(turn) * (Double.pi / 2) / Double(turns)
            factors[row] = Self.rotateIntoUnitSquare(points + row * n * 2, nodes: n, angle: angle)
        }
        let travel = dihedral.travel.map { travel in
            let scaled = Tensor(uninitializedShape: travel.shape)
            for row in 0..<dihedral.count {
                let from = travel.pointer + row * n * n, to = scaled.pointer + row * n * n
                for entry in 0..<(n * n) { to[entry] = from[entry] * factors[row] }
            }
            return scaled
        }
        return ProblemBatch(kind: kind, coordinates: dihedral.coordinates, demands: dihedral.demands,
                            capacity: capacity, travel: travel)
    }

    /// Rotates the `nodes` interleaved points at `points` by `angle`, then maps them into the unit square as file
    /// instances are (``UnitSquareNormalization``: minimum at 0, larger side 1); returns the scale factor applied.
    private static func rotateIntoUnitSquare(_ points: UnsafeMutablePointer<Float>, nodes n: Int, angle: Double) -> Float {
        let c = cos(angle), s = sin(angle)
        let rotated = (0..<n).map { node in
            let x = Double(points[2 * node]), y = Double(points[2 * node + 1])
            return Point(x: c * x - s * y, y: s * x + c * y)
        }
        let normalization = UnitSquareNormalization(points: rotated)
        for (node, point) in rotated.enumerated() {
            let unit = normalization(point)
            points[2 * node] = Float(unit.x)
            points[2 * node + 1] = Float(unit.y)
        }
        return Float(1 / normalization.scale)
    }
}
