import Foundation

/// Maps data values to pixels along one axis, linear or logarithmic, with readable ticks.
public struct PlotScale: Sendable {
    /// The data interval shown (positive for a logarithmic scale).
    public let lower: Double
    public let upper: Double
    /// Pixel positions of `lower` and `upper` (for a y axis, `start` is the bottom).
    public let start: Double
    public let end: Double
    public let logarithmic: Bool

    public init(lower: Double, upper: Double, start: Double, end: Double, logarithmic: Bool = false) {
        precondition(!logarithmic || lower > 0, "a logarithmic scale needs positive bounds")
        self.lower = lower
        self.upper = upper > lower ? upper : lower + (logarithmic ? lower : 1)
        self.start = start
        self.end = end
        self.logarithmic = logarithmic
    }

    /// A scale covering `values` with a little margin: a linear one rounded out to tick steps (and
    /// reaching 0 when `includeZero`), or a logarithmic one rounded out to powers of ten.
    public static func fitting(_ values: [Double], start: Double, end: Double, logarithmic: Bool,
                               includeZero: Bool = false) -> PlotScale {
        let finite = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        if logarithmic {
            let low = finite.min() ?? 0.1, high = finite.max() ?? 10
            return PlotScale(lower: pow(10, floor(log10(low))), upper: pow(10, ceil(log10(high * 1.0001))),
                             start: start, end: end, logarithmic: true)
        }
        var low = finite.min() ?? 0, high = finite.max() ?? 1
        if includeZero { low = min(low, 0); high = max(high, 0) }
        if high - low < 1e-12 { high = low + max(1, abs(low) * 0.1) }
        let step = niceStep((high - low) / 5)
        return PlotScale(lower: floor(low / step) * step, upper: ceil(high / step) * step, start: start, end: end)
    }

    /// The pixel position of `value` (clamped to the shown interval).
    public func position(_ value: Double) -> Double {
        let clamped = min(max(value, lower), upper)
        let fraction = logarithmic ? log10(clamped / lower) / log10(upper / lower) : (clamped - lower) / (upper - lower)
        return start + fraction * (end - start)
    }

    /// Tick values with labels: about five steps of 1, 2 or 5 × 10ᵏ (linear), or the powers of ten
    /// (with 2× and 5× between them when the scale spans less than three decades).
    public var ticks: [(value: Double, label: String)] {
        var values: [Double] = []
        if logarithmic {
            let decades = Int(round(log10(upper / lower)))
            let multiples: [Double] = decades < 3 ? [1, 2, 5] : [1]
            var power = lower
            while power <= upper * 1.0001 {
                for multiple in multiples where power * multiple <= upper * 1.0001 { values.append(power * multiple) }
                power *= 10
            }
        } else {
            let step = Self.niceStep((upper - lower) / 5)
            var value = (lower / step).rounded(.up) * step
            while value <= upper + step * 1e-9 {
                values.append(abs(value) < step * 1e-9 ? 0 : value)
                value += step
            }
        }
        return values.map { ($0, Self.label($0)) }
    }

    /// 1, 2 or 5 × 10ᵏ, the nearest at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let power = pow(10, floor(log10(raw)))
        for multiple in [1.0, 2, 5, 10] where multiple * power >= raw * 0.999 { return multiple * power }
        return 10 * power
    }

    /// `0.001`, `0.5`, `20`, `1k`, `2.5M`.
    static func label(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1_000_000 { return trimmed(value / 1_000_000) + "M" }
        if magnitude >= 10_000 { return trimmed(value / 1_000) + "k" }
        return trimmed(value)
    }

    private static func trimmed(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
