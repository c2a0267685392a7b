import Foundation
import RoutingCore
import Tensor

/// Training the attention model with the rollout baseline (Kool's warm-up: the exponential baseline
/// during the first epoch, then the frozen greedy policy with the epoch-end t-test) or with the
/// exponential baseline throughout.
final class AttentionTraining: PolicyTraining {
    let configuration: TrainingConfiguration
    let trainer: AttentionModelTrainer
    let evaluator: GreedyEvaluator
    /// The t-test state (rollout baseline only).
    private(set) var rolloutBaseline: RolloutBaseline?

    private static let movingAverageKey = "baseline.moving_average"
    private static let evaluationSeedKey = "baseline.evaluation_seed"

    /// A fresh model initialised from the configuration's seed, trained on `shards` threads;
    /// `evaluationSeed` names the rollout baseline's first evaluation set.
    init(configuration: TrainingConfiguration, shards: Int, evaluationSeed: UInt64) {
        self.configuration = configuration
        let shape = configuration.model
        let model = AttentionModel(configuration: AttentionModelConfiguration(
            problem: configuration.problem, width: shape.width, layers: shape.layers, heads: shape.heads,
            feedForward: shape.feedForward), seed: configuration.seed)
        trainer = AttentionModelTrainer(model: model, shards: shards, learningRate: configuration.learningRate,
                                        seed: configuration.seed)
        evaluator = GreedyEvaluator(group: trainer.group)
        if configuration.baseline == .rollout {
            rolloutBaseline = RolloutBaseline(evaluationSize: configuration.baselineEvaluationSize,
                                              evaluationSeed: evaluationSeed)
        }
    }

    var optimizer: Adam { trainer.optimizer }
    var statistics: [RunningStatistics] { trainer.model.statistics }

    var rng: SeededGenerator {
        get { trainer.rng }
        set { trainer.rng = newValue }
    }

    var policyTensors: [Parameter] {
        trainer.model.parameters + trainer.model.statistics.flatMap(\.checkpointTensors)
    }

    var stateTensors: [Parameter] {
        guard rolloutBaseline != nil else { return policyTensors }
        let baseline = trainer.baseline.parameters + trainer.baseline.statistics.flatMap(\.checkpointTensors)
        return policyTensors + baseline.map { $0.alias(prefix: TrainingRun.baselinePrefix) }
    }

    var metadata: [String: String] {
        var entries: [String: String] = [:]
        if let value = trainer.exponentialBaseline?.value { entries[Self.movingAverageKey] = "\(value)" }
        if let rolloutBaseline { entries[Self.evaluationSeedKey] = String(rolloutBaseline.evaluationSeed) }
        return entries
    }

    func restore(metadata: [String: String]) throws(TrainingError) {
        if let text = metadata[Self.movingAverageKey] {
            guard let value = Float(text), value.isFinite else {
                throw TrainingError.invalidCheckpoint("\(Self.movingAverageKey) = '\(text)' is not a finite number")
            }
            trainer.exponentialBaseline = ExponentialBaseline(value: value)
        } else {
            trainer.exponentialBaseline = nil
        }
        if configuration.baseline == .rollout {
            guard let text = metadata[Self.evaluationSeedKey], let seed = UInt64(text) else {
                throw TrainingError.invalidCheckpoint("\(Self.evaluationSeedKey) is missing or not a seed")
            }
            rolloutBaseline = RolloutBaseline(evaluationSize: configuration.baselineEvaluationSize, evaluationSeed: seed)
        }
    }

    func prepare(epoch: Int) {
        let movingAverage = configuration.baseline == .exponential || epoch == 0
        if movingAverage && trainer.exponentialBaseline == nil {
            trainer.exponentialBaseline = ExponentialBaseline()
        } else if !movingAverage {
            trainer.exponentialBaseline = nil
        }
    }

    func step(_ batch: ProblemBatch) -> TrainingStepReport { trainer.step(batch) }

    func epochEnded(_ epoch: Int, streams: inout RandomStreams) -> String? {
        guard var baseline = rolloutBaseline else { return nil }
        let outcome = baseline.epochEnded(
            evaluatePolicy: { costs(of: trainer.model, seed: $0) },
            evaluateBaseline: { costs(of: trainer.baseline, seed: $0) },
            replaceBaseline: { trainer.refreshBaseline() },
            nextSeed: { streams["baseline"].next() })
        rolloutBaseline = baseline
        let test = outcome.test.map { String(format: ", t = %.3f, p = %.4g", $0.t, $0.pValue) } ?? ""
        return String(format: "epoch %d baseline check: policy %.4f vs baseline %.4f", epoch, outcome.candidateMean,
                      outcome.baselineMean) + test + (outcome.replaced ? ": baseline replaced" : ": baseline kept")
    }

    func validate(_ set: ProblemBatch) -> ValidationCosts {
        ValidationCosts(greedy: evaluator.costs(of: trainer.model, on: set), multiStart: nil)
    }

    /// Greedy costs of `model` on the evaluation set `seed`.
    private func costs(of model: AttentionModel, seed: UInt64) -> [Double] {
        let set = ProblemBatch.seededSet(configuration.problem, size: configuration.size, seed: seed,
                                         indices: 0..<configuration.baselineEvaluationSize)
        return evaluator.costs(of: model, on: set).map(Double.init)
    }

    func policyWeightsReplaced() { trainer.refreshBaseline() }
}
