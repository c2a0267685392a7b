import Foundation
import Testing
import RoutingCore
import Tensor
@testable import Policies

/// A stand-in training algorithm whose steps can be made non-finite on demand.
final class ScriptedTraining: PolicyTraining {
    let weight = Parameter(name: "weight", value: Tensor([1, 2], shape: [2]))
    let normalization = RunningStatistics(name: "norm", channels: 2)
    let optimizer: Adam
    var rng = SeededGenerator(seed: 1)
    /// Steps (1-based) that report NaN and poison the running statistics.
    let nonFiniteSteps: Set<Int>
    private(set) var steps = 0

    init(nonFiniteSteps: Set<Int>) {
        self.nonFiniteSteps = nonFiniteSteps
        optimizer = Adam(parameters: [weight])
    }

    var statistics: [RunningStatistics] { [normalization] }
    var policyTensors: [Parameter] { [weight] + normalization.checkpointTensors }
    var stateTensors: [Parameter] { policyTensors }
    var metadata: [String: String] { [:] }
    func restore(metadata: [String: String]) throws(TrainingError) {}
    func prepare(epoch: Int) {}
    func epochEnded(_ epoch: Int, streams: inout RandomStreams) -> String? { nil }
    func validate(_ set: ProblemBatch) -> ValidationCosts { ValidationCosts(greedy: Array(repeating: 1, count: set.count)) }

    func step(_ batch: ProblemBatch) -> TrainingStepReport {
        steps += 1
        if nonFiniteSteps.contains(steps) {
            normalization.mean.pointer[0] = .nan
            return TrainingStepReport(loss: .nan, meanCost: .nan, meanBaseline: 1, gradientNorm: .nan)
        }
        weight.value.pointer[0] += 1
        return TrainingStepReport(loss: 0.5, meanCost: 2, meanBaseline: 2, gradientNorm: 0.25)
    }
}

@Suite struct TrainingRunSafetyTests {
    static func run(_ training: ScriptedTraining, steps: Int, events: @escaping (TrainingEvent) -> Void = { _ in })
        throws -> (TrainingRun, String) {
        let directory = TrainingRunTests.directory()
        var options = TrainingRunTests.options(directory, shards: 1, steps: steps)
        options.events = events
        let run = try TrainingRun(configuration: TrainingRunTests.tiny(), options: options, training: training,
                                  streams: RandomStreams(seed: 1), resume: false)
        return (run, directory)
    }

    /// Non-finite steps are counted and reported as warnings, their batch-norm damage is undone, and the
    /// other steps go on; the log's averages leave them out.
    @Test func nonFiniteStepIsSkipped() throws {
        let training = ScriptedTraining(nonFiniteSteps: [2, 3])
        let warnings = WarningCollector()
        let (run, directory) = try Self.run(training, steps: 4) { event in
            if case .warning(let text) = event { warnings.add(text) }
        }
        let summary = try run.run()
        #expect(summary.skippedSteps == 2 && summary.step == 4)
        #expect(warnings.lines.count == 2 && warnings.lines[0].contains("update skipped"))
        #expect(training.normalization.mean.scalars == [0, 0])
        let log = try String(contentsOfFile: directory + "/log.jsonl", encoding: .utf8)
        #expect(log.contains("\"skipped_steps\":2"))
        #expect(!log.contains("nan"))
    }

    /// A checkpoint is never written with a NaN weight: saving refuses, naming the tensor, and the previous
    /// file stays as it was.
    @Test func refusesToSaveNonFiniteWeights() throws {
        let training = ScriptedTraining(nonFiniteSteps: [])
        let (run, directory) = try Self.run(training, steps: 1)
        _ = try run.run()
        let before = try Data(contentsOf: URL(fileURLWithPath: directory + "/last.safetensors"))
        training.weight.value.pointer[1] = .infinity
        #expect(throws: TrainingError.nonFiniteWeights(path: directory + "/last.safetensors", tensor: "weight")) {
            try run.saveLast()
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: directory + "/last.safetensors")) == before)
    }

    /// A stop request ends the run after the current step with the state saved.
    @Test func stopRequestSavesAndStops() throws {
        let stop = StopRequest()
        let training = ScriptedTraining(nonFiniteSteps: [])
        let directory = TrainingRunTests.directory()
        var options = TrainingRunTests.options(directory, shards: 1, steps: 50)
        options.stopRequest = stop
        options.events = { event in if case .step(let status) = event, status.step == 3 { stop.request(reason: "SIGINT") } }
        let summary = try TrainingRun(configuration: TrainingRunTests.tiny(), options: options, training: training,
                                      streams: RandomStreams(seed: 1), resume: false).run()
        #expect(summary.reason == .interrupted && summary.step == 3)
        #expect(try Checkpoint.read(from: directory + "/last.safetensors").metadata["step"] == "3")
    }
}

/// Collects warning lines from the event callback.
final class WarningCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.lock(); stored.append(line); lock.unlock() }
    var lines: [String] { lock.lock(); defer { lock.unlock() }; return stored }
}
