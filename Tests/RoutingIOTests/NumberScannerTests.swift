import Testing
@testable import RoutingIO

/// Strict number parsing from bytes.
@Suite struct NumberScannerTests {
    /// Runs `body` on the UTF-8 bytes of `token`.
    static func scan<T>(_ token: String, _ body: (UnsafeBufferPointer<UInt8>, Range<Int>) -> T) -> T {
        var token = token
        return token.withUTF8 { body($0, 0..<$0.count) }
    }

    static func real(_ token: String) -> Double? {
        if case .value(let value) = scan(token, NumberScanner.real) { return value }
        return nil
    }

    static func whole(_ token: String) -> Int? {
        if case .value(let value) = scan(token, NumberScanner.wholeNumber) { return value }
        return nil
    }

    /// Decimals parse to the same Double as Swift's correctly rounded conversion, on the fast and slow paths.
    @Test(arguments: ["16.47", "-96.10", "0.05", "1e3", "+2.5E-3", "1150.0", ".5", "7.", "6378.388",
                      "12345678901234567890.5", "0.1234567890123456789", "4.9e-324", "1.7976931348623157e308"])
    func realsAreCorrectlyRounded(token: String) {
        #expect(Self.real(token) == Double(token))
    }

    /// Non-numbers and non-finite values are told apart.
    @Test func rejectsNonNumbers() {
        for token in ["abc", "1.2.3", "", "-", "e5", "1e", "0x1p3", "1,5", "12a"] {
            guard case .notANumber = Self.scan(token, NumberScanner.real) else {
                Issue.record("'\(token)' should not be a number"); continue
            }
        }
        for token in ["nan", "NaN", "-inf", "Infinity"] {
            guard case .notFinite = Self.scan(token, NumberScanner.real) else {
                Issue.record("'\(token)' should be non-finite"); continue
            }
        }
        guard case .outOfRange = Self.scan("1e999", NumberScanner.real) else { Issue.record("1e999 overflows"); return }
    }

    /// Whole numbers: signs, integral decimals, overflow.
    @Test func wholeNumbers() {
        #expect(Self.whole("42") == 42 && Self.whole("-7") == -7 && Self.whole("+3") == 3)
        #expect(Self.whole("12.0") == 12 && Self.whole("1e3") == 1000)
        #expect(Self.whole("12.5") == nil)
        guard case .outOfRange = Self.scan("99999999999999999999", NumberScanner.wholeNumber) else {
            Issue.record("overflow not detected"); return
        }
    }
}
