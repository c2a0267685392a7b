import Foundation

/// Runs an external program to completion with its output appended to a log file, as the OSRM build steps need.
enum ToolRunner {
    /// Runs `executable` with `arguments` in `directory`; stdout and stderr go to `log`.
    /// - Throws: ``RealWorldError/toolFailed(tool:status:log:)`` with the end of the log when it cannot start or
    ///   exits with a non-zero status.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL, log: URL) throws(RealWorldError) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        do {
            if !FileManager.default.fileExists(atPath: log.path) {
                _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: log)
            handle.seekToEndOfFile()
            process.standardOutput = handle
            process.standardError = handle
            process.standardInput = FileHandle.nullDevice
            try process.run()
            OSRMCleanup.register(process)
            process.waitUntilExit()
            OSRMCleanup.unregister(process)
            try? handle.close()
        } catch {
            throw .toolFailed(tool: executable.lastPathComponent, status: -1, log: "could not start: \(error)")
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw .toolFailed(tool: executable.lastPathComponent, status: process.terminationStatus, log: tail(of: log))
        }
    }

    /// Runs `executable` with `arguments` and returns its standard output, or `nil` when it fails.
    static func output(of executable: URL, _ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The last `lines` lines of a log file.
    static func tail(of log: URL, lines: Int = 12) -> String {
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }
}
