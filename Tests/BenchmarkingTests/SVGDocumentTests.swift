import Testing
@testable import Benchmarking

@Suite struct SVGDocumentTests {
    /// Every shape and marker serialises to well-formed SVG; text is escaped; numbers are short.
    @Test func wellFormed() {
        var svg = SVGDocument(width: 200, height: 100)
        svg.line(from: (0, 0), to: (10.456, 3), stroke: "#000", dash: "2 2")
        svg.polyline([(0, 0), (5, 5), (9, 1)], stroke: "#f00", closed: true, opacity: 0.5, dash: "3 1")
        for shape in SVGDocument.Marker.allCases { svg.marker(shape, at: (50, 50), size: 8, color: "#00f") }
        svg.text("gap < 1 % & \"best\"", at: (10, 90), anchor: "middle", rotation: -90)
        let text = svg.svg
        #expect(BenchFixtures.isWellFormedSVG(text))
        #expect(text.contains("gap &lt; 1 % &amp; &quot;best&quot;"))
        #expect(text.contains("x2=\"10.5\""))
        #expect(text.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\""))
    }

    /// Number formatting: at most one decimal, no trailing zeros, non-finite as 0.
    @Test func numbers() {
        #expect(SVGDocument.n(3) == "3" && SVGDocument.n(2.5) == "2.5" && SVGDocument.n(1.06) == "1.1")
        #expect(SVGDocument.n(.nan) == "0" && SVGDocument.n(-0.01) == "0")
    }
}
