@testable import RealWorld
import Testing

@Suite struct ProtobufReaderTests {
    @Test("fields, varints, zig-zag, packed and length-delimited values decode as the wire format defines")
    func decodes() throws {
        // field 1 varint 300; field 2 bytes "hi"; field 3 packed sint64 [-1, 2, -3]; field 4 fixed32 (skipped)
        let bytes: [UInt8] = [0x08, 0xAC, 0x02, 0x12, 0x02, 0x68, 0x69, 0x1A, 0x03, 0x01, 0x04, 0x05, 0x25, 1, 2, 3, 4]
        var reader = ProtobufReader(bytes)
        #expect(try reader.nextField()! == (1, .varint))
        #expect(try reader.varint() == 300)
        #expect(try reader.nextField()! == (2, .lengthDelimited))
        #expect(try reader.string() == "hi")
        let packed = try reader.nextField()!
        #expect(try reader.packedSignedVarints(packed.type) == [-1, 2, -3])
        let fixed = try reader.nextField()!
        #expect(fixed == (4, .fixed32))
        try reader.skip(fixed.type)
        #expect(try reader.nextField() == nil)
    }

    @Test("zig-zag decoding maps 0, 1, 2, 3 to 0, −1, 1, −2")
    func zigZag() {
        #expect([0, 1, 2, 3, UInt64.max].map(ProtobufReader.zigZag) == [0, -1, 1, -2, Int64.min])
    }

    @Test("truncated input throws instead of reading past the end",
          arguments: [[0x08, 0xAC] as [UInt8], [0x12, 0x05, 0x68], [0x0B], [0x25, 1, 2]])
    func truncated(bytes: [UInt8]) {
        #expect(throws: PBFDecodingError.self) {
            var reader = ProtobufReader(bytes)
            while let field = try reader.nextField() { try reader.skip(field.type) }
        }
    }
}
