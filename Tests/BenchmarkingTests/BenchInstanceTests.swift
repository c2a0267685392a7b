import Foundation
import RoutingCore
import Testing
@testable import Benchmarking

@Suite struct BenchInstanceTests {
    /// A folder gives its instance files (not solutions or optima.csv), sorted, named by base name.
    @Test func folder() throws {
        let instances = try BenchInstance.expand([BenchFixtures.repository.appendingPathComponent("instances").path])
        #expect(instances.count == 28)
        #expect(instances.map(\.path!) == instances.map(\.path!).sorted())
        #expect(instances.contains { $0.name == "eil51" } && instances.contains { $0.name == "A-n32-k5" })
        #expect(instances.allSatisfy { BenchInstance.fileExtensions.contains(URL(fileURLWithPath: $0.path!).pathExtension) })
    }

    /// Globs, files and generated sets mix; an instance named twice through the same file counts once.
    @Test func mixedArguments() throws {
        let glob = BenchFixtures.repository.appendingPathComponent("instances").path + "/*.atsp"
        let instances = try BenchInstance.expand([glob, BenchFixtures.bundled("br17.atsp"), BenchFixtures.bundled("eil51.tsp"),
                                                  "generated:cvrp10:3:seed=5"])
        #expect(instances.map(\.name) == ["br17", "ft53", "ftv33", "ftv70", "kro124p", "rbg323", "eil51",
                                          "cvrp10-s5-0000", "cvrp10-s5-0001", "cvrp10-s5-0002"])
        #expect(try instances[7].load().kind == .cvrp)
    }

    /// Missing files, empty globs and two different files with one name are errors naming them.
    @Test func errors() throws {
        #expect(throws: BenchError.missingInstances("no/such/file.tsp")) { try BenchInstance.expand(["no/such/file.tsp"]) }
        #expect(throws: BenchError.missingInstances("no/such/*.tsp")) { try BenchInstance.expand(["no/such/*.tsp"]) }
        let folder = try BenchFixtures.temporaryFolder()
        try FileManager.default.copyItem(atPath: BenchFixtures.bundled("burma14.tsp"), toPath: folder + "/eil51.tsp")
        #expect(throws: BenchError.self) { try BenchInstance.expand([BenchFixtures.bundled("eil51.tsp"), folder]) }
        #expect(throws: BenchError.noInstances) { try BenchInstance.expand([]) }
    }

    /// The optima.csv beside a bundled file gives its optimum; a generated instance has none.
    @Test func optima() throws {
        let eil51 = try BenchInstance.expand([BenchFixtures.bundled("eil51.tsp")])[0]
        #expect(eil51.optimaEntry(kind: .tsp, dimension: 51)?.bestKnown == 426)
        #expect(eil51.optimaEntry(kind: .tsp, dimension: 52) == nil)
        let generated = try BenchInstance.expand(["generated:tsp10:1"])[0]
        #expect(generated.optimaEntry(kind: .tsp, dimension: 10) == nil)
    }
}
