import Foundation

/// What the bench reports after each finished row (the command line turns it into a live progress line).
public struct BenchProgress: Sendable {
    /// Rows finished in this run, including the one just finished.
    public var finished: Int
    /// Rows this run has to do (those already in `results.csv` are not counted).
    public var total: Int
    /// Rows skipped because `results.csv` already had them.
    public var resumed: Int
    /// The row just finished.
    public var row: BenchRow
    /// Seconds since the run started.
    public var elapsed: Double

    public init(finished: Int, total: Int, resumed: Int, row: BenchRow, elapsed: Double) {
        self.finished = finished
        self.total = total
        self.resumed = resumed
        self.row = row
        self.elapsed = elapsed
    }

    /// `[12/87] eil51 heuristic:time=1 cost 426 (0.00 %) 1.00 s · 0:42 elapsed`.
    public var line: String {
        var text = "[\(finished)/\(total)] \(row.instance) \(row.method) "
        if let cost = row.cost {
            text += "cost \(cost)"
            if let gap = row.gapPercent { text += String(format: " (%.2f %%)", gap) }
        } else {
            text += row.outcome.rawValue
            if row.outcome == .failed { text += ": " + String(row.note.prefix(160)) }
        }
        let minutes = Int(elapsed) / 60, seconds = Int(elapsed) % 60
        return text + " · \(minutes):\(seconds < 10 ? "0" : "")\(seconds) elapsed"
    }

}
