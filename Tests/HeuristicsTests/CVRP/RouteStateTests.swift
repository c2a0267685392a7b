@testable import Heuristics
import RoutingCore
import Testing

@Suite struct RouteStateTests {
    /// Routes loaded into a state come back unchanged, with cost, size and prefix caches filled.
    @Test func roundTripsRoutes() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[3, 1], [], [2]])
        #expect(state.routes == [[3, 1], [2]])
        #expect(state.cost == 30 + 26 + 11 + 20 + 21)
        #expect(state.usedRoutes == 2)
        #expect(state.unassignedCount == 0)
        #expect(state.position[1] == 2 && state.loadPrefix[1] == 2)
        #expect(state.reversePrefix[1] == 31 + 25)  // d(3, depot) + d(1, 3)
        CVRPFixtures.expectConsistent(state)
    }

    /// Removing and reinserting customers keeps the cost, loads and route count exact.
    @Test func removeAndInsertKeepTotals() {
        for instance in CVRPFixtures.sweepInstances(count: 6) {
            let data = CVRPData(instance: instance)
            let state = RouteState(data: data, routes: CVRPFixtures.randomRoutes(for: data, seed: 7))
            for c in data.customers.prefix(3) where state.routeOf[Int(c)] >= 0 {
                state.remove(c)
            }
            for r in 0..<data.routeSlots where state.routeSize[r] > 0 { state.refresh(route: r) }
            CVRPFixtures.expectConsistent(state)
            for c in state.unassigned {
                guard let r = (0..<data.routeSlots).first(where: {
                    state.routeSize[$0] > 0 && Int(state.routeLoad[$0] + data.demands[Int(c)]) <= data.capacity
                }) else { continue }
                state.insert(c, after: data.start(r))
                state.refresh(route: r)
            }
            CVRPFixtures.expectConsistent(state)
        }
    }

    /// A copy carries every field, so the two states then evolve independently.
    @Test func copyIsIndependent() {
        let data = CVRPFixtures.tinyAsymmetric()
        let original = RouteState(data: data, routes: [[1, 2, 3]])
        let copy = RouteState(data: data)
        copy.copy(from: original)
        #expect(copy.routes == original.routes && copy.cost == original.cost)
        copy.remove(2)
        #expect(original.routes == [[1, 2, 3]])
        #expect(copy.unassigned == [2])
    }
}
