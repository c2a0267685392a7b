import Foundation

/// The `city.json` of a city dataset: its name, the units of its matrices and where its data came from.
///
/// Fields that do not apply stay `nil` and are left out of the file. Keys are written in snake case
/// (`source_crc32`, `max_snap_m`, …) with sorted keys, so the file is stable and easy to read.
public struct CityMetadata: Codable, Sendable, Equatable {
    /// The city's name (``CityDatasetReader`` names the dataset by it).
    public var name: String
    /// What the matrices are: `road (OSRM)` or `great-circle (haversine), not road`, …
    public var matrixKind: String
    /// Unit of `distance_m.f32` (always `m`).
    public var distanceUnit = "m"
    /// Unit of `duration_s.f32` (always `s`).
    public var durationUnit = "s"
    /// How the data was made: the command or the imported files.
    public var source: String
    /// CRC-32 of the source file (the `.osm.pbf` extract, or the imported file), hexadecimal.
    public var sourceCRC32: String?
    /// Size of the source file in bytes.
    public var sourceBytes: Int?
    /// The sampling box `lon1,lat1,lon2,lat2`.
    public var bbox: String?
    /// The sampling seed.
    public var seed: UInt64?
    /// The routing engine and its version (`OSRM v26.10.0`).
    public var engine: String?
    /// The routing profile (`car.lua`).
    public var profile: String?
    /// Snaps farther than this (metres) were rejected.
    public var maxSnapM: Double?
    /// Speed used to derive durations from distances (km/h), when durations were derived.
    public var speedKmh: Double?
    /// Points dropped while building, with the reason of each.
    public var droppedPoints: [String]?
    /// Number of points (set by the writer).
    public var points: Int?
    /// Slightly negative entries set to 0 (set by the writer).
    public var clampedEntries: Int?
    /// When the dataset was written (ISO 8601, UTC).
    public var created: String

    public init(name: String, matrixKind: String, source: String) {
        self.name = name
        self.matrixKind = matrixKind
        self.source = source
        created = ISO8601DateFormatter().string(from: Date())
    }

    private enum CodingKeys: String, CodingKey {
        case name, source, bbox, seed, engine, profile, points, created
        case matrixKind = "matrix_kind", distanceUnit = "distance_unit", durationUnit = "duration_unit"
        case sourceCRC32 = "source_crc32", sourceBytes = "source_bytes", maxSnapM = "max_snap_m"
        case speedKmh = "speed_kmh", droppedPoints = "dropped_points", clampedEntries = "clamped_entries"
    }

    /// The JSON text of `city.json`.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
