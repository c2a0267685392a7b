import Testing
import RoutingCore
@testable import Policies

@Suite struct TrainingConfigurationTests {
    /// Defaults per architecture: attention → rollout, batch 512, epoch 128,000, 3 layers; POMO → shared,
    /// batch 64, epoch 100,000, 6 layers.
    @Test func defaults() {
        let attention = TrainingConfiguration(problem: .tsp, size: 20)
        #expect(attention.baseline == .rollout && attention.batchSize == 512 && attention.epochSize == 128_000)
        #expect(attention.model.layers == 3 && attention.problemWithCombination == nil)
        let pomo = TrainingConfiguration(problem: .tsp, size: 20, architecture: .pomo)
        #expect(pomo.baseline == .shared && pomo.batchSize == 64 && pomo.epochSize == 100_000 && pomo.model.layers == 6)
    }

    /// Unsupported combinations are named: POMO with a rollout baseline, ATSP, a bad size; POMO on CVRP is fine.
    @Test func badCombinationsAreRejected() {
        var pomoRollout = TrainingConfiguration(problem: .tsp, size: 20, architecture: .pomo)
        pomoRollout.baseline = .rollout
        #expect(pomoRollout.problemWithCombination?.contains("--baseline rollout") == true)
        #expect(TrainingConfiguration(problem: .cvrp, size: 20, architecture: .pomo).problemWithCombination == nil)
        #expect(TrainingConfiguration(problem: .atsp, size: 20).problemWithCombination?.contains("matrix") == true)
        #expect(TrainingConfiguration(problem: .tsp, size: 0).problemWithCombination?.contains("--size") == true)
        var shared = TrainingConfiguration(problem: .cvrp, size: 20)
        shared.baseline = .shared
        #expect(shared.problemWithCombination != nil)
    }

    /// Differences list every changed field except the epoch count and the learning rate.
    @Test func differencesIgnoreEpochs() throws {
        let saved = TrainingConfiguration(problem: .tsp, size: 20)
        var requested = saved
        requested.epochs = 500
        requested.learningRate = saved.learningRate / 10
        #expect(requested.differences(from: saved).isEmpty)
        requested.batchSize = 256
        requested.model.width = 64
        #expect(requested.differences(from: saved) == ["batchSize (checkpoint 512, requested 256)",
                                                      "model.width (checkpoint 128, requested 64)"])
    }

    /// The matrix policy's cost weights train at 100× the rate by default; older runs (no field) at 1×; a resumed
    /// run may change the multiplier; coordinate problems refuse it; a bad value is named.
    @Test func costWeightLearningRateScale() throws {
        var matrix = TrainingConfiguration(problem: .atsp, size: 50, architecture: .pomo)
        matrix.data = "city"
        #expect(matrix.costWeightLearningRateScale == 100 && matrix.problemWithCombination == nil)
        var resumed = matrix
        resumed.costWeightLearningRateScale = 30
        #expect(resumed.differences(from: matrix).isEmpty)
        var older = matrix
        older.costWeightLearningRateScale = nil
        #expect(resumed.differences(from: older).isEmpty)
        resumed.costWeightLearningRateScale = 0
        #expect(resumed.problemWithCombination?.contains("--cost-weight-lr-scale") == true)
        var tsp = TrainingConfiguration(problem: .tsp, size: 20, architecture: .pomo)
        #expect(tsp.costWeightLearningRateScale == nil)
        tsp.costWeightLearningRateScale = 10
        #expect(tsp.problemWithCombination?.contains("--cost-weight-lr-scale") == true)
    }

    /// POMO training hands the multiplier to Adam for exactly the cost weights (one distance bias per encoder layer
    /// and the decoder's distance weight).
    @Test func pomoTrainingScalesOnlyTheCostWeights() {
        var configuration = TrainingConfiguration(problem: .acvrp, size: 10, architecture: .pomo)
        configuration.model = .init(width: 16, layers: 2, heads: 2, feedForward: 32)
        configuration.costWeightLearningRateScale = 40
        let training = POMOTraining(configuration: configuration, shards: 1)
        let scaled = zip(training.optimizer.parameters, training.optimizer.learningRateScales).filter { $0.1 != 1 }
        #expect(scaled.count == 3 && scaled.allSatisfy { $0.1 == 40 })
        #expect(Set(scaled.map(\.0.name)) == ["encoder.layers.0.attention.distanceBias", "encoder.layers.1.attention.distanceBias",
                                              "decoder.distanceWeight"])
    }
}
