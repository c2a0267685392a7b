import Foundation
import RoutingCore

/// Reference costs of a validation set, computed once with a classical solver (the heuristic) and cached
/// in a JSON file, so that gaps can be reported at every validation.
///
/// Each instance is handed to the solver as a RoutingCore ``Instance`` whose integer distances are the
/// Euclidean distances scaled by ``distanceScale`` (10⁶) and rounded. The reference cost is the length of
/// the solver's solution recomputed in `Double` on the set's own coordinates, so rounding can only make
/// the solver pick a slightly different tour: at most `n · 0.5·10⁻⁶` longer, under 10⁻⁴ relative for
/// every size up to 100 (tours are longer than 0.5 there).
///
/// The cache file (`reference-tsp20-s1234-k1000.json`) records problem, size, seed, count, solver and its
/// limits; a file whose record differs is recomputed.
public struct ValidationReference: Sendable {
    /// Distance scale of the instances given to the solver.
    public static let distanceScale = 1_000_000.0

    /// The solver (``Heuristics/HeuristicSolver`` from the command line).
    public let solver: any Solver
    /// Time limit and iteration budget per instance (`threads` is ignored: instances run in parallel on
    /// `parallelInstances` threads, one solver thread each); the seed of instance `i` is `seed + i`.
    public let limits: SolveLimits
    /// Instances solved at the same time.
    public let parallelInstances: Int

    public init(solver: any Solver, limits: SolveLimits, parallelInstances: Int = 2) {
        self.solver = solver
        self.limits = limits
        self.parallelInstances = max(1, parallelInstances)
    }

    /// What the cache file records.
    struct CacheRecord: Codable, Equatable {
        var problem: String, size: Int, seed: UInt64, count: Int
        var solver: String, timeLimit: Double, iterations: Int?, solverSeed: UInt64, scale: Double
        /// Where a matrix set's instances come from (city, points, objective, pool); `nil` for uniform sets.
        var source: String? = nil
        var costs: [Double]
    }

    /// The cache file name for a validation set.
    public static func cacheFileName(problem: ProblemKind, size: Int, seed: UInt64, count: Int) -> String {
        "reference-\(problem.rawValue)\(size)-s\(seed)-k\(count).json"
    }

    /// The reference cost of every instance of `set` (named by `seed`), from the cache in `directory` when
    /// it matches, else solved now and cached.
    /// - Parameter source: for a matrix set, where its instances come from (``CityInstances/description``); a cache
    ///   recorded for another source is recomputed.
    public func costs(for set: ProblemBatch, seed: UInt64, directory: String,
                      source: String? = nil) throws(TrainingError) -> [Double] {
        let path = URL(fileURLWithPath: directory)
            .appendingPathComponent(Self.cacheFileName(problem: set.problem, size: set.size, seed: seed, count: set.count)).path
        var record = CacheRecord(problem: set.problem.rawValue, size: set.size, seed: seed, count: set.count,
                                 solver: solver.name, timeLimit: limits.timeLimit, iterations: limits.iterationLimit,
                                 solverSeed: limits.seed, scale: Self.distanceScale, source: source, costs: [])
        if let data = FileManager.default.contents(atPath: path),
           let cached = try? JSONDecoder().decode(CacheRecord.self, from: data),
           cached.costs.count == set.count {
            var key = cached
            key.costs = []
            if key == record { return cached.costs }
        }
        record.costs = try solve(set)
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try encoder.encode(record).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .file(path: path, message: error.localizedDescription)
        }
        return record.costs
    }

    /// Solves every instance (in parallel), returning solution lengths on the set's coordinates.
    func solve(_ set: ProblemBatch) throws(TrainingError) -> [Double] {
        let results = ResultSlots(count: set.count)
        let next = NextIndex()
        let workers = min(parallelInstances, set.count)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: set.count) {
                var instanceLimits = limits
                instanceLimits.threads = 1
                instanceLimits.seed = limits.seed &+ UInt64(index)
                do {
                    let result = try solver.solve(set.instance(at: index, scale: Self.distanceScale), limits: instanceLimits)
                    results.store(.success(set.solutionLength(result.solution, instance: index)), at: index)
                } catch {
                    results.store(.failure(.reference(instance: index, message: "\(error)")), at: index)
                }
            }
        }
        var costs: [Double] = []
        for outcome in results.values {
            switch outcome {
            case .success(let cost): costs.append(cost)
            case .failure(let error): throw error
            case nil: throw .reference(instance: costs.count, message: "not solved")
            }
        }
        return costs
    }
}

/// Per-instance results written from several threads (each slot by one thread).
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<Double, TrainingError>?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func store(_ result: Result<Double, TrainingError>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }
    var values: [Result<Double, TrainingError>?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}

/// A shared counter handing out instance indices.
private final class NextIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}
