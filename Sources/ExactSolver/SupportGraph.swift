/// The support graph of an LP solution: an undirected graph on the instance's nodes whose edge weight
/// is the LP value on that edge (for arc models, `x(i,j) + x(j,i)`).
///
/// With every node of degree 2 (a tour, or customers of a vehicle-routing model), the weight crossing a
/// node set `S`, `w(δ(S))`, is what subtour and capacity inequalities bound from below.
struct SupportGraph: Sendable {
    /// Number of nodes.
    let nodes: Int
    /// Row-major symmetric weights; the diagonal is zero.
    private(set) var weights: [Double]

    /// An edgeless graph on `nodes` nodes.
    init(nodes: Int) {
        self.nodes = nodes
        self.weights = [Double](repeating: 0, count: nodes * nodes)
    }

    /// The graph of edge values of a symmetric model.
    init(edgeValues values: [Double], index: EdgeIndex) {
        self.init(nodes: index.nodes)
        for (column, (i, j)) in index.endpoints.enumerated() { add(values[column], between: i, and: j) }
    }

    /// The graph of arc values of an asymmetric model, both directions summed.
    init(arcValues values: [Double], index: ArcIndex) {
        self.init(nodes: index.nodes)
        for (column, (i, j)) in index.endpoints.enumerated() { add(values[column], between: i, and: j) }
    }

    /// Adds `weight` to the edge `{i, j}`.
    mutating func add(_ weight: Double, between i: Int, and j: Int) {
        guard weight != 0 else { return }
        weights[i * nodes + j] += weight
        weights[j * nodes + i] += weight
    }

    /// The weight of edge `{i, j}`.
    subscript(i: Int, j: Int) -> Double { weights[i * nodes + j] }

    /// The weight crossing between `set` and the other nodes.
    func crossing(_ set: [Int]) -> Double {
        var inside = [Bool](repeating: false, count: nodes)
        for node in set { inside[node] = true }
        var total = 0.0
        for i in set { for j in 0..<nodes where !inside[j] { total += weights[i * nodes + j] } }
        return total
    }

    /// The connected components over edges heavier than `threshold`, among the nodes `members`
    /// (every node when `nil`); each component lists its nodes in increasing order.
    func components(above threshold: Double = 1e-9, among members: [Int]? = nil) -> [[Int]] {
        var included = [Bool](repeating: members == nil, count: nodes)
        for node in members ?? [] { included[node] = true }
        var label = [Int](repeating: -1, count: nodes)
        var result: [[Int]] = []
        for start in 0..<nodes where included[start] && label[start] < 0 {
            var component = [start], stack = [start]
            label[start] = result.count
            while let node = stack.popLast() {
                for next in 0..<nodes where included[next] && label[next] < 0 && weights[node * nodes + next] > threshold {
                    label[next] = result.count
                    component.append(next)
                    stack.append(next)
                }
            }
            result.append(component.sorted())
        }
        return result
    }
}
