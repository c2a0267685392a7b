import Foundation
import Testing

@Suite struct PerfCommandTests {
    /// An unknown workload is a usage error: exit code 2 and a message naming it and the known ones.
    @Test func unknownWorkloadIsUsageError() throws {
        let output = try CommandRunner.run(["perf", "--workload", "am-train-tsp7-b3", "--json"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("am-train-tsp7-b3") && output.stderr.contains("am-train-tsp20-b512"))
        #expect(output.stdout.isEmpty)
    }
}
