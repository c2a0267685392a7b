import Foundation

/// Data-parallel execution of one training step on batch shards, one thread per shard.
///
/// ``run(_:)`` calls the same closure once per shard, concurrently: shard 0 on the calling thread, the
/// others on persistent worker threads. Each shard has its own ``Tape`` (kept between runs so its arrays
/// keep their capacity) and takes its part of the batch from ``ShardContext/range(of:)``. While a group
/// with more than one shard runs, OpenBLAS uses one thread per call, so the two levels of parallelism
/// never compete for the cores.
///
/// Parameter gradients stay on each shard's tape during the run; afterwards they are added into
/// ``Parameter/gradient`` in shard order, so the result is deterministic for a given shard count. Batch
/// norm combines statistics across shards with ``ShardCommunicator/allReduce(_:)``, so sharded results
/// equal the single-shard computation up to float rounding.
public final class ShardGroup {
    /// Number of shards (threads).
    public let shardCount: Int
    private let tapes: [Tape]
    private let communicators: [ShardCommunicator]
    private let workers: [ShardWorker]

    /// A group of `shards` threads (at least 1).
    public init(shards: Int = 2) {
        precondition(shards >= 1, "a shard group needs at least one shard")
        shardCount = shards
        let hub = ShardHub(shardCount: shards)
        communicators = (0..<shards).map { ShardCommunicator(shardIndex: $0, hub: hub) }
        tapes = (0..<shards).map { index in
            let tape = Tape()
            tape.accumulatesIntoParameters = shards == 1
            return tape
        }
        for (tape, communicator) in zip(tapes, communicators) { tape.shard = communicator }
        workers = (1..<max(shards, 1)).map { _ in ShardWorker() }
    }

    deinit {
        for worker in workers { worker.stop() }
    }

    /// Runs `body` once per shard in parallel and returns the results in shard order. The body builds the
    /// forward pass on `context.tape` for its batch range and calls `context.tape.backward(loss)`; the
    /// loss should already be scaled for the full batch (for example a sum divided by the full batch
    /// size). Parameter gradients are then added into ``Parameter/gradient`` and the tapes are reset.
    public func run<Result>(_ body: (ShardContext) -> Result) -> [Result] {
        let contexts = (0..<shardCount).map { ShardContext(tape: tapes[$0], communicator: communicators[$0]) }
        for tape in tapes { tape.reset() }
        let results = UnsafeMutablePointer<Result?>.allocate(capacity: shardCount)
        results.initialize(repeating: nil, count: shardCount)
        defer {
            results.deinitialize(count: shardCount)
            results.deallocate()
        }
        let previousThreads = BLAS.threads
        if shardCount > 1 { BLAS.threads = 1 }
        withoutActuallyEscaping(body) { body in
            let job = UncheckedSendable { (shard: Int) in results[shard] = body(contexts[shard]) }
            for (offset, worker) in workers.enumerated() { worker.start { job.value(offset + 1) } }
            job.value(0)
            for worker in workers { worker.waitUntilDone() }
        }
        if shardCount > 1 {
            BLAS.threads = previousThreads
            reduceParameterGradients()
        }
        for tape in tapes { tape.reset() }
        return (0..<shardCount).map { results[$0]! }
    }

    /// Adds each shard's parameter gradients into the parameters, shards in order.
    private func reduceParameterGradients() {
        var done = Set<ObjectIdentifier>()
        for tape in tapes {
            for (parameter, _) in tape.parameterOrder where done.insert(ObjectIdentifier(parameter)).inserted {
                let target = parameter.gradient.pointer, count = parameter.gradient.count
                for shardTape in tapes {
                    guard let local = shardTape.localGradient(of: parameter) else { continue }
                    for i in 0..<count { target[i] += local[i] }
                }
            }
        }
    }
}

/// What one shard's closure sees.
public struct ShardContext {
    /// This shard's tape.
    public let tape: Tape
    /// Barrier and all-reduce across the group.
    public let communicator: ShardCommunicator

    /// This shard's index.
    public var index: Int { communicator.shardIndex }
    /// Number of shards.
    public var count: Int { communicator.shardCount }

    /// This shard's contiguous part of `total` items (shards differ in size by at most one).
    public func range(of total: Int) -> Range<Int> {
        (index * total / count)..<((index + 1) * total / count)
    }
}

/// Wraps a value that is handed to another thread under external synchronisation.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// A persistent thread that runs one job at a time.
final class ShardWorker: @unchecked Sendable {
    private let startSignal = DispatchSemaphore(value: 0)
    private let doneSignal = DispatchSemaphore(value: 0)
    private var job: (() -> Void)?
    private var stopping = false

    init() {
        let thread = Thread { [self] in loop() }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func loop() {
        while true {
            startSignal.wait()
            if stopping { return }
            job?()
            job = nil
            doneSignal.signal()
        }
    }

    func start(_ job: @escaping () -> Void) {
        self.job = job
        startSignal.signal()
    }

    func waitUntilDone() { doneSignal.wait() }

    func stop() {
        stopping = true
        startSignal.signal()
    }
}
