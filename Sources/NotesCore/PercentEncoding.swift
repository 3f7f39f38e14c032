/// `%XX` escapes in URL paths: one decoder for link checking (lenient) and for the preview
/// server (strict), and the one encoder for every address notesim builds from a file name
/// (page links, the sidebar, the pager, rewritten Markdown links, the sitemap).
public enum PercentEncoding {
    /// Decodes escapes as UTF-8; a malformed escape is kept as written.
    public static func decodeLeniently(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        return String(decoding: decodedBytes(text, strict: false)!, as: UTF8.self)
    }

    /// Decodes escapes; nil for a malformed escape or bytes that are not UTF-8.
    public static func decodeStrictly(_ text: String) -> String? {
        decodedBytes(text, strict: true).flatMap { String(validating: $0, as: UTF8.self) }
    }

    /// `text` with its non-ASCII bytes percent-encoded and the rest as written (`%20` stays):
    /// for an address the writer gave whole (`base-url`), whose ASCII is theirs to escape.
    public static func encodeNonASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        return escaping(text) { $0 < 0x80 }
    }

    /// `text` with every byte `kept` refuses written as `%XX`.
    @inline(__always)
    private static func escaping(_ text: String, keeping kept: (UInt8) -> Bool) -> String {
        var result = ""
        for byte in text.utf8 {
            if kept(byte) {
                result.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                result.unicodeScalars.append("%")
                result.unicodeScalars.append(hexDigits[Int(byte >> 4)])
                result.unicodeScalars.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// The digits of an escape (`%E3`).
    private static let hexDigits = Array("0123456789ABCDEF".unicodeScalars)

    /// Escapes everything but unreserved characters and `/` (non-ASCII as UTF-8 bytes).
    ///
    /// File names are data, so no character of a name may act as URL syntax: `%`, `#`, `?`
    /// and space are escaped, and so is `:` (a first segment with one would read as a scheme,
    /// `javascript:`), and the sub-delimiters too (`;` is a path parameter to some servers,
    /// `+` a space to others). Non-ASCII is escaped as UTF-8, as cmark does in Markdown
    /// links: one spelling for one file everywhere; browsers show it decoded. The result has
    /// nothing that HTML or JavaScript strings need to escape.
    public static func encodePath(_ path: String) -> String {
        // Most names need nothing: return them without building a new string.
        guard path.utf8.contains(where: { !isKept($0) }) else { return path }
        return escaping(path, keeping: isKept)
    }

    /// Whether a byte stands for itself in an encoded path: unreserved characters and `/`.
    private static func isKept(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    private static func decodedBytes(_ text: String, strict: Bool) -> [UInt8]? {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            guard utf8[index] == UInt8(ascii: "%") else {
                bytes.append(utf8[index])
                index += 1
                continue
            }
            if index + 2 < utf8.count, let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else if strict {
                return nil
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
