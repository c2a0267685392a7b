@testable import Heuristics
import RoutingCore
import Testing

@Suite struct SegmentExchangeTests {
    /// Swapping customers 1 and 3 on the tiny asymmetric instance saves exactly 9.
    @Test func handComputedSwap() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[1, 2], [3]])
        let move = SegmentExchange(firstLength: 1, secondLength: 1)
        #expect(move.delta(1, 3, in: state) == -9)
        move.apply(1, 3, to: state)
        #expect(state.routes == [[3, 2], [1]])
        CVRPFixtures.expectConsistent(state)
    }

    /// Segments of the same route are never exchanged.
    @Test func rejectsSameRoute() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[1, 2, 3]])
        #expect(SegmentExchange(firstLength: 1, secondLength: 1).delta(1, 3, in: state) == nil)
    }

    /// Swap and cross-exchange deltas equal the recomputed cost change over seeded random states,
    /// and applied moves respect capacity and keep every customer exactly once.
    @Test(arguments: [(1, 1), (2, 1), (1, 2), (2, 2)]) func deltaMatchesRecomputedCost(lengths: (Int, Int)) {
        #expect(CVRPFixtures.sweep(SegmentExchange(firstLength: lengths.0, secondLength: lengths.1)) > 50)
    }
}
