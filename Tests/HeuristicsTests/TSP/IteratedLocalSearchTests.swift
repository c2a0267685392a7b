@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct IteratedLocalSearchTests {
    /// The reported cost is the recomputed cost of the tour left behind (the best one, also when
    /// worse tours were accepted on the way), never above the start, and the run stops at its
    /// iteration limit.
    @Test(arguments: [0, 0.0003, 0.05])
    func reportsExactCost(tolerance: Double) {
        for seed in 1...4 as ClosedRange<UInt64> {
            for instance in [RandomInstances.euclideanTSP(60, seed: seed), RandomInstances.randomATSP(60, seed: seed)] {
                TourFixtures.withContext(instance) { context in
                    var rng = SeededGenerator(seed: seed)
                    let tour = ArrayTour(TourFixtures.randomOrder(60, &rng))
                    let start = TourFixtures.cost(tour, instance)
                    let outcome: IteratedLocalSearch<SegmentExchangeSearch, OrOptSearch>.Outcome
                    var ils = IteratedLocalSearch(
                        search: TourLocalSearch(primary: SegmentExchangeSearch(context: context),
                                                secondary: OrOptSearch(context: context, symmetric: false)),
                        kick: DoubleBridgeKick(), costs: context.costs, tolerance: tolerance)
                    outcome = ils.run(tour, cost: start, deadline: Deadline(seconds: 60), iterationLimit: 300, using: &rng)
                    #expect(outcome.iterations == 300)
                    #expect(outcome.cost == TourFixtures.cost(tour, instance))
                    #expect(outcome.cost <= start)
                    #expect(TourFixtures.isConsistent(tour))
                }
            }
        }
    }

    /// Kicks plus re-optimisation improve on a plain local optimum of a larger instance.
    @Test func improvesOnLocalOptimum() {
        let instance = RandomInstances.euclideanTSP(150, seed: 3)
        TourFixtures.withContext(instance) { context in
            var rng = SeededGenerator(seed: 3)
            let tour = ArrayTour(TourFixtures.randomOrder(150, &rng))
            var search = TourLocalSearch(primary: LinKernighanSearch(context: context),
                                         secondary: OrOptSearch(context: context, symmetric: true))
            var queue = ActiveQueue(n: 150)
            queue.pushAll(tour)
            let local = TourFixtures.cost(tour, instance) - search.optimise(tour, queue: &queue)
            var ils = IteratedLocalSearch(search: search, kick: DoubleBridgeKick(), costs: context.costs)
            let outcome = ils.run(tour, cost: local, deadline: Deadline(seconds: 60), iterationLimit: 500, using: &rng)
            #expect(outcome.cost < local)
            #expect(outcome.improvements > 0)
        }
    }
}
