import Foundation
import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct PointerTrainingTests {
    /// Bello's defaults: critic baseline, batch 128, lr 1e-3; the exponential baseline is allowed, other
    /// baselines, CVRP and extra layers are refused with a message.
    @Test func defaultsAndCombinations() {
        let configuration = TrainingConfiguration(problem: .tsp, size: 20, architecture: .pointer)
        #expect(configuration.baseline == .critic && configuration.batchSize == 128 && configuration.learningRate == 1e-3)
        #expect(configuration.problemWithCombination == nil)
        var exponential = configuration
        exponential.baseline = .exponential
        #expect(exponential.problemWithCombination == nil)
        var rollout = configuration
        rollout.baseline = .rollout
        #expect(rollout.problemWithCombination?.contains("--baseline rollout") == true)
        #expect(TrainingConfiguration(problem: .cvrp, size: 20, architecture: .pointer).problemWithCombination?
            .contains("TSP only") == true)
        var layered = configuration
        layered.model.layers = 3
        #expect(layered.problemWithCombination?.contains("--layers") == true)
    }

    /// `last.safetensors` holds the critic's weights and their Adam moments; `best.safetensors` holds the
    /// policy only (format `routeopt.policy.v1`, `model_config` naming the pointer architecture) and loads
    /// into a fresh network of the configured width.
    @Test func checkpointsSeparatePolicyAndCritic() throws {
        let configuration = TrainingRunTests.tiny(.tsp, .pointer, baseline: .critic)
        let directory = TrainingRunTests.directory()
        _ = try TrainingRun(configuration: configuration, options: TrainingRunTests.options(directory, shards: 2, steps: 3),
                            resume: false).run()
        let last = try Checkpoint.read(from: directory + "/last.safetensors")
        #expect(last.tensors.keys.contains("critic.decoder.output.bias"))
        #expect(last.tensors.keys.contains(Adam.firstMomentName("critic.process.vector")))
        let best = try Checkpoint.read(from: directory + "/best.safetensors")
        #expect(best.metadata["format"] == "routeopt.policy.v1")
        #expect(best.metadata["model_config"]?.contains("\"architecture\":\"pointer\"") == true)
        #expect(!best.tensors.keys.contains { $0.hasPrefix("critic.") || $0.hasPrefix("optimizer.") })
        let network = PointerNetwork(width: configuration.model.width, seed: 99)
        try best.load(into: network.parameters)
        #expect(network.decoderStart.value.scalars == best.tensors["decoder.start"]!.scalars)
    }

    /// A short seeded run on TSP10 with the critic baseline (d = 32, 120 steps of 32, lr 3e-3) ends with a
    /// greedy validation cost clearly below the random policy's expected tour length, the sampled tours got
    /// shorter, and the critic (output bias centred on the first batch) tracks the sampled costs.
    @Test func shortRunWithCriticBeatsRandomPolicy() throws {
        var configuration = TrainingConfiguration(problem: .tsp, size: 10, architecture: .pointer)
        configuration.model.width = 32
        configuration.batchSize = 32
        configuration.learningRate = 3e-3
        configuration.epochSize = 32 * 1_000
        configuration.epochs = 1
        configuration.validationSize = 200
        let set = ProblemBatch.seededSet(.tsp, size: 10, seed: configuration.validationSeed, indices: 0..<200)
        let random = (0..<200).map { TrainingRunLearningTests.randomPolicyLength(set, instance: $0) }.reduce(0, +) / 200
        let directory = TrainingRunTests.directory()
        var options = TrainingRun.Options(directory: directory)
        options.stepLimit = 120
        options.logInterval = 10
        let summary = try TrainingRun(configuration: configuration, options: options, resume: false).run()
        let trained = try #require(summary.bestValidation)
        #expect(trained < 0.85 * random, "trained \(trained), random \(random)")
        let entries = try String(contentsOfFile: directory + "/log.jsonl", encoding: .utf8).split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
            .filter { $0["type"] as? String == "train" }
        let costs = entries.compactMap { $0["cost"] as? Double }, predictions = entries.compactMap { $0["baseline"] as? Double }
        #expect(costs.count == 12 && costs.last! < 0.9 * costs.first!, "sampled costs \(costs)")
        #expect(zip(costs, predictions).allSatisfy { abs($0 - $1) < 0.1 * $0 }, "costs \(costs), critic \(predictions)")
    }
}
