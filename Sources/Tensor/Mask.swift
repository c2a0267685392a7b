/// A dense boolean tensor (one byte per element) marking excluded entries: a nonzero byte means
/// "masked out" (for example a node already visited), as in the reference attention-model code.
///
/// Masks are inputs, never differentiated. Storage is a plain byte array owned by the mask; build a new
/// mask per decoding step or update one in place through ``withUnsafeMutableBytes(_:)``.
public struct Mask: @unchecked Sendable {
    /// Extent of each dimension, outermost first.
    public let shape: [Int]
    private let storage: MaskStorage

    /// A mask with nothing masked.
    public init(allowingAll shape: [Int]) {
        self.shape = shape
        storage = MaskStorage(count: shape.reduce(1, *))
    }

    /// A mask from booleans in row-major order (`true` = masked out).
    public init(_ masked: [Bool], shape: [Int]) {
        precondition(masked.count == shape.reduce(1, *), "\(masked.count) flags do not fill shape \(shape)")
        self.init(allowingAll: shape)
        for (i, flag) in masked.enumerated() where flag { storage.bytes[i] = 1 }
    }

    /// Number of elements.
    public var count: Int { storage.count }

    /// Whether element `index` (row-major) is masked out.
    public subscript(index: Int) -> Bool {
        get { storage.bytes[index] != 0 }
        nonmutating set { storage.bytes[index] = newValue ? 1 : 0 }
    }

    /// Start of the bytes (nonzero = masked).
    var bytes: UnsafeMutablePointer<UInt8> { storage.bytes }

    /// Mutable access to the bytes (nonzero = masked).
    public func withUnsafeMutableBytes<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: storage.bytes, count: storage.count))
    }
}

/// Owned byte storage of a ``Mask``.
final class MaskStorage: @unchecked Sendable {
    let bytes: UnsafeMutablePointer<UInt8>
    let count: Int

    init(count: Int) {
        self.count = count
        bytes = .allocate(capacity: max(count, 1))
        bytes.initialize(repeating: 0, count: max(count, 1))
    }

    deinit { bytes.deallocate() }
}
