import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct TrainingStateTests {
    /// A small model, optimiser and streams; `seed` sets the initial weights.
    static func makeState(seed: UInt64) -> TrainingState {
        var rng = SeededGenerator(seed: seed)
        let parameters = [Parameter(name: "encoder.weight", value: Initializer.xavierUniform(gain: 1).tensor(shape: [6, 3], using: &rng)),
                          Parameter(name: "encoder.bias", value: Initializer.zeros.tensor(shape: [6], using: &rng))]
        return TrainingState(parameters: parameters, optimizer: Adam(parameters: parameters),
                             randomStreams: RandomStreams(seed: seed))
    }

    /// Runs `steps` steps of pseudo-training: gradients from the "data" stream, clipping, an Adam update.
    static func train(_ state: inout TrainingState, steps: Int) {
        let schedule = ExponentialDecaySchedule(initialRate: 0.05, decay: 0.9)
        for _ in 0..<steps {
            for parameter in state.parameters {
                parameter.gradient = .normal(parameter.shape, using: &state.randomStreams["data"])
            }
            GradientClipping.clipGlobalNorm(state.parameters, maxNorm: 1)
            state.optimizer.learningRate = schedule.rate(epoch: state.epoch, step: state.step)
            state.optimizer.update()
            state.step += 1
            if state.step % 3 == 0 { state.epoch += 1 }
        }
    }

    static func bits(_ state: TrainingState) -> [[UInt32]] {
        state.parameters.map { $0.value.scalars.map(\.bitPattern) }
            + state.optimizer.firstMoments.map { $0.scalars.map(\.bitPattern) }
            + state.optimizer.secondMoments.map { $0.scalars.map(\.bitPattern) }
    }

    /// Save → load into a differently initialised state restores every field exactly, and training then
    /// continues bit-identically to a run that never stopped.
    @Test func saveLoadRestoresEverything() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        var original = Self.makeState(seed: 1)
        original.configuration = #"{"problem":"tsp","size":20}"#
        original.metadata = ["baseline_epoch": "2", "best_cost": "3.84"]
        Self.train(&original, steps: 5)
        _ = original.randomStreams["sampling"].next()
        try original.save(to: directory.file("run/state.safetensors"))

        let checkpoint = try Checkpoint.read(from: directory.file("run/state.safetensors"))
        #expect(try TrainingState.configuration(in: checkpoint) == original.configuration)
        var resumed = Self.makeState(seed: 2)
        try resumed.restore(from: checkpoint)
        #expect(resumed.step == 5 && resumed.epoch == 1)
        #expect(resumed.configuration == original.configuration)
        #expect(resumed.metadata == original.metadata)
        #expect(resumed.randomStreams == original.randomStreams)
        #expect(resumed.optimizer.step == original.optimizer.step)
        #expect(resumed.optimizer.configuration == original.optimizer.configuration)
        #expect(Self.bits(resumed) == Self.bits(original))

        Self.train(&original, steps: 4)
        Self.train(&resumed, steps: 4)
        #expect(Self.bits(resumed) == Self.bits(original))
        #expect(resumed.randomStreams == original.randomStreams)
    }

    /// A checkpoint that is not a training state, or lacks a parameter, is rejected and nothing changes.
    @Test func rejectsForeignCheckpointsUnchanged() throws {
        var target = Self.makeState(seed: 3)
        let before = Self.bits(target)
        let plain = Checkpoint(parameters: target.parameters)
        #expect(throws: CheckpointError(path: "<memory>", reason: .invalidMetadata(key: "format", "missing"))) {
            try target.restore(from: plain)
        }
        var partial = Self.makeState(seed: 4).checkpoint()
        partial.tensors["encoder.bias"] = nil
        #expect(throws: CheckpointError(path: "<memory>", reason: .missingTensor("encoder.bias"))) {
            try target.restore(from: partial)
        }
        var noMoments = Self.makeState(seed: 4).checkpoint()
        noMoments.tensors[Adam.firstMomentName("encoder.weight")] = nil
        #expect(throws: CheckpointError(path: "<memory>", reason: .missingTensor("optimizer.adam.m.encoder.weight"))) {
            try target.restore(from: noMoments)
        }
        #expect(Self.bits(target) == before)
        #expect(target.step == 0)
    }
}
