import Foundation
import RoutingCore
import RoutingIO
import Testing

@Suite struct CityDatasetWriterTests {
    @Test("a written dataset reads back with snapped points, matrices and city.json provenance")
    func roundTrip() throws {
        let folder = try TemporaryDirectory()
        let points = [
            CityDatasetWriter.SnappedPoint(original: Point(x: 7.4, y: 43.7), snapped: Point(x: 7.400_1, y: 43.7), snapDistance: 8),
            CityDatasetWriter.SnappedPoint(unsnapped: Point(x: 7.5, y: 43.8)),
        ]
        var metadata = CityMetadata(name: "tiny", matrixKind: "road", source: "test")
        metadata.seed = 7
        let city = try CityDatasetWriter.write(directory: folder.path, points: points, distances: [0, 10, -0.5, 0],
                                               durations: [0, 2, 3, 0], metadata: metadata)
        #expect(city.clampedEntries == 1)
        let back = try CityDatasetReader.read(directory: folder.path)
        #expect(back.name == "tiny" && back.points == [Point(x: 7.400_1, y: 43.7), Point(x: 7.5, y: 43.8)])
        #expect(back.distances == [0, 10, 0, 0] && back.durations == [0, 2, 3, 0])
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/city.json"))) as? [String: Any])
        #expect(json["distance_unit"] as? String == "m" && json["duration_unit"] as? String == "s")
        #expect(json["seed"] as? Int == 7 && json["points"] as? Int == 2 && json["clamped_entries"] as? Int == 1)
        let csv = try String(contentsOfFile: folder.path + "/points.csv", encoding: .utf8)
        #expect(csv.hasPrefix("index,lon,lat,snapped_lon,snapped_lat,snap_distance_m\n0,7.400000,43.700000,7.400100,43.700000,8.00\n"))
    }

    @Test("invalid matrices are refused before anything is written")
    func refusesBadMatrix() throws {
        let folder = try TemporaryDirectory()
        let points = [Point(x: 7.4, y: 43.7), Point(x: 7.5, y: 43.8)].map(CityDatasetWriter.SnappedPoint.init(unsnapped:))
        #expect(throws: FormatError.self) {
            try CityDatasetWriter.write(directory: folder.path + "/out", points: points, distances: [0, .nan, 1, 0],
                                        durations: [0, 1, 1, 0], metadata: CityMetadata(name: "x", matrixKind: "road", source: "t"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }
}
