import Foundation
import Testing
import RoutingCore
import RoutingIO

@Suite(.serialized) struct GenerateCommandTests {
    /// Generated TSP and CVRP files are named by seed and index, read back with the instance reader (sizes,
    /// capacity, demands 1…9, integer coordinates within [0, 10⁶]), and a solution from `solve` passes the
    /// independent checker; a later --first gives the same files as a larger set.
    @Test(arguments: [("tsp", 12, "tsp12-s42-0002.tsp"), ("cvrp", 10, "cvrp10-s42-0002.vrp")])
    func filesReadBackAndSolve(problem: String, size: Int, name: String) throws {
        let directory = try CommandRunner.temporaryDirectory()
        let run = try CommandRunner.run(["generate", "--problem", problem, "--size", "\(size)", "--count", "3",
                                         "--seed", "42", "--output", directory.path])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let path = directory.appendingPathComponent(name).path
        let instance = try InstanceReader.read(contentsOf: path)
        #expect(instance.dimension == (problem == "tsp" ? size : size + 1))
        if problem == "cvrp" {
            #expect(instance.capacity == 20)
            #expect(instance.demands.dropFirst().allSatisfy { (1...9).contains($0) })
        }
        #expect(instance.coordinates!.allSatisfy { $0.x >= 0 && $0.x <= 1_000_000 && $0.x == $0.x.rounded() })
        let again = try CommandRunner.temporaryDirectory()
        _ = try CommandRunner.run(["generate", "--problem", problem, "--size", "\(size)", "--count", "1", "--first", "2",
                                   "--seed", "42", "--output", again.path])
        #expect(try String(contentsOfFile: again.appendingPathComponent(name).path, encoding: .utf8)
                == String(contentsOfFile: path, encoding: .utf8))
        let solution = directory.appendingPathComponent("answer").path
        let solve = try CommandRunner.run(["solve", path, "--time-limit", "0.5", "--output", solution])
        #expect(solve.status == 0, "stderr: \(solve.stderr)")
        if let checked = try CommandRunner.routecheck(instance: path, solution: solution) {
            #expect(checked.hasSuffix("feasible") && checked.hasPrefix("cost="))
        }
    }
}
