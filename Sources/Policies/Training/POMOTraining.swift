import RoutingCore
import Tensor

/// Training POMO with its shared baseline (no baseline state beyond the model).
final class POMOTraining: PolicyTraining {
    let trainer: POMOTrainer
    let evaluator: GreedyEvaluator

    /// A fresh model initialised from the configuration's seed, trained on `shards` threads.
    init(configuration: TrainingConfiguration, shards: Int) {
        let shape = configuration.model
        let model = POMOModel(problem: configuration.problem, width: shape.width, layers: shape.layers, heads: shape.heads,
                              feedForward: shape.feedForward, seed: configuration.seed)
        trainer = POMOTrainer(model: model, shards: shards, learningRate: configuration.learningRate,
                              seed: configuration.seed)
        let scale = configuration.costWeightLearningRateScale ?? 1
        let costWeights = Set(model.costWeights.map(ObjectIdentifier.init))
        trainer.optimizer.learningRateScales = model.parameters.map { costWeights.contains(ObjectIdentifier($0)) ? scale : 1 }
        evaluator = GreedyEvaluator(group: trainer.group, chunkSize: 100)
    }

    var optimizer: Adam { trainer.optimizer }
    var statistics: [RunningStatistics] { [] }

    var rng: SeededGenerator {
        get { trainer.rng }
        set { trainer.rng = newValue }
    }

    var policyTensors: [Parameter] { trainer.model.parameters }
    var stateTensors: [Parameter] { policyTensors }
    var metadata: [String: String] { [:] }

    func restore(metadata: [String: String]) throws(TrainingError) {}
    func prepare(epoch: Int) {}
    func step(_ batch: ProblemBatch) -> TrainingStepReport { trainer.step(batch) }
    func epochEnded(_ epoch: Int, streams: inout RandomStreams) -> String? { nil }

    func validate(_ set: ProblemBatch) -> ValidationCosts {
        let costs = evaluator.costs(of: trainer.model, on: set, augmented: true)
        return ValidationCosts(greedy: costs.firstNode, multiStart: costs.bestStart, augmented: costs.augmentedBest)
    }
}
