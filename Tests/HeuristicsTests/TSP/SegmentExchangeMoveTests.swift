@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct SegmentExchangeMoveTests {
    /// On random symmetric and asymmetric instances, every valid move's delta equals the
    /// recomputed directed cost change.
    @Test func deltaMatchesRecomputedCost() {
        var rng = SeededGenerator(seed: 31)
        for seed in 1...30 as ClosedRange<UInt64> {
            for instance in TourFixtures.sweepInstances(seed: seed) {
                let n = instance.dimension
                CostView.with(instance.distances) { costs in
                    for _ in 0..<25 {
                        let tour = ArrayTour(TourFixtures.randomOrder(n, &rng))
                        let move = SegmentExchangeMove(a: Int32.random(in: 0..<Int32(n), using: &rng),
                                                       b: Int32.random(in: 0..<Int32(n), using: &rng),
                                                       c: Int32.random(in: 0..<Int32(n), using: &rng))
                        guard move.isValid(in: tour) else { continue }
                        let before = TourFixtures.cost(tour, instance)
                        let delta = move.delta(in: tour, costs)
                        move.apply(to: tour)
                        #expect(TourFixtures.isConsistent(tour))
                        #expect(TourFixtures.cost(tour, instance) - before == delta)
                    }
                }
            }
        }
    }

    /// The move swaps the two segments without reversing them.
    @Test func swapsSegmentsInPlace() {
        let tour = ArrayTour(Array(0..<8))
        SegmentExchangeMove(a: 0, b: 2, c: 5).apply(to: tour)
        let nodes = tour.nodes
        let start = nodes.firstIndex(of: 0)!
        #expect((0..<8).map { nodes[(start + $0) % 8] } == [0, 3, 4, 5, 1, 2, 6, 7])
    }
}
