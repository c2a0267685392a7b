import Foundation

extension TrainingRun {
    /// Replaces the fresh policy's tensors with those of the policy file at `path` (`routeopt.policy.v1`, a
    /// run's `best.safetensors` or a shipped checkpoint) before the first step: fine-tuning or a size
    /// curriculum (a TSP20 policy starting a TSP50 run; the networks do not depend on the node count), or a
    /// coordinate POMO policy starting the matrix policy of the same routing (TSP → ATSP, CVRP → ACVRP).
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` naming the file when it is not a policy, or
    ///   its architecture, problem or network shape differ from this run's.
    func loadInitialWeights(from path: String) throws(TrainingError) {
        let checkpoint: PolicyCheckpoint
        do { checkpoint = try PolicyCheckpoint.load(from: path) } catch {
            throw .invalidConfiguration("--init-from \(path): \(error)")
        }
        let source = checkpoint.configuration
        var differences = [String]()
        if source.architecture != configuration.architecture {
            differences.append("architecture \(source.architecture.rawValue), this run \(configuration.architecture.rawValue)")
        }
        // A coordinate policy may start the matrix policy of its routing (its extra tensors keep their start values).
        let coordinateStart = configuration.problem.isAsymmetric && source.problem == configuration.problem.symmetricCounterpart
        if source.problem != configuration.problem && !coordinateStart {
            differences.append("problem \(source.problem.rawValue), this run \(configuration.problem.rawValue)")
        }
        if source.model != configuration.model { differences.append("network shape \(source.model), this run \(configuration.model)") }
        guard differences.isEmpty else {
            throw .invalidConfiguration("--init-from \(path): " + differences.joined(separator: "; "))
        }
        let values = Dictionary(checkpoint.policy.tensors.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for tensor in training.policyTensors {
            // The matrix policy's own tensors keep their start values when the source does not have them (a coordinate
            // policy, or a matrix policy from before the encoder's distance bias).
            if configuration.problem.isAsymmetric && values[tensor.name] == nil && Self.isMatrixOnly(tensor.name) {
                continue
            }
            guard let value = values[tensor.name], value.count == tensor.value.count else {
                throw .invalidConfiguration("--init-from \(path): no tensor \(tensor.name) of \(tensor.value.count) values")
            }
            tensor.value.pointer.update(from: value.pointer, count: value.count)
        }
        training.policyWeightsReplaced()
        options.events(.message("initial weights from \(path) (trained on \(source.problem.rawValue)\(source.size))"))
    }

    /// Whether `name` is one of the matrix policy's additions to the POMO network.
    static func isMatrixOnly(_ name: String) -> Bool {
        name == "decoder.distanceWeight" || name.hasSuffix(".attention.distanceBias")
    }
}
