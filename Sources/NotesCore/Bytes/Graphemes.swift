/// Counts characters (grapheme clusters) without grapheme breaking for the text notes are
/// mostly made of.
public enum Graphemes {
    /// Whether a scalar is a grapheme cluster of its own wherever it stands: ASCII other
    /// than CR (which joins a following LF), kana, CJK ideographs and punctuation, full-width
    /// forms. Not the combining voiced marks U+3099–309A or tone marks U+302A–302F, which
    /// join the scalar before. Text made only of these has one character per scalar.
    public static func isAlwaysAlone(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x0C, 0x0E...0x7F, 0x3000...0x3029, 0x3030...0x3098, 0x309B...0x30FF, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// The number of characters in UTF-8 text, as `String.count` gives it.
    public static func count(_ bytes: ArraySlice<UInt8>) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            var scalars = 0
            while index < buffer.count {
                let lead = buffer[index]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard index + length <= buffer.count else { return slowCount(buffer) }
                var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0x7F >> length)
                if length > 1 {
                    for offset in 1..<length { value = value << 6 | UInt32(buffer[index + offset] & 0x3F) }
                }
                guard isAlwaysAlone(value) else { return slowCount(buffer) }
                scalars += 1
                index += length
            }
            return scalars
        }
    }

    private static func slowCount(_ buffer: UnsafeBufferPointer<UInt8>) -> Int {
        String(decoding: buffer, as: UTF8.self).count
    }
}
