/// Variable-depth Lin–Kernighan-style search for symmetric costs: a chain of 2-opt flips
/// (``TwoOptMove``) that starts by removing an edge at `t1` and keeps the cumulative gain
/// positive, with backtracking over the best few choices at the first levels.
///
/// Each step removes the open edge `{t1, t2}`, adds `{t2, t3}` for a candidate `t3` of `t2`,
/// removes `{t3, t4}` and closes with `{t4, t1}`. The chain stops at the depth limit or when no
/// candidate keeps the partial gain positive; the best closed tour along it is kept. An edge
/// added in the chain is never removed again.
final class LinKernighanSearch: TourMoveSearch {
    private let context: SearchContext
    /// Alternatives tried at each level (deeper levels try 1).
    private let breadth: [Int]
    private let maxBreadth: Int
    /// Most flips in one chain.
    let maxDepth: Int
    /// Added edges of the current chain, as pairs (`addedCount` entries).
    private let added: UnsafeMutablePointer<Int32>
    private var addedCount = 0
    /// Endpoints of the edges changed by the current chain (`touchedCount` entries).
    private let touched: UnsafeMutablePointer<Int32>
    private var touchedCount = 0
    /// Per-level candidate slots: (t3, t4, ranking value).
    private let slots: UnsafeMutablePointer<(Int32, Int32, Int)>

    init(context: SearchContext, breadth: [Int] = [3, 1], maxDepth: Int = 12) {
        self.context = context
        self.breadth = breadth
        self.maxBreadth = max(1, breadth.max() ?? 1)
        self.maxDepth = maxDepth
        slots = .allocate(capacity: maxDepth * maxBreadth)
        added = .allocate(capacity: 2 * maxDepth)
        touched = .allocate(capacity: 2 * maxDepth + 2)
    }

    deinit {
        slots.deallocate()
        added.deallocate()
        touched.deallocate()
    }

    func improve(from t1: Int32, tour: ArrayTour, activating queue: inout ActiveQueue) -> Int {
        guard tour.n >= 5 else { return 0 }
        for side in 0..<2 {
            let t2 = side == 0 ? tour.next(t1) : tour.prev(t1)
            addedCount = 0
            touched[0] = t1
            touched[1] = t2
            touchedCount = 2
            let gain = step(level: 0, t1: t1, t2: t2, gain: context.costs[t1, t2], threshold: 0, tour: tour)
            if gain > 0 {
                for i in 0..<touchedCount { queue.push(touched[i]) }
                return gain
            }
        }
        return 0
    }

    /// Extends the chain by one flip. Returns a gain above `threshold` with the tour left in that
    /// improved state, or `threshold` with the tour restored.
    private func step(level: Int, t1: Int32, t2: Int32, gain g: Int, threshold: Int, tour: ArrayTour) -> Int {
        let costs = context.costs
        let forward = tour.next(t1) == t2
        let afterT2 = tour.succ(t2, forward: forward)
        let width = level < breadth.count ? breadth[level] : 1
        let base = level * maxBreadth
        var count = 0
        let list = context.outgoing + Int(t2) * context.k
        if level + 1 == maxDepth {
            return closeChain(t1: t1, t2: t2, gain: g, threshold: threshold, forward: forward, tour: tour)
        }
        for r in 0..<context.k {
            let t3 = list[r]
            let g1 = g &- costs[t2, t3]
            if g1 <= 0 { break }
            if t3 == afterT2 || t3 == t1 { continue }
            let t4 = tour.succ(t3, forward: !forward)
            if isAdded(t3, t4) { continue }
            let value = g1 &+ costs[t3, t4]
            // Keep the `width` best by value, sorted descending.
            var index = count < width ? count : width
            if index == width && value <= slots[base + width - 1].2 { continue }
            if count < width { count += 1 }
            while index > 0 && slots[base + index - 1].2 < value {
                if index < width { slots[base + index] = slots[base + index - 1] }
                index -= 1
            }
            slots[base + index] = (t3, t4, value)
        }
        for i in 0..<count {
            let (t3, t4, _) = slots[base + i]
            let mark = tour.mark
            TwoOptMove(t1: t1, t2: t2, t3: t3, t4: t4).apply(to: tour)
            added[addedCount] = t2
            added[addedCount + 1] = t3
            addedCount += 2
            touched[touchedCount] = t3
            touched[touchedCount + 1] = t4
            touchedCount += 2
            let g2 = g &- costs[t2, t3] &+ costs[t3, t4]
            let closed = g2 &- costs[t4, t1]
            let best = max(threshold, closed)
            let deeper = step(level: level + 1, t1: t1, t2: t4, gain: g2, threshold: best, tour: tour)
            if deeper > best { return deeper }
            if closed > threshold { return closed }
            tour.undo(to: mark)
            addedCount -= 2
            touchedCount -= 2
        }
        return threshold
    }

    /// The last level: the best single closing flip, applied only if it beats `threshold`.
    private func closeChain(t1: Int32, t2: Int32, gain g: Int, threshold: Int, forward: Bool, tour: ArrayTour) -> Int {
        let costs = context.costs
        let afterT2 = tour.succ(t2, forward: forward)
        let list = context.outgoing + Int(t2) * context.k
        var best = threshold
        var choice: (Int32, Int32)? = nil
        for r in 0..<context.k {
            let t3 = list[r]
            let g1 = g &- costs[t2, t3]
            if g1 <= 0 { break }
            if t3 == afterT2 || t3 == t1 { continue }
            let t4 = tour.succ(t3, forward: !forward)
            let closed = g1 &+ costs[t3, t4] &- costs[t4, t1]
            if closed > best && !isAdded(t3, t4) {
                best = closed
                choice = (t3, t4)
            }
        }
        guard let (t3, t4) = choice else { return threshold }
        TwoOptMove(t1: t1, t2: t2, t3: t3, t4: t4).apply(to: tour)
        touched[touchedCount] = t3
        touched[touchedCount + 1] = t4
        touchedCount += 2
        return best
    }

    /// `true` when `{a, b}` was added earlier in the current chain.
    @inline(__always)
    private func isAdded(_ a: Int32, _ b: Int32) -> Bool {
        var i = 0
        while i < addedCount {
            let x = added[i], y = added[i + 1]
            if (x == a && y == b) || (x == b && y == a) { return true }
            i += 2
        }
        return false
    }
}
