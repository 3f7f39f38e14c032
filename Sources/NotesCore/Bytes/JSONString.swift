/// Writes text as a double-quoted JSON (and JavaScript) string literal.
public enum JSONString {
    /// The literal for `text`. `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`, so
    /// the same literal is valid JSON and safe inside an HTML `<script>` element.
    public static func quote(_ text: String) -> String {
        String(decoding: quotedBytes(text), as: UTF8.self)
    }

    /// `quote(text)` as UTF-8 bytes, after `prefix` and before `suffix` (written into the one
    /// array: the sidebar script is a megabyte, and joining arrays copied it twice).
    public static func quotedBytes(_ text: String, prefix: StaticString = "", suffix: StaticString = "") -> [UInt8] {
        // Works on UTF-8 bytes: every escaped character is ASCII except U+2028 and U+2029
        // (E2 80 A8 / A9), so other multi-byte characters are copied as they are. Runs that
        // need no escape are copied whole and each escape comes from a table, through a
        // pointer into room for the worst case (six bytes per byte): the sidebar list is a
        // megabyte of HTML with an escape every few bytes.
        var text = text
        return text.withUTF8 { bytes in
            escapes.withUnsafeBufferPointer { escapes in
                [UInt8](unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + bytes.count * 6 + 2 + suffix.utf8CodeUnitCount) { buffer, written in
                    let source = bytes.baseAddress ?? UnsafePointer(buffer.baseAddress!)
                    let out = buffer.baseAddress!
                    out.initialize(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
                    var at = prefix.utf8CodeUnitCount
                    out[at] = 0x22
                    at += 1
                    var index = 0
                    while index < bytes.count {
                        let run = index
                        while index < bytes.count, escapes[Int(source[index]) &* 8] == 0 { index += 1 }
                        (out + at).initialize(from: source + run, count: index - run)
                        at += index - run
                        guard index < bytes.count else { break }
                        var entry = Int(source[index]) &* 8
                        if source[index] == 0xE2 {
                            // Only U+2028 and U+2029 are escaped; other characters from E2 are copied.
                            guard index + 2 < bytes.count, source[index + 1] == 0x80, source[index + 2] == 0xA8 || source[index + 2] == 0xA9 else {
                                out[at] = 0xE2
                                at += 1
                                index += 1
                                continue
                            }
                            entry = source[index + 2] == 0xA8 ? lineSeparator : paragraphSeparator
                            index += 2
                        }
                        let length = Int(escapes[entry])
                        (out + at).initialize(from: escapes.baseAddress! + entry + 1, count: length)
                        at += length
                        index += 1
                    }
                    out[at] = 0x22
                    (out + at + 1).initialize(from: suffix.utf8Start, count: suffix.utf8CodeUnitCount)
                    written = at + 1 + suffix.utf8CodeUnitCount
                }
            }
        }
    }

    /// Entries of eight bytes: the length of the escape (0: copied as it is), then its bytes.
    /// Bytes 0–255, then U+2028 and U+2029; byte 0xE2 is marked to be looked at.
    private static let escapes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 258 * 8)
        func set(_ entry: Int, _ escape: String) {
            let bytes = Array(escape.utf8)
            table[entry * 8] = UInt8(bytes.count)
            for (offset, byte) in bytes.enumerated() { table[entry * 8 + 1 + offset] = byte }
        }
        func unicode(_ value: Int) -> String {
            let digits = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
        }
        for byte in 0..<0x20 { set(byte, unicode(byte)) }
        for byte in [0x3C, 0x3E, 0x26] { set(byte, unicode(byte)) }
        set(0x22, "\\\"")
        set(0x5C, "\\\\")
        set(0x0A, "\\n")
        set(0x0D, "\\r")
        set(0x09, "\\t")
        table[0xE2 * 8] = 1
        set(256, unicode(0x2028))
        set(257, unicode(0x2029))
        return table
    }()

    private static let lineSeparator = 256 * 8
    private static let paragraphSeparator = 257 * 8
}
