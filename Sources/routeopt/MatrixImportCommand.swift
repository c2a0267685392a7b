import ArgumentParser
import Foundation
import RealWorld
import RoutingIO

/// `routeopt matrix import`: write a city dataset from an OSRM response, CSV or float32 matrices, a TSPLIB file
/// or a latitude/longitude list.
struct MatrixImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import matrices into a city dataset (points.csv, distance_m.f32, duration_s.f32, city.json).",
        discussion: """
            --format osrm: --input TABLE.json (a /table response with durations and distances). \
            csv: --distances D.csv --durations T.csv --points P (units from '# unit: km' lines or \
            --distance-unit/--duration-unit). tsplib: --input FILE (costs are distances in --distance-unit; \
            durations derived at --speed-kmh; points from --points or the file's lon/lat display data). \
            f32: --input DIR (a dataset folder) or --distances/--durations/--points (float32 LE, m and s). \
            latlon: --input LIST (lat,lon per line or a header naming lat and lon): great-circle distances, \
            durations at --speed-kmh, labelled as not road in city.json.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case osrm, csv, tsplib, f32, latlon
    }

    @Option(help: "Source format: osrm|csv|tsplib|f32|latlon.")
    var format: Format

    @Option(help: "The input file (osrm, tsplib, latlon) or dataset folder (f32).")
    var input: String?

    @Option(help: "Distance matrix file (csv, f32).")
    var distances: String?

    @Option(help: "Duration matrix file (csv, f32).")
    var durations: String?

    @Option(help: "Point list: a points.csv or a lat/lon list (csv, f32, tsplib).")
    var points: String?

    @Option(help: "Unit of the distances: m|km|mi.")
    var distanceUnit: String?

    @Option(help: "Unit of the durations: s|min|h.")
    var durationUnit: String?

    @Option(help: "Speed (km/h) for durations derived from distances (tsplib, latlon).")
    var speedKmh: Double = 30

    @Option(help: "Output dataset folder.")
    var output: String

    @Option(help: "City name (default: the output folder's name).")
    var name: String?

    func validate() throws {
        for (option, value, lengths) in [("--distance-unit", distanceUnit, true), ("--duration-unit", durationUnit, false)] {
            if let value, MatrixUnit(name: value)?.isLength != lengths {
                throw ValidationError("\(option) must be one of \(MatrixUnit.names(lengths: lengths)), got '\(value)'")
            }
        }
        guard speedKmh > 0, speedKmh.isFinite else { throw ValidationError("--speed-kmh must be positive") }
    }

    func run() throws {
        let source = try self.source()
        do {
            let city = try CityImporter.importCity(source, name: name ?? URL(fileURLWithPath: output).lastPathComponent,
                                                   output: output)
            print("wrote \(output): \(city.count) points (\(format.rawValue) import), \(city.clampedEntries) clamped entries")
        } catch {
            throw fail(error)
        }
    }

    private func required(_ value: String?, _ option: String) throws -> String {
        guard let value else { throw ValidationError("--format \(format.rawValue) needs \(option)") }
        return value
    }

    private func source() throws -> CityImporter.Source {
        let distanceUnit = distanceUnit.flatMap(MatrixUnit.init(name:))
        switch format {
        case .osrm:
            return .osrmTable(try required(input, "--input"))
        case .csv:
            return .csv(distances: try required(distances, "--distances"), durations: try required(durations, "--durations"),
                        points: try required(points, "--points"), distanceUnit: distanceUnit,
                        durationUnit: durationUnit.flatMap(MatrixUnit.init(name:)))
        case .tsplib:
            return .tsplib(try required(input, "--input"), distanceUnit: distanceUnit, points: points, speedKmh: speedKmh)
        case .f32:
            if let input {
                let folder = URL(fileURLWithPath: input)
                return .float32(distances: folder.appendingPathComponent(CityDatasetReader.distanceFile).path,
                                durations: folder.appendingPathComponent(CityDatasetReader.durationFile).path,
                                points: folder.appendingPathComponent(CityDatasetReader.pointsFile).path)
            }
            return .float32(distances: try required(distances, "--input or --distances"),
                            durations: try required(durations, "--durations"), points: try required(points, "--points"))
        case .latlon:
            return .coordinates(try required(input, "--input"), speedKmh: speedKmh)
        }
    }
}
