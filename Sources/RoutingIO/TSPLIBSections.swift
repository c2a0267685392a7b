/// The data part of an instance file: each section's numbers together with the lines they came from,
/// so that later checks can point at the exact line of a bad node or matrix entry.
struct TSPLIBSections {
    /// A section with one line per node: a node number (1-based) then `width` values.
    struct NodeTable<Value> {
        /// The section keyword's line.
        let line: Int
        let width: Int
        /// `values[node * width + k]`, nodes 0-based.
        var values: [Value]
        /// The line each node was given on.
        var lines: [Int]
    }

    /// A run of numbers across lines (`EDGE_WEIGHT_SECTION`), with the line of every line's first number.
    struct NumberStream {
        let line: Int
        var values: [Int] = []
        /// `(index of the first number on a line, that line)`, in order.
        var lineStarts: [(index: Int, line: Int)] = []

        /// The line that holds the `index`-th number.
        func line(ofValue index: Int) -> Int {
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle].index <= index { low = middle } else { high = middle - 1 }
            }
            return lineStarts.isEmpty ? line : lineStarts[low].line
        }
    }

    var nodeCoordinates: NodeTable<Double>?
    var displayData: NodeTable<Double>?
    var demands: NodeTable<Int>?
    var edgeWeights: NumberStream?
    /// Depot node numbers (0-based) with their lines, and the section's line.
    var depots: (line: Int, nodes: [(node: Int, line: Int)])?
    /// The line of each section read so far, to report repeats.
    private var seen: [TSPLIBKeyword: Int] = [:]

    /// Reads the section that starts at `lines[index]` and returns the index of the line after it.
    /// - Throws: ``FormatError`` for a repeated, misplaced, short, long or malformed section.
    mutating func read(_ keyword: TSPLIBKeyword, at index: Int, header: TSPLIBHeader, lexer: TSPLIBLexer) throws(FormatError) -> Int {
        let line = lexer.lines[index].number
        if let first = seen[keyword] {
            throw lexer.error("\(keyword.rawValue) is given twice (first on line \(first))", line: line)
        }
        seen[keyword] = line
        if let feature = keyword.unsupportedFeature {
            throw lexer.error("\(keyword.rawValue): \(feature) are not supported", line: line)
        }
        if keyword == .tourSection {
            throw lexer.error("TOUR_SECTION belongs in a tour file, not in an instance", line: line)
        }
        guard let n = header.dimension?.value else {
            throw lexer.error("\(keyword.rawValue) comes before DIMENSION", line: line)
        }
        var reader = SectionReader(lexer: lexer, keyword: keyword, dimension: n, index: index + 1)
        switch keyword {
        case .nodeCoordSection:
            let width = Self.coordinateWidth(header)
            nodeCoordinates = try reader.nodeTable(width: width, header: line) { token, line throws(FormatError) in
                try lexer.real(token, line: line, what: "coordinate")
            }
        case .displayDataSection:
            displayData = try reader.nodeTable(width: 2, header: line) { token, line throws(FormatError) in
                try lexer.real(token, line: line, what: "display coordinate")
            }
        case .demandSection:
            demands = try reader.nodeTable(width: 1, header: line) { token, line throws(FormatError) in
                let demand = try lexer.integer(token, line: line, what: "demand")
                guard demand >= 0 else { throw lexer.error("demand \(demand) is negative", line: line) }
                guard demand <= TSPLIBHeader.maximumQuantity else {
                    throw lexer.error("demand \(demand) is out of range (at most \(TSPLIBHeader.maximumQuantity))", line: line)
                }
                return demand
            }
        case .edgeWeightSection:
            guard let format = header.edgeWeightFormat?.value else {
                throw lexer.error("EDGE_WEIGHT_SECTION comes before EDGE_WEIGHT_FORMAT", line: line)
            }
            guard format != .function else {
                throw lexer.error("EDGE_WEIGHT_SECTION cannot be read with EDGE_WEIGHT_FORMAT FUNCTION", line: line)
            }
            edgeWeights = try reader.numberStream(count: format.entryCount(dimension: n), header: line, format: format)
        case .depotSection:
            let nodes = try reader.terminatedList(required: true).map { (node: $0.value - 1, line: $0.line) }
            depots = (line, nodes)
        case .fixedEdgesSection:
            if let first = try reader.terminatedList(required: true).first {
                throw lexer.error("FIXED_EDGES_SECTION: fixed edges are not supported", line: first.line)
            }
        case .backhaulSection:
            // Backhaul customers only matter for VRPB; a CVRP file (E-n33-k4) may still list them.
            _ = try reader.terminatedList(required: false)
        default:
            throw lexer.error("\(keyword.rawValue) is not a section RouteOpt reads", line: line)
        }
        return reader.index
    }

    /// Coordinates per node: 3 for `THREED_COORDS` or a 3D rule, else 2.
    private static func coordinateWidth(_ header: TSPLIBHeader) -> Int {
        if header.nodeCoordType?.value == .threeD { return 3 }
        if header.nodeCoordType == nil, header.distanceRule?.value.coordinateCount == 3 { return 3 }
        return 2
    }
}

/// Reads the data lines of one section, stopping at the next keyword line or the end of the file.
private struct SectionReader {
    let lexer: TSPLIBLexer
    let keyword: TSPLIBKeyword
    let dimension: Int
    /// Index into `lexer.lines` of the next unread line.
    var index: Int

    /// The line where the section stopped: the next keyword's line, or the file's last line.
    private var endLine: Int {
        index < lexer.lines.count ? lexer.lines[index].number : lexer.lastLineNumber
    }

    /// Where the section stopped, in words, for "ended early" messages.
    private var endDescription: String {
        index < lexer.lines.count ? "ends at the next keyword" : "ends where the file ends"
    }

    /// The next data line, or `nil` at a keyword line or the end.
    private mutating func nextDataLine() -> TSPLIBLexer.Line? {
        guard index < lexer.lines.count, !lexer.isKeywordLine(lexer.lines[index]) else { return nil }
        defer { index += 1 }
        return lexer.lines[index]
    }

    /// Reads lines `node v1 … v_width` until every node 1…n has been given exactly once.
    mutating func nodeTable<Value>(
        width: Int, header: Int, parse: (Range<Int>, Int) throws(FormatError) -> Value
    ) throws(FormatError) -> TSPLIBSections.NodeTable<Value> {
        let name = keyword.rawValue
        var values: [Value?] = []
        var lines = [Int](repeating: 0, count: dimension)
        var given = 0
        while let line = nextDataLine() {
            var tokens = lexer.tokens(of: line)
            let nodeToken = tokens.next()!
            let node = try lexer.integer(nodeToken, line: line.number, what: "node number")
            guard node >= 1 && node <= dimension else {
                throw lexer.error("\(name): node \(node) is out of range 1…\(dimension) (DIMENSION \(dimension))", line: line.number)
            }
            guard lines[node - 1] == 0 else {
                throw lexer.error("\(name): node \(node) is given twice (first on line \(lines[node - 1]))", line: line.number)
            }
            if values.isEmpty { values = [Value?](repeating: nil, count: dimension * width) }
            var count = 0
            while let token = tokens.next() {
                guard count < width else {
                    throw lexer.error("\(name): too many values for node \(node) (expected \(width) after the node number)", line: line.number)
                }
                values[(node - 1) * width + count] = try parse(token, line.number)
                count += 1
            }
            guard count == width else {
                throw lexer.error("\(name): node \(node) has \(count) values, expected \(width) after the node number", line: line.number)
            }
            lines[node - 1] = line.number
            given += 1
        }
        guard given == dimension else {
            let missing = (lines.firstIndex(of: 0) ?? 0) + 1
            throw lexer.error(
                "\(name) \(endDescription) after \(given) of \(dimension) nodes; node \(missing) is missing", line: endLine)
        }
        return .init(line: header, width: width, values: values.map { $0! }, lines: lines)
    }

    /// Reads exactly `count` whole numbers, which may run across line breaks.
    mutating func numberStream(count: Int, header: Int, format: EdgeWeightFormat) throws(FormatError) -> TSPLIBSections.NumberStream {
        var stream = TSPLIBSections.NumberStream(line: header)
        while let line = nextDataLine() {
            stream.lineStarts.append((stream.values.count, line.number))
            var tokens = lexer.tokens(of: line)
            while let token = tokens.next() {
                guard stream.values.count < count else {
                    throw lexer.error("EDGE_WEIGHT_SECTION has more than the \(count) values that \(format.rawValue) "
                        + "needs for DIMENSION \(dimension)", line: line.number)
                }
                stream.values.append(try lexer.integer(token, line: line.number, what: "edge weight"))
            }
        }
        guard stream.values.count == count else {
            throw lexer.error("EDGE_WEIGHT_SECTION \(endDescription) after \(stream.values.count) of the \(count) values "
                + "that \(format.rawValue) needs for DIMENSION \(dimension)", line: endLine)
        }
        return stream
    }

    /// Reads node numbers up to a `-1` (or, when not `required`, up to the next keyword).
    mutating func terminatedList(required: Bool) throws(FormatError) -> [(value: Int, line: Int)] {
        let name = keyword.rawValue
        var list: [(value: Int, line: Int)] = []
        var terminated = false
        while let line = nextDataLine() {
            guard !terminated else {
                throw lexer.error("\(name): unexpected data after the -1 that ends the section", line: line.number)
            }
            var tokens = lexer.tokens(of: line)
            while let token = tokens.next() {
                guard !terminated else {
                    throw lexer.error("\(name): unexpected \(lexer.quoted(token)) after the -1 that ends the section", line: line.number)
                }
                let value = try lexer.integer(token, line: line.number, what: "node number")
                if value == -1 { terminated = true; continue }
                guard value >= 1 && value <= dimension else {
                    throw lexer.error("\(name): node \(value) is out of range 1…\(dimension) (DIMENSION \(dimension))", line: line.number)
                }
                list.append((value, line.number))
            }
        }
        if required && !terminated {
            throw lexer.error("\(name) is not terminated by -1 (the section \(endDescription))", line: endLine)
        }
        return list
    }
}
