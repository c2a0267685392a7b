/// The greedy-rollout baseline of Kool et al.: the baseline policy is a frozen copy of the policy, replaced
/// only when the policy is significantly better.
///
/// At every epoch end, both policies decode a fixed evaluation set greedily (size ``evaluationSize``,
/// 10,000 in the paper, drawn as ``ProblemBatch/seededSet(_:size:seed:indices:)`` from
/// ``evaluationSeed``). When the policy's mean cost is lower and the one-sided paired t-test on the
/// per-instance differences gives `p < alpha` (0.05), the baseline weights are replaced by the policy's and
/// a fresh evaluation set is drawn (a new seed). During the first epoch the trainer uses an
/// ``ExponentialBaseline`` instead (the warm-up of the reference code); that switch is the training
/// loop's business.
///
/// The baseline policy's costs on the evaluation set are computed when first needed and kept until the
/// set or the baseline changes, so they are never stored: a resumed run recomputes them from the
/// restored baseline weights and seed.
public struct RolloutBaseline: Sendable {
    /// What one epoch-end check found.
    public struct Outcome: Sendable, Equatable {
        /// Mean greedy cost of the policy on the evaluation set.
        public let candidateMean: Double
        /// Mean greedy cost of the baseline policy on the same set.
        public let baselineMean: Double
        /// The paired test, when the policy's mean was lower (Kool tests only then).
        public let test: PairedTTest?
        /// Whether the baseline was replaced (and the evaluation set redrawn).
        public let replaced: Bool
    }

    /// Instances in the evaluation set.
    public let evaluationSize: Int
    /// Significance level of the one-sided test.
    public let alpha: Double
    /// Seed of the current evaluation set.
    public private(set) var evaluationSeed: UInt64
    /// The baseline policy's costs on the current evaluation set, once computed.
    private var baselineCosts: [Double]?

    public init(evaluationSize: Int = 10_000, alpha: Double = 0.05, evaluationSeed: UInt64) {
        precondition(evaluationSize >= 2, "the t-test needs at least two evaluation instances")
        self.evaluationSize = evaluationSize
        self.alpha = alpha
        self.evaluationSeed = evaluationSeed
    }

    /// Kool's decision on paired costs: test only when the candidate's mean is lower; replace when the
    /// one-sided p-value is below `alpha`.
    public static func decide(candidate: [Double], baseline: [Double], alpha: Double) -> (test: PairedTTest?, replace: Bool) {
        let candidateMean = candidate.reduce(0, +) / Double(candidate.count)
        let baselineMean = baseline.reduce(0, +) / Double(baseline.count)
        guard candidateMean < baselineMean else { return (nil, false) }
        let test = PairedTTest(candidate: candidate, baseline: baseline)
        return (test, test.candidateIsBetter(alpha: alpha))
    }

    /// The epoch-end check.
    /// - Parameters:
    ///   - evaluatePolicy: greedy costs of the current policy on a set given by its seed.
    ///   - evaluateBaseline: greedy costs of the baseline policy on a set given by its seed.
    ///   - replaceBaseline: copies the policy's weights into the baseline policy.
    ///   - nextSeed: a fresh evaluation-set seed (from a saved random stream).
    public mutating func epochEnded(evaluatePolicy: (UInt64) -> [Double], evaluateBaseline: (UInt64) -> [Double],
                                    replaceBaseline: () -> Void, nextSeed: () -> UInt64) -> Outcome {
        let reference = baselineCosts ?? evaluateBaseline(evaluationSeed)
        let candidate = evaluatePolicy(evaluationSeed)
        let decision = Self.decide(candidate: candidate, baseline: reference, alpha: alpha)
        let outcome = Outcome(candidateMean: candidate.reduce(0, +) / Double(candidate.count),
                              baselineMean: reference.reduce(0, +) / Double(reference.count),
                              test: decision.test, replaced: decision.replace)
        if decision.replace {
            replaceBaseline()
            evaluationSeed = nextSeed()
            baselineCosts = nil
        } else {
            baselineCosts = reference
        }
        return outcome
    }
}
