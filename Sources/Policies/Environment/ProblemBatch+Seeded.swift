import RoutingCore
import Tensor

/// Fixed-seed instance sets (validation sets, the rollout baseline's evaluation sets, `routeopt generate`).
extension ProblemBatch {
    /// Instances `indices` of the set named by `seed`: `size` TSP cities, or `size` CVRP customers plus a
    /// depot, drawn as ``randomTSP(count:nodes:using:)`` / ``randomCVRP(count:customers:using:)`` do
    /// (uniform unit square; demands 1…9, capacity ``standardCapacity(customers:)``).
    ///
    /// Instance `i` comes from its own generator, seeded from `seed` and `i` only, so instance `i` is the
    /// same whatever the set's size or the range asked for: `generate --count 10 --seed S` writes the
    /// first ten instances of the validation set `S`.
    public static func seededSet(_ problem: ProblemKind, size: Int, seed: UInt64, indices: Range<Int>) -> ProblemBatch {
        precondition(problem == .tsp || problem == .cvrp, "seeded sets exist for TSP and CVRP")
        precondition(size >= 1 && indices.lowerBound >= 0, "seeded set: size \(size), indices \(indices)")
        let nodes = problem == .tsp ? size : size + 1
        let coordinates = Tensor(uninitializedShape: [indices.count, nodes, 2])
        var demands = [Int32](repeating: 0, count: indices.count * nodes)
        for (offset, index) in indices.enumerated() {
            var rng = instanceGenerator(seed: seed, index: index)
            let target = coordinates.pointer + offset * nodes * 2
            for k in 0..<(nodes * 2) { target[k] = Float(rng.nextUnit()) }
            if problem == .cvrp {
                for j in 1..<nodes { demands[offset * nodes + j] = Int32(StandardCapacity.randomDemand(using: &rng)) }
            }
        }
        return ProblemBatch(kind: problem, coordinates: coordinates, demands: demands,
                            capacity: problem == .cvrp ? standardCapacity(customers: size) : 0)
    }

    /// The generator of instance `index` in the set `seed` (SplitMix-style mixing of both).
    static func instanceGenerator(seed: UInt64, index: Int) -> SeededGenerator {
        var z = seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return SeededGenerator(seed: z ^ (z >> 31) ^ seed)
    }

    /// Problem size as the command line names it: cities for TSP, customers for CVRP.
    public var size: Int { kind == .cvrp ? nodes - 1 : nodes }

    /// Length of `solution` (a TSP tour, or CVRP routes from and back to depot 0) in `Double` on the
    /// batch's own coordinates (or travel matrix): the cost a reference solver's answer has in the policies' units.
    public func solutionLength(_ solution: Solution, instance: Int) -> Double {
        let costs = TravelCosts(self)
        func distance(_ a: Int, _ b: Int) -> Double {
            if isMatrix { return Double(costs.cost(instance: instance, a, b)) }
            let p = point(instance, a), q = point(instance, b)
            let dx = Double(p.x) - Double(q.x), dy = Double(p.y) - Double(q.y)
            return (dx * dx + dy * dy).squareRoot()
        }
        func closedLength(_ cycle: [Int]) -> Double {
            zip(cycle, cycle.dropFirst() + cycle.prefix(1)).reduce(0) { $0 + distance($1.0, $1.1) }
        }
        switch solution {
        case .tour(let order): return closedLength(order)
        case .routes(let routes): return routes.filter { !$0.isEmpty }.reduce(0) { $0 + closedLength([0] + $1) }
        }
    }
}
