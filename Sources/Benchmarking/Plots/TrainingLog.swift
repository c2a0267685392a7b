import Foundation

/// The validation entries of a `routeopt train` run's `log.jsonl`: the data of a training curve.
///
/// Each validation entry (`"type":"validation"`) carries `step`, `instances`, `wall_seconds`, `cpu_seconds`,
/// `gap_percent` (greedy) and, for POMO, `multistart_gap_percent` and `multistart_aug8_gap_percent`, all
/// against the run's cached heuristic reference. A resumed run may repeat a step; the last entry wins.
public struct TrainingLog: Sendable {
    /// One validation.
    public struct Validation: Sendable, Equatable {
        public let step: Int
        public let instances: Int
        public let wallSeconds: Double
        /// CPU seconds of the training process(es) so far (the cost measure: wall time runs on while a run waits).
        public var cpuSeconds: Double = 0
        /// Gap in percent per decoding: `greedy`, `multistart`, `multistart-aug8`.
        public let gaps: [String: Double]
    }

    /// The decodings a log may report, in display order, with their JSON keys.
    public static let decodings = [("greedy", "gap_percent"), ("multistart", "multistart_gap_percent"),
                                   ("multistart-aug8", "multistart_aug8_gap_percent")]

    /// The run's name (its folder).
    public let name: String
    /// Validations by increasing step.
    public let validations: [Validation]

    public init(name: String, validations: [Validation]) {
        self.name = name
        self.validations = validations
    }

    /// Reads `log.jsonl` of the run folder `path` (or the file itself when `path` names one).
    /// - Throws: an error naming the file and line of a line that is not JSON; a missing file.
    public static func read(_ path: String) throws -> TrainingLog {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        let file = isDirectory.boolValue ? path + "/log.jsonl" : path
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw TrainingLogError(file: file, line: nil, message: "cannot be read (\(error.localizedDescription))")
        }
        let folder = isDirectory.boolValue ? URL(fileURLWithPath: path) : URL(fileURLWithPath: file).deletingLastPathComponent()
        return try parse(text, file: file, name: folder.standardizedFileURL.lastPathComponent)
    }

    /// Parses the text of a log; a last line cut short by a kill is ignored.
    public static func parse(_ text: String, file: String, name: String) throws -> TrainingLog {
        var byStep: [Int: Validation] = [:]
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                if index == lines.count - 1 { break }
                throw TrainingLogError(file: file, line: index + 1, message: "not a JSON object")
            }
            guard object["type"] as? String == "validation", let step = object["step"] as? Int else { continue }
            var gaps: [String: Double] = [:]
            for (decoding, key) in decodings {
                if let gap = object[key] as? Double, gap.isFinite { gaps[decoding] = gap }
            }
            byStep[step] = Validation(step: step, instances: object["instances"] as? Int ?? 0,
                                      wallSeconds: object["wall_seconds"] as? Double ?? 0,
                                      cpuSeconds: object["cpu_seconds"] as? Double ?? 0, gaps: gaps)
        }
        return TrainingLog(name: name, validations: byStep.keys.sorted().map { byStep[$0]! })
    }

    /// The decodings this log has gaps for, in display order.
    public var presentDecodings: [String] {
        Self.decodings.map(\.0).filter { decoding in validations.contains { $0.gaps[decoding] != nil } }
    }
}

/// A training log that cannot be read.
public struct TrainingLogError: Error, Sendable, CustomStringConvertible {
    public let file: String
    public let line: Int?
    public let message: String

    public var description: String { line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)" }
}
