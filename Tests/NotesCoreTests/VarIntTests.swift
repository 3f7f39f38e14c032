import Testing

@testable import NotesCore

/// Numbers of seven bits a byte (`VarInt`): their bytes, and what is no number.
@Suite struct VarIntTests {
    @Test func numbersTakeOneByteForEachSevenBits() throws {
        let cases: [(UInt64, [UInt8])] = [
            (0, [0x00]), (1, [0x01]), (127, [0x7F]), (128, [0x80, 0x01]), (300, [0xAC, 0x02]),
            (UInt64.max, [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]),
        ]
        for (value, expected) in cases {
            var bytes: [UInt8] = []
            VarInt.append(value, to: &bytes)
            #expect(bytes == expected)
            var at = 0
            #expect(VarInt.read(bytes[...], at: &at) == value)
            #expect(at == bytes.count)
        }
    }

    @Test func truncatedOrTooLongBytesAreNoNumber() {
        var at = 0
        #expect(VarInt.read([0x80, 0x80][...], at: &at) == nil)
        at = 0
        #expect(VarInt.read([][...], at: &at) == nil)
        // Eleven bytes, or a tenth byte with more than the last bit: beyond 64 bits.
        at = 0
        #expect(VarInt.read([UInt8](repeating: 0xFF, count: 10)[...] + [0x01], at: &at) == nil)
        at = 0
        #expect(VarInt.read([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02][...], at: &at) == nil)
        // A slice is read from its own start.
        let bytes: [UInt8] = [0x05, 0xAC, 0x02]
        at = 1
        #expect(VarInt.read(bytes[1...], at: &at) == 300)
    }
}
