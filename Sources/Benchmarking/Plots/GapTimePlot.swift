/// Gap against time, one marker per instance and method, one colour and shape per method, time on a
/// logarithmic axis: where each method sits between fast-and-rough and slow-and-exact. A larger outlined
/// marker shows each method's mean.
public struct GapTimePlot: Sendable {
    public let rows: [BenchRow]
    public let methods: [String]
    public let title: String

    public init(rows: [BenchRow], methods: [String], title: String = "Gap against time") {
        self.rows = rows
        self.methods = methods
        self.title = title
    }

    /// The rows with a solution and a gap: the plotted points.
    public var points: [BenchRow] { rows.filter { $0.outcome.hasSolution && $0.gapPercent != nil } }

    /// The SVG document.
    public var svg: String {
        let shown = points
        let times = shown.map { max($0.seconds, Self.minimumSeconds) }
        let x = PlotScale.fitting(times, start: PlotFrame.xRange.0, end: PlotFrame.xRange.1, logarithmic: true)
        let y = PlotScale.fitting(shown.map { $0.gapPercent! }, start: PlotFrame.yRange.0, end: PlotFrame.yRange.1,
                                  logarithmic: false, includeZero: true)
        let instances = Set(rows.map(\.instance)).count
        var kinds: [ReferenceKind: Set<String>] = [:]
        for row in shown { if let kind = row.referenceKind { kinds[kind, default: []].insert(row.instance) } }
        let reference = ReferenceKind.allCases.compactMap { kind in kinds[kind].map { "\(kind.rawValue) (\($0.count))" } }
            .joined(separator: ", ")
        let frame = PlotFrame(title: title, subtitle: "\(instances) instance\(instances == 1 ? "" : "s"), "
                              + "gap to \(reference.isEmpty ? "no reference" : reference); outlined: method means",
                              xTitle: "seconds per instance (log scale)", yTitle: "gap to reference (%)", x: x, y: y)
        var svg = frame.document()
        for (index, method) in methods.enumerated() {
            let points = shown.filter { $0.method == method }.map {
                (x.position(max($0.seconds, Self.minimumSeconds)), y.position($0.gapPercent!))
            }
            svg.markers(PlotPalette.marker(index), at: points, size: 8, color: PlotPalette.color(index), opacity: 0.7)
        }
        var legend: [PlotFrame.LegendEntry] = []
        for (index, method) in methods.enumerated() {
            let statistics = BenchStatistics(rows: rows.filter { $0.method == method })
            if let gap = statistics.meanGap, let seconds = statistics.meanSeconds {
                let centre = (x.position(max(seconds, Self.minimumSeconds)), y.position(gap))
                svg.marker(PlotPalette.marker(index), at: centre, size: 17, color: "#222222", opacity: 1)
                svg.marker(PlotPalette.marker(index), at: centre, size: 13, color: PlotPalette.color(index), opacity: 1)
            }
            let mean = statistics.meanGap.map { " (\(BenchSummary.number($0)) %)" } ?? ""
            legend.append(.init(label: method + mean, color: PlotPalette.color(index), marker: PlotPalette.marker(index)))
        }
        frame.drawLegend(legend, title: "method (mean gap)", into: &svg)
        return svg.svg
    }

    /// Times below this are drawn at it (a log axis has no zero).
    static let minimumSeconds = 0.001
}
