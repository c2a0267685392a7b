@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

@Suite struct TourWorkerTests {
    /// The local search plus a short iterated local search finds the brute-force optimum on
    /// many seeded tiny TSP and ATSP instances, starting from a random tour, and never reports
    /// less than it.
    @Test func matchesBruteForceOnTinyInstances() {
        var rng = SeededGenerator(seed: 91)
        for n in 5...9 {
            for seed in 1...8 as ClosedRange<UInt64> {
                for instance in [RandomInstances.euclideanTSP(n, seed: seed), RandomInstances.randomATSP(n, seed: seed)] {
                    let symmetric = instance.kind == .tsp
                    let worker = TourWorker(instance: instance,
                                            lists: CandidateLists(distances: instance.distances, k: 10, symmetric: symmetric),
                                            symmetric: symmetric)
                    let result = worker.run(from: TourFixtures.randomOrder(n, &rng), deadline: Deadline(seconds: 60),
                                            iterationLimit: 150, using: &rng)
                    #expect(result.cost == Evaluator.tourCost(result.tour, distances: instance.distances))
                    #expect(result.cost == BruteForce.optimalTourCost(instance), "\(instance.name)")
                }
            }
        }
    }
}
