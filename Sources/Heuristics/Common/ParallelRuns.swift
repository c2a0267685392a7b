import Dispatch

/// Runs independent jobs on parallel threads and returns their results in job order.
///
/// The one place where worker threads share memory: each job writes only its own pre-allocated
/// slot, and `concurrentPerform` returns after every job has finished.
enum ParallelRuns {
    /// Runs `job(0) … job(count − 1)`, in parallel when `count > 1`.
    static func run<T: Sendable>(_ count: Int, _ job: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [job(0)] : [] }
        let slots = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.store(job(index), at: index)
        }
        return slots.collect()
    }
}

/// Pre-allocated result slots written by distinct threads at distinct indices.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func store(_ value: T, at index: Int) { storage[index] = value }

    func collect() -> [T] { (0..<count).map { storage[$0]! } }
}
