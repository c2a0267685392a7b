@testable import Heuristics
import RoutingCore
import Testing

@Suite struct SweepConstructionTests {
    /// Sweep routes are feasible, cover every customer and use the fewest routes a cut of the
    /// angular order allows.
    @Test func buildsValidSolutions() throws {
        for instance in CVRPFixtures.sweepInstances(count: 12) where instance.vehicleLimit == nil {
            let data = CVRPData(instance: instance)
            #expect(SweepConstruction.isAvailable(for: data))
            let routes = try #require(SweepConstruction.routes(for: data))
            _ = try Evaluator.evaluate(.routes(routes), in: instance)
            #expect(routes.count >= instance.minimumRoutes)
        }
    }

    /// Without coordinates the sweep is unavailable and returns nil (the solver then uses savings).
    @Test func unavailableWithoutCoordinates() {
        let data = CVRPFixtures.tinyAsymmetric()
        #expect(!SweepConstruction.isAvailable(for: data))
        #expect(SweepConstruction.routes(for: data) == nil)
    }
}
