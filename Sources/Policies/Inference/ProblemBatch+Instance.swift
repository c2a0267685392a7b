import RoutingCore
import Tensor

/// Batches of one file instance (TSPLIB/CVRPLIB) as the policies see it: coordinates in the unit
/// square (``UnitSquareNormalization``), or a matrix policy's pseudo-coordinates and travel costs.
extension ProblemBatch {
    /// The instance node behind each batch node: the instance's order for TSP; for CVRP the depot
    /// first (the policies' node 0), then the customers in increasing order.
    public static func nodeOrder(for instance: Instance) -> [Int] {
        instance.kind.isVehicleRouting ? [instance.depot] + instance.customers : Array(0..<instance.dimension)
    }

    /// `instance` as a batch of one (``augmented(by:)`` and ``augmented(copies:only:)`` make its copies). Nodes follow
    /// ``nodeOrder(for:)``; CVRP demands and capacity are the file's (the network reads `demand / capacity`).
    /// - Throws: ``PolicyError/needsCoordinates(instance:kind:)`` for an instance without coordinates. An asymmetric
    ///   instance with coordinates becomes a Euclidean batch of its positions (the coordinate policies' view).
    public init(instance: Instance) throws(PolicyError) {
        guard let points = instance.coordinates else { throw .needsCoordinates(instance: instance.name, kind: instance.kind) }
        let order = Self.nodeOrder(for: instance), n = order.count
        let normalization = UnitSquareNormalization(points: points)
        let unit = order.map { normalization(points[$0]) }
        let coordinates = Tensor(uninitializedShape: [1, n, 2])
        for (node, point) in unit.enumerated() {
            coordinates.pointer[node * 2] = Float(point.x)
            coordinates.pointer[node * 2 + 1] = Float(point.y)
        }
        if !instance.kind.isVehicleRouting {
            self.init(kind: .tsp, coordinates: coordinates)
            return
        }
        let demands = order.map { Int32(instance.demands[$0]) }
        self.init(kind: .cvrp, coordinates: coordinates, demands: demands, capacity: instance.capacity ?? 0)
    }

    /// The matrix policy's batch of one `instance`: its travel matrix in ``nodeOrder(for:)`` (any kind; coordinates
    /// are not read), with ``MatrixEmbedding`` pseudo-coordinates.
    public init(matrixInstance instance: Instance) {
        let order = Self.nodeOrder(for: instance), n = order.count
        var matrix = [Float](repeating: 0, count: n * n)
        for (i, from) in order.enumerated() {
            for (j, to) in order.enumerated() { matrix[i * n + j] = Float(instance.distances[from, to]) }
        }
        let routing: ProblemKind = instance.kind.isVehicleRouting ? .cvrp : .tsp
        let demands = routing == .cvrp ? [order.map { Int32(instance.demands[$0]) }] : []
        self = ProblemBatch.matrixBatch(kind: routing, nodes: n, matrices: [matrix], demands: demands,
                                        capacity: instance.capacity ?? 0)
    }
}
