import ArgumentParser
import RoutingCore

/// `--vehicles N` or `--vehicles name` (the `k` of a CVRPLIB name), for `solve` and `bench`.
extension VehicleLimitRule: ExpressibleByArgument {
    public static var defaultCompletionKind: CompletionKind { .list(["name"]) }
}

/// A `--vehicles` value the instance cannot use.
struct VehicleLimitError: Error, CustomStringConvertible {
    let file: String
    let reason: String
    var description: String { "\(file): --vehicles: \(reason)" }
}
