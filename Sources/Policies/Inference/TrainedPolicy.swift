import RoutingCore
import Tensor

/// A policy network of one of the trainable architectures, as a checkpoint holds it.
public enum TrainedPolicy: Sendable {
    /// Kool et al.'s attention model (one trajectory per instance and decoding).
    case attention(AttentionModel)
    /// POMO (one rollout per start node).
    case pomo(POMOModel)
    /// The pointer network of Bello et al. (one trajectory per instance and decoding, TSP).
    case pointer(PointerNetwork)

    /// A freshly initialised network of the shape `configuration` trains (what `routeopt train` starts
    /// from; loading a checkpoint overwrites every tensor).
    /// - Precondition: `configuration.problemWithCombination == nil`.
    public init(configuration: TrainingConfiguration, seed: UInt64) {
        let shape = configuration.model
        switch configuration.architecture {
        case .attention:
            self = .attention(AttentionModel(configuration: AttentionModelConfiguration(
                problem: configuration.problem, width: shape.width, layers: shape.layers, heads: shape.heads,
                feedForward: shape.feedForward), seed: seed))
        case .pomo:
            self = .pomo(POMOModel(problem: configuration.problem, width: shape.width, layers: shape.layers,
                                   heads: shape.heads, feedForward: shape.feedForward, seed: seed))
        case .pointer:
            self = .pointer(PointerNetwork(width: shape.width, seed: seed))
        }
    }

    /// The network's architecture.
    public var architecture: PolicyArchitecture {
        switch self {
        case .attention: .attention
        case .pomo: .pomo
        case .pointer: .pointer
        }
    }

    /// Trajectories one rollout of an `nodes`-node instance yields: one for the attention model, one per
    /// start node (TSP) or first customer (CVRP) for POMO.
    public func trajectoriesPerInstance(nodes: Int) -> Int {
        switch self {
        case .attention, .pointer: 1
        case .pomo(let model): model.rolloutsPerInstance(nodes: nodes)
        }
    }

    /// Every tensor a policy checkpoint holds, as parameters sharing the network's storage: the
    /// parameters, then the batch-norm running statistics (`<layer>.running_mean` / `running_var`).
    /// The same list as the trainers' `policyTensors`, so loading into it restores the network.
    public var tensors: [Parameter] {
        switch self {
        case .attention(let model): model.parameters + model.statistics.flatMap(\.checkpointTensors)
        case .pomo(let model): model.parameters
        case .pointer(let model): model.parameters
        }
    }
}
