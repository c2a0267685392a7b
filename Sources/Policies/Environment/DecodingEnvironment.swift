import Tensor

/// A batch of partial solutions that a policy extends one node per step (RL4CO's environment role).
///
/// Rows are rollouts: `instances × rolloutsPerInstance` of them, row `r` belonging to instance
/// `r / rolloutsPerInstance` (POMO runs several rollouts per instance; the attention model one).
///
/// - Observations: ``current`` node per row, ``mask`` of forbidden next nodes.
/// - Constraints: see the conforming types.
/// - Finish: ``isFinished`` once every row is done; done rows accept only a fixed action (CVRP: the depot).
/// - Reward: minus ``lengths`` (tour or route lengths in `Float` on the unit-square coordinates).
public protocol DecodingEnvironment: AnyObject {
    /// Number of rollouts.
    var rows: Int { get }
    /// Nodes per instance.
    var nodes: Int { get }
    /// `[rows, nodes]` bytes, nonzero where the node may not be chosen next.
    var mask: Mask { get }
    /// Node each row stands on (`-1` before the first TSP step).
    var current: [Int32] { get }
    /// `true` once every row is complete.
    var isFinished: Bool { get }
    /// Distance travelled so far per row; the full cost once ``isFinished``.
    var lengths: [Float] { get }
    /// Actions taken so far, one array per step.
    var actions: [[Int32]] { get }
    /// Applies one action per row. Each must be allowed by ``mask``.
    func step(_ actions: [Int32])
}

extension DecodingEnvironment {
    /// Whether `node` is allowed next for `row`.
    public func isAllowed(row: Int, node: Int) -> Bool { !mask[row * nodes + node] }

    /// The action sequence of one row.
    public func sequence(row: Int) -> [Int] { actions.map { Int($0[row]) } }
}

