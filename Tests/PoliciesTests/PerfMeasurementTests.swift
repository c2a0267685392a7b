import Foundation
import Testing
@testable import Policies

@Suite struct PerfMeasurementTests {
    /// The JSON line is one compact object with exactly the documented keys and numeric values.
    @Test func jsonLineShape() throws {
        let line = PerfMeasurement(workload: "am-train-tsp20-b512", instancesPerSecond: 1234.5,
                                   millisecondsPerCall: 414.75).jsonLine
        #expect(!line.contains("\n") && !line.contains(" "))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["workload", "instances_per_second", "ms_per_call"])
        #expect(object["workload"] as? String == "am-train-tsp20-b512")
        #expect((object["instances_per_second"] as? Double).map { abs($0 - 1234.5) < 1e-9 } == true)
        #expect((object["ms_per_call"] as? Double).map { abs($0 - 414.75) < 1e-9 } == true)
    }

    /// The workload list is exactly the eight names, and unknown names are not found.
    @Test func workloadNames() {
        #expect(PerfWorkload.names == ["am-train-tsp20-b512", "am-train-tsp50-b512", "am-train-tsp100-b128",
                                       "am-train-cvrp50-b512", "pomo-train-tsp20-b64", "pomo-train-tsp50-b64",
                                       "am-greedy-tsp100-b1024", "am-greedy-tsp100-b1"])
        #expect(PerfWorkload.named("am-train-tsp30-b512") == nil)
        #expect(PerfWorkload.named("am-greedy-tsp100-b1")?.instancesPerCall == 1)
    }
}
