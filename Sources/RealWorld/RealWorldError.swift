/// Why the real-world pipeline (OSRM, sampling, import) stopped; each case reads as one clear sentence.
public enum RealWorldError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--bbox` text is not `lon1,lat1,lon2,lat2` forming a non-empty box.
    case invalidBoundingBox(String)
    /// The OSRM binaries were not found; the folders searched are listed.
    case osrmNotInstalled(searched: [String])
    /// An OSRM tool failed; its exit status and the end of its log.
    case toolFailed(tool: String, status: Int32, log: String)
    /// `osrm-routed` did not start answering in time, or exited; the end of its log.
    case serverDidNotStart(reason: String, log: String)
    /// The `/table` request failed (connection, HTTP status, or an OSRM error code).
    case tableRequestFailed(String)
    /// OSRM found no route for some pairs; `pairs` lists the first few `(from, to)`, `worst` the points in the most
    /// unreachable pairs (index, position and count).
    case unreachablePairs(count: Int, total: Int, pairs: [(Int, Int)], worst: [String])
    /// Not enough usable points after dropping far snaps and unreachable points.
    case tooFewUsablePoints(wanted: Int, got: Int, rounds: Int, reasons: String)
    /// A request the sampler or importer cannot satisfy (pool too small, bad size, …).
    case invalidRequest(String)

    public static func == (lhs: RealWorldError, rhs: RealWorldError) -> Bool {
        lhs.description == rhs.description
    }

    public var description: String {
        switch self {
        case .invalidBoundingBox(let text):
            "invalid bounding box '\(text)': expected lon1,lat1,lon2,lat2 (degrees, a box of positive size)"
        case .osrmNotInstalled(let searched):
            "the OSRM binaries (osrm-extract, osrm-partition, osrm-customize, osrm-routed) were not found in "
                + searched.joined(separator: ", ")
                + "; install them with `scripts/setup_osrm.sh` (unpacks the PyPI wheel osrm-bindings into .osrm/) or pass --osrm-dir"
        case .toolFailed(let tool, let status, let log):
            "\(tool) failed with exit status \(status); its log ends:\n\(log)"
        case .serverDidNotStart(let reason, let log):
            "osrm-routed did not start: \(reason); its log ends:\n\(log)"
        case .tableRequestFailed(let reason):
            "the OSRM /table request failed: \(reason)"
        case .unreachablePairs(let count, let total, let pairs, let worst):
            "OSRM found no route (null) for \(count) of \(total) ordered pairs of points, e.g. "
                + pairs.map { "\($0.0)→\($0.1)" }.joined(separator: ", ")
                + "; most involved: " + worst.joined(separator: ", ")
                + "; these points lie on roads not connected to each other by car. Pass --drop-unreachable to drop "
                + "such points (and sample replacements), or choose a box inside one connected road network"
        case .tooFewUsablePoints(let wanted, let got, let rounds, let reasons):
            "only \(got) of the \(wanted) points are usable after \(rounds) rounds of sampling (\(reasons))"
        case .invalidRequest(let reason):
            reason
        }
    }
}
