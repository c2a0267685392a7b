import RoutingCore
import Testing

@Suite struct StandardCapacityTests {
    @Test("Kool et al.'s capacities: 20 / 30 / 40 / 50 for 10 / 20 / 50 / 100 customers")
    func published() {
        #expect([10, 20, 50, 100].map(StandardCapacity.forCustomers) == [20, 30, 40, 50])
        #expect(StandardCapacity.demands == 1...9)
    }
}
