import RoutingCore

/// Column numbers of the edges `{i, j}` (`i ≠ j`) of a complete undirected graph on `nodes` nodes,
/// in the order (0,1), (0,2), …, (0,n−1), (1,2), …
struct EdgeIndex: PairIndex {
    let nodes: Int

    /// Number of edges, `n(n−1)/2`.
    var count: Int { nodes * (nodes - 1) / 2 }

    /// The column of edge `{i, j}`.
    func callAsFunction(_ i: Int, _ j: Int) -> Int {
        let (a, b) = i < j ? (i, j) : (j, i)
        return a * (2 * nodes - a - 1) / 2 + (b - a - 1)
    }

    /// The end points of every edge, in column order.
    var endpoints: [(Int, Int)] {
        var result: [(Int, Int)] = []
        result.reserveCapacity(count)
        for i in 0..<nodes { for j in (i + 1)..<max(i + 1, nodes) { result.append((i, j)) } }
        return result
    }

    /// The columns of the edges with both ends in `set`.
    func inside(_ set: [Int]) -> [Int] {
        var result: [Int] = []
        for (k, i) in set.enumerated() { for j in set[(k + 1)...] { result.append(self(i, j)) } }
        return result
    }
}

/// Column numbers of the arcs `(i, j)` (`i ≠ j`) of a complete directed graph on `nodes` nodes, row by
/// row: (0,1), (0,2), …, (1,0), (1,2), …
struct ArcIndex: PairIndex {
    let nodes: Int

    /// Number of arcs, `n(n−1)`.
    var count: Int { nodes * (nodes - 1) }

    /// The column of arc `(i, j)`.
    func callAsFunction(_ i: Int, _ j: Int) -> Int {
        i * (nodes - 1) + (j < i ? j : j - 1)
    }

    /// The tail and head of every arc, in column order.
    var endpoints: [(Int, Int)] {
        var result: [(Int, Int)] = []
        result.reserveCapacity(count)
        for i in 0..<nodes { for j in 0..<nodes where j != i { result.append((i, j)) } }
        return result
    }

    /// The columns of the arcs with both ends in `set`.
    func inside(_ set: [Int]) -> [Int] {
        var result: [Int] = []
        for i in set { for j in set where j != i { result.append(self(i, j)) } }
        return result
    }
}

/// Column numbering of node pairs shared by the edge (symmetric) and arc (asymmetric) models.
protocol PairIndex: Sendable {
    /// Number of nodes.
    var nodes: Int { get }
    /// Number of columns.
    var count: Int { get }
    /// The column of the pair `(i, j)`.
    func callAsFunction(_ i: Int, _ j: Int) -> Int
    /// The pairs in column order.
    var endpoints: [(Int, Int)] { get }
}

extension PairIndex {
    /// One column per pair, costed from `distances`, named `x_i_j` with 1-based node numbers.
    func costColumns(_ distances: DistanceMatrix, upper: (Int, Int) -> Double = { _, _ in 1 }) -> [ModelColumn] {
        endpoints.map { i, j in ModelColumn(name: "x_\(i + 1)_\(j + 1)", cost: Double(distances[i, j]), upper: upper(i, j)) }
    }

    /// The column values of a tour visiting every node, or `nil` for anything else.
    func tourValues(_ solution: Solution) -> [Double]? {
        guard let tour = solution.tour, tour.count == nodes else { return nil }
        var values = [Double](repeating: 0, count: count)
        for (k, node) in tour.enumerated() { values[self(node, tour[(k + 1) % tour.count])] = 1 }
        return values
    }

    /// The column values of depot-to-depot routes, or `nil` for a tour or a column used more than
    /// `maximum` times.
    func routeValues(_ solution: Solution, depot: Int, maximum: Double) -> [Double]? {
        guard let routes = solution.routes else { return nil }
        var values = [Double](repeating: 0, count: count)
        for route in routes where !route.isEmpty {
            let stops = [depot] + route + [depot]
            for k in 0..<(stops.count - 1) { values[self(stops[k], stops[k + 1])] += 1 }
        }
        return values.allSatisfy { $0 <= maximum } ? values : nil
    }
}
