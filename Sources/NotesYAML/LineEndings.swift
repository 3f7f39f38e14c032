import NotesCore

/// Line endings as YAML and CommonMark read them: `\n`, `\r\n` and a lone `\r` all end a line.
public enum LineEndings {
    /// `text` with every `\r\n` and lone `\r` written as `\n`; the text itself when it has
    /// no `\r` (one fast scan of the UTF-8 bytes, no copy).
    public static func normalized(_ text: String) -> String {
        guard hasCarriageReturn(text) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                bytes.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if !(byte == UInt8(ascii: "\n") && previousWasCR) { bytes.append(byte) }
            previousWasCR = false
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether `text` has a `\r`, found by `ByteSearch.contains` in its contiguous UTF-8
    /// storage: walking the string's UTF-8 view byte by byte cost a scenario block more than
    /// reading its YAML's first line.
    static func hasCarriageReturn(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { ByteSearch.contains(UInt8(ascii: "\r"), in: $0) } ?? text.utf8.contains(UInt8(ascii: "\r"))
    }
}
