import RoutingCore
import Testing
@testable import Benchmarking

@Suite struct BenchRowTests {
    static let solved = BenchRow(instance: "eil51", problem: .tsp, dimension: 51, method: "heuristic:time=1", cost: 428,
                                 outcome: .feasible, seconds: 1.0004, gapPercent: 0.469483, reference: 426,
                                 referenceKind: .optimaOptimal)
    static let failed = BenchRow(instance: "br17", problem: .atsp, dimension: 17, method: "policy", cost: nil,
                                 outcome: .unsupported, seconds: 0,
                                 note: "br17: the policy needs \"coordinates\",\nuse --method heuristic")

    /// Fields come out in header order; absent values are empty; seconds and gaps are rounded.
    @Test func fields() {
        #expect(Self.solved.fields == ["eil51", "tsp", "51", "heuristic:time=1", "428", "feasible", "", "1.000", "0.4695",
                                       "426", "optima.csv:optimal", ""])
        #expect(BenchRow.columns.count == Self.solved.fields.count)
        #expect(Array(BenchRow.columns.prefix(11)) == ["instance", "problem", "dimension", "method", "cost", "status", "bound",
                                                       "seconds", "gap_percent", "reference", "reference_kind"])
    }

    /// A note with a comma, quotes and a line break is quoted so the line stays one CSV record.
    @Test func quoting() {
        #expect(Self.failed.csvLine.hasSuffix(",\"br17: the policy needs \"\"coordinates\"\",\nuse --method heuristic\""))
        #expect(BenchRow.quoted("plain") == "plain")
    }

    /// Parsing the fields gives the row back (to the written precision); a row claiming a solution
    /// without a cost, or with an unknown status, does not parse.
    @Test func roundTrip() {
        var expected = Self.solved
        expected.seconds = 1.0
        expected.gapPercent = 0.4695
        #expect(BenchRow(fields: Self.solved.fields) == expected)
        #expect(BenchRow(fields: Self.failed.fields) == Self.failed)
        var noCost = Self.solved.fields
        noCost[4] = ""
        #expect(BenchRow(fields: noCost) == nil)
        var badStatus = Self.solved.fields
        badStatus[5] = "great"
        #expect(BenchRow(fields: badStatus) == nil)
        #expect(BenchRow(fields: Array(Self.solved.fields.prefix(5))) == nil)
    }
}
