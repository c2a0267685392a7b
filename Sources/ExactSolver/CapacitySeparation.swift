import RoutingCore

/// Finds customer sets `S` that violate the rounded capacity inequality `w(δ(S)) ≥ 2⌈d(S)/Q⌉` on a
/// vehicle-routing support graph (edge values; for arc models both directions summed).
///
/// Exact separation is NP-hard, so candidates come from three cheap sources, each checked exactly:
/// the connected components of the customers' support graph (exact on integral values: those are the
/// routes and the disconnected cycles), the Stoer–Wagner phase cuts of the whole graph (side without the
/// depot), and a greedy growth from every customer that adds the customer most strongly connected to the
/// set so far and checks the set after each step.
struct CapacitySeparation: Sendable {
    /// Node demands (the depot's is 0).
    let demands: [Int]
    /// Vehicle capacity.
    let capacity: Int
    /// The depot node.
    let depot: Int
    /// At most this many sets are returned per call (the most violated).
    var limit = 150

    init(demands: [Int], capacity: Int, depot: Int) {
        self.demands = demands
        self.capacity = capacity
        self.depot = depot
    }

    /// The separation for a vehicle-routing instance.
    init(instance: Instance) {
        self.init(demands: instance.demands, capacity: instance.capacity ?? 1, depot: instance.depot)
    }

    /// The violated inequalities as rows `x(E(S)) ≤ |S| − ⌈d(S)/Q⌉` (edges or arcs, as
    /// `columnsInside` lists the columns with both ends in `S`).
    func rows(in graph: SupportGraph, columnsInside: ([Int]) -> [Int], tolerance: Double, integral: Bool) -> [LinearRow] {
        violatedSets(in: graph, tolerance: tolerance, integral: integral).map { set, vehicles in
            LinearRow.atMost("rci_\(set.count)_\(vehicles)", columns: columnsInside(set), Double(set.count - vehicles))
        }
    }

    /// The fewest vehicles that can serve `set`: `⌈d(S)/Q⌉`.
    func vehiclesNeeded(_ set: [Int]) -> Int {
        let demand = set.reduce(0) { $0 + demands[$1] }
        return max(1, (demand + capacity - 1) / capacity)
    }

    /// Violated sets with their `⌈d(S)/Q⌉`, most violated first.
    func violatedSets(in graph: SupportGraph, tolerance: Double, integral: Bool) -> [(set: [Int], vehicles: Int)] {
        let customers = (0..<graph.nodes).filter { $0 != depot }
        guard !customers.isEmpty else { return [] }
        var candidates = graph.components(among: customers)
        if !integral {
            for cut in PhaseCuts.all(in: graph) {
                candidates.append(cut.nodes.contains(depot) ? customers.filter { !cut.nodes.contains($0) } : cut.nodes)
            }
            candidates += greedySets(in: graph, customers: customers, tolerance: tolerance)
        }
        var seen = Set<[Int]>()
        var violated: [(set: [Int], vehicles: Int, violation: Double)] = []
        for candidate in candidates where !candidate.isEmpty {
            let set = candidate.sorted()
            guard seen.insert(set).inserted else { continue }
            let vehicles = vehiclesNeeded(set)
            let violation = Double(2 * vehicles) - graph.crossing(set)
            if violation > tolerance { violated.append((set, vehicles, violation)) }
        }
        return violated.sorted { $0.violation > $1.violation }.prefix(limit).map { ($0.set, $0.vehicles) }
    }

    /// Sets met while growing a set greedily from each customer that are violated.
    private func greedySets(in graph: SupportGraph, customers: [Int], tolerance: Double) -> [[Int]] {
        let n = graph.nodes
        let degree = (0..<n).map { i in (0..<n).reduce(0.0) { $0 + graph[i, $1] } }
        var result: [[Int]] = []
        var inSet = [Bool](repeating: false, count: n)
        var connection = [Double](repeating: 0, count: n)
        for seed in customers {
            for node in customers { inSet[node] = false; connection[node] = 0 }
            var set = [seed], demand = demands[seed], crossing = degree[seed]
            inSet[seed] = true
            for j in customers where !inSet[j] { connection[j] = graph[seed, j] }
            while set.count < customers.count - 1 {
                var best = -1
                for j in customers where !inSet[j] && (best < 0 || connection[j] > connection[best]) { best = j }
                guard best >= 0, connection[best] > 1e-9 else { break }
                inSet[best] = true
                set.append(best)
                demand += demands[best]
                crossing += degree[best] - 2 * connection[best]
                for j in customers where !inSet[j] { connection[j] += graph[best, j] }
                let vehicles = max(1, (demand + capacity - 1) / capacity)
                if crossing < Double(2 * vehicles) - tolerance { result.append(set) }
            }
        }
        return result
    }
}
