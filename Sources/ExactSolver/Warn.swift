import Foundation

/// Writes a progress line on stderr (`--verbose`); stdout is kept for results.
func warn(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}
