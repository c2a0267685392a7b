import Foundation

/// Runs short inline Python scripts for cross-checks against numpy and the `safetensors` package.
enum PythonRunner {
    /// Whether `python3` with numpy can be run here.
    static let hasNumpy: Bool = (try? run("import numpy")) != nil
    /// Whether the `safetensors` Python package is installed (optional; tests fall back to a manual reader).
    static let hasSafetensors: Bool = (try? run("import safetensors.numpy")) != nil

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `script` with `arguments` (`sys.argv[1...]`) and returns its standard output.
    /// - Throws: ``Failure`` with standard error when the interpreter is missing or the script fails.
    static func run(_ script: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: String(decoding: errorData, as: UTF8.self))
        }
        return String(decoding: outputData, as: UTF8.self)
    }
}
