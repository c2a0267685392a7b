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
        let optima = try #require(SharedInstances.optima)
        #expect(optima.entries.count == 62 + 19 + 109)
    }

    /// Every instance file parses, with the name, dimension and problem kind that optima.csv lists.
    @Test(arguments: SharedInstances.instanceFiles)
    func instanceMatchesOptimaTable(path: String) throws {
        let instance = try InstanceReader.read(contentsOf: path)
        let entry = try #require(SharedInstances.optima?[instance.name], "\(instance.name) is not in optima.csv")
        #expect(instance.dimension == entry.dimension)
        #expect(instance.kind.rawValue == entry.problem)
        #expect(instance.distances.count == entry.dimension)
        if instance.kind.isVehicleRouting {
            #expect(instance.depot == 0 && instance.demands[0] == 0 && instance.capacity != nil)
        }
    }

    /// Every reference .opt.tour and .sol re-scores to exactly its optima.csv value through the Evaluator.
    @Test(arguments: SharedInstances.solutionFiles)
    func referenceSolutionScoresItsOptimum(path: String) throws {
        let instance = try InstanceReader.read(contentsOf: SharedInstances.instancePath(forSolution: path))
        let solution = try SolutionReader.read(contentsOf: path, for: instance)
        let entry = try #require(SharedInstances.optima?[instance.name])
        #expect(try Evaluator.evaluate(solution, in: instance) == entry.bestKnown)
    }
}
