/// The vehicle capacity of the CVRP benchmark distribution of Kool et al. (and Nazari et al. before them):
/// 20 / 30 / 40 / 50 for 10 / 20 / 50 / 100 customers, with demands uniform in 1…9.
public enum StandardCapacity {
    /// The capacity for `customers` customers (sizes between the published ones take the nearer band).
    public static func forCustomers(_ customers: Int) -> Int {
        switch customers {
        case ..<15: 20
        case ..<35: 30
        case ..<75: 40
        default: 50
        }
    }

    /// The range of customer demands.
    public static let demands = 1...9

    /// One demand uniform in ``demands``, drawn as Kool's generator does (`1 + ⌊9·u⌋`, `u` uniform in [0, 1)).
    @inlinable
    public static func randomDemand(using generator: inout SeededGenerator) -> Int {
        demands.lowerBound + Int(generator.nextUnit() * Double(demands.count))
    }
}
