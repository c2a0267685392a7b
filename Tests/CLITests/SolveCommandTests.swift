import Foundation
import Testing

@Suite(.serialized) struct SolveCommandTests {
    /// `solve --json` on bundled TSP, ATSP and CVRP files: the last stdout line is one JSON object with the
    /// contract's fields, the written file passes the independent checker at the reported cost, and the
    /// cost is never below the proven optimum.
    @Test(arguments: [("instances/eil51.tsp", 426), ("instances/br17.atsp", 39), ("instances/A-n32-k5.vrp", 784)])
    func solvesAndWritesCheckedSolution(instance: String, optimum: Int) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let output = directory.appendingPathComponent("answer").path
        let run = try CommandRunner.run(["solve", instance, "--method", "heuristic", "--time-limit", "1", "--json", "--output", output])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let last = try #require(run.stdout.split(separator: "\n").last)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
        for key in ["name", "cost", "status", "bound", "gap", "method", "seconds", "solution_file"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let cost = try #require(object["cost"] as? Int)
        #expect(cost >= optimum)
        #expect(object["status"] as? String == "feasible")
        #expect(object["solution_file"] as? String == output)
        if let checked = try CommandRunner.routecheck(instance: CommandRunner.repositoryRoot.appendingPathComponent(instance).path, solution: output) {
            #expect(checked == "cost=\(cost) feasible")
        }
        let check = try CommandRunner.run(["check", instance, output])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("cost=\(cost) feasible"))
    }

    /// Without --output the solution goes to solutions/<name>.<ext> under the working directory, and the
    /// human line names cost, status, method and the file.
    @Test func defaultOutputPath() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let instance = CommandRunner.repositoryRoot.appendingPathComponent("instances/burma14.tsp").path
        let run = try CommandRunner.run(["solve", instance, "--time-limit", "0.5"], in: directory)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("burma14: cost "))
        #expect(run.stdout.contains("solutions/burma14.tour"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("solutions/burma14.tour").path))
    }

    /// A malformed instance fails with exit code 1, a message naming file and line, and no solution file.
    @Test func badInstanceGivesCleanError() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let bad = directory.appendingPathComponent("bad.tsp")
        try "NAME: bad\nTYPE: TSP\nDIMENSION: 3\nEDGE_WEIGHT_TYPE: EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 nan 1\n3 1 1\nEOF\n"
            .write(to: bad, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["solve", bad.path, "--time-limit", "0.5"], in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.tsp:7"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("solutions").path))
    }

    /// A missing file is an input error (exit 1); a bad option value is a usage error (exit 2).
    @Test func missingFileAndBadOptions() throws {
        let missing = try CommandRunner.run(["solve", "/nonexistent/x.tsp"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/x.tsp"))
        let badLimit = try CommandRunner.run(["solve", "instances/eil51.tsp", "--time-limit", "-3"])
        #expect(badLimit.status == 2)
        let badMethod = try CommandRunner.run(["solve", "instances/eil51.tsp", "--method", "magic"])
        #expect(badMethod.status == 2)
    }

    /// `check` reports an infeasible solution with exit code 1.
    @Test func checkRejectsInfeasibleSolution() throws {
        let directory = try CommandRunner.temporaryDirectory()
        let tour = directory.appendingPathComponent("dup.tour")
        let nodes = (1...13).map(String.init).joined(separator: "\n") + "\n13\n"
        try "NAME: dup\nTYPE: TOUR\nDIMENSION: 14\nTOUR_SECTION\n\(nodes)-1\nEOF\n".write(to: tour, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["check", "instances/burma14.tsp", tour.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("dup.tour"))
    }
}
