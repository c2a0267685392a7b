import ArgumentParser
import Foundation
import RealWorld

/// `routeopt matrix osrm`: sample points on the roads of an `.osm.pbf` extract and measure them with OSRM.
struct MatrixOSRMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osrm",
        abstract: "Build a city dataset from an .osm.pbf extract with OSRM (car profile).",
        discussion: """
            Samples --points points uniformly by road length on drivable roads (no motorway, bridge, tunnel, \
            service or private roads) inside --bbox, builds the OSRM graph (extract, partition, customize), starts \
            osrm-routed on 127.0.0.1, asks /table for durations (s) and distances (m), stops the server and writes \
            points.csv, distance_m.f32, duration_s.f32 and city.json to --output. Points snapped farther than \
            --max-snap-metres are dropped, reported and replaced. Unreachable pairs are an error unless \
            --drop-unreachable. The OSRM binaries come from --osrm-dir, $ROUTEOPT_OSRM_DIR or .osrm/ \
            (install: scripts/setup_osrm.sh).
            """)

    @Option(help: "The OpenStreetMap extract (.osm.pbf).")
    var pbf: String

    @Option(help: "Sampling box lon1,lat1,lon2,lat2 (default: the whole extract).")
    var bbox: String?

    @Option(help: "Number of points.")
    var points: Int

    @Option(help: "Seed of the point sampler.")
    var seed: UInt64 = 42

    @Option(help: "Output dataset folder.")
    var output: String

    @Option(help: "City name (default: the output folder's name).")
    var name: String?

    @Option(help: "Reject points snapped farther than this (metres).")
    var maxSnapMetres: Double = 100

    @Flag(help: "Drop points with unreachable pairs (and sample replacements) instead of failing.")
    var dropUnreachable = false

    @Option(help: "Folder of the OSRM installation.")
    var osrmDir: String?

    func validate() throws {
        // The full table is held in memory while it is parsed (two n² matrices of optionals): 5,000 points is
        // already 25 million pairs per matrix.
        guard points >= 2, points <= 5_000 else { throw ValidationError("--points must be between 2 and 5000") }
        guard maxSnapMetres > 0, maxSnapMetres.isFinite else { throw ValidationError("--max-snap-metres must be positive") }
        if let bbox {
            do {
                _ = try BoundingBox(parsing: bbox)
            } catch {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        // Ctrl-C or SIGTERM: kill the OSRM build tools, stop the server and remove the temporary graph before
        // exiting, so nothing is left behind (128 + the signal's number, as a shell reports it).
        let signals = SignalHandlers { name in
            OSRMCleanup.cleanUpNow()
            FileHandle.standardError.write(Data("\n\(name): OSRM tools and server stopped, temporary files removed\n".utf8))
            Foundation.exit(name == "SIGTERM" ? 143 : 130)
        }
        defer { signals.cancel() }
        do {
            guard FileManager.default.fileExists(atPath: pbf) else { throw RealWorldError.invalidRequest("\(pbf): no such file") }
            let installation = try OSRMInstallation.locate(explicitFolder: osrmDir)
            var request = OSRMCityBuilder.Request(
                pbf: URL(fileURLWithPath: pbf), box: try bbox.map { text throws(RealWorldError) in try BoundingBox(parsing: text) },
                pointCount: points, seed: seed, name: name ?? URL(fileURLWithPath: output).lastPathComponent)
            request.maxSnapMetres = maxSnapMetres
            request.dropUnreachable = dropUnreachable
            let started = Date()
            let city = try OSRMCityBuilder(installation: installation, progress: { warn($0) }).build(request, output: output)
            print(String(format: "wrote %@: %d points, road distances (m) and durations (s), %d clamped entries (%.1f s)",
                         output, city.count, city.clampedEntries, Date().timeIntervalSince(started)))
        } catch {
            throw fail(error)
        }
    }
}
