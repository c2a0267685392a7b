/// The chrome of a chart: title, axes with ticks and grid lines, axis titles and a legend. The series
/// are drawn by the chart itself through ``x`` and ``y``.
public struct PlotFrame: Sendable {
    /// One legend line.
    public struct LegendEntry: Sendable {
        public let label: String
        public let color: String
        /// A marker, or `nil` for a line sample.
        public let marker: SVGDocument.Marker?
        /// The line sample's dash pattern.
        public let dash: String?

        public init(label: String, color: String, marker: SVGDocument.Marker?, dash: String? = nil) {
            self.label = label
            self.color = color
            self.marker = marker
            self.dash = dash
        }
    }

    public let title: String
    public let subtitle: String
    public let xTitle: String
    public let yTitle: String
    public let x: PlotScale
    public let y: PlotScale

    /// Canvas size and the plot area's margins.
    public static let width = 900.0, height = 540.0
    public static let left = 78.0, right = 262.0, top = 70.0, bottom = 62.0

    /// The x and y pixel ranges of the plot area.
    public static var xRange: (Double, Double) { (left, width - right) }
    public static var yRange: (Double, Double) { (height - bottom, top) }

    public init(title: String, subtitle: String, xTitle: String, yTitle: String, x: PlotScale, y: PlotScale) {
        self.title = title
        self.subtitle = subtitle
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.x = x
        self.y = y
    }

    /// A document with the title, grid, axes and axis titles drawn.
    public func document() -> SVGDocument {
        var svg = SVGDocument(width: Self.width, height: Self.height)
        let (x0, x1) = Self.xRange, (y0, y1) = Self.yRange
        svg.text(title, at: (x0, 30), size: 19, weight: "bold")
        svg.text(subtitle, at: (x0, 51), size: 12.5, color: PlotPalette.mutedText)
        svg.rect(x: x0, y: y1, width: x1 - x0, height: y0 - y1, fill: "#fbfbfb")
        for tick in x.ticks {
            let px = x.position(tick.value)
            svg.line(from: (px, y1), to: (px, y0), stroke: PlotPalette.grid)
            svg.line(from: (px, y0), to: (px, y0 + 5), stroke: PlotPalette.axis)
            svg.text(tick.label, at: (px, y0 + 19), size: 12, anchor: "middle", color: PlotPalette.axis)
        }
        for tick in y.ticks {
            let py = y.position(tick.value)
            svg.line(from: (x0, py), to: (x1, py), stroke: tick.value == 0 && !y.logarithmic ? "#b0b0b0" : PlotPalette.grid,
                     width: tick.value == 0 && !y.logarithmic ? 1.3 : 1)
            svg.line(from: (x0 - 5, py), to: (x0, py), stroke: PlotPalette.axis)
            svg.text(tick.label, at: (x0 - 9, py + 4), size: 12, anchor: "end", color: PlotPalette.axis)
        }
        svg.line(from: (x0, y0), to: (x1, y0), stroke: PlotPalette.axis, width: 1.2)
        svg.line(from: (x0, y0), to: (x0, y1), stroke: PlotPalette.axis, width: 1.2)
        svg.text(xTitle, at: ((x0 + x1) / 2, Self.height - 18), size: 13.5, anchor: "middle")
        svg.text(yTitle, at: (22, (y0 + y1) / 2), size: 13.5, anchor: "middle", rotation: -90)
        return svg
    }

    /// Draws the legend to the right of the plot area.
    public func drawLegend(_ entries: [LegendEntry], title: String, into svg: inout SVGDocument) {
        let x = Self.width - Self.right + 22
        var y = Self.top + 8
        svg.text(title, at: (x, y), size: 12.5, weight: "bold")
        for entry in entries {
            y += 22
            if let marker = entry.marker {
                svg.marker(marker, at: (x + 9, y - 4), size: 10, color: entry.color, opacity: 1)
            } else {
                svg.line(from: (x, y - 4), to: (x + 20, y - 4), stroke: entry.color, width: 2.5, dash: entry.dash)
            }
            svg.text(Self.shortened(entry.label, to: 34), at: (x + 27, y), size: 11.5)
        }
    }

    /// `label`, cut to `length` characters with an ellipsis.
    static func shortened(_ label: String, to length: Int) -> String {
        label.count <= length ? label : String(label.prefix(length - 1)) + "…"
    }
}
