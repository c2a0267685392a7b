import Foundation
import Policies
import RoutingCore
import RoutingIO
import Testing
@testable import Benchmarking

@Suite(.serialized) struct BenchRunnerTests {
    static let files = ["burma14.tsp", "br17.atsp", "E-n13-k4.vrp", "P-n16-k8.vrp"]

    static func configuration(output: String, jobs: Int = 1, methods: String = "heuristic:iterations=200,policy:greedy")
        throws -> BenchConfiguration {
        BenchConfiguration(instances: try BenchInstance.expand(files.map(BenchFixtures.bundled) + ["generated:tsp10:2"]),
                           methods: try BenchMethod.parseList(methods), limits: SolveLimits(timeLimit: 1, seed: 1),
                           jobs: jobs, output: output, routeDrawings: 4, commandLine: "routeopt bench test")
    }

    /// A small run over bundled instances: one row per instance and method in results.csv, costs that
    /// re-evaluate, gaps against optima.csv (or the best found for generated ones), a summary that
    /// agrees with the rows, and well-formed SVG plots including route drawings.
    @Test func consistentOutputs() throws {
        let output = try BenchFixtures.temporaryFolder()
        let configuration = try Self.configuration(output: output, jobs: 2)
        let outcome = try BenchRunner(configuration: configuration).run()
        #expect(outcome.complete)
        let rows = try ResultsFile(path: configuration.resultsPath).read()
        #expect(rows.count == 6 * 2 && Set(rows.map(\.key)).count == rows.count)
        #expect(rows.sorted { $0.instance + $0.method < $1.instance + $1.method }
                == outcome.rows.sorted { $0.instance + $0.method < $1.instance + $1.method })
        for row in rows where row.outcome.hasSolution {
            let instance = try configuration.instances.first { $0.name == row.instance }!.load()
            #expect(row.dimension == instance.dimension)
            if let path = configuration.instances.first(where: { $0.name == row.instance })?.path,
               let entry = OptimaTable.beside(instancePath: path)?.entry(for: instance) {
                #expect(row.reference == entry.bestKnown && row.referenceKind == .optimaOptimal)
            } else {
                let best = rows.filter { $0.instance == row.instance }.compactMap(\.cost).min()
                #expect(row.reference == best && row.referenceKind == .bestFound)
            }
            #expect(abs(row.gapPercent! - BenchReferences.gapPercent(of: row.cost, to: row.reference!)!) < 5e-5)
        }
        let heuristic = rows.filter { $0.method == "heuristic:iterations=200" }
        #expect(heuristic.allSatisfy { $0.outcome == .feasible })
        // The ATSP file goes to the shipped matrix policy (checkpoints/atsp50-pomo.safetensors).
        #expect(rows.first { $0.instance == "br17" && $0.method == "policy:greedy" }?.outcome == .feasible)
        let summary = try String(contentsOfFile: configuration.summaryPath, encoding: .utf8)
        for group in ["## TSP — 3 instances", "## ATSP — 1 instance", "## CVRP — 2 instances", "2 instances solved in parallel"] {
            #expect(summary.contains(group), "\(group)")
        }
        let tspHeuristic = BenchStatistics(rows: heuristic.filter { $0.problem == .tsp })
        #expect(summary.contains("| heuristic:iterations=200 | 3 | 3 | 0 | \(BenchSummary.number(tspHeuristic.meanGap)) |"))
        let plots = try FileManager.default.contentsOfDirectory(atPath: output).filter { $0.hasSuffix(".svg") }.sorted()
        #expect(plots == ["gap-vs-time-atsp.svg", "gap-vs-time-cvrp.svg", "gap-vs-time-tsp.svg", "gap-vs-time.svg",
                          "routes-P-n16-k8.svg", "routes-burma14.svg"])
        for plot in plots {
            let text = try String(contentsOfFile: output + "/" + plot, encoding: .utf8)
            #expect(BenchFixtures.isWellFormedSVG(text), "\(plot)")
            #expect(summary.contains("](\(plot))"), "\(plot)")
        }
    }

    /// A re-run skips the rows already there; a row removed from the file is the only one run again.
    @Test func resumes() throws {
        let output = try BenchFixtures.temporaryFolder()
        let configuration = try Self.configuration(output: output)
        try BenchRunner(configuration: configuration).run()
        let first = try ResultsFile(path: configuration.resultsPath).read()
        let again = Counter()
        try BenchRunner(configuration: configuration).run { _ in again.add() }
        #expect(again.value == 0)
        #expect(try ResultsFile(path: configuration.resultsPath).read() == first)
        let file = ResultsFile(path: configuration.resultsPath)
        try file.rewrite(first.filter { !($0.instance == "burma14" && $0.method == "policy:greedy") })
        let progress = Counter()
        try BenchRunner(configuration: configuration).run { event in
            #expect(event.row.instance == "burma14" && event.total == 1 && event.resumed == first.count - 1)
            progress.add()
        }
        #expect(progress.value == 1)
        #expect(try file.read().count == first.count)
    }

    /// A stop requested before the run leaves no new rows and marks the outcome incomplete, with valid files.
    @Test func stopped() throws {
        let output = try BenchFixtures.temporaryFolder()
        let stop = StopRequest()
        stop.request(reason: "test")
        let outcome = try BenchRunner(configuration: try Self.configuration(output: output)).run(stop: stop)
        #expect(!outcome.complete && outcome.rows.isEmpty)
        #expect(try String(contentsOfFile: output + "/summary.md", encoding: .utf8).contains("stopped before every row"))
    }

    /// With the exact solver in the run, its proven optima become the references (`proven`), for the
    /// other methods' rows too, and they equal the optima.csv values.
    @Test func provenReferences() throws {
        let output = try BenchFixtures.temporaryFolder()
        var configuration = try Self.configuration(output: output, methods: "exact:time=20,heuristic:iterations=200")
        configuration.instances = configuration.instances.filter { ["burma14", "br17", "E-n13-k4"].contains($0.name) }
        let outcome = try BenchRunner(configuration: configuration).run()
        #expect(outcome.rows.count == 6)
        for row in outcome.rows {
            #expect(row.referenceKind == .proven, "\(row.instance) \(row.method)")
            let optimum = try configuration.instances.first { $0.name == row.instance }!
                .optimaEntry(kind: row.problem!, dimension: row.dimension!)!.bestKnown
            #expect(row.reference == optimum)
            if row.method.hasPrefix("exact") { #expect(row.outcome == .optimal && row.gapPercent == 0) }
        }
        let summary = try String(contentsOfFile: configuration.summaryPath, encoding: .utf8)
        #expect(summary.contains("| exact:time=20 | 1 | 1 | 1 | 0.00 | 0.00 | 0.00 |"))
    }

    /// `--vehicles name` fixes every CVRP fleet at the k of its name (P-n16-k8: at most 8 routes in the drawn
    /// solution, never below the fixed-fleet optimum) and says so in the summary; a rule an instance cannot meet
    /// (one vehicle for E-n13-k4) makes failed rows naming the reason, TSP instances are untouched.
    @Test func vehicleRules() throws {
        let output = try BenchFixtures.temporaryFolder()
        var configuration = try Self.configuration(output: output, methods: "heuristic:iterations=300")
        configuration.instances = configuration.instances.filter { ["burma14", "P-n16-k8"].contains($0.name) }
        configuration.vehicles = .fromName
        let outcome = try BenchRunner(configuration: configuration).run()
        #expect(outcome.rows.count == 2 && outcome.rows.allSatisfy { $0.outcome.hasSolution })
        let cvrp = try #require(outcome.rows.first { $0.instance == "P-n16-k8" })
        #expect(cvrp.gapPercent.map { $0 >= 0 } == true)
        let path = BenchRunner.solutionPath(in: configuration.solutionsFolder, instance: "P-n16-k8", method: "heuristic:iterations=300",
                                            kind: .cvrp)
        let drawn = try String(contentsOfFile: path, encoding: .utf8)
        #expect(drawn.split(separator: "\n").filter { $0.hasPrefix("Route") }.count <= 8)
        #expect(try String(contentsOfFile: configuration.summaryPath, encoding: .utf8).contains("--vehicles name"))

        let tooFew = try BenchFixtures.temporaryFolder()
        var impossible = try Self.configuration(output: tooFew, methods: "heuristic:iterations=100")
        impossible.instances = impossible.instances.filter { ["burma14", "E-n13-k4"].contains($0.name) }
        impossible.vehicles = .count(1)
        let rows = try BenchRunner(configuration: impossible).run().rows
        #expect(rows.first { $0.instance == "burma14" }?.outcome.hasSolution == true)
        let failed = try #require(rows.first { $0.instance == "E-n13-k4" })
        #expect(failed.outcome == .failed && failed.note.contains("cannot carry the total demand"))
    }

    /// A missing checkpoint makes failed rows with the reason, not a failed run.
    @Test func failuresAreRows() throws {
        let output = try BenchFixtures.temporaryFolder()
        var configuration = try Self.configuration(output: output, methods: "policy:model=/no/such.safetensors")
        configuration.instances = [configuration.instances[0]]
        let outcome = try BenchRunner(configuration: configuration).run()
        #expect(outcome.rows.count == 1 && outcome.rows[0].outcome == .failed)
        #expect(outcome.rows[0].note.contains("/no/such.safetensors"))
    }
}

/// A thread-safe counter for progress callbacks.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
