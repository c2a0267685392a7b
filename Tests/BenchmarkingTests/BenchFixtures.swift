import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Paths and checks shared by the Benchmarking tests.
enum BenchFixtures {
    /// The repository root.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A bundled instance file (`instances/<name>`).
    static func bundled(_ name: String) -> String {
        repository.appendingPathComponent("instances/\(name)").path
    }

    /// A fresh empty folder.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("routeopt-bench-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Whether `text` is well-formed XML with an `<svg>` root.
    static func isWellFormedSVG(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        let root = RootElement()
        parser.delegate = root
        return parser.parse() && root.name == "svg"
    }

    private final class RootElement: NSObject, XMLParserDelegate {
        var name: String?
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if name == nil { name = elementName }
        }
    }
}
