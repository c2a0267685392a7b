import RealWorld
import RoutingCore
import Testing

@Suite struct GreatCircleTests {
    @Test("one degree of latitude is about 111.2 km; distances are symmetric and zero to itself")
    func distances() {
        let a = Point(x: 7.42, y: 43.73), b = Point(x: 7.42, y: 44.73)
        #expect(abs(GreatCircle.metres(from: a, to: b) - 111_195) < 5)
        #expect(GreatCircle.metres(from: a, to: a) == 0)
        let c = Point(x: 24.94, y: 60.17)
        #expect(GreatCircle.metres(from: a, to: c) == GreatCircle.metres(from: c, to: a))
    }
}
