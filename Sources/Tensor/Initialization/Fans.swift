/// The fan-in and fan-out of a weight tensor, computed as PyTorch's `_calculate_fan_in_and_fan_out`.
///
/// For shape `[out, in, k₁, k₂, …]`, with receptive field `r = k₁·k₂·…`: `fanIn = in·r`, `fanOut = out·r`
/// (a linear layer's weight is `[out, in]`). PyTorch rejects tensors of rank below 2; here a vector
/// `[n]` has `fanIn = fanOut = n` and a scalar has 1, so every parameter can be initialised.
public struct Fans: Equatable, Sendable {
    /// Inputs feeding each output.
    public var fanIn: Int
    /// Outputs each input feeds.
    public var fanOut: Int

    public init(fanIn: Int, fanOut: Int) {
        self.fanIn = fanIn
        self.fanOut = fanOut
    }

    /// The fans of a tensor of `shape`.
    public init(shape: [Int]) {
        switch shape.count {
        case 0:
            self.init(fanIn: 1, fanOut: 1)
        case 1:
            self.init(fanIn: shape[0], fanOut: shape[0])
        default:
            let receptiveField = shape.dropFirst(2).reduce(1, *)
            self.init(fanIn: shape[1] * receptiveField, fanOut: shape[0] * receptiveField)
        }
    }
}
