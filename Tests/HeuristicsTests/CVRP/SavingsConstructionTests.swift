@testable import Heuristics
import RoutingCore
import Testing

@Suite struct SavingsConstructionTests {
    /// Savings routes are feasible and cover every customer on symmetric and asymmetric
    /// instances with an unlimited fleet.
    @Test func buildsValidSolutions() throws {
        for (index, instance) in CVRPFixtures.sweepInstances(count: 12).enumerated() where instance.vehicleLimit == nil {
            let routes = SavingsConstruction.routes(for: CVRPData(instance: instance))
            let cost = try Evaluator.evaluate(.routes(routes), in: instance)
            #expect(cost > 0, "instance \(index)")
        }
    }

    /// With a limited fleet, savings never returns more routes than vehicles, and whatever it
    /// returns is capacity-feasible with each customer at most once.
    @Test func respectsFleetLimit() {
        for instance in CVRPFixtures.sweepInstances(count: 12) where instance.vehicleLimit != nil {
            let data = CVRPData(instance: instance)
            let routes = SavingsConstruction.routes(for: data)
            #expect(routes.count <= instance.vehicleLimit!)
            #expect(Set(routes.flatMap { $0 }).count == routes.flatMap { $0 }.count)
            for route in routes { #expect(route.reduce(0) { $0 + instance.demands[$1] } <= data.capacity) }
        }
    }

    /// Merging beats one route per customer whenever merges save distance.
    @Test func mergesRoutes() {
        let instance = CVRPFixtures.instance(customers: 20, capacity: 1000, seed: 3, asymmetric: false)
        let routes = SavingsConstruction.routes(for: CVRPData(instance: instance))
        #expect(routes.count == 1)
    }
}
