import Testing
@testable import Benchmarking

@Suite struct BenchStatisticsTests {
    /// Mean, median and max over the solved rows' gaps; times over solved rows; outcomes counted.
    @Test func figures() {
        var rows = [1.0, 3.0, 2.0, 6.0].enumerated().map { index, gap in
            var row = BenchReferencesTests.row("i\(index)", "m", 100, index == 0 ? .optimal : .feasible)
            row.gapPercent = gap
            row.seconds = Double(index + 1)
            return row
        }
        rows.append(BenchReferencesTests.row("x", "m", nil, .unsupported))
        rows.append(BenchReferencesTests.row("y", "m", nil, .failed))
        let statistics = BenchStatistics(rows: rows)
        #expect(statistics.instances == 6 && statistics.solved == 4 && statistics.provenOptimal == 1)
        #expect(statistics.unsupported == 1 && statistics.failed == 1)
        #expect(statistics.meanGap == 3 && statistics.medianGap == 2.5 && statistics.maxGap == 6)
        #expect(statistics.meanSeconds == 2.5)
        #expect(BenchStatistics(rows: Array(rows.prefix(3))).medianGap == 2)
        #expect(BenchStatistics(rows: []).meanGap == nil)
    }
}
