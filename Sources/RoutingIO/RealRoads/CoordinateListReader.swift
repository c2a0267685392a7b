import Foundation
import RoutingCore

/// Reads a plain list of geographic positions: one point per line, latitude and longitude separated by a comma,
/// semicolon, tab or spaces.
///
/// With a header line naming the columns (`lat`/`latitude` and `lon`/`lng`/`longitude`, any order, other columns
/// ignored) the columns are taken by name; without one, each line is `latitude, longitude` — the order the name
/// "lat/lon list" promises. Lines starting with `#` are comments. Points come back with `x` = longitude and
/// `y` = latitude; a latitude beyond ±90 or longitude beyond ±180 is an error naming the line (a swapped file).
public enum CoordinateListReader {
    /// Reads `path`.
    /// - Throws: ``FormatError`` naming the file and line of the first problem; fewer than 2 points is an error.
    public static func read(_ path: String) throws(FormatError) -> [Point] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw FormatError(file: path, line: nil, message: "cannot read the coordinate list")
        }
        var latitudeColumn = 0, longitudeColumn = 1, width: Int?
        var points = [Point]()
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(whereSeparator: { ",;\t ".contains($0) }).map(String.init)
            if points.isEmpty, width == nil, fields.contains(where: { Double($0) == nil }) {
                let names = fields.map { $0.lowercased() }
                guard let lat = names.firstIndex(where: { ["lat", "latitude"].contains($0) }),
                      let lon = names.firstIndex(where: { ["lon", "lng", "long", "longitude"].contains($0) }) else {
                    throw FormatError(file: path, line: offset + 1,
                                      message: "a header needs 'lat' and 'lon' columns, got '\(line)'")
                }
                (latitudeColumn, longitudeColumn, width) = (lat, lon, fields.count)
                continue
            }
            guard fields.count == (width ?? 2) else {
                throw FormatError(file: path, line: offset + 1,
                                  message: "\(fields.count) fields, expected \(width ?? 2) (\(width == nil ? "latitude, longitude" : "as the header"))")
            }
            guard let lat = Double(fields[latitudeColumn]), let lon = Double(fields[longitudeColumn]),
                  lat.isFinite, lon.isFinite else {
                throw FormatError(file: path, line: offset + 1, message: "'\(line)' is not a latitude and a longitude")
            }
            guard abs(lat) <= 90, abs(lon) <= 180 else {
                throw FormatError(file: path, line: offset + 1,
                                  message: "latitude \(lat) / longitude \(lon) out of range (are the columns swapped?)")
            }
            points.append(Point(x: lon, y: lat))
        }
        guard points.count >= 2 else {
            throw FormatError(file: path, line: nil, message: "needs at least 2 points, found \(points.count)")
        }
        return points
    }
}
