/// Splits the text of a TSPLIB-family file (instances, tours, CVRPLIB solutions) into numbered lines
/// and whitespace-separated tokens, working on UTF-8 bytes without building per-character strings.
///
/// Blank lines are dropped; every kept line is trimmed of surrounding whitespace (spaces, tabs,
/// carriage returns), so CRLF files and tab-separated X instances read like any other. Control
/// bytes other than whitespace mean the input is not text and are reported with their line.
struct TSPLIBLexer {
    /// A non-blank line: its 1-based number and its trimmed byte range.
    struct Line {
        let number: Int
        let start: Int
        let end: Int
    }

    /// The text being read. Only valid while the caller's buffer is alive.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The file name used in error messages.
    let file: String
    /// The non-blank lines, in order.
    let lines: [Line]
    /// The number of the file's last line (1 for an empty file): where a truncated file ended.
    let lastLineNumber: Int

    /// Splits `bytes` into lines, skipping a leading UTF-8 byte-order mark.
    /// - Throws: ``FormatError`` at the first line holding a control byte (binary data).
    init(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(FormatError) {
        self.bytes = bytes
        self.file = file
        var lines: [Line] = []
        var number = 1
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        var lineStart = hasByteOrderMark ? 3 : 0
        var index = lineStart
        let count = bytes.count
        while index <= count {
            let byte: UInt8 = index < count ? bytes[index] : ASCII.newline
            if byte == ASCII.newline {
                var start = lineStart, end = index
                while start < end && ASCII.isWhitespace(bytes[start]) { start += 1 }
                while end > start && ASCII.isWhitespace(bytes[end - 1]) { end -= 1 }
                if start < end { lines.append(Line(number: number, start: start, end: end)) }
                if index + 1 < count { number += 1 }
                lineStart = index + 1
            } else if byte < 0x20 && !ASCII.isWhitespace(byte) || byte == 0x7F {
                let hex = String(byte, radix: 16, uppercase: true)
                throw FormatError(
                    file: file, line: number,
                    message: "binary data (byte 0x\(hex.count == 1 ? "0" + hex : hex)): this is not a text file")
            }
            index += 1
        }
        self.lines = lines
        self.lastLineNumber = number
    }

    // MARK: - Lines

    /// `true` when the line starts with a letter, i.e. it is a keyword (`NAME : x`, `EOF`,
    /// `NODE_COORD_SECTION`) rather than data.
    func isKeywordLine(_ line: Line) -> Bool {
        ASCII.isLetter(bytes[line.start])
    }

    /// Splits a keyword line into its upper-cased keyword and the trimmed value after the optional
    /// colon (`NAME: x`, `NAME : x`, `NAME:x` and `NAME x` all give `NAME` and `x`).
    func keyword(of line: Line) -> (word: String, value: Range<Int>?) {
        var index = line.start
        while index < line.end && bytes[index] != ASCII.colon && !ASCII.isWhitespace(bytes[index]) {
            index += 1
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<index]), as: UTF8.self).uppercased()
        while index < line.end && ASCII.isWhitespace(bytes[index]) { index += 1 }
        if index < line.end && bytes[index] == ASCII.colon { index += 1 }
        while index < line.end && ASCII.isWhitespace(bytes[index]) { index += 1 }
        return (word, index < line.end ? index..<line.end : nil)
    }

    /// The tokens of a line, separated by whitespace.
    func tokens(of line: Line) -> TokenCursor {
        TokenCursor(bytes: bytes, position: line.start, end: line.end)
    }

    /// The tokens of a byte range, separated by whitespace.
    func tokens(in range: Range<Int>) -> TokenCursor {
        TokenCursor(bytes: bytes, position: range.lowerBound, end: range.upperBound)
    }

    /// The text of a byte range, decoded leniently; long texts are shortened for messages.
    func text(_ range: Range<Int>, limit: Int = .max) -> String {
        let shown = range.count > limit ? range.lowerBound..<(range.lowerBound + limit) : range
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[shown]), as: UTF8.self)
        return shown.count < range.count ? text + "…" : text
    }

    /// A token quoted for an error message.
    func quoted(_ range: Range<Int>) -> String {
        "'\(text(range, limit: 40))'"
    }

    /// An error at `line` of this file.
    func error(_ message: String, line: Int) -> FormatError {
        FormatError(file: file, line: line, message: message)
    }

    // MARK: - Numbers

    /// Reads a whole number token, or throws a precise error (`'x' is not a whole number`,
    /// `'1e99' is out of range`, `'nan' is not a finite number`).
    func integer(_ token: Range<Int>, line: Int, what: String) throws(FormatError) -> Int {
        switch NumberScanner.wholeNumber(bytes, token) {
        case .value(let value): return value
        case .notANumber: throw error("\(what) \(quoted(token)) is not a whole number", line: line)
        case .notFinite: throw error("\(what) \(quoted(token)) is not a finite number", line: line)
        case .outOfRange: throw error("\(what) \(quoted(token)) is out of range", line: line)
        }
    }

    /// Reads a real number token, rejecting `nan`, `inf` and overflowing values.
    func real(_ token: Range<Int>, line: Int, what: String) throws(FormatError) -> Double {
        switch NumberScanner.real(bytes, token) {
        case .value(let value): return value
        case .notANumber: throw error("\(what) \(quoted(token)) is not a number", line: line)
        case .notFinite: throw error("\(what) \(quoted(token)) is not a finite number", line: line)
        case .outOfRange: throw error("\(what) \(quoted(token)) is out of range", line: line)
        }
    }
}

/// Walks the whitespace-separated tokens of a byte range without allocating.
struct TokenCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int

    /// The next token's byte range, or `nil` at the end.
    mutating func next() -> Range<Int>? {
        while position < end && ASCII.isWhitespace(bytes[position]) { position += 1 }
        guard position < end else { return nil }
        let start = position
        while position < end && !ASCII.isWhitespace(bytes[position]) { position += 1 }
        return start..<position
    }

    /// The rest of the range after the tokens read so far, trimmed, or `nil` when only whitespace is left.
    mutating func remainder() -> Range<Int>? {
        while position < end && ASCII.isWhitespace(bytes[position]) { position += 1 }
        return position < end ? position..<end : nil
    }
}

/// Byte classes used by the lexers.
enum ASCII {
    static let newline: UInt8 = 0x0A
    static let colon: UInt8 = 0x3A

    /// Space, tab, line feed, vertical tab, form feed, carriage return.
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }
}
