@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct OrOptMoveTests {
    /// Random valid moves (reversed only on symmetric instances) have delta equal to the
    /// recomputed cost change.
    @Test func deltaMatchesRecomputedCost() {
        var rng = SeededGenerator(seed: 41)
        for seed in 1...30 as ClosedRange<UInt64> {
            for instance in TourFixtures.sweepInstances(seed: seed) {
                let n = instance.dimension
                let symmetric = instance.kind == .tsp
                CostView.with(instance.distances) { costs in
                    for _ in 0..<25 {
                        let tour = ArrayTour(TourFixtures.randomOrder(n, &rng))
                        let first = Int32.random(in: 0..<Int32(n), using: &rng)
                        var last = first
                        for _ in 0..<Int.random(in: 0...2, using: &rng) { last = tour.next(last) }
                        let move = OrOptMove(first: first, last: last, p: Int32.random(in: 0..<Int32(n), using: &rng),
                                             reversed: symmetric && Bool.random(using: &rng))
                        guard move.isValid(in: tour) else { continue }
                        let before = TourFixtures.cost(tour, instance)
                        let delta = move.delta(in: tour, costs)
                        move.apply(to: tour)
                        #expect(TourFixtures.isConsistent(tour))
                        #expect(TourFixtures.cost(tour, instance) - before == delta)
                        #expect(tour.next(move.p) == (move.reversed ? move.last : move.first))
                    }
                }
            }
        }
    }

    /// Moving one node keeps the rest of the tour in order.
    @Test func movesSingleNode() {
        let tour = ArrayTour(Array(0..<6))
        OrOptMove(first: 1, last: 1, p: 4, reversed: false).apply(to: tour)
        let nodes = tour.nodes
        let start = nodes.firstIndex(of: 0)!
        #expect((0..<6).map { nodes[(start + $0) % 6] } == [0, 2, 3, 4, 1, 5])
    }
}
