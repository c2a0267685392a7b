import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct ProblemBatchAugmentationTests {
    /// Every one of the 8 copies keeps every tour's length (TSP) and the demands and capacity (CVRP);
    /// the identity copy comes first.
    @Test func copiesKeepLengthsAndDemands() {
        var rng = SeededGenerator(seed: 21)
        let tsp = ProblemBatch.randomTSP(count: 3, nodes: 7, using: &rng)
        let augmented = tsp.augmented()
        #expect(augmented.count == 24)
        let tour = [0, 3, 6, 1, 5, 2, 4]
        for instance in 0..<3 {
            for s in 0..<8 {
                #expect(abs(augmented.tourLength(tour, instance: instance * 8 + s) - tsp.tourLength(tour, instance: instance)) < 1e-5)
            }
            #expect(Array(augmented.slice((instance * 8)..<(instance * 8 + 1)).coordinates.scalars)
                    == Array(tsp.slice(instance..<(instance + 1)).coordinates.scalars))
        }
        let cvrp = ProblemBatch.randomCVRP(count: 2, customers: 5, using: &rng).augmented()
        #expect(cvrp.capacity > 0 && cvrp.demands.count == 16 * 6)
        let original = ProblemBatch.randomCVRP(count: 2, customers: 5, using: &rng)
        let copies = original.augmented()
        for instance in 0..<2 {
            for s in 0..<8 {
                #expect(Array(copies.demands[((instance * 8 + s) * 6)..<((instance * 8 + s + 1) * 6)])
                        == Array(original.demands[(instance * 6)..<((instance + 1) * 6)]))
            }
        }
    }

    /// POMO's ×8 validation cost is never above its best-of-starts cost, which is never above the
    /// single trajectory's, and the identity copy reproduces the plain decoding.
    @Test func augmentedValidationIsNeverWorse() {
        let model = POMOModel(width: 16, layers: 1, heads: 8, feedForward: 32, seed: 5)
        var rng = SeededGenerator(seed: 6)
        let batch = ProblemBatch.randomTSP(count: 5, nodes: 8, using: &rng)
        let evaluator = GreedyEvaluator(group: ShardGroup(shards: 2), chunkSize: 16)
        let plain = evaluator.costs(of: model, on: batch)
        let costs = evaluator.costs(of: model, on: batch, augmented: true)
        #expect(costs.firstNode == plain.firstNode && costs.bestStart == plain.bestStart)
        for i in 0..<5 {
            #expect(costs.augmentedBest![i] <= costs.bestStart[i] && costs.bestStart[i] <= costs.firstNode[i])
        }
    }
}
