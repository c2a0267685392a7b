import Foundation
import Testing

@Suite struct PlotCommandTests {
    /// `plot training` draws the shipped runs' curves; `plot solution` draws a bundled reference solution.
    @Test func drawings() throws {
        let folder = try CommandRunner.temporaryDirectory().path
        let training = try CommandRunner.run(["plot", "training", "runs/tsp20-pomo", "runs/cvrp20-pomo",
                                              "--output", folder + "/curves.svg"])
        #expect(training.status == 0, "stderr: \(training.stderr)")
        let curves = try String(contentsOfFile: folder + "/curves.svg", encoding: .utf8)
        #expect(curves.hasPrefix("<svg") && curves.contains("tsp20-pomo") && curves.contains("cvrp20-pomo"))
        let solution = try CommandRunner.run(["plot", "solution", "instances/A-n32-k5.vrp", "instances/A-n32-k5.sol",
                                              "--output", folder + "/a.svg"])
        #expect(solution.status == 0, "stderr: \(solution.stderr)")
        #expect(try String(contentsOfFile: folder + "/a.svg", encoding: .utf8).contains("A-n32-k5.sol: 784"))
    }

    /// A missing run folder is an error naming the file; a matrix-only instance cannot be drawn.
    @Test func errors() throws {
        let missing = try CommandRunner.run(["plot", "training", "runs/nosuch"])
        #expect(missing.status == 1 && missing.stderr.contains("routeopt: error: runs/nosuch"), "stderr: \(missing.stderr)")
        let matrix = try CommandRunner.run(["plot", "solution", "instances/br17.atsp", "instances/br17.atsp"])
        #expect(matrix.status == 1)
        let usage = try CommandRunner.run(["plot", "bench"])
        #expect(usage.status == 2)
    }
}
