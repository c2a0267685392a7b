import Testing
@testable import RoutingCore

@Suite struct VehicleLimitRuleTests {
    static func cvrp(name: String) throws -> Instance {
        let distances = try DistanceMatrix(count: 4) { i, j in i == j ? 0 : 10 + i + j }
        return try Instance(name: name, kind: .cvrp, distances: distances, demands: [0, 4, 5, 6], capacity: 10, depot: 0)
    }

    @Test("counts and `name` parse; anything else is refused")
    func parsing() {
        #expect(VehicleLimitRule(argument: "3") == .count(3) && VehicleLimitRule(argument: "name") == .fromName)
        for bad in ["0", "-2", "", "k3", "Name"] { #expect(VehicleLimitRule(argument: bad) == nil, "\(bad)") }
        #expect(VehicleLimitRule.count(7).description == "7" && VehicleLimitRule.fromName.description == "name")
    }

    @Test("the rule sets the fleet from the count or the name's k, and names what it cannot do")
    func applying() throws {
        let named = try Self.cvrp(name: "X-n4-k2")
        #expect(try VehicleLimitRule.fromName.apply(to: named).vehicleLimit == 2)
        #expect(try VehicleLimitRule.count(3).apply(to: named).vehicleLimit == 3)
        #expect(throws: VehicleLimitRule.Failure.noVehicleCountInName("plain")) {
            try VehicleLimitRule.fromName.apply(to: try Self.cvrp(name: "plain"))
        }
        #expect(throws: VehicleLimitRule.Failure.instance(.fleetTooSmall(vehicles: 1, capacity: 10, totalDemand: 15))) {
            try VehicleLimitRule.count(1).apply(to: named)
        }
        let tsp = try Instance(name: "t-k1", kind: .tsp, distances: try DistanceMatrix(count: 3) { i, j in i == j ? 0 : 5 })
        #expect(try VehicleLimitRule.count(1).apply(to: tsp).vehicleLimit == nil)
    }
}
