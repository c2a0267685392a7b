@testable import Heuristics
import Testing

@Suite struct ActiveQueueTests {
    /// Nodes come out first in, first out, and a node already queued is not queued twice.
    @Test func fifoWithoutDuplicates() {
        var queue = ActiveQueue(n: 4)
        for v: Int32 in [2, 0, 2, 3, 0] { queue.push(v) }
        var popped: [Int32] = []
        while !queue.isEmpty { popped.append(queue.pop()) }
        #expect(popped == [2, 0, 3])
        queue.push(2)
        #expect(queue.pop() == 2)
        #expect(queue.isEmpty)
    }

    /// The ring wraps around when pushes and pops interleave past its capacity.
    @Test func wrapsAround() {
        var queue = ActiveQueue(n: 3)
        var popped: [Int32] = []
        for round in 0..<5 {
            queue.push(Int32(round % 3))
            queue.push(Int32((round + 1) % 3))
            popped.append(queue.pop())
        }
        while !queue.isEmpty { popped.append(queue.pop()) }
        #expect(popped == [0, 1, 2, 0, 1, 2])
    }
}
