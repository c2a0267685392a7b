import RoutingCore
import Tensor

/// Matrix batches: instances given by travel costs alone (real road networks), for the matrix policy.
extension ProblemBatch {
    /// A matrix batch of `matrices.count` instances of `nodes` nodes, each an `n × n` row-major `[from][to]`
    /// cost matrix in any unit. Each instance gets its ``MatrixEmbedding`` pseudo-coordinates, and its matrix is
    /// scaled by the same factor (so a batch's costs are in the unit-square unit of its coordinates).
    /// - Parameters:
    ///   - kind: `.tsp` (ATSP tours) or `.cvrp` (asymmetric CVRP: node 0 is the depot).
    ///   - demands: per instance `nodes` demands (CVRP), depot first with 0.
    public static func matrixBatch(kind: ProblemKind, nodes: Int, matrices: [[Float]], demands: [[Int32]] = [],
                                   capacity: Int = 0) -> ProblemBatch {
        precondition(kind == .tsp || kind == .cvrp, "matrix batches route tours (ATSP) or vehicles (ACVRP)")
        precondition(matrices.allSatisfy { $0.count == nodes * nodes }, "every matrix must be nodes × nodes")
        let count = matrices.count
        let coordinates = Tensor(uninitializedShape: [count, nodes, 2])
        let travel = Tensor(uninitializedShape: [count, nodes, nodes])
        for (instance, matrix) in matrices.enumerated() {
            let (points, scale) = matrix.withUnsafeBufferPointer {
                MatrixEmbedding.pseudoCoordinates($0.baseAddress!, count: nodes)
            }
            (coordinates.pointer + instance * nodes * 2).update(from: points, count: nodes * 2)
            let target = travel.pointer + instance * nodes * nodes
            for k in 0..<(nodes * nodes) { target[k] = matrix[k] * scale }
        }
        let flatDemands = kind == .cvrp ? Array(demands.joined()) : nil
        return ProblemBatch(kind: kind, coordinates: coordinates, demands: flatDemands, capacity: capacity, travel: travel)
    }
}
