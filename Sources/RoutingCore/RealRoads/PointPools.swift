/// The split of a city's points into a training pool and a held-out test pool.
///
/// Instances for training are drawn from ``train`` only and test instances from ``test`` only, so a policy is
/// never measured on a point it has seen. The split is a seeded shuffle, so `routeopt matrix sample` and
/// `routeopt train --data` agree on it for the same city without storing it.
public struct PointPools: Sendable, Equatable {
    /// The default share of points held out for testing.
    public static let defaultTestFraction = 0.2
    /// The default seed of the shuffle.
    public static let defaultSeed: UInt64 = 2_025

    /// Point indices for training, ascending.
    public let train: [Int]
    /// Held-out point indices, ascending.
    public let test: [Int]

    /// Splits `count` points: a seeded shuffle, the first `round(count · testFraction)` go to ``test``.
    /// - Precondition: `count >= 2` and `0 < testFraction < 1`; both pools end up non-empty.
    public init(count: Int, testFraction: Double = defaultTestFraction, seed: UInt64 = defaultSeed) {
        precondition(count >= 2 && testFraction > 0 && testFraction < 1, "invalid point pool split")
        var generator = SeededGenerator(seed: seed)
        let shuffled = Array(0..<count).shuffled(using: &generator)
        let testCount = min(count - 1, max(1, Int((Double(count) * testFraction).rounded())))
        test = shuffled[..<testCount].sorted()
        train = shuffled[testCount...].sorted()
    }

    /// The pool named `pool`.
    public subscript(pool: Pool) -> [Int] {
        pool == .train ? train : test
    }

    /// The two pools by name.
    public enum Pool: String, Sendable, CaseIterable, Codable {
        case train
        case test
    }

    /// `count` distinct indices of `pool`, drawn uniformly without replacement in random order (a partial
    /// Fisher–Yates shuffle), the points of one city instance. `routeopt matrix sample` and the matrix policy's
    /// training data draw with it.
    /// - Precondition: `count <= pool.count`.
    public static func draw(_ count: Int, from pool: [Int], using generator: inout SeededGenerator) -> [Int] {
        precondition(count <= pool.count, "cannot draw \(count) points from a pool of \(pool.count)")
        var remaining = pool
        var chosen = [Int]()
        chosen.reserveCapacity(count)
        for _ in 0..<count {
            let pick = Int(generator.next() % UInt64(remaining.count))
            chosen.append(remaining[pick])
            remaining.swapAt(pick, remaining.count - 1)
            remaining.removeLast()
        }
        return chosen
    }
}
