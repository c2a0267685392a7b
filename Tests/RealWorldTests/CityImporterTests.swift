import Foundation
import RealWorld
import RoutingCore
import RoutingIO
import Testing

@Suite struct CityImporterTests {
    private func importing(_ source: CityImporter.Source) throws -> (CityMatrices, URL) {
        let output = try RealWorldFixtures.temporaryDirectory().appendingPathComponent("city")
        let city = try CityImporter.importCity(source, name: "imported", output: output.path)
        let back = try CityDatasetReader.read(directory: output.path)
        #expect(back.distances == city.distances && back.durations == city.durations && back.points == city.points)
        return (back, output)
    }

    @Test("the float32 layout round-trips: monaco-1000 imported and read back is the same dataset",
          .enabled(if: RealWorldFixtures.directory != nil, RealWorldFixtures.absentReason))
    func float32() throws {
        let folder = try #require(RealWorldFixtures.file("monaco-1000"))
        let original = try CityDatasetReader.read(directory: folder.path)
        let (back, _) = try importing(.float32(distances: folder.appendingPathComponent("distance_m.f32").path,
                                               durations: folder.appendingPathComponent("duration_s.f32").path,
                                               points: folder.appendingPathComponent("points.csv").path))
        #expect(back.distances == original.distances && back.durations == original.durations)
        #expect(back.points == original.points && back.name == "imported")
    }

    @Test("the OSRM fixture imports with its snapped waypoints; CSV with units converts to metres and seconds",
          .enabled(if: RealWorldFixtures.directory != nil, RealWorldFixtures.absentReason))
    func osrmAndCSV() throws {
        let fixture = try #require(RealWorldFixtures.file("fixtures/osrm-table-monaco-20.json")).path
        let (fromJSON, folder) = try importing(.osrmTable(fixture))
        #expect(fromJSON.count == 20 && fromJSON.durations[1] == 574.5 && fromJSON.distances[1] == 6280.9)
        // Write the same matrices as CSV in km and minutes, import them, compare.
        let km = (0..<20).map { i in (0..<20).map { String(Double(fromJSON.distances[i * 20 + $0]) / 1000) }.joined(separator: ",") }
        let minutes = (0..<20).map { i in (0..<20).map { String(Double(fromJSON.durations[i * 20 + $0]) / 60) }.joined(separator: ",") }
        let d = folder.appendingPathComponent("d.csv"), t = folder.appendingPathComponent("t.csv")
        try ("# unit: km\n" + km.joined(separator: "\n")).write(to: d, atomically: true, encoding: .utf8)
        try (minutes.joined(separator: "\n")).write(to: t, atomically: true, encoding: .utf8)
        let (fromCSV, _) = try importing(.csv(distances: d.path, durations: t.path,
                                              points: folder.appendingPathComponent("points.csv").path,
                                              distanceUnit: nil, durationUnit: .minutes))
        #expect(zip(fromCSV.distances, fromJSON.distances).allSatisfy { abs($0 - $1) < 0.01 })
        #expect(zip(fromCSV.durations, fromJSON.durations).allSatisfy { abs($0 - $1) < 0.01 })
    }

    @Test("a TSPLIB EXPLICIT file imports its costs as distances in the stated unit, durations derived at the speed")
    func tsplib() throws {
        let folder = try RealWorldFixtures.temporaryDirectory()
        let file = folder.appendingPathComponent("three.atsp")
        try """
            NAME: three
            TYPE: ATSP
            DIMENSION: 3
            EDGE_WEIGHT_TYPE: EXPLICIT
            EDGE_WEIGHT_FORMAT: FULL_MATRIX
            DISPLAY_DATA_TYPE: TWOD_DISPLAY
            EDGE_WEIGHT_SECTION
            0 2 3
            4 0 5
            6 7 0
            DISPLAY_DATA_SECTION
            1 7.41 43.73
            2 7.42 43.74
            3 7.43 43.75
            EOF
            """.write(to: file, atomically: true, encoding: .utf8)
        let (city, output) = try importing(.tsplib(file.path, distanceUnit: .kilometres, points: nil, speedKmh: 36))
        #expect(city.distances == [0, 2_000, 3_000, 4_000, 0, 5_000, 6_000, 7_000, 0])
        #expect(city.durations[1] == 200)  // 2 km at 36 km/h = 10 m/s
        #expect(city.points[1] == Point(x: 7.42, y: 43.74))
        let json = try String(contentsOf: output.appendingPathComponent("city.json"), encoding: .utf8)
        #expect(json.contains("durations derived at 36.0 km/h, not measured"))
        #expect(throws: FormatError.self) { try CityImporter.load(.tsplib(file.path, distanceUnit: nil, points: nil, speedKmh: 36), name: "x") }
    }

    @Test("a latitude/longitude list gives great-circle matrices, labelled as not road")
    func coordinates() throws {
        let folder = try RealWorldFixtures.temporaryDirectory()
        let list = folder.appendingPathComponent("points.txt")
        try "lat,lon\n43.73,7.42\n43.74,7.42\n43.73,7.43\n".write(to: list, atomically: true, encoding: .utf8)
        let (city, output) = try importing(.coordinates(list.path, speedKmh: 30))
        #expect(abs(city.distances[1] - 1_111.95) < 0.5 && city.distances[1] == city.distances[3])
        #expect(abs(city.durations[1] - city.distances[1] / (30 / 3.6)) < 0.01)
        let json = try String(contentsOf: output.appendingPathComponent("city.json"), encoding: .utf8)
        #expect(json.contains("great-circle (haversine), not road"))
    }

    @Test("bad inputs are refused naming the file: nulls in a table, mismatched sizes, missing units")
    func errors() throws {
        let folder = try RealWorldFixtures.temporaryDirectory()
        let waypoints = #"[{"location":[7.4,43.7]},{"location":[7.5,43.8]}]"#
        let table = folder.appendingPathComponent("t.json")
        try #"{"code":"Ok","sources":\#(waypoints),"destinations":\#(waypoints),"durations":[[0,null],[1,0]],"distances":[[0,null],[1,0]]}"#
            .write(to: table, atomically: true, encoding: .utf8)
        #expect(throws: FormatError(file: table.path, line: nil,
                                    message: "1 pairs are null (unreachable), first 0→1; a city needs every pair routable")) {
            try CityImporter.load(.osrmTable(table.path), name: "x")
        }
        let d = folder.appendingPathComponent("d.csv"), t = folder.appendingPathComponent("t.csv")
        let p = folder.appendingPathComponent("p.csv")
        try "0,1\n1,0\n".write(to: d, atomically: true, encoding: .utf8)
        try "# unit: s\n0,1,1\n1,0,1\n1,1,0\n".write(to: t, atomically: true, encoding: .utf8)
        try "43.7,7.4\n43.8,7.5\n".write(to: p, atomically: true, encoding: .utf8)
        do {
            _ = try CityImporter.load(.csv(distances: d.path, durations: t.path, points: p.path, distanceUnit: nil, durationUnit: nil), name: "x")
            Issue.record("a distance matrix without a unit was accepted")
        } catch {
            #expect(error.file == d.path && error.message.hasPrefix("no unit"))
        }
        #expect(throws: FormatError(file: t.path, line: nil, message: "3×3, the distance matrix is 2×2")) {
            try CityImporter.load(.csv(distances: d.path, durations: t.path, points: p.path, distanceUnit: .metres, durationUnit: nil), name: "x")
        }
    }
}
