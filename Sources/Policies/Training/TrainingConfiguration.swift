import RoutingCore

/// What a training run trains, on what data, with which hyper-parameters: saved in every checkpoint
/// (`model_config`) and in `config.json`, and compared on `--resume`.
///
/// Defaults (``init(problem:size:architecture:)``):
/// - attention model: rollout baseline, batch 512, epochs of 128,000 instances (a tenth of Kool's 1.28M,
///   so that an epoch, the unit of the baseline's t-test and of validation, takes minutes on two cores),
///   100 epochs, baseline evaluation set 10,000 instances, Adam lr 1e-4; d = 128, 3 layers, 8 heads, 512.
/// - POMO: shared baseline, batch 64, epochs of 100,000 instances, 100 epochs, lr 1e-4 (weight decay 1e-6);
///   d = 128, 6 layers, 8 heads, 512.
/// - pointer network (TSP only): critic baseline (or exponential), batch 128 and Adam lr 1e-3 as Bello et al.
///   (without their decay of 0.96 every 5,000 steps), epochs of 128,000 instances, 100 epochs; d = 128 (the
///   shape's layers, heads and feed-forward width do not apply and stay 1, 1, 128).
/// - All: seed 1, validation set of 1,000 instances with validation seed 1234.
public struct TrainingConfiguration: Sendable, Codable, Equatable {
    /// The network's shape.
    public struct ModelShape: Sendable, Codable, Equatable {
        public var width: Int
        public var layers: Int
        public var heads: Int
        public var feedForward: Int

        public init(width: Int = 128, layers: Int, heads: Int = 8, feedForward: Int = 512) {
            self.width = width
            self.layers = layers
            self.heads = heads
            self.feedForward = feedForward
        }
    }

    public var problem: ProblemKind
    /// Cities (TSP) or customers (CVRP; the depot comes on top).
    public var size: Int
    public var architecture: PolicyArchitecture
    public var baseline: BaselineKind
    /// Epochs to train (a resumed run may raise it; every other field must match).
    public var epochs: Int
    /// Instances per epoch; the last batch of an epoch is smaller when the batch does not divide it.
    public var epochSize: Int
    public var batchSize: Int
    public var learningRate: Double
    /// Seed of the model initialisation and of every random stream of the run.
    public var seed: UInt64
    public var validationSize: Int
    /// Names the validation set (``ProblemBatch/seededSet(_:size:seed:indices:)``).
    public var validationSeed: UInt64
    /// Instances in the rollout baseline's evaluation set.
    public var baselineEvaluationSize: Int
    public var model: ModelShape
    /// The city dataset folder the matrix policy trains on (`--data`; ATSP/ACVRP only).
    public var data: String? = nil
    /// Which of the city's matrices is the cost (ATSP/ACVRP only; duration when not given).
    public var objective: CityMatrices.Objective? = nil
    /// Multiplier of ``learningRate`` for the matrix policy's cost weights (the encoder's per-head distance
    /// biases and the decoder's distance weight, ``POMOModel/costWeights``): they start at slopes of
    /// 1–32 where the other weights are of order 0.1, so at the plain rate Adam moves them by about 0.1 in a
    /// thousand steps. 100 for new ATSP/ACVRP runs; `nil` (runs saved before it existed) means 1. A resumed run
    /// may change it (`--cost-weight-lr-scale`).
    public var costWeightLearningRateScale: Double? = nil

    /// The defaults for `architecture` (see the type's documentation).
    public init(problem: ProblemKind, size: Int, architecture: PolicyArchitecture = .attention) {
        self.problem = problem
        self.size = size
        self.architecture = architecture
        baseline = architecture.defaultBaseline
        epochs = 100
        learningRate = 1e-4
        seed = 1
        validationSize = 1_000
        validationSeed = 1_234
        baselineEvaluationSize = 10_000
        if problem.isAsymmetric { costWeightLearningRateScale = 100 }
        switch architecture {
        case .attention:
            epochSize = 128_000
            batchSize = 512
            model = ModelShape(layers: 3)
        case .pomo:
            epochSize = 100_000
            batchSize = 64
            model = ModelShape(layers: 6)
        case .pointer:
            epochSize = 128_000
            batchSize = 128
            learningRate = 1e-3
            model = ModelShape(layers: 1, heads: 1, feedForward: 128)
        }
    }

    /// Why this configuration cannot be trained, or `nil`: unsupported problem, architecture/baseline
    /// combination or problem/architecture combination, or a non-positive size or count.
    public var problemWithCombination: String? {
        switch problem {
        case .atsp, .acvrp:
            if architecture != .pomo {
                return "--problem \(problem.rawValue) trains the matrix policy, a POMO network (use --architecture pomo)"
            }
            if data == nil { return "--problem \(problem.rawValue) needs --data CITY_DIR (a city dataset to draw instances from)" }
        case .tsp, .cvrp:
            if data != nil || objective != nil || costWeightLearningRateScale != nil {
                return "--data, --objective and --cost-weight-lr-scale apply to --problem atsp|acvrp (the matrix policy) only"
            }
        }
        if !architecture.supportedBaselines.contains(baseline) {
            let allowed = architecture.supportedBaselines.map(\.rawValue).joined(separator: ", ")
            return "--baseline \(baseline.rawValue) does not apply to --architecture \(architecture.rawValue) (use \(allowed))"
        }
        if architecture == .pointer {
            if problem != .tsp { return "--architecture pointer trains TSP only (use --problem tsp)" }
            if model.layers != 1 { return "--layers does not apply to --architecture pointer (one LSTM layer)" }
        }
        let minimumSize = problem == .tsp ? 3 : 1
        let checks: [(Bool, String)] = [
            (size >= minimumSize && size <= 1_000, "--size must be between \(minimumSize) and 1000"),
            (epochs >= 1, "--epochs must be at least 1"), (batchSize >= 2, "--batch must be at least 2"),
            (epochSize >= 1, "--epoch-size must be at least 1"),
            (learningRate.isFinite && learningRate > 0, "--learning-rate must be a positive number"),
            ((costWeightLearningRateScale ?? 1).isFinite && (costWeightLearningRateScale ?? 1) > 0,
             "--cost-weight-lr-scale must be a positive number"),
            (validationSize >= 1, "--validation-size must be at least 1"),
            (baselineEvaluationSize >= 2, "--baseline-evaluation-size must be at least 2"),
            (model.width >= 1 && model.layers >= 1 && model.heads >= 1 && model.width % model.heads == 0
                && model.feedForward >= 1, "the model width must be a positive multiple of the heads"),
        ]
        return checks.first { !$0.0 }?.1
    }

    /// Fields in which this (requested) configuration differs from `other` (a checkpoint's), ignoring
    /// ``epochs`` (a resumed run may train longer) and the learning rates ``learningRate`` and
    /// ``costWeightLearningRateScale`` (or change them, as in POMO's final tenfold decay):
    /// `["batchSize (checkpoint 512, requested 256)"]`.
    public func differences(from other: TrainingConfiguration) -> [String] {
        var mine = self, theirs = other
        mine.epochs = 0
        theirs.epochs = 0
        mine.learningRate = 0
        theirs.learningRate = 0
        mine.costWeightLearningRateScale = nil
        theirs.costWeightLearningRateScale = nil
        guard mine != theirs else { return [] }
        let left = Self.fields(mine), right = Self.fields(theirs)
        return left.keys.sorted().compactMap { key in left[key] == right[key] ? nil : "\(key) (checkpoint \(right[key] ?? "-"), requested \(left[key] ?? "-"))" }
    }

    /// Every field as text, by name.
    private static func fields(_ c: TrainingConfiguration) -> [String: String] {
        ["problem": c.problem.rawValue, "size": "\(c.size)", "architecture": c.architecture.rawValue,
         "baseline": c.baseline.rawValue, "epochSize": "\(c.epochSize)", "batchSize": "\(c.batchSize)",
         "learningRate": "\(c.learningRate)", "seed": "\(c.seed)", "validationSize": "\(c.validationSize)",
         "validationSeed": "\(c.validationSeed)", "baselineEvaluationSize": "\(c.baselineEvaluationSize)",
         "model.width": "\(c.model.width)", "model.layers": "\(c.model.layers)", "model.heads": "\(c.model.heads)",
         "model.feedForward": "\(c.model.feedForward)", "data": c.data ?? "-", "objective": c.objective?.rawValue ?? "-"]
    }
}
