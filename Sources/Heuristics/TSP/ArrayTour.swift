/// A cyclic tour stored as an order array plus a position array, with an undo journal.
///
/// `order[p]` is the node at position `p`; `position[v]` is where node `v` sits, so `next`, `prev`
/// and `between` are O(1). The two primitive edits are ``reverse(from:to:)`` (which reverses the
/// shorter side, so it is only for symmetric costs) and ``exchange(start:firstLength:secondLength:)``
/// (swaps two adjacent segments; keeps every segment's orientation, safe for asymmetric costs).
/// Every edit is journaled, so a local search can backtrack with ``undo(to:)`` and an iterated
/// local search can reject a kick; ``clearJournal()`` commits.
///
/// Storage is manually allocated `Int32` memory owned by this class (fast, no exclusivity checks).
final class ArrayTour {
    /// Number of nodes.
    let n: Int
    /// Node at each position.
    let order: UnsafeMutablePointer<Int32>
    /// Position of each node.
    let position: UnsafeMutablePointer<Int32>
    /// Journal of edits: triples (kind, a, b); kind 0 = reverse(a...b), kind k>0 = exchange(a, k, b).
    private var journal: [Int32] = []
    /// Scratch buffer for segment exchanges.
    private let scratch: UnsafeMutablePointer<Int32>
    /// Off only while ``undo(to:)`` replays edits.
    private var isJournaling = true

    /// A tour visiting `nodes` in the given order (a permutation of `0..<nodes.count`).
    init(_ nodes: [Int]) {
        n = nodes.count
        order = .allocate(capacity: max(1, n))
        position = .allocate(capacity: max(1, n))
        scratch = .allocate(capacity: max(1, n))
        for (p, v) in nodes.enumerated() {
            order[p] = Int32(v)
            position[v] = Int32(p)
        }
        journal.reserveCapacity(3 * 1024)
    }

    deinit {
        order.deallocate()
        position.deallocate()
        scratch.deallocate()
    }

    /// The tour as an array of nodes, starting at position 0.
    var nodes: [Int] { (0..<n).map { Int(order[$0]) } }

    /// Copies `other`'s order and positions into this tour (same size).
    func copy(from other: ArrayTour) {
        order.update(from: other.order, count: n)
        position.update(from: other.position, count: n)
    }

    // MARK: - Navigation

    /// The node after `v`.
    @inline(__always)
    func next(_ v: Int32) -> Int32 {
        let p = Int(position[Int(v)]) &+ 1
        return order[p == n ? 0 : p]
    }

    /// The node before `v`.
    @inline(__always)
    func prev(_ v: Int32) -> Int32 {
        let p = Int(position[Int(v)])
        return order[p == 0 ? n &- 1 : p &- 1]
    }

    /// The node after `v` when `forward`, else the node before it.
    @inline(__always)
    func succ(_ v: Int32, forward: Bool) -> Int32 { forward ? next(v) : prev(v) }

    /// Number of steps forward from `a` to `b` (0 when equal).
    @inline(__always)
    func distance(from a: Int32, to b: Int32) -> Int {
        let d = Int(position[Int(b)]) &- Int(position[Int(a)])
        return d < 0 ? d &+ n : d
    }

    /// `true` when walking forward from `a` reaches `b` no later than `c`.
    @inline(__always)
    func between(_ a: Int32, _ b: Int32, _ c: Int32) -> Bool {
        distance(from: a, to: b) <= distance(from: a, to: c)
    }

    // MARK: - Edits

    /// Reverses the path from position `i` forward to position `j` (inclusive, cyclic).
    ///
    /// For symmetric costs the shorter of that path and its complement is reversed: both give the
    /// same cycle. - Complexity: O(min(path, n − path)).
    func reverse(from i: Int, to j: Int) {
        var length = j &- i
        if length < 0 { length &+= n }
        length &+= 1
        if 2 &* length > n {
            let start = j &+ 1 == n ? 0 : j &+ 1
            let end = i == 0 ? n &- 1 : i &- 1
            rawReverse(start, end, n &- length)
        } else {
            rawReverse(i, j, length)
        }
    }

    private func rawReverse(_ i: Int, _ j: Int, _ length: Int) {
        guard length > 1 else { return }
        if isJournaling { journal.append(0); journal.append(Int32(i)); journal.append(Int32(j)) }
        var left = i
        var right = j
        for _ in 0..<(length / 2) {
            let a = order[left]
            let b = order[right]
            order[left] = b
            position[Int(b)] = Int32(left)
            order[right] = a
            position[Int(a)] = Int32(right)
            left &+= 1
            if left == n { left = 0 }
            right &-= 1
            if right < 0 { right = n &- 1 }
        }
    }

    /// Swaps the adjacent segments starting at position `start`: the first `firstLength` nodes
    /// and the `secondLength` nodes after them (cyclic). Orientation of both is kept.
    /// - Complexity: O(firstLength + secondLength).
    func exchange(start: Int, firstLength: Int, secondLength: Int) {
        guard firstLength > 0 && secondLength > 0 else { return }
        if isJournaling {
            journal.append(Int32(firstLength)); journal.append(Int32(start)); journal.append(Int32(secondLength))
        }
        let total = firstLength &+ secondLength
        var p = start
        for k in 0..<total {
            scratch[k] = order[p]
            p &+= 1
            if p == n { p = 0 }
        }
        p = start
        for k in 0..<total {
            let v = scratch[k < secondLength ? k &+ firstLength : k &- secondLength]
            order[p] = v
            position[Int(v)] = Int32(p)
            p &+= 1
            if p == n { p = 0 }
        }
    }

    /// Turns the cyclic sequence of three consecutive segments `[a…], [b…], [c…]` (each given by its
    /// first node; together they cover the tour) into `[a…], [c…], [b…]`, moving the cheapest pair.
    func rotateSegments(firstStart a: Int32, secondStart b: Int32, thirdStart c: Int32) {
        let la = distance(from: a, to: b)
        let lb = distance(from: b, to: c)
        let lc = n &- la &- lb
        // A B C → A C B ≡ B A C ≡ C B A (cyclic): swap whichever adjacent pair is shortest.
        if lb &+ lc <= la &+ lb && lb &+ lc <= lc &+ la {
            exchange(start: Int(position[Int(b)]), firstLength: lb, secondLength: lc)
        } else if la &+ lb <= lc &+ la {
            exchange(start: Int(position[Int(a)]), firstLength: la, secondLength: lb)
        } else {
            exchange(start: Int(position[Int(c)]), firstLength: lc, secondLength: la)
        }
    }

    // MARK: - Journal

    /// The current journal length, to pass to ``undo(to:)`` later.
    var mark: Int { journal.count }

    /// Reverts every journaled edit made since `mark`, newest first.
    func undo(to mark: Int) {
        isJournaling = false
        while journal.count > mark {
            let b = Int(journal.removeLast())
            let a = Int(journal.removeLast())
            let kind = Int(journal.removeLast())
            if kind == 0 {
                var length = b &- a
                if length < 0 { length &+= n }
                rawReverse(a, b, length &+ 1)
            } else {
                exchange(start: a, firstLength: b, secondLength: kind)
            }
        }
        isJournaling = true
    }

    /// Forgets the journal (the current tour becomes the new base).
    func clearJournal() { journal.removeAll(keepingCapacity: true) }
}
