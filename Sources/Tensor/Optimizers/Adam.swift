import Foundation

/// The Adam optimiser (Kingma & Ba, 2015), computed as `torch.optim.Adam` and, with decoupled weight
/// decay, `torch.optim.AdamW` (Loshchilov & Hutter, 2019).
///
/// For each parameter θ with gradient g at step t (1-based):
/// ```
/// g ← g + λθ                      (weightDecayMode .l2, torch.optim.Adam's weight_decay)
/// θ ← θ(1 − ηλ)                   (weightDecayMode .decoupled, AdamW)
/// m ← β₁m + (1 − β₁)g
/// v ← β₂v + (1 − β₂)g²
/// θ ← θ − η/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
/// ```
/// Bias corrections are computed in `Double`; the element loop runs over raw pointers in `Float`,
/// eight lanes at a time. State (m, v and the step count) can be saved into and restored from a ``Checkpoint``
/// (see `Adam+Checkpoint.swift`), so that a resumed run continues bit-identically.
public final class Adam {
    /// How weight decay enters the update.
    public enum WeightDecayMode: String, Codable, Sendable {
        /// Added to the gradient (L2 regularisation), like `torch.optim.Adam(weight_decay:)`.
        case l2
        /// Applied to the weights directly, independent of the gradient scale, like `torch.optim.AdamW`.
        case decoupled
    }

    /// Hyper-parameters. Kept in `Double` like PyTorch's Python floats; element-wise coefficients are
    /// rounded to `Float`.
    public struct Configuration: Codable, Equatable, Sendable {
        /// Step size η.
        public var learningRate: Double
        /// Decay of the first-moment average.
        public var beta1: Double
        /// Decay of the second-moment average.
        public var beta2: Double
        /// Added to the denominator for numerical stability.
        public var epsilon: Double
        /// Weight decay λ; 0 disables it.
        public var weightDecay: Double
        /// Whether ``weightDecay`` is L2 (Adam) or decoupled (AdamW).
        public var weightDecayMode: WeightDecayMode

        public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
                    weightDecay: Double = 0, weightDecayMode: WeightDecayMode = .l2) {
            self.learningRate = learningRate
            self.beta1 = beta1
            self.beta2 = beta2
            self.epsilon = epsilon
            self.weightDecay = weightDecay
            self.weightDecayMode = weightDecayMode
        }
    }

    /// The parameters this optimiser updates, in a fixed order.
    public let parameters: [Parameter]
    /// Hyper-parameters; a schedule may change ``learningRate`` between steps.
    public var configuration: Configuration
    /// Number of updates applied so far.
    public internal(set) var step = 0
    /// Per-parameter multipliers of the step size η (same order as ``parameters``, all 1 by default): parameters
    /// on another natural scale than the rest (the matrix policy's cost weights) can move faster. Weight decay is
    /// not scaled (L2 decay acts through the gradient; decoupled decay keeps `1 − ηλ`). Not part of the saved
    /// state: whoever builds the optimiser sets them.
    public var learningRateScales: [Double] {
        didSet { precondition(learningRateScales.count == parameters.count, "one learning-rate scale per parameter") }
    }
    /// Running averages of gradients (m), one per parameter.
    var firstMoments: [Tensor]
    /// Running averages of squared gradients (v), one per parameter.
    var secondMoments: [Tensor]

    /// An optimiser over `parameters` with zeroed moment estimates.
    public init(parameters: [Parameter], configuration: Configuration = Configuration()) {
        self.parameters = parameters
        self.configuration = configuration
        learningRateScales = [Double](repeating: 1, count: parameters.count)
        firstMoments = parameters.map { Tensor(zeros: $0.shape) }
        secondMoments = parameters.map { Tensor(zeros: $0.shape) }
    }

    /// The current step size η.
    public var learningRate: Double {
        get { configuration.learningRate }
        set { configuration.learningRate = newValue }
    }

    /// Applies one update to every parameter from its accumulated gradient.
    public func update() {
        step += 1
        let c = configuration
        let t = Double(step)
        let coefficients = Coefficients(
            beta1: Float(c.beta1), oneMinusBeta1: Float(1 - c.beta1),
            beta2: Float(c.beta2), oneMinusBeta2: Float(1 - c.beta2),
            epsilon: Float(c.epsilon),
            stepSize: Float(c.learningRate / (1 - pow(c.beta1, t))),
            biasCorrection2Root: Float((1 - pow(c.beta2, t)).squareRoot()),
            l2Decay: c.weightDecayMode == .l2 ? Float(c.weightDecay) : 0,
            decoupledScale: c.weightDecayMode == .decoupled ? Float(1 - c.learningRate * c.weightDecay) : 1)
        for (index, parameter) in parameters.enumerated() {
            var coefficients = coefficients
            if learningRateScales[index] != 1 {
                coefficients.stepSize = Float(c.learningRate * learningRateScales[index] / (1 - pow(c.beta1, t)))
            }
            Self.update(value: parameter.value.buffer.pointer, gradient: parameter.gradient.buffer.pointer,
                        firstMoment: firstMoments[index].buffer.pointer, secondMoment: secondMoments[index].buffer.pointer,
                        count: parameter.value.count, coefficients: coefficients)
        }
    }

    /// Sets every parameter's gradient to zero.
    public func zeroGradients() {
        for parameter in parameters { parameter.zeroGradient() }
    }

    // MARK: - Kernel

    /// Per-step constants of the element-wise update.
    struct Coefficients {
        var beta1, oneMinusBeta1, beta2, oneMinusBeta2, epsilon: Float
        /// η / (1 − β₁ᵗ).
        var stepSize: Float
        /// √(1 − β₂ᵗ).
        var biasCorrection2Root: Float
        /// λ for L2 decay, else 0.
        var l2Decay: Float
        /// 1 − ηλ for decoupled decay, else 1.
        var decoupledScale: Float
    }

    /// The element-wise update over one parameter's buffers, eight lanes at a time (the last partial
    /// group through zero-padded lanes), so one formula serves every element. Explicit SIMD matters:
    /// the plain loop does not vectorise because `squareRoot()` may call `sqrtf`.
    static func update(value: UnsafeMutablePointer<Float>, gradient: UnsafePointer<Float>,
                       firstMoment: UnsafeMutablePointer<Float>, secondMoment: UnsafeMutablePointer<Float>,
                       count: Int, coefficients k: Coefficients) {
        typealias Lanes = SIMD8<Float>
        var i = 0
        while i + Lanes.scalarCount <= count {
            let x = UnsafeMutableRawPointer(value + i), g = UnsafeRawPointer(gradient + i)
            let m = UnsafeMutableRawPointer(firstMoment + i), v = UnsafeMutableRawPointer(secondMoment + i)
            let result = step(value: x.loadUnaligned(as: Lanes.self), gradient: g.loadUnaligned(as: Lanes.self),
                              firstMoment: m.loadUnaligned(as: Lanes.self), secondMoment: v.loadUnaligned(as: Lanes.self), k)
            x.storeBytes(of: result.value, as: Lanes.self)
            m.storeBytes(of: result.firstMoment, as: Lanes.self)
            v.storeBytes(of: result.secondMoment, as: Lanes.self)
            i += Lanes.scalarCount
        }
        guard i < count else { return }
        var x = Lanes(), g = Lanes(), m = Lanes(), v = Lanes()
        for lane in 0..<(count - i) {
            (x[lane], g[lane], m[lane], v[lane]) = (value[i + lane], gradient[i + lane], firstMoment[i + lane], secondMoment[i + lane])
        }
        let result = step(value: x, gradient: g, firstMoment: m, secondMoment: v, k)
        for lane in 0..<(count - i) {
            (value[i + lane], firstMoment[i + lane], secondMoment[i + lane]) =
                (result.value[lane], result.firstMoment[lane], result.secondMoment[lane])
        }
    }

    /// Adam's formulas on eight elements.
    @inline(__always)
    private static func step(value: SIMD8<Float>, gradient: SIMD8<Float>, firstMoment: SIMD8<Float>, secondMoment: SIMD8<Float>,
                             _ k: Coefficients) -> (value: SIMD8<Float>, firstMoment: SIMD8<Float>, secondMoment: SIMD8<Float>) {
        let g = gradient + k.l2Decay * value
        let m = k.beta1 * firstMoment + k.oneMinusBeta1 * g
        let v = k.beta2 * secondMoment + k.oneMinusBeta2 * (g * g)
        let updated = value * k.decoupledScale - k.stepSize * m / (v.squareRoot() / k.biasCorrection2Root + k.epsilon)
        return (updated, m, v)
    }
}
