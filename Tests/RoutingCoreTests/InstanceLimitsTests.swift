import Testing
import RoutingCore

@Suite struct InstanceLimitsTests {
    /// Demands whose total exceeds 32 bits are rejected up front (solvers keep loads in 32 bits).
    @Test func totalDemandTooLarge() throws {
        let matrix = try DistanceMatrix(count: 3) { _, _ in 1 }
        #expect(throws: InstanceError.totalDemandTooLarge(3_000_000_000)) {
            try Instance(name: "big", kind: .cvrp, distances: matrix, demands: [0, 1_500_000_000, 1_500_000_000], capacity: 2_000_000_000)
        }
    }

    /// `withVehicleLimit` and the `k` of a CVRPLIB name.
    @Test func vehicleLimitFromName() throws {
        let matrix = try DistanceMatrix(count: 3) { _, _ in 1 }
        let instance = try Instance(name: "A-n3-k2", kind: .cvrp, distances: matrix, demands: [0, 3, 3], capacity: 5)
        #expect(instance.vehicleCountInName == 2)
        #expect(try instance.withVehicleLimit(2).vehicleLimit == 2)
        #expect(throws: InstanceError.fleetTooSmall(vehicles: 1, capacity: 5, totalDemand: 6)) { try instance.withVehicleLimit(1) }
    }
}
