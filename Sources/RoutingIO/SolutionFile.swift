import RoutingCore

/// A solution as read from a file, with the cost the file itself claims (CVRPLIB `Cost c`; TSPLIB
/// `.tour` files carry none).
public struct SolutionFile: Sendable, Hashable {
    /// The routes or tour.
    public let solution: Solution
    /// The cost written in the file, if any.
    public let claimedCost: Double?
    /// The line the claimed cost is on.
    public let claimedCostLine: Int?

    public init(solution: Solution, claimedCost: Double?, claimedCostLine: Int?) {
        self.solution = solution
        self.claimedCost = claimedCost
        self.claimedCostLine = claimedCostLine
    }
}
