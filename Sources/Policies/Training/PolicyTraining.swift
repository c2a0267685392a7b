import RoutingCore
import Tensor

/// One architecture's training algorithm as ``TrainingRun`` drives it: REINFORCE steps, epoch-end
/// baseline work, greedy validation, and the state a checkpoint must hold. Conformers:
/// ``AttentionTraining`` and ``POMOTraining``; a new architecture adds one.
protocol PolicyTraining: AnyObject {
    /// Every tensor of the training state, as parameters sharing their storage (model parameters, batch-norm
    /// running statistics, a rollout baseline's weights under `baseline.`): loading into them restores it.
    var stateTensors: [Parameter] { get }
    /// The policy's own tensors (parameters and running statistics): what `best.safetensors` holds.
    var policyTensors: [Parameter] { get }
    /// The policy's batch-norm running statistics (restored after a skipped step).
    var statistics: [RunningStatistics] { get }
    /// The optimiser (its moments and step are saved).
    var optimizer: Adam { get }
    /// The trainer's random stream.
    var rng: SeededGenerator { get set }
    /// Baseline state for checkpoint metadata (moving-average value, evaluation-set seed).
    var metadata: [String: String] { get }

    /// Restores what ``metadata`` saved.
    func restore(metadata: [String: String]) throws(TrainingError)
    /// Sets up the baseline for a step in `epoch` (idempotent; called before every step).
    func prepare(epoch: Int)
    /// One REINFORCE update.
    func step(_ batch: ProblemBatch) -> TrainingStepReport
    /// Epoch-end work (the rollout baseline's t-test); a line for the log, if any.
    func epochEnded(_ epoch: Int, streams: inout RandomStreams) -> String?
    /// Greedy validation costs on `set`.
    func validate(_ set: ProblemBatch) -> ValidationCosts
    /// Called after ``policyTensors`` were overwritten before training (initial weights): copies that
    /// must follow the policy (the attention model's rollout-baseline network) are refreshed.
    func policyWeightsReplaced()
}

extension PolicyTraining {
    func policyWeightsReplaced() {}
}

/// Greedy validation costs per instance.
struct ValidationCosts {
    /// Greedy single trajectory (POMO: the rollout from node 0).
    var greedy: [Float]
    /// POMO: best of the n starts; `nil` for the attention model.
    var multiStart: [Float]?
    /// POMO: best over the 8 symmetries × n starts (the default decoding of `solve --method policy`).
    var augmented: [Float]? = nil
}

extension RunningStatistics {
    /// The running mean and variance as parameters sharing their storage (`<name>.running_mean`,
    /// `<name>.running_var`, PyTorch's names), so checkpoints save and load them like weights.
    var checkpointTensors: [Parameter] {
        [Parameter(name: "\(name).running_mean", value: mean), Parameter(name: "\(name).running_var", value: variance)]
    }
}

extension Parameter {
    /// A parameter named `prefix + name` sharing this one's value storage.
    func alias(prefix: String) -> Parameter { Parameter(name: prefix + name, value: value) }

    /// Whether every value is finite.
    var isFinite: Bool { value.withUnsafeBufferPointer { $0.allSatisfy(\.isFinite) } }
}
