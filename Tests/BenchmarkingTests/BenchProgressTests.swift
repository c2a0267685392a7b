import Testing
@testable import Benchmarking

@Suite struct BenchProgressTests {
    /// The progress line names the row, its cost and gap (or its status and, for a failure, the reason) and the time.
    @Test func lines() {
        var row = BenchRowTests.solved
        row.gapPercent = 0.4695
        #expect(BenchProgress(finished: 3, total: 10, resumed: 0, row: row, elapsed: 62).line
                    == "[3/10] eil51 heuristic:time=1 cost 428 (0.47 %) · 1:02 elapsed")
        #expect(BenchProgress(finished: 4, total: 10, resumed: 0, row: BenchRowTests.failed, elapsed: 5).line
                    == "[4/10] br17 policy unsupported · 0:05 elapsed")
        var failed = BenchRowTests.failed
        failed.outcome = .failed
        #expect(BenchProgress(finished: 5, total: 10, resumed: 2, row: failed, elapsed: 5).line
                    .hasPrefix("[5/10] br17 policy failed: br17: the policy needs"))
    }
}
