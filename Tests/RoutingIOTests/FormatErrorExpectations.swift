import Testing
import RoutingCore
import RoutingIO

/// Checks that parsing `text` as an instance fails with a ``FormatError`` on `line` whose message
/// contains every fragment.
func expectInstanceError(
    _ text: String, line: Int, _ fragments: String..., sourceLocation: SourceLocation = #_sourceLocation
) {
    expectFormatError(line: line, fragments, sourceLocation: sourceLocation) {
        _ = try InstanceReader.parse(text, file: "bad.vrp")
    }
}

/// Checks that parsing `text` as a solution of `instance` fails with a ``FormatError`` on `line`
/// whose message contains every fragment.
func expectSolutionError(
    _ text: String, for instance: Instance, line: Int, _ fragments: String...,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectFormatError(line: line, fragments, sourceLocation: sourceLocation) {
        _ = try SolutionReader.parse(text, file: "bad.sol", for: instance)
    }
}

/// Runs `body`, expecting a ``FormatError`` with the given line and message fragments.
func expectFormatError(
    line: Int?, _ fragments: [String], sourceLocation: SourceLocation, _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected a FormatError on line \(line.map(String.init) ?? "-"), but reading succeeded",
                     sourceLocation: sourceLocation)
    } catch let error as FormatError {
        #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
        for fragment in fragments {
            #expect(error.message.contains(fragment), "\(error)", sourceLocation: sourceLocation)
        }
        #expect(error.description.hasPrefix(error.file + ":"), sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a FormatError, got \(error)", sourceLocation: sourceLocation)
    }
}
