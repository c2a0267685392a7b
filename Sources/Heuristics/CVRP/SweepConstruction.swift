import Foundation
import RoutingCore

/// The sweep heuristic: customers sorted by polar angle around the depot are cut into routes
/// whenever the next one would overflow the vehicle; each route visits its customers in angle
/// order (local search then reorders them). Needs coordinates.
enum SweepConstruction {
    /// `true` when the instance has coordinates to sweep over.
    static func isAvailable(for data: CVRPData) -> Bool { data.instance.coordinates != nil }

    /// The sweep routes starting at the widest angular gap, or `nil` without coordinates.
    /// With a limited fleet, customers beyond the last allowed route are left out for the
    /// improvement search to place.
    static func routes(for data: CVRPData) -> [[Int]]? {
        guard let points = data.instance.coordinates else { return nil }
        let center = points[data.depot]
        let angled = data.customers.map { c -> (angle: Double, node: Int) in
            let p = points[Int(c)]
            let angle = atan2(p.y - center.y, p.x - center.x)
            return (angle, Int(c))
        }.sorted { $0.angle != $1.angle ? $0.angle < $1.angle : $0.node < $1.node }
        guard !angled.isEmpty else { return [] }
        var widest = 0
        var widestGap = -Double.infinity
        for index in angled.indices {
            let following = angled[(index + 1) % angled.count].angle
            let gap = index + 1 < angled.count ? following - angled[index].angle : following + 2 * .pi - angled[index].angle
            if gap > widestGap { widestGap = gap; widest = (index + 1) % angled.count }
        }
        let order = angled[widest...] + angled[..<widest]
        var routes: [[Int]] = [[]]
        var load = 0
        for (_, node) in order {
            let demand = Int(data.demands[node])
            if load + demand > data.capacity {
                routes.append([])
                load = 0
            }
            routes[routes.count - 1].append(node)
            load += demand
        }
        return Array(routes.filter { !$0.isEmpty }.prefix(data.vehicleLimit))
    }
}
