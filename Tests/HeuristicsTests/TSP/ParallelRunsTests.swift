@testable import Heuristics
import Testing

@Suite struct ParallelRunsTests {
    /// Results come back in job order for one and for several jobs.
    @Test func keepsJobOrder() {
        #expect(ParallelRuns.run(1) { $0 * 10 } == [0])
        #expect(ParallelRuns.run(4) { index in (0...(index * 1000)).reduce(0, +) } == [0, 500_500, 2_001_000, 4_501_500])
    }
}
