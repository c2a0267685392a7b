@testable import Heuristics
import RoutingTestSupport
import Testing

@Suite struct CandidateListsTests {
    /// Asymmetric lists hold the cheapest out-arcs and in-arcs, cheapest first, never the node itself.
    @Test func directedListsAreSorted() {
        let instance = RandomInstances.randomATSP(20, seed: 9, maxCost: 1000)
        let d = instance.distances
        let lists = CandidateLists(distances: d, k: 5, symmetric: false)
        #expect(lists.k == 5)
        for v in 0..<20 {
            let out = (0..<5).map { Int(lists.outgoing[v * 5 + $0]) }
            let into = (0..<5).map { Int(lists.incoming[v * 5 + $0]) }
            #expect(!out.contains(v) && !into.contains(v))
            #expect(out.map { d[v, $0] } == (0..<20).filter { $0 != v }.map { d[v, $0] }.sorted().prefix(5).map { $0 })
            #expect(into.map { d[$0, v] } == (0..<20).filter { $0 != v }.map { d[$0, v] }.sorted().prefix(5).map { $0 })
        }
    }

    /// Symmetric lists use the same nearest-neighbour order in both directions, capped at n − 1.
    @Test func symmetricListsMatch() {
        let lists = CandidateLists(distances: RandomInstances.euclideanTSP(6, seed: 2).distances, k: 10, symmetric: true)
        #expect(lists.k == 5)
        #expect(lists.outgoing == lists.incoming)
    }
}
