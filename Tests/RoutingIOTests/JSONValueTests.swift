import Foundation
import RoutingIO
import Testing

@Suite struct JSONValueTests {
    @Test("objects, arrays, numbers, strings with escapes, booleans and null parse as JSON defines")
    func parses() throws {
        let value = try JSONValue.parse(Data(#" {"a": [1, -2.5e1, null, true, false], "b": "x\"y\u00e9", "c": {}} "#.utf8))
        #expect(value["a"] == .array([.number(1), .number(-25), .null, .bool(true), .bool(false)]))
        #expect(value["b"]?.string == "x\"yé")
        #expect(value["c"] == .object([:]))
        #expect(value["missing"] == nil && value["a"]?.array?.count == 5)
        #expect(value["a"]?.array?[1].number == -25 && value["b"]?.kind == "a string")
    }

    @Test("malformed JSON reports the byte it stopped at",
          arguments: [("[1, 2", "unterminated array"), ("{\"a\" 1}", "expected :"), ("[1] x", "unexpected text after"),
                      ("nul", "expected null"), ("[1e999]", "expected a value"), ("\"abc", "unterminated string"),
                      (String(repeating: "[", count: 600), "nested too deeply")])
    func errors(text: String, message: String) {
        do {
            _ = try JSONValue.parse(Data(text.utf8))
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.hasPrefix("invalid JSON at byte") && error.description.contains(message), "\(error)")
        }
    }
}
