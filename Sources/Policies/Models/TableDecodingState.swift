/// Which table rows make up a rollout's step query (see ``DecoderTables``).
struct QueryTerms {
    /// Row of the `first` table, or −1 for none.
    var first: Int
    /// Row of the `last` table, or −1 for the `start` row.
    var last: Int
    /// Multiplier of the `capacity` row (remaining capacity as a fraction), 0 for none.
    var capacity: Float
}

/// The decoding state of one instance's rollouts, stepped by ``TableDecoding`` (the per-instance
/// counterpart of a batched ``DecodingEnvironment``, with the same masks; the batch environment replays
/// the chosen actions afterwards to score them).
protocol TableDecodingState: AnyObject {
    /// Rollouts of one instance.
    var rows: Int { get }
    /// Nodes per instance.
    var nodes: Int { get }
    /// Starts instance `instance` afresh.
    func reset(instance: Int)
    /// `true` once every rollout is complete.
    var isFinished: Bool { get }
    /// `nodes` bytes, nonzero where `row` may not go next.
    func mask(row: Int) -> UnsafeMutablePointer<UInt8>
    /// The table rows of `row`'s next query.
    func query(row: Int) -> QueryTerms
    /// Moves `row` to `node`, which its mask allows.
    func apply(row: Int, node: Int)
}
