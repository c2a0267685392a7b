import Foundation
import RoutingCore
import RoutingIO

/// The whole `routeopt matrix osrm` pipeline: sample points on the drivable roads of an `.osm.pbf` extract, build
/// the OSRM car graph, start `osrm-routed` on loopback, ask `/table` for durations and distances, stop the server
/// and write a city dataset.
///
/// Points whose snap to the road network is farther than ``Request/maxSnapMetres`` are dropped and reported, and
/// replacements are sampled. Pairs OSRM cannot route (`null`) are an error listing them, or, with
/// ``Request/dropUnreachable``, the points with the most unreachable pairs are dropped one by one until every
/// remaining pair is routable, and replacements are sampled. Nothing unreachable is ever written as a number.
public struct OSRMCityBuilder: Sendable {
    /// What to build.
    public struct Request: Sendable {
        /// The OpenStreetMap extract.
        public var pbf: URL
        /// The sampling area (the whole extract when `nil`).
        public var box: BoundingBox?
        /// Number of points in the dataset.
        public var pointCount: Int
        /// Seed of the road-length sampler.
        public var seed: UInt64
        /// Snaps farther than this many metres are rejected.
        public var maxSnapMetres: Double = 100
        /// Drop points with unreachable pairs (instead of failing).
        public var dropUnreachable = false
        /// The dataset's name.
        public var name: String
        /// Rounds of sampling replacements before giving up.
        public var maxRounds = 8

        public init(pbf: URL, box: BoundingBox?, pointCount: Int, seed: UInt64, name: String) {
            self.pbf = pbf
            self.box = box
            self.pointCount = pointCount
            self.seed = seed
            self.name = name
        }
    }

    /// The OSRM binaries used.
    public let installation: OSRMInstallation
    /// Receives one line per step (for stderr).
    public let progress: @Sendable (String) -> Void

    public init(installation: OSRMInstallation, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.installation = installation
        self.progress = progress
    }

    /// Runs the pipeline and writes the dataset to `output`; returns the checked matrices.
    /// - Throws: ``RealWorldError`` or ``FormatError`` naming the step that failed. The server is stopped and the
    ///   temporary graph folder removed in every case.
    public func build(_ request: Request, output: String) throws -> CityMatrices {
        guard request.pointCount >= 2 else { throw RealWorldError.invalidRequest("--points must be at least 2") }
        let started = Date()
        let network = try RoadNetwork.read(pbf: request.pbf.path, inside: request.box)
        progress(String(format: "roads: %d drivable ways, %.1f km inside the box (%.2f s)",
                        network.wayCount, network.totalLength / 1000, Date().timeIntervalSince(started)))
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("routeopt-osrm-\(UUID().uuidString)")
        OSRMCleanup.register(folder: work)
        defer {
            try? FileManager.default.removeItem(at: work)
            OSRMCleanup.unregister(folder: work)
        }
        let builder = OSRMGraphBuilder(installation: installation)
        let graph = try builder.build(pbf: request.pbf, in: work)
        progress(String(format: "OSRM graph built: extract, partition, customize (%.2f s)", Date().timeIntervalSince(started)))
        let server = try OSRMServer.start(graph: graph, installation: installation, maxTableSize: request.pointCount)
        defer { server.stop() }
        progress("osrm-routed listening on 127.0.0.1:\(server.port) (pid \(server.processIdentifier))")
        let (points, table, dropped) = try collect(request, sampler: RoadLengthSampler(network: network, seed: request.seed),
                                                   client: OSRMTableClient(baseURL: server.baseURL))
        server.stop()
        progress(String(format: "table %d×%d done, server stopped (%.2f s)", points.count, points.count,
                        Date().timeIntervalSince(started)))
        var metadata = CityMetadata(name: request.name, matrixKind: "road (OSRM /table, car profile)",
                                    source: request.pbf.lastPathComponent)
        if let checksum = FileChecksum.crc32(of: request.pbf.path) {
            metadata.sourceCRC32 = checksum.hex
            metadata.sourceBytes = checksum.bytes
        }
        metadata.bbox = request.box?.description
        metadata.seed = request.seed
        metadata.engine = "OSRM \(builder.version)"
        metadata.profile = installation.carProfile.lastPathComponent + " (MLD)"
        metadata.maxSnapM = request.maxSnapMetres
        metadata.droppedPoints = dropped
        return try CityDatasetWriter.write(directory: output, points: points,
                                           distances: table.distances.map { Float($0!) },
                                           durations: table.durations.map { Float($0!) }, metadata: metadata)
    }

    /// Samples, queries and filters until `pointCount` usable points remain; returns them with their table.
    private func collect(_ request: Request, sampler: RoadLengthSampler, client: OSRMTableClient) throws
        -> ([CityDatasetWriter.SnappedPoint], OSRMTableResponse, [String]) {
        var sampler = sampler
        var kept = [Point]()
        var dropped = [String]()
        for round in 1...request.maxRounds {
            let candidates = kept + sampler.next(request.pointCount - kept.count)
            // Snaps first, with a one-destination table (cheap); the full table only once every snap is close.
            let snaps = try client.table(candidates, destinations: [0]).sources
            let far = snaps.indices.filter { snaps[$0].snapDistance > request.maxSnapMetres }
            for index in far {
                let reason = String(format: "(%.6f,%.6f): snapped %.0f m away (limit %.0f m)", candidates[index].x,
                                    candidates[index].y, snaps[index].snapDistance, request.maxSnapMetres)
                dropped.append(reason)
                if index == far.first || far.count <= 5 { progress("dropped point \(reason)") }
            }
            if far.count > 5 {
                progress("round \(round): dropped \(far.count) points snapped farther than \(Int(request.maxSnapMetres)) m "
                         + "(all listed in city.json); sampling replacements")
            }
            guard far.isEmpty else {
                kept = candidates.indices.filter { !far.contains($0) }.map { candidates[$0] }
                continue
            }
            let table = try client.table(candidates)
            var usable = [Bool](repeating: true, count: candidates.count)
            let unreachable = table.unreachablePairs
            if !unreachable.isEmpty {
                guard request.dropUnreachable else {
                    var involvement = [Int](repeating: 0, count: candidates.count)
                    for (from, to) in unreachable {
                        involvement[from] += 1
                        involvement[to] += 1
                    }
                    let worst = involvement.indices.sorted { involvement[$0] > involvement[$1] }.prefix(3)
                        .filter { involvement[$0] > 0 }
                        .map { String(format: "point %d (%.6f,%.6f) in %d pairs", $0, candidates[$0].x, candidates[$0].y, involvement[$0]) }
                    throw RealWorldError.unreachablePairs(count: unreachable.count, total: candidates.count * (candidates.count - 1),
                                                          pairs: Array(unreachable.prefix(10)), worst: worst)
                }
                for index in Self.pointsCoveringPairs(unreachable, count: candidates.count) {
                    usable[index] = false
                    let reason = String(format: "(%.6f,%.6f): unreachable from or to other points", candidates[index].x,
                                        candidates[index].y)
                    dropped.append(reason)
                }
                progress("round \(round): dropped points with unreachable pairs (\(unreachable.count) pairs)")
            }
            if usable.allSatisfy({ $0 }) {
                let points = candidates.indices.map {
                    CityDatasetWriter.SnappedPoint(original: candidates[$0], snapped: table.sources[$0].location,
                                                   snapDistance: table.sources[$0].snapDistance)
                }
                return (points, table, dropped)
            }
            kept = candidates.indices.filter { usable[$0] }.map { candidates[$0] }
        }
        throw RealWorldError.tooFewUsablePoints(wanted: request.pointCount, got: kept.count, rounds: request.maxRounds,
                                                reasons: "\(dropped.count) points dropped for far snaps or unreachable pairs")
    }

    /// Points to drop so that no pair of `pairs` is left: greedily the point in the most remaining pairs.
    /// - Complexity: O(n² + p) for n points and p pairs.
    static func pointsCoveringPairs(_ pairs: [(Int, Int)], count: Int) -> [Int] {
        var partners = [Set<Int>](repeating: [], count: count)
        for (from, to) in pairs where from != to {
            partners[from].insert(to)
            partners[to].insert(from)
        }
        var chosen = [Int]()
        while let worst = partners.indices.max(by: { partners[$0].count < partners[$1].count }),
              !partners[worst].isEmpty {
            for other in partners[worst] { partners[other].remove(worst) }
            partners[worst] = []
            chosen.append(worst)
        }
        return chosen.sorted()
    }
}
