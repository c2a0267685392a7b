import Foundation
import Testing
import RoutingCore
@testable import Tensor

/// Loading checkpoints into model parameters (`Checkpoint+Parameters.swift`).
@Suite struct CheckpointParametersTests {
    static func model(seed: UInt64) -> [Parameter] {
        var rng = SeededGenerator(seed: seed)
        return [Parameter(name: "embed.weight", value: .uniform([4, 2], bound: 1, using: &rng)),
                Parameter(name: "embed.bias", value: .uniform([4], bound: 1, using: &rng))]
    }

    /// Parameters saved to a file and loaded into a differently initialised model take the saved values,
    /// in place (the parameter keeps its storage).
    @Test func savedParametersLoadIntoAnotherModel() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let source = Self.model(seed: 1), target = Self.model(seed: 2)
        try Checkpoint(parameters: source).write(to: directory.file("m.safetensors"))
        let storage = target[0].value.buffer.pointer
        let unused = try Checkpoint.read(from: directory.file("m.safetensors")).load(into: target)
        #expect(unused.isEmpty)
        #expect(target[0].value.buffer.pointer == storage)
        for (a, b) in zip(source, target) { #expect(a.value.scalars == b.value.scalars) }
    }

    /// A missing tensor is an error naming the tensor and the file, and nothing is loaded.
    @Test func missingTensorFailsWithoutChangingTheModel() throws {
        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("partial.safetensors")
        let source = Self.model(seed: 1)
        try Checkpoint(parameters: [source[0]]).write(to: path)
        let target = Self.model(seed: 2)
        let before = target.map(\.value.scalars)
        #expect(throws: CheckpointError(path: path, reason: .missingTensor("embed.bias"))) {
            try Checkpoint.read(from: path).load(into: target)
        }
        #expect(target.map(\.value.scalars) == before)
        let message = CheckpointError(path: path, reason: .missingTensor("embed.bias")).description
        #expect(message.contains(path) && message.contains("'embed.bias' is missing"))
    }

    /// A tensor of the wrong shape is an error giving both shapes.
    @Test func shapeMismatchIsAnError() throws {
        let checkpoint = Checkpoint(tensors: ["embed.weight": Tensor(zeros: [2, 4]), "embed.bias": Tensor(zeros: [4])])
        let error = CheckpointError(path: "<memory>", reason: .shapeMismatch(tensor: "embed.weight", expected: [4, 2], found: [2, 4]))
        #expect(throws: error) { try checkpoint.load(into: Self.model(seed: 1)) }
        #expect(error.description.contains("'embed.weight' has shape [2, 4], expected [4, 2]"))
    }

    /// Extra tensors are rejected by default, allowed under listed prefixes, and returned when allowed.
    @Test func unusedTensorsFollowThePolicy() throws {
        var checkpoint = Checkpoint(parameters: Self.model(seed: 1))
        checkpoint.tensors["optimizer.adam.m.embed.bias"] = Tensor(zeros: [4])
        checkpoint.tensors["decoder.weight"] = Tensor(zeros: [1])
        #expect(throws: CheckpointError(path: "<memory>", reason: .unexpectedTensors(["decoder.weight", "optimizer.adam.m.embed.bias"]))) {
            try checkpoint.load(into: Self.model(seed: 2))
        }
        #expect(throws: CheckpointError(path: "<memory>", reason: .unexpectedTensors(["decoder.weight"]))) {
            try checkpoint.load(into: Self.model(seed: 2), unusedTensors: .allowPrefixed(["optimizer."]))
        }
        let unused = try checkpoint.load(into: Self.model(seed: 2), unusedTensors: .allow)
        #expect(unused == ["decoder.weight", "optimizer.adam.m.embed.bias"])
    }

    /// Two parameters with one name cannot be loaded.
    @Test func duplicateParameterNamesAreAnError() {
        let checkpoint = Checkpoint(tensors: ["w": Tensor(zeros: [1])])
        let twins = [Parameter(name: "w", value: Tensor(zeros: [1])), Parameter(name: "w", value: Tensor(zeros: [1]))]
        #expect(throws: CheckpointError(path: "<memory>", reason: .duplicateParameterName("w"))) {
            try checkpoint.load(into: twins)
        }
    }
}
