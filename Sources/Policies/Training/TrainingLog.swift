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
    init(path: String) throws(TrainingError) {
        self.path = path
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
}
