/// Reverse-mode differentiation over a tape of coarse, fused operations.
///
/// ## How it works
/// Every operation (`tape.linear`, `tape.multiHeadAttention`, `tape.logSoftmax`, …) computes its forward
/// result immediately on raw pointers or with `cblas_sgemm` and, when one of its inputs needs a gradient,
/// appends **one** backward closure to the tape. ``backward(_:)`` seeds the loss gradient and runs the
/// closures in reverse order; each reads its output gradient and adds into its inputs' gradients.
///
/// ## Why coarse fused operations with hand-written backward passes
/// - The networks here are small-dimension (d = 128) but large-batch, so time goes to a handful of big
///   products plus memory traffic. A fused op (`x·Wᵀ + b` then ReLU; scaled-dot-product attention with
///   mask and softmax over all heads; batch norm) touches each activation once per direction instead of
///   once per elementary op, and saves exactly the tensors its backward pass needs.
/// - A tape (rather than a static graph) composes naturally with autoregressive decoding, where the same
///   weights are used at every step, the step count varies and masks depend on sampled actions.
/// - Hand-written backward passes let each op pick the cheapest formula (e.g. softmax backward from the
///   saved probabilities) and write fresh gradient buffers directly instead of zero-filling and adding.
///
/// ## Costs
/// Constants and results computed while ``isRecording`` is `false` get no tape slot and no closure.
/// Gradient storage comes from the ``BufferPool`` and is released as soon as the op that produced it
/// has run its backward pass. Tape arrays keep their capacity across ``reset()``, so a training loop that
/// reuses one tape does not reallocate them.
///
/// A tape is confined to one thread; data-parallel training gives each shard its own tape
/// (see ``ShardGroup``).
public final class Tape {
    /// Gradient storage per slot; `nil` until some op adds into it.
    private var gradients: [TensorBuffer?] = []
    /// Element count per slot.
    private var counts: [Int] = []
    /// Backward closures in recording order.
    private var records: [Record] = []
    /// Slot of each parameter already on this tape.
    private var parameterSlots: [ObjectIdentifier: Int] = [:]
    /// Parameters in first-use order with their slots.
    private(set) var parameterOrder: [(parameter: Parameter, slot: Int)] = []

    /// When `false`, operations compute forward values only and record nothing (inference, baseline
    /// rollouts).
    public var isRecording: Bool

    /// When `true` (the default), parameter gradients are added straight into ``Parameter/gradient``;
    /// shards of a ``ShardGroup`` keep them on the tape instead and the group sums them in a fixed order.
    public internal(set) var accumulatesIntoParameters = true

    /// The shard this tape belongs to, for operations whose statistics span the whole batch.
    public internal(set) var shard: ShardCommunicator?

    private struct Record {
        let firstSlot: Int
        let lastSlot: Int
        let backward: (Tape) -> Void
    }

    /// A tape that records operations unless `recording` is `false`.
    public init(recording: Bool = true) {
        isRecording = recording
    }

    /// Runs `body` with recording switched off, then restores the previous setting.
    public func withoutRecording<R>(_ body: () throws -> R) rethrows -> R {
        let previous = isRecording
        isRecording = false
        defer { isRecording = previous }
        return try body()
    }

    // MARK: - Leaves

    /// A value that needs no gradient.
    public func constant(_ value: Tensor) -> Variable { Variable(index: -1, value: value) }

    /// A leaf whose gradient is kept and can be read with ``gradient(of:)`` after ``backward(_:)``.
    public func input(_ value: Tensor) -> Variable {
        isRecording ? newSlot(value) : constant(value)
    }

    /// A trainable parameter. Its gradient is added into ``Parameter/gradient`` by ``backward(_:)``
    /// (or kept on the tape for a ``ShardGroup``). Repeated calls return the same variable.
    public func parameter(_ parameter: Parameter) -> Variable {
        guard isRecording else { return constant(parameter.value) }
        let key = ObjectIdentifier(parameter)
        if let slot = parameterSlots[key] { return Variable(index: slot, value: parameter.value) }
        let variable = newSlot(parameter.value)
        if accumulatesIntoParameters {
            precondition(parameter.gradient.count == parameter.value.count, "gradient shape of \(parameter.name)")
            gradients[variable.index] = parameter.gradient.buffer
        }
        parameterSlots[key] = variable.index
        parameterOrder.append((parameter, variable.index))
        return variable
    }

    // MARK: - Backward

    /// Back-propagates from a scalar `loss` (seed gradient 1).
    public func backward(_ loss: Variable) {
        precondition(loss.count == 1, "backward(_:) needs a scalar; use backward(_:seed:)")
        backward(loss, seed: Tensor([1], shape: loss.shape))
    }

    /// Back-propagates from `output` with the given output gradient.
    public func backward(_ output: Variable, seed: Tensor) {
        precondition(output.requiresGradient, "the output does not depend on anything that needs a gradient")
        precondition(seed.count == output.count, "seed \(seed.shape) does not match output \(output.shape)")
        let target = gradientTarget(output)!
        target.update(count: seed.count) { seed.buffer.pointer[$0] }
        for position in records.indices.reversed() {
            let record = records[position]
            guard record.firstSlot <= output.index else { continue }
            var reached = false
            for slot in record.firstSlot...record.lastSlot where gradients[slot] != nil { reached = true }
            guard reached else { continue }
            record.backward(self)
            for slot in record.firstSlot...record.lastSlot { gradients[slot] = nil }
        }
    }

    /// The gradient accumulated for a leaf (``input(_:)`` or ``parameter(_:)``) after ``backward(_:)``,
    /// or `nil` when none reached it.
    public func gradient(of variable: Variable) -> Tensor? {
        guard variable.requiresGradient, let buffer = gradients[variable.index] else { return nil }
        return Tensor(buffer: buffer, shape: variable.shape)
    }

    /// Forgets every slot and record (keeping array capacity) so the tape can be reused for another step.
    public func reset() {
        gradients.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        records.removeAll(keepingCapacity: true)
        parameterSlots.removeAll(keepingCapacity: true)
        parameterOrder.removeAll(keepingCapacity: true)
    }

    /// Number of backward closures recorded since the last ``reset()``.
    public var recordCount: Int { records.count }

    // MARK: - Building operations

    /// `true` when an op on these inputs must record a backward closure.
    @inline(__always)
    func needsGradient(_ a: Variable) -> Bool { isRecording && a.index >= 0 }

    @inline(__always)
    func needsGradient(_ a: Variable, _ b: Variable) -> Bool { isRecording && (a.index >= 0 || b.index >= 0) }

    @inline(__always)
    func needsGradient(_ a: Variable, _ b: Variable, _ c: Variable?) -> Bool {
        isRecording && (a.index >= 0 || b.index >= 0 || (c?.index ?? -1) >= 0)
    }

    func needsGradient(_ inputs: [Variable]) -> Bool { isRecording && inputs.contains { $0.index >= 0 } }

    private func newSlot(_ value: Tensor) -> Variable {
        gradients.append(nil)
        counts.append(value.count)
        return Variable(index: gradients.count - 1, value: value)
    }

    /// Records a single-output op; `backward` receives the output gradient.
    func record(_ value: Tensor, backward: @escaping (Tape, UnsafeMutablePointer<Float>) -> Void) -> Variable {
        let output = newSlot(value)
        let slot = output.index
        records.append(Record(firstSlot: slot, lastSlot: slot) { tape in
            backward(tape, tape.gradients[slot]!.pointer)
        })
        return output
    }

    /// Records a multi-output op; `backward` receives each output's gradient, `nil` where none arrived.
    func record(_ values: [Tensor], backward: @escaping (Tape, [UnsafeMutablePointer<Float>?]) -> Void) -> [Variable] {
        let outputs = values.map { newSlot($0) }
        let first = outputs[0].index, last = outputs[outputs.count - 1].index
        records.append(Record(firstSlot: first, lastSlot: last) { tape in
            backward(tape, (first...last).map { tape.gradients[$0]?.pointer })
        })
        return outputs
    }

    /// Records a view of `input` (same elements, another shape): backward hands the output gradient
    /// buffer to the input without copying when the input has none yet.
    func recordView(_ value: Tensor, of input: Variable) -> Variable {
        let output = newSlot(value)
        let slot = output.index
        records.append(Record(firstSlot: slot, lastSlot: slot) { tape in
            let gradient = tape.gradients[slot]!
            if let existing = tape.gradients[input.index] {
                let target = existing.pointer, source = gradient.pointer
                for i in 0..<input.count { target[i] += source[i] }
            } else {
                tape.gradients[input.index] = gradient
            }
        })
        return output
    }

    /// Where to put the gradient of `variable`, or `nil` when it needs none. A fresh buffer is returned
    /// uninitialised with ``GradientTarget/accumulates`` `false`: the caller must write every element.
    func gradientTarget(_ variable: Variable) -> GradientTarget? {
        guard variable.index >= 0 else { return nil }
        if let buffer = gradients[variable.index] {
            return GradientTarget(pointer: buffer.pointer, accumulates: true)
        }
        let buffer = TensorBuffer(uninitializedCount: counts[variable.index])
        gradients[variable.index] = buffer
        return GradientTarget(pointer: buffer.pointer, accumulates: false)
    }

    /// The tape-held gradient of `parameter` (shards only), or `nil` when it got none.
    func localGradient(of parameter: Parameter) -> UnsafeMutablePointer<Float>? {
        guard let slot = parameterSlots[ObjectIdentifier(parameter)] else { return nil }
        return gradients[slot]?.pointer
    }
}
