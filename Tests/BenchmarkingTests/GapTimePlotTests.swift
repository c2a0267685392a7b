import Testing
@testable import Benchmarking

@Suite struct GapTimePlotTests {
    /// The gap plot draws one marker per solved row plus a mean marker per method, and a legend entry each.
    @Test func gapTime() {
        let outcome = BenchSummaryTests.outcome()
        let plot = GapTimePlot(rows: outcome.rows, methods: outcome.methods)
        #expect(plot.points.count == 4)
        let svg = plot.svg
        #expect(BenchFixtures.isWellFormedSVG(svg))
        #expect(svg.contains(">exact (0.00 %)</text>") && svg.contains(">heuristic (1.00 %)</text>"))
        #expect(svg.contains("gap to proven (2)"))
    }
}
