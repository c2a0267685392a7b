import Dispatch
import Foundation
import Policies
import RoutingCore
import RoutingIO
import Solving
import Tensor

/// Runs every method on every instance, appending each row to `results.csv` as it finishes, then
/// resolves the references, rewrites `results.csv` with the gaps and writes `summary.md` and the plots.
///
/// Resumption: rows already in `results.csv` are kept and not run again, so a re-run with the same
/// `--output` continues where an interrupted one stopped. `jobs` instances are solved at the same time,
/// each job with its share of the threads. Every solution comes from ``SolvePipeline/solve(_:)``, which
/// re-validates it with ``Evaluator``; a method that fails or does not support an instance gives a row
/// with status `failed` or `unsupported` (the solver does not handle the kind; no policy checkpoint for
/// the problem; too many nodes for a policy) and a note, and the run goes on.
public final class BenchRunner: @unchecked Sendable {
    public let configuration: BenchConfiguration
    private let results: ResultsFile
    private let lock = NSLock()
    private var nextInstance = 0
    private var finished = 0
    private var failure: (any Error)?

    public init(configuration: BenchConfiguration) {
        self.configuration = configuration
        results = ResultsFile(path: configuration.resultsPath)
    }

    /// Runs the bench.
    /// - Parameters:
    ///   - stop: checked before each solve; once requested, workers finish the solve in hand and stop,
    ///     and the files are written for the rows done so far.
    ///   - progress: called after each row (from worker threads, one call at a time).
    /// - Returns: every row of `results.csv` for this run's instances and methods, gaps resolved.
    /// - Throws: when the output folder cannot be written or holds a `results.csv` of another kind.
    @discardableResult
    public func run(stop: StopRequest? = nil, progress: @escaping @Sendable (BenchProgress) -> Void = { _ in })
        throws -> BenchOutcome {
        try FileManager.default.createDirectory(atPath: configuration.output, withIntermediateDirectories: true)
        let earlier = try results.read()
        try results.rewrite(earlier)
        let done = Set(earlier.map(\.key))
        let labels = configuration.methods.map(\.label)
        let pending = configuration.instances.map { instance in
            labels.filter { !done.contains(BenchRow.Key(instance: instance.name, method: $0)) }
        }
        let total = pending.reduce(0) { $0 + $1.count }
        let clock = Deadline(seconds: 0)
        if configuration.jobs > 1 { BLAS.threads = 1 }
        DispatchQueue.concurrentPerform(iterations: configuration.jobs) { _ in
            while let index = claimInstance(), stop?.isRequested != true {
                guard !pending[index].isEmpty else { continue }
                do {
                    try solve(configuration.instances[index], position: index, methods: pending[index], stop: stop) { row in
                        lock.lock()
                        defer { lock.unlock() }
                        finished += 1
                        progress(BenchProgress(finished: finished, total: total, resumed: earlier.count, row: row,
                                               elapsed: clock.elapsed))
                    }
                } catch {
                    lock.withLock { failure = failure ?? error }
                    stop?.request(reason: "\(error)")
                    return
                }
            }
        }
        if let failure = lock.withLock({ failure }) { throw failure }
        return try finish(completeRun: total == finished)
    }

    /// Resolves references over all rows, rewrites `results.csv`, writes `summary.md` and the plots.
    func finish(completeRun: Bool) throws -> BenchOutcome {
        let wanted = Set(configuration.instances.map(\.name))
        let byName = Dictionary(configuration.instances.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let all = try results.read()
        let current = all.filter { wanted.contains($0.instance) }
        let resolved = BenchReferences.resolve(current) { name, kind, dimension in
            byName[name]?.optimaEntry(kind: kind, dimension: dimension)
        }
        // Rows as written (seconds and gaps rounded to the file's precision), so summary and file agree.
        let written = resolved.map { BenchRow(fields: $0.fields) ?? $0 }
        var resolvedByKey = Dictionary(written.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        try results.rewrite(all.map { resolvedByKey.removeValue(forKey: $0.key) ?? $0 })
        let order = Dictionary(configuration.instances.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
        let methodOrder = Dictionary(configuration.methods.enumerated().map { ($1.label, $0) }, uniquingKeysWith: { a, _ in a })
        let rows = written.filter { methodOrder[$0.method] != nil }.sorted {
            (order[$0.instance]!, methodOrder[$0.method]!) < (order[$1.instance]!, methodOrder[$1.method]!)
        }
        let outcome = BenchOutcome(rows: rows, methods: configuration.methods.map(\.label), complete: completeRun)
        let plots = try BenchPlots(outcome: outcome, configuration: configuration).write()
        let summary = BenchSummary(outcome: outcome, configuration: configuration, machine: MachineDescription.current(),
                                   plots: plots)
        try Data(summary.markdown.utf8).write(to: URL(fileURLWithPath: configuration.summaryPath), options: .atomic)
        return outcome
    }

    private func claimInstance() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextInstance < configuration.instances.count else { return nil }
        nextInstance += 1
        return nextInstance - 1
    }

    /// Runs `methods` on one instance, appending a row per method.
    private func solve(_ benchInstance: BenchInstance, position: Int, methods: [String], stop: StopRequest?,
                       report: (BenchRow) -> Void) throws {
        let instance: Instance
        do {
            let loaded = try benchInstance.load()
            instance = try configuration.vehicles.map { rule throws(VehicleLimitRule.Failure) in try rule.apply(to: loaded) } ?? loaded
        } catch {
            for method in methods {
                let row = BenchRow(instance: benchInstance.name, problem: nil, dimension: nil, method: method, cost: nil,
                                   outcome: .failed, seconds: 0, note: "\(error)")
                try results.append(row)
                report(row)
            }
            return
        }
        let limits = configuration.effectiveLimits
        let draws = position < configuration.routeDrawings && instance.coordinates != nil
        let optima = benchInstance.optimaEntry(kind: instance.kind, dimension: instance.dimension)
        for label in methods {
            if stop?.isRequested == true { return }
            let method = configuration.methods.first { $0.label == label }!
            var row = BenchRow(instance: instance.name, problem: instance.kind, dimension: instance.dimension,
                               method: label, cost: nil, outcome: .failed, seconds: 0)
            let clock = Deadline(seconds: 0)
            do {
                let verified = try method.pipeline(defaults: limits).solve(instance)
                row.cost = verified.result.cost
                row.outcome = BenchRow.Outcome(verified.result.status)
                row.bound = verified.result.lowerBound
                row.seconds = verified.result.seconds
                if draws { try saveSolution(verified.result, of: instance, method: label) }
            } catch let error as PolicyError {
                switch error {
                case .needsCoordinates, .noCheckpoint, .tooLarge: row.outcome = .unsupported
                default: break
                }
                row.note = "\(error)"
                row.seconds = clock.elapsed
            } catch let error as SolverError {
                if case .unsupported = error { row.outcome = .unsupported }
                row.note = "\(error)"
                row.seconds = clock.elapsed
            } catch {
                row.note = "\(error)"
                row.seconds = clock.elapsed
            }
            if let reference = BenchReferences.reference(for: [row], optima: optima), reference.kind != .bestFound {
                row.reference = reference.cost
                row.referenceKind = reference.kind
                row.gapPercent = BenchReferences.gapPercent(of: row.cost, to: reference.cost)
            }
            try results.append(row)
            report(row)
        }
    }

    /// Writes a drawn instance's solution to `solutions/<instance>--<method>.tour|.sol`.
    private func saveSolution(_ result: SolveResult, of instance: Instance, method: String) throws {
        try FileManager.default.createDirectory(atPath: configuration.solutionsFolder, withIntermediateDirectories: true)
        try SolutionWriter.write(result.solution, instance: instance, cost: result.cost,
                                 to: Self.solutionPath(in: configuration.solutionsFolder, instance: instance.name,
                                                       method: method, kind: instance.kind),
                                 comment: "routeopt bench, \(method)")
    }

    /// The file a drawn instance's solution by `method` is kept in.
    static func solutionPath(in folder: String, instance: String, method: String, kind: ProblemKind) -> String {
        let safe = String(method.map { $0.isLetter || $0.isNumber || "-_.=".contains($0) ? $0 : "_" })
        return "\(folder)/\(instance)--\(safe).\(SolutionWriter.fileExtension(for: kind))"
    }
}
