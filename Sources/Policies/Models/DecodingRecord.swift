/// What ``TableDecoding``'s backward pass needs from every computed step, appended instance by instance:
/// per step and rollout the attention probabilities `P` (`[n·H]`), `u = tanh(logits)` and the policy `π`
/// (`[n]` each, `π` 0 where masked), the query's table rows and the chosen node.
final class DecodingRecord {
    let width: Int, nodes: Int
    /// Rollouts per instance: each computed step saves this many consecutive step-rows.
    let rollouts: Int
    private(set) var scores: GrowableBuffer<Float>
    private(set) var tanh: GrowableBuffer<Float>
    private(set) var policy: GrowableBuffer<Float>
    private(set) var queries: [QueryTerms] = []
    private(set) var actions: [Int32] = []
    /// Per instance: first saved step-row and the number of step-rows.
    private(set) var instanceRanges: [(start: Int, count: Int)] = []

    init(width: Int, nodes: Int, rollouts: Int, expectedRows: Int) {
        self.rollouts = rollouts
        self.width = width
        self.nodes = nodes
        scores = GrowableBuffer(capacity: expectedRows * width)
        tanh = GrowableBuffer(capacity: expectedRows * nodes)
        policy = GrowableBuffer(capacity: expectedRows * nodes)
        queries.reserveCapacity(expectedRows)
        actions.reserveCapacity(expectedRows)
    }

    /// Step-rows saved so far.
    var count: Int { actions.count }

    /// Opens the block of the next instance.
    func beginInstance() { instanceRanges.append((count, 0)) }

    /// Makes room for `rows` more step-rows and returns where they go (valid until the next call).
    func reserve(rows: Int) -> (scores: UnsafeMutablePointer<Float>, tanh: UnsafeMutablePointer<Float>,
                                policy: UnsafeMutablePointer<Float>) {
        (scores.extend(by: rows * width), tanh.extend(by: rows * nodes), policy.extend(by: rows * nodes))
    }

    /// Records the query and action of the next saved step-row (after its values were written).
    func append(query: QueryTerms, action: Int) {
        queries.append(query)
        actions.append(Int32(action))
        instanceRanges[instanceRanges.count - 1].count += 1
    }
}

/// A manually grown float buffer (amortised doubling), so the forward pass writes saved rows in place.
struct GrowableBuffer<Element> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private var capacity: Int
    private let owner: Owner

    private final class Owner {
        var pointer: UnsafeMutablePointer<Element>
        init(_ pointer: UnsafeMutablePointer<Element>) { self.pointer = pointer }
        deinit { pointer.deallocate() }
    }

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        pointer = .allocate(capacity: self.capacity)
        owner = Owner(pointer)
    }

    /// Grows by `extra` uninitialised elements and returns a pointer to them.
    mutating func extend(by extra: Int) -> UnsafeMutablePointer<Element> {
        if count + extra > capacity {
            capacity = max(capacity * 2, count + extra)
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
            grown.moveInitialize(from: pointer, count: count)
            pointer.deallocate()
            pointer = grown
            owner.pointer = grown
        }
        defer { count += extra }
        return pointer + count
    }
}
