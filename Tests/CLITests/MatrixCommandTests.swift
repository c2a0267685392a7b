import Foundation
import RoutingCore
import RoutingIO
import Testing

@Suite(.serialized) struct MatrixCommandTests {
    static let realworld = CommandRunner.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/realworld")
    static let hasData = FileManager.default.fileExists(atPath: realworld.appendingPathComponent("monaco-1000/points.csv").path)
    static let hasOSRM = FileManager.default.isExecutableFile(
        atPath: CommandRunner.repositoryRoot.appendingPathComponent(".osrm/osrm/bin/osrm-routed").path)

    @Test("sample draws ACVRP and ATSP files from monaco-1000 that the solver reads as such and solves feasibly",
          .enabled(if: hasData, "shared/realworld not found next to the repository root"))
    func sampleAndSolve() throws {
        let output = try CommandRunner.temporaryDirectory()
        let data = Self.realworld.appendingPathComponent("monaco-1000").path
        for (problem, size) in [("acvrp", "20"), ("atsp", "20")] {
            let run = try CommandRunner.run(["matrix", "sample", "--data", data, "--problem", problem, "--size", size,
                                             "--count", "2", "--pool", "test", "--objective", "duration", "--seed", "3",
                                             "--output", output.path])
            #expect(run.status == 0, "stderr: \(run.stderr)")
        }
        let vrp = output.appendingPathComponent("monaco-1000-test-acvrp20-duration-001.vrp").path
        let instance = try InstanceReader.read(contentsOf: vrp)
        #expect(instance.kind == .acvrp && instance.dimension == 21 && instance.capacity == 30)
        let atsp = try InstanceReader.read(contentsOf: output.appendingPathComponent("monaco-1000-test-atsp20-duration-000.atsp").path)
        #expect(atsp.kind == .atsp && !atsp.distances.isSymmetric)
        let manifest = try String(contentsOf: output.appendingPathComponent("manifest.csv"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").count == 5)
        let solution = output.appendingPathComponent("acvrp.sol").path
        let solve = try CommandRunner.run(["solve", vrp, "--time-limit", "0.5", "--output", solution, "--json"])
        #expect(solve.status == 0, "stderr: \(solve.stderr)")
        #expect(solve.stdout.contains(#""problem":"acvrp""#))
        let check = try CommandRunner.run(["check", vrp, solution])
        #expect(check.status == 0 && check.stdout.hasSuffix("feasible\n"), "\(check.stdout) \(check.stderr)")
    }

    @Test("import of a lat/lon list writes a great-circle city that sample can use")
    func importLatLon() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let list = folder.appendingPathComponent("points.txt")
        try (0..<12).map { "\(43.73 + Double($0 % 4) * 0.003),\(7.41 + Double($0 / 4) * 0.004)" }.joined(separator: "\n")
            .write(to: list, atomically: true, encoding: .utf8)
        let city = folder.appendingPathComponent("grid").path
        let run = try CommandRunner.run(["matrix", "import", "--format", "latlon", "--input", list.path, "--output", city])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(try CityDatasetReader.read(directory: city).count == 12)
        let sample = try CommandRunner.run(["matrix", "sample", "--data", city, "--problem", "atsp", "--size", "5",
                                            "--count", "1", "--pool", "train", "--objective", "distance",
                                            "--output", folder.appendingPathComponent("out").path])
        #expect(sample.status == 0, "stderr: \(sample.stderr)")
    }

    @Test("bad input exits 1 naming the file; usage errors exit 2")
    func errors() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let csv = folder.appendingPathComponent("d.csv")
        try "0,1\n1,0,3\n".write(to: csv, atomically: true, encoding: .utf8)
        let bad = try CommandRunner.run(["matrix", "import", "--format", "csv", "--distances", csv.path, "--durations",
                                         csv.path, "--points", csv.path, "--distance-unit", "m", "--output", folder.path + "/c"])
        #expect(bad.status == 1 && bad.stderr.contains("\(csv.path):2: ragged rows"), "\(bad.stderr)")
        let usage = try CommandRunner.run(["matrix", "sample", "--data", folder.path, "--problem", "tsp", "--size", "5",
                                           "--count", "1", "--output", folder.path])
        #expect(usage.status == 2)
        let unit = try CommandRunner.run(["matrix", "import", "--format", "csv", "--distance-unit", "parsec", "--output", "x"])
        #expect(unit.status == 2)
        let box = try CommandRunner.run(["matrix", "osrm", "--pbf", "x.osm.pbf", "--bbox", "7.4,43.7,7.5", "--points", "5",
                                         "--output", "x"])
        #expect(box.status == 2 && box.stderr.contains("invalid bounding box '7.4,43.7,7.5'"), "\(box.stderr)")
        let missing = try CommandRunner.run(["matrix", "sample", "--data", folder.path + "/none", "--problem", "atsp",
                                             "--size", "5", "--count", "1", "--output", folder.path])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read"), "\(missing.stderr)")
        let noOSRM = try CommandRunner.run(["matrix", "osrm", "--pbf", "/dev/null", "--points", "5", "--output", folder.path + "/o",
                                            "--osrm-dir", folder.path])
        #expect(noOSRM.status == 1 && noOSRM.stderr.contains("scripts/setup_osrm.sh"), "\(noOSRM.stderr)")
    }

    @Test("matrix osrm builds Monaco end to end and leaves no osrm-routed behind",
          .enabled(if: hasData && hasOSRM, "OSRM binaries not installed (scripts/setup_osrm.sh) or shared data absent"))
    func osrmEndToEnd() throws {
        let output = try CommandRunner.temporaryDirectory().appendingPathComponent("monaco-40").path
        let run = try CommandRunner.run(["matrix", "osrm", "--pbf", Self.realworld.appendingPathComponent("osm/monaco.osm.pbf").path,
                                         "--bbox", "7.405,43.725,7.443,43.752", "--points", "40", "--seed", "5",
                                         "--output", output])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("osrm-routed listening on 127.0.0.1:"))
        let pid = run.stderr.split(separator: "(pid ").dropFirst().first.flatMap { Int32($0.prefix { $0.isNumber }) }
        let server = try #require(pid)
        #expect(kill(server, 0) == -1, "osrm-routed \(server) still running")
        let city = try CityDatasetReader.read(directory: output)
        #expect(city.count == 40 && city.name == "monaco-40")
    }
}
