@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct SegmentExchangeSearchTests {
    /// Applied gains equal the recomputed cost decrease and never exceed the best move of an
    /// exhaustive scan from the same node.
    @Test func gainMatchesRecomputedCost() {
        var rng = SeededGenerator(seed: 71)
        for seed in 1...20 as ClosedRange<UInt64> {
            for instance in TourFixtures.sweepInstances(seed: seed) {
                let n = instance.dimension
                TourFixtures.withContext(instance, k: 6) { context in
                    var search = SegmentExchangeSearch(context: context)
                    var queue = ActiveQueue(n: n)
                    let tour = ArrayTour(TourFixtures.randomOrder(n, &rng))
                    for _ in 0..<n {
                        let a = Int32.random(in: 0..<Int32(n), using: &rng)
                        let exhaustive = Self.bestExhaustiveGain(from: [a], tour, context.costs)
                        let cost = TourFixtures.cost(tour, instance)
                        let gain = search.improve(from: a, tour: tour, activating: &queue)
                        #expect(gain >= 0 && gain <= exhaustive)
                        #expect(TourFixtures.isConsistent(tour))
                        #expect(cost - TourFixtures.cost(tour, instance) == gain)
                    }
                }
            }
        }
    }

    /// With full candidate lists, searching from every node until nothing improves leaves no
    /// improving segment exchange at all (every improving move has a start with positive
    /// partial gains).
    @Test func convergesToThreeOptLocalOptimum() {
        var rng = SeededGenerator(seed: 72)
        for seed in 1...10 as ClosedRange<UInt64> {
            let instance = RandomInstances.randomATSP(14, seed: seed)
            TourFixtures.withContext(instance, k: 13) { context in
                var search = TourLocalSearch(primary: SegmentExchangeSearch(context: context),
                                             secondary: OrOptSearch(context: context, symmetric: false))
                let tour = ArrayTour(TourFixtures.randomOrder(14, &rng))
                var queue = ActiveQueue(n: 14)
                queue.pushAll(tour)
                _ = search.optimise(tour, queue: &queue)
                #expect(Self.bestExhaustiveGain(from: Array(0..<14), tour, context.costs) == 0)
            }
        }
    }

    /// The largest gain of any valid segment exchange whose first removed arc leaves a node of `starts`.
    static func bestExhaustiveGain(from starts: [Int32], _ tour: ArrayTour, _ costs: CostView) -> Int {
        var best = 0
        for a in starts {
            for b in 0..<Int32(tour.n) {
                for c in 0..<Int32(tour.n) {
                    let move = SegmentExchangeMove(a: a, b: b, c: c)
                    if move.isValid(in: tour) { best = max(best, -move.delta(in: tour, costs)) }
                }
            }
        }
        return best
    }
}
