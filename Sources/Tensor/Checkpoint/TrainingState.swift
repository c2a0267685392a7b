/// Everything a trainer needs to resume a run exactly, saved to and restored from one safetensors file.
///
/// Tensors: each parameter under its name, plus the optimiser's moments (`optimizer.adam.m.<name>`,
/// `optimizer.adam.v.<name>`). Metadata:
///
/// | key | value |
/// |---|---|
/// | `format` | `routeopt.training-state.v1` |
/// | `step`, `epoch` | optimiser steps and completed epochs, decimal |
/// | `model_config` | the model/training configuration, JSON text chosen by the trainer |
/// | `rng_state` | ``RandomStreams`` state |
/// | `optimizer`, `optimizer.adam.step`, `optimizer.adam.configuration`, `optimizer.state_tensors` | see ``Adam`` |
/// | `trainer.<key>` | entries of ``metadata`` |
///
/// To resume: read the file with ``Checkpoint/read(from:)``, build the model from
/// ``configuration(in:)``, create the optimiser, then ``restore(from:)``.
public struct TrainingState {
    /// Value of the `format` metadata entry.
    public static let format = "routeopt.training-state.v1"
    private static let trainerPrefix = "trainer."

    /// Model parameters (and any other named tensors kept as parameters, such as a baseline's copy).
    public var parameters: [Parameter]
    /// The optimiser, whose moments and step are saved.
    public var optimizer: Adam
    /// Random streams, saved exactly.
    public var randomStreams: RandomStreams
    /// Optimiser steps taken.
    public var step: Int
    /// Epochs completed.
    public var epoch: Int
    /// Model and training configuration as JSON text (what the trainer needs to rebuild the model).
    public var configuration: String
    /// Anything else the trainer records (baseline statistics, best validation cost, …).
    public var metadata: [String: String]

    public init(parameters: [Parameter], optimizer: Adam, randomStreams: RandomStreams, step: Int = 0, epoch: Int = 0,
                configuration: String = "{}", metadata: [String: String] = [:]) {
        self.parameters = parameters
        self.optimizer = optimizer
        self.randomStreams = randomStreams
        self.step = step
        self.epoch = epoch
        self.configuration = configuration
        self.metadata = metadata
    }

    /// The state as a checkpoint (tensors are copies).
    public func checkpoint() -> Checkpoint {
        var checkpoint = Checkpoint(parameters: parameters)
        optimizer.save(into: &checkpoint)
        randomStreams.save(into: &checkpoint)
        for (key, value) in metadata { checkpoint.metadata[Self.trainerPrefix + key] = value }
        checkpoint.metadata["format"] = Self.format
        checkpoint.metadata["step"] = String(step)
        checkpoint.metadata["epoch"] = String(epoch)
        checkpoint.metadata["model_config"] = configuration
        return checkpoint
    }

    /// Writes the state to `path` atomically.
    public func save(to path: String) throws(CheckpointError) {
        try checkpoint().write(to: path)
    }

    /// The model configuration stored in a training-state checkpoint.
    public static func configuration(in checkpoint: Checkpoint) throws(CheckpointError) -> String {
        try checkpoint.metadataValue("model_config")
    }

    /// Replaces parameters' values, optimiser state, random streams, step, epoch, configuration and
    /// metadata with those in `checkpoint`.
    ///
    /// Everything is validated before anything changes, so a failed restore leaves this state as it was.
    /// - Throws: ``CheckpointError`` naming the file: not a training state, missing or mis-shaped
    ///   tensors, tensors no parameter takes, or malformed metadata.
    public mutating func restore(from checkpoint: Checkpoint) throws(CheckpointError) {
        let format = try checkpoint.metadataValue("format")
        guard format == Self.format else {
            throw CheckpointError(path: checkpoint.source, reason: .invalidMetadata(key: "format", "'\(format)' is not \(Self.format)"))
        }
        let savedStep = try Self.count(in: checkpoint, key: "step")
        let savedEpoch = try Self.count(in: checkpoint, key: "epoch")
        let savedConfiguration = try Self.configuration(in: checkpoint)
        let savedStreams = try RandomStreams(from: checkpoint)
        let optimizerState = try optimizer.savedState(in: checkpoint)
        try checkpoint.load(into: parameters, unusedTensors: .allowPrefixed([Adam.checkpointPrefix]))
        optimizer.apply(optimizerState)
        randomStreams = savedStreams
        step = savedStep
        epoch = savedEpoch
        configuration = savedConfiguration
        metadata = [:]
        for (key, value) in checkpoint.metadata where key.hasPrefix(Self.trainerPrefix) {
            metadata[String(key.dropFirst(Self.trainerPrefix.count))] = value
        }
    }

    /// Reads `path` and restores from it (see ``restore(from:)-(Checkpoint)``).
    public mutating func restore(fromFile path: String) throws(CheckpointError) {
        try restore(from: Checkpoint.read(from: path))
    }

    private static func count(in checkpoint: Checkpoint, key: String) throws(CheckpointError) -> Int {
        let value = try checkpoint.integerMetadata(key)
        guard value >= 0 else {
            throw CheckpointError(path: checkpoint.source, reason: .invalidMetadata(key: key, "negative value \(value)"))
        }
        return value
    }
}
