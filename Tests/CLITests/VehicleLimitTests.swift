import Foundation
import Testing

@Suite struct VehicleLimitTests {
    /// `--vehicles name` applies the classic fixed fleet of an A/B/E/P name: E-n30-k3 then uses at most 3
    /// routes (its listed optimum 534 assumes that), while the default unlimited fleet may use more.
    @Test func fleetFromName() throws {
        let instance = CommandRunner.sharedInstances.appendingPathComponent("cvrp/E-n30-k3.vrp").path
        guard FileManager.default.fileExists(atPath: instance) else { return }
        let directory = try CommandRunner.temporaryDirectory()
        let output = directory.appendingPathComponent("e.sol").path
        let run = try CommandRunner.run(["solve", instance, "--vehicles", "name", "--time-limit", "1", "--output", output])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let routes = try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("Route") }
        #expect(routes.count <= 3)
        let tooFew = try CommandRunner.run(["solve", instance, "--vehicles", "1", "--time-limit", "1"])
        #expect(tooFew.status == 1)
        #expect(tooFew.stderr.contains("E-n30-k3.vrp"))
    }
}
