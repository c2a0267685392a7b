/// A unit of a distance or duration matrix, and its factor to the dataset units (metres, seconds).
public enum MatrixUnit: String, Sendable, CaseIterable {
    case metres = "m"
    case kilometres = "km"
    case miles = "mi"
    case seconds = "s"
    case minutes = "min"
    case hours = "h"

    /// `true` for the length units.
    public var isLength: Bool { self == .metres || self == .kilometres || self == .miles }

    /// Multiply a value in this unit by this to get metres (lengths) or seconds (times).
    public var factor: Double {
        switch self {
        case .metres, .seconds: 1
        case .kilometres: 1_000
        case .miles: 1_609.344
        case .minutes: 60
        case .hours: 3_600
        }
    }

    /// Parses a unit name (`m`, `km`, `mi`, `s`, `min`, `h`, and the spelled-out forms).
    public init?(name: String) {
        let aliases: [String: MatrixUnit] = [
            "metre": .metres, "metres": .metres, "meter": .metres, "meters": .metres,
            "kilometre": .kilometres, "kilometres": .kilometres, "kilometer": .kilometres, "kilometers": .kilometres,
            "mile": .miles, "miles": .miles, "sec": .seconds, "second": .seconds, "seconds": .seconds,
            "minute": .minutes, "minutes": .minutes, "hour": .hours, "hours": .hours,
        ]
        let key = name.lowercased()
        guard let unit = MatrixUnit(rawValue: key) ?? aliases[key] else { return nil }
        self = unit
    }

    /// The accepted length or time unit names, for messages.
    public static func names(lengths: Bool) -> String {
        allCases.filter { $0.isLength == lengths }.map(\.rawValue).joined(separator: ", ")
    }
}
