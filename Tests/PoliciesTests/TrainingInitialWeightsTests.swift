import Foundation
import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct TrainingInitialWeightsTests {
    /// `--init-from`: a new run of another size starts from the policy file's tensors (the attention
    /// model's rollout baseline too), and a file of another network shape is refused with its name.
    @Test(arguments: [PolicyArchitecture.attention, .pomo])
    func newRunStartsFromPolicyFile(architecture: PolicyArchitecture) throws {
        let configuration = TrainingRunTests.tiny(.tsp, architecture)
        let first = TrainingRunTests.directory()
        _ = try TrainingRun(configuration: configuration, options: TrainingRunTests.options(first, shards: 1, steps: 3),
                            resume: false).run()
        let file = first + "/best.safetensors"
        let source = try PolicyCheckpoint.load(from: file)
        var larger = configuration
        larger.size = 9
        var options = TrainingRunTests.options(TrainingRunTests.directory(), shards: 1, steps: 1)
        options.initialWeights = file
        let run = try TrainingRun(configuration: larger, options: options, resume: false)
        let loaded = Dictionary(uniqueKeysWithValues: source.policy.tensors.map { ($0.name, $0.value.scalars) })
        for tensor in run.training.policyTensors { #expect(tensor.value.scalars == loaded[tensor.name], "\(tensor.name)") }
        if let attention = run.training as? AttentionTraining {
            for (policy, baseline) in zip(attention.trainer.model.parameters, attention.trainer.baseline.parameters) {
                #expect(policy.value.scalars == baseline.value.scalars)
            }
        }
        var wider = larger
        wider.model = .init(width: 16, layers: 1, heads: 2, feedForward: 16)
        #expect(throws: TrainingError.self) { _ = try TrainingRun(configuration: wider, options: options, resume: false) }
    }
}

@Suite struct TrainingLogResumeTests {
    /// Resuming drops the log entries a killed run wrote after its last checkpoint (and a line cut short),
    /// so no step is logged twice.
    @Test func resumeTrimsEntriesAfterTheCheckpoint() throws {
        let configuration = TrainingRunTests.tiny(.tsp, .attention, baseline: .exponential)
        let directory = TrainingRunTests.directory()
        _ = try TrainingRun(configuration: configuration, options: TrainingRunTests.options(directory, shards: 1, steps: 4),
                            resume: false).run()
        let path = directory + "/log.jsonl"
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"step\":5,\"type\":\"train\"}\n{\"step\":6,\"type\":\"train\"}\n{\"step\":7,\"ty".utf8))
        try handle.close()
        _ = try TrainingRun(configuration: configuration, options: TrainingRunTests.options(directory, shards: 1, steps: 8),
                            resume: true).run()
        let entries = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        let trainSteps = entries.filter { $0["type"] as? String == "train" }.compactMap { $0["step"] as? Int }
        #expect(trainSteps == trainSteps.sorted() && Set(trainSteps).count == trainSteps.count, "\(trainSteps)")
        #expect(trainSteps.last == 8)
    }
}
