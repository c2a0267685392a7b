import Testing
import RoutingCore

@Suite struct InstanceTests {
    /// Symmetric kinds reject asymmetric matrices; negative entries and oversize demands are caught.
    @Test func validation() throws {
        let asymmetric = try DistanceMatrix(count: 2, rowMajor: [0, 1, 2, 0])
        #expect(throws: InstanceError.asymmetricMatrix(kind: .tsp, from: 0, to: 1)) {
            try Instance(name: "a", kind: .tsp, distances: asymmetric)
        }
        _ = try Instance(name: "a", kind: .atsp, distances: asymmetric)
        #expect(throws: InstanceError.negativeDistance(from: 0, to: 1, value: -1)) {
            try DistanceMatrix(count: 2, rowMajor: [0, -1, 1, 0])
        }
        let square = try DistanceMatrix(count: 3) { _, _ in 5 }
        #expect(throws: InstanceError.demandExceedsCapacity(node: 2, demand: 11, capacity: 10)) {
            try Instance(name: "c", kind: .cvrp, distances: square, demands: [0, 3, 11], capacity: 10)
        }
        #expect(throws: InstanceError.missingCapacity) {
            try Instance(name: "c", kind: .cvrp, distances: square, demands: [0, 3, 1])
        }
        #expect(throws: InstanceError.fleetTooSmall(vehicles: 1, capacity: 10, totalDemand: 14)) {
            try Instance(name: "c", kind: .cvrp, distances: square, demands: [0, 7, 7], capacity: 10, vehicleLimit: 1)
        }
    }

    /// ATSPLIB diagonals ("infinity" placeholders) are cleared to zero.
    @Test func diagonalIsZero() throws {
        let matrix = try DistanceMatrix(count: 2, rowMajor: [9999, 3, 4, 100_000_000])
        #expect(matrix[0, 0] == 0 && matrix[1, 1] == 0 && matrix[0, 1] == 3 && matrix[1, 0] == 4)
    }
}
