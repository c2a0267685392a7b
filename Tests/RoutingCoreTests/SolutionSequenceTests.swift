import Testing
import RoutingCore

@Suite struct SolutionSequenceTests {
    /// Depot visits split a sequence into routes; repeated or leading/trailing depots make no empty routes.
    @Test func splitsAtDepot() {
        #expect(Solution.routes(fromSequence: [3, 1, 0, 2, 0], depot: 0) == .routes([[3, 1], [2]]))
        #expect(Solution.routes(fromSequence: [0, 0, 4, 2, 0, 0, 1], depot: 0) == .routes([[4, 2], [1]]))
        #expect(Solution.routes(fromSequence: [5, 2, 3], depot: 5) == .routes([[2, 3]]))
    }
}
