import RoutingCore

/// An LSTM cell (gate order i, f, g, o) with weights initialised uniformly in `±1/√units` as in PyTorch.
public struct LSTMCell: Sendable {
    /// `[4·units, inputs]`.
    public let inputWeight: Parameter
    /// `[4·units, units]`.
    public let hiddenWeight: Parameter
    /// `[4·units]` (PyTorch's input and hidden biases combined).
    public let bias: Parameter

    /// A cell named `name` (parameters `name.weight_ih`, `name.weight_hh`, `name.bias`).
    public init(name: String, inputs: Int, units: Int, using rng: inout SeededGenerator) {
        let bound = 1 / Float(units).squareRoot()
        inputWeight = Parameter(name: "\(name).weight_ih", value: .uniform([4 * units, inputs], bound: bound, using: &rng))
        hiddenWeight = Parameter(name: "\(name).weight_hh", value: .uniform([4 * units, units], bound: bound, using: &rng))
        bias = Parameter(name: "\(name).bias", value: .uniform([4 * units], bound: bound, using: &rng))
    }

    /// The cell's parameters.
    public var parameters: [Parameter] { [inputWeight, hiddenWeight, bias] }

    /// Number of hidden units.
    public var units: Int { hiddenWeight.shape[1] }

    /// One step: the new `(hidden, cell)` state from input `x` `[B, inputs]` and the previous state `[B, units]`.
    public func callAsFunction(_ x: Variable, hidden: Variable, cell: Variable,
                               on tape: Tape) -> (hidden: Variable, cell: Variable) {
        tape.lstmCell(x, hidden: hidden, cell: cell, inputWeight: tape.parameter(inputWeight),
                      hiddenWeight: tape.parameter(hiddenWeight), bias: tape.parameter(bias))
    }
}
