/// Owned float32 storage from the ``BufferPool``; returned to the pool when the last reference goes.
public final class TensorBuffer: @unchecked Sendable {
    /// Start of the storage (64-byte aligned).
    public let pointer: UnsafeMutablePointer<Float>
    /// Floats available (at least the requested count).
    public let capacity: Int

    /// Uninitialised storage for `count` floats.
    public init(uninitializedCount count: Int) {
        (pointer, capacity) = BufferPool.shared.allocate(count: count)
    }

    /// Zero-filled storage for `count` floats.
    public convenience init(zeroedCount count: Int) {
        self.init(uninitializedCount: count)
        pointer.update(repeating: 0, count: count)
    }

    deinit {
        BufferPool.shared.release(pointer, capacity: capacity)
    }
}
