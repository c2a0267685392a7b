@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct ExhaustiveTourTests {
    /// On seeded tiny TSP and ATSP instances the enumerated tour is a permutation whose cost is
    /// the brute-force optimum.
    @Test func matchesBruteForce() {
        for n in 1...ExhaustiveTour.maximumDimension {
            for seed in 1...5 as ClosedRange<UInt64> {
                for instance in [RandomInstances.euclideanTSP(n, seed: seed), RandomInstances.randomATSP(n, seed: seed)] {
                    let tour = ExhaustiveTour.cheapest(instance.distances)
                    #expect(tour.sorted() == Array(0..<n))
                    #expect(Evaluator.tourCost(tour, distances: instance.distances) == BruteForce.optimalTourCost(instance))
                }
            }
        }
    }
}
