import Foundation

/// A TSPLIB95 `EDGE_WEIGHT_TYPE`: how travel costs follow from node coordinates, or `EXPLICIT`.
///
/// The formulas use `Double` arithmetic exactly as the reference checker (`routecheck.py`) and
/// TSPLIB95 do, with `nint(x) = floor(x + 0.5)`, so costs match the published optima.
enum DistanceRule: String, CaseIterable {
    case explicit = "EXPLICIT"
    case euclidean2D = "EUC_2D"
    case euclidean3D = "EUC_3D"
    case ceiling2D = "CEIL_2D"
    case manhattan2D = "MAN_2D"
    case manhattan3D = "MAN_3D"
    case maximum2D = "MAX_2D"
    case maximum3D = "MAX_3D"
    case geographical = "GEO"
    case pseudoEuclidean = "ATT"

    /// TSPLIB95 types RouteOpt recognises but cannot compute.
    static let unsupportedNames: Set<String> = ["XRAY1", "XRAY2", "SPECIAL", "GEOM", "TOROIDAL_2D"]

    /// Coordinates per node the rule needs: 2 or 3, or 0 for `EXPLICIT`.
    var coordinateCount: Int {
        switch self {
        case .explicit: return 0
        case .euclidean3D, .manhattan3D, .maximum3D: return 3
        default: return 2
        }
    }

    /// The rounded cost between two nodes whose coordinates are `a` and `b` (each `coordinateCount`
    /// long), as a `Double` so the caller can check its range before converting. Not for `EXPLICIT`.
    @inline(__always)
    func cost(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>) -> Double {
        let dx = a[0] - b[0], dy = a[1] - b[1]
        switch self {
        case .explicit:
            preconditionFailure("EXPLICIT costs come from the EDGE_WEIGHT_SECTION")
        case .euclidean2D:
            return Self.nint((dx * dx + dy * dy).squareRoot())
        case .euclidean3D:
            let dz = a[2] - b[2]
            return Self.nint((dx * dx + dy * dy + dz * dz).squareRoot())
        case .ceiling2D:
            return (dx * dx + dy * dy).squareRoot().rounded(.up)
        case .manhattan2D:
            return Self.nint(abs(dx) + abs(dy))
        case .manhattan3D:
            return Self.nint(abs(dx) + abs(dy) + abs(a[2] - b[2]))
        case .maximum2D:
            return max(Self.nint(abs(dx)), Self.nint(abs(dy)))
        case .maximum3D:
            return max(Self.nint(abs(dx)), Self.nint(abs(dy)), Self.nint(abs(a[2] - b[2])))
        case .geographical:
            return Self.geographical(latitude1: a[0], longitude1: a[1], latitude2: b[0], longitude2: b[1])
        case .pseudoEuclidean:
            let r = ((dx * dx + dy * dy) / 10.0).squareRoot()
            let t = Self.nint(r)
            return t < r ? t + 1 : t
        }
    }

    /// TSPLIB's `nint`: round half up.
    @inline(__always)
    static func nint(_ x: Double) -> Double {
        (x + 0.5).rounded(.down)
    }

    /// TSPLIB `GEO`: coordinates are `DDD.MM` (degrees, minutes); degrees are truncated, not rounded.
    static func geographical(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let radius = 6378.388
        let la1 = radians(latitude1), lo1 = radians(longitude1)
        let la2 = radians(latitude2), lo2 = radians(longitude2)
        let q1 = cos(lo1 - lo2), q2 = cos(la1 - la2), q3 = cos(la1 + la2)
        let argument = min(1.0, max(-1.0, 0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)))
        return (radius * acos(argument) + 1.0).rounded(.towardZero)
    }

    /// `DDD.MM` to radians as TSPLIB does it: `π (deg + 5 (x − deg) / 3) / 180` with `deg = trunc(x)`.
    private static func radians(_ x: Double) -> Double {
        let degrees = x.rounded(.towardZero)
        let minutes = x - degrees
        return Double.pi * (degrees + 5.0 * minutes / 3.0) / 180.0
    }
}
