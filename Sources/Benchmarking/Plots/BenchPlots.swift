import Foundation
import RoutingCore
import RoutingIO

/// The SVG plots of a bench run: gap against time (all instances, and per problem group when there are
/// several) and route drawings of the first instances with coordinates, from the solutions the run kept.
public struct BenchPlots: Sendable {
    /// The gap-against-time plot of all instances.
    public static let gapTimeFile = "gap-vs-time.svg"

    public let outcome: BenchOutcome
    /// The output folder, holding `solutions/`.
    public let output: String
    /// Instances to draw the kept solutions of.
    public let drawnInstances: [BenchInstance]

    public init(outcome: BenchOutcome, output: String, drawnInstances: [BenchInstance]) {
        self.outcome = outcome
        self.output = output
        self.drawnInstances = drawnInstances
    }

    /// The plots of a run with `configuration`.
    public init(outcome: BenchOutcome, configuration: BenchConfiguration) {
        self.init(outcome: outcome, output: configuration.output,
                  drawnInstances: Array(configuration.instances.prefix(configuration.routeDrawings)))
    }

    /// Writes the plots into the output folder.
    /// - Returns: the files written, relative to the output folder, with a caption each.
    @discardableResult
    public func write() throws -> [(file: String, caption: String)] {
        var written: [(file: String, caption: String)] = []
        func save(_ text: String, as file: String, caption: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output + "/" + file), options: .atomic)
            written.append((file, caption))
        }
        try save(GapTimePlot(rows: outcome.rows, methods: outcome.methods).svg, as: Self.gapTimeFile,
                 caption: "Gap against time, all instances")
        let groups = outcome.groups.filter { $0 != "unreadable" }
        if groups.count > 1 {
            for group in groups {
                let rows = outcome.rows.filter { BenchOutcome.group(of: $0) == group }
                try save(GapTimePlot(rows: rows, methods: outcome.methods, title: "Gap against time — \(group)").svg,
                         as: "gap-vs-time-\(group.lowercased()).svg", caption: "Gap against time, \(group)")
            }
        }
        for benchInstance in drawnInstances {
            guard let drawing = try routeDrawing(of: benchInstance), let svg = drawing.svg else { continue }
            try save(svg, as: "routes-\(benchInstance.name).svg", caption: "Solutions of \(benchInstance.name)")
        }
        return written
    }

    /// The drawing of one instance's kept solutions, or `nil` when none was kept.
    func routeDrawing(of benchInstance: BenchInstance) throws -> RouteDrawing? {
        let rows = outcome.rows.filter { $0.instance == benchInstance.name && $0.outcome.hasSolution }
        guard let kind = rows.first?.problem else { return nil }
        let files = rows.map {
            BenchRunner.solutionPath(in: output + "/solutions", instance: $0.instance, method: $0.method, kind: kind)
        }
        guard files.contains(where: { FileManager.default.fileExists(atPath: $0) }),
              let instance = try? benchInstance.load(), instance.coordinates != nil else { return nil }
        var panels: [RouteDrawing.Panel] = []
        for (row, file) in zip(rows, files) where FileManager.default.fileExists(atPath: file) {
            guard let solution = try? SolutionReader.read(contentsOf: file, for: instance),
                  (try? Evaluator.evaluate(solution, in: instance)) == row.cost else { continue }
            let gap = row.gapPercent.map { ", \(BenchSummary.number($0)) %" } ?? ""
            panels.append(.init(caption: "\(row.method): \(row.cost!)\(gap)", solution: solution))
        }
        return panels.isEmpty ? nil : RouteDrawing(instance: instance, panels: panels)
    }
}
