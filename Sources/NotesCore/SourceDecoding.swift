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
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // The standard library validates once, fast; the byte-by-byte scan below runs only
        // to say where bad bytes are.
        let decoded: (text: String?, nul: Int?) = bytes.withUnsafeBufferPointer { buffer in
            let content = UnsafeBufferPointer(rebasing: buffer[bom...])
            guard let text = String(validating: content, as: UTF8.self) else { return (nil, nil) }
            // memchr: a vectorised scan for NUL instead of a byte loop.
            guard let base = content.baseAddress, let nul = memchr(base, 0, content.count) else { return (text, nil) }
            return (text, UnsafeRawPointer(nul) - UnsafeRawPointer(base))
        }
        if let text = decoded.text, decoded.nul == nil { return .success(text) }
        let content = Array(bytes[bom...])
        if let nul = decoded.nul {
            return .failure(.nulByte(position: LineIndex(bytes: content).position(ofOffset: nul)))
        }
        let bad = firstInvalidUTF8Offset(content) ?? content.count
        let position = LineIndex(bytes: Array(content[..<bad])).position(ofOffset: bad)
        return .failure(.invalidUTF8(byteOffset: bad + bom, position: position))
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    public static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
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
            for next in 1..<length {
                let byte = bytes[index + next]
                let low: UInt8 = next == 1 ? lowest : 0x80
                let high: UInt8 = next == 1 ? highest : 0xBF
                if byte < low || byte > high { return index }
            }
            index += length
        }
        return nil
    }
}
