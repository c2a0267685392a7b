import Foundation

/// A caching allocator for float buffers, shared by all threads.
///
/// Training allocates the same large activation buffers every step; returning them to the operating
/// system and faulting them back in costs milliseconds per step. Freed buffers are kept in buckets by
/// capacity (powers of two from 64 floats) and handed out again.
public final class BufferPool: @unchecked Sendable {
    /// The process-wide pool.
    public static let shared = BufferPool()

    private let lock = NSLock()
    private var buckets: [[UnsafeMutablePointer<Float>]] = Array(repeating: [], count: 48)
    private var cachedBytes = 0
    /// Cached memory above this is released to the system instead of kept.
    public var cacheLimitBytes = 4 << 30

    /// The capacity (in floats) a request for `count` floats is rounded up to.
    @inlinable
    public static func bucketCapacity(for count: Int) -> Int {
        max(64, 1 << (Int.bitWidth - (max(count, 1) - 1).leadingZeroBitCount))
    }

    static func bucketIndex(capacity: Int) -> Int { capacity.trailingZeroBitCount }

    /// A buffer of at least `count` floats, contents undefined.
    public func allocate(count: Int) -> (UnsafeMutablePointer<Float>, Int) {
        let capacity = Self.bucketCapacity(for: count)
        let index = Self.bucketIndex(capacity: capacity)
        lock.lock()
        if let pointer = buckets[index].popLast() {
            cachedBytes -= capacity * 4
            lock.unlock()
            return (pointer, capacity)
        }
        lock.unlock()
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * 4, alignment: 64)
        return (raw.bindMemory(to: Float.self, capacity: capacity), capacity)
    }

    /// Returns a buffer obtained from ``allocate(count:)``.
    public func release(_ pointer: UnsafeMutablePointer<Float>, capacity: Int) {
        lock.lock()
        if cachedBytes + capacity * 4 <= cacheLimitBytes {
            buckets[Self.bucketIndex(capacity: capacity)].append(pointer)
            cachedBytes += capacity * 4
            lock.unlock()
        } else {
            lock.unlock()
            UnsafeMutableRawPointer(pointer).deallocate()
        }
    }

    /// Frees every cached buffer.
    public func trim() {
        lock.lock()
        let all = buckets.flatMap { $0 }
        buckets = Array(repeating: [], count: 48)
        cachedBytes = 0
        lock.unlock()
        for pointer in all { UnsafeMutableRawPointer(pointer).deallocate() }
    }
}
