import Testing
@testable import ExactSolver

struct SupportGraphTests {
    /// Two triangles joined by nothing: two components, each with crossing weight 0; arc values are
    /// summed over both directions.
    @Test func componentsAndCrossing() {
        let index = EdgeIndex(nodes: 6)
        var values = [Double](repeating: 0, count: index.count)
        for (i, j) in [(0, 1), (1, 2), (0, 2), (3, 4), (4, 5), (3, 5)] { values[index(i, j)] = 1 }
        let graph = SupportGraph(edgeValues: values, index: index)
        #expect(graph.components() == [[0, 1, 2], [3, 4, 5]])
        #expect(graph.crossing([0, 1, 2]) == 0)
        #expect(graph.crossing([0, 1]) == 2)
        #expect(graph.components(among: [1, 2, 4]) == [[1, 2], [4]])
        let arcs = ArcIndex(nodes: 3)
        var arcValues = [Double](repeating: 0, count: arcs.count)
        arcValues[arcs(0, 1)] = 0.25
        arcValues[arcs(1, 0)] = 0.5
        #expect(SupportGraph(arcValues: arcValues, index: arcs)[1, 0] == 0.75)
    }
}
