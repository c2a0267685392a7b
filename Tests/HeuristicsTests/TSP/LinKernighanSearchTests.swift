@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct LinKernighanSearchTests {
    /// Every reported gain equals the recomputed cost decrease, and a failed search leaves the
    /// tour untouched.
    @Test func gainMatchesRecomputedCost() {
        var rng = SeededGenerator(seed: 51)
        for seed in 1...25 as ClosedRange<UInt64> {
            let instance = RandomInstances.euclideanTSP(8 + Int(seed % 30), seed: seed)
            let n = instance.dimension
            TourFixtures.withContext(instance) { context in
                let search = LinKernighanSearch(context: context)
                var queue = ActiveQueue(n: n)
                let tour = ArrayTour(TourFixtures.randomOrder(n, &rng))
                for _ in 0..<3 * n {
                    let before = tour.nodes
                    let cost = TourFixtures.cost(tour, instance)
                    let gain = search.improve(from: Int32.random(in: 0..<Int32(n), using: &rng), tour: tour, activating: &queue)
                    #expect(TourFixtures.isConsistent(tour))
                    #expect(cost - TourFixtures.cost(tour, instance) == gain)
                    if gain == 0 { #expect(tour.nodes == before) }
                }
            }
        }
    }

    /// After searching from every node until nothing improves, no improving 2-opt move with a
    /// candidate edge remains.
    @Test func reachesTwoOptLocalOptimum() {
        let instance = RandomInstances.euclideanTSP(40, seed: 5)
        var rng = SeededGenerator(seed: 5)
        TourFixtures.withContext(instance, k: 39) { context in
            var search = TourLocalSearch(primary: LinKernighanSearch(context: context),
                                         secondary: OrOptSearch(context: context, symmetric: true))
            let tour = ArrayTour(TourFixtures.randomOrder(40, &rng))
            var queue = ActiveQueue(n: 40)
            queue.pushAll(tour)
            _ = search.optimise(tour, queue: &queue)
            for t1 in 0..<Int32(40) {
                for t3 in 0..<Int32(40) {
                    let move = TwoOptMove(t1: t1, t2: tour.next(t1), t3: t3, t4: tour.prev(t3))
                    if move.isValid(in: tour) { #expect(move.delta(context.costs) >= 0) }
                }
            }
        }
    }
}
