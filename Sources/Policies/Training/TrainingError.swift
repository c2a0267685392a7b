import Tensor

/// Why a training run could not start, continue or save. Descriptions name the file or option involved.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// The configuration cannot be trained (a bad combination or value), phrased as the option at fault.
    case invalidConfiguration(String)
    /// `--resume` asked for other settings than the checkpoint's (one `field (checkpoint …, requested …)` each).
    case configurationMismatch(checkpoint: String, differences: [String])
    /// `--resume` without a checkpoint in the output directory.
    case nothingToResume(String)
    /// A fresh run into a directory that already holds one.
    case existingRun(String)
    /// A checkpoint whose training metadata is missing or malformed.
    case invalidCheckpoint(String)
    /// Reading or writing a checkpoint failed.
    case checkpoint(CheckpointError)
    /// A tensor holds NaN or infinity; nothing was written.
    case nonFiniteWeights(path: String, tensor: String)
    /// Another file (log, configuration, reference cache) could not be read or written.
    case file(path: String, message: String)
    /// The reference solver failed on a validation instance.
    case reference(instance: Int, message: String)

    public var description: String {
        switch self {
        case .invalidConfiguration(let message): message
        case .configurationMismatch(let path, let differences):
            "\(path): the checkpoint was trained with other settings: \(differences.joined(separator: "; ")) "
                + "(leave those options out to continue it, or train into another --output directory)"
        case .nothingToResume(let path): "\(path): no checkpoint to resume (run without --resume first)"
        case .existingRun(let path):
            "\(path): the directory already holds a training run; pass --resume to continue it or choose another --output"
        case .invalidCheckpoint(let message): "invalid training checkpoint: \(message)"
        case .checkpoint(let error): "\(error)"
        case .nonFiniteWeights(let path, let tensor):
            "\(path): not written: tensor '\(tensor)' holds NaN or infinite values"
        case .file(let path, let message): "\(path): \(message)"
        case .reference(let instance, let message): "reference solution of validation instance \(instance): \(message)"
        }
    }
}
