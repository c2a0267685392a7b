import RoutingCore

/// The specification part of an instance file (`KEYWORD : value` lines), each value with its line.
///
/// Values are checked as they are read: an unknown `TYPE`, a non-numeric or absurd `DIMENSION`
/// (rejected before anything is allocated), a repeated keyword, or a feature RouteOpt cannot honour
/// is a ``FormatError`` on that line.
struct TSPLIBHeader {
    /// A value and the line it came from.
    struct Field<Value> {
        let value: Value
        let line: Int
    }

    /// Accepted `NODE_COORD_TYPE` values.
    enum NodeCoordType: String, CaseIterable {
        case twoD = "TWOD_COORDS", threeD = "THREED_COORDS", none = "NO_COORDS"
    }

    /// Accepted `DISPLAY_DATA_TYPE` values (display only; they never change costs).
    enum DisplayDataType: String, CaseIterable {
        case coordinates = "COORD_DISPLAY", twoD = "TWOD_DISPLAY", none = "NO_DISPLAY"
    }

    /// The largest CAPACITY or demand accepted: the solvers keep loads in 32 bits.
    static let maximumQuantity = Int(Int32.max)
    /// The largest fleet size accepted.
    static let maximumVehicles = 1_000_000

    var name: Field<String>?
    var type: Field<ProblemKind>?
    var comment: Field<String>?
    var dimension: Field<Int>?
    var capacity: Field<Int>?
    var distanceRule: Field<DistanceRule>?
    var edgeWeightFormat: Field<EdgeWeightFormat>?
    var nodeCoordType: Field<NodeCoordType>?
    var displayDataType: Field<DisplayDataType>?
    var vehicles: Field<Int>?
    /// Lines of keywords seen so far, to report repeats.
    private var seen: [TSPLIBKeyword: Int] = [:]

    /// Records one specification line.
    /// - Throws: ``FormatError`` for a repeated keyword, a missing or invalid value, or an unsupported feature.
    mutating func apply(_ keyword: TSPLIBKeyword, value: Range<Int>?, line: Int, lexer: TSPLIBLexer) throws(FormatError) {
        if keyword != .comment, let first = seen[keyword] {
            throw lexer.error("\(keyword.rawValue) is given twice (first on line \(first))", line: line)
        }
        seen[keyword] = line
        if let feature = keyword.unsupportedFeature {
            throw lexer.error("\(keyword.rawValue): \(feature) are not supported", line: line)
        }
        guard let value else { throw lexer.error("\(keyword.rawValue) has no value", line: line) }
        let text = lexer.text(value)
        let word = text.uppercased()
        switch keyword {
        case .name:
            name = Field(value: text, line: line)
        case .comment:
            comment = Field(value: comment.map { $0.value + " " + text } ?? text, line: comment?.line ?? line)
        case .type:
            type = Field(value: try Self.problemKind(word, line: line, lexer: lexer), line: line)
        case .dimension:
            let n = try lexer.integer(value, line: line, what: "DIMENSION")
            guard n > 0 else { throw lexer.error("DIMENSION must be positive, got \(n)", line: line) }
            guard n <= Instance.maximumDimension else {
                throw lexer.error(
                    "DIMENSION \(n) is larger than the supported maximum of \(Instance.maximumDimension) nodes",
                    line: line)
            }
            dimension = Field(value: n, line: line)
        case .capacity:
            let q = try lexer.integer(value, line: line, what: "CAPACITY")
            guard q > 0 else { throw lexer.error("CAPACITY must be positive, got \(q)", line: line) }
            guard q <= Self.maximumQuantity else {
                throw lexer.error("CAPACITY \(q) is out of range (at most \(Self.maximumQuantity))", line: line)
            }
            capacity = Field(value: q, line: line)
        case .vehicles, .salesmen:
            if let other = vehicles {
                throw lexer.error("VEHICLES and SALESMEN both give the fleet size (first on line \(other.line))", line: line)
            }
            let k = try lexer.integer(value, line: line, what: keyword.rawValue)
            guard k > 0 else { throw lexer.error("\(keyword.rawValue) must be positive, got \(k)", line: line) }
            guard k <= Self.maximumVehicles else {
                throw lexer.error("\(keyword.rawValue) \(k) is out of range (at most \(Self.maximumVehicles))", line: line)
            }
            vehicles = Field(value: k, line: line)
        case .edgeWeightType:
            guard let rule = DistanceRule(rawValue: word) else {
                let supported = DistanceRule.allCases.map(\.rawValue).joined(separator: ", ")
                let verdict = DistanceRule.unsupportedNames.contains(word) ? "is not supported" : "is unknown"
                throw lexer.error("EDGE_WEIGHT_TYPE \(text) \(verdict) (supported: \(supported))", line: line)
            }
            distanceRule = Field(value: rule, line: line)
        case .edgeWeightFormat:
            guard let format = EdgeWeightFormat(rawValue: word) else {
                throw lexer.error("EDGE_WEIGHT_FORMAT \(text) is unknown (expected one of "
                    + EdgeWeightFormat.allCases.map(\.rawValue).joined(separator: ", ") + ")", line: line)
            }
            edgeWeightFormat = Field(value: format, line: line)
        case .nodeCoordType:
            guard let kind = NodeCoordType(rawValue: word) else {
                throw lexer.error("NODE_COORD_TYPE \(text) is unknown (expected TWOD_COORDS, THREED_COORDS or NO_COORDS)", line: line)
            }
            nodeCoordType = Field(value: kind, line: line)
        case .displayDataType:
            guard let kind = DisplayDataType(rawValue: word) else {
                throw lexer.error("DISPLAY_DATA_TYPE \(text) is unknown (expected COORD_DISPLAY, TWOD_DISPLAY or NO_DISPLAY)", line: line)
            }
            displayDataType = Field(value: kind, line: line)
        case .serviceTime:
            guard case .value(let time) = NumberScanner.real(lexer.bytes, value), time == 0 else {
                throw lexer.error("SERVICE_TIME \(text): service times are not supported (only 0)", line: line)
            }
        case .demandDimension:
            guard case .value(1) = NumberScanner.wholeNumber(lexer.bytes, value) else {
                throw lexer.error("DEMAND_DIMENSION \(text): multi-dimensional demands are not supported (only 1)", line: line)
            }
        case .scale:
            guard case .value(1) = NumberScanner.wholeNumber(lexer.bytes, value) else {
                throw lexer.error("SCALE \(text): scaled costs are not supported (only 1)", line: line)
            }
        case .gridSize:
            _ = try lexer.real(value, line: line, what: "GRID_SIZE")
        default:
            throw lexer.error("\(keyword.rawValue) is a section keyword and takes no value", line: line)
        }
    }

    /// Maps a `TYPE` value to a problem kind.
    private static func problemKind(_ word: String, line: Int, lexer: TSPLIBLexer) throws(FormatError) -> ProblemKind {
        switch word {
        case "TSP": return .tsp
        case "ATSP": return .atsp
        case "CVRP": return .cvrp
        case "ACVRP": return .acvrp
        case "TOUR": throw lexer.error("TYPE TOUR: this is a tour file, not an instance", line: line)
        default: throw lexer.error("TYPE \(word) is not supported (expected TSP, ATSP, CVRP or ACVRP)", line: line)
        }
    }
}
