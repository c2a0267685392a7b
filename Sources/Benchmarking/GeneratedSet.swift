import Policies
import RoutingCore
import RoutingIO

/// A fixed-seed random set named on the command line as `generated:PROBLEMSIZE:COUNT[:seed=S][:first=K]`,
/// for example `generated:tsp50:1000:seed=1234`.
///
/// Instance `i` is exactly the file `routeopt generate --problem P --size N --seed S` writes for index `i`
/// (and so instance `i` of training's validation set of seed `S`): the same ``ProblemBatch/seededSet(_:size:seed:indices:)``
/// draw, written as the same TSPLIB/CVRPLIB text and read back by ``InstanceReader``, integer coordinates and all.
public struct GeneratedSet: Sendable, Hashable {
    /// The seed of training's validation sets, used when the argument names none.
    public static let defaultSeed: UInt64 = 1234

    /// `tsp` or `cvrp`.
    public let problem: ProblemKind
    /// Cities (TSP) or customers (CVRP).
    public let size: Int
    /// Number of instances.
    public let count: Int
    /// The seed naming the set.
    public let seed: UInt64
    /// Index of the first instance.
    public let first: Int

    public init(problem: ProblemKind, size: Int, count: Int, seed: UInt64 = defaultSeed, first: Int = 0) {
        self.problem = problem
        self.size = size
        self.count = count
        self.seed = seed
        self.first = first
    }

    /// Parses `generated:tsp50:1000:seed=1234`; the `generated:` prefix is required.
    /// - Throws: ``BenchError/badGeneratedSet(argument:reason:)`` naming what is wrong.
    public init(parsing argument: String) throws(BenchError) {
        func bad(_ reason: String) -> BenchError { .badGeneratedSet(argument: argument, reason: reason) }
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3, parts[0] == "generated" else { throw bad("needs a problem with its size and a count") }
        let spelled = parts[1].lowercased()
        let letters = String(spelled.prefix { $0.isLetter })
        guard let problem = ProblemKind(rawValue: letters), problem == .tsp || problem == .cvrp else {
            throw bad("'\(parts[1])' is not tspN or cvrpN")
        }
        guard let size = Int(spelled.dropFirst(letters.count)), size >= (problem == .tsp ? 3 : 1), size <= 10_000 else {
            throw bad("'\(parts[1])' needs a size between \(problem == .tsp ? 3 : 1) and 10000")
        }
        guard let count = Int(parts[2]), count >= 1, count <= 1_000_000 else {
            throw bad("count '\(parts[2])' is not a whole number between 1 and 1000000")
        }
        var seed = Self.defaultSeed, first = 0
        for option in parts.dropFirst(3) {
            let pair = option.split(separator: "=", maxSplits: 1).map(String.init)
            switch (pair.first, pair.count == 2 ? pair[1] : nil) {
            case ("seed", let value?) where UInt64(value) != nil: seed = UInt64(value)!
            case ("first", let value?) where (Int(value) ?? -1) >= 0: first = Int(value)!
            default: throw bad("'\(option)' is not seed=S or first=K")
            }
        }
        self.init(problem: problem, size: size, count: count, seed: seed, first: first)
    }

    /// The canonical spelling, `generated:tsp50:1000:seed=1234` (with `:first=K` when it is not 0).
    public var argument: String {
        "generated:\(problem.rawValue)\(size):\(count):seed=\(seed)" + (first == 0 ? "" : ":first=\(first)")
    }

    /// The indices of the set's instances.
    public var indices: Range<Int> { first..<(first + count) }

    /// The name of instance `index` (`tsp50-s1234-0007`), as `generate` names its file.
    public func name(of index: Int) -> String {
        let file = ProblemBatch.instanceFileName(problem, size: size, seed: seed, index: index)
        return String(file.prefix { $0 != "." })
    }

    /// The file name (`tsp50-s1234-0007.tsp`) and TSPLIB/CVRPLIB text of instance `index`: what
    /// `routeopt generate` writes.
    public func file(at index: Int) -> (name: String, text: String) {
        let batch = ProblemBatch.seededSet(problem, size: size, seed: seed, indices: index..<(index + 1))
        let text = batch.instanceFileText(offset: 0, name: name(of: index),
                                          comment: "routeopt generate --seed \(seed), instance \(index)")
        return (ProblemBatch.instanceFileName(problem, size: size, seed: seed, index: index), text)
    }

    /// Instance `index`, read from the text ``file(at:)`` gives.
    public func instance(at index: Int) throws -> Instance {
        let file = file(at: index)
        return try InstanceReader.parse(file.text, file: file.name)
    }
}
