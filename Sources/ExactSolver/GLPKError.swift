import Foundation

/// A failure of the GLPK layer, turned into a message instead of a crash.
public enum GLPKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// GLPK reported an error (it would have aborted the process without the guard); `output` is GLPK's
    /// own message.
    case aborted(operation: String, output: String)
    /// A GLPK routine returned a failure code (`GLP_ESING`, `GLP_EFAIL`, …).
    case failed(operation: String, code: Int32)
    /// The model handed to GLPK was invalid; found by the checks before GLPK saw it.
    case invalidModel(String)
    /// The problem object can no longer be used (an earlier GLPK error freed it).
    case released

    public var description: String {
        switch self {
        case .aborted(let operation, let output):
            let message = output.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }.suffix(2).joined(separator: "; ")
            return "GLPK error in \(operation)" + (message.isEmpty ? "" : ": \(message)")
        case .failed(let operation, let code):
            return "GLPK \(operation) failed with code \(code) (\(Self.codeName(code)))"
        case .invalidModel(let reason):
            return "invalid model for GLPK: \(reason)"
        case .released:
            return "the GLPK problem was released after an earlier GLPK error"
        }
    }

    /// GLPK's name for a return code of `glp_simplex` / `glp_intopt`.
    static func codeName(_ code: Int32) -> String {
        let names: [Int32: String] = [
            0x01: "GLP_EBADB: invalid basis", 0x02: "GLP_ESING: singular matrix",
            0x03: "GLP_ECOND: ill-conditioned matrix", 0x04: "GLP_EBOUND: invalid bounds",
            0x05: "GLP_EFAIL: solver failed", 0x08: "GLP_EITLIM: iteration limit",
            0x09: "GLP_ETMLIM: time limit", 0x0A: "GLP_ENOPFS: no primal feasible solution",
            0x0B: "GLP_ENODFS: no dual feasible solution", 0x0D: "GLP_ESTOP: stopped by the application",
        ]
        return names[code] ?? "unknown"
    }
}
