import ArgumentParser
import Foundation

/// Prints `routeopt: error: <message>` on stderr and exits with code 1 (usage errors exit with 2
/// through ArgumentParser).
func fail(_ error: any Error) -> ExitCode {
    FileHandle.standardError.write(Data("routeopt: error: \(error)\n".utf8))
    return ExitCode(1)
}

/// Writes a line on stderr (progress and warnings never go to stdout).
func warn(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}
