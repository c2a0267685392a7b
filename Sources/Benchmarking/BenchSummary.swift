import Foundation

/// `summary.md` of a bench run: per problem group, a table of mean/median/max gap, mean time, instances
/// solved and proven optimal for every method; where the references come from; a per-instance table
/// for small runs; the machine, the command and the plots.
public struct BenchSummary: Sendable {
    /// Runs with at most this many instances get a per-instance table.
    public static let perInstanceLimit = 60

    public let outcome: BenchOutcome
    public let configuration: BenchConfiguration
    public let machine: MachineDescription
    /// The plot files (relative to the output folder) with their captions.
    public let plots: [(file: String, caption: String)]
    /// When the summary was written.
    public let date: Date

    public init(outcome: BenchOutcome, configuration: BenchConfiguration, machine: MachineDescription,
                plots: [(file: String, caption: String)] = [], date: Date = Date()) {
        self.outcome = outcome
        self.plots = plots
        self.configuration = configuration
        self.machine = machine
        self.date = date
    }

    /// The whole document.
    public var markdown: String {
        var lines = ["# Bench results", ""]
        lines.append("```sh\n\(configuration.commandLine)\n```")
        lines.append("")
        lines.append("- Machine: \(machine.line); written \(Self.timestamp(date)).")
        lines.append("- " + timingNote)
        let instanceCount = Set(outcome.rows.map(\.instance)).count
        lines.append("- \(outcome.rows.count) rows: \(Self.count(instanceCount, "instance")) × \(Self.count(outcome.methods.count, "method"))"
                     + (outcome.complete ? "." : " — **the run was stopped before every row was done**; re-run the same command to finish it."))
        lines.append("- Every solution was re-validated by the `Evaluator` before it was counted. Gap % = 100 · (cost − reference) / "
                     + "reference; the reference is a proven optimum from this run (`proven`), else the `optima.csv` beside the "
                     + "instance (`optima.csv:optimal`, `optima.csv:best-known`), else the best cost any method found (`best-found`, "
                     + "where the best method's gap is 0 by construction).")
        for group in outcome.groups {
            lines += [""] + groupSection(group)
        }
        if instanceCount <= Self.perInstanceLimit {
            lines += ["", "## Per instance", ""] + perInstanceTable
        }
        if !plots.isEmpty {
            lines += ["", "## Plots", ""] + plots.map { "![\($0.caption)](\($0.file))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How the timings were taken.
    var timingNote: String {
        let limits = configuration.effectiveLimits
        var base = String(format: "Default time limit %@ s per method and instance, seed %llu. ",
                          BenchMethod.format(configuration.limits.timeLimit), configuration.limits.seed)
        switch configuration.vehicles {
        case .fromName?: base += "CVRP fleets fixed at the k of each name (--vehicles name). "
        case .count(let count)?: base += "CVRP fleets of at most \(count) vehicles (--vehicles \(count)). "
        case nil: break
        }
        if configuration.jobs > 1 {
            return base + "Timings were taken with \(configuration.jobs) instances solved in parallel "
                + "(\(limits.threads) solver thread\(limits.threads == 1 ? "" : "s") each), so each solver had a share of the machine."
        }
        return base + "One instance at a time, \(limits.threads) solver thread\(limits.threads == 1 ? "" : "s")."
    }

    /// The section of one problem group.
    func groupSection(_ group: String) -> [String] {
        let rows = outcome.rows.filter { BenchOutcome.group(of: $0) == group }
        let instances = Dictionary(grouping: rows, by: \.instance)
        var kinds: [ReferenceKind: Int] = [:]
        for group in instances.values { if let kind = group.first?.referenceKind { kinds[kind, default: 0] += 1 } }
        let references = ReferenceKind.allCases.compactMap { kind in kinds[kind].map { "\($0) \(kind.rawValue)" } }
        var lines = ["## \(group) — \(Self.count(instances.count, "instance"))", "",
                     "References: " + (references.isEmpty ? "none" : references.joined(separator: ", ")) + ".", "",
                     "| method | instances | solved | proven optimal | mean gap % | median gap % | max gap % | mean time s |",
                     "|---|---|---|---|---|---|---|---|"]
        for method in outcome.methods {
            let methodRows = rows.filter { $0.method == method }
            guard !methodRows.isEmpty else { continue }
            let statistics = BenchStatistics(rows: methodRows)
            var solved = "\(statistics.solved)"
            if statistics.unsupported > 0 { solved += " (\(statistics.unsupported) unsupported)" }
            if statistics.failed > 0 { solved += " (\(statistics.failed) failed)" }
            lines.append("| \(method) | \(statistics.instances) | \(solved) | \(statistics.provenOptimal) | "
                         + "\(Self.number(statistics.meanGap)) | \(Self.number(statistics.medianGap)) | "
                         + "\(Self.number(statistics.maxGap)) | \(Self.number(statistics.meanSeconds, digits: 3)) |")
        }
        return lines
    }

    /// instance | reference | one column per method (cost and gap).
    var perInstanceTable: [String] {
        var lines = ["| instance | reference | " + outcome.methods.joined(separator: " | ") + " |",
                     "|---|---|" + String(repeating: "---|", count: outcome.methods.count)]
        var seen = Set<String>()
        for row in outcome.rows where seen.insert(row.instance).inserted {
            let rows = outcome.rows.filter { $0.instance == row.instance }
            let reference = row.reference.map { "\($0) (\(row.referenceKind?.rawValue ?? "-"))" } ?? "—"
            let cells = outcome.methods.map { method -> String in
                guard let cell = rows.first(where: { $0.method == method }) else { return "" }
                guard let cost = cell.cost else { return cell.outcome.rawValue }
                let proven = cell.outcome == .optimal ? " ✓" : ""
                return "\(cost)\(proven) (\(Self.number(cell.gapPercent)) %, \(Self.number(cell.seconds, digits: 2)) s)"
            }
            lines.append("| \(row.instance) | \(reference) | " + cells.joined(separator: " | ") + " |")
        }
        lines.append("")
        lines.append("Cells: cost (gap, seconds); ✓ = proven optimal by the method.")
        return lines
    }

    /// `1 instance`, `3 instances`.
    static func count(_ value: Int, _ noun: String) -> String { "\(value) \(noun)\(value == 1 ? "" : "s")" }

    static func number(_ value: Double?, digits: Int = 2) -> String {
        guard let value else { return "—" }
        let text = String(format: "%.\(digits)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
