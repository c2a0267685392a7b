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

    /// Differences list every changed field except the epoch count, and survive a JSON round trip.
    @Test func differencesIgnoreEpochs() throws {
        let saved = TrainingConfiguration(problem: .tsp, size: 20)
        var requested = saved
        requested.epochs = 500
        #expect(requested.differences(from: saved).isEmpty)
        requested.batchSize = 256
        requested.model.width = 64
        #expect(requested.differences(from: saved) == ["batchSize (checkpoint 512, requested 256)",
                                                      "model.width (checkpoint 128, requested 64)"])
    }
}
