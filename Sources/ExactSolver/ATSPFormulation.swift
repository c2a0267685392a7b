import RoutingCore

/// Asymmetric TSP: one binary column per arc, one arc out of and one into every node, DFJ subtour
/// elimination `x(A(S)) ≤ |S| − 1` separated on the symmetrised support graph
/// (``SubtourSeparation``; with the degree rows `x(δ⁺(S)) = x(δ⁻(S))`, so `w(δ(S)) < 2` is exactly a
/// violated DFJ inequality). Needs at least 2 nodes.
struct ATSPFormulation: Formulation {
    let instance: Instance
    var index: ArcIndex { ArcIndex(nodes: instance.dimension) }

    var columns: [ModelColumn] { index.costColumns(instance.distances) }

    var initialRows: [LinearRow] {
        let n = index.nodes
        return (0..<n).flatMap { i in
            let others = (0..<n).filter { $0 != i }
            return [LinearRow.equal("out_\(i + 1)", columns: others.map { index(i, $0) }, 1),
                    LinearRow.equal("in_\(i + 1)", columns: others.map { index($0, i) }, 1)]
        }
    }

    func separate(_ values: [Double], integral: Bool, tolerance: Double) -> [LinearRow] {
        let graph = SupportGraph(arcValues: values, index: index)
        return SubtourSeparation.violatedSets(in: graph, tolerance: tolerance, integral: integral).map { set in
            LinearRow.atMost("dfj_\(set.count)", columns: index.inside(set), Double(set.count - 1))
        }
    }

    func solution(from values: [Double]) -> Solution? {
        guard let successor = Successors(arcValues: values, index: index) else { return nil }
        let cycle = successor.walk(from: 0)
        return cycle.count == index.nodes ? .tour(cycle) : nil
    }

    func columnValues(of solution: Solution) -> [Double]? { index.tourValues(solution) }
}

/// The successor of every node in integral arc values (each node has one outgoing arc at value 1).
struct Successors {
    /// `next[i]` is the head of the arc leaving `i`, or −1 when none does.
    private(set) var next: [Int]

    /// `nil` when a node has more than one outgoing arc.
    init?(arcValues values: [Double], index: ArcIndex) {
        next = [Int](repeating: -1, count: index.nodes)
        for (column, (i, j)) in index.endpoints.enumerated() where values[column] > 0.5 {
            guard next[i] < 0 else { return nil }
            next[i] = j
        }
    }

    /// The nodes met following successors from `start` until `start` comes back (or a dead end).
    func walk(from start: Int) -> [Int] {
        var cycle = [start], current = next[start]
        while current >= 0 && current != start && cycle.count <= next.count {
            cycle.append(current)
            current = next[current]
        }
        return cycle
    }
}
