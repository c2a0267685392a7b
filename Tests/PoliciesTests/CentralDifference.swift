import Tensor

/// Central differences of a double-precision reference loss with respect to single parameter entries,
/// for the gradient tests of the policies.
enum CentralDifference {
    /// `(loss(θ + h) − loss(θ − h)) / (θ₊ − θ₋)` for entry `index` of `parameter`, dividing by the float
    /// values actually stored; the entry is restored afterwards.
    static func derivative(_ parameter: Parameter, index: Int, step: Float, loss: () -> Double) -> Double {
        let entry = parameter.value.pointer + index, original = entry.pointee
        entry.pointee = original + step
        let plus = loss(), high = entry.pointee
        entry.pointee = original - step
        let minus = loss(), low = entry.pointee
        entry.pointee = original
        return (plus - minus) / Double(high - low)
    }

    /// The entry's numeric derivative and the gradient the tape accumulated for it, and whether they agree
    /// within `tolerance · max(floor, |numeric|)`.
    static func compare(_ parameter: Parameter, index: Int, step: Float, tolerance: Double, floor: Double,
                        loss: () -> Double) -> (numeric: Double, analytic: Double, agrees: Bool) {
        let numeric = derivative(parameter, index: index, step: step, loss: loss)
        let analytic = Double(parameter.gradient.pointer[index])
        return (numeric, analytic, abs(numeric - analytic) <= tolerance * max(floor, abs(numeric)))
    }
}
