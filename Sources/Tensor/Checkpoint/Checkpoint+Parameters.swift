/// Moving model parameters into and out of checkpoints.
extension Checkpoint {
    /// What ``load(into:unusedTensors:)`` does with tensors that no parameter takes.
    public enum UnusedTensors: Sendable, Equatable {
        /// Any unused tensor is an error listing them (a checkpoint from another model is noticed).
        case reject
        /// Unused tensors whose names start with one of these prefixes are fine (`optimizer.`); others
        /// are an error.
        case allowPrefixed([String])
        /// Unused tensors are returned, not an error.
        case allow
    }

    /// A checkpoint holding a copy of each parameter's value under its name.
    /// - Precondition: parameter names are distinct.
    public init(parameters: [Parameter], metadata: [String: String] = [:]) {
        var tensors: [String: Tensor] = [:]
        for parameter in parameters {
            precondition(tensors[parameter.name] == nil, "two parameters are named '\(parameter.name)'")
            tensors[parameter.name] = parameter.value.copy()
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    /// Copies the tensor named like each parameter into that parameter's value (in place).
    ///
    /// Every check runs before any parameter changes, so a failed load leaves the model untouched.
    /// - Returns: names of the tensors no parameter took (allowed by `unusedTensors`), sorted.
    /// - Throws: ``CheckpointError`` naming this checkpoint's file and the tensor: a duplicate parameter
    ///   name, a missing tensor, a shape mismatch, or unused tensors the policy does not allow.
    @discardableResult
    public func load(into parameters: [Parameter], unusedTensors: UnusedTensors = .reject) throws(CheckpointError) -> [String] {
        var sources: [Tensor] = []
        var taken = Set<String>()
        for parameter in parameters {
            guard taken.insert(parameter.name).inserted else {
                throw CheckpointError(path: source, reason: .duplicateParameterName(parameter.name))
            }
            sources.append(try tensor(named: parameter.name, shape: parameter.shape))
        }
        let unused = tensors.keys.filter { !taken.contains($0) }.sorted()
        let disallowed: [String]
        switch unusedTensors {
        case .reject: disallowed = unused
        case .allow: disallowed = []
        case .allowPrefixed(let prefixes): disallowed = unused.filter { name in !prefixes.contains { name.hasPrefix($0) } }
        }
        guard disallowed.isEmpty else {
            throw CheckpointError(path: source, reason: .unexpectedTensors(disallowed))
        }
        for (parameter, tensor) in zip(parameters, sources) {
            parameter.value.buffer.pointer.update(from: tensor.buffer.pointer, count: tensor.count)
        }
        return unused
    }
}
