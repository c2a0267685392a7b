import Foundation

/// One shard's handle on the barrier and all-reduce of its ``ShardGroup``.
///
/// Operations whose statistics span the whole batch (batch norm) call ``allReduce(_:)`` at the same
/// point on every shard, forward and backward; the sum is formed in shard order, so every shard gets
/// bit-identical results and a run is deterministic for a given shard count.
public final class ShardCommunicator: @unchecked Sendable {
    /// This shard's position, `0..<shardCount`.
    public let shardIndex: Int
    /// Number of shards in the group.
    public let shardCount: Int
    private let hub: ShardHub

    init(shardIndex: Int, hub: ShardHub) {
        self.shardIndex = shardIndex
        self.shardCount = hub.shardCount
        self.hub = hub
    }

    /// Replaces `values` on every shard by their element-wise sum over all shards (summed in shard order).
    /// Every shard must call it with the same count.
    public func allReduce(_ values: UnsafeMutableBufferPointer<Double>) {
        guard shardCount > 1 else { return }
        hub.publish(values, shard: shardIndex)
        hub.wait()
        let total = UnsafeMutableBufferPointer<Double>.allocate(capacity: values.count)
        defer { total.deallocate() }
        total.initialize(repeating: 0)
        for shard in 0..<shardCount {
            let part = hub.published(shard)
            precondition(part.count == values.count, "allReduce: shards disagree on the element count")
            for i in 0..<values.count { total[i] += part[i] }
        }
        hub.wait()
        for i in 0..<values.count { values[i] = total[i] }
    }

    /// Blocks until every shard has reached this point.
    public func barrier() {
        if shardCount > 1 { hub.wait() }
    }
}

/// Shared state of a group's shards: the published buffers and a reusable barrier.
final class ShardHub: @unchecked Sendable {
    let shardCount: Int
    private let condition = NSCondition()
    private var arrived = 0
    private var generation = 0
    private var slots: [UnsafeMutableBufferPointer<Double>]

    init(shardCount: Int) {
        self.shardCount = shardCount
        slots = Array(repeating: UnsafeMutableBufferPointer(start: nil, count: 0), count: shardCount)
    }

    func publish(_ values: UnsafeMutableBufferPointer<Double>, shard: Int) {
        condition.lock()
        slots[shard] = values
        condition.unlock()
    }

    func published(_ shard: Int) -> UnsafeMutableBufferPointer<Double> {
        condition.lock()
        defer { condition.unlock() }
        return slots[shard]
    }

    /// A generation-counting barrier.
    func wait() {
        condition.lock()
        let myGeneration = generation
        arrived += 1
        if arrived == shardCount {
            arrived = 0
            generation += 1
            condition.broadcast()
        } else {
            while generation == myGeneration { condition.wait() }
        }
        condition.unlock()
    }
}
