import Foundation
import RoutingCore

/// How a parameter's initial values are drawn, covering the schemes the reference implementations use.
///
/// - Kool et al. (attention model) initialise *every* parameter uniform in `±1/√d` with `d` the
///   parameter's last extent (`init_parameters`): ``uniformLastDimension``.
/// - PyTorch's `nn.Linear` default (used by POMO) is Kaiming-uniform with `a = √5`, which is uniform in
///   `±1/√fanIn`: ``uniformFanIn``; its bias uses the weight's fan-in: ``uniform(bound:)`` with `1/√fanIn`.
/// - Glorot & Bengio: ``xavierUniform(gain:)`` / ``xavierNormal(gain:)``; He et al.:
///   ``kaimingUniform(gain:)`` / ``kaimingNormal(gain:)`` (gain √2 for ReLU).
///
/// Values come from a ``SeededGenerator``, so a seed fixes every initial weight.
public enum Initializer: Hashable, Sendable, Codable {
    /// All zeros (biases, some normalisation shifts).
    case zeros
    /// Every element equal to the value (normalisation scales: 1).
    case constant(Float)
    /// Uniform in `±bound`.
    case uniform(bound: Float)
    /// Uniform in `±1/√shape.last` (Kool et al.).
    case uniformLastDimension
    /// Uniform in `±1/√fanIn` (PyTorch `nn.Linear` weights).
    case uniformFanIn
    /// Uniform in `±gain·√(6/(fanIn + fanOut))`.
    case xavierUniform(gain: Float)
    /// Normal with standard deviation `gain·√(2/(fanIn + fanOut))`.
    case xavierNormal(gain: Float)
    /// Uniform in `±gain·√(3/fanIn)`.
    case kaimingUniform(gain: Float)
    /// Normal with standard deviation `gain/√fanIn`.
    case kaimingNormal(gain: Float)

    /// The recommended Kaiming gain for ReLU layers.
    public static let reluGain = Float(2).squareRoot()

    /// A new tensor of `shape` drawn from this scheme; `fans` defaults to ``Fans/init(shape:)``.
    public func tensor(shape: [Int], fans: Fans? = nil, using rng: inout SeededGenerator) -> Tensor {
        let fans = fans ?? Fans(shape: shape)
        let fanIn = Float(max(fans.fanIn, 1)), fanSum = Float(max(fans.fanIn + fans.fanOut, 1))
        switch self {
        case .zeros:
            return Tensor(zeros: shape)
        case .constant(let value):
            return Tensor(repeating: value, shape: shape)
        case .uniform(let bound):
            return .uniform(shape, bound: bound, using: &rng)
        case .uniformLastDimension:
            return .uniform(shape, bound: 1 / Float(max(shape.last ?? 1, 1)).squareRoot(), using: &rng)
        case .uniformFanIn:
            return .uniform(shape, bound: 1 / fanIn.squareRoot(), using: &rng)
        case .xavierUniform(let gain):
            return .uniform(shape, bound: gain * (6 / fanSum).squareRoot(), using: &rng)
        case .xavierNormal(let gain):
            return .normal(shape, standardDeviation: gain * (2 / fanSum).squareRoot(), using: &rng)
        case .kaimingUniform(let gain):
            return .uniform(shape, bound: gain * (3 / fanIn).squareRoot(), using: &rng)
        case .kaimingNormal(let gain):
            return .normal(shape, standardDeviation: gain / fanIn.squareRoot(), using: &rng)
        }
    }

    /// Overwrites each parameter's value, in order, with a fresh draw of its shape.
    public func initialize(_ parameters: [Parameter], using rng: inout SeededGenerator) {
        for parameter in parameters {
            let values = tensor(shape: parameter.shape, using: &rng)
            parameter.value.buffer.pointer.update(from: values.buffer.pointer, count: values.count)
        }
    }
}
