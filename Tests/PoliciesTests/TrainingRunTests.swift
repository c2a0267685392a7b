import Foundation
import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct TrainingRunTests {
    static func tiny(_ problem: ProblemKind = .tsp, _ architecture: PolicyArchitecture = .attention,
                     baseline: BaselineKind? = nil) -> TrainingConfiguration {
        var configuration = TrainingConfiguration(problem: problem, size: 6, architecture: architecture)
        configuration.baseline = baseline ?? architecture.defaultBaseline
        configuration.epochs = 3
        configuration.epochSize = 24
        configuration.batchSize = 8
        configuration.validationSize = 6
        configuration.baselineEvaluationSize = 12
        configuration.model = .init(width: 8, layers: 1, heads: 2, feedForward: 16)
        return configuration
    }

    static func directory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("routeopt-train-\(UUID().uuidString)").path
    }

    static func options(_ directory: String, shards: Int, steps: Int) -> TrainingRun.Options {
        var options = TrainingRun.Options(directory: directory)
        options.shards = shards
        options.stepLimit = steps
        options.logInterval = 2
        return options
    }

    /// Every tensor of a checkpoint as bit patterns, by name.
    static func bits(_ path: String) throws -> [String: [UInt32]] {
        try Checkpoint.read(from: path).tensors.mapValues { $0.scalars.map(\.bitPattern) }
    }

    /// N steps, save, resume, M more steps give bit-identical weights, baseline copy, optimiser moments,
    /// random streams and counters to N + M uninterrupted steps — across epoch ends with the rollout
    /// baseline's t-test and warm-up switch, for sampled training on one and two shards, TSP and CVRP, POMO, and
    /// the pointer network with its critic (weights and Adam moments) or the exponential baseline.
    @Test(arguments: [(ProblemKind.tsp, PolicyArchitecture.attention, BaselineKind.rollout, 2),
                      (.cvrp, .attention, .rollout, 1), (.tsp, .attention, .exponential, 2), (.tsp, .pomo, .shared, 2),
                      (.cvrp, .pomo, .shared, 2), (.tsp, .pointer, .critic, 2), (.tsp, .pointer, .exponential, 1)])
    func resumeIsBitExact(problem: ProblemKind, architecture: PolicyArchitecture, baseline: BaselineKind, shards: Int) throws {
        let configuration = Self.tiny(problem, architecture, baseline: baseline)
        let straight = Self.directory(), interrupted = Self.directory()
        _ = try TrainingRun(configuration: configuration, options: Self.options(straight, shards: shards, steps: 8),
                            resume: false).run()
        let first = try TrainingRun(configuration: configuration, options: Self.options(interrupted, shards: shards, steps: 4),
                                    resume: false).run()
        #expect(first.step == 4 && first.reason == .stepLimit)
        let second = try TrainingRun(configuration: configuration, options: Self.options(interrupted, shards: shards, steps: 8),
                                     resume: true).run()
        #expect(second.step == 8 && second.epoch == 2)
        let expected = try Self.bits(straight + "/last.safetensors")
        let resumed = try Self.bits(interrupted + "/last.safetensors")
        #expect(expected.keys.sorted() == resumed.keys.sorted())
        let differing = expected.keys.filter { expected[$0] != resumed[$0] }.sorted()
        #expect(differing.isEmpty, "tensors differ: \(differing)")
        if baseline == .rollout { #expect(expected.keys.contains { $0.hasPrefix(TrainingRun.baselinePrefix) }) }
        let a = try Checkpoint.read(from: straight + "/last.safetensors").metadata
        let b = try Checkpoint.read(from: interrupted + "/last.safetensors").metadata
        for key in ["rng_state", "step", "epoch", "optimizer.adam.step", "trainer.position", "trainer.instances",
                    "trainer.baseline.evaluation_seed", "trainer.baseline.moving_average"] {
            #expect(a[key] == b[key], "\(key)")
        }
    }

    /// Resuming with a different configuration is refused with the differing field named; resuming an empty
    /// directory and starting over an existing run are refused too.
    @Test func resumeChecksConfigurationAndDirectory() throws {
        let configuration = Self.tiny()
        let directory = Self.directory()
        _ = try TrainingRun(configuration: configuration, options: Self.options(directory, shards: 1, steps: 1), resume: false).run()
        var other = configuration
        other.batchSize = 4
        #expect(throws: TrainingError.configurationMismatch(checkpoint: directory + "/last.safetensors",
                                                          differences: ["batchSize (checkpoint 8, requested 4)"])) {
            _ = try TrainingRun(configuration: other, options: Self.options(directory, shards: 1, steps: 2), resume: true)
        }
        #expect(throws: TrainingError.existingRun(directory)) {
            _ = try TrainingRun(configuration: configuration, options: Self.options(directory, shards: 1, steps: 2), resume: false)
        }
        let empty = Self.directory()
        #expect(throws: TrainingError.nothingToResume(empty + "/last.safetensors")) {
            _ = try TrainingRun(configuration: configuration, options: Self.options(empty, shards: 1, steps: 2), resume: true)
        }
        #expect(try TrainingRun.savedConfiguration(in: directory) == configuration)
    }

    /// A resumed run may lower its learning rate (POMO's final decay): the optimiser steps at the new rate and the
    /// saved configuration and Adam state say so.
    @Test func resumeMayChangeTheLearningRate() throws {
        let configuration = Self.tiny()
        let directory = Self.directory()
        _ = try TrainingRun(configuration: configuration, options: Self.options(directory, shards: 1, steps: 1), resume: false).run()
        var decayed = configuration
        decayed.learningRate = configuration.learningRate / 10
        _ = try TrainingRun(configuration: decayed, options: Self.options(directory, shards: 1, steps: 2), resume: true).run()
        #expect(try TrainingRun.savedConfiguration(in: directory).learningRate == decayed.learningRate)
        let adam = try Checkpoint.read(from: directory + "/last.safetensors").metadata["optimizer.adam.configuration"] ?? ""
        let saved = try JSONDecoder().decode(Adam.Configuration.self, from: Data(adam.utf8))
        #expect(saved.learningRate == decayed.learningRate)
    }

    /// A run writes config.json, command.txt, one log entry per interval and per validation with the
    /// documented fields, last.safetensors and best.safetensors (policy tensors only).
    @Test func writesRunFiles() throws {
        let directory = Self.directory()
        var options = Self.options(directory, shards: 1, steps: 4)
        options.commandLine = "routeopt train --test"
        _ = try TrainingRun(configuration: Self.tiny(), options: options, resume: false).run()
        let lines = try String(contentsOfFile: directory + "/log.jsonl", encoding: .utf8).split(separator: "\n")
        let entries = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let train = entries.filter { $0["type"] as? String == "train" }
        #expect(train.map { $0["step"] as? Int } == [2, 4])
        for key in ["epoch", "instances", "wall_seconds", "cpu_seconds", "loss", "cost", "baseline", "grad_norm"] {
            #expect(train[0][key] != nil, "\(key)")
        }
        #expect(entries.contains { $0["type"] as? String == "validation" && $0["validation_cost"] is Double })
        #expect(try String(contentsOfFile: directory + "/command.txt", encoding: .utf8) == "routeopt train --test\n")
        #expect(FileManager.default.fileExists(atPath: directory + "/config.json"))
        let best = try Checkpoint.read(from: directory + "/best.safetensors")
        #expect(best.metadata["format"] == "routeopt.policy.v1")
        #expect(!best.tensors.keys.contains { $0.hasPrefix("optimizer.") || $0.hasPrefix("baseline.") })
        #expect(best.tensors.keys.contains("encoder.layers.0.norm1.running_mean"))
    }
}
