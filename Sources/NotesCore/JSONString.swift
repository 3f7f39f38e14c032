/// Writes text as a double-quoted JSON (and JavaScript) string literal.
public enum JSONString {
    /// The literal for `text`. `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`, so
    /// the same literal is valid JSON and safe inside an HTML `<script>` element.
    public static func quote(_ text: String) -> String {
        // Works on UTF-8 bytes: every escaped character is ASCII except U+2028 and U+2029
        // (E2 80 A8 / A9), so other multi-byte characters are copied as they are.
        var text = text
        var out: [UInt8] = [0x22]
        text.withUTF8 { bytes in
            out.reserveCapacity(bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x3C, 0x3E, 0x26: out += ("\\u" + hex4(UInt32(byte))).utf8
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    out += ("\\u" + hex4(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029)).utf8
                    index += 3
                    continue
                case ..<0x20: out += ("\\u" + hex4(UInt32(byte))).utf8
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
