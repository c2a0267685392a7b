import Foundation

/// Reading whole files for the readers, with failures as ``FormatError``.
enum FileContents {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(FormatError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw FormatError(file: path, line: nil, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw FormatError(file: path, line: nil, message: "is a directory, not a file") }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw FormatError(file: path, line: nil, message: "cannot read the file (\(error.localizedDescription))")
        }
    }

    /// The file name without directories and without its last extension (`/a/E-n13-k4.vrp` → `E-n13-k4`).
    static func baseName(of path: String) -> String {
        guard !path.isEmpty else { return "" }
        let name = URL(fileURLWithPath: path).lastPathComponent
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
