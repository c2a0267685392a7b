import RoutingCore

/// How `solve --method policy` turns a trained policy into a solution (`--decode`). Every strategy
/// decodes one or more candidate solutions and keeps the cheapest under the instance's own costs.
public enum PolicyDecoding: Sendable, Hashable, CustomStringConvertible {
    /// One trajectory, the most probable node at each step (POMO: the rollout from start node 0, or for
    /// CVRP the one going first to the first customer).
    case greedy
    /// `count` trajectories drawn from the policy's distribution (seeded by `--seed`). POMO samples
    /// from all `N` starts at once (N = n for TSP, n − 1 for CVRP), so it draws `⌈count / N⌉` sets of `N`.
    case sample(count: Int)
    /// POMO: one greedy rollout from every start node (CVRP: every first customer).
    case multistart
    /// POMO's default with `copies` = 8: greedy rollouts from every start node on each of `copies` augmented
    /// copies of the instance, decoded in batches of as many copies as memory allows — the eight ``CoordinateSymmetry`` maps, and beyond eight
    /// those maps combined with rotations (``ProblemBatch/augmented(copies:)``; MatNet-style ×128 inference for
    /// the matrix policy, whose pseudo-coordinates are only defined up to rotation).
    case multistartAugmented(copies: Int)

    /// The largest augmentation count accepted.
    public static let maximumCopies = 1_024

    /// The largest sample count accepted.
    public static let maximumSamples = 100_000

    /// Parses `greedy`, `sample:N` (1 ≤ N ≤ ``maximumSamples``), `multistart` or `multistart-augK`
    /// (1 ≤ K ≤ ``maximumCopies``; `multistart-aug8` is POMO's ×8).
    public init?(argument: String) {
        switch argument {
        case "greedy": self = .greedy
        case "multistart": self = .multistart
        default:
            if argument.hasPrefix("multistart-aug") {
                let digits = argument.dropFirst("multistart-aug".count)
                guard digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber), let copies = Int(digits),
                      copies >= 1, copies <= Self.maximumCopies else { return nil }
                self = .multistartAugmented(copies: copies)
                return
            }
            guard argument.hasPrefix("sample:"), let count = Int(argument.dropFirst("sample:".count)),
                  count >= 1, count <= Self.maximumSamples else { return nil }
            self = .sample(count: count)
        }
    }

    /// The decoding used when none is asked for: ``multistartAugmented(copies:)`` for POMO — ×8 on coordinates,
    /// ×``matrixCopies`` for the matrix policy (`problem` ATSP/ACVRP: MatNet's inference; its pseudo-coordinates
    /// admit any rotation, and a time limit stops copies beyond the first 8) — ``greedy`` for the attention model
    /// and the pointer network.
    public static func standard(for architecture: PolicyArchitecture, problem: ProblemKind = .tsp) -> PolicyDecoding {
        switch architecture {
        case .pomo: .multistartAugmented(copies: problem.isAsymmetric ? matrixCopies : 8)
        case .attention, .pointer: .greedy
        }
    }

    /// The matrix policy's default augmentation count: ×128, about 0.5–0.75 s at 50 nodes on the reference machine.
    public static let matrixCopies = 128

    /// Whether it needs one rollout per start node (POMO).
    public var needsStartNodes: Bool {
        switch self {
        case .multistart, .multistartAugmented: true
        case .greedy, .sample: false
        }
    }

    /// The `--decode` spelling: `greedy`, `sample:16`, `multistart`, `multistart-aug8`, `multistart-aug64`.
    public var description: String {
        switch self {
        case .greedy: "greedy"
        case .sample(let count): "sample:\(count)"
        case .multistart: "multistart"
        case .multistartAugmented(let copies): "multistart-aug\(copies)"
        }
    }
}
