/// Escapes text for HTML and SVG (XML) text content and attribute values.
public enum HTMLEscaping {
    /// Escapes `&`, `<`, `>`, `"` and `'` (safe in text and in quoted attributes) and drops
    /// control characters that XML does not allow.
    ///
    /// Works on UTF-8 bytes: every byte it changes is ASCII, so multi-byte characters pass
    /// through untouched, and text without special characters is returned as it is.
    public static func attribute(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscaping) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            output.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case 0x3C: output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case 0x3E: output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case 0x22: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case 0x27: output.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                case ..<0x20 where byte != 0x0A && byte != 0x09: continue
                default: output.append(byte)
                }
            }
            return String(decoding: output, as: UTF8.self)
        } ?? text
    }

    /// Escapes text content (same set as attributes, so one function serves both).
    public static func text(_ text: String) -> String { attribute(text) }

    /// Appends `bytes` escaped as Mustache escapes `{{variable}}`s: `< > & " '` become
    /// entities and nothing is dropped; runs between them are copied whole. The template
    /// renderer writes every variable of every page through it.
    public static func appendMustacheEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        // The bytes escaped (`" & ' < >`, all below 64) as bits of one number: most bytes
        // are passed at one test, without the switch below.
        let escapedBytes: UInt64 = 1 << 0x22 | 1 << 0x26 | 1 << 0x27 | 1 << 0x3C | 1 << 0x3E
        var runStart = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte < 64, escapedBytes &>> UInt64(byte) & 1 != 0 else {
                index += 1
                continue
            }
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                index += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            entity.withUTF8Buffer { output.append(contentsOf: $0) }
            index += 1
            runStart = index
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    /// `appendMustacheEscaped(_:to:)` for bytes held in an array slice.
    public static func appendMustacheEscaped(_ bytes: ArraySlice<UInt8>, to output: inout [UInt8]) {
        bytes.withUnsafeBufferPointer { appendMustacheEscaped($0, to: &output) }
    }

    /// Whether `attribute(_:)` changes this byte (all such bytes are below 0x40).
    @inline(__always)
    static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x40 && escapedBelow0x40 & (1 << UInt64(byte)) != 0
    }

    /// The bytes `needsEscaping`, one bit each (all are below 0x40): the control characters
    /// but tab and line feed, and `" & ' < >`. Looking a byte's bit up is one test where
    /// comparing it is seven, for every byte of every tooltip and page (`MarkupWriter.text`).
    static var escapedBelow0x40: UInt64 { 0x5000_00C4_FFFF_F9FF }
}
