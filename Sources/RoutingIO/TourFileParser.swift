import RoutingCore

/// Parses a TSPLIB `.tour` file: a header (`NAME`, `TYPE : TOUR`, `COMMENT`, `DIMENSION`), then a
/// `TOUR_SECTION` listing every node once, 1-based, terminated by `-1`, then an optional `EOF`.
struct TourFileParser {
    let lexer: TSPLIBLexer
    let instance: Instance

    func parse() throws(FormatError) -> Solution {
        var index = 0
        var sectionLine = 0
        while index < lexer.lines.count {
            let line = lexer.lines[index]
            index += 1
            guard lexer.isKeywordLine(line) else {
                throw lexer.error("unexpected data before TOUR_SECTION", line: line.number)
            }
            let (word, value) = lexer.keyword(of: line)
            switch word {
            case "NAME", "COMMENT":
                continue
            case "TYPE":
                guard let value, lexer.text(value).uppercased() == "TOUR" else {
                    throw lexer.error("a tour file must have TYPE : TOUR, not \(value.map(lexer.quoted) ?? "nothing")", line: line.number)
                }
            case "DIMENSION":
                guard let value else { throw lexer.error("DIMENSION has no value", line: line.number) }
                let n = try lexer.integer(value, line: line.number, what: "DIMENSION")
                guard n == instance.dimension else {
                    throw lexer.error("the tour has DIMENSION \(n), but the instance \(instance.name) has \(instance.dimension) nodes",
                                      line: line.number)
                }
            case "TOUR_SECTION":
                sectionLine = line.number
            default:
                throw lexer.error("unexpected keyword '\(word.prefix(40))' in a tour file", line: line.number)
            }
            if sectionLine != 0 { break }
        }
        guard !instance.kind.isVehicleRouting else {
            throw lexer.error("this is a TSPLIB tour, but \(instance.name) is a \(instance.kind) instance "
                + "(expected a CVRPLIB .sol with 'Route #k:' lines)", line: sectionLine)
        }
        return .tour(try readTour(from: index))
    }

    /// Reads node numbers from `lines[index]` up to the `-1`, then checks what follows.
    private func readTour(from start: Int) throws(FormatError) -> [Int] {
        let n = instance.dimension
        var ledger = VisitLedger(dimension: n)
        var tour: [Int] = []
        tour.reserveCapacity(n)
        var index = start
        var terminatorLine: Int?
        scan: while index < lexer.lines.count {
            let line = lexer.lines[index]
            if lexer.isKeywordLine(line) {
                guard terminatorLine != nil, lexer.keyword(of: line).word == "EOF" else {
                    let reason = terminatorLine == nil ? "TOUR_SECTION is not terminated by -1" : "unexpected keyword after the tour"
                    throw lexer.error(reason, line: line.number)
                }
                break scan
            }
            index += 1
            var tokens = lexer.tokens(of: line)
            while let token = tokens.next() {
                let value = try lexer.integer(token, line: line.number, what: "node number")
                if value == -1 {
                    terminatorLine = terminatorLine ?? line.number
                    continue
                }
                guard terminatorLine == nil else {
                    throw lexer.error("unexpected node \(value) after the -1 that ends the tour", line: line.number)
                }
                guard value >= 1 && value <= n else {
                    throw lexer.error("node \(value) is out of range 1…\(n) (\(instance.name) has \(n) nodes)", line: line.number)
                }
                if let first = ledger.visit(value - 1, line: line.number) {
                    throw lexer.error("node \(value) is visited twice (first on line \(first))", line: line.number)
                }
                tour.append(value - 1)
            }
        }
        guard let terminatorLine else {
            throw lexer.error("TOUR_SECTION is not terminated by -1 (the file ends first)", line: lexer.lastLineNumber)
        }
        if let missing = ledger.firstMissing(among: 0..<n) {
            throw lexer.error("the tour visits \(tour.count) of \(n) nodes; node \(missing + 1) is missing", line: terminatorLine)
        }
        return tour
    }
}
