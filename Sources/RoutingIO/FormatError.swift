/// A problem found while reading a file: names the file, the line (1-based, when known) and what is wrong.
///
/// Its ``description`` reads `path:line: message`, the shape compilers use, so editors can jump to it.
public struct FormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file being read.
    public var file: String
    /// The 1-based line the problem is on, or `nil` when it concerns the whole file.
    public var line: Int?
    /// What is wrong, as a sentence fragment.
    public var message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
