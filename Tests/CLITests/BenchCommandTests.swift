import Foundation
import Testing

@Suite(.serialized) struct BenchCommandTests {
    /// A small bench over bundled files and a generated set writes results.csv, summary.md and SVG plots,
    /// shows progress on stderr, and a second run with the same --output resumes (runs nothing).
    @Test func runAndResume() throws {
        let output = try CommandRunner.temporaryDirectory().path
        let arguments = ["bench", "instances/burma14.tsp", "instances/P-n16-k8.vrp", "generated:tsp10:2:seed=3",
                         "--methods", "heuristic:iterations=100,policy:greedy", "--jobs", "2", "--output", output]
        let run = try CommandRunner.run(arguments)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("8 rows (8 solved) in \(output)"))
        #expect(run.stderr.contains("[8/8]"))
        let csv = try String(contentsOfFile: output + "/results.csv", encoding: .utf8).split(separator: "\n")
        #expect(csv.count == 9)
        #expect(csv[0].hasPrefix("instance,problem,dimension,method,cost,status,bound,seconds,gap_percent,reference,reference_kind"))
        #expect(csv.contains { $0.hasPrefix("burma14,tsp,14,heuristic:iterations=100,3323,feasible,,") && $0.hasSuffix(",0.0000,3323,optima.csv:optimal,") })
        #expect(csv.contains { $0.hasPrefix("tsp10-s3-0001,tsp,10,policy:greedy,") && $0.contains(",best-found,") })
        let summary = try String(contentsOfFile: output + "/summary.md", encoding: .utf8)
        #expect(summary.contains("2 instances solved in parallel"))
        #expect(FileManager.default.fileExists(atPath: output + "/gap-vs-time.svg"))
        #expect(FileManager.default.fileExists(atPath: output + "/routes-burma14.svg"))
        let again = try CommandRunner.run(arguments)
        #expect(again.status == 0 && !again.stderr.contains("[1/"))
        #expect(try String(contentsOfFile: output + "/results.csv", encoding: .utf8).split(separator: "\n").count == 9)
    }

    /// A misspelt method or option is a usage error (exit 2) naming it; nothing is written.
    @Test(arguments: [("heurstic", "unknown method 'heurstic'"), ("policy:gredy", "option 'gredy' is not an option of policy")])
    func badMethod(methods: String, message: String) throws {
        let output = try CommandRunner.temporaryDirectory().path + "/out"
        let run = try CommandRunner.run(["bench", "instances/burma14.tsp", "--methods", methods, "--output", output])
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    /// A missing instance file or a malformed generated set is an error (exit 1) naming the argument.
    @Test(arguments: [("instances/nosuch.tsp", "instances/nosuch.tsp: no such file or folder"),
                      ("generated:tsp:5", "generated:tsp:5: 'tsp' needs a size")])
    func badInstances(argument: String, message: String) throws {
        let output = try CommandRunner.temporaryDirectory().path + "/out"
        let run = try CommandRunner.run(["bench", argument, "--methods", "heuristic", "--output", output])
        #expect(run.status == 1)
        #expect(run.stderr.contains("routeopt: error: " + message), "stderr: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
