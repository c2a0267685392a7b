import Testing
import RoutingCore
import Tensor
@testable import Policies

@Suite struct CriticNetworkTests {
    static func critic() -> CriticNetwork {
        let critic = CriticNetwork(width: 8, processSteps: 2, seed: 21)
        var rng = SeededGenerator(seed: 22)
        Initializer.uniform(bound: 0.6).initialize(critic.parameters, using: &rng)
        return critic
    }

    /// The tape's predictions equal the double-precision reference (encoder, process glimpses, MLP).
    @Test func predictionMatchesReference() {
        let critic = Self.critic()
        var rng = SeededGenerator(seed: 23)
        let batch = ProblemBatch.randomTSP(count: 4, nodes: 6, using: &rng)
        let fast = critic.predict(batch, on: Tape(recording: false)).value.scalars
        let slow = ReferenceForward.critic(critic, batch: batch)
        #expect(Set(fast).count == 4)
        for (a, b) in zip(fast, slow) { #expect(abs(Double(a) - b) < 1e-5, "\(a) vs \(b)") }
    }

    /// The gradient of the mean squared error against given costs equals central differences of the
    /// reference's MSE for entries of every critic parameter.
    @Test func squaredErrorGradientMatchesFiniteDifferences() {
        let critic = Self.critic()
        var rng = SeededGenerator(seed: 24)
        let batch = ProblemBatch.randomTSP(count: 3, nodes: 5, using: &rng)
        let costs: [Float] = [2.5, 3.1, 1.9]
        let tape = Tape()
        tape.backward(critic.loss(critic.predict(batch, on: tape), costs: costs, batchSize: 3, on: tape))
        func referenceLoss() -> Double {
            zip(ReferenceForward.critic(critic, batch: batch), costs).reduce(0.0) { $0 + ($1.0 - Double($1.1)) * ($1.0 - Double($1.1)) } / 3
        }
        for (position, parameter) in critic.parameters.enumerated() {
            let index = (5 * position + 1) % parameter.value.count
            let result = CentralDifference.compare(parameter, index: index, step: 1e-3, tolerance: 1e-3, floor: 0.1,
                                                   loss: referenceLoss)
            #expect(result.agrees, "\(parameter.name)[\(index)]: numeric \(result.numeric), analytic \(result.analytic)")
        }
    }
}
