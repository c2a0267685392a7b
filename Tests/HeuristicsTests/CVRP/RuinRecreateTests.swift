@testable import Heuristics
import RoutingCore
import Testing

@Suite struct RuinRecreateTests {
    /// Repeated ruin-and-recreate steps keep the state consistent and feasible; with an unlimited
    /// fleet every customer is always back in a route.
    @Test func stepsKeepStateValid() {
        for (index, instance) in CVRPFixtures.sweepInstances(count: 9, customers: 10...25).enumerated() {
            let data = CVRPData(instance: instance)
            let state = RouteState(data: data, routes: SavingsConstruction.routes(for: data))
            var seeds = SeededGenerator(seed: UInt64(index))
            var random = FastRandom(seededFrom: &seeds)
            let step = RuinRecreate(data: data)
            for _ in 0..<30 {
                step.step(state, random: &random)
                CVRPFixtures.expectConsistent(state)
                if instance.vehicleLimit == nil { #expect(state.unassignedCount == 0) }
            }
        }
    }

    /// A customer left out by a tight-fleet construction gets placed when there is room.
    @Test func placesUnassignedCustomers() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[1, 2]])
        #expect(state.unassignedCount == 1)
        var seeds = SeededGenerator(seed: 1)
        var random = FastRandom(seededFrom: &seeds)
        RuinRecreate(data: data).step(state, random: &random)
        #expect(state.unassignedCount == 0)
        CVRPFixtures.expectConsistent(state)
    }
}
