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
                // Escapes are appended byte by byte: the sidebar list has tens of thousands.
                switch byte {
                case 0x22, 0x5C: out.append(0x5C); out.append(byte)
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                case 0x3C, 0x3E, 0x26: appendEscape(UInt32(byte), to: &out)
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    appendEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &out)
                    index += 3
                    continue
                case ..<0x20: appendEscape(UInt32(byte), to: &out)
                default: out.append(byte)
                }
                index += 1
            }
        }
        out.append(0x22)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `\uXXXX` (lowercase hex) for a code point below U+10000.
    private static func appendEscape(_ value: UInt32, to out: inout [UInt8]) {
        out.append(0x5C)
        out.append(0x75)
        for shift in stride(from: 12, through: 0, by: -4) {
            let digit = UInt8((value >> UInt32(shift)) & 0xF)
            out.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
        }
    }
}
