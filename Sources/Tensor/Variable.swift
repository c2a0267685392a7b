/// A value recorded on a ``Tape``: the tensor an operation produced plus, when it takes part in
/// differentiation, the tape slot its gradient accumulates in.
///
/// Constants (``Tape/constant(_:)``) and every result computed while the tape does not record have
/// no slot; operations on them cost nothing on the tape.
public struct Variable: @unchecked Sendable {
    /// Tape slot of the gradient, or `-1` for a constant.
    public let index: Int
    /// The forward value.
    public let value: Tensor

    @inlinable
    init(index: Int, value: Tensor) {
        self.index = index
        self.value = value
    }

    /// `true` when a gradient flows back to this variable.
    @inlinable public var requiresGradient: Bool { index >= 0 }

    /// Shape of ``value``.
    @inlinable public var shape: [Int] { value.shape }

    /// Element count of ``value``.
    @inlinable public var count: Int { value.count }

    /// Start of the forward value's storage.
    @inlinable var pointer: UnsafeMutablePointer<Float> { value.buffer.pointer }
}
