/// Parses numbers straight from UTF-8 bytes, strictly: a token is a number only if the whole token
/// is one. `nan`, `inf` and hexadecimal forms (which Swift's `Double(String)` accepts) are refused.
enum NumberScanner {
    /// What a token holds.
    enum Result<Value> {
        case value(Value)
        /// Not a number at all (`abc`, `1.2.3`, empty).
        case notANumber
        /// `nan`, `inf`, `infinity`, in any case and with any sign.
        case notFinite
        /// A number too large for the type (or overflowing `Double`).
        case outOfRange
    }

    /// Powers of ten that `Double` holds exactly (10^0 … 10^22).
    private static let exactPowersOfTen: [Double] = (0...22).map { power in
        var value = 1.0
        for _ in 0..<power { value *= 10 }
        return value
    }

    /// Parses `[+-]digits` into an `Int`; integral decimals such as `12.0` or `1e3` are accepted too.
    static func wholeNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Result<Int> {
        var index = token.lowerBound
        var negative = false
        if index < token.upperBound && (bytes[index] == 0x2B || bytes[index] == 0x2D) {
            negative = bytes[index] == 0x2D
            index += 1
        }
        guard index < token.upperBound else { return .notANumber }
        var value = 0
        while index < token.upperBound && ASCII.isDigit(bytes[index]) {
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(Int(bytes[index] &- 0x30))
            if overflow1 || overflow2 { return .outOfRange }
            value = sum
            index += 1
        }
        if index == token.upperBound { return .value(negative ? -value : value) }
        switch real(bytes, token) {
        case .value(let real):
            guard real == real.rounded(.towardZero) else { return .notANumber }
            guard abs(real) < 9.0e18 else { return .outOfRange }
            return .value(Int(real))
        case .notANumber: return .notANumber
        case .notFinite: return .notFinite
        case .outOfRange: return .outOfRange
        }
    }

    /// Parses `[+-](digits[.digits]|.digits)([eE][+-]digits)` into a finite `Double`, correctly rounded.
    ///
    /// Short decimals (at most 15 significant digits and a small exponent) take Clinger's exact
    /// fast path; anything else goes through the standard library's correctly rounded conversion.
    static func real(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Result<Double> {
        var index = token.lowerBound
        let end = token.upperBound
        var negative = false
        if index < end && (bytes[index] == 0x2B || bytes[index] == 0x2D) {
            negative = bytes[index] == 0x2D
            index += 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var digits = 0
        var decimalExponent = 0
        while index < end && ASCII.isDigit(bytes[index]) {
            accumulate(bytes[index], into: &mantissa, significant: &significantDigits, exponent: &decimalExponent, fractional: false)
            digits += 1
            index += 1
        }
        if index < end && bytes[index] == 0x2E {
            index += 1
            while index < end && ASCII.isDigit(bytes[index]) {
                accumulate(bytes[index], into: &mantissa, significant: &significantDigits, exponent: &decimalExponent, fractional: true)
                digits += 1
                index += 1
            }
        }
        guard digits > 0 else { return isNonFiniteWord(bytes, token) ? .notFinite : .notANumber }
        if index < end && (bytes[index] | 0x20) == 0x65 {
            index += 1
            var exponentNegative = false
            if index < end && (bytes[index] == 0x2B || bytes[index] == 0x2D) {
                exponentNegative = bytes[index] == 0x2D
                index += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while index < end && ASCII.isDigit(bytes[index]) {
                exponent = min(exponent * 10 + Int(bytes[index] &- 0x30), 100_000)
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return .notANumber }
            decimalExponent += exponentNegative ? -exponent : exponent
        }
        guard index == end else { return .notANumber }
        if significantDigits <= 15 && abs(decimalExponent) <= 22 {
            var value = Double(mantissa)
            value = decimalExponent < 0 ? value / exactPowersOfTen[-decimalExponent] : value * exactPowersOfTen[decimalExponent]
            return .value(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[token]), as: UTF8.self)
        guard let value = Double(text) else { return .notANumber }
        return value.isFinite ? .value(value) : .outOfRange
    }

    /// Adds one decimal digit to the mantissa, tracking significant digits and the decimal exponent.
    @inline(__always)
    private static func accumulate(_ byte: UInt8, into mantissa: inout UInt64, significant: inout Int,
                                   exponent: inout Int, fractional: Bool) {
        let digit = UInt64(byte &- 0x30)
        if mantissa == 0 && digit == 0 {
            if fractional { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa &* 10 &+ digit
            significant += 1
            if fractional { exponent -= 1 }
        } else {
            significant += 1
            if !fractional { exponent += 1 }
        }
    }

    /// `true` for `nan`, `inf`, `infinity` (any case, optional sign).
    private static func isNonFiniteWord(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Range<Int>) -> Bool {
        var start = token.lowerBound
        if start < token.upperBound && (bytes[start] == 0x2B || bytes[start] == 0x2D) { start += 1 }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<token.upperBound]), as: UTF8.self).lowercased()
        return word == "nan" || word == "inf" || word == "infinity"
    }
}
