@testable import Heuristics
import RoutingCore
import Testing

@Suite struct SegmentRelocateTests {
    /// Moving customer 1 behind customer 3 on the tiny asymmetric instance costs exactly +11.
    @Test func handComputedRelocation() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[1, 2], [3]])
        #expect(state.cost == 97)
        let move = SegmentRelocate(length: 1)
        #expect(move.delta(1, 3, in: state) == 11)
        move.apply(1, 3, to: state)
        #expect(state.routes == [[2], [3, 1]])
        CVRPFixtures.expectConsistent(state)
    }

    /// A move onto its own predecessor, or into a segment it moves, is rejected as a no-op.
    @Test func rejectsNoOpMoves() {
        let data = CVRPFixtures.tinyAsymmetric()
        let state = RouteState(data: data, routes: [[1, 2, 3]])
        #expect(SegmentRelocate(length: 1).delta(2, 1, in: state) == nil)
        #expect(SegmentRelocate(length: 2).delta(1, 2, in: state) == nil)
        #expect(SegmentRelocate(length: 3).delta(2, 3, in: state) == nil)  // segment would run past the route end
    }

    /// Relocate and Or-opt deltas equal the recomputed cost change over seeded random states
    /// (symmetric, asymmetric, fleet-limited), and every applied move keeps the solution feasible.
    @Test(arguments: [1, 2, 3]) func deltaMatchesRecomputedCost(length: Int) {
        #expect(CVRPFixtures.sweep(SegmentRelocate(length: length)) > 100)
    }

    /// With a fleet of two, a customer may open the free second route, after which no route slot
    /// is left to open a third.
    @Test func respectsFleetLimit() throws {
        let base = CVRPFixtures.tinyAsymmetric().instance
        let limited = try Instance(name: "limited", kind: .acvrp, distances: base.distances, demands: base.demands,
                                   capacity: 10, vehicleLimit: 2)
        let data = CVRPData(instance: limited)
        #expect(data.routeSlots == 2)
        let state = RouteState(data: data, routes: [[1, 2, 3]])
        let move = SegmentRelocate(length: 1)
        #expect(move.delta(1, data.start(1), in: state) == 26)  // [1, 2, 3] = 61 becomes [2, 3] = 66 plus [1] = 21
        move.apply(1, data.start(1), to: state)
        #expect(state.usedRoutes == 2)
        #expect(state.emptyRoute() == nil)
        CVRPFixtures.expectConsistent(state)
    }
}
