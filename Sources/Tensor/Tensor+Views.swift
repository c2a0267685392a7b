extension Tensor {
    /// A tensor over existing storage (which must hold at least the shape's element count).
    public init(buffer: TensorBuffer, shape: [Int]) {
        precondition(shape.reduce(1, *) <= buffer.capacity, "buffer too small for shape \(shape)")
        self.shape = shape
        self.buffer = buffer
    }

    /// Start of the storage.
    @inlinable public var pointer: UnsafeMutablePointer<Float> { buffer.pointer }

    /// Product of the dimensions before `axis` (rows when the tensor is viewed as `[outer, shape[axis], inner]`).
    @inlinable public func outerCount(before axis: Int) -> Int { shape[..<axis].reduce(1, *) }

    /// Product of the dimensions after `axis`.
    @inlinable public func innerCount(after axis: Int) -> Int { shape[(axis + 1)...].reduce(1, *) }
}
