import Foundation

/// Saving and restoring ``Adam``'s state through a ``Checkpoint``.
///
/// Tensors: `optimizer.adam.m.<parameter>` and `optimizer.adam.v.<parameter>`. Metadata:
/// `optimizer` = `adam`, `optimizer.adam.step`, `optimizer.adam.configuration` (JSON) and
/// `optimizer.state_tensors` (a JSON list of the tensor names above).
extension Adam {
    /// Prefix of every optimiser tensor name; loading a model can allow these as unused.
    public static let checkpointPrefix = "optimizer."

    private static let kindKey = "optimizer"
    private static let stepKey = "optimizer.adam.step"
    private static let configurationKey = "optimizer.adam.configuration"
    private static let tensorListKey = "optimizer.state_tensors"

    /// Name of the first-moment tensor of the parameter `name`.
    public static func firstMomentName(_ name: String) -> String { "optimizer.adam.m.\(name)" }
    /// Name of the second-moment tensor of the parameter `name`.
    public static func secondMomentName(_ name: String) -> String { "optimizer.adam.v.\(name)" }

    /// Adds copies of the moment estimates, the step and the configuration to `checkpoint`.
    public func save(into checkpoint: inout Checkpoint) {
        var names: [String] = []
        for (index, parameter) in parameters.enumerated() {
            let first = Self.firstMomentName(parameter.name), second = Self.secondMomentName(parameter.name)
            checkpoint.tensors[first] = firstMoments[index].copy()
            checkpoint.tensors[second] = secondMoments[index].copy()
            names += [first, second]
        }
        checkpoint.metadata[Self.kindKey] = "adam"
        checkpoint.metadata[Self.stepKey] = String(step)
        checkpoint.metadata[Self.configurationKey] = String(decoding: try! JSONEncoder.sorted.encode(configuration), as: UTF8.self)
        checkpoint.metadata[Self.tensorListKey] = String(decoding: try! JSONEncoder.sorted.encode(names), as: UTF8.self)
    }

    /// Replaces the moment estimates, step and configuration with those saved in `checkpoint`.
    ///
    /// Everything is checked before anything changes.
    /// - Throws: ``CheckpointError`` naming the file: no Adam state, a missing or mis-shaped moment
    ///   tensor, or unreadable step/configuration metadata.
    public func restore(from checkpoint: Checkpoint) throws(CheckpointError) {
        apply(try savedState(in: checkpoint))
    }

    /// Adam state read from a checkpoint and checked against this optimiser's parameters.
    struct SavedState {
        var step: Int
        var configuration: Configuration
        var moments: [(first: Tensor, second: Tensor)]
    }

    /// Reads and validates the saved state without changing the optimiser.
    func savedState(in checkpoint: Checkpoint) throws(CheckpointError) -> SavedState {
        let kind = try checkpoint.metadataValue(Self.kindKey)
        guard kind == "adam" else {
            throw CheckpointError(path: checkpoint.source, reason: .invalidMetadata(key: Self.kindKey, "holds '\(kind)', not 'adam'"))
        }
        let savedStep = try checkpoint.integerMetadata(Self.stepKey)
        guard savedStep >= 0 else {
            throw CheckpointError(path: checkpoint.source, reason: .invalidMetadata(key: Self.stepKey, "negative step \(savedStep)"))
        }
        let text = try checkpoint.metadataValue(Self.configurationKey)
        guard let savedConfiguration = try? JSONDecoder().decode(Configuration.self, from: Data(text.utf8)) else {
            throw CheckpointError(path: checkpoint.source, reason: .invalidMetadata(key: Self.configurationKey, "not an Adam configuration: \(text)"))
        }
        var moments: [(first: Tensor, second: Tensor)] = []
        for parameter in parameters {
            moments.append((try checkpoint.tensor(named: Self.firstMomentName(parameter.name), shape: parameter.shape),
                            try checkpoint.tensor(named: Self.secondMomentName(parameter.name), shape: parameter.shape)))
        }
        return SavedState(step: savedStep, configuration: savedConfiguration, moments: moments)
    }

    /// Copies validated saved state into the optimiser.
    func apply(_ state: SavedState) {
        for (index, moment) in state.moments.enumerated() {
            firstMoments[index].buffer.pointer.update(from: moment.first.buffer.pointer, count: moment.first.count)
            secondMoments[index].buffer.pointer.update(from: moment.second.buffer.pointer, count: moment.second.count)
        }
        step = state.step
        configuration = state.configuration
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so equal values give identical text (and identical checkpoint files).
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
