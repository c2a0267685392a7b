/// Validation gap against wall-clock time for one or more training runs: a line per run and decoding
/// (greedy solid, multi-start dashed, ×8 multi-start dotted), one colour per run. The gap axis is
/// logarithmic when every gap is positive.
public struct TrainingCurvePlot: Sendable {
    public let logs: [TrainingLog]
    public let title: String

    public init(logs: [TrainingLog], title: String = "Validation gap during training") {
        self.logs = logs
        self.title = title
    }

    static let dashes: [String: String?] = ["greedy": nil, "multistart": "7 4", "multistart-aug8": "2 3"]
    static let names = ["greedy": "greedy", "multistart": "multi-start", "multistart-aug8": "×8 multi-start"]

    /// The SVG document.
    public var svg: String {
        let minutes = logs.flatMap { $0.validations.map { $0.wallSeconds / 60 } }
        let gaps = logs.flatMap { $0.validations.flatMap { $0.gaps.values } }
        let logarithmic = !gaps.isEmpty && gaps.allSatisfy { $0 > 0 }
        let x = PlotScale.fitting(minutes + [0], start: PlotFrame.xRange.0, end: PlotFrame.xRange.1, logarithmic: false)
        let y = PlotScale.fitting(gaps, start: PlotFrame.yRange.0, end: PlotFrame.yRange.1, logarithmic: logarithmic,
                                  includeZero: !logarithmic)
        let count = logs.map(\.validations.count).reduce(0, +)
        let frame = PlotFrame(title: title, subtitle: "\(logs.count) run\(logs.count == 1 ? "" : "s"), \(count) validations; "
                              + "gap of the mean validation cost to the run's heuristic reference",
                              xTitle: "wall-clock minutes", yTitle: "validation gap (%)" + (logarithmic ? ", log scale" : ""),
                              x: x, y: y)
        var svg = frame.document()
        var legend: [PlotFrame.LegendEntry] = []
        for (index, log) in logs.enumerated() {
            let color = PlotPalette.color(index)
            for decoding in log.presentDecodings {
                let points = log.validations.compactMap { validation in
                    validation.gaps[decoding].map { (x.position(validation.wallSeconds / 60), y.position($0)) }
                }
                svg.polyline(points, stroke: color, width: 2, dash: Self.dashes[decoding] ?? nil)
                if points.count <= 60 { svg.dots(points, radius: 2.2, fill: color) }
                let last = log.validations.last { $0.gaps[decoding] != nil }?.gaps[decoding]
                let suffix = last.map { " \(BenchSummary.number($0)) %" } ?? ""
                legend.append(.init(label: "\(log.name) \(Self.names[decoding] ?? decoding)\(suffix)", color: color,
                                    marker: nil, dash: Self.dashes[decoding] ?? nil))
            }
        }
        frame.drawLegend(legend, title: "run, decoding (last gap)", into: &svg)
        return svg.svg
    }
}
