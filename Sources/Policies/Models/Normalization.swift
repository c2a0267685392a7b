import Tensor

/// The normalisation after each skip connection of an attention encoder layer: batch norm (Kool et
/// al.'s attention model) or instance norm (POMO).
public struct Normalization: Sendable {
    /// Which statistics are used.
    public enum Kind: String, Sendable, Codable {
        /// Statistics over every node of every instance (running averages for evaluation).
        case batch
        /// Statistics over each instance's nodes.
        case instance
    }

    /// The kind of normalisation.
    public let kind: Kind
    /// γ, `[d]`.
    public let scale: Parameter
    /// β, `[d]`.
    public let shift: Parameter
    /// Running statistics (batch norm only).
    public let statistics: RunningStatistics?

    /// A layer named `name` over `channels` channels with γ = 1, β = 0.
    public init(kind: Kind, name: String, channels: Int) {
        self.kind = kind
        scale = Parameter(name: "\(name).weight", value: Tensor(repeating: 1, shape: [channels]))
        shift = Parameter(name: "\(name).bias", value: Tensor(zeros: [channels]))
        statistics = kind == .batch ? RunningStatistics(name: name, channels: channels) : nil
    }

    /// γ and β.
    public var parameters: [Parameter] { [scale, shift] }

    /// Normalises `x` (`[B, n, d]`); `training` selects batch statistics for batch norm.
    public func callAsFunction(_ x: Variable, on tape: Tape, training: Bool) -> Variable {
        switch kind {
        case .batch:
            tape.batchNorm(x, scale: tape.parameter(scale), shift: tape.parameter(shift), statistics: statistics!,
                           training: training)
        case .instance:
            tape.instanceNorm(x, scale: tape.parameter(scale), shift: tape.parameter(shift))
        }
    }
}
