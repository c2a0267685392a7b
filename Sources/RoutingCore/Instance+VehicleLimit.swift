extension Instance {
    /// The same instance with at most `vehicles` routes (`nil` lifts any limit).
    ///
    /// CVRPLIB's classic sets (A, B, E, P) were published with the fleet fixed at the `k` of the name;
    /// RouteOpt's default is an unlimited fleet, so this is how a user asks for the classic rule.
    /// - Throws: ``InstanceError`` when the limit is not positive or cannot carry the total demand.
    public func withVehicleLimit(_ vehicles: Int?) throws(InstanceError) -> Instance {
        guard kind.isVehicleRouting else { return self }
        return try Instance(name: name, kind: kind, distances: distances, coordinates: coordinates,
                            distanceRule: distanceRule, demands: demands, capacity: capacity, depot: depot,
                            vehicleLimit: vehicles, comment: comment)
    }

    /// The `k` of a CVRPLIB name such as `A-n32-k5`, or `nil` when the name has none.
    public var vehicleCountInName: Int? {
        let parts = name.split(separator: "-")
        guard parts.count >= 2, let last = parts.last, last.first == "k" else { return nil }
        return Int(last.dropFirst())
    }
}
