import ArgumentParser
import RoutingCore

/// `--vehicles N` or `--vehicles name` (the `k` of a CVRPLIB name).
enum VehicleLimitArgument: ExpressibleByArgument {
    case count(Int)
    case fromName

    init?(argument: String) {
        if argument == "name" {
            self = .fromName
        } else if let count = Int(argument), count > 0 {
            self = .count(count)
        } else {
            return nil
        }
    }

    /// The limit for `instance`.
    func limit(for instance: Instance) throws -> Int {
        switch self {
        case .count(let count): return count
        case .fromName:
            guard let k = instance.vehicleCountInName else {
                throw ValidationError("--vehicles name: the instance name '\(instance.name)' has no -kN suffix")
            }
            return k
        }
    }
}

/// A `--vehicles` value the instance cannot use.
struct VehicleLimitError: Error, CustomStringConvertible {
    let file: String
    let reason: String
    var description: String { "\(file): --vehicles: \(reason)" }
}
