import Testing
@testable import ExactSolver

struct EdgeIndexTests {
    /// Edge and arc columns are numbered densely, in the documented order, and `inside` lists exactly the
    /// pairs within a set.
    @Test func numbersPairsDenselyInOrder() {
        let edges = EdgeIndex(nodes: 5)
        #expect(edges.endpoints.enumerated().allSatisfy { column, pair in edges(pair.0, pair.1) == column && edges(pair.1, pair.0) == column })
        #expect(edges.count == 10)
        #expect(Set(edges.inside([1, 3, 4])) == Set([edges(1, 3), edges(1, 4), edges(3, 4)]))
        let arcs = ArcIndex(nodes: 4)
        #expect(arcs.endpoints.enumerated().allSatisfy { column, pair in arcs(pair.0, pair.1) == column })
        #expect(arcs.count == 12)
        #expect(Set(arcs.inside([0, 2])) == Set([arcs(0, 2), arcs(2, 0)]))
    }
}
