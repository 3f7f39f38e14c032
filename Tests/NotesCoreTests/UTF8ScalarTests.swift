import NotesCore
import Testing

/// One character of UTF-8 decoded in place: its code point and its length in bytes.
@Suite struct UTF8ScalarTests {
    @Test(arguments: [("a", 0x61, 1), ("é", 0xE9, 2), ("同", 0x540C, 3), ("😄", 0x1F604, 4)])
    func aCharacterIsDecodedWithItsLength(text: String, value: Int, width: Int) {
        let bytes = Array((text + "z").utf8)
        let decoded = bytes.withUnsafeBufferPointer { UTF8Scalar.decode($0, at: 0) }
        #expect(decoded.value == UInt32(value))
        #expect(decoded.width == width)
    }
}
