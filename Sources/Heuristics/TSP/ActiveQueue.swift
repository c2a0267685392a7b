/// Don't-look bits kept as a FIFO queue of active nodes: a local search only starts from nodes
/// in the queue, and re-queues the endpoints of every edge it changes.
struct ActiveQueue {
    private var ring: [Int32]
    private var queued: [Bool]
    private var head = 0
    private var size = 0

    /// An empty queue for `n` nodes.
    init(n: Int) {
        ring = [Int32](repeating: 0, count: max(1, n))
        queued = [Bool](repeating: false, count: max(1, n))
    }

    /// `true` when no node is active.
    var isEmpty: Bool { size == 0 }

    /// Activates `v` (no effect if it is already active).
    @inline(__always)
    mutating func push(_ v: Int32) {
        guard !queued[Int(v)] else { return }
        queued[Int(v)] = true
        var tail = head + size
        if tail >= ring.count { tail -= ring.count }
        ring[tail] = v
        size += 1
    }

    /// Removes and returns the oldest active node.
    @inline(__always)
    mutating func pop() -> Int32 {
        let v = ring[head]
        head += 1
        if head == ring.count { head = 0 }
        size -= 1
        queued[Int(v)] = false
        return v
    }

    /// Activates every node of `tour` in tour order.
    mutating func pushAll(_ tour: ArrayTour) {
        for p in 0..<tour.n { push(tour.order[p]) }
    }
}
