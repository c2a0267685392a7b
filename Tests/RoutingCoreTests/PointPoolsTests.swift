import RoutingCore
import Testing

@Suite struct PointPoolsTests {
    @Test("the pools partition the points, hold out the asked share and do not overlap")
    func partition() {
        let pools = PointPools(count: 1_000)
        #expect(pools.test.count == 200)
        #expect(pools.train.count == 800)
        #expect(Set(pools.train).isDisjoint(with: pools.test))
        #expect((pools.train + pools.test).sorted() == Array(0..<1_000))
        #expect(pools.train == pools.train.sorted() && pools.test == pools.test.sorted())
    }

    @Test("the split is a function of count, fraction and seed only")
    func deterministic() {
        #expect(PointPools(count: 300, seed: 7) == PointPools(count: 300, seed: 7))
        #expect(PointPools(count: 300, seed: 7) != PointPools(count: 300, seed: 8))
        #expect(PointPools(count: 300)[.test] == PointPools(count: 300).test)
    }

    @Test("tiny cities still get two non-empty pools")
    func tiny() {
        for count in 2...6 {
            let pools = PointPools(count: count, testFraction: 0.01)
            #expect(!pools.test.isEmpty && !pools.train.isEmpty)
            #expect(pools.train.count + pools.test.count == count)
        }
    }
}
