extension Tape {
    /// Records an operation computed outside the engine (a model-specific fused kernel) with its own
    /// backward pass.
    ///
    /// - Parameters:
    ///   - output: the forward value, already computed by the caller.
    ///   - inputs: the variables the output depends on.
    ///   - backward: called once during ``backward(_:)`` with the output gradient (`output.count` floats)
    ///     and, per input, a buffer to **add** that input's gradient into (`nil` for inputs that need
    ///     none). Fresh buffers arrive zero-filled, so the closure may scatter-add without checking.
    /// - Returns: the output as a variable; a constant when no input needs a gradient or the tape is not
    ///   recording (then `backward` is never called).
    public func custom(_ output: Tensor, inputs: [Variable],
                       backward: @escaping (_ outputGradient: UnsafePointer<Float>,
                                            _ inputGradients: [UnsafeMutablePointer<Float>?]) -> Void) -> Variable {
        guard needsGradient(inputs) else { return constant(output) }
        return record(output) { tape, gradient in
            let targets = inputs.map { input -> UnsafeMutablePointer<Float>? in
                guard let target = tape.gradientTarget(input) else { return nil }
                target.prepareForScatter(count: input.count)
                return target.pointer
            }
            backward(gradient, targets)
        }
    }
}
