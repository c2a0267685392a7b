import Foundation
import RoutingCore

/// Reads a city dataset folder: `points.csv`, `distance_m.f32`, `duration_s.f32` and an optional `city.json`.
///
/// The layout is the one of `shared/realworld/monaco-1000` and of what `routeopt matrix osrm` writes:
/// - `points.csv`: header `index,lon,lat[,snapped_lon,snapped_lat,snap_distance_m]`, one row per point in index
///   order (the snapped position is used when present);
/// - `distance_m.f32`, `duration_s.f32`: `n × n` little-endian float32, row-major `[from][to]`, metres and seconds;
/// - `city.json` (optional): an object whose `name` names the city (otherwise the folder's name).
public enum CityDatasetReader {
    /// The file names inside a dataset folder.
    public static let pointsFile = "points.csv"
    public static let distanceFile = "distance_m.f32"
    public static let durationFile = "duration_s.f32"
    public static let metadataFile = "city.json"

    /// Reads the dataset in `directory`.
    /// - Throws: ``FormatError`` naming the file (and line, for `points.csv`) of the first problem.
    public static func read(directory: String) throws(FormatError) -> CityMatrices {
        let folder = URL(fileURLWithPath: directory)
        let pointsPath = folder.appendingPathComponent(pointsFile).path
        let points = try readPoints(pointsPath)
        let distances = try Float32MatrixFile.read(folder.appendingPathComponent(distanceFile).path, count: points.count)
        let durations = try Float32MatrixFile.read(folder.appendingPathComponent(durationFile).path, count: points.count)
        let name = cityName(folder)
        do {
            return try CityMatrices(name: name, points: points, distances: distances, durations: durations)
        } catch {
            let file = switch error.objective {
            case .distance: folder.appendingPathComponent(distanceFile).path
            case .duration: folder.appendingPathComponent(durationFile).path
            case nil: directory
            }
            throw FormatError(file: file, line: nil, message: error.description)
        }
    }

    /// Reads `points.csv`; rows must be numbered 0, 1, 2, … in order.
    public static func readPoints(_ path: String) throws(FormatError) -> [Point] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FormatError(file: path, line: nil, message: "cannot read the points file")
        }
        // "\r\n" is one Character in Swift, so split on any newline character.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard let header = lines.first, !header.isEmpty else {
            throw FormatError(file: path, line: 1, message: "missing header line (index,lon,lat,...)")
        }
        let columns = header.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        guard let lonColumn = column("snapped_lon") ?? column("lon"),
              let latColumn = column("snapped_lat") ?? column("lat") else {
            throw FormatError(file: path, line: 1, message: "header needs lon and lat columns, got '\(header)'")
        }
        let indexColumn = column("index")
        var points = [Point]()
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == columns.count else {
                throw FormatError(file: path, line: offset + 1,
                                  message: "\(fields.count) fields, the header has \(columns.count)")
            }
            if let indexColumn, Int(fields[indexColumn].trimmingCharacters(in: .whitespaces)) != points.count {
                throw FormatError(file: path, line: offset + 1,
                                  message: "index '\(fields[indexColumn])', expected \(points.count) (rows in index order)")
            }
            guard let lon = Double(fields[lonColumn].trimmingCharacters(in: .whitespaces)),
                  let lat = Double(fields[latColumn].trimmingCharacters(in: .whitespaces)),
                  lon.isFinite, lat.isFinite, abs(lon) <= 180, abs(lat) <= 90 else {
                throw FormatError(file: path, line: offset + 1, message: "bad longitude/latitude in '\(line)'")
            }
            points.append(Point(x: lon, y: lat))
        }
        guard points.count >= 2 else {
            throw FormatError(file: path, line: nil, message: "needs at least 2 points, found \(points.count)")
        }
        return points
    }

    private static func cityName(_ folder: URL) -> String {
        let metadata = folder.appendingPathComponent(metadataFile)
        if let data = try? Data(contentsOf: metadata),
           let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
           let name = object["name"] as? String, !name.isEmpty {
            return name
        }
        return folder.lastPathComponent
    }
}
