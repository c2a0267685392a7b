import RoutingCore
@testable import Tensor

/// Compares a tape's backward pass against central finite differences.
///
/// The scalar under test is `L = Σ wᵢ·outputᵢ` with fixed random weights `w`, summed in double
/// precision (non-finite outputs, such as masked log-probabilities, get weight 0). The analytic gradient
/// comes from `tape.backward(output, seed: w)`; the numeric one perturbs every input and parameter
/// element by ±`step`. An element fails when `|analytic − numeric| > tolerance · max(|analytic|,
/// |numeric|, 2 % of the largest numeric entry of that tensor) + 1e-4`.
struct GradientChecker {
    var step: Float = 1e-2
    var tolerance: Double = 2e-2
    var seed: UInt64 = 1

    /// Failure descriptions (empty when every gradient matches).
    func check(inputs: [Tensor], parameters: [Parameter] = [],
               _ build: (Tape, [Variable]) -> Variable) -> [String] {
        for parameter in parameters { parameter.zeroGradient() }
        let tape = Tape()
        let variables = inputs.map { tape.input($0) }
        let output = build(tape, variables)
        var rng = SeededGenerator(seed: seed)
        let weights = Tensor.uniform(output.shape, bound: 1, using: &rng)
        for i in 0..<output.count where !output.value.pointer[i].isFinite { weights.pointer[i] = 0 }
        tape.backward(output, seed: weights)

        func loss() -> Double {
            let plain = Tape(recording: false)
            let out = build(plain, inputs.map { plain.constant($0) }).value
            var total = 0.0
            for i in 0..<out.count where weights.pointer[i] != 0 {
                total += Double(weights.pointer[i]) * Double(out.pointer[i])
            }
            return total
        }

        var failures = [String]()
        func compare(_ name: String, values: Tensor, analytic: Tensor?) {
            var numeric = [Double](repeating: 0, count: values.count)
            for i in 0..<values.count {
                let original = values.pointer[i]
                values.pointer[i] = original + step
                let plus = loss()
                values.pointer[i] = original - step
                let minus = loss()
                values.pointer[i] = original
                numeric[i] = (plus - minus) / (2 * Double(step))
            }
            let floor = 0.02 * (numeric.map(abs).max() ?? 0)
            for i in 0..<values.count {
                let a = Double(analytic?.pointer[i] ?? 0), n = numeric[i]
                if abs(a - n) > tolerance * max(abs(a), abs(n), floor) + 1e-4 {
                    failures.append("\(name)[\(i)]: analytic \(a) numeric \(n)")
                }
            }
        }
        for (index, (input, variable)) in zip(inputs, variables).enumerated() {
            compare("input \(index)", values: input, analytic: tape.gradient(of: variable))
        }
        for parameter in parameters {
            compare(parameter.name, values: parameter.value, analytic: parameter.gradient)
        }
        return failures
    }
}

/// Seeded random data for tests.
struct TestData {
    var rng: SeededGenerator

    init(seed: UInt64) { rng = SeededGenerator(seed: seed) }

    /// A uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(rng.next() % UInt64(range.count))
    }

    /// A tensor of uniform values in `±bound`.
    mutating func tensor(_ shape: [Int], bound: Float = 1) -> Tensor {
        .uniform(shape, bound: bound, using: &rng)
    }

    /// A parameter of uniform values in `±bound`.
    mutating func parameter(_ name: String, _ shape: [Int], bound: Float = 1) -> Parameter {
        Parameter(name: name, value: tensor(shape, bound: bound))
    }

    /// Random indices below `bound`.
    mutating func indices(_ count: Int, below bound: Int) -> [Int32] {
        (0..<count).map { _ in Int32(int(0...(bound - 1))) }
    }

    /// A random mask where each entry is hidden with probability `rate`.
    mutating func mask(_ shape: [Int], rate: Double) -> Mask {
        let count = shape.reduce(1, *)
        return Mask((0..<count).map { _ in rng.nextUnit() < rate }, shape: shape)
    }
}
