/// A minimal reader of the protocol-buffers wire format, enough for OpenStreetMap's `.osm.pbf` messages.
///
/// It walks the fields of one message (a range of a byte array) in order: ``nextField()`` gives the field number
/// and wire type, then the caller reads the value with ``varint()`` or ``lengthDelimited()``, or skips it with
/// ``skip(_:)``. Sub-messages and packed repeated fields are ranges of the same array, read by new readers, so
/// nothing is copied. Every read is bounds-checked and throws ``PBFDecodingError`` on truncated or malformed input.
struct ProtobufReader {
    /// The wire types of the protocol-buffers encoding.
    enum WireType: UInt64 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    /// The bytes of the enclosing buffer (the message is ``position``..<``end``).
    let bytes: [UInt8]
    /// The next byte to read.
    private(set) var position: Int
    /// One past the message's last byte.
    let end: Int

    /// A reader of `bytes[range]` (the whole array by default).
    init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        position = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    /// `true` when every byte of the message has been read.
    var isAtEnd: Bool { position >= end }

    /// The next field's number and wire type, or `nil` at the end of the message.
    mutating func nextField() throws(PBFDecodingError) -> (number: Int, type: WireType)? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        guard let type = WireType(rawValue: key & 7) else {
            throw PBFDecodingError("unsupported wire type \(key & 7) at byte \(position)")
        }
        let number = key >> 3
        guard number > 0, number < 1 << 29 else { throw PBFDecodingError("invalid field number \(number)") }
        return (Int(number), type)
    }

    /// Reads a base-128 varint.
    mutating func varint() throws(PBFDecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let byte = bytes[position]
            position += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw PBFDecodingError("varint longer than 10 bytes at byte \(position)") }
        }
        throw PBFDecodingError("message ends inside a varint")
    }

    /// Reads a length-delimited field and returns its byte range.
    mutating func lengthDelimited() throws(PBFDecodingError) -> Range<Int> {
        let length = try varint()
        guard length <= UInt64(end - position) else {
            throw PBFDecodingError("field of \(length) bytes runs past the end of its message")
        }
        let range = position..<(position + Int(length))
        position = range.upperBound
        return range
    }

    /// Reads a sub-message.
    mutating func message() throws(PBFDecodingError) -> ProtobufReader {
        ProtobufReader(bytes, range: try lengthDelimited())
    }

    /// Reads a length-delimited field as UTF-8 text (invalid sequences are repaired).
    mutating func string() throws(PBFDecodingError) -> String {
        String(decoding: bytes[try lengthDelimited()], as: UTF8.self)
    }

    /// Reads a packed repeated varint field (or one unpacked element when `type` is `.varint`).
    mutating func packedVarints(_ type: WireType) throws(PBFDecodingError) -> [UInt64] {
        if type == .varint { return [try varint()] }
        guard type == .lengthDelimited else { throw PBFDecodingError("packed field with wire type \(type)") }
        var packed = ProtobufReader(bytes, range: try lengthDelimited())
        var values = [UInt64]()
        values.reserveCapacity((packed.end - packed.position) / 2)
        while !packed.isAtEnd { values.append(try packed.varint()) }
        return values
    }

    /// Reads a packed repeated `sint64` field, zig-zag decoded.
    mutating func packedSignedVarints(_ type: WireType) throws(PBFDecodingError) -> [Int64] {
        try packedVarints(type).map(Self.zigZag)
    }

    /// Skips a field's value.
    mutating func skip(_ type: WireType) throws(PBFDecodingError) {
        switch type {
        case .varint: _ = try varint()
        case .lengthDelimited: _ = try lengthDelimited()
        case .fixed64: try advance(by: 8)
        case .fixed32: try advance(by: 4)
        }
    }

    private mutating func advance(by count: Int) throws(PBFDecodingError) {
        guard end - position >= count else { throw PBFDecodingError("message ends inside a fixed-size field") }
        position += count
    }

    /// Decodes a zig-zag encoded signed integer (`sint32`/`sint64`).
    static func zigZag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: (value >> 1) ^ (0 &- (value & 1)))
    }
}

/// Malformed protocol-buffers or `.osm.pbf` data; the message says what and where.
struct PBFDecodingError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
