import Foundation
import Testing
import RoutingCore
@testable import Tensor

@Suite struct AdamTests {
    /// Adam's formulas in Double: the reference for the Float implementation.
    struct ReferenceAdam {
        var theta: [Double], m: [Double], v: [Double]
        var t = 0
        let configuration: Adam.Configuration

        init(theta: [Double], configuration: Adam.Configuration) {
            self.theta = theta
            m = Array(repeating: 0, count: theta.count)
            v = m
            self.configuration = configuration
        }

        mutating func step(gradient: [Double]) {
            t += 1
            let c = configuration
            for i in theta.indices {
                var g = gradient[i]
                if c.weightDecayMode == .l2 { g += c.weightDecay * theta[i] } else { theta[i] *= 1 - c.learningRate * c.weightDecay }
                m[i] = c.beta1 * m[i] + (1 - c.beta1) * g
                v[i] = c.beta2 * v[i] + (1 - c.beta2) * g * g
                let mHat = m[i] / (1 - pow(c.beta1, Double(t))), vHat = v[i] / (1 - pow(c.beta2, Double(t)))
                theta[i] -= c.learningRate * mHat / (vHat.squareRoot() + c.epsilon)
            }
        }
    }

    /// Five steps on a 3-element parameter match the closed-form Adam/AdamW recurrences computed in Double.
    @Test(arguments: [(0.0, Adam.WeightDecayMode.l2), (0.1, .l2), (0.1, .decoupled)])
    func matchesClosedForm(weightDecay: Double, mode: Adam.WeightDecayMode) {
        let configuration = Adam.Configuration(learningRate: 0.01, weightDecay: weightDecay, weightDecayMode: mode)
        let parameter = Parameter(name: "w", value: Tensor([0.5, -1.5, 2], shape: [3]))
        let adam = Adam(parameters: [parameter], configuration: configuration)
        var reference = ReferenceAdam(theta: [0.5, -1.5, 2], configuration: configuration)
        let gradients: [[Float]] = [[0.1, -0.2, 0.3], [0.4, 0.0, -0.1], [-0.3, 0.5, 0.2], [1.0, -1.0, 0.0], [0.05, 0.05, -2]]
        for gradient in gradients {
            parameter.gradient = Tensor(gradient, shape: [3])
            adam.update()
            reference.step(gradient: gradient.map(Double.init))
        }
        #expect(adam.step == 5)
        for (actual, expected) in zip(parameter.value.scalars, reference.theta) {
            #expect(abs(Double(actual) - expected) <= 1e-6 * max(1, abs(expected)))
        }
        for (actual, expected) in zip(adam.secondMoments[0].scalars, reference.v) {
            #expect(abs(Double(actual) - expected) <= 1e-6 * max(1e-3, abs(expected)))
        }
    }

    /// A 19-element parameter (two full groups of eight lanes and a partial one) matches the reference everywhere.
    @Test func vectorBodyAndTailAgree() {
        var rng = SeededGenerator(seed: 4)
        let parameter = Parameter(name: "w", value: .uniform([19], bound: 1, using: &rng))
        let configuration = Adam.Configuration(learningRate: 0.05, weightDecay: 0.2)
        var reference = ReferenceAdam(theta: parameter.value.scalars.map(Double.init), configuration: configuration)
        let adam = Adam(parameters: [parameter], configuration: configuration)
        for _ in 0..<3 {
            parameter.gradient = .normal([19], using: &rng)
            reference.step(gradient: parameter.gradient.scalars.map(Double.init))
            adam.update()
        }
        for (actual, expected) in zip(parameter.value.scalars, reference.theta) {
            #expect(abs(Double(actual) - expected) <= 1e-6 * max(1, abs(expected)))
        }
    }

    /// By hand: the first step moves each weight by the learning rate against its gradient's sign
    /// (m̂ = g, v̂ = g², so the step is η·g/|g|).
    @Test func firstStepMovesByLearningRate() {
        let parameter = Parameter(name: "w", value: Tensor([1, 1], shape: [2]))
        parameter.gradient = Tensor([0.5, -4], shape: [2])
        Adam(parameters: [parameter], configuration: .init(learningRate: 0.1)).update()
        #expect(abs(parameter.value[0] - 0.9) < 1e-6)
        #expect(abs(parameter.value[1] - 1.1) < 1e-6)
    }

    /// A parameter's learning-rate scale multiplies its steps only: with scales 1 and 30, two parameters with
    /// equal gradients move by η and 30·η on the first step, and by the same ratio on later ones.
    @Test func learningRateScalesApplyPerParameter() {
        let plain = Parameter(name: "a", value: Tensor([1, 1, 1], shape: [3]))
        let fast = Parameter(name: "b", value: Tensor([1, 1, 1], shape: [3]))
        let adam = Adam(parameters: [plain, fast], configuration: .init(learningRate: 0.001))
        #expect(adam.learningRateScales == [1, 1])
        adam.learningRateScales = [1, 30]
        for (index, gradient) in [[Float(0.5), -2, 1], [0.25, -1, 3]].enumerated() {
            let before = (plain.value.scalars, fast.value.scalars)
            plain.gradient = Tensor(gradient, shape: [3])
            fast.gradient = Tensor(gradient, shape: [3])
            adam.update()
            for i in 0..<3 {
                let plainStep = plain.value[i] - before.0[i], fastStep = fast.value[i] - before.1[i]
                #expect(abs(fastStep - 30 * plainStep) < 1e-5, "element \(i): \(plainStep) vs \(fastStep)")
                if index == 0 { #expect(abs(plainStep + 0.001 * (gradient[i] > 0 ? 1 : -1)) < 1e-6) }
            }
        }
    }

    /// zeroGradients clears every parameter's gradient.
    @Test func zeroGradientsClearsAll() {
        let parameters = [Parameter(name: "a", value: Tensor(zeros: [2])), Parameter(name: "b", value: Tensor(zeros: [3]))]
        for parameter in parameters { parameter.gradient = Tensor(repeating: 2, shape: parameter.shape) }
        Adam(parameters: parameters).zeroGradients()
        #expect(parameters.allSatisfy { $0.gradient.scalars.allSatisfy { $0 == 0 } })
    }

    static func makeModel() -> [Parameter] {
        var rng = SeededGenerator(seed: 5)
        return [Parameter(name: "layer.weight", value: .uniform([3, 4], bound: 1, using: &rng)),
                Parameter(name: "layer.bias", value: .uniform([4], bound: 1, using: &rng))]
    }

    /// Deterministic pseudo-gradients for `step`, the same in every run.
    static func setGradients(_ parameters: [Parameter], step: Int) {
        var rng = SeededGenerator(seed: UInt64(100 + step))
        for parameter in parameters { parameter.gradient = .normal(parameter.shape, using: &rng) }
    }

    /// Saving after 4 steps, restoring from the file into a fresh model and optimiser, and running 6 more
    /// steps gives bit-identical weights and moments to 10 uninterrupted steps.
    @Test func saveRestoreContinuesBitIdentically() throws {
        let configuration = Adam.Configuration(learningRate: 0.02, weightDecay: 0.01, weightDecayMode: .decoupled)
        let straight = Self.makeModel()
        let straightAdam = Adam(parameters: straight, configuration: configuration)
        for step in 0..<10 { Self.setGradients(straight, step: step); straightAdam.update() }

        let directory = TemporaryDirectory()
        defer { directory.remove() }
        let first = Self.makeModel()
        let firstAdam = Adam(parameters: first, configuration: configuration)
        for step in 0..<4 { Self.setGradients(first, step: step); firstAdam.update() }
        var checkpoint = Checkpoint(parameters: first)
        firstAdam.save(into: &checkpoint)
        try checkpoint.write(to: directory.file("state.safetensors"))

        let loaded = try Checkpoint.read(from: directory.file("state.safetensors"))
        let resumed = Self.makeModel()
        try loaded.load(into: resumed, unusedTensors: .allowPrefixed([Adam.checkpointPrefix]))
        let resumedAdam = Adam(parameters: resumed, configuration: .init(learningRate: 1))
        try resumedAdam.restore(from: loaded)
        #expect(resumedAdam.step == 4)
        #expect(resumedAdam.configuration == configuration)
        for step in 4..<10 { Self.setGradients(resumed, step: step); resumedAdam.update() }

        for index in straight.indices {
            #expect(resumed[index].value.scalars.map(\.bitPattern) == straight[index].value.scalars.map(\.bitPattern))
            #expect(resumedAdam.firstMoments[index].scalars == straightAdam.firstMoments[index].scalars)
            #expect(resumedAdam.secondMoments[index].scalars == straightAdam.secondMoments[index].scalars)
        }
    }

    /// Restoring checks the optimiser kind and every moment tensor, and leaves the optimiser unchanged on failure.
    @Test func restoreRejectsIncompleteState() {
        let model = Self.makeModel()
        let adam = Adam(parameters: model)
        var checkpoint = Checkpoint()
        adam.save(into: &checkpoint)
        checkpoint.tensors[Adam.secondMomentName("layer.bias")] = nil
        adam.step = 3
        #expect(throws: CheckpointError(path: "<memory>", reason: .missingTensor("optimizer.adam.v.layer.bias"))) {
            try adam.restore(from: checkpoint)
        }
        #expect(adam.step == 3)
        checkpoint.metadata["optimizer"] = "sgd"
        #expect(throws: CheckpointError(path: "<memory>", reason: .invalidMetadata(key: "optimizer", "holds 'sgd', not 'adam'"))) {
            try adam.restore(from: checkpoint)
        }
    }
}
