/// Summary figures of a set of rows (one method on one group of instances).
public struct BenchStatistics: Sendable, Equatable {
    /// Rows.
    public let instances: Int
    /// Rows with a validated solution.
    public let solved: Int
    /// Rows proven optimal by the method.
    public let provenOptimal: Int
    /// Rows the method does not support.
    public let unsupported: Int
    /// Rows that failed.
    public let failed: Int
    /// Mean, median and largest gap in percent over the rows that have one; `nil` when none has.
    public let meanGap: Double?
    public let medianGap: Double?
    public let maxGap: Double?
    /// Mean seconds over the solved rows; `nil` when none is solved.
    public let meanSeconds: Double?

    public init(rows: [BenchRow]) {
        instances = rows.count
        let solvedRows = rows.filter(\.outcome.hasSolution)
        solved = solvedRows.count
        provenOptimal = rows.filter { $0.outcome == .optimal }.count
        unsupported = rows.filter { $0.outcome == .unsupported }.count
        failed = rows.filter { $0.outcome == .failed }.count
        let gaps = solvedRows.compactMap(\.gapPercent).sorted()
        meanGap = gaps.isEmpty ? nil : gaps.reduce(0, +) / Double(gaps.count)
        medianGap = gaps.isEmpty ? nil
            : gaps.count % 2 == 1 ? gaps[gaps.count / 2] : (gaps[gaps.count / 2 - 1] + gaps[gaps.count / 2]) / 2
        maxGap = gaps.last
        meanSeconds = solvedRows.isEmpty ? nil : solvedRows.map(\.seconds).reduce(0, +) / Double(solvedRows.count)
    }
}
