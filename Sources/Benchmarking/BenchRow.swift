import RoutingCore

/// One line of `results.csv`: one method on one instance.
public struct BenchRow: Sendable, Equatable {
    /// How the method's run ended.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Proven optimal.
        case optimal
        /// A feasible solution without proof.
        case feasible
        /// A method that could prove optimality stopped at its time limit (feasible solution in hand).
        case timeLimit
        /// The method does not handle this instance (a coordinate policy on an ATSP matrix, say).
        case unsupported
        /// The method failed (no feasible solution, unreadable instance, missing checkpoint); see the note.
        case failed

        init(_ status: SolveStatus) {
            switch status {
            case .optimal: self = .optimal
            case .feasible: self = .feasible
            case .timeLimit: self = .timeLimit
            }
        }

        /// Whether the row has a validated solution.
        public var hasSolution: Bool { self == .optimal || self == .feasible || self == .timeLimit }
    }

    /// The CSV header, in column order.
    public static let columns = ["instance", "problem", "dimension", "method", "cost", "status", "bound", "seconds",
                                 "gap_percent", "reference", "reference_kind", "note"]

    /// Instance name.
    public var instance: String
    /// Problem kind, `nil` when the instance could not be read.
    public var problem: ProblemKind?
    /// Nodes, the depot included; `nil` when the instance could not be read.
    public var dimension: Int?
    /// The method's stable label (``BenchMethod/label``).
    public var method: String
    /// The re-validated cost, when there is a solution.
    public var cost: Cost?
    /// How the run ended.
    public var outcome: Outcome
    /// A proven lower bound, when the method has one.
    public var bound: Cost?
    /// Seconds the solver reported.
    public var seconds: Double
    /// `100 · (cost − reference) / reference`, filled in by ``BenchReferences``.
    public var gapPercent: Double?
    /// The reference cost the gap is taken against.
    public var reference: Cost?
    /// Where ``reference`` comes from.
    public var referenceKind: ReferenceKind?
    /// Why a run failed, or what was special about it.
    public var note: String

    public init(instance: String, problem: ProblemKind?, dimension: Int?, method: String, cost: Cost?,
                outcome: Outcome, bound: Cost? = nil, seconds: Double, gapPercent: Double? = nil,
                reference: Cost? = nil, referenceKind: ReferenceKind? = nil, note: String = "") {
        self.instance = instance
        self.problem = problem
        self.dimension = dimension
        self.method = method
        self.cost = cost
        self.outcome = outcome
        self.bound = bound
        self.seconds = seconds
        self.gapPercent = gapPercent
        self.reference = reference
        self.referenceKind = referenceKind
        self.note = note
    }

    /// The row's key: one row per instance and method.
    public var key: Key { Key(instance: instance, method: method) }

    /// Identifies a row.
    public struct Key: Sendable, Hashable {
        public let instance: String
        public let method: String

        public init(instance: String, method: String) {
            self.instance = instance
            self.method = method
        }
    }

    // MARK: - CSV

    /// The row's fields, in ``columns`` order (empty for absent values; seconds with 3 decimals, gaps with 4).
    public var fields: [String] {
        [instance, problem?.rawValue ?? "", dimension.map(String.init) ?? "", method, cost.map(String.init) ?? "",
         outcome.rawValue, bound.map(String.init) ?? "", String(format: "%.3f", seconds),
         gapPercent.map { String(format: "%.4f", $0) } ?? "", reference.map(String.init) ?? "",
         referenceKind?.rawValue ?? "", note]
    }

    /// One CSV line (RFC 4180 quoting where a field needs it), without the line break.
    public var csvLine: String { fields.map(Self.quoted).joined(separator: ",") }

    /// A row from its fields in ``columns`` order, or `nil` when a field does not parse.
    public init?(fields: [String]) {
        guard fields.count == Self.columns.count, !fields[0].isEmpty, !fields[3].isEmpty,
              let outcome = Outcome(rawValue: fields[5]), let seconds = Double(fields[7]), seconds.isFinite else { return nil }
        func optional<T>(_ text: String, _ parse: (String) -> T?) -> T?? {
            text.isEmpty ? .some(nil) : parse(text).map { .some($0) }
        }
        guard let problem = optional(fields[1], ProblemKind.init(rawValue:)),
              let dimension = optional(fields[2], { Int($0) }), let cost = optional(fields[4], { Cost($0) }),
              let bound = optional(fields[6], { Cost($0) }), let gap = optional(fields[8], { Double($0) }),
              let reference = optional(fields[9], { Cost($0) }),
              let referenceKind = optional(fields[10], ReferenceKind.init(rawValue:)),
              cost != nil || !outcome.hasSolution else { return nil }
        self.init(instance: fields[0], problem: problem, dimension: dimension, method: fields[3], cost: cost,
                  outcome: outcome, bound: bound, seconds: seconds, gapPercent: gap, reference: reference,
                  referenceKind: referenceKind, note: fields[11])
    }

    /// `field`, quoted when it holds a comma, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
