import RoutingCore

/// Draws ATSP and asymmetric CVRP instances from a city's road matrices, RRNCO-style: each instance takes a random
/// subset of one point pool (``PointPools`` with its default split, the one `routeopt train --data` uses, so test
/// instances never share a point with training) and the sub-matrix of the chosen objective between them.
///
/// Costs are integers: the objective in metres or seconds times ``Specification/scale``, rounded. The defaults
/// (``defaultScale(_:)``) are 1 for distances (whole metres) and 10 for durations (tenths of a second, OSRM's
/// resolution). CVRP instances have a depot plus `size` customers drawn from the same pool, demands uniform in
/// 1…9 and the capacity of ``StandardCapacity`` (30 / 40 / 50 for 20 / 50 / 100 customers). Instance `i` of a seed
/// is the same whatever the count, so sets can be extended.
public struct CityInstanceSampler: Sendable {
    /// What to draw.
    public struct Specification: Sendable, Equatable {
        /// `.atsp` or `.acvrp`.
        public var problem: ProblemKind
        /// Nodes (ATSP) or customers (CVRP, the depot comes on top).
        public var size: Int
        /// The matrix the costs come from.
        public var objective: CityMatrices.Objective
        /// The pool the points come from.
        public var pool: PointPools.Pool
        /// The seed naming the set.
        public var seed: UInt64
        /// Integer cost = round(value · scale).
        public var scale: Double

        public init(problem: ProblemKind, size: Int, objective: CityMatrices.Objective, pool: PointPools.Pool,
                    seed: UInt64, scale: Double? = nil) {
            self.problem = problem
            self.size = size
            self.objective = objective
            self.pool = pool
            self.seed = seed
            self.scale = scale ?? CityInstanceSampler.defaultScale(objective)
        }
    }

    /// One drawn instance and the city points it uses (node k is city point `points[k]`; the depot first).
    public struct Sample: Sendable {
        public let instance: Instance
        public let points: [Int]
    }

    /// The city.
    public let city: CityMatrices
    /// Its train/test split (the defaults of ``PointPools``).
    public let pools: PointPools

    public init(city: CityMatrices) {
        self.city = city
        pools = PointPools(count: city.count)
    }

    /// Whole metres for distances, tenths of a second for durations.
    public static func defaultScale(_ objective: CityMatrices.Objective) -> Double {
        objective == .distance ? 1 : 10
    }

    /// The unit of one integer cost, e.g. `m` or `0.1 s`.
    public static func costUnit(_ specification: Specification) -> String {
        let base = specification.objective == .distance ? "m" : "s"
        return specification.scale == 1 ? base : "\(formatted(1 / specification.scale)) \(base)"
    }

    /// The file name stem of instance `index`: `monaco-test-atsp50-duration-003`.
    public func name(_ specification: Specification, index: Int) -> String {
        let number = String(index).count >= 3 ? String(index) : String(repeating: "0", count: 3 - String(index).count) + String(index)
        return "\(Self.fileSafe(city.name))-\(specification.pool.rawValue)-\(specification.problem.rawValue)\(specification.size)-"
            + "\(specification.objective.rawValue)-\(number)"
    }

    /// Instance `index` of `specification`.
    /// - Throws: ``RealWorldError/invalidRequest(_:)`` when the problem is not ATSP/ACVRP, the size is below 2
    ///   (ATSP) or 1 (CVRP), the pool has too few points, or a scaled cost does not fit the matrix's integer range.
    public func sample(_ specification: Specification, index: Int) throws(RealWorldError) -> Sample {
        let problem = specification.problem
        guard problem == .atsp || problem == .acvrp else {
            throw .invalidRequest("the problem must be atsp or acvrp, not \(problem.rawValue)")
        }
        let nodes = problem == .atsp ? specification.size : specification.size + 1
        let pool = pools[specification.pool]
        guard specification.size >= (problem == .atsp ? 2 : 1) else {
            throw .invalidRequest("size \(specification.size) is too small for \(problem.rawValue)")
        }
        guard nodes <= pool.count else {
            throw .invalidRequest("the \(specification.pool.rawValue) pool of \(city.name) has \(pool.count) points, "
                                  + "an instance needs \(nodes)")
        }
        guard specification.scale > 0, specification.scale.isFinite else {
            throw .invalidRequest("the cost scale must be positive, got \(specification.scale)")
        }
        var generator = SeededGenerator(seed: specification.seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
        let points = PointPools.draw(nodes, from: pool, using: &generator)
        let values = city.submatrix(specification.objective, of: points)
        let scaled = values.map { (Double($0) * specification.scale).rounded() }
        if let largest = scaled.max(), largest > Double(DistanceMatrix.maximumEntry) {
            throw .invalidRequest("a cost of \(largest) does not fit 32 bits; use a smaller --scale")
        }
        let kind: ProblemKind
        var demands: [Int]?
        var capacity: Int?
        if problem == .acvrp {
            demands = [0] + (0..<specification.size).map { _ in StandardCapacity.randomDemand(using: &generator) }
            capacity = StandardCapacity.forCustomers(specification.size)
        }
        do {
            let matrix = try DistanceMatrix(count: nodes, rowMajor: scaled.map { Int($0) })
            kind = problem == .acvrp && matrix.isSymmetric ? .cvrp : problem
            let instance = try Instance(name: name(specification, index: index), kind: kind, distances: matrix,
                                        coordinates: points.map { city.points[$0] }, demands: demands, capacity: capacity)
            return Sample(instance: instance, points: points)
        } catch {
            throw .invalidRequest("instance \(index): \(error)")
        }
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// `name` with every character other than letters, digits, `-`, `_` and `.` replaced by `_` (a city name
    /// from `city.json` becomes part of file names and must not reach outside the output folder).
    static func fileSafe(_ name: String) -> String {
        let safe = String(name.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "_" })
        return safe.isEmpty || safe.allSatisfy({ $0 == "." }) ? "city" : safe
    }
}
