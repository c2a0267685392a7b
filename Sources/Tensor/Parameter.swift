/// A trainable tensor with its gradient accumulator.
///
/// Layers hold parameters; tape operations read ``value`` and add into ``gradient`` during the
/// backward pass. Optimisers update ``value`` in place.
public final class Parameter: @unchecked Sendable {
    /// Name used in checkpoints (`encoder.layers.0.attention.query.weight`).
    public let name: String
    /// Current value.
    public var value: Tensor
    /// Accumulated gradient, same shape as ``value``.
    public var gradient: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor(zeros: value.shape)
    }

    /// Sets the gradient to zero.
    public func zeroGradient() {
        gradient.buffer.pointer.update(repeating: 0, count: gradient.count)
    }

    /// Shape of the parameter.
    public var shape: [Int] { value.shape }
}
