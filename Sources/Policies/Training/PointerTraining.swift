import RoutingCore
import Tensor

/// Training the pointer network (Bello et al.) with the learned critic or the exponential baseline.
///
/// Checkpoints hold the policy's parameters and, with the critic, the critic's (`critic.*`) and its Adam
/// moments (one optimiser covers both, see ``PointerTrainer``); with the exponential baseline the moving
/// average is saved as metadata. `best.safetensors` holds the policy only.
final class PointerTraining: PolicyTraining {
    let configuration: TrainingConfiguration
    let trainer: PointerTrainer

    private static let movingAverageKey = "baseline.moving_average"

    /// A fresh network (and critic) initialised from the configuration's seed, trained on `shards` threads.
    init(configuration: TrainingConfiguration, shards: Int) {
        self.configuration = configuration
        let width = configuration.model.width
        let model = PointerNetwork(width: width, seed: configuration.seed)
        let critic = configuration.baseline == .critic
            ? CriticNetwork(width: width, seed: configuration.seed &+ 1) : nil
        trainer = PointerTrainer(model: model, critic: critic, shards: shards, learningRate: configuration.learningRate,
                                 seed: configuration.seed)
    }

    var optimizer: Adam { trainer.optimizer }
    var statistics: [RunningStatistics] { [] }

    var rng: SeededGenerator {
        get { trainer.rng }
        set { trainer.rng = newValue }
    }

    var policyTensors: [Parameter] { trainer.model.parameters }
    var stateTensors: [Parameter] { policyTensors + (trainer.critic?.parameters ?? []) }

    var metadata: [String: String] {
        trainer.exponentialBaseline?.value.map { [Self.movingAverageKey: "\($0)"] } ?? [:]
    }

    func restore(metadata: [String: String]) throws(TrainingError) {
        guard configuration.baseline == .exponential else { return }
        guard let text = metadata[Self.movingAverageKey] else {
            trainer.exponentialBaseline = ExponentialBaseline()
            return
        }
        guard let value = Float(text), value.isFinite else {
            throw TrainingError.invalidCheckpoint("\(Self.movingAverageKey) = '\(text)' is not a finite number")
        }
        trainer.exponentialBaseline = ExponentialBaseline(value: value)
    }

    func prepare(epoch: Int) {
        if configuration.baseline == .exponential && trainer.exponentialBaseline == nil {
            trainer.exponentialBaseline = ExponentialBaseline()
        }
    }

    func step(_ batch: ProblemBatch) -> TrainingStepReport { trainer.step(batch) }
    func epochEnded(_ epoch: Int, streams: inout RandomStreams) -> String? { nil }

    func validate(_ set: ProblemBatch) -> ValidationCosts {
        ValidationCosts(greedy: trainer.greedyCosts(on: set), multiStart: nil)
    }
}
