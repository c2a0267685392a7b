import Foundation
import Testing

@Suite(.serialized) struct SolveExactCommandTests {
    /// Runs `solve ARGUMENTS --json --output FILE` and returns the exit status, the JSON object of the last
    /// stdout line, stderr and the output path.
    static func solveJSON(_ arguments: [String]) throws -> (status: Int32, object: [String: Any], stderr: String, output: String) {
        let output = try CommandRunner.temporaryDirectory().appendingPathComponent("answer").path
        let run = try CommandRunner.run(["solve"] + arguments + ["--json", "--output", output])
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let object = (try? JSONSerialization.jsonObject(with: Data(last.utf8))) as? [String: Any] ?? [:]
        return (run.status, object, run.stderr, output)
    }

    /// `--method exact` proves the optimum of a TSP, an ATSP and a CVRP file: status optimal, bound equal to
    /// the cost, gap 0, and the written file passes both checkers at that cost.
    @Test(arguments: [("instances/burma14.tsp", 3323), ("instances/br17.atsp", 39), ("instances/E-n13-k4.vrp", 247)])
    func provesOptimum(instance: String, optimum: Int) throws {
        let run = try Self.solveJSON([instance, "--method", "exact", "--time-limit", "60"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.object["cost"] as? Int == optimum)
        #expect(run.object["status"] as? String == "optimal")
        #expect(run.object["bound"] as? Int == optimum)
        #expect(run.object["gap"] as? Double == 0)
        #expect(run.object["method"] as? String == "exact")
        if let checked = try CommandRunner.routecheck(instance: CommandRunner.repositoryRoot.appendingPathComponent(instance).path,
                                                      solution: run.output) {
            #expect(checked == "cost=\(optimum) feasible")
        }
        let check = try CommandRunner.run(["check", instance, run.output])
        #expect(check.stdout.hasPrefix("cost=\(optimum) feasible"))
    }

    /// A time limit too short to prove X-n101-k25 returns a feasible solution with status `timeLimit`, a
    /// positive bound no larger than the cost and the matching gap.
    @Test func timeLimitReportsBoundAndGap() throws {
        let run = try Self.solveJSON(["instances/X-n101-k25.vrp", "--method", "exact", "--time-limit", "2"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let cost = try #require(run.object["cost"] as? Int)
        let bound = try #require(run.object["bound"] as? Int)
        let gap = try #require(run.object["gap"] as? Double)
        #expect(run.object["status"] as? String == "timeLimit")
        #expect(bound >= 0 && bound <= cost)
        #expect(abs(gap - Double(cost - bound) / Double(cost)) < 1e-9)
        let check = try CommandRunner.run(["check", "instances/X-n101-k25.vrp", run.output])
        #expect(check.stdout.hasPrefix("cost=\(cost) feasible"))
    }

    /// `--method auto` uses the exact solver on a small instance and the heuristic on a large one.
    @Test func autoPicksExactForSmallInstances() throws {
        let small = try Self.solveJSON(["instances/gr24.tsp", "--time-limit", "30"])
        #expect(small.object["method"] as? String == "exact")
        #expect(small.object["status"] as? String == "optimal")
        let large = try Self.solveJSON(["instances/pcb442.tsp", "--time-limit", "0.5"])
        #expect(large.object["method"] as? String == "heuristic")
    }

    /// GLPK is silent by default; `--verbose` shows its log on stderr while stdout keeps only the result.
    @Test func verboseShowsGLPKOnStderrOnly() throws {
        let quiet = try Self.solveJSON(["instances/bayg29.tsp", "--method", "exact"])
        #expect(quiet.stderr.isEmpty)
        let output = try CommandRunner.temporaryDirectory().appendingPathComponent("answer").path
        let loud = try CommandRunner.run(["solve", "instances/bayg29.tsp", "--method", "exact", "--verbose", "--json", "--output", output])
        #expect(loud.status == 0)
        #expect(loud.stderr.contains("exact: root round 1: bound"))
        #expect(loud.stdout.split(separator: "\n").count == 1)
    }
}
