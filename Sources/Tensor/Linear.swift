import RoutingCore

/// A fully connected layer `y = x·Wᵀ + b` with `W` `[outputs, inputs]`, initialised uniformly in
/// `±1/√inputs` (PyTorch's default, as in the reference implementations).
public struct Linear: Sendable {
    /// `[outputs, inputs]`.
    public let weight: Parameter
    /// `[outputs]`, or `nil` for a layer without bias.
    public let bias: Parameter?

    /// A layer named `name` (parameters `name.weight`, `name.bias`).
    public init(name: String, inputs: Int, outputs: Int, bias: Bool = true, using rng: inout SeededGenerator) {
        let bound = 1 / Float(inputs).squareRoot()
        weight = Parameter(name: "\(name).weight", value: .uniform([outputs, inputs], bound: bound, using: &rng))
        self.bias = bias ? Parameter(name: "\(name).bias", value: .uniform([outputs], bound: bound, using: &rng)) : nil
    }

    /// The layer's parameters, weight first.
    public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }

    /// Applies the layer (and an optional fused activation) to `x` (`[…, inputs]`).
    public func callAsFunction(_ x: Variable, on tape: Tape, activation: FusedActivation = .identity) -> Variable {
        tape.linear(x, weight: tape.parameter(weight), bias: bias.map { tape.parameter($0) }, activation: activation)
    }
}
