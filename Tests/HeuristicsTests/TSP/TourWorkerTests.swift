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

extension TourWorkerTests {
    /// The acceptance tolerance is a small fraction of the cost: fixed for symmetric instances,
    /// about a third of an average arc for asymmetric ones.
    @Test func toleranceDependsOnSymmetry() {
        let tsp = RandomInstances.euclideanTSP(40, seed: 1)
        let atsp = RandomInstances.randomATSP(40, seed: 1)
        let lists = CandidateLists(distances: tsp.distances, k: 5, symmetric: true)
        #expect(TourWorker(instance: tsp, lists: lists, symmetric: true).tolerance == 0.0003)
        #expect(TourWorker(instance: atsp, lists: lists, symmetric: false).tolerance == 0.3 / 40)
    }
}
