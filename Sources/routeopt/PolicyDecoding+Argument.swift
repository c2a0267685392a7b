import ArgumentParser
import Policies

/// `--decode greedy|sample:N|multistart|multistart-augK`; any other value is a usage error naming it.
extension PolicyDecoding: ExpressibleByArgument {
    public static var defaultCompletionKind: CompletionKind {
        .list(["greedy", "sample:16", "multistart", "multistart-aug8", "multistart-aug64"])
    }
}
