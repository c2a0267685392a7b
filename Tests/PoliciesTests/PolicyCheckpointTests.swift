import Foundation
import RoutingCore
import Tensor
import Testing
@testable import Policies

@Suite struct PolicyCheckpointTests {
    /// A written policy loads back with every tensor bit for bit (batch-norm statistics included), the
    /// same configuration and architecture, for both architectures on TSP and CVRP.
    @Test(arguments: [(ProblemKind.tsp, PolicyArchitecture.attention), (.cvrp, .attention), (.tsp, .pomo), (.cvrp, .pomo)])
    func roundTrips(problem: ProblemKind, architecture: PolicyArchitecture) throws {
        let folder = try PolicyFixtures.temporaryFolder()
        let configuration = PolicyFixtures.configuration(problem, architecture)
        let original = TrainedPolicy(configuration: configuration, seed: 21)
        if case .attention(let model) = original {
            for statistics in model.statistics { statistics.mean.pointer[0] = 0.25; statistics.variance.pointer[0] = 3 }
        }
        let path = folder + "/best.safetensors"
        try PolicyCheckpoint.write(original.tensors, configuration: configuration, metadata: ["epoch": "4"], to: path)
        let loaded = try PolicyCheckpoint.load(from: path)
        #expect(loaded.configuration == configuration && loaded.policy.architecture == architecture)
        #expect(loaded.metadata["format"] == PolicyCheckpoint.format && loaded.metadata["epoch"] == "4")
        let before = original.tensors, after = loaded.policy.tensors
        #expect(before.map(\.name) == after.map(\.name))
        for (a, b) in zip(before, after) { #expect(a.value.scalars == b.value.scalars, "\(a.name)") }
    }

    /// A training state, a file without `model_config`, a configuration that is not JSON, one this build
    /// cannot make, and tensors of another shape are refused with messages naming the file.
    @Test func refusesWhatIsNotAPolicy() throws {
        let folder = try PolicyFixtures.temporaryFolder()
        let configuration = PolicyFixtures.configuration(.tsp, .pomo)
        let tensors = TrainedPolicy(configuration: configuration, seed: 1).tensors
        func write(_ name: String, _ metadata: [String: String]) throws -> String {
            let path = folder + "/" + name
            try Checkpoint(parameters: tensors, metadata: metadata).write(to: path)
            return path
        }
        let state = try write("last.safetensors", ["format": TrainingState.format])
        #expect(throws: PolicyError.notAPolicy(path: state, format: TrainingState.format)) { try PolicyCheckpoint.load(from: state) }
        #expect(PolicyError.notAPolicy(path: state, format: TrainingState.format).description.contains("use the run's best.safetensors"))
        let bare = try write("bare.safetensors", ["format": PolicyCheckpoint.format])
        #expect(throws: PolicyError.invalidConfiguration(path: bare, reason: "missing")) { try PolicyCheckpoint.load(from: bare) }
        let garbage = try write("garbage.safetensors", ["format": PolicyCheckpoint.format, "model_config": "{"])
        expectInvalidConfiguration(garbage)
        var matrixProblem = configuration
        matrixProblem.problem = .atsp
        let unsupported = folder + "/atsp-pomo.safetensors"
        try PolicyCheckpoint.write(tensors, configuration: matrixProblem, to: unsupported)
        expectInvalidConfiguration(unsupported)
        var wider = configuration
        wider.model.width = 32
        let mismatch = folder + "/wider.safetensors"
        try PolicyCheckpoint.write(tensors, configuration: wider, to: mismatch)
        #expect(throws: PolicyError.self) { try PolicyCheckpoint.load(from: mismatch) }
        do {
            _ = try PolicyCheckpoint.load(from: mismatch)
        } catch {
            guard case .checkpoint(let inner) = error, case .shapeMismatch = inner.reason else {
                Issue.record("expected a shape mismatch, got \(error)")
                return
            }
            #expect(error.description.contains(mismatch))
        }
    }

    /// A missing file is a checkpoint error naming the path.
    @Test func missingFile() {
        #expect(throws: PolicyError.self) { try PolicyCheckpoint.load(from: "/nonexistent/tsp20-pomo.safetensors") }
        do {
            _ = try PolicyCheckpoint.load(from: "/nonexistent/tsp20-pomo.safetensors")
        } catch {
            #expect(error.description.contains("/nonexistent/tsp20-pomo.safetensors"))
        }
    }

    private func expectInvalidConfiguration(_ path: String) {
        do {
            _ = try PolicyCheckpoint.load(from: path)
            Issue.record("\(path) loaded")
        } catch {
            guard case .invalidConfiguration(let named, _) = error else {
                Issue.record("expected an invalid configuration, got \(error)")
                return
            }
            #expect(named == path && error.description.contains("model_config"))
        }
    }
}
