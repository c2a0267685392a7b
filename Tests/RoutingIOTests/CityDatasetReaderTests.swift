import Foundation
import RoutingCore
import RoutingIO
import Testing

@Suite struct CityDatasetReaderTests {
    static let monaco: String? = SharedInstances.directory.map {
        $0.deletingLastPathComponent().appendingPathComponent("realworld/monaco-1000").path
    }

    @Test("the shared Monaco dataset reads as 1,000 snapped points with asymmetric road matrices",
          .enabled(if: monaco != nil, SharedInstances.absentReason))
    func monacoDataset() throws {
        let city = try CityDatasetReader.read(directory: try #require(Self.monaco))
        #expect(city.name == "monaco-1000")
        #expect(city.count == 1_000)
        #expect(abs(city.points[0].x - 7.435219) < 1e-9 && abs(city.points[0].y - 43.748404) < 1e-9)
        let asymmetric = (1..<50).filter { city.durations[$0] != city.durations[$0 * 1_000] }
        #expect(asymmetric.count > 40)
        #expect(city.distances[1] > 0 && city.distances[1] < 10_000)
        #expect(city.clampedEntries == 13)  // OSRM's same-segment artefacts, −0.1 … −1.6 m
        #expect(city.distances.allSatisfy { $0 >= 0 })
    }

    @Test("a written dataset reads back exactly")
    func roundTrip() throws {
        let folder = try TemporaryDirectory()
        _ = try folder.write("index,lon,lat\n0,7.4,43.7\n1,7.5,43.8\n", to: "points.csv")
        _ = try folder.write(#"{"name": "tiny"}"#, to: "city.json")
        try Float32MatrixFile.write([0, 1.5, 2.25, 0], to: folder.path + "/distance_m.f32")
        try Float32MatrixFile.write([0, 3, 4, 0], to: folder.path + "/duration_s.f32")
        let city = try CityDatasetReader.read(directory: folder.path)
        #expect(city.name == "tiny")
        #expect(city.distances == [0, 1.5, 2.25, 0] && city.durations == [0, 3, 4, 0])
        #expect(city.points == [Point(x: 7.4, y: 43.7), Point(x: 7.5, y: 43.8)])
    }

    @Test("bad files name the file, the line or the entry")
    func errors() throws {
        let folder = try TemporaryDirectory()
        let points = try folder.write("index,lon,lat\n0,7.4,43.7\n2,7.5,43.8\n", to: "points.csv")
        #expect(throws: FormatError(file: points, line: 3, message: "index '2', expected 1 (rows in index order)")) {
            try CityDatasetReader.read(directory: folder.path)
        }
        _ = try folder.write("index,lon,lat\n0,7.4,43.7\n1,7.5\n", to: "points.csv")
        #expect(throws: FormatError(file: points, line: 3, message: "2 fields, the header has 3")) {
            try CityDatasetReader.read(directory: folder.path)
        }
        _ = try folder.write("index,lon,lat\n0,7.4,43.7\n1,7.5,43.8\n", to: "points.csv")
        let distances = folder.path + "/distance_m.f32"
        try Float32MatrixFile.write([0, 1, 2], to: distances)
        #expect(throws: FormatError(file: distances, line: nil, message: "size 12 bytes, expected 16 bytes (2×2 float32)")) {
            try CityDatasetReader.read(directory: folder.path)
        }
        try Float32MatrixFile.write([0, .nan, 2, 0], to: distances)
        #expect(throws: FormatError(file: distances, line: nil,
                                    message: "entry [0][1] is nan, not a finite number")) {
            try CityDatasetReader.read(directory: folder.path)
        }
        try Float32MatrixFile.write([0, -5, 2, 0], to: distances)
        try Float32MatrixFile.write([0, 1, 2, 0], to: folder.path + "/duration_s.f32")
        #expect(throws: FormatError(file: distances, line: nil,
                                    message: "distance from point 0 to point 1 is -5.0; entries must be finite and at least −2.0")) {
            try CityDatasetReader.read(directory: folder.path)
        }
        try FileManager.default.removeItem(atPath: folder.path + "/duration_s.f32")
        try Float32MatrixFile.write([0, 1, 2, 0], to: distances)
        #expect(throws: FormatError(file: folder.path + "/duration_s.f32", line: nil, message: "cannot read the matrix file")) {
            try CityDatasetReader.read(directory: folder.path)
        }
    }
}
