import RoutingCore
import Tensor

/// Batches of one file instance (TSPLIB/CVRPLIB) as the policies see it: coordinates in the unit
/// square (``UnitSquareNormalization``), optionally under the eight ``CoordinateSymmetry`` maps.
extension ProblemBatch {
    /// The instance node behind each batch node: the instance's order for TSP; for CVRP the depot
    /// first (the policies' node 0), then the customers in increasing order.
    public static func nodeOrder(for instance: Instance) -> [Int] {
        instance.kind.isVehicleRouting ? [instance.depot] + instance.customers : Array(0..<instance.dimension)
    }

    /// `symmetries.count × copies` copies of `instance`, batch instance `s · copies + c` being copy `c`
    /// under `symmetries[s]`. Nodes follow ``nodeOrder(for:)``; CVRP demands and capacity are the file's
    /// (the network reads `demand / capacity`).
    /// - Throws: ``PolicyError/needsCoordinates(instance:kind:)`` for an instance without coordinates. An asymmetric
    ///   instance with coordinates becomes a Euclidean batch of its positions (the coordinate policies' view).
    public init(instance: Instance, symmetries: [CoordinateSymmetry] = [.identity], copies: Int = 1) throws(PolicyError) {
        precondition(!symmetries.isEmpty && copies >= 1, "at least one copy")
        guard let points = instance.coordinates else { throw .needsCoordinates(instance: instance.name, kind: instance.kind) }
        let order = Self.nodeOrder(for: instance), n = order.count
        let normalization = UnitSquareNormalization(points: points)
        let unit = order.map { normalization(points[$0]) }
        let count = symmetries.count * copies
        let coordinates = Tensor(uninitializedShape: [count, n, 2])
        for (s, symmetry) in symmetries.enumerated() {
            for copy in 0..<copies {
                let target = coordinates.pointer + (s * copies + copy) * n * 2
                for (node, point) in unit.enumerated() {
                    let image = symmetry.apply(x: Float(point.x), y: Float(point.y))
                    target[node * 2] = image.x
                    target[node * 2 + 1] = image.y
                }
            }
        }
        if !instance.kind.isVehicleRouting {
            self.init(kind: .tsp, coordinates: coordinates)
            return
        }
        let demands = order.map { Int32(instance.demands[$0]) }
        self.init(kind: .cvrp, coordinates: coordinates, demands: Array((0..<count).map { _ in demands }.joined()),
                  capacity: instance.capacity ?? 0)
    }

    /// The matrix policy's batch of `instance`: its travel matrix in ``nodeOrder(for:)`` (any kind; coordinates are
    /// not read), with ``MatrixEmbedding`` pseudo-coordinates; `symmetries.count × copies` copies laid out as
    /// ``init(instance:symmetries:copies:)`` does.
    public init(matrixInstance instance: Instance, symmetries: [CoordinateSymmetry] = [.identity], copies: Int = 1) {
        precondition(!symmetries.isEmpty && copies >= 1, "at least one copy")
        let order = Self.nodeOrder(for: instance), n = order.count
        var matrix = [Float](repeating: 0, count: n * n)
        for (i, from) in order.enumerated() {
            for (j, to) in order.enumerated() { matrix[i * n + j] = Float(instance.distances[from, to]) }
        }
        let routing: ProblemKind = instance.kind.isVehicleRouting ? .cvrp : .tsp
        let demands = routing == .cvrp ? [order.map { Int32(instance.demands[$0]) }] : []
        var batch = ProblemBatch.matrixBatch(kind: routing, nodes: n, matrices: [matrix], demands: demands,
                                             capacity: instance.capacity ?? 0)
        if symmetries != [.identity] { batch = batch.augmented(by: symmetries) }
        if copies > 1 { batch = batch.augmented(by: [CoordinateSymmetry](repeating: .identity, count: copies)) }
        self = batch
    }
}
