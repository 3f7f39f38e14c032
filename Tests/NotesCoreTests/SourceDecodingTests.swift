import NotesCore
import Testing

@Suite struct SourceDecodingTests {
    @Test func invalidUTF8IsReportedAtTheFirstBadByte() {
        let bytes = Array("ok\nあい".utf8) + [0xFF] + Array("z".utf8)
        let result = SourceDecoding.decode(bytes)
        #expect(result == .failure(.invalidUTF8(byteOffset: 9, position: SourcePosition(line: 2, column: 3))))
    }

    @Test func truncatedSequenceIsInvalid() {
        #expect(SourceDecoding.firstInvalidUTF8Offset([0x61, 0xE3, 0x81]) == 1)
        #expect(SourceDecoding.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]) == 0) // surrogate
        #expect(SourceDecoding.firstInvalidUTF8Offset(Array("同期".utf8)) == nil)
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(SourceDecoding.decode([0xEF, 0xBB, 0xBF] + Array("# a".utf8)) == .success("# a"))
    }

    @Test func nulByteIsRejected() {
        #expect(SourceDecoding.decode(Array("a\nb".utf8) + [0]) == .failure(.nulByte(position: SourcePosition(line: 2, column: 2))))
    }
}
