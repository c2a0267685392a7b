import RoutingCore

/// Seeded random instances for tests: uniform points (rounded Euclidean costs) or random matrices.
public enum RandomInstances {
    /// A symmetric TSP with `n` uniform points in a `scale × scale` square and `EUC_2D` costs.
    public static func euclideanTSP(_ n: Int, seed: UInt64, scale: Double = 1000) -> Instance {
        var rng = SeededGenerator(seed: seed)
        let points = (0..<n).map { _ in Point(x: rng.nextUnit() * scale, y: rng.nextUnit() * scale) }
        let matrix = try! DistanceMatrix(count: n) { i, j in Int((points[i].distance(to: points[j]) + 0.5).rounded(.down)) }
        return try! Instance(name: "rand-tsp\(n)-\(seed)", kind: .tsp, distances: matrix,
                             coordinates: points, distanceRule: "EUC_2D")
    }

    /// An ATSP whose costs are uniform integers in `1...maxCost`.
    public static func randomATSP(_ n: Int, seed: UInt64, maxCost: Int = 100) -> Instance {
        var rng = SeededGenerator(seed: seed)
        let matrix = try! DistanceMatrix(count: n) { _, _ in Int.random(in: 1...maxCost, using: &rng) }
        return try! Instance(name: "rand-atsp\(n)-\(seed)", kind: .atsp, distances: matrix)
    }

    /// A CVRP with `customers` uniform customers, the depot at node 0, demands in `1...9`.
    /// - Parameter asymmetric: perturb the Euclidean matrix into an asymmetric one (`acvrp`).
    public static func cvrp(customers: Int, capacity: Int, seed: UInt64, asymmetric: Bool = false,
                            vehicleLimit: Int? = nil) -> Instance {
        var rng = SeededGenerator(seed: seed)
        let n = customers + 1
        let points = (0..<n).map { _ in Point(x: rng.nextUnit() * 100, y: rng.nextUnit() * 100) }
        let noise = (0..<(n * n)).map { _ in asymmetric ? Int.random(in: 0...20, using: &rng) : 0 }
        let matrix = try! DistanceMatrix(count: n) { i, j in
            Int((points[i].distance(to: points[j]) + 0.5).rounded(.down)) + noise[i * n + j]
        }
        var demands = (0..<n).map { _ in Int.random(in: 1...9, using: &rng) }
        demands[0] = 0
        return try! Instance(name: "rand-cvrp\(customers)-\(seed)", kind: asymmetric ? .acvrp : .cvrp,
                             distances: matrix, coordinates: points,
                             distanceRule: asymmetric ? "EXPLICIT" : "EUC_2D",
                             demands: demands, capacity: capacity, vehicleLimit: vehicleLimit)
    }
}
