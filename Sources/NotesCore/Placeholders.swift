/// Fills `%x` placeholders in a translated sentence (`"全 %t 件のうち最初の %d 件"`).
///
/// Why not `replacing(_:with:)`: the standard library's generic search took about 20,000
/// instructions per call, and every aggregate figure and every log page fills a few
/// sentences. One pass over the UTF-8 of the format does all of a sentence's placeholders:
/// going by `Character` cost about 45,000 instructions for a Japanese sentence of 50, each
/// character found by the grapheme rules. `%` and the keys are ASCII, which no byte of a
/// longer UTF-8 sequence can be, so bytes find them exactly.
public enum Placeholders {
    /// `format` with each `%` followed by a key's letter replaced by its value; any other
    /// `%` is kept as it is. Keys are ASCII letters.
    public static func fill(_ format: String, _ values: [(key: Character, value: String)]) -> String {
        // The keys as bytes, found once: `Character.asciiValue` looks at the grapheme.
        let keys = values.map { $0.key.asciiValue }
        var format = format
        return format.withUTF8 { bytes in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + values.reduce(0) { $0 + $1.value.utf8.count })
            // The text between placeholders is copied a run at a time.
            var runStart = 0
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "%"), index + 1 < bytes.count, let match = keys.firstIndex(of: bytes[index + 1]) else {
                    index += 1
                    continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                result.append(contentsOf: values[match].value.utf8)
                index += 2
                runStart = index
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return String(decoding: result, as: UTF8.self)
        }
    }
}
