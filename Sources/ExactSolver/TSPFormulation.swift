import RoutingCore

/// Symmetric TSP: one binary column per edge, degree 2 at every node, subtour elimination
/// `x(E(S)) ≤ |S| − 1` separated on demand (``SubtourSeparation``), and, on fractional solutions that
/// violate none, blossom inequalities (``BlossomSeparation``). Needs at least 3 nodes.
struct TSPFormulation: Formulation {
    let instance: Instance
    var index: EdgeIndex { EdgeIndex(nodes: instance.dimension) }

    var columns: [ModelColumn] { index.costColumns(instance.distances) }

    var initialRows: [LinearRow] {
        (0..<index.nodes).map { i in
            LinearRow.equal("deg_\(i + 1)", columns: (0..<index.nodes).filter { $0 != i }.map { index(i, $0) }, 2)
        }
    }

    func separate(_ values: [Double], integral: Bool, tolerance: Double) -> [LinearRow] {
        let graph = SupportGraph(edgeValues: values, index: index)
        let subtours = SubtourSeparation.violatedSets(in: graph, tolerance: tolerance, integral: integral).map { set in
            LinearRow.atMost("sec_\(set.count)", columns: index.inside(set), Double(set.count - 1))
        }
        guard subtours.isEmpty, !integral else { return subtours }
        return BlossomSeparation.violated(in: graph, tolerance: tolerance).map { blossom in
            LinearRow.atMost("blossom_\(blossom.handle.count)_\(blossom.teeth.count)",
                             columns: index.inside(blossom.handle) + blossom.teeth.map { index($0.0, $0.1) }, blossom.limit)
        }
    }

    func solution(from values: [Double]) -> Solution? {
        var neighbours = [[Int]](repeating: [], count: index.nodes)
        for (column, (i, j)) in index.endpoints.enumerated() where values[column] > 0.5 {
            neighbours[i].append(j)
            neighbours[j].append(i)
        }
        guard neighbours.allSatisfy({ $0.count == 2 }) else { return nil }
        var tour = [0], previous = 0, current = neighbours[0][0]
        while current != 0 && tour.count <= index.nodes {
            tour.append(current)
            let next = neighbours[current][0] == previous ? neighbours[current][1] : neighbours[current][0]
            previous = current
            current = next
        }
        return tour.count == index.nodes ? .tour(tour) : nil
    }

    func columnValues(of solution: Solution) -> [Double]? { index.tourValues(solution) }
}
