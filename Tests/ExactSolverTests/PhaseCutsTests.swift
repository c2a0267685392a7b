import Testing
@testable import ExactSolver

struct PhaseCutsTests {
    /// Two heavy pairs joined by a light edge: the lightest phase cut is the global minimum cut
    /// (weight 0.5, separating {0, 1} from {2, 3}), and every phase cut's weight is its set's crossing.
    @Test func findsGlobalMinimumCut() {
        var graph = SupportGraph(nodes: 4)
        graph.add(3, between: 0, and: 1)
        graph.add(3, between: 2, and: 3)
        graph.add(0.5, between: 1, and: 2)
        let cuts = PhaseCuts.all(in: graph)
        #expect(cuts.count == 3)
        let lightest = cuts.min { $0.weight < $1.weight }!
        #expect(lightest.weight == 0.5)
        #expect(Set(lightest.nodes) == [0, 1] || Set(lightest.nodes) == [2, 3])
        for cut in cuts { #expect(abs(cut.weight - graph.crossing(cut.nodes)) < 1e-12) }
    }

    /// On random graphs the lightest phase cut equals the brute-force minimum over all node subsets.
    @Test func matchesBruteForceMinimumCut() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<30 {
            let n = Int.random(in: 2...7, using: &rng)
            var graph = SupportGraph(nodes: n)
            for i in 0..<n { for j in (i + 1)..<max(i + 1, n) where Bool.random(using: &rng) {
                graph.add(Double(Int.random(in: 1...9, using: &rng)) / 4, between: i, and: j)
            } }
            var best = Double.infinity
            for mask in 1..<(1 << n) - 1 {
                best = min(best, graph.crossing((0..<n).filter { mask & (1 << $0) != 0 }))
            }
            #expect(abs(PhaseCuts.all(in: graph).map(\.weight).min()! - best) < 1e-9)
        }
    }
}
