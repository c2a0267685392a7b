import Policies
import RoutingCore
import Solving
import Testing
@testable import Benchmarking

@Suite struct BenchMethodTests {
    /// Options parse into the pipeline's settings and every entry gets one canonical label, whatever
    /// the spelling or order of its options.
    @Test(arguments: [
        ("heuristic", "heuristic"),
        ("heuristic:time=1", "heuristic:time=1"),
        ("heuristic:seed=3:iterations=500:time=0.5", "heuristic:time=0.5:iterations=500:seed=3"),
        ("policy", "policy"),
        ("policy:greedy", "policy:greedy"),
        ("policy:pomo-aug8", "policy:multistart-aug8"),
        ("policy:sample=128", "policy:sample=128"),
        ("policy:polish:model=runs/x/best.safetensors:multistart", "policy:model=runs/x/best.safetensors:multistart:polish"),
        ("Auto:time=2", "auto:time=2"),
    ])
    func labels(entry: String, label: String) throws {
        #expect(try BenchMethod(parsing: entry).label == label)
        #expect(try BenchMethod(parsing: label).label == label)
    }

    /// The method's options override the run's defaults; the rest come from the defaults.
    @Test func pipelineLaysOptionsOverDefaults() throws {
        let defaults = SolveLimits(timeLimit: 2, seed: 9, threads: 1)
        let heuristic = try BenchMethod(parsing: "heuristic:time=0.5:iterations=100").pipeline(defaults: defaults)
        #expect(heuristic.method == .heuristic)
        #expect(heuristic.limits.timeLimit == 0.5 && heuristic.limits.iterationLimit == 100 && heuristic.limits.seed == 9)
        #expect(heuristic.limits.threads == 1)
        let policy = try BenchMethod(parsing: "policy:sample=16:polish:seed=4").pipeline(defaults: defaults)
        #expect(policy.method == .policy && policy.policy.decoding == .sample(count: 16) && policy.policy.polish)
        #expect(policy.limits.seed == 4 && policy.limits.timeLimit == 2)
    }

    /// Bad entries are errors naming the entry and what is wrong.
    @Test(arguments: [
        ("heurstic", "unknown method 'heurstic'"),
        ("heuristic:greedy", "option 'greedy' is not an option of heuristic"),
        ("heuristic:time=0", "option 'time=0' must be a positive number"),
        ("heuristic:time=fast", "option 'time=fast' needs a number"),
        ("policy:iterations=5", "option 'iterations=5' is not an option of policy"),
        ("policy:sample=0", "option 'sample=0' is not a decoding"),
        ("policy:greedy:multistart", "option 'multistart' is a second decoding"),
        ("policy:model=", "option 'model=' needs a file"),
    ])
    func badEntries(entry: String, message: String) {
        #expect(throws: BenchError.self) { try BenchMethod(parsing: entry) }
        do {
            _ = try BenchMethod(parsing: entry)
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    /// A list is split at commas; a method listed twice (in any spelling) is an error.
    @Test func lists() throws {
        if SolveMethod(rawValue: "exact") != nil {
            #expect(try BenchMethod.parseList("exact,heuristic,policy").map(\.label) == ["exact", "heuristic", "policy"])
        }
        #expect(try BenchMethod.parseList("heuristic:time=1, policy:greedy").map(\.label) == ["heuristic:time=1", "policy:greedy"])
        #expect(throws: BenchError.duplicateMethod("policy:multistart-aug8")) {
            try BenchMethod.parseList("policy:pomo-aug8,policy:multistart-aug8")
        }
        #expect(throws: BenchError.self) { try BenchMethod.parseList(" , ") }
    }

    /// `exact` parses when this build has the exact solver, and is otherwise a clear "not available" error.
    @Test func exactFollowsTheBuild() throws {
        if let exact = SolveMethod(rawValue: "exact") {
            #expect(try BenchMethod(parsing: "exact:time=5").method == exact)
        } else {
            #expect(throws: BenchError.methodUnavailable("exact")) { try BenchMethod(parsing: "exact") }
            #expect("\(BenchError.methodUnavailable("exact"))".contains("not available in this build"))
        }
    }
}
