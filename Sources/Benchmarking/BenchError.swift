/// Problems with a bench run's input, reported before anything is solved. Each names what it is about.
public enum BenchError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `--methods` entry that names no method.
    case unknownMethod(String)
    /// A method option that the method does not take or whose value is malformed.
    case badMethodOption(method: String, option: String, reason: String)
    /// A method this build does not have (the exact solver before it lands).
    case methodUnavailable(String)
    /// The same method listed twice.
    case duplicateMethod(String)
    /// An instance argument that is neither a file, a folder, a matching glob nor a `generated:` set.
    case missingInstances(String)
    /// A malformed `generated:PROBLEMSIZE:COUNT[:seed=S][:first=K]` argument.
    case badGeneratedSet(argument: String, reason: String)
    /// Two instance files with the same name (results are keyed by instance name).
    case duplicateInstance(name: String, first: String, second: String)
    /// No instances at all.
    case noInstances

    public var description: String {
        switch self {
        case .unknownMethod(let method):
            return "unknown method '\(method)' (expected exact, heuristic, policy or auto, optionally with options "
                + "such as heuristic:time=1, policy:greedy, policy:sample=128, policy:pomo-aug8)"
        case let .badMethodOption(method, option, reason):
            return "method '\(method)': option '\(option)' \(reason)"
        case .methodUnavailable(let method):
            return "method '\(method)' is not available in this build (its solver has not landed yet)"
        case .duplicateMethod(let method):
            return "method '\(method)' is listed twice"
        case .missingInstances(let argument):
            return "\(argument): no such file or folder, and no instance file matches it"
        case let .badGeneratedSet(argument, reason):
            return "\(argument): \(reason) (expected generated:PROBLEMSIZE:COUNT[:seed=S][:first=K], "
                + "for example generated:tsp50:1000:seed=1234)"
        case let .duplicateInstance(name, first, second):
            return "two instances are named '\(name)' (\(first) and \(second)); results are keyed by instance name"
        case .noInstances:
            return "no instances to run"
        }
    }
}
