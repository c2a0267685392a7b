import RoutingCore

/// Turns a parsed header and data part into a validated ``Instance``, reporting every inconsistency
/// (a missing section, a field that does not fit the problem type, a bad matrix entry) as a
/// ``FormatError`` on the most relevant line.
struct InstanceAssembler {
    let header: TSPLIBHeader
    let sections: TSPLIBSections
    let lexer: TSPLIBLexer
    /// The instance's name: the file's base name, as `optima.csv` and CVRPLIB name instances.
    let fileName: String

    /// Builds the instance.
    func assemble() throws(FormatError) -> Instance {
        guard let type = header.type else { throw missing("TYPE (TSP, ATSP, CVRP or ACVRP)") }
        guard let dimension = header.dimension else { throw missing("DIMENSION") }
        guard let rule = header.distanceRule else { throw missing("EDGE_WEIGHT_TYPE") }
        let depot = try checkVehicleRoutingFields(type: type)
        let distances: DistanceMatrix
        let coordinates: [Point]?
        if rule.value == .explicit {
            distances = try explicitMatrix(dimension: dimension.value)
            coordinates = (sections.nodeCoordinates.flatMap { $0.width == 2 ? $0 : nil } ?? sections.displayData).map(points)
        } else {
            let table = try coordinateTable(rule: rule)
            distances = try coordinateMatrix(rule: rule.value, table: table)
            coordinates = table.width == 2 ? points(table) : nil
        }
        var kind = type.value
        if kind == .cvrp && !distances.isSymmetric { kind = .acvrp }
        do {
            return try Instance(
                name: fileName.isEmpty ? header.name?.value ?? "unnamed" : fileName, kind: kind, distances: distances, coordinates: coordinates,
                distanceRule: rule.value.rawValue, demands: sections.demands?.values, capacity: header.capacity?.value,
                depot: depot, vehicleLimit: header.vehicles?.value, comment: header.comment?.value ?? "")
        } catch {
            throw located(error)
        }
    }

    // MARK: - Checks

    /// A "the file has no …" error, at the file's last line.
    private func missing(_ what: String) -> FormatError {
        lexer.error("the file ends without \(what)", line: lexer.lastLineNumber)
    }

    /// Checks that CVRP fields appear exactly for the vehicle-routing types and returns the depot.
    private func checkVehicleRoutingFields(type: TSPLIBHeader.Field<ProblemKind>) throws(FormatError) -> Int {
        guard type.value.isVehicleRouting else {
            let stray: [(String, Int?)] = [("CAPACITY", header.capacity?.line), ("VEHICLES", header.vehicles?.line),
                                           ("DEMAND_SECTION", sections.demands?.line), ("DEPOT_SECTION", sections.depots?.line)]
            if let (word, line) = stray.first(where: { $0.1 != nil }), let line {
                throw lexer.error("\(word) applies only to CVRP instances, but TYPE is \(type.value)", line: line)
            }
            return 0
        }
        guard header.capacity != nil else {
            throw lexer.error("TYPE \(type.value) needs a CAPACITY, and the file has none", line: type.line)
        }
        guard sections.demands != nil else { throw missing("a DEMAND_SECTION (TYPE is \(type.value))") }
        guard let depots = sections.depots else { throw missing("a DEPOT_SECTION (the depot must be node 1)") }
        guard let first = depots.nodes.first else {
            throw lexer.error("DEPOT_SECTION lists no depot (the depot must be node 1)", line: depots.line)
        }
        if depots.nodes.count > 1 {
            let list = depots.nodes.map { String($0.node + 1) }.joined(separator: ", ")
            throw lexer.error("DEPOT_SECTION lists several depots (\(list)); only a single depot, node 1, is supported",
                              line: depots.nodes[1].line)
        }
        guard first.node == 0 else {
            throw lexer.error("the depot is node \(first.node + 1); RouteOpt needs the depot to be node 1", line: first.line)
        }
        return 0
    }

    // MARK: - Distances

    /// The node coordinates a coordinate rule needs, checked against `NODE_COORD_TYPE` and the rule.
    private func coordinateTable(rule: TSPLIBHeader.Field<DistanceRule>) throws(FormatError) -> TSPLIBSections.NodeTable<Double> {
        if let format = header.edgeWeightFormat, format.value != .function {
            throw lexer.error("EDGE_WEIGHT_FORMAT \(format.value.rawValue) needs EDGE_WEIGHT_TYPE EXPLICIT, "
                + "but it is \(rule.value.rawValue)", line: format.line)
        }
        if let weights = sections.edgeWeights {
            throw lexer.error("EDGE_WEIGHT_SECTION needs EDGE_WEIGHT_TYPE EXPLICIT, but it is \(rule.value.rawValue)",
                              line: weights.line)
        }
        if let type = header.nodeCoordType, type.value == .none {
            throw lexer.error("NODE_COORD_TYPE NO_COORDS, but EDGE_WEIGHT_TYPE \(rule.value.rawValue) needs coordinates",
                              line: type.line)
        }
        guard let table = sections.nodeCoordinates else {
            throw missing("a NODE_COORD_SECTION (EDGE_WEIGHT_TYPE \(rule.value.rawValue) needs coordinates)")
        }
        guard table.width == rule.value.coordinateCount else {
            throw lexer.error("EDGE_WEIGHT_TYPE \(rule.value.rawValue) needs \(rule.value.coordinateCount) coordinates "
                + "per node, but the nodes have \(table.width)", line: header.nodeCoordType?.line ?? table.line)
        }
        return table
    }

    /// Costs from coordinates; an overflowing cost is reported at the line of the node with the larger coordinates.
    private func coordinateMatrix(rule: DistanceRule, table: TSPLIBSections.NodeTable<Double>) throws(FormatError) -> DistanceMatrix {
        let width = table.width
        let limit = Double(DistanceMatrix.maximumEntry)
        do {
            return try table.values.withUnsafeBufferPointer { (buffer) throws(InstanceError) -> DistanceMatrix in
                let base = buffer.baseAddress!
                return try DistanceMatrix(count: table.lines.count) { i, j in
                    let cost = rule.cost(base + i * width, base + j * width)
                    return cost.isFinite && cost <= limit ? Int(cost) : Int.max
                }
            }
        } catch {
            guard case .distanceOutOfRange(let i, let j, _) = error else { throw located(error) }
            let magnitude = { (node: Int) in (0..<width).map { abs(table.values[node * width + $0]) }.max() ?? 0 }
            let node = magnitude(i) >= magnitude(j) ? i : j
            throw lexer.error("the \(rule.rawValue) distance from node \(i + 1) to node \(j + 1) is out of range "
                + "(at most \(DistanceMatrix.maximumEntry)); the coordinates are too large", line: table.lines[node])
        }
    }

    /// Costs from the `EDGE_WEIGHT_SECTION`, diagonal ignored (ATSPLIB "infinity" placeholders).
    private func explicitMatrix(dimension n: Int) throws(FormatError) -> DistanceMatrix {
        guard let format = header.edgeWeightFormat, format.value != .function else {
            throw lexer.error("EDGE_WEIGHT_TYPE EXPLICIT needs an EDGE_WEIGHT_FORMAT such as FULL_MATRIX",
                              line: header.edgeWeightFormat?.line ?? header.distanceRule!.line)
        }
        guard let stream = sections.edgeWeights else {
            throw missing("an EDGE_WEIGHT_SECTION (EDGE_WEIGHT_TYPE is EXPLICIT)")
        }
        var entries = [Int](repeating: 0, count: n * n)
        var index = 0
        let triangular = format.value.isTriangular
        try format.value.forEachEntry(dimension: n) { i, j throws(FormatError) in
            let value = stream.values[index]
            if i != j {
                guard value >= 0 && value <= DistanceMatrix.maximumEntry else {
                    let problem = value < 0 ? "is negative" : "is out of range (at most \(DistanceMatrix.maximumEntry))"
                    throw lexer.error("edge weight \(value) from node \(i + 1) to node \(j + 1) \(problem)",
                                      line: stream.line(ofValue: index))
                }
                entries[i * n + j] = value
                if triangular { entries[j * n + i] = value }
            }
            index += 1
            return true
        }
        do {
            return try DistanceMatrix(count: n, rowMajor: entries)
        } catch {
            throw located(error)
        }
    }

    // MARK: - Error lines

    /// The line of the section entry that sets `d(i, j)` (or `d(j, i)` for a triangle), or the section's line.
    private func lineOfEntry(_ i: Int, _ j: Int) -> Int {
        guard let stream = sections.edgeWeights, let format = header.edgeWeightFormat?.value else {
            return sections.nodeCoordinates?.lines[i] ?? lexer.lastLineNumber
        }
        var index = 0, found: Int?
        try? format.forEachEntry(dimension: stream.values.isEmpty ? 0 : header.dimension!.value) { a, b in
            if (a == i && b == j) || (format.isTriangular && a == j && b == i) { found = index; return false }
            index += 1
            return true
        }
        return found.map(stream.line(ofValue:)) ?? stream.line
    }

    /// An ``InstanceError`` from RoutingCore, placed on the line that causes it.
    private func located(_ error: InstanceError) -> FormatError {
        let dimensionLine = header.dimension?.line ?? lexer.lastLineNumber
        let line: Int
        switch error {
        case .empty, .tooLarge, .matrixSize, .coordinateCount, .demandCount:
            line = dimensionLine
        case .negativeDistance(let i, let j, _), .distanceOutOfRange(let i, let j, _):
            line = lineOfEntry(i, j)
        case .asymmetricMatrix(_, let i, let j):
            line = lineOfEntry(j, i)
        case .nonFiniteCoordinate(let node):
            line = sections.nodeCoordinates?.lines[node] ?? sections.displayData?.lines[node] ?? dimensionLine
        case .missingCapacity:
            line = header.type?.line ?? dimensionLine
        case .nonPositiveCapacity:
            line = header.capacity?.line ?? dimensionLine
        case .negativeDemand(let node, _), .demandExceedsCapacity(let node, _, _):
            line = sections.demands?.lines[node] ?? dimensionLine
        case .depotDemand:
            line = sections.demands?.lines[0] ?? dimensionLine
        case .totalDemandTooLarge:
            line = sections.demands?.lines.last ?? header.capacity?.line ?? dimensionLine
        case .depotOutOfRange:
            line = sections.depots?.line ?? dimensionLine
        case .invalidVehicleLimit, .fleetTooSmall:
            line = header.vehicles?.line ?? dimensionLine
        }
        return lexer.error(error.description, line: line)
    }

    /// 2D node positions from a table of width 2.
    private func points(_ table: TSPLIBSections.NodeTable<Double>) -> [Point] {
        (0..<table.lines.count).map { Point(x: table.values[2 * $0], y: table.values[2 * $0 + 1]) }
    }
}
