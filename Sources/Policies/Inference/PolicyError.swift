import RoutingCore
import Tensor

/// Why a trained policy could not be found, loaded or applied to an instance. Descriptions name the
/// checkpoint file or the instance involved.
public enum PolicyError: Error, CustomStringConvertible, Equatable {
    /// The file is a readable checkpoint but not a policy (`format` is not `routeopt.policy.v1`).
    case notAPolicy(path: String, format: String?)
    /// The policy's `model_config` is missing, not a training configuration, or describes a network
    /// this build cannot make.
    case invalidConfiguration(path: String, reason: String)
    /// Reading the file or loading its tensors failed.
    case checkpoint(CheckpointError)
    /// The checkpoint was trained for another problem than the instance's.
    case wrongProblem(path: String, checkpoint: ProblemKind, instance: ProblemKind)
    /// The instance has no node coordinates, or is asymmetric: the coordinate policies cannot read it.
    case needsCoordinates(instance: String, kind: ProblemKind)
    /// The instance has more nodes than ``PolicyDecoder/maximumNodes``.
    case tooLarge(instance: String, nodes: Int, limit: Int)
    /// No checkpoint for the problem in any of the folders searched.
    case noCheckpoint(problem: ProblemKind, searched: [String])
    /// The decoding needs one rollout per start node (POMO), and the checkpoint holds another network.
    case decodingNeedsPOMO(decoding: String, path: String, architecture: PolicyArchitecture)

    /// A city's point pool has fewer points than one instance needs.
    case cityTooSmall(city: String, pool: String, points: Int, needed: Int)

    public var description: String {
        switch self {
        case let .notAPolicy(path, format):
            let found = format.map { "format '\($0)'" } ?? "no format entry"
            let hint = format == TrainingState.format
                ? " (this is a training state, last.safetensors; use the run's best.safetensors)" : ""
            return "checkpoint \(path): not a policy checkpoint: \(found), expected '\(PolicyCheckpoint.format)'\(hint)"
        case let .invalidConfiguration(path, reason):
            return "checkpoint \(path): metadata 'model_config': \(reason)"
        case let .checkpoint(error):
            return "\(error)"
        case let .wrongProblem(path, checkpoint, instance):
            return "checkpoint \(path): a \(checkpoint) policy cannot solve a \(instance) instance; "
                + "pass a \(instance) checkpoint with --model"
        case let .needsCoordinates(instance, kind):
            let why = kind.isAsymmetric ? "it is an asymmetric \(kind) instance" : "the file gives only a distance matrix"
            return "\(instance): the policy needs node coordinates (\(why)); use the matrix policy (an "
                + "\(PolicyProblem.matrixProblem(of: kind).rawValue) checkpoint, the default without --model) or --method heuristic"
        case let .tooLarge(instance, nodes, limit):
            return "\(instance): \(nodes) nodes is more than the policy decodes (at most \(limit)); use --method heuristic"
        case let .noCheckpoint(problem, searched):
            let folders = searched.isEmpty ? "no folder" : searched.joined(separator: ", ")
            return "no \(problem) policy checkpoint found (looked for \(problem.rawValue)<size>-<architecture>.safetensors "
                + "in \(folders); set ROUTEOPT_CHECKPOINTS or pass --model FILE)"
        case let .cityTooSmall(city, pool, points, needed):
            return "city \(city): its \(pool) pool has \(points) points, an instance needs \(needed)"
        case let .decodingNeedsPOMO(decoding, path, architecture):
            return "checkpoint \(path): --decode \(decoding) needs a POMO policy (one rollout per start node); "
                + "this one is an \(architecture.rawValue) model: use --decode greedy or sample:N"
        }
    }
}
