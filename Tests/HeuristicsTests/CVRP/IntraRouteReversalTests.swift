@testable import Heuristics
import RoutingCore
import Testing

@Suite struct IntraRouteReversalTests {
    /// Reversing [2, 3] in route [1, 2, 3] costs +11 on the directed matrix (the reversed edge
    /// 3 → 2 costs 16 where 2 → 3 cost 15); reversing the whole route from the depot costs +2.
    @Test func handComputedReversal() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[1, 2, 3]])
        #expect(state.cost == 61)
        #expect(IntraRouteReversal().delta(1, 3, in: state) == 11)
        #expect(IntraRouteReversal().delta(data.start(0), 3, in: state) == 2)
        IntraRouteReversal().apply(1, 3, to: state)
        #expect(state.routes == [[1, 3, 2]])
        CVRPFixtures.expectConsistent(state)
    }

    /// Intra-route 2-opt deltas equal the recomputed cost change on symmetric and asymmetric
    /// random states.
    @Test func deltaMatchesRecomputedCost() {
        #expect(CVRPFixtures.sweep(IntraRouteReversal()) > 100)
    }
}
