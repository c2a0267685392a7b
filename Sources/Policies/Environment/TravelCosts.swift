import Tensor

/// The travel costs of a ``ProblemBatch`` as the environments read them: the `[B, n, n]` matrix of a matrix
/// batch, else Euclidean distances between its `[B, n, 2]` coordinates. Holds the tensors it reads, so it
/// stays valid as long as it lives.
struct TravelCosts {
    private let coordinates: Tensor
    private let travel: Tensor?
    private let nodes: Int

    init(_ batch: ProblemBatch) {
        coordinates = batch.coordinates
        travel = batch.travel
        nodes = batch.nodes
    }

    /// The cost from node `a` to node `b` of instance `instance`.
    @inline(__always)
    func cost(instance: Int, _ a: Int, _ b: Int) -> Float {
        if let travel { return travel.pointer[(instance &* nodes &+ a) &* nodes &+ b] }
        let p = coordinates.pointer + (instance &* nodes &+ a) &* 2, q = coordinates.pointer + (instance &* nodes &+ b) &* 2
        let dx = p[0] - q[0], dy = p[1] - q[1]
        return (dx * dx + dy * dy).squareRoot()
    }
}
