import Foundation
import RoutingCore
import Testing
@testable import Benchmarking

@Suite struct BenchSummaryTests {
    static func outcome() -> BenchOutcome {
        var rows: [BenchRow] = []
        for (instance, costs) in [("a", [100, 102]), ("b", [50, 50])] {
            for (method, cost) in zip(["exact", "heuristic"], costs) {
                var row = BenchReferencesTests.row(instance, method, Cost(cost), method == "exact" ? .optimal : .feasible)
                row.reference = Cost(costs[0])
                row.referenceKind = .proven
                row.gapPercent = BenchReferences.gapPercent(of: Cost(cost), to: Cost(costs[0]))
                rows.append(row)
            }
        }
        return BenchOutcome(rows: rows, methods: ["exact", "heuristic"], complete: true)
    }

    static func configuration(jobs: Int) -> BenchConfiguration {
        BenchConfiguration(instances: [], methods: [], limits: SolveLimits(timeLimit: 1.5, seed: 3, threads: 2), jobs: jobs,
                           output: "/tmp/x", commandLine: "routeopt bench x --methods exact,heuristic")
    }

    static let machine = MachineDescription(processor: "Test CPU", cores: 2, memoryGiB: 24, loadAverage: 1.25)

    /// The group table has the statistics of each method; the per-instance table marks proven optima;
    /// the command, the machine and the timing conditions are stated.
    @Test func tables() {
        let text = BenchSummary(outcome: Self.outcome(), configuration: Self.configuration(jobs: 1), machine: Self.machine,
                                plots: [("gap-vs-time.svg", "Gap against time")]).markdown
        #expect(text.contains("```sh\nrouteopt bench x --methods exact,heuristic\n```"))
        #expect(text.contains("2 cores (Test CPU), 24 GiB, 1-minute load average 1.25"))
        #expect(text.contains("One instance at a time, 2 solver threads."))
        #expect(text.contains("References: 2 proven."))
        #expect(text.contains("| exact | 2 | 2 | 2 | 0.00 | 0.00 | 0.00 | 1.000 |"))
        #expect(text.contains("| heuristic | 2 | 2 | 0 | 1.00 | 1.00 | 2.00 | 1.000 |"))
        #expect(text.contains("| a | 100 (proven) | 100 ✓ (0.00 %, 1.00 s) | 102 (2.00 %, 1.00 s) |"))
        #expect(text.contains("![Gap against time](gap-vs-time.svg)"))
    }

    /// With parallel jobs the summary says timings were taken in parallel, with the threads each job had.
    @Test func parallelNote() {
        let text = BenchSummary(outcome: Self.outcome(), configuration: Self.configuration(jobs: 2), machine: Self.machine).markdown
        #expect(text.contains("Timings were taken with 2 instances solved in parallel (1 solver thread each)"))
    }
}
