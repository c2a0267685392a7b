import RoutingCore

/// Reads solutions: TSPLIB `.tour` files and CVRPLIB `.sol` files, telling them apart by content.
///
/// The reader checks what a file can get wrong on its own — non-numeric tokens, node numbers out of
/// range, repeated or missing nodes, a missing `-1` — and reports each as a ``FormatError`` with its
/// line. Feasibility (capacity, fleet size) is left to ``Evaluator``.
public enum SolutionReader {
    /// Reads a TSPLIB .tour (TOUR_SECTION, -1 terminator) or CVRPLIB .sol (`Route #k: c1 c2 ...`, `Cost c`) for `instance`.
    /// Format detected by content. Node numbers converted to 0-based; CVRPLIB customer k = node k (depot is node 1 = index 0).
    /// - Throws: ``FormatError``, also when the file cannot be read.
    public static func read(contentsOf path: String, for instance: Instance) throws -> Solution {
        try readFile(contentsOf: path, for: instance).solution
    }

    /// Reads a solution file with the cost it claims (CVRPLIB `Cost c`), so callers can compare it
    /// with the evaluated cost.
    public static func readFile(contentsOf path: String, for instance: Instance) throws -> SolutionFile {
        let data = try FileContents.read(path)
        return try data.withUnsafeBytes { raw in
            Result { () throws(FormatError) -> SolutionFile in
                try parse(bytes: raw.bindMemory(to: UInt8.self), file: path, for: instance)
            }
        }.get()
    }

    /// Parses the text of a `.tour` or `.sol` file for `instance`; `file` names it in errors.
    public static func parse(_ text: String, file: String, for instance: Instance) throws(FormatError) -> Solution {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(FormatError) -> Solution in try parse(bytes: bytes, file: file, for: instance).solution }
        }.get()
    }

    /// Parses UTF-8 bytes.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, for instance: Instance) throws(FormatError) -> SolutionFile {
        let lexer = try TSPLIBLexer(bytes: bytes, file: file)
        guard !lexer.lines.isEmpty else { throw lexer.error("the file is empty", line: lexer.lastLineNumber) }
        for line in lexer.lines where lexer.isKeywordLine(line) {
            if lexer.keyword(of: line).word == "TOUR_SECTION" {
                return SolutionFile(solution: try TourFileParser(lexer: lexer, instance: instance).parse(),
                                    claimedCost: nil, claimedCostLine: nil)
            }
            if CVRPLIBSolutionParser.isRouteLine(line, lexer: lexer) {
                return try CVRPLIBSolutionParser(lexer: lexer, instance: instance).parse()
            }
        }
        throw lexer.error("not a solution file: it has neither a TOUR_SECTION (TSPLIB .tour) "
            + "nor 'Route #k:' lines (CVRPLIB .sol)", line: lexer.lines[0].number)
    }
}
