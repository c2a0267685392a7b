import Testing
@testable import Benchmarking

@Suite struct PlotScaleTests {
    /// A linear scale rounds out to 1-2-5 steps and maps its ends to its pixel range.
    @Test func linear() {
        let scale = PlotScale.fitting([0.3, 7.2], start: 100, end: 500, logarithmic: false, includeZero: true)
        #expect(scale.lower == 0 && scale.upper == 8)
        #expect(scale.ticks.map(\.value) == [0, 2, 4, 6, 8])
        #expect(scale.position(0) == 100 && scale.position(8) == 500 && scale.position(4) == 300)
        #expect(scale.position(-3) == 100)
    }

    /// Negative values stay in view and 0 gets a tick.
    @Test func negative() {
        let scale = PlotScale.fitting([-1.5, 3], start: 0, end: 1, logarithmic: false)
        #expect(scale.lower <= -1.5 && scale.upper >= 3 && scale.ticks.contains { $0.value == 0 })
    }

    /// A logarithmic scale spans whole decades; short spans get 2× and 5× ticks.
    @Test func logarithmic() {
        let scale = PlotScale.fitting([0.03, 4], start: 0, end: 300, logarithmic: true)
        #expect(abs(scale.lower - 0.01) < 1e-12 && abs(scale.upper - 10) < 1e-9)
        #expect(scale.ticks.map(\.label) == ["0.01", "0.1", "1", "10"])
        #expect(abs(scale.position(0.1) - 100) < 1e-9)
        let short = PlotScale.fitting([0.2, 3], start: 0, end: 1, logarithmic: true)
        #expect(short.ticks.map(\.label) == ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
    }

    /// Labels drop trailing zeros and abbreviate thousands and millions.
    @Test func labels() {
        #expect(PlotScale.label(0.5) == "0.5" && PlotScale.label(20) == "20" && PlotScale.label(25_000) == "25k")
        #expect(PlotScale.label(3_500_000) == "3.5M" && PlotScale.label(-0.0) == "0")
        #expect(PlotScale.niceStep(0.13) == 0.2 && PlotScale.niceStep(3.1) == 5 && PlotScale.niceStep(70) == 100)
    }
}
