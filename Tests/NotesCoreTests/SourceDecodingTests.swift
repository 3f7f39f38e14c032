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

    @Test func validatorAgreesWithTheStandardLibrary() {
        // Random byte strings over the bytes that matter (ASCII, continuations, every kind
        // of lead byte, bytes that never occur), from a fixed seed.
        let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE3, 0xEC, 0xED,
                                 0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for _ in 0..<20_000 {
            let length = Int(next() % 24)
            let prefix = Array(repeating: UInt8(ascii: "a"), count: Int(next() % 12))
            let bytes = prefix + (0..<length).map { _ in alphabet[Int(next()) % alphabet.count] }
            let offset = SourceDecoding.firstInvalidUTF8Offset(bytes)
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
            }
        }
    }
}
