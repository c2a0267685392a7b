/// How many vehicles a CVRP instance may use, as a user asks for it (`--vehicles N` or `--vehicles name`).
///
/// RouteOpt's default fleet is the file's `VEHICLES`, else unlimited; CVRPLIB's classic sets (A, B, E, P) were
/// published with the fleet fixed at the `k` of the name (`A-n32-k5`), which ``fromName`` applies.
public enum VehicleLimitRule: Sendable, Hashable, CustomStringConvertible {
    /// At most this many vehicles.
    case count(Int)
    /// The `k` of the instance's CVRPLIB name.
    case fromName

    /// Parses a positive count or `name`.
    public init?(argument: String) {
        if argument == "name" {
            self = .fromName
        } else if let count = Int(argument), count > 0 {
            self = .count(count)
        } else {
            return nil
        }
    }

    /// Why a rule could not be applied to an instance.
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// ``VehicleLimitRule/fromName`` on a name without a `-kN` part.
        case noVehicleCountInName(String)
        /// The limit cannot carry the instance (see ``InstanceError``).
        case instance(InstanceError)

        public var description: String {
            switch self {
            case .noVehicleCountInName(let name): "the instance name '\(name)' has no -kN suffix"
            case .instance(let error): "\(error)"
            }
        }
    }

    /// The limit for `instance`.
    public func limit(for instance: Instance) throws(Failure) -> Int {
        switch self {
        case .count(let count): return count
        case .fromName:
            guard let k = instance.vehicleCountInName else { throw .noVehicleCountInName(instance.name) }
            return k
        }
    }

    /// `instance` with the rule's fleet limit (TSP instances unchanged).
    public func apply(to instance: Instance) throws(Failure) -> Instance {
        guard instance.kind.isVehicleRouting else { return instance }
        let vehicles = try limit(for: instance)
        do { return try instance.withVehicleLimit(vehicles) } catch { throw .instance(error) }
    }

    /// `7` or `name`, as parsed.
    public var description: String {
        switch self {
        case .count(let count): "\(count)"
        case .fromName: "name"
        }
    }
}
