/// Whether a link destination as written reads as the destination cmark gives.
///
/// Used to confirm that the bytes found at a link's place are that link's (cmark's positions
/// are not always right), not to decode: backslash escapes and numeric and common named
/// character references are undone; any other named reference is taken on trust.
enum MarkdownUnescaping {
    /// Whether `written` (a destination's bytes in the source) may read as `expected`.
    static func mayRead(_ written: [UInt8], as expected: String) -> Bool {
        var decoded: [UInt8] = []
        decoded.reserveCapacity(written.count)
        var offset = 0
        while offset < written.count {
            let current = written[offset]
            if current == UInt8(ascii: "\\"), offset + 1 < written.count, isASCIIPunctuation(written[offset + 1]) {
                decoded.append(written[offset + 1])
                offset += 2
            } else if current == UInt8(ascii: "&"), let semicolon = written[offset...].prefix(34).firstIndex(of: UInt8(ascii: ";")) {
                guard let scalar = reference(written[(offset + 1)..<semicolon]) else {
                    if isNamedReference(written[(offset + 1)..<semicolon]) { return true }
                    decoded.append(current)
                    offset += 1
                    continue
                }
                decoded += Array(String(scalar).utf8)
                offset = semicolon + 1
            } else {
                decoded.append(current)
                offset += 1
            }
        }
        return decoded.elementsEqual(expected.utf8)
    }

    private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte) || (0x7B...0x7E).contains(byte)
    }

    /// The character of a numeric reference or a common named one (without `&` and `;`).
    private static func reference(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
        let text = String(decoding: name, as: UTF8.self)
        switch text {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default: break
        }
        guard text.hasPrefix("#") else { return nil }
        let digits = text.dropFirst()
        let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
        guard let value else { return nil }
        return Unicode.Scalar(value == 0 ? 0xFFFD : value) ?? "\u{FFFD}"
    }

    /// Whether the text between `&` and `;` has the shape of a named reference.
    private static func isNamedReference(_ name: ArraySlice<UInt8>) -> Bool {
        !name.isEmpty && name.allSatisfy { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
    }
}
