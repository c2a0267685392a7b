import Foundation
import RoutingCore

/// A dense, contiguous, row-major float32 array with a shape.
///
/// Storage is reference-counted (``TensorBuffer``): copies of a `Tensor` share it, and `reshaped`
/// views share it too. Operations produce new tensors; code that writes into a tensor in place
/// (optimisers, gradient accumulation) owns it.
public struct Tensor: @unchecked Sendable, CustomStringConvertible {
    /// Extent of each dimension, outermost first.
    public let shape: [Int]
    /// The storage.
    public let buffer: TensorBuffer

    /// Number of elements.
    @inlinable public var count: Int { shape.reduce(1, *) }

    /// Number of dimensions.
    @inlinable public var rank: Int { shape.count }

    /// A tensor with undefined contents.
    public init(uninitializedShape shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        self.shape = shape
        self.buffer = TensorBuffer(uninitializedCount: shape.reduce(1, *))
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in \(shape)")
        self.shape = shape
        self.buffer = TensorBuffer(zeroedCount: shape.reduce(1, *))
    }

    /// A tensor filled with `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(uninitializedShape: shape)
        buffer.pointer.update(repeating: value, count: count)
    }

    /// A tensor holding `values` in row-major order.
    public init(_ values: [Float], shape: [Int]) {
        precondition(values.count == shape.reduce(1, *), "\(values.count) values do not fill shape \(shape)")
        self.init(uninitializedShape: shape)
        values.withUnsafeBufferPointer { buffer.pointer.update(from: $0.baseAddress!, count: values.count) }
    }

    /// Shares storage with a new shape of the same element count.
    public init(sharing other: Tensor, shape: [Int]) {
        precondition(shape.reduce(1, *) == other.count, "cannot view \(other.shape) as \(shape)")
        self.shape = shape
        self.buffer = other.buffer
    }

    /// Uniform values in `[-bound, bound)`.
    public static func uniform(_ shape: [Int], bound: Float, using rng: inout SeededGenerator) -> Tensor {
        let tensor = Tensor(uninitializedShape: shape)
        let p = tensor.buffer.pointer
        for i in 0..<tensor.count { p[i] = Float(rng.nextUnit() * 2 - 1) * bound }
        return tensor
    }

    /// Normal values with the given standard deviation (Box–Muller).
    public static func normal(_ shape: [Int], standardDeviation: Float = 1, using rng: inout SeededGenerator) -> Tensor {
        let tensor = Tensor(uninitializedShape: shape)
        let p = tensor.buffer.pointer
        var i = 0
        while i < tensor.count {
            let u1 = max(rng.nextUnit(), 1e-300), u2 = rng.nextUnit()
            let radius = (-2 * log(u1)).squareRoot()
            p[i] = Float(radius * cos(2 * .pi * u2)) * standardDeviation
            if i + 1 < tensor.count { p[i + 1] = Float(radius * sin(2 * .pi * u2)) * standardDeviation }
            i += 2
        }
        return tensor
    }

    /// The same storage viewed with another shape.
    public func reshaped(_ newShape: [Int]) -> Tensor { Tensor(sharing: self, shape: newShape) }

    /// An independent copy.
    public func copy() -> Tensor {
        let result = Tensor(uninitializedShape: shape)
        result.buffer.pointer.update(from: buffer.pointer, count: count)
        return result
    }

    /// The elements as an array (row-major).
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: buffer.pointer, count: count)) }

    /// Read-only access to the elements.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: buffer.pointer, count: count))
    }

    /// Mutable access to the elements (the caller must own this tensor's storage).
    @inlinable
    public func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: buffer.pointer, count: count))
    }

    /// The element at a multi-dimensional index (slow; for tests and debugging).
    public subscript(index: Int...) -> Float {
        get { buffer.pointer[flatIndex(index)] }
        nonmutating set { buffer.pointer[flatIndex(index)] = newValue }
    }

    private func flatIndex(_ index: [Int]) -> Int {
        precondition(index.count == shape.count, "index \(index) does not match shape \(shape)")
        var flat = 0
        for (i, extent) in zip(index, shape) {
            precondition(i >= 0 && i < extent, "index \(index) out of range for shape \(shape)")
            flat = flat * extent + i
        }
        return flat
    }

    /// `true` when every element is finite.
    public var isFinite: Bool {
        withUnsafeBufferPointer { values in values.allSatisfy { $0.isFinite } }
    }

    public var description: String {
        let preview = scalars.prefix(8).map { String($0) }.joined(separator: ", ")
        return "Tensor\(shape)[\(preview)\(count > 8 ? ", …" : "")]"
    }
}

