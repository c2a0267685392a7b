import RoutingCore
import RoutingIO
import Testing
@testable import Benchmarking

@Suite struct BenchReferencesTests {
    static func row(_ instance: String, _ method: String, _ cost: Cost?, _ outcome: BenchRow.Outcome = .feasible) -> BenchRow {
        BenchRow(instance: instance, problem: .tsp, dimension: 10, method: method, cost: cost, outcome: outcome, seconds: 1)
    }

    static let optimum = OptimaTable.Entry(name: "a", problem: "tsp", dimension: 10, bestKnown: 100, isOptimal: true, source: "")
    static let bestKnown = OptimaTable.Entry(name: "a", problem: "tsp", dimension: 10, bestKnown: 100, isOptimal: false, source: "")

    /// A proven optimum from the run beats optima.csv, which beats the best cost found; the kind says which.
    @Test func order() {
        let rows = [Self.row("a", "exact", 98, .optimal), Self.row("a", "heuristic", 99)]
        #expect(BenchReferences.reference(for: rows, optima: Self.optimum)! == (98, .proven))
        #expect(BenchReferences.reference(for: [rows[1]], optima: Self.optimum)! == (100, .optimaOptimal))
        #expect(BenchReferences.reference(for: [rows[1]], optima: Self.bestKnown)! == (100, .optimaBestKnown))
        #expect(BenchReferences.reference(for: [rows[1], Self.row("a", "policy", 120)], optima: nil)! == (99, .bestFound))
        #expect(BenchReferences.reference(for: [Self.row("a", "policy", nil, .failed)], optima: nil) == nil)
    }

    /// Gaps are computed per instance against that instance's reference; below a best-known value
    /// the gap is negative; rows without a cost have none.
    @Test func resolve() {
        let rows = [Self.row("a", "heuristic", 99), Self.row("a", "policy", 110), Self.row("b", "heuristic", 50),
                    Self.row("b", "policy", 60), Self.row("b", "exact", nil, .failed)]
        let resolved = BenchReferences.resolve(rows) { name, _, _ in name == "a" ? Self.bestKnown : nil }
        #expect(resolved.map(\.gapPercent) == [-1, 10, 0, 20, nil])
        #expect(resolved.map(\.referenceKind) == [.optimaBestKnown, .optimaBestKnown, .bestFound, .bestFound, .bestFound])
        #expect(resolved.map(\.reference) == [100, 100, 50, 50, 50])
    }

    /// A zero reference gives gap 0 for cost 0 and none otherwise.
    @Test func zeroReference() {
        #expect(BenchReferences.gapPercent(of: 0, to: 0) == 0)
        #expect(BenchReferences.gapPercent(of: 5, to: 0) == nil)
        #expect(BenchReferences.gapPercent(of: 105, to: 100) == 5)
    }
}
