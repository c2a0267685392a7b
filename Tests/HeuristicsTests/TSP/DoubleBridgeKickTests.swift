@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct DoubleBridgeKickTests {
    /// The returned delta equals the recomputed directed cost change, and at most eight nodes
    /// (the endpoints of the four changed edges) are activated.
    @Test func deltaMatchesRecomputedCost() {
        var rng = SeededGenerator(seed: 81)
        for seed in 1...30 as ClosedRange<UInt64> {
            for instance in TourFixtures.sweepInstances(seed: seed) + [RandomInstances.randomATSP(5, seed: seed)] {
                let n = instance.dimension
                CostView.with(instance.distances) { costs in
                    let kick = DoubleBridgeKick(maxSegment: 1 + Int(seed % 6))
                    let tour = ArrayTour(TourFixtures.randomOrder(n, &rng))
                    for _ in 0..<20 {
                        var queue = ActiveQueue(n: n)
                        let before = TourFixtures.cost(tour, instance)
                        let delta = kick.apply(to: tour, costs: costs, using: &rng, activating: &queue)
                        #expect(TourFixtures.isConsistent(tour))
                        #expect(TourFixtures.cost(tour, instance) - before == delta)
                        var active = 0
                        while !queue.isEmpty { _ = queue.pop(); active += 1 }
                        #expect(active <= 8)
                    }
                }
            }
        }
    }
}
