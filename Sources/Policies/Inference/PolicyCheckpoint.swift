import Foundation
import RoutingCore
import Tensor

/// A trained policy file (`best.safetensors` of a training run, or a shipped
/// `checkpoints/<problem><size>-<architecture>.safetensors`).
///
/// Format `routeopt.policy.v1`: the policy's tensors only (``TrainedPolicy/tensors``), with metadata
/// `format`, `model_config` (the ``TrainingConfiguration`` JSON, from which the network is rebuilt) and
/// whatever the writer adds (`step`, `epoch`, `validation_cost`, `validation_gap_percent`).
public struct PolicyCheckpoint: Sendable {
    /// Value of the `format` metadata entry.
    public static let format = "routeopt.policy.v1"

    /// The file the policy was read from.
    public let path: String
    /// The configuration the policy was trained with.
    public let configuration: TrainingConfiguration
    /// The network, every tensor loaded.
    public let policy: TrainedPolicy
    /// The file's metadata.
    public let metadata: [String: String]

    /// Reads a policy file and rebuilds its network.
    /// - Throws: ``PolicyError``: unreadable or corrupt file (``PolicyError/checkpoint(_:)``), another
    ///   format, a bad `model_config`, or tensors that do not fit the configured network.
    public static func load(from path: String) throws(PolicyError) -> PolicyCheckpoint {
        let checkpoint: Checkpoint
        do { checkpoint = try Checkpoint.read(from: path) } catch { throw .checkpoint(error) }
        guard checkpoint.metadata["format"] == format else {
            throw .notAPolicy(path: path, format: checkpoint.metadata["format"])
        }
        guard let text = checkpoint.metadata["model_config"] else {
            throw .invalidConfiguration(path: path, reason: "missing")
        }
        let configuration: TrainingConfiguration
        do {
            configuration = try JSONDecoder().decode(TrainingConfiguration.self, from: Data(text.utf8))
        } catch {
            throw .invalidConfiguration(path: path, reason: "not a training configuration (\(error))")
        }
        if let problem = configuration.problemWithCombination {
            throw .invalidConfiguration(path: path, reason: "this build cannot make the network: \(problem)")
        }
        let policy = TrainedPolicy(configuration: configuration, seed: configuration.seed)
        do { try checkpoint.load(into: policy.tensors) } catch { throw .checkpoint(error) }
        return PolicyCheckpoint(path: path, configuration: configuration, policy: policy, metadata: checkpoint.metadata)
    }

    /// Writes `tensors` (a policy's ``TrainedPolicy/tensors``) as a policy file, atomically, with `format`,
    /// `model_config` = `configuration` and the entries of `metadata`.
    /// - Throws: ``CheckpointError`` when the file cannot be written.
    public static func write(_ tensors: [Parameter], configuration: TrainingConfiguration,
                             metadata: [String: String] = [:], to path: String) throws(CheckpointError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try! encoder.encode(configuration), as: UTF8.self)
        let entries = metadata.merging(["format": format, "model_config": json]) { $1 }
        try Checkpoint(parameters: tensors, metadata: entries).write(to: path)
    }
}
