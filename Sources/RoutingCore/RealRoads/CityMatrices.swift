/// A city's real road data: points and their full road matrices, as a routing engine (OSRM) measured them.
///
/// Matrices are row-major `[from][to]` (`distances[i * count + j]` is the road distance from point `i` to
/// point `j`), in metres and seconds. They are generally asymmetric (one-way streets, turn restrictions) and
/// need not satisfy the triangle inequality. The diagonal is zero and every entry is finite and non-negative:
/// ``init(name:points:distances:durations:)`` checks that, so nothing downstream re-checks.
///
/// OSRM answers slightly negative distances (−0.1 … −1.6 m in the Monaco data, 13 of 10⁶ pairs) when two points
/// snap onto the same road segment in driving order reversed; entries down to ``negativeTolerance`` are such
/// artefacts and are set to 0 (counted in ``clampedEntries``), anything more negative is refused.
public struct CityMatrices: Sendable {
    /// Which travel matrix an instance takes as its cost.
    public enum Objective: String, Sendable, CaseIterable, Codable {
        /// Road distance in metres.
        case distance
        /// Free-flow travel time in seconds.
        case duration
    }

    /// The most negative entry taken as a routing-engine rounding artefact and set to 0 (metres or seconds).
    public static let negativeTolerance: Float = 2

    /// The city's name (the dataset folder, or its `city.json`).
    public let name: String
    /// Number of points.
    public let count: Int
    /// Snapped positions, `x` = longitude and `y` = latitude in degrees.
    public let points: [Point]
    /// Road distances in metres, row-major.
    public let distances: [Float]
    /// Travel times in seconds, row-major.
    public let durations: [Float]
    /// How many slightly negative entries (see ``negativeTolerance``) were set to 0.
    public let clampedEntries: Int

    /// Checks and stores a city's data.
    /// - Throws: ``CityMatricesError`` when a matrix has the wrong size or an entry that is not finite,
    ///   negative, or non-zero on the diagonal.
    public init(name: String, points: [Point], distances: [Float], durations: [Float]) throws(CityMatricesError) {
        let count = points.count
        guard count >= 2 else { throw .tooFewPoints(count) }
        var clamped = 0
        self.distances = try Self.checked(distances, .distance, count: count, clamped: &clamped)
        self.durations = try Self.checked(durations, .duration, count: count, clamped: &clamped)
        self.name = name
        self.count = count
        self.points = points
        self.clampedEntries = clamped
    }

    private static func checked(_ matrix: [Float], _ objective: Objective, count: Int,
                                clamped: inout Int) throws(CityMatricesError) -> [Float] {
        guard matrix.count == count * count else {
            throw .wrongSize(objective, expected: count * count, got: matrix.count)
        }
        var result = matrix
        for i in 0..<count {
            for j in 0..<count {
                let value = matrix[i * count + j]
                guard value.isFinite, value >= -negativeTolerance else {
                    throw .badEntry(objective, from: i, to: j, value: value)
                }
                guard i != j || value == 0 else { throw .nonZeroDiagonal(objective, point: i, value: value) }
                if value < 0 {
                    result[i * count + j] = 0
                    clamped += 1
                }
            }
        }
        return result
    }

    /// The matrix for `objective`, row-major.
    public func matrix(_ objective: Objective) -> [Float] {
        objective == .distance ? distances : durations
    }

    /// The `subset.count²` sub-matrix of `objective` between `subset`'s points, in that order, row-major.
    /// - Precondition: every index of `subset` is below ``count``.
    public func submatrix(_ objective: Objective, of subset: [Int]) -> [Float] {
        let full = matrix(objective)
        var result = [Float]()
        result.reserveCapacity(subset.count * subset.count)
        for i in subset {
            for j in subset { result.append(full[i * count + j]) }
        }
        return result
    }
}

/// Why a city's matrices were refused.
public enum CityMatricesError: Error, Sendable, Equatable, CustomStringConvertible {
    case tooFewPoints(Int)
    case wrongSize(CityMatrices.Objective, expected: Int, got: Int)
    case badEntry(CityMatrices.Objective, from: Int, to: Int, value: Float)
    case nonZeroDiagonal(CityMatrices.Objective, point: Int, value: Float)

    /// The matrix the problem is in, or `nil` when it concerns the points.
    public var objective: CityMatrices.Objective? {
        switch self {
        case .tooFewPoints: nil
        case .wrongSize(let objective, _, _), .badEntry(let objective, _, _, _), .nonZeroDiagonal(let objective, _, _):
            objective
        }
    }

    public var description: String {
        switch self {
        case .tooFewPoints(let count):
            "a city needs at least 2 points, got \(count)"
        case .wrongSize(let objective, let expected, let got):
            "the \(objective.rawValue) matrix has \(got) entries, expected \(expected) (points²)"
        case .badEntry(let objective, let from, let to, let value):
            "\(objective.rawValue) from point \(from) to point \(to) is \(value); entries must be finite and at least −\(CityMatrices.negativeTolerance)"
        case .nonZeroDiagonal(let objective, let point, let value):
            "\(objective.rawValue) from point \(point) to itself is \(value), not 0"
        }
    }
}
