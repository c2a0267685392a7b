import Foundation
import RoutingCore

/// Writes a city dataset folder in the layout ``CityDatasetReader`` reads (that of `shared/realworld/monaco-1000`):
/// `points.csv` (`index,lon,lat,snapped_lon,snapped_lat,snap_distance_m`), `distance_m.f32` and `duration_s.f32`
/// (little-endian float32, row-major, metres and seconds) and `city.json` (name, units and provenance).
public enum CityDatasetWriter {
    /// One point of a dataset: where it was asked for and where the routing engine placed it on the road.
    public struct SnappedPoint: Sendable, Equatable {
        /// The requested position (`x` = longitude, `y` = latitude).
        public let original: RoutingCore.Point
        /// The position on the road network the matrices refer to.
        public let snapped: RoutingCore.Point
        /// Metres between the two.
        public let snapDistance: Double

        public init(original: RoutingCore.Point, snapped: RoutingCore.Point, snapDistance: Double) {
            self.original = original
            self.snapped = snapped
            self.snapDistance = snapDistance
        }

        /// A point that was not snapped (imported coordinates, great-circle matrices).
        public init(unsnapped position: RoutingCore.Point) {
            self.init(original: position, snapped: position, snapDistance: 0)
        }
    }

    /// Checks the matrices (through ``CityMatrices``) and writes the folder `directory`, creating it if needed.
    /// `metadata` must be a JSON object (it becomes `city.json`; its `name` names the city).
    /// - Returns: the checked matrices, as ``CityDatasetReader`` will read them back.
    /// - Throws: ``FormatError`` naming `directory` when a matrix is invalid or a file cannot be written.
    @discardableResult
    public static func write(directory: String, points: [SnappedPoint], distances: [Float], durations: [Float],
                             metadata: CityMetadata) throws(FormatError) -> CityMatrices {
        let city: CityMatrices
        do {
            city = try CityMatrices(name: metadata.name, points: points.map(\.snapped), distances: distances,
                                    durations: durations)
        } catch {
            throw FormatError(file: directory, line: nil, message: error.description)
        }
        let folder = URL(fileURLWithPath: directory)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            var csv = "index,lon,lat,snapped_lon,snapped_lat,snap_distance_m\n"
            for (index, point) in points.enumerated() {
                csv += "\(index),\(coordinate(point.original.x)),\(coordinate(point.original.y)),"
                    + "\(coordinate(point.snapped.x)),\(coordinate(point.snapped.y)),\(String(format: "%.2f", point.snapDistance))\n"
            }
            try Data(csv.utf8).write(to: folder.appendingPathComponent(CityDatasetReader.pointsFile), options: .atomic)
            var recorded = metadata
            recorded.points = points.count
            recorded.clampedEntries = city.clampedEntries
            try recorded.encoded().write(to: folder.appendingPathComponent(CityDatasetReader.metadataFile), options: .atomic)
        } catch {
            throw FormatError(file: directory, line: nil, message: "cannot write the dataset: \(error.localizedDescription)")
        }
        try Float32MatrixFile.write(city.distances, to: folder.appendingPathComponent(CityDatasetReader.distanceFile).path)
        try Float32MatrixFile.write(city.durations, to: folder.appendingPathComponent(CityDatasetReader.durationFile).path)
        return city
    }

    /// Degrees with 6 decimals (about 0.1 m), as OSRM reports locations.
    private static func coordinate(_ value: Double) -> String {
        String(format: "%.6f", value)
    }
}
