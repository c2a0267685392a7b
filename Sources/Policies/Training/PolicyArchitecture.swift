/// The network `routeopt train --architecture` trains. A new architecture adds a case here, its
/// defaults in ``TrainingConfiguration``, and a ``PolicyTraining`` conformer (see `AttentionTraining`).
public enum PolicyArchitecture: String, Sendable, Codable, CaseIterable {
    /// Kool et al.'s attention model (3 encoder layers, batch norm).
    case attention
    /// POMO (6 encoder layers, instance norm, n rollouts per instance).
    case pomo
    /// Vinyals et al.'s pointer network trained as Bello et al. (LSTM encoder/decoder, glimpse; TSP only).
    case pointer

    /// The baseline used when none is asked for.
    public var defaultBaseline: BaselineKind {
        switch self {
        case .attention: .rollout
        case .pomo: .shared
        case .pointer: .critic
        }
    }

    /// Baselines this architecture trains with.
    public var supportedBaselines: [BaselineKind] {
        switch self {
        case .attention: [.rollout, .exponential]
        case .pomo: [.shared]
        case .pointer: [.critic, .exponential]
        }
    }
}

/// The REINFORCE baseline of a training run.
public enum BaselineKind: String, Sendable, Codable, CaseIterable {
    /// Greedy rollout of a frozen policy copy, replaced after a paired t-test (``RolloutBaseline``).
    case rollout
    /// Moving average of batch mean costs, β = 0.8 (``ExponentialBaseline``).
    case exponential
    /// POMO's mean over an instance's n rollouts.
    case shared
    /// A learned critic network's predicted length (Bello et al.; ``CriticNetwork``).
    case critic
}
