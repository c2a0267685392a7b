import Policies

/// What `solve --method policy` was asked for: which checkpoint, how to decode, whether to polish.
public struct PolicyOptions: Sendable {
    /// An explicit checkpoint file (`--model`); `nil` picks the shipped checkpoint for the instance's
    /// problem and nearest size from ``checkpoints``.
    public var model: String?
    /// `--decode`; `nil` uses ``PolicyDecoding/standard(for:problem:)`` of the checkpoint's architecture and problem.
    public var decoding: PolicyDecoding?
    /// `--polish`: improve the decoded solution with the heuristics' local search.
    public var polish: Bool
    /// Where shipped checkpoints are looked for.
    public var checkpoints: ShippedCheckpoints

    public init(model: String? = nil, decoding: PolicyDecoding? = nil, polish: Bool = false,
                checkpoints: ShippedCheckpoints = .standard()) {
        self.model = model
        self.decoding = decoding
        self.polish = polish
        self.checkpoints = checkpoints
    }
}
