@testable import Heuristics
import RoutingCore
import Testing

@Suite struct LocalSearchTests {
    /// Local search from random states never worsens the cost, keeps the solution feasible, and
    /// ends in a local optimum: no relocate, swap or 2-opt* move between any two customers improves.
    @Test func reachesFeasibleLocalOptimum() {
        for (index, instance) in CVRPFixtures.sweepInstances(count: 9, customers: 10...20).enumerated() {
            let data = CVRPData(instance: instance, granularity: 40)
            let state = RouteState(data: data, routes: CVRPFixtures.randomRoutes(for: data, seed: UInt64(index)))
            let before = state.cost
            var seeds = SeededGenerator(seed: UInt64(index))
            var random = FastRandom(seededFrom: &seeds)
            LocalSearch(data: data).run(state, random: &random)
            #expect(state.cost <= before)
            CVRPFixtures.expectConsistent(state)
            for u in data.customers {
                for v in data.customers where u != v {
                    #expect((SegmentRelocate(length: 1).delta(u, v, in: state) ?? 0) >= 0)
                    #expect((SegmentExchange(firstLength: 1, secondLength: 1).delta(u, v, in: state) ?? 0) >= 0)
                    #expect((TailExchange().delta(u, v, in: state) ?? 0) >= 0)
                }
            }
        }
    }
}
