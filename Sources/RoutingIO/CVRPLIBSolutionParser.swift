import RoutingCore

/// Parses a CVRPLIB `.sol` file: lines `Route #k: c1 c2 …` (customer `c` is node `c + 1` of the
/// `.vrp` file, i.e. 0-based node `c`; the depot is never listed) and an optional `Cost c` line.
struct CVRPLIBSolutionParser {
    let lexer: TSPLIBLexer
    let instance: Instance

    /// `true` when the line starts with `Route` (any case).
    static func isRouteLine(_ line: TSPLIBLexer.Line, lexer: TSPLIBLexer) -> Bool {
        startsWith("route", line, lexer: lexer)
    }

    func parse() throws(FormatError) -> SolutionFile {
        guard instance.kind.isVehicleRouting else {
            throw lexer.error("this is a CVRPLIB solution, but \(instance.name) is a \(instance.kind) instance "
                + "(expected a TSPLIB .tour)", line: lexer.lines[0].number)
        }
        let n = instance.dimension
        var ledger = VisitLedger(dimension: n)
        var routes: [[Int]] = []
        var costLine: Int?
        var claimedCost: Double?
        for line in lexer.lines {
            if Self.isRouteLine(line, lexer: lexer) {
                var route: [Int] = []
                var tokens = try customerTokens(of: line)
                while let token = tokens.next() {
                    let customer = try lexer.integer(token, line: line.number, what: "customer")
                    guard customer >= 0 && customer < n else {
                        throw lexer.error("customer \(customer) is out of range 1…\(n - 1) (\(instance.name) has \(n - 1) customers)",
                                          line: line.number)
                    }
                    guard customer != instance.depot else {
                        throw lexer.error("customer \(customer) is the depot, which routes must not list", line: line.number)
                    }
                    if let first = ledger.visit(customer, line: line.number) {
                        throw lexer.error("customer \(customer) is visited twice (first on line \(first))", line: line.number)
                    }
                    route.append(customer)
                }
                routes.append(route)
            } else if Self.startsWith("cost", line, lexer: lexer) {
                if let first = costLine { throw lexer.error("a second Cost line (first on line \(first))", line: line.number) }
                costLine = line.number
                claimedCost = try checkCost(line)
            } else {
                var tokens = lexer.tokens(of: line)
                throw lexer.error("unexpected \(lexer.quoted(tokens.next()!)): a CVRPLIB solution has only "
                    + "'Route #k: …' and 'Cost c' lines", line: line.number)
            }
        }
        if let missing = ledger.firstMissing(among: instance.customers) {
            throw lexer.error("the routes visit \(ledger.count) of \(instance.customers.count) customers; "
                + "customer \(missing) is in no route", line: lexer.lastLineNumber)
        }
        return SolutionFile(solution: .routes(routes), claimedCost: claimedCost, claimedCostLine: costLine)
    }

    /// Checks `Route #k:` and returns a cursor over the customers after the colon.
    private func customerTokens(of line: TSPLIBLexer.Line) throws(FormatError) -> TokenCursor {
        let bytes = lexer.bytes
        var index = line.start + 5
        func skipSpaces() { while index < line.end && ASCII.isWhitespace(bytes[index]) { index += 1 } }
        skipSpaces()
        guard index < line.end && bytes[index] == 0x23 else {
            throw lexer.error("a route line must read 'Route #k: customers…' (missing '#')", line: line.number)
        }
        index += 1
        skipSpaces()
        let numberStart = index
        while index < line.end && ASCII.isDigit(bytes[index]) { index += 1 }
        guard index > numberStart else {
            throw lexer.error("a route line must read 'Route #k: customers…' (missing route number)", line: line.number)
        }
        skipSpaces()
        guard index < line.end && bytes[index] == ASCII.colon else {
            throw lexer.error("a route line must read 'Route #k: customers…' (missing ':')", line: line.number)
        }
        return lexer.tokens(in: (index + 1)..<line.end)
    }

    /// Reads `Cost c` / `Cost: c`: one finite number, returned for comparison with the evaluator's cost.
    private func checkCost(_ line: TSPLIBLexer.Line) throws(FormatError) -> Double {
        var start = line.start + 4
        while start < line.end && ASCII.isWhitespace(lexer.bytes[start]) { start += 1 }
        if start < line.end && lexer.bytes[start] == ASCII.colon { start += 1 }
        var tokens = lexer.tokens(in: start..<line.end)
        guard let token = tokens.next() else { throw lexer.error("the Cost line has no value", line: line.number) }
        let value = try lexer.real(token, line: line.number, what: "cost")
        if let extra = tokens.next() {
            throw lexer.error("unexpected \(lexer.quoted(extra)) after the cost", line: line.number)
        }
        return value
    }

    /// `true` when the line starts with `prefix` (lower-case ASCII), ignoring case.
    private static func startsWith(_ prefix: StaticString, _ line: TSPLIBLexer.Line, lexer: TSPLIBLexer) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard line.end - line.start >= count else { return false }
        let pointer = prefix.utf8Start
        for k in 0..<count where lexer.bytes[line.start + k] | 0x20 != pointer[k] { return false }
        return true
    }
}
