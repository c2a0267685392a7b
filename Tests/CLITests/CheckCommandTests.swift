import Foundation
import Testing

@Suite struct CheckCommandTests {
    /// A `.sol` whose routes are feasible but whose `Cost` line misstates their cost fails with exit 1,
    /// naming the file and the line of the claim; the reference solution passes at its cost.
    @Test func rejectsMisstatedCost() throws {
        let reference = try String(contentsOf: CommandRunner.repositoryRoot.appendingPathComponent("instances/A-n32-k5.sol"), encoding: .utf8)
        let pass = try CommandRunner.run(["check", "instances/A-n32-k5.vrp", "instances/A-n32-k5.sol"])
        #expect(pass.status == 0)
        #expect(pass.stdout.hasPrefix("cost=784 feasible"))
        let directory = try CommandRunner.temporaryDirectory()
        let wrong = directory.appendingPathComponent("wrong.sol")
        try reference.replacingOccurrences(of: "Cost 784", with: "Cost 700").write(to: wrong, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["check", "instances/A-n32-k5.vrp", wrong.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("wrong.sol:6"))
        #expect(run.stderr.contains("claims cost 700"))
    }

    /// A huge `--iterations` is accepted and bounded by the time limit, not an arithmetic crash.
    @Test func hugeIterationCount() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.run(["solve", "instances/burma14.tsp", "--iterations", "9223372036854775807",
                                         "--time-limit", "0.3", "--output", directory.appendingPathComponent("b.tour").path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
    }
}
