import RoutingCore

/// Symmetric CVRP, two-index model: one column per edge, integer in {0, 1} between customers and in
/// {0, 1, 2} at the depot (2 is a route serving one customer), degree 2 at every customer, depot degree
/// between `2⌈d(V)/Q⌉` and twice the vehicle limit (no upper end for an unlimited fleet), and rounded
/// capacity inequalities `x(E(S)) ≤ |S| − ⌈d(S)/Q⌉` separated on demand (``CapacitySeparation``).
struct CVRPFormulation: Formulation {
    let instance: Instance
    var index: EdgeIndex { EdgeIndex(nodes: instance.dimension) }

    var columns: [ModelColumn] {
        let depot = instance.depot
        return index.costColumns(instance.distances) { i, j in i == depot || j == depot ? 2 : 1 }
    }

    var initialRows: [LinearRow] {
        let n = index.nodes, depot = instance.depot
        var rows = instance.customers.map { i in
            LinearRow.equal("deg_\(i + 1)", columns: (0..<n).filter { $0 != i }.map { index(i, $0) }, 2)
        }
        let atDepot = instance.customers.map { index(depot, $0) }
        rows.append(LinearRow(name: "fleet", terms: atDepot.map { ($0, 1) }, lower: Double(2 * instance.minimumRoutes),
                              upper: instance.vehicleLimit.map { Double(2 * $0) }))
        return rows
    }

    func separate(_ values: [Double], integral: Bool, tolerance: Double) -> [LinearRow] {
        CapacitySeparation(instance: instance)
            .rows(in: SupportGraph(edgeValues: values, index: index), columnsInside: index.inside, tolerance: tolerance, integral: integral)
    }

    func solution(from values: [Double]) -> Solution? {
        let n = index.nodes, depot = instance.depot
        var neighbours = [[Int]](repeating: [], count: n)
        for (column, (i, j)) in index.endpoints.enumerated() {
            let times = Int(values[column].rounded())
            guard times > 0 else { continue }
            for _ in 0..<times { neighbours[i].append(j); neighbours[j].append(i) }
        }
        var visited = [Bool](repeating: false, count: n)
        var routes: [[Int]] = []
        for start in neighbours[depot] where !visited[start] {
            var route = [start], previous = depot, current = start
            visited[start] = true
            while true {
                var links = neighbours[current]
                guard links.count == 2, let back = links.firstIndex(of: previous) else { return nil }
                links.remove(at: back)
                let next = links[0]
                if next == depot { break }
                guard !visited[next] else { return nil }
                visited[next] = true
                route.append(next)
                previous = current
                current = next
            }
            routes.append(route)
        }
        guard instance.customers.allSatisfy({ visited[$0] }) else { return nil }
        return .routes(routes)
    }

    func columnValues(of solution: Solution) -> [Double]? {
        index.routeValues(solution, depot: instance.depot, maximum: 2)
    }
}
