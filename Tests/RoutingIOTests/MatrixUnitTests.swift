import RoutingIO
import Testing

@Suite struct MatrixUnitTests {
    @Test("unit names and their factors to metres and seconds")
    func factors() {
        #expect(MatrixUnit(name: "km")?.factor == 1_000 && MatrixUnit(name: "Kilometres") == .kilometres)
        #expect(MatrixUnit(name: "min")?.factor == 60 && MatrixUnit(name: "hours")?.factor == 3_600)
        #expect(MatrixUnit(name: "mi")?.factor == 1_609.344 && MatrixUnit(name: "furlong") == nil)
        #expect(MatrixUnit.metres.isLength && !MatrixUnit.seconds.isLength)
        #expect(MatrixUnit.names(lengths: true) == "m, km, mi" && MatrixUnit.names(lengths: false) == "s, min, h")
    }
}
