import Foundation
import RoutingCore

/// Reads TSPLIB `.tsp`, ATSPLIB `.atsp` and CVRPLIB `.vrp` instance files.
///
/// Every TSPLIB95 keyword and the CVRPLIB/LKH-3 extensions are recognised. Features RouteOpt cannot
/// honour (route-length limits, service times, time windows, fixed edges, edge-data instances,
/// `XRAY`/`SPECIAL` distances) are refused with a clear error rather than ignored. Every problem is a
/// ``FormatError`` naming the file, the 1-based line and what is wrong; no input crashes or hangs it.
///
/// Conventions: nodes become 0-based; the depot must be node 1; `TYPE : CVRP` with an asymmetric
/// `FULL_MATRIX` gives an ``ProblemKind/acvrp`` instance (never symmetrised); `VEHICLES` (or
/// `SALESMEN`) limits the fleet, otherwise it is unlimited (the `kK` in a CVRPLIB name is not binding).
/// `BACKHAUL_SECTION` is read and ignored: it only means something for VRPB, not for `TYPE : CVRP`.
/// The instance is named after the file (base name without extension), which is how `optima.csv`,
/// CVRPLIB and the solution files refer to it; the `NAME` line is used only when `file` is empty,
/// because several files carry stale names (`E-n13-k4.vrp` says `eil13`, `P-n40-k5.vrp` says `P-n40-k5.vrp`).
/// Coordinates are kept as given (`GEO`: latitude and longitude in `DDD.MM`); `EXPLICIT` instances
/// take `DISPLAY_DATA_SECTION` positions when they have no `NODE_COORD_SECTION`.
public enum InstanceReader {
    /// Reads a TSPLIB .tsp, ATSPLIB .atsp or CVRPLIB .vrp file.
    /// - Throws: ``FormatError``, also when the file cannot be read.
    public static func read(contentsOf path: String) throws -> Instance {
        let data = try FileContents.read(path)
        return try data.withUnsafeBytes { (raw) throws(FormatError) -> Instance in
            try parse(bytes: raw.bindMemory(to: UInt8.self), file: path)
        }
    }

    /// Parses the text of an instance file; `file` names it in errors and gives the instance its name.
    public static func parse(_ text: String, file: String) throws(FormatError) -> Instance {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(FormatError) -> Instance in try parse(bytes: bytes, file: file) }
        }.get()
    }

    /// Parses UTF-8 bytes.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(FormatError) -> Instance {
        let lexer = try TSPLIBLexer(bytes: bytes, file: file)
        guard !lexer.lines.isEmpty else { throw lexer.error("the file is empty", line: lexer.lastLineNumber) }
        var header = TSPLIBHeader()
        var sections = TSPLIBSections()
        var index = 0
        while index < lexer.lines.count {
            let line = lexer.lines[index]
            guard lexer.isKeywordLine(line) else {
                var tokens = lexer.tokens(of: line)
                throw lexer.error("unexpected data \(lexer.quoted(tokens.next()!)) outside any section", line: line.number)
            }
            let (word, value) = lexer.keyword(of: line)
            guard let keyword = TSPLIBKeyword(rawValue: word) else {
                throw lexer.error("unknown keyword '\(word.prefix(40))'", line: line.number)
            }
            if keyword == .endOfFile { break }
            if keyword.isSection {
                if let value {
                    throw lexer.error("unexpected \(lexer.quoted(value)) after \(keyword.rawValue) (data starts on the next line)",
                                      line: line.number)
                }
                index = try sections.read(keyword, at: index, header: header, lexer: lexer)
            } else {
                try header.apply(keyword, value: value, line: line.number, lexer: lexer)
                index += 1
            }
        }
        let assembler = InstanceAssembler(header: header, sections: sections, lexer: lexer,
                                          fileName: FileContents.baseName(of: file))
        return try assembler.assemble()
    }
}
