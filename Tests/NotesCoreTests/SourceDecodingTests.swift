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
        #expect(SourceDecoding.firstInvalidUTF8Offset([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(SourceDecoding.firstInvalidUTF8Offset(Array("同期".utf8)) == nil)
    }

    /// Runs of Japanese text with one character changed, and where the first bad byte is.
    private static let japaneseRuns: [(bytes: [UInt8], offset: Int?)] = {
        let text: (String) -> [UInt8] = { Array($0.utf8) }
        var runs: [(bytes: [UInt8], offset: Int?)] = []
        runs.append((text("同期同期") + [0xED, 0xA0, 0x80] + text("同期"), 12))  // surrogate
        runs.append((text("同") + [0xE0, 0x80, 0x80] + text("同期"), 3))  // overlong
        runs.append((text("同期") + [0xE5, 0x41, 0x8C] + text("aaaa"), 6))  // no continuation
        runs.append((text("同期同") + [0xE3, 0x81], 9))  // cut off
        runs.append((text("同期同期同") + [0xE0, 0xA0, 0x80] + text("期"), nil))  // U+0800, valid
        runs.append((text("同期") + [0xED, 0x9F, 0xBF] + text("同期"), nil))  // U+D7FF, valid
        return runs
    }()

    /// A bad three-byte character inside a run of good ones is found whichever of the two
    /// characters an eight-byte load reads it as: E0 and ED restrict their second byte.
    @Test func badCharacterInAJapaneseRunIsFound() {
        for run in Self.japaneseRuns {
            #expect(SourceDecoding.firstInvalidUTF8Offset(run.bytes) == run.offset, "\(run.bytes)")
        }
    }

    @Test func byteOrderMarkIsDropped() {
        #expect(SourceDecoding.decode([0xEF, 0xBB, 0xBF] + Array("# a".utf8)) == .success("# a"))
    }

    @Test func nulByteIsRejected() {
        #expect(SourceDecoding.decode(Array("a\nb".utf8) + [0]) == .failure(.nulByte(position: SourcePosition(line: 2, column: 2))))
    }

    @Test func validatorAgreesWithTheStandardLibraryOnJapaneseText() {
        // Runs of valid three-byte characters (the fast path reads two at a time),
        // ASCII, two- and four-byte characters, with a few bytes broken or cut off, so that
        // the bad byte falls at every offset of a word.
        let pieces = ["同期", "呼び出し", "ー", "\u{E000}", "\u{FFFD}", "\u{0800}", "\u{D7FF}", "é", "𠮷", "a", " ", "\n"].map { Array($0.utf8) }
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            var bytes = (0..<(next() % 12)).flatMap { _ in pieces[next() % pieces.count] }
            switch next() % 4 {
            case 0 where !bytes.isEmpty: bytes[next() % bytes.count] = [0x80, 0xC0, 0xE0, 0xED, 0xFF, 0x41][next() % 6]
            case 1 where !bytes.isEmpty: bytes.removeLast(next() % min(bytes.count, 3))
            default: break
            }
            let offset = SourceDecoding.firstInvalidUTF8Offset(bytes)
            #expect((offset == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
            if let offset {
                #expect(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(bytes)")
                // No valid character starts at the bad byte.
                let starts = (1...4).filter { offset + $0 <= bytes.count && String(validating: bytes[offset..<(offset + $0)], as: UTF8.self) != nil }
                #expect(starts.isEmpty, "\(bytes)")
            }
        }
    }

    @Test func validatorAgreesWithTheStandardLibrary() {
        // Random byte strings over the bytes that matter (ASCII, continuations, every kind
        // of lead byte, bytes that never occur), from a fixed seed.
        let alphabet: [UInt8] = [
            0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE3, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF,
        ]
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
