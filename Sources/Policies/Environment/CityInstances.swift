import RoutingCore

/// Random ATSP / asymmetric-CVRP instances drawn from one pool of a city's points (``PointPools``), the
/// training and validation data of the matrix policy (RRNCO's recipe: instances are subsets of a city's
/// real points with their real road costs).
///
/// An instance takes `size` distinct points (ACVRP: a depot and `size` customers) uniformly from the pool, in
/// random order, the chosen ``CityMatrices/Objective``'s sub-matrix as travel costs and, for ACVRP, demands
/// uniform in 1…9 with capacity ``ProblemBatch/standardCapacity(customers:)`` (as the CVRP references).
public struct CityInstances: Sendable, CustomStringConvertible {
    /// The city the points and costs come from.
    public let city: CityMatrices
    /// `.atsp` or `.acvrp`.
    public let problem: ProblemKind
    /// Cities (ATSP) or customers (ACVRP).
    public let size: Int
    /// Which matrix is the cost.
    public let objective: CityMatrices.Objective
    /// The point indices instances are drawn from.
    public let pool: [Int]
    /// Which of the city's ``PointPools`` they are.
    public let poolKind: PointPools.Pool

    /// Instances of `problem` and `size` from `pool` of `city`'s ``PointPools``.
    /// - Throws: ``PolicyError/cityTooSmall(city:pool:points:needed:)`` when the pool has fewer points than an
    ///   instance needs.
    public init(city: CityMatrices, problem: ProblemKind, size: Int, objective: CityMatrices.Objective,
                pool: PointPools.Pool) throws(PolicyError) {
        precondition(problem == .atsp || problem == .acvrp, "city instances are ATSP or ACVRP")
        let points = PointPools(count: city.count)[pool]
        let nodes = problem == .atsp ? size : size + 1
        guard points.count >= nodes else {
            throw .cityTooSmall(city: city.name, pool: pool.rawValue, points: points.count, needed: nodes)
        }
        self.city = city
        self.problem = problem
        self.size = size
        self.objective = objective
        self.pool = points
        poolKind = pool
    }

    /// Names the data for caches: city, its point count, objective and pool size (`monaco-1000/1000/duration/train-800`).
    public var description: String {
        "\(city.name)/\(city.count)/\(objective.rawValue)/\(poolKind.rawValue)-\(pool.count)"
    }

    /// Nodes per instance (ACVRP: the depot included).
    public var nodes: Int { problem == .atsp ? size : size + 1 }

    /// `count` fresh instances from `rng`.
    public func batch(count: Int, using rng: inout SeededGenerator) -> ProblemBatch {
        var draws = [(points: [Int], demands: [Int32])]()
        for _ in 0..<count { draws.append(draw(using: &rng)) }
        return batch(draws)
    }

    /// Instances `indices` of the fixed set named by `seed`; instance `i` depends on `seed` and `i` only.
    public func seededSet(seed: UInt64, indices: Range<Int>) -> ProblemBatch {
        batch(indices.map { index in
            var rng = ProblemBatch.instanceGenerator(seed: seed, index: index)
            return draw(using: &rng)
        })
    }

    /// The points of one instance (city indices; ACVRP: depot first) and its demands.
    public func draw(using rng: inout SeededGenerator) -> (points: [Int], demands: [Int32]) {
        let chosen = PointPools.draw(nodes, from: pool, using: &rng)
        let demands: [Int32] = problem == .acvrp
            ? [0] + (1..<nodes).map { _ in Int32(StandardCapacity.randomDemand(using: &rng)) } : []
        return (chosen, demands)
    }

    private func batch(_ draws: [(points: [Int], demands: [Int32])]) -> ProblemBatch {
        ProblemBatch.matrixBatch(kind: problem == .atsp ? .tsp : .cvrp, nodes: nodes,
                                 matrices: draws.map { city.submatrix(objective, of: $0.points) },
                                 demands: draws.map(\.demands),
                                 capacity: problem == .acvrp ? ProblemBatch.standardCapacity(customers: size) : 0)
    }
}
