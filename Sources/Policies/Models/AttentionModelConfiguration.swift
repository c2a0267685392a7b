import RoutingCore

/// Hyper-parameters of the attention model (Kool et al., 2019).
public struct AttentionModelConfiguration: Sendable, Codable, Equatable {
    /// TSP or CVRP.
    public var problem: ProblemKind
    /// Embedding width d.
    public var width: Int
    /// Encoder layers.
    public var layers: Int
    /// Attention heads.
    public var heads: Int
    /// Hidden width of the feed-forward sublayers.
    public var feedForward: Int
    /// Logits are clipped as `clip · tanh(·)`.
    public var clip: Float

    /// The published configuration: d = 128, 3 layers, 8 heads, feed-forward 512, clip 10.
    public init(problem: ProblemKind, width: Int = 128, layers: Int = 3, heads: Int = 8, feedForward: Int = 512,
                clip: Float = 10) {
        precondition(problem == .tsp || problem == .cvrp, "the attention model here supports TSP and CVRP")
        precondition(width % heads == 0, "width must be a multiple of heads")
        self.problem = problem
        self.width = width
        self.layers = layers
        self.heads = heads
        self.feedForward = feedForward
        self.clip = clip
    }
}
