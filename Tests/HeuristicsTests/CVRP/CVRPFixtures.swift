@testable import Heuristics
import RoutingCore
import RoutingTestSupport
import Testing

/// Seeded instances, random solutions and a full consistency check shared by the CVRP tests.
enum CVRPFixtures {
    /// A random instance: symmetric or asymmetric, with an unlimited, tight or slack fleet.
    static func instance(customers: Int, capacity: Int, seed: UInt64, asymmetric: Bool,
                         extraVehicles: Int? = nil) -> Instance {
        let open = RandomInstances.cvrp(customers: customers, capacity: capacity, seed: seed, asymmetric: asymmetric)
        guard let extraVehicles else { return open }
        return RandomInstances.cvrp(customers: customers, capacity: capacity, seed: seed, asymmetric: asymmetric,
                                    vehicleLimit: open.minimumRoutes + extraVehicles)
    }

    /// A mix of symmetric, asymmetric and fleet-limited instances for seeded sweeps.
    static func sweepInstances(count: Int, customers: ClosedRange<Int> = 6...14) -> [Instance] {
        (0..<count).map { index in
            var rng = SeededGenerator(seed: UInt64(1000 + index))
            let size = Int.random(in: customers, using: &rng)
            let capacity = Int.random(in: 12...35, using: &rng)
            let fleet: Int? = index % 3 == 2 ? Int.random(in: 0...1, using: &rng) : nil
            return instance(customers: size, capacity: capacity, seed: UInt64(index), asymmetric: index % 2 == 1,
                            extraVehicles: fleet)
        }
    }

    /// A random partial solution: customers in random order, each put into a random route with
    /// room (or a new route while the fleet allows); some may stay unassigned under a tight fleet.
    static func randomRoutes(for data: CVRPData, seed: UInt64) -> [[Int]] {
        var rng = SeededGenerator(seed: seed)
        var routes: [[Int]] = []
        var loads: [Int] = []
        for c in data.customers.shuffled(using: &rng) {
            let demand = Int(data.demands[Int(c)])
            let open = routes.indices.filter { loads[$0] + demand <= data.capacity }
            if routes.count < data.vehicleLimit && (open.isEmpty || Int.random(in: 0..<3, using: &rng) == 0) {
                routes.append([Int(c)])
                loads.append(demand)
            } else if let r = open.randomElement(using: &rng) {
                routes[r].insert(Int(c), at: Int.random(in: 0...routes[r].count, using: &rng))
                loads[r] += demand
            }
        }
        return routes
    }

    /// Checks that `state` is a valid (possibly partial) solution whose caches match a state
    /// rebuilt from its routes: cost, loads, fleet size, coverage and prefix caches.
    static func expectConsistent(_ state: RouteState, sourceLocation: SourceLocation = #_sourceLocation) {
        let data = state.data, instance = data.instance
        let routes = state.routes
        let recomputed = routes.reduce(0) { $0 + Evaluator.routeCost($1, depot: instance.depot, distances: instance.distances) }
        #expect(state.cost == recomputed, "cached cost differs from recomputed cost", sourceLocation: sourceLocation)
        #expect(routes.count <= data.vehicleLimit, "too many routes", sourceLocation: sourceLocation)
        #expect(state.usedRoutes == routes.count, sourceLocation: sourceLocation)
        for route in routes {
            #expect(route.reduce(0) { $0 + instance.demands[$1] } <= data.capacity, "over capacity",
                    sourceLocation: sourceLocation)
        }
        let visited = routes.flatMap { $0 } + state.unassigned.map { Int($0) }
        #expect(visited.sorted() == instance.customers, "customers lost or duplicated", sourceLocation: sourceLocation)
        #expect(state.unassignedCount == state.unassigned.count, sourceLocation: sourceLocation)
        let fresh = RouteState(data: data, routes: routes)
        for c in data.customers where state.routeOf[Int(c)] >= 0 {
            let id = Int(c)
            #expect(state.position[id] == fresh.position[id] && state.loadPrefix[id] == fresh.loadPrefix[id]
                    && state.costPrefix[id] == fresh.costPrefix[id] && state.reversePrefix[id] == fresh.reversePrefix[id],
                    "stale route cache at customer \(id)", sourceLocation: sourceLocation)
        }
    }

    /// The cost of `routes` recomputed from the matrix.
    static func cost(of routes: [[Int]], in instance: Instance) -> Cost {
        routes.reduce(0) { $0 + Evaluator.routeCost($1, depot: instance.depot, distances: instance.distances) }
    }

    /// A hand-checkable asymmetric 3-customer instance (unit demands, capacity 10):
    /// ```
    ///      0   1   2   3
    /// 0 [  0, 10, 20, 30]
    /// 1 [ 11,  0,  5, 25]
    /// 2 [ 21,  6,  0, 15]
    /// 3 [ 31, 26, 16,  0]
    /// ```
    static func tinyAsymmetric() -> CVRPData {
        let rows = [0, 10, 20, 30, 11, 0, 5, 25, 21, 6, 0, 15, 31, 26, 16, 0]
        let instance = try! Instance(name: "tiny", kind: .acvrp, distances: try! DistanceMatrix(count: 4, rowMajor: rows),
                                     demands: [0, 1, 1, 1], capacity: 10)
        return CVRPData(instance: instance)
    }

    /// Every ordered pair of ids a move may be asked about: customers and start sentinels.
    static func candidatePairs(_ data: CVRPData) -> [(Int32, Int32)] {
        let ids = data.customers + (0..<data.routeSlots).map { data.start($0) }
        return ids.flatMap { u in ids.map { v in (u, v) } }
    }

    /// The seeded operator sweep: for every pair on random states of the sweep instances, a
    /// defined delta must equal the recomputed cost change of the applied move, and the state
    /// must stay feasible and consistent. Returns how many moves were applied.
    @discardableResult
    static func sweep<Move: RouteOperator>(_ move: Move, instances: Int = 12) -> Int {
        var applied = 0
        for (index, instance) in sweepInstances(count: instances).enumerated() {
            let data = CVRPData(instance: instance)
            guard move.supports(data) else { continue }
            let state = RouteState(data: data, routes: randomRoutes(for: data, seed: UInt64(index)))
            let trial = RouteState(data: data)
            for (u, v) in candidatePairs(data) {
                guard let delta = move.delta(u, v, in: state) else { continue }
                trial.copy(from: state)
                move.apply(u, v, to: trial)
                expectConsistent(trial)
                #expect(cost(of: trial.routes, in: instance) == cost(of: state.routes, in: instance) + delta,
                        "delta \(delta) for (\(u), \(v)) on \(instance.name)")
                applied += 1
            }
        }
        return applied
    }
}
