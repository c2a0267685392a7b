import Testing
@testable import RoutingIO

/// Line splitting and keyword/token access on bytes.
@Suite struct TSPLIBLexerTests {
    /// Blank lines are dropped but counted; CR, tabs and trailing blanks are trimmed; keywords split at the colon.
    @Test func linesAndKeywords() throws {
        var text = "NAME : \tX-n101-k25\t\r\n\r\n  \nDIMENSION:5\n1\t2  3\r\nEOF"
        try text.withUTF8 { bytes in
            let lexer = try TSPLIBLexer(bytes: bytes, file: "f")
            #expect(lexer.lines.map(\.number) == [1, 4, 5, 6])
            #expect(lexer.lastLineNumber == 6)
            let name = lexer.keyword(of: lexer.lines[0])
            #expect(name.word == "NAME" && name.value.map { lexer.text($0) } == "X-n101-k25")
            let dimension = lexer.keyword(of: lexer.lines[1])
            #expect(dimension.word == "DIMENSION" && dimension.value.map { lexer.text($0) } == "5")
            #expect(!lexer.isKeywordLine(lexer.lines[2]) && lexer.isKeywordLine(lexer.lines[3]))
            var tokens = lexer.tokens(of: lexer.lines[2])
            var words: [String] = []
            while let token = tokens.next() { words.append(lexer.text(token)) }
            #expect(words == ["1", "2", "3"])
        }
    }

    /// A trailing newline does not start a new line; control bytes are refused with their line.
    @Test func lineCountingAndBinaryData() throws {
        var text = "a\nb\n"
        #expect(try text.withUTF8 { try TSPLIBLexer(bytes: $0, file: "f").lastLineNumber } == 2)
        var binary = "a\nb\u{7}c\n"
        #expect(throws: FormatError(file: "f", line: 2, message: "binary data (byte 0x07): this is not a text file")) {
            try binary.withUTF8 { _ = try TSPLIBLexer(bytes: $0, file: "f") }
        }
    }
}
