#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a file's bytes into text, or says exactly where the bytes stop being UTF-8.
public enum SourceDecoding {
    /// Why bytes could not be used as a note's text.
    public enum Failure: Error, Equatable, Sendable {
        /// The first byte that is not part of a valid UTF-8 sequence, and its position.
        case invalidUTF8(byteOffset: Int, position: SourcePosition)
        /// A NUL byte, which no text editor writes into a note.
        case nulByte(position: SourcePosition)
    }

    /// Decodes UTF-8, dropping a leading byte-order mark.
    public static func decode(_ bytes: [UInt8]) -> Result<String, Failure> {
        validate(bytes).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Checks that bytes are UTF-8 without NUL and returns them without a leading
    /// byte-order mark, for callers that work on bytes (no String is made).
    public static func validate(_ bytes: [UInt8]) -> Result<ArraySlice<UInt8>, Failure> {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let problem: (bad: Int?, nul: Int?) = bytes.withUnsafeBufferPointer { buffer in
            let content = UnsafeBufferPointer(rebasing: buffer[bom...])
            // memchr: a vectorised scan for NUL instead of a byte loop.
            let nul = content.baseAddress.flatMap { base in memchr(base, 0, content.count).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } }
            return (firstInvalidUTF8Offset(content), nul)
        }
        let content = bytes[bom...]
        if let bad = problem.bad {
            let position = LineIndex(bytes: Array(content[bom..<(bom + bad)])).position(ofOffset: bad)
            return .failure(.invalidUTF8(byteOffset: bad + bom, position: position))
        }
        if let nul = problem.nul {
            return .failure(.nulByte(position: LineIndex(bytes: Array(content)).position(ofOffset: nul)))
        }
        return .success(content)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset)
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence: ASCII
    /// is skipped eight bytes at a time and the three-byte sequences of Japanese text two
    /// per eight-byte load; other sequences are checked byte by byte (overlong forms,
    /// surrogates and code points above U+10FFFF are invalid).
    public static func firstInvalidUTF8Offset(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = 0
        let count = bytes.count
        while index < count {
            while index + 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index += 8
            }
            // Kana and most CJK ideographs: a lead byte E1–EC or EE–EF (E0 and ED restrict
            // the next byte: checked below) and two continuation bytes. Two characters per
            // eight-byte load while they come in pairs, then one per four-byte load.
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self).littleEndian
                let first = word & 0xFF
                let second = word >> 24 & 0xFF
                guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0, first != 0xE0, first != 0xED, second != 0xE0, second != 0xED else { break }
                index += 6
            }
            while index + 4 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt32.self).littleEndian
                let lead = word & 0xFF
                guard word & 0x00C0_C0F0 == 0x0080_80E0, lead != 0xE0, lead != 0xED else { break }
                index += 3
            }
            guard index < count else { break }
            let lead = base[index]
            if lead < 0x80 {
                // A short run of ASCII (a space, a backtick, a word) between Japanese text:
                // read to its end here rather than starting the loads again at each byte.
                index += 1
                while index < count, base[index] < 0x80 { index += 1 }
                continue
            }
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; highest = 0x9F
            case 0xF0: length = 4; lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; highest = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = base[index + 1]
            if second < lowest || second > highest { return index }
            for next in 2..<max(length, 2) where base[index + next] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }
}
