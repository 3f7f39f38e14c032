/// Writes text as a double-quoted JSON (and JavaScript) string literal.
public enum JSONString {
    /// The literal for `text`. `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`, so
    /// the same literal is valid JSON and safe inside an HTML `<script>` element.
    public static func quote(_ text: String) -> String {
        // Works on UTF-8 bytes: every escaped character is ASCII except U+2028 and U+2029
        // (E2 80 A8 / A9), so other multi-byte characters are copied as they are. The output
        // is written through a pointer into room for the worst case (six bytes per byte):
        // the sidebar list is a megabyte of HTML with an escape every few bytes.
        var text = text
        let out = text.withUTF8 { bytes in special.withUnsafeBufferPointer { special in
            [UInt8](unsafeUninitializedCapacity: bytes.count * 6 + 2) { buffer, written in
                var at = 0
                func put(_ byte: UInt8) {
                    buffer[at] = byte
                    at += 1
                }
                func putEscape(_ value: UInt32) {
                    put(0x5C)
                    put(0x75)
                    for shift in stride(from: 12, through: 0, by: -4) {
                        let digit = UInt8((value >> UInt32(shift)) & 0xF)
                        put(digit < 10 ? 0x30 + digit : 0x57 + digit)
                    }
                }
                put(0x22)
                var index = 0
                while index < bytes.count {
                    // A run of bytes that need no escape is copied whole.
                    let run = index
                    while index < bytes.count, !special[Int(bytes[index])] { index += 1 }
                    if index > run {
                        UnsafeMutableRawPointer(buffer.baseAddress! + at).copyMemory(from: bytes.baseAddress! + run, byteCount: index - run)
                        at += index - run
                        if index == bytes.count { break }
                    }
                    let byte = bytes[index]
                    index += 1
                    switch byte {
                    case 0x22, 0x5C: put(0x5C); put(byte)
                    case 0x0A: put(0x5C); put(0x6E)
                    case 0x0D: put(0x5C); put(0x72)
                    case 0x09: put(0x5C); put(0x74)
                    case 0x3C, 0x3E, 0x26: putEscape(UInt32(byte))
                    case 0xE2 where index + 1 < bytes.count && bytes[index] == 0x80 && (bytes[index + 1] == 0xA8 || bytes[index + 1] == 0xA9):
                        putEscape(bytes[index + 1] == 0xA8 ? 0x2028 : 0x2029)
                        index += 2
                    case ..<0x20: putEscape(UInt32(byte))
                    default: put(byte)
                    }
                }
                put(0x22)
                written = at
            }
        } }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes `quote` may have to escape: controls, `"`, `\\`, `<`, `>`, `&`, and 0xE2 (the
    /// first byte of U+2028 and U+2029).
    private static let special: [Bool] = (0...255).map { byte in
        byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2].contains(byte)
    }
}
