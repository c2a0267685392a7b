/// A dense `n × n` matrix of integer travel costs, row-major, asymmetric allowed.
///
/// Entries are stored as `Int32` (half the memory traffic of `Int` in local-search inner loops) and
/// read as ``Cost``. The diagonal is always zero: ATSPLIB "infinity" placeholders are cleared when
/// the matrix is built.
public struct DistanceMatrix: Sendable, Equatable {
    /// The largest entry a matrix may hold.
    public static let maximumEntry = Int(Int32.max)

    /// Number of nodes.
    public let count: Int
    /// Row-major entries; `storage[i * count + j]` is the cost of travelling from `i` to `j`.
    public let storage: [Int32]

    /// Builds a matrix from row-major entries.
    /// - Throws: ``InstanceError`` when the entry count is wrong or an entry is negative or too large.
    public init(count: Int, rowMajor entries: [Int]) throws(InstanceError) {
        guard count > 0 else { throw .empty }
        guard entries.count == count * count else {
            throw .matrixSize(expected: count * count, got: entries.count)
        }
        try self.init(count: count) { i, j in entries[i * count + j] }
    }

    /// Builds a matrix by calling `cost(i, j)` for every ordered pair `i != j`.
    /// - Complexity: O(n²) calls.
    public init(count: Int, cost: (Int, Int) -> Int) throws(InstanceError) {
        guard count > 0 else { throw .empty }
        var storage = [Int32](repeating: 0, count: count * count)
        for i in 0..<count {
            for j in 0..<count where i != j {
                let value = cost(i, j)
                guard value >= 0 else { throw .negativeDistance(from: i, to: j, value: value) }
                guard value <= Self.maximumEntry else {
                    throw .distanceOutOfRange(from: i, to: j, value: value)
                }
                storage[i * count + j] = Int32(value)
            }
        }
        self.count = count
        self.storage = storage
        self.asymmetricPair = Self.findAsymmetricPair(storage, count: count)
    }

    /// The cost of travelling from `i` to `j`.
    @inlinable
    public subscript(i: Int, j: Int) -> Cost {
        Cost(storage[i &* count &+ j])
    }

    /// `true` when `d(i,j) == d(j,i)` for every pair (computed once, when the matrix is built).
    public var isSymmetric: Bool {
        asymmetricPair == nil
    }

    /// The first pair `(i, j)`, `i < j`, with `d(i,j) != d(j,i)`, or `nil` for a symmetric matrix.
    public var firstAsymmetricPair: (Int, Int)? {
        asymmetricPair.map { ($0 / count, $0 % count) }
    }

    /// Flat index `i * count + j` of the first asymmetric pair, found once at construction.
    private let asymmetricPair: Int?

    private static func findAsymmetricPair(_ storage: [Int32], count: Int) -> Int? {
        storage.withUnsafeBufferPointer { entries in
            for i in 0..<count {
                for j in (i + 1)..<max(i + 1, count) where entries[i * count + j] != entries[j * count + i] {
                    return i * count + j
                }
            }
            return nil
        }
    }

    /// The largest entry.
    public var maximum: Cost { Cost(storage.max() ?? 0) }

    /// A row of the matrix: costs from `i` to every node.
    public func row(_ i: Int) -> ArraySlice<Int32> {
        storage[(i * count)..<((i + 1) * count)]
    }
}
