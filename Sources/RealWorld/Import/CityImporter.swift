import Foundation
import RoutingCore
import RoutingIO

/// Turns matrices from other sources into a city dataset (`routeopt matrix import`): an OSRM `/table` JSON
/// response, CSV matrices, a TSPLIB `EXPLICIT` file, the float32 layout of the city datasets, or a plain
/// latitude/longitude list (great-circle distances — clearly labelled in `city.json` as not road distances).
///
/// Every matrix ends up in metres and seconds and passes ``CityMatrices``'s checks when written.
public enum CityImporter {
    /// Where the matrices come from.
    public enum Source: Sendable {
        /// An OSRM `/table` response with `durations` and `distances`; points are its snapped source waypoints.
        case osrmTable(String)
        /// Two CSV matrices and a point list; units from `# unit:` lines or the given units.
        case csv(distances: String, durations: String, points: String, distanceUnit: MatrixUnit?, durationUnit: MatrixUnit?)
        /// A TSPLIB/ATSPLIB file (its costs are distances in `distanceUnit`; durations are derived at `speedKmh`);
        /// points from `points`, else from the file's coordinates when they are longitudes and latitudes.
        case tsplib(String, distanceUnit: MatrixUnit?, points: String?, speedKmh: Double)
        /// Raw little-endian float32 matrices in metres and seconds, and a point list.
        case float32(distances: String, durations: String, points: String)
        /// A latitude/longitude list: great-circle distances, durations at `speedKmh`.
        case coordinates(String, speedKmh: Double)
    }

    /// A loaded source, ready to be written.
    public struct Imported: Sendable {
        public var points: [CityDatasetWriter.SnappedPoint]
        /// Metres, row-major.
        public var distances: [Float]
        /// Seconds, row-major.
        public var durations: [Float]
        public var metadata: CityMetadata
    }

    /// Reads `source` and writes the dataset `name` to `output`; returns the checked matrices.
    /// - Throws: ``FormatError`` naming the file (and line) of the first problem.
    @discardableResult
    public static func importCity(_ source: Source, name: String, output: String) throws(FormatError) -> CityMatrices {
        let imported = try load(source, name: name)
        return try CityDatasetWriter.write(directory: output, points: imported.points, distances: imported.distances,
                                           durations: imported.durations, metadata: imported.metadata)
    }

    /// Reads `source` into metres and seconds.
    public static func load(_ source: Source, name: String) throws(FormatError) -> Imported {
        switch source {
        case .osrmTable(let path):
            let table = try OSRMTableResponse.parse(try contents(path), file: path)
            guard table.sources.count == table.destinations.count else {
                throw FormatError(file: path, line: nil, message: "\(table.sources.count) sources but "
                                  + "\(table.destinations.count) destinations: a city needs the full square table")
            }
            if let (from, to) = table.unreachablePairs.first {
                throw FormatError(file: path, line: nil, message: "\(table.unreachablePairs.count) pairs are null "
                                  + "(unreachable), first \(from)→\(to); a city needs every pair routable")
            }
            let points = table.sources.map {
                CityDatasetWriter.SnappedPoint(original: $0.location, snapped: $0.location, snapDistance: $0.snapDistance)
            }
            return Imported(points: points, distances: table.distances.map { Float($0!) },
                            durations: table.durations.map { Float($0!) },
                            metadata: metadata(name, "road (OSRM /table response)", path))
        case .csv(let distancePath, let durationPath, let pointsPath, let distanceUnit, let durationUnit):
            let distances = try CSVMatrixReader.read(distancePath, unit: distanceUnit, lengths: true)
            let durations = try CSVMatrixReader.read(durationPath, unit: durationUnit, lengths: false)
            guard distances.count == durations.count else {
                throw FormatError(file: durationPath, line: nil,
                                  message: "\(durations.count)×\(durations.count), the distance matrix is \(distances.count)×\(distances.count)")
            }
            let points = try readPoints(pointsPath, expected: distances.count)
            let kind = "imported CSV matrices (distance in \(distances.unit.rawValue), duration in \(durations.unit.rawValue), converted to m and s)"
            return Imported(points: points, distances: distances.inBaseUnits.map(Float.init),
                            durations: durations.inBaseUnits.map(Float.init),
                            metadata: metadata(name, kind, "\(distancePath), \(durationPath), \(pointsPath)"))
        case .tsplib(let path, let distanceUnit, let pointsPath, let speed):
            return try tsplib(path, unit: distanceUnit, pointsPath: pointsPath, speedKmh: speed, name: name)
        case .float32(let distancePath, let durationPath, let pointsPath):
            let points = try readPoints(pointsPath, expected: nil)
            let distances = try Float32MatrixFile.read(distancePath, count: points.count)
            let durations = try Float32MatrixFile.read(durationPath, count: points.count)
            return Imported(points: points, distances: distances, durations: durations,
                            metadata: metadata(name, "imported float32 matrices (m, s)", "\(distancePath), \(durationPath)"))
        case .coordinates(let path, let speed):
            let positions = try CoordinateListReader.read(path)
            try checkSpeed(speed, file: path)
            let metres = positions.flatMap { a in positions.map { b in GreatCircle.metres(from: a, to: b) } }
            var info = metadata(name, "great-circle (haversine), not road; durations = distance at \(speed) km/h", path)
            info.speedKmh = speed
            return Imported(points: positions.map(CityDatasetWriter.SnappedPoint.init(unsnapped:)),
                            distances: metres.map { Float($0) }, durations: metres.map { Float($0 / (speed / 3.6)) },
                            metadata: info)
        }
    }

    private static func tsplib(_ path: String, unit: MatrixUnit?, pointsPath: String?, speedKmh: Double,
                               name: String) throws(FormatError) -> Imported {
        let instance: Instance
        do {
            instance = try InstanceReader.read(contentsOf: path)
        } catch let error as FormatError {
            throw error
        } catch {
            throw FormatError(file: path, line: nil, message: "\(error)")
        }
        guard let unit, unit.isLength else {
            throw FormatError(file: path, line: nil, message: "a TSPLIB file states no unit: give the distance unit "
                              + "(\(MatrixUnit.names(lengths: true)))")
        }
        try checkSpeed(speedKmh, file: path)
        let n = instance.dimension
        let points: [CityDatasetWriter.SnappedPoint]
        if let pointsPath {
            points = try readPoints(pointsPath, expected: n)
        } else if let coordinates = instance.coordinates, coordinates.allSatisfy({ abs($0.x) <= 180 && abs($0.y) <= 90 }) {
            points = coordinates.map(CityDatasetWriter.SnappedPoint.init(unsnapped:))
        } else {
            throw FormatError(file: path, line: nil, message: "the file has no longitude/latitude coordinates: give a point list")
        }
        let metres = instance.distances.storage.map { Double($0) * unit.factor }
        var info = metadata(name, "TSPLIB \(instance.distanceRule) distances in \(unit.rawValue); durations derived at "
                            + "\(speedKmh) km/h, not measured", path)
        info.speedKmh = speedKmh
        return Imported(points: points, distances: metres.map { Float($0) },
                        durations: metres.map { Float($0 / (speedKmh / 3.6)) }, metadata: info)
    }

    /// A `points.csv` of a city dataset (header starting `index,`) or a latitude/longitude list.
    private static func readPoints(_ path: String, expected: Int?) throws(FormatError) -> [CityDatasetWriter.SnappedPoint] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let positions = text.hasPrefix("index,") ? try CityDatasetReader.readPoints(path) : try CoordinateListReader.read(path)
        if let expected, positions.count != expected {
            throw FormatError(file: path, line: nil, message: "\(positions.count) points, the matrices are \(expected)×\(expected)")
        }
        return positions.map(CityDatasetWriter.SnappedPoint.init(unsnapped:))
    }

    private static func checkSpeed(_ speed: Double, file: String) throws(FormatError) {
        guard speed.isFinite, speed > 0 else {
            throw FormatError(file: file, line: nil, message: "the speed for derived durations must be positive, got \(speed)")
        }
    }

    private static func contents(_ path: String) throws(FormatError) -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FormatError(file: path, line: nil, message: "cannot read the file")
        }
        return data
    }

    private static func metadata(_ name: String, _ kind: String, _ source: String) -> CityMetadata {
        var info = CityMetadata(name: name, matrixKind: kind, source: source)
        let main = source.split(separator: ",").first.map { String($0) } ?? source
        if let checksum = FileChecksum.crc32(of: main) {
            info.sourceCRC32 = checksum.hex
            info.sourceBytes = checksum.bytes
        }
        return info
    }
}
