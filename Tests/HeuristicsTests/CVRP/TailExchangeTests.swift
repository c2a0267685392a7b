@testable import Heuristics
import RoutingCore
import Testing

@Suite struct TailExchangeTests {
    /// Joining customer 1 to customer 3 (route [3] hands its whole tail over) costs exactly +10.
    @Test func handComputedTailExchange() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[1, 2], [3]])
        #expect(TailExchange().delta(3, 1, in: state) == 10)
        TailExchange().apply(3, 1, to: state)
        #expect(Set(state.routes) == Set([[1, 3], [2]]))
        CVRPFixtures.expectConsistent(state)
    }

    /// 2-opt* deltas equal the recomputed cost change over seeded random states, including moves
    /// that empty a route, and never exceed capacity or the fleet.
    @Test func deltaMatchesRecomputedCost() {
        #expect(CVRPFixtures.sweep(TailExchange()) > 100)
    }
}
