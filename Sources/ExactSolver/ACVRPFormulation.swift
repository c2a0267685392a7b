import RoutingCore

/// Asymmetric CVRP, two-index model: one binary column per arc, one arc into and one out of every
/// customer, as many arcs leave the depot as enter it, at least `⌈d(V)/Q⌉` and at most the vehicle
/// limit, and rounded capacity inequalities `x(A(S)) ≤ |S| − ⌈d(S)/Q⌉` separated on the symmetrised
/// support graph (``CapacitySeparation``; there `w(δ(S)) = 2·x(δ⁻(S))`).
struct ACVRPFormulation: Formulation {
    let instance: Instance
    var index: ArcIndex { ArcIndex(nodes: instance.dimension) }

    var columns: [ModelColumn] { index.costColumns(instance.distances) }

    var initialRows: [LinearRow] {
        let n = index.nodes, depot = instance.depot
        var rows: [LinearRow] = instance.customers.flatMap { i in
            let others = (0..<n).filter { $0 != i }
            return [LinearRow.equal("out_\(i + 1)", columns: others.map { index(i, $0) }, 1),
                    LinearRow.equal("in_\(i + 1)", columns: others.map { index($0, i) }, 1)]
        }
        let leaving = instance.customers.map { index(depot, $0) }
        let entering = instance.customers.map { index($0, depot) }
        rows.append(LinearRow(name: "fleet", terms: leaving.map { ($0, 1) }, lower: Double(instance.minimumRoutes),
                              upper: instance.vehicleLimit.map(Double.init)))
        rows.append(LinearRow(name: "depot_balance", terms: leaving.map { ($0, 1) } + entering.map { ($0, -1) },
                              lower: 0, upper: 0))
        return rows
    }

    func separate(_ values: [Double], integral: Bool, tolerance: Double) -> [LinearRow] {
        CapacitySeparation(instance: instance)
            .rows(in: SupportGraph(arcValues: values, index: index), columnsInside: index.inside, tolerance: tolerance, integral: integral)
    }

    func solution(from values: [Double]) -> Solution? {
        let depot = instance.depot
        var routes: [[Int]] = []
        var visited = [Bool](repeating: false, count: index.nodes)
        for (column, (i, j)) in index.endpoints.enumerated() where i == depot && values[column] > 0.5 {
            var route: [Int] = [], current = j
            while current != depot {
                guard !visited[current] else { return nil }
                visited[current] = true
                route.append(current)
                guard let next = (0..<index.nodes).first(where: { $0 != current && values[index(current, $0)] > 0.5 }) else {
                    return nil
                }
                current = next
            }
            routes.append(route)
        }
        guard instance.customers.allSatisfy({ visited[$0] }) else { return nil }
        return .routes(routes)
    }

    func columnValues(of solution: Solution) -> [Double]? {
        index.routeValues(solution, depot: instance.depot, maximum: 1)
    }
}
