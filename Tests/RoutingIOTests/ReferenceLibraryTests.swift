import Foundation
import Testing
import RoutingCore
import RoutingIO

/// The shared benchmark library read end to end: every instance and every reference solution.
@Suite(.enabled(if: SharedInstances.directory != nil, SharedInstances.absentReason))
struct ReferenceLibraryTests {
    /// The library holds the advertised numbers of files, so the parameterised tests below cover it all.
    @Test func libraryIsComplete() throws {
        #expect(SharedInstances.files(endingWith: [".tsp"]).count == 62)
        #expect(SharedInstances.files(endingWith: [".atsp"]).count == 19)
        #expect(SharedInstances.files(endingWith: [".vrp"]).count == 109)
        #expect(SharedInstances.solutionFiles.count == 26 + 109)
        let instancesWithSolutions = SharedInstances.instanceFiles.compactMap(SharedInstances.solutionPath(forInstance:))
        #expect(Set(instancesWithSolutions) == Set(SharedInstances.solutionFiles))
        let optima = try #require(SharedInstances.optima)
        #expect(optima.entries.count == 62 + 19 + 109)
    }

    /// Every instance file parses with the dimension and problem kind optima.csv lists, and its reference
    /// .opt.tour / .sol (when there is one) re-scores through the Evaluator to exactly the listed value.
    @Test(arguments: SharedInstances.instanceFiles)
    func instanceAndReferenceSolution(path: String) throws {
        let instance = try InstanceReader.read(contentsOf: path)
        let entry = try #require(SharedInstances.optima?[instance.name], "\(instance.name) is not in optima.csv")
        #expect(instance.dimension == entry.dimension)
        #expect(instance.kind.rawValue == entry.problem)
        if instance.kind.isVehicleRouting {
            #expect(instance.depot == 0 && instance.demands[0] == 0 && instance.capacity != nil)
        }
        guard let solutionPath = SharedInstances.solutionPath(forInstance: path) else { return }
        let solution = try SolutionReader.read(contentsOf: solutionPath, for: instance)
        #expect(try Evaluator.evaluate(solution, in: instance) == entry.bestKnown)
    }

    /// Reference solutions of each distance rule and format, rewritten by SolutionWriter, pass routecheck.py at their optimum.
    @Test(.enabled(if: RouteCheck.isAvailable, "python3 or routecheck.py not available"),
          arguments: ["tsp/att48.opt.tour", "tsp/gr96.opt.tour", "tsp/bayg29.opt.tour", "tsp/gr24.opt.tour",
                      "cvrp/E-n13-k4.sol", "cvrp/E-n33-k4.sol", "cvrp/X-n101-k25.sol"])
    func rewrittenReferenceSolutionsPassRouteCheck(relativePath: String) throws {
        let path = SharedInstances.directory!.appendingPathComponent(relativePath).path
        let instancePath = SharedInstances.instancePath(forSolution: path)
        let instance = try InstanceReader.read(contentsOf: instancePath)
        let solution = try SolutionReader.read(contentsOf: path, for: instance)
        let cost = try Evaluator.evaluate(solution, in: instance)
        let directory = try TemporaryDirectory()
        let output = directory.path + "/" + instance.name + "." + SolutionWriter.fileExtension(for: instance.kind)
        try SolutionWriter.write(solution, instance: instance, cost: cost, to: output)
        #expect(try RouteCheck.run(instance: instancePath, solution: output) == "cost=\(cost) feasible")
        #expect(cost == SharedInstances.optima?[instance.name]?.bestKnown)
    }
}
