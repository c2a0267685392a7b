import RoutingCore
import Testing
@testable import Benchmarking

@Suite struct BenchConfigurationTests {
    /// Parallel jobs share the threads, at least one each; the output files sit in the output folder.
    @Test func threadsAndPaths() {
        let limits = SolveLimits(timeLimit: 1, threads: 2)
        #expect(BenchConfiguration(instances: [], methods: [], limits: limits, jobs: 1, output: "o").effectiveLimits.threads == 2)
        #expect(BenchConfiguration(instances: [], methods: [], limits: limits, jobs: 2, output: "o").effectiveLimits.threads == 1)
        #expect(BenchConfiguration(instances: [], methods: [], limits: limits, jobs: 3, output: "o").effectiveLimits.threads == 1)
        let configuration = BenchConfiguration(instances: [], methods: [], jobs: 0, output: "out")
        #expect(configuration.jobs == 1)
        #expect(configuration.resultsPath == "out/results.csv" && configuration.summaryPath == "out/summary.md")
        #expect(configuration.solutionsFolder == "out/solutions")
    }
}
