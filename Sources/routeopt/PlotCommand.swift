import ArgumentParser
import Benchmarking
import Foundation
import RoutingCore
import RoutingIO

/// `routeopt plot training|bench|solution ...`: SVG pictures of training runs, bench results and solutions.
struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw SVG plots: training curves, a bench run's gap against time, or a solution.",
        discussion: """
            plot training RUN_DIR... [--output FILE] [--time cpu|wall]: validation gap against CPU hours (or \
            wall-clock minutes) from each run's \
            log.jsonl (default output training-curves.svg). \
            plot bench DIR: redraws DIR's gap-against-time plots from DIR/results.csv. \
            plot solution INSTANCE SOLUTION... [--output FILE]: the solutions side by side on the instance's \
            coordinates (default <instance>.svg); each is re-validated first.
            """)

    /// What to draw.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case training, bench, solution
    }

    @Argument(help: "training | bench | solution.")
    var kind: Kind

    @Argument(help: "Run folders (training), a bench output folder (bench), or an instance and solution files (solution).")
    var paths: [String]

    @Option(help: "SVG file to write (training and solution).")
    var output: String?

    @Option(help: "Training curves' time axis: cpu (CPU hours of the run, the default) or wall (wall-clock minutes).")
    var time: TrainingCurvePlot.TimeAxis = .cpu

    func validate() throws {
        switch kind {
        case .training: guard !paths.isEmpty else { throw ValidationError("plot training needs at least one run folder") }
        case .bench: guard paths.count == 1 else { throw ValidationError("plot bench needs exactly one bench output folder") }
        case .solution: guard paths.count >= 2 else { throw ValidationError("plot solution needs an instance and a solution file") }
        }
        if kind == .bench, output != nil { throw ValidationError("--output does not apply to plot bench (plots go into the folder)") }
    }

    func run() throws {
        do {
            switch kind {
            case .training:
                let file = output ?? "training-curves.svg"
                try write(TrainingCurvePlot(logs: try paths.map(TrainingLog.read), axis: time).svg, to: file)
                print("wrote \(file)")
            case .bench:
                let outcome = try BenchOutcome.load(folder: paths[0])
                let written = try BenchPlots(outcome: outcome, output: paths[0], drawnInstances: []).write()
                print("wrote " + written.map { paths[0] + "/" + $0.file }.joined(separator: ", "))
            case .solution:
                let instance = try InstanceReader.read(contentsOf: paths[0])
                let panels = try paths.dropFirst().map { path -> RouteDrawing.Panel in
                    let solution = try SolutionReader.read(contentsOf: path, for: instance)
                    let cost = try Evaluator.evaluate(solution, in: instance)
                    return .init(caption: "\(URL(fileURLWithPath: path).lastPathComponent): \(cost)", solution: solution)
                }
                guard let svg = RouteDrawing(instance: instance, panels: panels).svg else {
                    throw ValidationError("\(paths[0]): the instance has no coordinates to draw")
                }
                let file = output ?? "\(instance.name).svg"
                try write(svg, to: file)
                print("wrote \(file)")
            }
        } catch {
            throw fail(error)
        }
    }

    private func write(_ svg: String, to file: String) throws {
        try Data(svg.utf8).write(to: URL(fileURLWithPath: file), options: .atomic)
    }
}

extension TrainingCurvePlot.TimeAxis: ExpressibleByArgument {}
