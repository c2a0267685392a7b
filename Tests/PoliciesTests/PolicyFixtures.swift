import Foundation
import RoutingCore
import Tensor
@testable import Policies

/// Small random-initialised policy checkpoints and coordinate instances for the inference tests.
enum PolicyFixtures {
    /// A fresh temporary folder.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("routeopt-policy-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A tiny training configuration (width 16, one layer, two heads).
    static func configuration(_ problem: ProblemKind, _ architecture: PolicyArchitecture, size: Int = 10) -> TrainingConfiguration {
        var configuration = TrainingConfiguration(problem: problem, size: size, architecture: architecture)
        configuration.model = .init(width: 16, layers: 1, heads: 2, feedForward: 32)
        configuration.seed = 3
        if problem.isAsymmetric { configuration.data = "test-city" }  // the matrix policy names its city
        return configuration
    }

    /// Writes a random-initialised policy to `folder/name` the way a training run writes `best.safetensors`.
    @discardableResult
    static func writeCheckpoint(_ problem: ProblemKind, _ architecture: PolicyArchitecture, size: Int = 10,
                                in folder: String, name: String) throws -> String {
        let configuration = configuration(problem, architecture, size: size)
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        try PolicyCheckpoint.write(TrainedPolicy(configuration: configuration, seed: 11).tensors,
                                   configuration: configuration, metadata: ["step": "0"], to: path)
        return path
    }

    /// A loaded random-initialised policy.
    static func checkpoint(_ problem: ProblemKind, _ architecture: PolicyArchitecture) throws -> PolicyCheckpoint {
        let folder = try temporaryFolder()
        return try PolicyCheckpoint.load(from: writeCheckpoint(problem, architecture, in: folder, name: "p.safetensors"))
    }

    /// Uniform points in `[offset, offset + width] × [offset, offset + height]`.
    static func points(_ n: Int, seed: UInt64, width: Double = 700, height: Double = 300, offset: Double = -50) -> [Point] {
        var rng = SeededGenerator(seed: seed)
        return (0..<n).map { _ in Point(x: offset + rng.nextUnit() * width, y: offset + rng.nextUnit() * height) }
    }

    /// A EUC_2D-style TSP (rounded Euclidean distances) on ``points(_:seed:width:height:offset:)``.
    static func tsp(_ n: Int, seed: UInt64) -> Instance {
        let points = points(n, seed: seed)
        let matrix = try! DistanceMatrix(count: n) { i, j in Int(points[i].distance(to: points[j]).rounded()) }
        return try! Instance(name: "tsp\(n)", kind: .tsp, distances: matrix, coordinates: points, distanceRule: "EUC_2D")
    }

    /// A CVRP with `customers` customers, demands 1…9, the depot at node `depot`.
    static func cvrp(customers: Int, capacity: Int = 20, depot: Int = 0, vehicleLimit: Int? = nil, seed: UInt64) -> Instance {
        let n = customers + 1
        let points = points(n, seed: seed)
        var rng = SeededGenerator(seed: seed &+ 1)
        var demands = (0..<n).map { _ in 1 + Int(rng.nextUnit() * 9) }
        demands[depot] = 0
        let matrix = try! DistanceMatrix(count: n) { i, j in Int(points[i].distance(to: points[j]).rounded()) }
        return try! Instance(name: "cvrp\(customers)", kind: .cvrp, distances: matrix, coordinates: points,
                             distanceRule: "EUC_2D", demands: demands, capacity: capacity, depot: depot,
                             vehicleLimit: vehicleLimit)
    }
}
