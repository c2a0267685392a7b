/// Validation gap against CPU hours (or wall-clock minutes) for one or more training runs: a line per run and
/// decoding (greedy solid, multi-start dashed, ×8 multi-start dotted), one colour per run. The gap axis is
/// logarithmic when every gap is positive.
public struct TrainingCurvePlot: Sendable {
    /// What the horizontal axis measures.
    public enum TimeAxis: String, Sendable, CaseIterable {
        /// CPU hours of the training process: the cost of a run, whatever else the machine did.
        case cpu
        /// Wall-clock minutes since the run started.
        case wall

        var title: String { self == .cpu ? "CPU hours" : "wall-clock minutes" }

        func value(_ validation: TrainingLog.Validation) -> Double {
            self == .cpu ? validation.cpuSeconds / 3_600 : validation.wallSeconds / 60
        }
    }

    public let logs: [TrainingLog]
    public let title: String
    public let axis: TimeAxis

    public init(logs: [TrainingLog], title: String = "Validation gap during training", axis: TimeAxis = .cpu) {
        self.logs = logs
        self.title = title
        self.axis = axis
    }

    static let dashes: [String: String?] = ["greedy": nil, "multistart": "7 4", "multistart-aug8": "2 3"]
    static let names = ["greedy": "greedy", "multistart": "multi-start", "multistart-aug8": "×8 multi-start"]

    /// The SVG document.
    public var svg: String {
        let times = logs.flatMap { $0.validations.map(axis.value) }
        let gaps = logs.flatMap { $0.validations.flatMap { $0.gaps.values } }
        let logarithmic = !gaps.isEmpty && gaps.allSatisfy { $0 > 0 }
        let x = PlotScale.fitting(times + [0], start: PlotFrame.xRange.0, end: PlotFrame.xRange.1, logarithmic: false)
        let y = PlotScale.fitting(gaps, start: PlotFrame.yRange.0, end: PlotFrame.yRange.1, logarithmic: logarithmic,
                                  includeZero: !logarithmic)
        let count = logs.map(\.validations.count).reduce(0, +)
        let frame = PlotFrame(title: title, subtitle: "\(logs.count) run\(logs.count == 1 ? "" : "s"), \(count) validations; "
                              + "gap of the mean validation cost to the run's heuristic reference",
                              xTitle: axis.title, yTitle: "validation gap (%)" + (logarithmic ? ", log scale" : ""),
                              x: x, y: y)
        var svg = frame.document()
        var legend: [PlotFrame.LegendEntry] = []
        for (index, log) in logs.enumerated() {
            let color = PlotPalette.color(index)
            for decoding in log.presentDecodings {
                let points = log.validations.compactMap { validation in
                    validation.gaps[decoding].map { (x.position(axis.value(validation)), y.position($0)) }
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
