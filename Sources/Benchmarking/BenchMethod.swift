import Policies
import RoutingCore
import Solving

/// One method of a bench run, parsed from a `--methods` entry such as `exact`, `heuristic:time=1`,
/// `policy:greedy`, `policy:sample=128:polish` or `policy:model=runs/x/best.safetensors`.
///
/// An entry is the method name followed by `:`-separated options. Every method takes `time=S` (its time
/// limit, overriding `--time-limit`) and `seed=N`; `heuristic` also takes `iterations=K`; `policy` takes a
/// decoding (`greedy`, `sample=N`, `multistart`, `multistart-aug8` or its alias `pomo-aug8`, `multistart-augK`),
/// `model=FILE` and `polish`. Solvers come only from ``SolverCatalog`` through ``SolvePipeline``, so every
/// method `solve` knows works here.
public struct BenchMethod: Sendable, Hashable, CustomStringConvertible {
    /// The solve method.
    public let method: SolveMethod
    /// Time limit in seconds, overriding the run's default.
    public var timeLimit: Double?
    /// Improvement-iteration cap (heuristic).
    public var iterations: Int?
    /// Seed, overriding the run's default.
    public var seed: UInt64?
    /// Policy checkpoint file.
    public var model: String?
    /// Policy decoding; `nil` is the checkpoint's default.
    public var decoding: PolicyDecoding?
    /// Polish the policy's solution with local search.
    public var polish = false

    public init(method: SolveMethod, timeLimit: Double? = nil, iterations: Int? = nil, seed: UInt64? = nil,
                model: String? = nil, decoding: PolicyDecoding? = nil, polish: Bool = false) {
        self.method = method
        self.timeLimit = timeLimit
        self.iterations = iterations
        self.seed = seed
        self.model = model
        self.decoding = decoding
        self.polish = polish
    }

    /// The stable label used in `results.csv` and tables, options in a fixed order with canonical
    /// spellings: `heuristic:time=1`, `policy:multistart-aug8`, `policy:sample=128:polish`.
    public var label: String {
        var parts = [method.rawValue]
        if let model { parts.append("model=\(model)") }
        if let decoding { parts.append(decoding.description.replacingOccurrences(of: "sample:", with: "sample=")) }
        if polish { parts.append("polish") }
        if let timeLimit { parts.append("time=\(Self.format(timeLimit))") }
        if let iterations { parts.append("iterations=\(iterations)") }
        if let seed { parts.append("seed=\(seed)") }
        return parts.joined(separator: ":")
    }

    public var description: String { label }

    /// The ``SolvePipeline`` for this method, its options laid over the run's `defaults`.
    public func pipeline(defaults: SolveLimits) -> SolvePipeline {
        var limits = defaults
        if let timeLimit { limits.timeLimit = timeLimit }
        if let iterations { limits.iterationLimit = iterations }
        if let seed { limits.seed = seed }
        return SolvePipeline(method: method, limits: limits,
                             policy: PolicyOptions(model: model, decoding: decoding, polish: polish))
    }

    // MARK: - Parsing

    /// Parses one entry.
    /// - Throws: ``BenchError`` naming the entry: an unknown method, a method missing from this build
    ///   (`exact` before the exact solver lands), an option the method does not take, a malformed value.
    public init(parsing entry: String) throws(BenchError) {
        let tokens = entry.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let name = tokens[0].trimmingCharacters(in: .whitespaces).lowercased()
        guard ["exact", "heuristic", "policy", "auto"].contains(name) else { throw .unknownMethod(entry) }
        guard let method = SolveMethod(rawValue: name) else { throw .methodUnavailable(name) }
        self.init(method: method)
        for token in tokens.dropFirst() {
            try apply(option: token.trimmingCharacters(in: .whitespaces), entry: entry)
        }
    }

    /// Parses a comma-separated `--methods` list; repeated methods are an error.
    public static func parseList(_ list: String) throws(BenchError) -> [BenchMethod] {
        var methods: [BenchMethod] = []
        for entry in list.split(separator: ",").map(String.init) where !entry.trimmingCharacters(in: .whitespaces).isEmpty {
            let method = try BenchMethod(parsing: entry)
            guard !methods.contains(where: { $0.label == method.label }) else { throw .duplicateMethod(method.label) }
            methods.append(method)
        }
        guard !methods.isEmpty else { throw .unknownMethod(list) }
        return methods
    }

    private mutating func apply(option: String, entry: String) throws(BenchError) {
        let key = option.prefix { $0 != "=" }.lowercased()
        let value = option.contains("=") ? String(option.drop { $0 != "=" }.dropFirst()) : nil
        func bad(_ reason: String) -> BenchError { .badMethodOption(method: entry, option: option, reason: reason) }
        func numeric<T: LosslessStringConvertible>(_ type: T.Type) throws(BenchError) -> T {
            guard let value, let number = T(value) else { throw bad("needs a number, as in \(key)=10") }
            return number
        }
        let isPolicy = method == .policy
        switch key {
        case "time":
            let seconds = try numeric(Double.self)
            guard seconds.isFinite, seconds > 0 else { throw bad("must be a positive number of seconds") }
            timeLimit = seconds
        case "seed":
            seed = try numeric(UInt64.self)
        case "iterations" where method == .heuristic || method == .auto:
            let count = try numeric(Int.self)
            guard count >= 0 else { throw bad("must not be negative") }
            iterations = count
        case "model" where isPolicy:
            guard let value, !value.isEmpty else { throw bad("needs a file, as in model=runs/tsp20-pomo/best.safetensors") }
            model = value
        case "polish" where isPolicy && value == nil:
            polish = true
        case "greedy", "multistart", "pomo-aug8", "sample", _ where key.hasPrefix("multistart-aug"):
            guard isPolicy else { throw bad("is not an option of \(method.rawValue) (\(Self.options(of: method)))") }
            guard decoding == nil else { throw bad("is a second decoding") }
            let spelled = key == "pomo-aug8" ? "multistart-aug8" : key == "sample" ? "sample:\(value ?? "")" : key
            guard key == "sample" || value == nil, let parsed = PolicyDecoding(argument: spelled) else {
                throw bad("is not a decoding (greedy, sample=N with 1 ≤ N ≤ \(PolicyDecoding.maximumSamples), "
                          + "multistart, multistart-augK with 1 ≤ K ≤ \(PolicyDecoding.maximumCopies) or pomo-aug8)")
            }
            decoding = parsed
        default:
            throw bad("is not an option of \(method.rawValue) (\(Self.options(of: method)))")
        }
    }

    private static func options(of method: SolveMethod) -> String {
        if method == .policy {
            return "greedy, sample=N, multistart, multistart-aug8 (or -augK), pomo-aug8, model=FILE, polish, time=S, seed=N"
        }
        return method == .heuristic || method == .auto ? "time=S, iterations=K, seed=N" : "time=S, seed=N"
    }

    /// `1`, `0.5`, `2.25`: seconds without trailing zeros.
    static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
    }
}
