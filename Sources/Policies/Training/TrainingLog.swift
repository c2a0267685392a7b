import Foundation

/// The run's JSONL log (`log.jsonl`): one compact JSON object per line, appended and flushed as it is
/// written, so a killed run loses nothing logged. A resumed run appends to the same file (entries logged
/// after the last checkpoint of a killed run appear again, with the same step numbers, after the resume).
///
/// Training entries (`"type": "train"`, one per log interval, averages over the interval's steps):
/// `step`, `epoch`, `instances`, `wall_seconds`, `cpu_seconds`, `loss`, `cost`, `baseline`, `grad_norm`,
/// `instances_per_second`, `skipped_steps`. Validation entries (`"type": "validation"`): `step`, `epoch`,
/// `instances`, `wall_seconds`, `cpu_seconds`, `validation_cost`, `reference_cost`, `gap_percent`, and for
/// POMO `validation_multistart_cost`, `multistart_gap_percent`, `validation_multistart_aug8_cost` and
/// `multistart_aug8_gap_percent`. Non-finite numbers are written as `null`.
final class TrainingLog {
    let path: String
    private let handle: FileHandle

    /// Opens (creating if needed) `path` for appending.
    /// Opens `path` for appending. When resuming (`keepingStepsThrough` = the checkpoint's step), entries the
    /// stopped run wrote after its last checkpoint, and a line cut short by a kill, are removed first (the
    /// file is rewritten atomically), so the resumed run's entries do not repeat them.
    init(path: String, keepingStepsThrough lastStep: Int? = nil) throws(TrainingError) {
        self.path = path
        if let lastStep, FileManager.default.fileExists(atPath: path) { try Self.truncate(path, after: lastStep) }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw .file(path: path, message: "cannot create the log")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw .file(path: path, message: "cannot open the log") }
        self.handle = handle
        handle.seekToEndOfFile()
    }

    deinit { try? handle.close() }

    /// Appends one object (keys sorted).
    func append(_ entry: [String: Any]) throws(TrainingError) {
        let cleaned = entry.mapValues { value -> Any in
            if let number = value as? Double, !number.isFinite { return NSNull() }
            if let number = value as? Float, !number.isFinite { return NSNull() }
            return value
        }
        do {
            var data = try JSONSerialization.data(withJSONObject: cleaned, options: [.sortedKeys])
            data.append(0x0A)
            try handle.write(contentsOf: data)
        } catch {
            throw .file(path: path, message: error.localizedDescription)
        }
    }

    /// Keeps the complete entries of `path` whose `step` is at most `lastStep`.
    private static func truncate(_ path: String, after lastStep: Int) throws(TrainingError) {
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            var kept = [Substring]()
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                guard let entry = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let step = entry["step"] as? Int, step <= lastStep else { continue }
                kept.append(line)
            }
            let rewritten = kept.isEmpty ? "" : kept.joined(separator: "\n") + "\n"
            guard rewritten.utf8.count != text.utf8.count else { return }
            try Data(rewritten.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .file(path: path, message: "cannot trim the log for resuming: \(error.localizedDescription)")
        }
    }
}
