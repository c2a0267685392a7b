import Foundation
import Testing
import RoutingCore
@testable import Policies

@Suite struct TrainingRunLearningTests {
    /// Expected tour length of the uniformly random policy on instance `i`: every edge of a random tour is a
    /// uniformly random pair of distinct nodes, so `E[L] = n · mean pairwise distance`.
    static func randomPolicyLength(_ set: ProblemBatch, instance: Int) -> Double {
        let n = set.nodes
        var total = 0.0
        for a in 0..<n {
            for b in (a + 1)..<n { total += set.solutionLength(.tour([a, b]), instance: instance) / 2 }
        }
        return Double(n) * total / Double(n * (n - 1) / 2)
    }

    /// A short seeded REINFORCE run on TSP10 (attention model, d = 32, one layer, exponential baseline,
    /// 70 steps of 64) ends clearly better than the random policy on the validation set (greedy), and its
    /// sampled tours got clearly shorter during the run (the untrained policy samples nearly uniformly; the
    /// first logged cost already averages ten updates) and end far below the random policy's length.
    @Test func shortRunBeatsRandomPolicy() throws {
        var configuration = TrainingConfiguration(problem: .tsp, size: 10)
        configuration.baseline = .exponential
        configuration.model = .init(width: 32, layers: 1, heads: 4, feedForward: 64)
        configuration.batchSize = 64
        configuration.epochSize = 64 * 1_000
        configuration.epochs = 1
        configuration.learningRate = 1e-3
        configuration.validationSize = 200
        let set = ProblemBatch.seededSet(.tsp, size: 10, seed: configuration.validationSeed, indices: 0..<200)
        let random = (0..<200).map { Self.randomPolicyLength(set, instance: $0) }.reduce(0, +) / 200
        let directory = TrainingRunTests.directory()
        var options = TrainingRun.Options(directory: directory)
        options.stepLimit = 70
        options.logInterval = 10
        let summary = try TrainingRun(configuration: configuration, options: options, resume: false).run()
        let trained = try #require(summary.bestValidation)
        #expect(trained < 0.85 * random, "trained \(trained), random \(random)")
        let costs = try String(contentsOfFile: directory + "/log.jsonl", encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String == "train" }.compactMap { $0["cost"] as? Double }
        #expect(costs.count == 7)
        #expect(costs.last! < 0.7 * random && costs.last! < 0.85 * costs.first!, "sampled costs \(costs), random \(random)")
    }
}
